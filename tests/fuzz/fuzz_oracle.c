/*
** fuzz_oracle.c — libFuzzer target with a value oracle: every numeric
** function of the catalogue (tests/catalogue/fuzz_oracle.h, made from
** src/catalogue.h), called on arguments made from the input, and every
** successful result checked against what the catalogue declares:
**
**   (1) a number, never NULL (no argument is NULL here: a NaN result would
**       show as NULL);
**   (2) never negative, for a KL_NONNEG function;
**   (3) at most the declared upper bound (js_div <= ln 2, hellinger <= 1);
**   (4) exactly 0 for the second distribution the same as the first;
**   (5) the same (within the bound) with the two swapped, if symmetric;
**   (6) bits = nats / ln 2 (nats / sqrt(ln 2) for a square root) within
**       the bound (kl_gauss_each's rows are added by SQLite's plain sum(),
**       whose rounding grows with the rows: 1000 times the bound).
**
** Input layout: byte 0 picks the function; then each argument is a type
** byte (integer, real, text, blob, kl_f64 blob), a 16-bit little-endian
** length and that many bytes.  A broken property aborts (a finding).
*/
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sqlite3_kl_init(sqlite3 *db, char **pzErrMsg,
                    const sqlite3_api_routines *pApi);

#define KL_NONNEG 2
#define KL_ZERO   4
#define KL_SYM    8
#define KL_MAYNULL 16
#define KL_ROOT   32

typedef struct oracle_fn {
  const char *sql[4];     /* call, P for Q, swapped, bits */
  int props;
  double upper, bound;
  int table;              /* its rows are added by SQLite's sum() */
} oracle_fn;

static const oracle_fn FNS[] = {
#include "fuzz_oracle.h"
};
#define NFN (sizeof(FNS)/sizeof(FNS[0]))

static sqlite3 *db;
static sqlite3_stmt *stmts[NFN][4];

static const unsigned char F64_HEADER[8] = {
  0x4B, 0x4C, 0xC0, 0x7F, 0x66, 0x36, 0x34, 0x01
};

int LLVMFuzzerInitialize(int *argc, char ***argv){
  size_t i, h;
  (void)argc; (void)argv;
  if( sqlite3_open(":memory:", &db) ) abort();
  if( sqlite3_kl_init(db, 0, 0) ) abort();
  for(i=0; i<NFN; i++){
    for(h=0; h<4; h++){
      if( FNS[i].sql[h]
       && sqlite3_prepare_v2(db, FNS[i].sql[h], -1, &stmts[i][h], 0) ){
        abort();
      }
    }
  }
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 20);
  return 0;
}

static void bind_all(sqlite3_stmt *st, const uint8_t *data, size_t size){
  int k, n = sqlite3_bind_parameter_count(st);
  for(k=1; k<=n; k++){
    int type = size>=3 ? data[0] % 5 : 1;
    size_t len = size>=3 ? ((size_t)data[1] | (size_t)data[2] << 8) : 0;
    if( size>=3 ){ data += 3; size -= 3; }
    if( len > size ) len = size;
    switch( type ){
      case 0: {
        sqlite3_int64 v = 1;
        if( len ){ v = 0; memcpy(&v, data, len < 8 ? len : 8); }
        sqlite3_bind_int64(st, k, v);
        break;
      }
      case 1: {
        double v = 1.0;
        if( len ){ v = 0; memcpy(&v, data, len < 8 ? len : 8); }
        if( v!=v ) v = 1.0;   /* SQLite stores a NaN as NULL */
        sqlite3_bind_double(st, k, v);
        break;
      }
      case 2: sqlite3_bind_text(st, k, (const char*)data, (int)len,
                                SQLITE_TRANSIENT); break;
      case 3: sqlite3_bind_blob(st, k, data, (int)len, SQLITE_TRANSIENT);
              break;
      default: {
        unsigned char *b = malloc(len + 8);
        memcpy(b, F64_HEADER, 8);
        if( len ) memcpy(b + 8, data, len);
        sqlite3_bind_blob(st, k, b, (int)(len + 8), free);
        break;
      }
    }
    data += len; size -= len;
  }
}

/* Runs one statement: 1 with *v set, 0 for an SQL error (a normal
** outcome) or a NULL where the function declares KL_MAYNULL (a sample
** aggregate whose rows all fall in one sample), and aborts on any other
** NULL or non-numeric result. */
static int value(sqlite3_stmt *st, const char *what, int props, double *v){
  int rc = sqlite3_step(st), ok = 0;
  if( rc==SQLITE_ROW ){
    int t = sqlite3_column_type(st, 0);
    if( t==SQLITE_NULL && (props & KL_MAYNULL) ){
      sqlite3_reset(st);
      return 0;
    }
    if( t!=SQLITE_FLOAT && t!=SQLITE_INTEGER ){
      fprintf(stderr, "oracle: %s gave %s\n", what,
              t==SQLITE_NULL ? "NULL (a NaN?)" : "a non-number");
      abort();
    }
    *v = sqlite3_column_double(st, 0);
    ok = 1;
  }
  sqlite3_reset(st);
  return ok;
}

static void fail(const char *sql, const char *why, double a, double b){
  fprintf(stderr, "oracle: %s: %s (%.17g vs %.17g)\n", sql, why, a, b);
  abort();
}

static int close_to(double a, double b, double rel){
  if( isinf(a) || isinf(b) ) return a==b;
  return fabs(a - b) <= rel*fmax(fabs(a), fabs(b)) + 1e-300;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  const oracle_fn *f;
  double v, w;
  size_t i, h;
  if( size < 1 ) return 0;
  i = data[0] % NFN;
  f = &FNS[i];
  for(h=0; h<4; h++){
    if( stmts[i][h] ) bind_all(stmts[i][h], data + 1, size - 1);
  }
  if( value(stmts[i][0], f->sql[0], f->props, &v) ){
    if( (f->props & KL_NONNEG) && !(v >= 0.0) ) fail(f->sql[0], "negative", v, 0);
    if( f->upper > 0 && v > f->upper*(1 + 4e-16) ){
      fail(f->sql[0], "above the upper bound", v, f->upper);
    }
    if( stmts[i][2] && value(stmts[i][2], f->sql[2], f->props, &w)
     && !close_to(v, w, f->bound) ){
      fail(f->sql[2], "not symmetric", v, w);
    }
    if( stmts[i][3] && value(stmts[i][3], f->sql[3], f->props, &w) ){
      double want = v / ((f->props & KL_ROOT) ? 0.832554611157697756
                                              : 0.693147180559945309);
      /* a table's rows are added by SQLite's plain sum(), whose rounding
      ** grows with the rows (at most ~1000 here) */
      double tol = f->table ? 1000*f->bound : f->bound;
      if( !close_to(w, want, tol) ) fail(f->sql[3], "bits != nats/ln 2", w, want);
    }
  }
  if( stmts[i][1] && value(stmts[i][1], f->sql[1], f->props, &w) && w!=0.0 ){
    fail(f->sql[1], "not 0 for identical distributions", w, 0);
  }
  for(h=0; h<4; h++) if( stmts[i][h] ) sqlite3_clear_bindings(stmts[i][h]);
  return 0;
}
