/*
** kl_vectors.c — converting and inspecting vectors.
**
**   kl_f32(x)    any vector form in; a float32 little-endian blob out,
**                4 bytes per element (the sqlite-vec layout, and numpy's
**                astype('<f4').tobytes()).
**   kl_f64(x)    a JSON array, a raw float64 little-endian blob (numpy's
**                astype('<f8').tobytes()), a kl_f64 blob or a number in; a
**                kl_f64 blob out: the 8-byte header of kl_vec.h, then the
**                doubles.  Every function reads such a blob as float64,
**                wherever it was stored or passed; a blob without the header
**                is float32 everywhere except as kl_f64's own input.
**   kl_json(x)   any vector form in; JSON text out, each element written
**                as the shortest decimal that reads back to the same value
**                (the same float32 for a float32 blob), so JSON -> blob ->
**                JSON is lossless.
**   kl_dims(x)   the number of elements (1 for a plain number).
**   kl_version() the extension's version string.
**
** Rules:
**  (1) NULL in gives NULL out.
**  (2) The input is validated in full, as every other function would:
**      malformed JSON, empty vectors, NaN or +-Inf elements and blobs whose
**      size is not a whole number of elements are errors.
**  (3) kl_f32 refuses an element whose magnitude rounds beyond the float32
**      range (it would become Inf); values that round to zero are kept.
**  (4) A result longer than SQLite's length limit (SQLITE_LIMIT_LENGTH) is
**      refused with SQLITE_TOOBIG before anything is allocated for it.
*/
#include "kl_args.h"
SQLITE_EXTENSION_INIT3

#include "kl_sql.h"

#include <math.h>
#include <string.h>

/* Opens argv[0]; on success *count is its number of elements. */
static int open_counted(sqlite3_context *ctx, const char *fname,
                        sqlite3_value *val, unsigned flags, kl_vec *v,
                        size_t *count){
  kl_vec probe;
  kl_verr err;
  int rc = kl_open_value(ctx, fname, "x", val, flags, v);
  if( rc ) return rc;
  probe = *v;
  memset(&err, 0, sizeof err);
  if( kl_vec_count_rest(&probe, count, &err) ){
    kl_report(ctx, fname, "x", &err);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

/* Refuses a result of the given size beyond SQLITE_LIMIT_LENGTH. */
static int fits(sqlite3_context *ctx, const char *fname, size_t count,
                size_t elsize, size_t extra){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  sqlite3_int64 limit = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1);
  if( count > (size_t)limit / elsize
   || (sqlite3_int64)(count*elsize + extra) > limit ){
    kl_error(ctx, sqlite3_mprintf("%s: a result of %lld elements would exceed"
                                  " SQLite's length limit of %lld bytes", fname,
                                  (sqlite3_int64)count, limit));
    sqlite3_result_error_code(ctx, SQLITE_TOOBIG);
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

static void store_le(unsigned char *p, uint64_t u, int bytes){
  int k;
  for(k=0; k<bytes; k++){
    p[k] = (unsigned char)(u & 0xff);
    u >>= 8;
  }
}

/* Writes the elements of v as float32 (elsize 4) or float64 (8) to out. */
static int write_binary(sqlite3_context *ctx, const char *fname, kl_vec *v,
                        int elsize, unsigned char *out){
  double buf[KL_CHUNK];
  size_t got, i, at = 0;
  kl_verr err;
  memset(&err, 0, sizeof err);
  for(;;){
    if( kl_vec_read(v, buf, KL_CHUNK, &got, &err) ){
      kl_report(ctx, fname, "x", &err);
      return SQLITE_ERROR;
    }
    if( got==0 ) return SQLITE_OK;
    for(i=0; i<got; i++, at++){
      if( elsize==4 ){
        float f = (float)buf[i];
        uint32_t u;
        if( isinf(f) ){
          char num[32];
          kl_format_number(buf[i], 0, num);
          kl_error(ctx, sqlite3_mprintf("%s: x[%lld] is outside the float32 "
                                        "range (got %s)", fname,
                                        (sqlite3_int64)at, num));
          return SQLITE_ERROR;
        }
        memcpy(&u, &f, 4);
        store_le(out + 4*at, u, 4);
      }else{
        uint64_t u;
        memcpy(&u, &buf[i], 8);
        store_le(out + 8*at, u, 8);
      }
    }
  }
}

static void to_binary(sqlite3_context *ctx, sqlite3_value *val,
                      const char *fname, int elsize){
  size_t count, header = elsize==8 ? KL_F64_HEADER_SIZE : 0;
  kl_vec v;
  unsigned char *out;
  if( open_counted(ctx, fname, val, elsize==8 ? KL_RAW_F64 : 0, &v, &count) ){
    return;
  }
  if( fits(ctx, fname, count, (size_t)elsize, header) ) return;
  out = (unsigned char*)sqlite3_malloc64(header + count*(size_t)elsize);
  if( out==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  memcpy(out, kl_f64_header, header);
  if( write_binary(ctx, fname, &v, elsize, out + header) ){
    sqlite3_free(out);
    return;
  }
  sqlite3_result_blob64(ctx, out, header + count*(size_t)elsize, sqlite3_free);
}

void kl_f32_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  to_binary(ctx, argv[0], "kl_f32", 4);
}

void kl_f64_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  to_binary(ctx, argv[0], "kl_f64", 8);
}

void kl_json_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double buf[KL_CHUNK];
  char num[40];
  size_t got, i;
  kl_vec v;
  kl_verr err;
  sqlite3_str *s;
  int rc, first = 1;
  (void)argc;
  rc = kl_open_value(ctx, "kl_json", "x", argv[0], 0, &v);
  if( rc ) return;
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
      int len = kl_format_number(buf[i], v.kind==KL_F32, num);
      if( !first ) sqlite3_str_appendchar(s, 1, ',');
      sqlite3_str_append(s, num, len);
      first = 0;
    }
  }
  sqlite3_str_appendchar(s, 1, ']');
  rc = sqlite3_str_errcode(s);
  if( rc==SQLITE_TOOBIG ){
    sqlite3_free(sqlite3_str_finish(s));
    kl_error(ctx, sqlite3_mprintf("kl_json: the result would exceed SQLite's "
                                  "length limit"));
    sqlite3_result_error_code(ctx, SQLITE_TOOBIG);
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
  if( open_counted(ctx, "kl_dims", argv[0], 0, &v, &count) ) return;
  sqlite3_result_int64(ctx, (sqlite3_int64)count);
}

void kl_version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, KL_VERSION, -1, SQLITE_STATIC);
}
