/*
** harness.c — test-only SQL functions for the SQL test scripts, loaded
** by the runner next to the extension (.load tests/harness).  Not part of
** the extension.
**
**   expect(id, got, want)        passes when got and want are equal: same
**                               type class (NULL, number, text, blob) and
**                               same value or bytes.
**   expect(id, got, want, rtol)  numeric: passes when |got-want| <= rtol*|want|
**                               (|got| <= rtol when want is 0); infinities
**                               must match exactly; NaN never passes.
**   expect_error(id, sql, msg [, code])
**                               runs sql on the same connection and passes
**                               when it fails with exactly the message msg
**                               (and the primary result code, if given).
**   try_value(sql)              runs sql (one statement) on the same
**                               connection: its first row's first column,
**                               or the text 'error: MESSAGE' if it fails
**                               (the value oracle's grid, one call a row).
**   set_length_limit(n)         sets SQLITE_LIMIT_LENGTH on this connection
**                               and returns NULL (a blank line, which the
**                               runner skips).
**
** Each expect returns one line, "ok ID" or "FAIL ID: ...", which tests/run.sh
** counts.  Any other output, anything on stderr, or a crash fails the file.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include <math.h>
#include <string.h>

/* Appends a readable rendering of v. */
static void show(sqlite3_str *s, sqlite3_value *v){
  switch( sqlite3_value_type(v) ){
    case SQLITE_NULL:    sqlite3_str_appendall(s, "NULL"); break;
    case SQLITE_INTEGER: sqlite3_str_appendf(s, "%lld", sqlite3_value_int64(v));
                         break;
    case SQLITE_FLOAT:   sqlite3_str_appendf(s, "%!.17g",
                                             sqlite3_value_double(v));
                         break;
    case SQLITE_TEXT:    sqlite3_str_appendf(s, "'%q'", sqlite3_value_text(v));
                         break;
    default: {
      const unsigned char *p = sqlite3_value_blob(v);
      int i, n = sqlite3_value_bytes(v);
      sqlite3_str_appendall(s, "X'");
      for(i=0; i<n && i<64; i++) sqlite3_str_appendf(s, "%02X", p[i]);
      sqlite3_str_appendall(s, n>64 ? "...'" : "'");
      break;
    }
  }
}

static int is_num(sqlite3_value *v){
  int t = sqlite3_value_type(v);
  return t==SQLITE_INTEGER || t==SQLITE_FLOAT;
}

static int equal(sqlite3_value *a, sqlite3_value *b){
  int ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
  if( is_num(a) && is_num(b) ){
    if( ta==SQLITE_INTEGER && tb==SQLITE_INTEGER ){
      return sqlite3_value_int64(a)==sqlite3_value_int64(b);
    }
    return sqlite3_value_double(a)==sqlite3_value_double(b);
  }
  if( ta!=tb ) return 0;
  if( ta==SQLITE_NULL ) return 1;
  if( ta==SQLITE_TEXT ){
    const unsigned char *x = sqlite3_value_text(a), *y = sqlite3_value_text(b);
    return sqlite3_value_bytes(a)==sqlite3_value_bytes(b)
        && memcmp(x, y, (size_t)sqlite3_value_bytes(a))==0;
  }else{
    const void *x = sqlite3_value_blob(a), *y = sqlite3_value_blob(b);
    int n = sqlite3_value_bytes(a);
    return n==sqlite3_value_bytes(b) && (n==0 || memcmp(x, y, (size_t)n)==0);
  }
}

static void result(sqlite3_context *ctx, sqlite3_str *s){
  int n = sqlite3_str_length(s);
  sqlite3_result_text(ctx, sqlite3_str_finish(s), n, sqlite3_free);
}

static void expect_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *s = sqlite3_str_new(0);
  const char *id = (const char*)sqlite3_value_text(argv[0]);
  int pass;
  double rel = 0.0;
  if( id==0 ) id = "(null id)";
  if( argc==4 && sqlite3_value_type(argv[3])!=SQLITE_NULL ){
    double tol = sqlite3_value_double(argv[3]);
    if( !is_num(argv[1]) || !is_num(argv[2]) ){
      pass = 0;
    }else{
      double got = sqlite3_value_double(argv[1]);
      double want = sqlite3_value_double(argv[2]);
      if( isinf(want) || isinf(got) ) pass = got==want;
      else if( want==0.0 ) pass = fabs(got) <= tol, rel = fabs(got);
      else{
        rel = fabs(got - want) / fabs(want);
        pass = rel <= tol;   /* false for NaN */
      }
    }
  }else{
    pass = equal(argv[1], argv[2]);
  }
  if( pass ){
    sqlite3_str_appendf(s, "ok %s", id);
  }else{
    sqlite3_str_appendf(s, "FAIL %s: got ", id);
    show(s, argv[1]);
    sqlite3_str_appendall(s, " want ");
    show(s, argv[2]);
    if( rel!=0.0 ) sqlite3_str_appendf(s, " (error %!.3g)", rel);
  }
  result(ctx, s);
}

static void expect_error_func(sqlite3_context *ctx, int argc,
                             sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  sqlite3_str *s = sqlite3_str_new(0);
  const char *id = (const char*)sqlite3_value_text(argv[0]);
  const char *sql = (const char*)sqlite3_value_text(argv[1]);
  const char *want = (const char*)sqlite3_value_text(argv[2]);
  char *got = 0;
  int code = 0, rc = SQLITE_OK, rows = 0;
  sqlite3_str *res = sqlite3_str_new(0);
  if( id==0 ) id = "(null id)";
  if( want==0 ) want = "";
  while( sql && sql[0] && rc==SQLITE_OK ){
    sqlite3_stmt *stmt = 0;
    const char *tail = 0;
    rc = sqlite3_prepare_v2(db, sql, -1, &stmt, &tail);
    if( rc==SQLITE_OK && stmt ){
      while( (rc = sqlite3_step(stmt))==SQLITE_ROW ){
        if( rows++ < 3 ){
          if( rows>1 ) sqlite3_str_appendall(res, ", ");
          show(res, sqlite3_column_value(stmt, 0));
        }
      }
      if( rc==SQLITE_DONE ) rc = SQLITE_OK;
    }
    if( rc!=SQLITE_OK ){
      code = sqlite3_errcode(db) & 0xff;
      got = sqlite3_mprintf("%s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(stmt);
    sql = tail;
  }
  if( got && strcmp(got, want)==0
   && (argc<4 || sqlite3_value_int(argv[3])==code) ){
    sqlite3_str_appendf(s, "ok %s", id);
  }else if( got ){
    sqlite3_str_appendf(s, "FAIL %s: got error '%q' (code %d) want '%q'",
                        id, got, code, want);
    if( argc>=4 ) sqlite3_str_appendf(s, " (code %d)",
                                      sqlite3_value_int(argv[3]));
  }else{
    char *r = sqlite3_str_finish(res);
    res = 0;
    sqlite3_str_appendf(s, "FAIL %s: no error (result %s) want '%q'", id,
                        r ? r : "", want);
    sqlite3_free(r);
  }
  sqlite3_free(got);
  if( res ) sqlite3_free(sqlite3_str_finish(res));
  result(ctx, s);
}

static void try_value_func(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  const char *sql = (const char*)sqlite3_value_text(argv[0]);
  sqlite3_stmt *stmt = 0;
  int rc;
  (void)argc;
  if( sql==0 ) return;
  rc = sqlite3_prepare_v2(db, sql, -1, &stmt, 0);
  if( rc==SQLITE_OK && stmt ){
    rc = sqlite3_step(stmt);
    if( rc==SQLITE_ROW ){
      sqlite3_result_value(ctx, sqlite3_column_value(stmt, 0));
      rc = SQLITE_OK;
    }else if( rc==SQLITE_DONE ){
      rc = SQLITE_OK;
    }
  }
  if( rc!=SQLITE_OK ){
    char *msg = sqlite3_mprintf("error: %s", sqlite3_errmsg(db));
    sqlite3_result_text(ctx, msg ? msg : "error", -1, SQLITE_TRANSIENT);
    sqlite3_free(msg);
  }
  sqlite3_finalize(stmt);
}

static void set_length_limit_func(sqlite3_context *ctx, int argc,
                                  sqlite3_value **argv){
  (void)argc;
  sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH,
                sqlite3_value_int(argv[0]));
}

#if defined(_WIN32)
__declspec(dllexport)
#elif defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int sqlite3_harness_init(sqlite3 *db, char **pzErrMsg,
                         const sqlite3_api_routines *pApi){
  int rc;
  (void)pzErrMsg;
  SQLITE_EXTENSION_INIT2(pApi);
  rc = sqlite3_create_function(db, "expect", 3, SQLITE_UTF8, 0, expect_func,
                               0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "expect", 4, SQLITE_UTF8,
                                                   0, expect_func, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "expect_error", 3,
                                                   SQLITE_UTF8, 0,
                                                   expect_error_func, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "expect_error", 4,
                                                   SQLITE_UTF8, 0,
                                                   expect_error_func, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "try_value", 1,
                                                   SQLITE_UTF8, 0,
                                                   try_value_func, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "set_length_limit", 1,
                                                   SQLITE_UTF8, 0,
                                                   set_length_limit_func, 0, 0);
  return rc;
}
