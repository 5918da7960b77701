/*
** sql/vectors_sql.c — converting and inspecting vectors.
**
**   kl_f32(x)    any vector form in; a float32 little-endian blob out,
**                4 bytes per element (the sqlite-vec layout, and numpy's
**                astype('<f4').tobytes()).
**   kl_f64(x)    any vector form in; a kl_f64 blob out: the 8-byte header of
**                core/vectors.h, then the doubles.  Every function reads such
**                a blob as float64, wherever it was stored or passed.  A blob
**                without the header is float32 here as everywhere (since
**                0.2.0; 0.1.0 read it as raw float64 in kl_f64 only).
**   kl_f64(x, format)
**                format says how a blob x without the kl_f64 header is read:
**                'f32' (the default) or 'f64', raw little-endian float64
**                (numpy's astype('<f8').tobytes()).  A blob with the header
**                is a kl_f64 blob whatever the format.  (Registered once the
**                catalogue lists the argument.)
**   kl_json(x)   any vector form in; JSON text out, each element written
**                as the shortest decimal that reads back to the same value
**                (the same float32 for a float32 blob), so JSON -> blob ->
**                JSON is lossless.
**   kl_dims(x)   the number of elements (1 for a plain number).
**   kl_version() the extension's version string.
**
** Rules:
**  (1) NULL in gives NULL out (the NULL rule: any NULL argument).
**  (2) The input is validated in full, as every other function would:
**      malformed JSON, empty vectors, NaN or +Inf elements and blobs whose
**      size is not a whole number of elements are errors.
**  (3) -Inf elements are kept (they are logits of probability 0, which
**      kl_div_logits takes): kl_f32 and kl_f64 store them, kl_json writes
**      them as -1e999, which reads back as -Inf, kl_dims counts them.
**      Every other function refuses them as before.
**  (4) kl_f32 refuses an element whose magnitude rounds beyond the float32
**      range (it would become Inf); values that round to zero are kept.
**  (5) A result longer than SQLite's length limit (SQLITE_LIMIT_LENGTH) is
**      refused with SQLITE_TOOBIG; the result buffer never grows past the
**      limit.
*/
#include "args.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"
#include "kl.h"

#include <math.h>
#include <string.h>

/* Opens val; on success *count is its number of elements. */
static int open_counted(sqlite3_context *ctx, const char *fname,
                        sqlite3_value *val, kl_vec *v, size_t *count){
  kl_vec probe;
  kl_verr err;
  char *zErr = 0;
  int rc = kl_open_value(fname, "x", val, KL_NEG_INF, v, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return rc;
  probe = *v;
  memset(&err, 0, sizeof err);
  if( kl_vec_count_rest(&probe, count, &err) ){
    kl_report(ctx, fname, "x", &err);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

/* SQLITE_TOOBIG, before anything is allocated for the result */
static void too_big(sqlite3_context *ctx, const char *fname,
                    sqlite3_int64 limit){
  kl_error(ctx, sqlite3_mprintf("%s: the result would exceed SQLite's length "
                                "limit of %lld bytes", fname, limit));
  sqlite3_result_error_code(ctx, SQLITE_TOOBIG);
}

static sqlite3_int64 length_limit(sqlite3_context *ctx){
  return sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
}

static void store_le(unsigned char *p, uint64_t u, int bytes){
  int k;
  for(k=0; k<bytes; k++){
    p[k] = (unsigned char)(u & 0xff);
    u >>= 8;
  }
}

/*
** kl_f32 (elsize 4) and kl_f64 (elsize 8): one pass over the input into a
** buffer that doubles as needed, refusing to grow past the length limit.
*/
static void to_binary(sqlite3_context *ctx, sqlite3_value *val,
                      const char *fname, int elsize, unsigned flags){
  size_t header = elsize==8 ? KL_F64_HEADER_SIZE : 0;
  size_t got, i, n = 0, cap = 0;
  sqlite3_int64 limit = length_limit(ctx);
  double buf[KL_CHUNK];
  unsigned char *out = 0;
  kl_verr err;
  kl_vec v;
  char *zErr = 0;
  int rc = kl_open_value(fname, "x", val, flags | KL_NEG_INF, &v, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  memset(&err, 0, sizeof err);
  for(;;){
    if( kl_vec_read(&v, buf, KL_CHUNK, &got, &err) ){
      kl_report(ctx, fname, "x", &err);
      goto fail;
    }
    if( got==0 ) break;
    if( (sqlite3_int64)(header + (n + got)*(size_t)elsize) > limit ){
      too_big(ctx, fname, limit);
      goto fail;
    }
    if( n + got > cap ){
      unsigned char *p;
      cap = cap ? 2*cap : KL_CHUNK;
      if( (sqlite3_int64)(header + cap*(size_t)elsize) > limit ){
        cap = ((size_t)limit - header) / (size_t)elsize;
      }
      p = (unsigned char*)sqlite3_realloc64(out, header + cap*(size_t)elsize);
      if( p==0 ){
        sqlite3_result_error_nomem(ctx);
        goto fail;
      }
      out = p;
    }
    for(i=0; i<got; i++){
      unsigned char *at = out + header + (n + i)*(size_t)elsize;
      if( elsize==4 ){
        float f = (float)buf[i];
        uint32_t u;
        if( isinf(f) && !isinf(buf[i]) ){
          char num[32];
          kl_format_number(buf[i], 0, num);
          if( v.kind==KL_NUM ){
            kl_error(ctx, sqlite3_mprintf("%s: x is outside the float32 "
                                          "range (got %s)", fname, num));
          }else{
            kl_error(ctx, sqlite3_mprintf("%s: x[%lld] is outside the "
                                          "float32 range (got %s)", fname,
                                          (sqlite3_int64)(n + i), num));
          }
          goto fail;
        }
        memcpy(&u, &f, 4);
        store_le(at, u, 4);
      }else{
        uint64_t u;
        memcpy(&u, &buf[i], 8);
        store_le(at, u, 8);
      }
    }
    n += got;
  }
  memcpy(out, kl_f64_header, header);
  sqlite3_result_blob64(ctx, out, header + n*(size_t)elsize, sqlite3_free);
  return;
fail:
  sqlite3_free(out);
}

void kl_f32_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  to_binary(ctx, argv[0], "kl_f32", 4, 0);
}

void kl_f64_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  unsigned flags = 0;
  if( kl_any_null(argc, argv) ) return;
  if( argc==2 ){
    const char *z = (const char*)sqlite3_value_text(argv[1]);
    size_t n = (size_t)sqlite3_value_bytes(argv[1]);
    if( z==0 ){
      sqlite3_result_error_nomem(ctx);
      return;
    }
    if( n==3 && sqlite3_strnicmp(z, "f64", 3)==0 ){
      flags = KL_RAW_F64;
    }else if( n==3 && sqlite3_strnicmp(z, "f32", 3)==0 ){
      flags = KL_AS_F32;
    }else{
      sqlite3_str *s = sqlite3_str_new(0);
      sqlite3_str_appendall(s, "kl_f64: unknown format '");
      kl_echo(s, z, n);
      sqlite3_str_appendall(s, "' (use 'f32' or 'f64')");
      kl_error(ctx, kl_str_done(s));
      return;
    }
  }
  to_binary(ctx, argv[0], "kl_f64", 8, flags);
}

void kl_json_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double buf[KL_CHUNK];
  char num[40];
  size_t got, i;
  kl_vec v;
  kl_verr err;
  sqlite3_str *s;
  char *zErr = 0;
  int rc, first = 1;
  (void)argc;
  rc = kl_open_value("kl_json", "x", argv[0], KL_NEG_INF, &v, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  s = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  sqlite3_str_appendchar(s, 1, '[');
  memset(&err, 0, sizeof err);
  for(;;){
    if( kl_vec_read(&v, buf, KL_CHUNK, &got, &err) ){
      sqlite3_free(sqlite3_str_finish(s));
      kl_report(ctx, "kl_json", "x", &err);
      return;
    }
    if( got==0 ) break;
    for(i=0; i<got; i++){
      /* -Inf (the only non-finite value let through) as a number our
      ** parser reads back as -Inf */
      int len = isinf(buf[i]) ? (int)strlen(strcpy(num, "-1e999"))
                              : kl_format_number(buf[i], v.kind==KL_F32, num);
      if( !first ) sqlite3_str_appendchar(s, 1, ',');
      sqlite3_str_append(s, num, len);
      first = 0;
    }
  }
  sqlite3_str_appendchar(s, 1, ']');
  rc = sqlite3_str_errcode(s);
  if( rc==SQLITE_TOOBIG ){
    sqlite3_free(sqlite3_str_finish(s));
    too_big(ctx, "kl_json", length_limit(ctx));
    return;
  }
  if( rc ){
    sqlite3_free(sqlite3_str_finish(s));
    sqlite3_result_error_nomem(ctx);
    return;
  }
  i = (size_t)sqlite3_str_length(s);
  sqlite3_result_text64(ctx, sqlite3_str_finish(s), i, sqlite3_free,
                        SQLITE_UTF8);
}

void kl_dims_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  size_t count;
  kl_vec v;
  (void)argc;
  if( open_counted(ctx, "kl_dims", argv[0], &v, &count) ) return;
  sqlite3_result_int64(ctx, (sqlite3_int64)count);
}

void kl_version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, SQLITE_KL_VERSION, -1, SQLITE_STATIC);
}

void kl_result_vector(sqlite3_context *ctx, const char *fname,
                      const double *x, size_t n, kl_kind kind){
  sqlite3_int64 limit = length_limit(ctx);
  size_t i;
  for(i=0; i<n; i++){
    if( !isfinite(x[i]) ){
      if( kind==KL_NUM ){
        kl_error(ctx, sqlite3_mprintf("%s: result is beyond the double range",
                                      fname));
      }else{
        kl_error(ctx, sqlite3_mprintf("%s: result[%lld] is beyond the double "
                                      "range", fname, (sqlite3_int64)i));
      }
      return;
    }
  }
  if( kind==KL_NUM ){
    sqlite3_result_double(ctx, x[0]);
  }else if( kind==KL_JSON || kind==KL_JSONB ){   /* JSONB in: JSON text out */
    sqlite3_str *s = sqlite3_str_new(sqlite3_context_db_handle(ctx));
    char num[40];
    int rc;
    sqlite3_str_appendchar(s, 1, '[');
    for(i=0; i<n; i++){
      int len = kl_format_number(x[i], 0, num);
      if( i ) sqlite3_str_appendchar(s, 1, ',');
      sqlite3_str_append(s, num, len);
    }
    sqlite3_str_appendchar(s, 1, ']');
    rc = sqlite3_str_errcode(s);
    if( rc ){
      sqlite3_free(sqlite3_str_finish(s));
      if( rc==SQLITE_TOOBIG ) too_big(ctx, fname, limit);
      else sqlite3_result_error_nomem(ctx);
      return;
    }
    i = (size_t)sqlite3_str_length(s);
    sqlite3_result_text64(ctx, sqlite3_str_finish(s), i, sqlite3_free,
                          SQLITE_UTF8);
  }else{
    size_t elsize = kind==KL_F32 ? 4 : 8;
    size_t header = kind==KL_F64 ? KL_F64_HEADER_SIZE : 0;
    unsigned char *out;
    if( (sqlite3_int64)(header + n*elsize) > limit ){
      too_big(ctx, fname, limit);
      return;
    }
    out = (unsigned char*)sqlite3_malloc64(header + n*elsize);
    if( out==0 ){
      sqlite3_result_error_nomem(ctx);
      return;
    }
    memcpy(out, kl_f64_header, header);
    for(i=0; i<n; i++){
      if( elsize==4 ){
        float f = (float)x[i];
        uint32_t u;
        if( isinf(f) ){
          char num[32];
          kl_format_number(x[i], 0, num);
          kl_error(ctx, sqlite3_mprintf("%s: result[%lld] is outside the "
                                        "float32 range (got %s)", fname,
                                        (sqlite3_int64)i, num));
          sqlite3_free(out);
          return;
        }
        memcpy(&u, &f, 4);
        store_le(out + 4*i, u, 4);
      }else{
        uint64_t u;
        memcpy(&u, &x[i], 8);
        store_le(out + header + 8*i, u, 8);
      }
    }
    sqlite3_result_blob64(ctx, out, header + n*elsize, sqlite3_free);
  }
}
