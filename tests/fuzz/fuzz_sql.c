/*
** fuzz_sql.c — libFuzzer target: every SQL function and aggregate of the
** extension (the catalogue's list, tests/catalogue/fuzz.h, and a few
** compositions), with arguments made from the input.
**
** Input layout: byte 0 picks the statement (modulo their number); then each
** parameter is a type byte (NULL, integer, real, text, blob, kl_f64 blob),
** a 16-bit little-endian length and that many bytes.  Missing parameters
** are NULL.  The extension is compiled in (-DSQLITE_CORE) and linked with
** the system SQLite.  Any crash, leak or sanitizer report is a finding;
** SQL errors are normal results.
*/
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int sqlite3_kl_init(sqlite3 *db, char **pzErrMsg,
                    const sqlite3_api_routines *pApi);

#define AGG_W "OVER (ROWS 1 PRECEDING)"
static const char *const STATEMENTS[] = {
  /* every function and arity, from the catalogue (src/catalogue.h) */
#include "fuzz.h"
  /* compositions and mixtures the catalogue's list does not make */
  "SELECT kl_div(?1, ?2), js_div(?1, ?2), js_dist(?1, ?2)",
  "SELECT cross_entropy(?1, ?2, ?3), entropy(?1, ?3), kl_div(?1, ?2, ?3)",
  "SELECT kl_json(kl_f32(?1)), kl_json(kl_f64(?1)), kl_f32(kl_json(?1))",
  ("SELECT kl_div_agg(a, b, ?7), entropy_agg(a, ?7), "
   "kl_gauss_agg(a, b, a, b, ?7) FROM (SELECT ?1 a, ?2 b UNION ALL "
   "SELECT ?3, ?4)"),
  "SELECT i, mu1, sd2, kl FROM kl_gauss_each(?1, ?2, ?3, ?4, ?5)",
  /* distribution values: parsed, compared across families, rebuilt */
  "SELECT kl(?1, ?2, ?3), kl(?2, ?1), dist_cross_entropy(?1, ?2), "
  "dist_entropy(?2, ?3), dist(?1), dist(dist(?2))",
  "SELECT kl(dist_gamma(?1, ?2), dist_normal(?3, ?4)), "
  "kl(dist_categorical(?1), dist_categorical(?2)), dist_mvn(?5, ?6), "
  "kl(dist_binomial(?1, ?2), dist_binomial(?3, ?4))",
  "SELECT gauss_mean(a) " AGG_W ", gauss_sd(a) " AGG_W ", gauss_mean(a), "
  "gauss_sd(a, ?7) FROM (SELECT ?1 a UNION ALL SELECT ?2 UNION ALL "
  "SELECT ?3 UNION ALL SELECT ?1)",
};
#define NSTMT (sizeof(STATEMENTS)/sizeof(STATEMENTS[0]))

static sqlite3 *db;
static sqlite3_stmt *stmts[NSTMT];

static const unsigned char F64_HEADER[8] = {
  0x4B, 0x4C, 0xC0, 0x7F, 0x66, 0x36, 0x34, 0x01
};

int LLVMFuzzerInitialize(int *argc, char ***argv){
  size_t i;
  (void)argc; (void)argv;
  if( sqlite3_open(":memory:", &db) ) abort();
  if( sqlite3_kl_init(db, 0, 0) ) abort();
  for(i=0; i<NSTMT; i++){
    if( sqlite3_prepare_v2(db, STATEMENTS[i], -1, &stmts[i], 0) ) abort();
  }
  /* keep results small enough that the fuzzer stays fast */
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 20);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  sqlite3_stmt *st;
  int k, n;
  if( size < 1 ) return 0;
  st = stmts[data[0] % NSTMT];
  data++; size--;
  n = sqlite3_bind_parameter_count(st);
  for(k=1; k<=n && size>=3; k++){
    int type = data[0] % 6;
    size_t len = (size_t)data[1] | (size_t)data[2] << 8;
    data += 3; size -= 3;
    if( len > size ) len = size;
    switch( type ){
      case 0: sqlite3_bind_null(st, k); break;
      case 1: {
        sqlite3_int64 v = 0;
        memcpy(&v, data, len < 8 ? len : 8);
        sqlite3_bind_int64(st, k, v);
        break;
      }
      case 2: {
        double v = 0;
        memcpy(&v, data, len < 8 ? len : 8);
        sqlite3_bind_double(st, k, v);
        break;
      }
      case 3: sqlite3_bind_text(st, k, (const char*)data, (int)len,
                                SQLITE_TRANSIENT); break;
      case 4: sqlite3_bind_blob(st, k, data, (int)len, SQLITE_TRANSIENT);
              break;
      default: {
        unsigned char *b = malloc(len + 8);
        memcpy(b, F64_HEADER, 8);
        memcpy(b + 8, data, len);
        sqlite3_bind_blob(st, k, b, (int)(len + 8), free);
        break;
      }
    }
    data += len; size -= len;
  }
  while( sqlite3_step(st)==SQLITE_ROW ){
    int c;
    for(c=0; c<sqlite3_column_count(st); c++){
      /* touch every result so sanitizers see its bytes */
      const unsigned char *t = sqlite3_column_text(st, c);
      if( t ) (void)strlen((const char*)t);
    }
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return 0;
}
