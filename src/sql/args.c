/*
** sql/args.c — SQL values to vectors, lock-step reading, domains, units,
** messages.  Context-free (see args.h): errors come back as a code and a
** message; kl_ctx_err(), kl_error(), kl_report() and kl_result_unit() are
** the only functions here that touch an sqlite3_context.
*/
#include "args.h"
SQLITE_EXTENSION_INIT3

#include <math.h>
#include <string.h>

static const char *nonfinite_word(double x){
  if( isnan(x) ) return "NaN";
  return x>0 ? "Inf" : "-Inf";
}

/* Formats a finite double for a message: shortest form that reads back. */
static const char *num_text(double x, char *buf){
  kl_format_number(x, 0, buf);
  return buf;
}

/* The length of the valid UTF-8 sequence at z[0..n), or 0 if there is none
** (a stray continuation byte, an overlong form, a surrogate, a code point
** beyond U+10FFFF, or a sequence cut short). */
static int utf8_len(const unsigned char *z, size_t n){
  unsigned c = z[0], cp, min;
  int len, k;
  if( c<0x80 ) return 1;
  if( c>=0xC2 && c<=0xDF ){ len = 2; cp = c & 0x1F; min = 0x80; }
  else if( c>=0xE0 && c<=0xEF ){ len = 3; cp = c & 0x0F; min = 0x800; }
  else if( c>=0xF0 && c<=0xF4 ){ len = 4; cp = c & 0x07; min = 0x10000; }
  else return 0;
  if( (size_t)len > n ) return 0;
  for(k=1; k<len; k++){
    if( (z[k] & 0xC0)!=0x80 ) return 0;
    cp = (cp << 6) | (z[k] & 0x3F);
  }
  if( cp<min || cp>0x10FFFF || (cp>=0xD800 && cp<=0xDFFF) ) return 0;
  return len;
}

void kl_echo(sqlite3_str *s, const void *p, size_t n){
  const unsigned char *z = (const unsigned char*)p;
  size_t i = 0;
  int chars = 0;
  while( i<n ){
    int len = utf8_len(z + i, n - i);
    if( chars==KL_ECHO_MAX ){
      sqlite3_str_appendall(s, "...");
      return;
    }
    if( len==0 || z[i]<0x20 || z[i]==0x7F ){
      sqlite3_str_appendf(s, "\\x%02X", z[i]);
      len = 1;
    }else if( z[i]=='\\' ){
      sqlite3_str_appendall(s, "\\\\");
    }else{
      sqlite3_str_append(s, (const char*)z + i, len);
    }
    i += (size_t)len;
    chars++;
  }
}

int kl_fail(char **pzErr, char *msg){
  if( msg==0 ) return SQLITE_NOMEM;
  sqlite3_free(*pzErr);
  *pzErr = msg;
  return SQLITE_ERROR;
}

int kl_fail_not_computable(const char *fname, char **pzErr){
  return kl_fail(pzErr, sqlite3_mprintf("%s: not computable at these "
                                        "parameters (an intermediate is "
                                        "beyond the double range)", fname));
}

int kl_ctx_err(sqlite3_context *ctx, int rc, char **pzErr){
  if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else if( rc==SQLITE_ERROR ){
    sqlite3_result_error(ctx, *pzErr ? *pzErr : "", -1);
    sqlite3_free(*pzErr);
    *pzErr = 0;
  }
  return rc;
}

void kl_error(sqlite3_context *ctx, char *msg){
  if( msg==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_error(ctx, msg, -1);
  sqlite3_free(msg);
}

char *kl_verr_text(const char *fname, const char *aname, const kl_verr *e){
  char *msg = 0;
  char found[16];
  switch( e->code ){
    case KL_ERR_SYNTAX:
      if( e->found<0 ) sqlite3_snprintf(sizeof found, found, "end of text");
      else if( e->found>=0x20 && e->found<0x7f ){
        sqlite3_snprintf(sizeof found, found, "'%c'", e->found);
      }else{
        sqlite3_snprintf(sizeof found, found, "byte 0x%02x", e->found);
      }
      msg = sqlite3_mprintf("%s: %s is not valid JSON: expected %s at offset "
                            "%lld, found %s", fname, aname, e->expected,
                            (sqlite3_int64)e->offset, found);
      break;
    case KL_ERR_NESTED:
      msg = sqlite3_mprintf("%s: %s[%lld] is a nested array (offset %lld); "
                            "vectors are flat arrays of numbers", fname, aname,
                            (sqlite3_int64)e->index, (sqlite3_int64)e->offset);
      break;
    case KL_ERR_NOTNUM:
      msg = sqlite3_mprintf("%s: %s[%lld] is not a number (offset %lld)",
                            fname, aname, (sqlite3_int64)e->index,
                            (sqlite3_int64)e->offset);
      break;
    case KL_ERR_JSONB: {
      static const char *const type_name[13] = {
        "null, not a number", "true, not a number", "false, not a number",
        "", "", "", "",
        "a string, not a number", "a string, not a number",
        "a string, not a number", "a string, not a number",
        "an array, not a number", "an object, not a number"
      };
      const char *what = (e->found>=0 && e->found<13) ? type_name[e->found]
                                                      : "not a valid number";
      msg = sqlite3_mprintf("%s: %s is a JSONB array and %s[%lld] is %s "
                            "(offset %lld); to read a blob as "
                            "float32 whatever its bytes, pass kl_f64(%s, "
                            "'f32')", fname, aname, aname,
                            (sqlite3_int64)e->index, what,
                            (sqlite3_int64)e->offset, aname);
      break;
    }
    case KL_ERR_EMPTY:
      msg = sqlite3_mprintf("%s: %s is an empty vector", fname, aname);
      break;
    case KL_ERR_NONFINITE:
      msg = sqlite3_mprintf("%s: %s[%lld] must be finite (got %s)", fname,
                            aname, (sqlite3_int64)e->index,
                            nonfinite_word(e->value));
      break;
    case KL_ERR_RANGE:
      if( e->scalar ){
        msg = sqlite3_mprintf("%s: %s is beyond the double range (offset "
                              "%lld)", fname, aname, (sqlite3_int64)e->offset);
      }else{
        msg = sqlite3_mprintf("%s: %s[%lld] is beyond the double range "
                              "(offset %lld)", fname, aname,
                              (sqlite3_int64)e->index,
                              (sqlite3_int64)e->offset);
      }
      break;
    case KL_ERR_BLOBSIZE:
      msg = sqlite3_mprintf("%s: %s is a %lld-byte blob, not a whole number "
                            "of %s values", fname, aname,
                            (sqlite3_int64)e->size,
                            e->elsize==8 ? "8-byte float64" : "4-byte float32");
      break;
    case KL_ERR_HEADER:
      msg = sqlite3_mprintf("%s: %s starts like a kl_f64 blob but its "
                            "8-byte header is damaged", fname, aname);
      break;
    default:
      msg = sqlite3_mprintf("%s: %s could not be read", fname, aname);
      break;
  }
  return msg;
}

void kl_report(sqlite3_context *ctx, const char *fname, const char *aname,
               const kl_verr *e){
  kl_error(ctx, kl_verr_text(fname, aname, e));
}

int kl_open_value(const char *fname, const char *aname, sqlite3_value *val,
                  unsigned flags, kl_vec *v, char **pzErr){
  kl_verr err;
  int rc = KL_OK;
  memset(&err, 0, sizeof err);
  switch( sqlite3_value_type(val) ){
    case SQLITE_NULL:
      return KL_NULL;
    case SQLITE_INTEGER:
    case SQLITE_FLOAT: {
      double x = sqlite3_value_double(val);
      if( !isfinite(x) && !((flags & KL_NEG_INF) && x==-INFINITY) ){
        return kl_fail(pzErr, sqlite3_mprintf("%s: %s must be finite (got %s)",
                                              fname, aname, nonfinite_word(x)));
      }
      kl_vec_number(v, x);
      return SQLITE_OK;
    }
    case SQLITE_TEXT: {
      const char *z = (const char*)sqlite3_value_text(val);
      if( z==0 ) return SQLITE_NOMEM;
      rc = kl_vec_text(v, z, (size_t)sqlite3_value_bytes(val), &err);
      break;
    }
    default: {
      /* a BLOB value's bytes are not converted: no allocation here */
      const void *p = sqlite3_value_blob(val);
      size_t n = (size_t)sqlite3_value_bytes(val);
      rc = (flags & KL_RAW_F64) ? kl_vec_raw_f64(v, p, n, &err)
         : (flags & KL_AS_F32) ? kl_vec_f32(v, p, n, &err)
                                : kl_vec_blob(v, p, n, &err);
      break;
    }
  }
  if( rc==KL_ERR_RANGE && err.scalar && (flags & KL_NEG_INF) ){
    /* a plain number in text beyond the double range: -Inf is a value here */
    const char *z = (const char*)sqlite3_value_text(val);
    size_t n = (size_t)sqlite3_value_bytes(val), i = err.offset;
    double x = 0.0;
    i += kl_parse_number(z + i, n - i, &x);
    while( i<n && (z[i]==' ' || z[i]=='\t' || z[i]=='\n' || z[i]=='\r') ) i++;
    if( x==-INFINITY && i==n ){
      kl_vec_number(v, x);
      rc = KL_OK;
    }
  }
  if( rc ) return kl_fail(pzErr, kl_verr_text(fname, aname, &err));
  if( flags & KL_NEG_INF ) kl_vec_allow_neg_inf(v);
  return SQLITE_OK;
}

int kl_args_open_vecs(kl_argv *a, const char *fname,
                      const char *const *names, int n, const kl_vec *v){
  int k;
  a->fname = fname;
  a->names = names;
  a->n = n;
  a->nvec = 0;
  a->done = 0;
  a->finished = 0;
  for(k=0; k<n; k++){
    a->v[k] = v[k];
    if( a->v[k].kind!=KL_NUM ) a->nvec++;
  }
  for(k=0; k<n; k++){
    if( a->v[k].kind==KL_NUM ){
      size_t i, fill = a->nvec ? KL_CHUNK : 1;
      for(i=0; i<fill; i++) a->buf[k][i] = a->v[k].num;
    }
  }
  return SQLITE_OK;
}

int kl_args_open(kl_argv *a, const char *fname, const char *const *names,
                 int n, sqlite3_value **argv, unsigned flags, char **pzErr){
  kl_vec v[KL_MAXARGS];
  int k, rc;
  /* NULL anywhere wins over an error elsewhere: NULL in, NULL out */
  for(k=0; k<n; k++){
    if( sqlite3_value_type(argv[k])==SQLITE_NULL ) return KL_NULL;
  }
  for(k=0; k<n; k++){
    rc = kl_open_value(fname, names[k], argv[k], flags, &v[k], pzErr);
    if( rc ) return rc;
  }
  return kl_args_open_vecs(a, fname, names, n, v);
}

/*
** Reports that vector arguments first and k differ in length: their last
** chunks differed in size, and a read is short only at the end, so their
** whole lengths differ too.  The rest of each is read to count it.
*/
static int mismatch(kl_argv *a, int first, int k, char **pzErr){
  size_t len[2];
  int pair[2], j;
  pair[0] = first;
  pair[1] = k;
  for(j=0; j<2; j++){
    kl_verr err;
    memset(&err, 0, sizeof err);
    if( kl_vec_count_rest(&a->v[pair[j]], &len[j], &err) ){
      return kl_fail(pzErr, kl_verr_text(a->fname, a->names[pair[j]], &err));
    }
  }
  return kl_fail(pzErr, sqlite3_mprintf("%s: %s has %lld element%s but %s has "
                                        "%lld", a->fname, a->names[k],
                                        (sqlite3_int64)len[1],
                                        len[1]==1 ? "" : "s", a->names[first],
                                        (sqlite3_int64)len[0]));
}

int kl_args_next(kl_argv *a, size_t *got, char **pzErr){
  size_t g0 = 0;
  int k, first = -1;
  *got = 0;
  if( a->finished ) return SQLITE_OK;
  if( a->nvec==0 ){
    a->finished = 1;
    a->done = 1;
    *got = 1;
    return SQLITE_OK;
  }
  for(k=0; k<a->n; k++){
    kl_verr err;
    size_t g;
    if( a->v[k].kind==KL_NUM ) continue;
    memset(&err, 0, sizeof err);
    if( kl_vec_read(&a->v[k], a->buf[k], KL_CHUNK, &g, &err) ){
      return kl_fail(pzErr, kl_verr_text(a->fname, a->names[k], &err));
    }
    if( first<0 ){
      g0 = g;
      first = k;
    }else if( g!=g0 ){
      return mismatch(a, first, k, pzErr);
    }
  }
  if( g0==0 ) a->finished = 1;
  a->done += g0;
  *got = g0;
  return SQLITE_OK;
}

/* Whether x is in the domain (ref: the paired element for KL_DOM_ABOVE). */
static int in_domain(double x, kl_dom dom, double ref){
  switch( dom ){
    case KL_DOM_POS:      return x > 0.0;
    case KL_DOM_NONNEG:   return x >= 0.0;
    case KL_DOM_PROB:     return x >= 0.0 && x <= 1.0;
    case KL_DOM_PROB_POS: return x > 0.0 && x <= 1.0;
    case KL_DOM_COUNT:    return x >= 0.0 && x == floor(x);
    case KL_DOM_OPEN01:   return x > 0.0 && x < 1.0;
    case KL_DOM_ABOVE:    return x > ref;
    default:              return 1;
  }
}

static const char *const domain_text[] = {
  "", "> 0", ">= 0", "in [0, 1]", "in (0, 1]", "a whole number >= 0",
  "in (0, 1)", ">"
};

kl_dom kl_dom_of(char c, int *ref){
  *ref = 0;
  switch( c ){
    case 'P': return KL_DOM_POS;
    case 'N': return KL_DOM_NONNEG;
    case 'B': return KL_DOM_PROB;
    case 'b': return KL_DOM_PROB_POS;
    case 'o': return KL_DOM_OPEN01;
    case 'C': return KL_DOM_COUNT;
    case '0': case '1': case '2': case '3': *ref = c - '0'; return KL_DOM_ABOVE;
    default:  return KL_DOM_ANY;
  }
}

int kl_args_check(const kl_argv *a, int k, size_t n, kl_dom dom, int ref,
                  char **pzErr){
  size_t i;
  const double *x = a->buf[k];
  const double *y = dom==KL_DOM_ABOVE ? a->buf[ref] : x;
  int bad = 0;
  if( dom==KL_DOM_ANY ) return SQLITE_OK;
  /* a plain number (against a plain number) is one value, checked once,
  ** not once per broadcast copy */
  if( a->v[k].kind==KL_NUM && (dom!=KL_DOM_ABOVE || a->v[ref].kind==KL_NUM) ){
    n = n ? 1 : 0;
  }
  /* first a plain scan, then the search for the message */
  for(i=0; i<n; i++) bad |= !in_domain(x[i], dom, y[i]);
  for(i=0; bad && i<n; i++){
    if( !in_domain(x[i], dom, y[i]) ){
      char buf[40], buf2[40], idx[32];
      char *msg;
      sqlite3_snprintf(sizeof idx, idx, "[%lld]",
                       (sqlite3_int64)(a->done - n + i));
      if( dom==KL_DOM_ABOVE ){
        char idx2[32];
        memcpy(idx2, idx, sizeof idx2);
        if( a->v[ref].kind==KL_NUM ) idx2[0] = 0;
        if( a->v[k].kind==KL_NUM ) idx[0] = 0;
        msg = sqlite3_mprintf("%s: %s%s must be > %s%s (got %s <= %s)",
                              a->fname, a->names[k], idx, a->names[ref],
                              idx2, num_text(x[i], buf), num_text(y[i], buf2));
      }else{
        if( a->v[k].kind==KL_NUM ) idx[0] = 0;
        msg = sqlite3_mprintf("%s: %s%s must be %s (got %s)", a->fname,
                              a->names[k], idx, domain_text[dom],
                              num_text(x[i], buf));
      }
      return kl_fail(pzErr, msg);
    }
  }
  return SQLITE_OK;
}

int kl_unit_parse(const char *z, size_t n, kl_unit *unit){
  /* the whole value: 'nats' followed by a NUL byte and more is no unit */
  if( n!=4 ) return SQLITE_ERROR;
  if( sqlite3_strnicmp(z, "nats", 4)==0 ){ *unit = KL_NATS; return SQLITE_OK; }
  if( sqlite3_strnicmp(z, "bits", 4)==0 ){ *unit = KL_BITS; return SQLITE_OK; }
  if( sqlite3_strnicmp(z, "bans", 4)==0 ){ *unit = KL_BANS; return SQLITE_OK; }
  return SQLITE_ERROR;
}

int kl_arg_unit(const char *fname, sqlite3_value *val, kl_unit *unit,
                char **pzErr){
  const char *z;
  size_t n;
  sqlite3_str *s;
  if( sqlite3_value_type(val)==SQLITE_NULL ) return KL_NULL;
  z = (const char*)sqlite3_value_text(val);
  if( z==0 ) return SQLITE_NOMEM;
  n = (size_t)sqlite3_value_bytes(val);
  if( kl_unit_parse(z, n, unit)==SQLITE_OK ) return SQLITE_OK;
  s = sqlite3_str_new(0);
  sqlite3_str_appendf(s, "%s: unknown unit '", fname);
  kl_echo(s, z, n);
  sqlite3_str_appendall(s, "' (use 'nats', 'bits' or 'bans')");
  return kl_fail(pzErr, kl_str_done(s));
}

char *kl_str_done(sqlite3_str *s){
  if( sqlite3_str_errcode(s) ){
    sqlite3_free(sqlite3_str_finish(s));
    return 0;
  }
  return sqlite3_str_finish(s);
}

int kl_any_null(int argc, sqlite3_value **argv){
  int k;
  for(k=0; k<argc; k++){
    if( sqlite3_value_type(argv[k])==SQLITE_NULL ) return 1;
  }
  return 0;
}

int kl_args_unit(const char *fname, int argc, sqlite3_value **argv,
                 int iunit, kl_unit *unit, char **pzErr){
  *unit = KL_NATS;
  if( kl_any_null(argc, argv) ) return KL_NULL;
  if( iunit<argc ) return kl_arg_unit(fname, argv[iunit], unit, pzErr);
  return SQLITE_OK;
}

void kl_result_unit(sqlite3_context *ctx, double nats, kl_unit unit){
  sqlite3_result_double(ctx, kl_unit_scale(nats, unit));
}

/* Room for at least more elements after b->n: SQLITE_OK or SQLITE_NOMEM. */
static int dbuf_room(kl_dbuf *b, size_t more){
  size_t cap;
  double *p;
  if( b->cap - b->n >= more ) return SQLITE_OK;
  cap = b->cap ? 2*b->cap : 4*KL_CHUNK;
  while( cap - b->n < more ) cap *= 2;
  p = (double*)sqlite3_realloc64(b->p, cap*sizeof(double));
  if( p==0 ) return SQLITE_NOMEM;
  b->p = p;
  b->cap = cap;
  return SQLITE_OK;
}

int kl_dbuf_append(kl_dbuf *b, const double *x, size_t n){
  if( dbuf_room(b, n) ) return SQLITE_NOMEM;
  memcpy(b->p + b->n, x, n*sizeof(double));
  b->n += n;
  return SQLITE_OK;
}

int kl_dbuf_read(const char *fname, const char *aname, kl_vec *v, kl_dbuf *b,
                 char **pzErr){
  for(;;){
    kl_verr err;
    size_t got;
    if( dbuf_room(b, KL_CHUNK) ) return SQLITE_NOMEM;
    memset(&err, 0, sizeof err);
    if( kl_vec_read(v, b->p + b->n, KL_CHUNK, &got, &err) ){
      return kl_fail(pzErr, kl_verr_text(fname, aname, &err));
    }
    if( got==0 ) return SQLITE_OK;
    b->n += got;
  }
}

/* ------------------------------------------------------ arrays of rows */

/*
** Reads row r (named rname), opened as v, onto the end of b, and checks
** that it has as many elements as row 0 (*cols, set by row 0).
*/
static int rows_read_row(const char *fname, const char *aname, const char *rname,
                    size_t r, kl_vec *v, kl_dbuf *b, size_t *cols,
                    char **pzErr){
  size_t before = b->n;
  int rc = kl_dbuf_read(fname, rname, v, b, pzErr);
  if( rc ) return rc;
  if( r==0 ){
    *cols = b->n - before;
  }else if( b->n - before != *cols ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: %s has %lld element%s but "
                                          "%s[0] has %lld", fname, rname,
                                          (sqlite3_int64)(b->n - before),
                                          b->n - before==1 ? "" : "s",
                                          aname, (sqlite3_int64)*cols));
  }
  return SQLITE_OK;
}

/*
** Reads a JSON array of rows (core/vectors.h, kl_rows) into b; *rows and
** *cols are its shape.  Errors name the row where it is the row's:
** "cov1[2] has 3 elements but cov1[0] has 2".
*/
int kl_rows_read(const char *fname, const char *aname, const char *z,
                     size_t start, size_t n, kl_dbuf *b, size_t *rows,
                     size_t *cols, char **pzErr){
  char rname[48];
  kl_rows m;
  int rc;
  *cols = 0;
  kl_rows_open_at(&m, z, start, n);
  for(;;){
    kl_vec v;
    kl_verr err;
    memset(&err, 0, sizeof err);
    rc = kl_rows_next(&m, &v, &err);
    sqlite3_snprintf(sizeof rname, rname, "%s[%lld]", aname,
                     (sqlite3_int64)m.row);
    if( rc ){
      return kl_fail(pzErr, kl_verr_text(fname, m.in_row ? rname : aname,
                                         &err));
    }
    if( !m.more ) break;
    rc = rows_read_row(fname, aname, rname, m.row, &v, b, cols, pzErr);
    if( rc ) return rc;
  }
  *rows = m.rows;
  return SQLITE_OK;
}

/*
** Reads a JSONB array of rows (a well-formed JSONB array whose elements
** are all arrays: info from kl_jsonb_scan) into b, each row a JSONB array
** of numbers; offsets in errors are offsets in the whole blob.
*/
int kl_jsonb_rows_read(const char *fname, const char *aname,
                           const unsigned char *p,
                           size_t n, const kl_jsonb_info *info, kl_dbuf *b,
                           size_t *rows, size_t *cols, char **pzErr){
  char rname[48];
  size_t r, pos = info->start;
  int rc;
  *cols = 0;
  for(r=0; r<info->count; r++){
    size_t len = kl_jsonb_element(p, n, pos);
    kl_vec v;
    kl_verr err;
    memset(&err, 0, sizeof err);
    sqlite3_snprintf(sizeof rname, rname, "%s[%lld]", aname,
                     (sqlite3_int64)r);
    if( kl_vec_blob(&v, p + pos, len, &err) ){
      err.offset += pos;
      if( err.code==KL_ERR_JSONB ){
        /* a row is not a blob to force to float32: name the entry */
        err.code = err.found==11 ? KL_ERR_NESTED : KL_ERR_NOTNUM;
      }
      return kl_fail(pzErr, kl_verr_text(fname, rname, &err));
    }
    rc = rows_read_row(fname, aname, rname, r, &v, b, cols, pzErr);
    if( rc ) return rc;
    pos += len;
  }
  *rows = info->count;
  return SQLITE_OK;
}
