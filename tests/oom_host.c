/*
** oom_host.c — allocation-failure injection.
**
** Installs an allocator (SQLITE_CONFIG_MALLOC, after sqlite3_shutdown) that
** fails on demand.  For each statement of a representative set it first
** records the result with no failure, then runs it again failing the 1st,
** 2nd, ... Nth allocation made while the statement steps, once and then
** persistently (the Nth and every later one), until a run makes fewer than
** N allocations.  Each run must end with the recorded result (or the
** recorded error) or with SQLITE_NOMEM, and sqlite3_memory_used() must be
** back where it was: no crash, no leak, no wrong number.
**
** The extension is compiled in (-DSQLITE_CORE); all its allocations go
** through sqlite3_malloc64, so they reach this allocator.
** Prints "ok ID" / "FAIL ID: ..." per statement and mode, then a line
** "# N allocation-failure points" (a comment the runner ignores).
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sqlite3_kl_init(sqlite3 *db, char **pzErrMsg,
                    const sqlite3_api_routines *pApi);

static sqlite3_mem_methods orig;
static int armed, persistent;
static long fail_at, count, injected;

static int should_fail(void){
  if( !armed || fail_at<=0 ) return 0;
  count++;
  if( count==fail_at || (persistent && count>fail_at) ){
    injected++;
    return 1;
  }
  return 0;
}
static void *xMalloc(int n){ return should_fail() ? 0 : orig.xMalloc(n); }
static void *xRealloc(void *p, int n){
  return should_fail() ? 0 : orig.xRealloc(p, n);
}

static const char *const STATEMENTS[] = {
  "SELECT kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]', 'bits')",
  "SELECT kl_gauss('[1,2,3]', '[1,2,-1]', 0, 1)",
  "SELECT kl_gauss('[1 2]', 1, 0, 1)",
  "SELECT hex(kl_f32('[0.5, 1e-3, 2.25]')), hex(kl_f64(X'000000000000F03F'))",
  "SELECT kl_json(kl_f32('[0.1, 0.2, 0.3]')), kl_dims('[1,2,3,4]')",
  "SELECT kl_gauss_agg(x, 1, 0, 2) OVER (ORDER BY x ROWS 2 PRECEDING) FROM "
  "(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x<20) "
  "SELECT x FROM c)",
  "SELECT kl_div('[1,2,3]', '[3,2,1]'), js_div('[1,0]', '[0,1]'), "
  "js_dist('[1,2]', '[2,1]', 'bits'), cross_entropy('[1,1]', '[1,3]'), "
  "entropy('[1,1,2]')",
  "SELECT kl_div_logits('[1e4,-1e4,0]', '[0,0,0]')",
  "SELECT kl_div_agg(x, 101 - x) OVER (ORDER BY x ROWS 80 PRECEDING), "
  "js_div_agg(x, 101 - x) OVER (ORDER BY x), entropy_agg(x) OVER () FROM "
  "(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x<100)"
  " SELECT x FROM c)",
  "SELECT cross_entropy_agg(p, q, 'bans') FROM (SELECT '[1,2,3]' p, '[2,2,2]' q "
  "UNION ALL SELECT 4, 5)",
  "SELECT kl_div('[1,-1]', '[1,1]')",
  "SELECT kl_gauss(0, 1, 0, 1, 2)",
  "SELECT kl_gauss(mu, sd, 0, 1), kl_div(mu, sd), kl_json(mu) FROM utf16",
  "SELECT kl_gauss_var('[1,2]', '[1,4]', 0, 1), kl_gauss_logvar(0, 700, 0, "
  "-700), hellinger_gauss(0, 1, 1, 2), w2_gauss('[3e300,0]', 1, 0, 1)",
  "SELECT kl_mvn('[1,2]', '[[2,0.5],[0.5,1]]', 0, kl_f64('[1,0,0,1]'), 'bits')",
  "SELECT kl_mvn(0, '[[1,0.5],[0.7,1]]', 0, 1)",
  "SELECT i, kl, arg_mu1 FROM kl_gauss_each('[1,2,3]', 1, 0, '[1,2,3]', "
  "'bits')",
  "SELECT gauss_mean(v), gauss_sd(v), gauss_sd(kl_f32(v), 0) FROM (SELECT "
  "'[1,2]' v UNION ALL SELECT '[3,5]' UNION ALL SELECT '[2,2]')",
  "SELECT kl_gamma('[1,2]', 1, 3, '[4,5]'), kl_beta(1e8, 1, 1e-8, 1), "
  "kl_gumbel(0, 1, 1, 1.5), kl_uniform(0, 1, -1, 3, 'bits')",
  "SELECT kl_dirichlet('[0.5,2,3.5]', '[1,1,7]'), kl_dirichlet('[1,0]', 1)",
  "SELECT gauss_sd(x) OVER (ORDER BY x ROWS 3 PRECEDING) FROM (WITH "
  "RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x<12) "
  "SELECT x FROM c)",
  /* each function's example, from the catalogue (src/catalogue.h) */
#include "examples.h"
};
#define NSTMT (int)(sizeof(STATEMENTS)/sizeof(STATEMENTS[0]))

/*
** Whether db has every function and the module of a normal registration:
** as many of our names in pragma_function_list as a fresh connection.
*/
static int count_ours(sqlite3 *db){
  sqlite3_stmt *st;
  int n = -1;
  if( sqlite3_prepare_v2(db, "SELECT count(*) FROM pragma_function_list "
                         "WHERE name LIKE 'kl%' OR name LIKE '%gauss%' OR "
                         "name LIKE '%entropy%' OR name LIKE 'js%'", -1, &st,
                         0)==SQLITE_OK && sqlite3_step(st)==SQLITE_ROW ){
    n = sqlite3_column_int(st, 0);
  }
  sqlite3_finalize(st);
  if( sqlite3_prepare_v2(db, "SELECT count(*) FROM pragma_module_list WHERE "
                         "name = 'kl_gauss_each'", -1, &st, 0)==SQLITE_OK
   && sqlite3_step(st)==SQLITE_ROW ){
    n += 1000 * sqlite3_column_int(st, 0);
  }
  sqlite3_finalize(st);
  return n;
}

static int complete_registration(sqlite3 *db){
  sqlite3 *ref;
  int want;
  if( sqlite3_open(":memory:", &ref) ) return 0;
  sqlite3_kl_init(ref, 0, 0);
  want = count_ours(ref);
  sqlite3_close(ref);
  return want > 1000 && count_ours(db)==want;
}

/* Runs sql; the outcome (rows as text, or the error) goes to out. */
static int run(sqlite3 *db, const char *sql, char *out, size_t cap){
  sqlite3_stmt *st = 0;
  int rc, c;
  size_t used = 0;
  out[0] = 0;
  armed = 0;
  rc = sqlite3_prepare_v2(db, sql, -1, &st, 0);
  if( rc ){
    snprintf(out, cap, "prepare error %d", rc);
    return rc;
  }
  for(;;){
    armed = 1;
    rc = sqlite3_step(st);
    armed = 0;
    if( rc!=SQLITE_ROW ) break;
    for(c=0; c<sqlite3_column_count(st); c++){
      const unsigned char *t = sqlite3_column_text(st, c);
      used += (size_t)snprintf(out + used, cap - used, "%s|",
                               t ? (const char*)t : "NULL");
      if( used >= cap ) used = cap - 1;
    }
  }
  if( rc!=SQLITE_DONE ){
    rc = sqlite3_errcode(db);
    snprintf(out, cap, "error %d: %s", rc, sqlite3_errmsg(db));
  }else{
    rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return rc;
}

int main(void){
  sqlite3_mem_methods mine;
  sqlite3 *db;
  static char want[65536], got[65536];
  long points = 0;
  int i, mode;

  sqlite3_shutdown();
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &orig);
  mine = orig;
  mine.xMalloc = xMalloc;
  mine.xRealloc = xRealloc;
  if( sqlite3_config(SQLITE_CONFIG_MALLOC, &mine) ){
    printf("FAIL oom.setup: cannot install the allocator\n");
    return 1;
  }
  sqlite3_initialize();
  if( sqlite3_open(":memory:", &db) || sqlite3_kl_init(db, 0, 0) ){
    printf("FAIL oom.setup: cannot open\n");
    return 1;
  }
  /* no lookaside: every allocation reaches the allocator */
  sqlite3_db_config(db, SQLITE_DBCONFIG_LOOKASIDE, 0, 0, 0);
  /* text in a UTF-16 table is converted, with an allocation, when the
  ** functions read it */
  if( sqlite3_exec(db, "PRAGMA encoding='UTF-16le'; CREATE TEMP TABLE "
                   "utf16(mu, sd); INSERT INTO utf16 VALUES('[1,2,3]', "
                   "'[3,2,1]')", 0, 0, 0) ){
    printf("FAIL oom.setup: %s\n", sqlite3_errmsg(db));
    return 1;
  }

  for(i=0; i<NSTMT; i++){
    int want_rc;
    fail_at = 0;
    want_rc = run(db, STATEMENTS[i], want, sizeof want);
    if( want_rc==SQLITE_NOMEM ){
      printf("FAIL oom.%d: NOMEM without injection\n", i);
      continue;
    }
    for(mode=0; mode<2; mode++){
      long n;
      int bad = 0;
      persistent = mode;
      for(n=1; !bad; n++){
        sqlite3_int64 before = sqlite3_memory_used(), after;
        int rc;
        fail_at = n;
        count = 0;
        injected = 0;
        rc = run(db, STATEMENTS[i], got, sizeof got);
        fail_at = 0;
        after = sqlite3_memory_used();
        if( injected==0 ){
          if( strcmp(got, want)!=0 ){
            printf("FAIL oom.%d.%s: clean run gave '%s' want '%s'\n", i,
                   mode ? "persistent" : "once", got, want);
            bad = 1;
          }
          break;
        }
        points++;
        if( rc!=SQLITE_NOMEM && strcmp(got, want)!=0 ){
          printf("FAIL oom.%d.%s: failing allocation %ld gave '%s' want '%s'"
                 " or SQLITE_NOMEM\n", i, mode ? "persistent" : "once", n,
                 got, want);
          bad = 1;
        }else if( after!=before ){
          printf("FAIL oom.%d.%s: failing allocation %ld leaked %lld bytes\n",
                 i, mode ? "persistent" : "once", n,
                 (long long)(after - before));
          bad = 1;
        }
      }
      if( !bad ){
        printf("ok oom.%d.%s (%ld points)\n", i, mode ? "persistent" : "once",
               n - 1);
      }
    }
  }
  sqlite3_close(db);

  /* registration itself, failing each allocation in turn */
  {
    long n;
    int bad = 0;
    for(n=1; ; n++){
      sqlite3 *fresh;
      char *err = 0;
      int rc;
      if( sqlite3_open(":memory:", &fresh) ) return 1;
      fail_at = n;
      persistent = 0;
      count = 0;
      injected = 0;
      armed = 1;
      rc = sqlite3_kl_init(fresh, (n & 1) ? &err : 0, 0);
      armed = 0;
      fail_at = 0;
      if( injected==0 ){
        if( rc ) bad = 1;
        sqlite3_close(fresh);
        break;
      }
      points++;
      if( rc==SQLITE_OK && complete_registration(fresh) ){
        /* SQLite ignores some allocation failures by design (a hash table
        ** that cannot grow keeps its old size): the registration is whole */
        sqlite3_close(fresh);
        continue;
      }
      if( rc!=SQLITE_NOMEM || (err && strstr(err, "cannot register")==0) ){
        printf("FAIL oom.init: allocation %ld gave rc %d (%s)\n", n, rc,
               err ? err : "no message");
        bad = 1;
      }
      sqlite3_free(err);
      sqlite3_close(fresh);
    }
    if( !bad ) printf("ok oom.init (%ld points)\n", n - 1);
  }
  printf("# %ld allocation-failure points\n", points);
  return 0;
}
