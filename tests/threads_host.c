/*
** threads_host.c — the extension under concurrency.
**
** Records each query's result on one thread, then runs the same queries
** from 8 threads for a bounded time, first each thread on its own
** connection, then all on one shared connection (serialized mode), and
** requires every result to be bit-identical to the recorded one.  Built
** plain and with -fsanitize=thread.  The extension is compiled in.
**
** Usage: threads_host [SECONDS_PER_MODE]   (default 2)
** Prints "ok ID" / "FAIL ID: ..." and "# thread-seconds N".
*/
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int sqlite3_kl_init(sqlite3 *db, char **pzErrMsg,
                    const sqlite3_api_routines *pApi);

#define NTHREADS 8

static const char *const QUERIES[] = {
  "SELECT kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]')",
  "SELECT kl_gauss(X'00000040000080400000C040', 1.5, '[3,5,8]', 2, 'bits')",
  "SELECT kl_json(kl_f32('[0.1,0.2,0.3]')), hex(kl_f64('[1e-300,5]'))",
  "SELECT kl_div('[1,2,3,4]', '[4,3,2,1]'), js_dist('[1,2]', '[2,1]'), "
  "entropy('[1,2,3]', 'bans'), cross_entropy('[1,0]', '[1,1]')",
  "SELECT kl_div_logits('[1e4,-1e4,3]', '[-2,5,1]')",
  "SELECT sum(k) FROM (SELECT kl_gauss_agg(x*0.5, 1+x%3, 0, 1) OVER "
  "(ORDER BY x ROWS 5 PRECEDING) k FROM (WITH RECURSIVE c(x) AS (SELECT 1 "
  "UNION ALL SELECT x+1 FROM c WHERE x<300) SELECT x FROM c))",
  "SELECT sum(k) FROM (SELECT js_div_agg(x, 1 + x % 7) OVER (ORDER BY x ROWS "
  "20 PRECEDING) k FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT "
  "x+1 FROM c WHERE x<300) SELECT x FROM c))",
  "SELECT kl_gauss('[1,2]', '[1,-2]', 0, 1)",
  "SELECT kl_mvn('[1,2]', '[[2,0.5],[0.5,1]]', 0, '[[1,0],[0,1]]'), "
  "kl_gauss_logvar('[1,-2]', '[3,-700]', 0, 0), w2_gauss(1, 2, 3, 4)",
  "SELECT sum(kl), count(*) FROM kl_gauss_each('[1,2,3]', 1, 0, 2)",
  "SELECT kl_gumbel('[0,1,2]', '[0.5,1,3]', 0, 1), kl_gamma(2, 3, 5, 7), "
  "kl_dirichlet('[0.5,2,3.5]', '[1,1,7]'), kl_beta(1e-8, 1, 2, 3)",
  "SELECT hex(gauss_sd(v)) FROM (SELECT kl_f64(x) v FROM (WITH RECURSIVE "
  "c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x<200) SELECT 1e9 + "
  "x/8.0 x FROM c))",
  /* each function's example, from the catalogue (src/catalogue.h) */
#include "examples.h"
};
#define NQ (int)(sizeof(QUERIES)/sizeof(QUERIES[0]))

/* A result as bytes: per column its type and exact value; or the error. */
typedef struct outcome { char bytes[512]; size_t n; } outcome;

static outcome want[NQ];
static double seconds = 2.0;
static sqlite3 *shared;
static long runs[NTHREADS], mismatches[NTHREADS];

static void put(outcome *o, const void *p, size_t n){
  if( o->n + n > sizeof o->bytes ) n = sizeof o->bytes - o->n;
  if( n ) memcpy(o->bytes + o->n, p, n);   /* p is NULL for a NULL */
  o->n += n;
}

static int run(sqlite3 *db, const char *sql, outcome *o){
  sqlite3_stmt *st;
  int rc, c;
  o->n = 0;
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) ) return 1;
  while( (rc = sqlite3_step(st))==SQLITE_ROW ){
    for(c=0; c<sqlite3_column_count(st); c++){
      int t = sqlite3_column_type(st, c);
      put(o, &t, sizeof t);
      if( t==SQLITE_FLOAT ){
        double d = sqlite3_column_double(st, c);
        put(o, &d, sizeof d);
      }else{
        const void *p = sqlite3_column_blob(st, c);
        put(o, p, (size_t)sqlite3_column_bytes(st, c));
      }
    }
  }
  if( rc!=SQLITE_DONE ){
    const char *m = sqlite3_errmsg(sqlite3_db_handle(st));
    /* on a shared connection the message is read under its mutex */
    put(o, "E", 1);
    put(o, m, strlen(m));
  }
  sqlite3_finalize(st);
  return 0;
}

static double now(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec*1e-9;
}

static sqlite3 *open_db(int flags){
  sqlite3 *db = 0;
  if( sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE
                      | SQLITE_OPEN_CREATE | flags, 0)
   || sqlite3_kl_init(db, 0, 0) ){
    fprintf(stderr, "cannot open\n");
    exit(1);
  }
  return db;
}

static void *worker(void *arg){
  int id = (int)(size_t)arg, q = id % NQ;
  sqlite3 *db = shared ? shared : open_db(SQLITE_OPEN_NOMUTEX);
  double end = now() + seconds;
  /* every thread runs every query at least once, however busy the machine
  ** (the pass/fail counts work); the clock only says how long to go on */
  while( runs[id] < NQ || now() < end ){
    outcome o;
    if( shared ) sqlite3_mutex_enter(sqlite3_db_mutex(db));
    run(db, QUERIES[q], &o);
    if( shared ) sqlite3_mutex_leave(sqlite3_db_mutex(db));
    if( o.n!=want[q].n || memcmp(o.bytes, want[q].bytes, o.n)!=0 ){
      mismatches[id]++;
    }
    runs[id]++;
    q = (q + 1) % NQ;
  }
  if( !shared ) sqlite3_close(db);
  return 0;
}

static int stress(const char *id){
  pthread_t t[NTHREADS];
  long total = 0, bad = 0;
  int i;
  memset(runs, 0, sizeof runs);
  memset(mismatches, 0, sizeof mismatches);
  for(i=0; i<NTHREADS; i++){
    pthread_create(&t[i], 0, worker, (void*)(size_t)i);
  }
  for(i=0; i<NTHREADS; i++){
    pthread_join(t[i], 0);
    total += runs[i];
    bad += mismatches[i];
  }
  if( bad==0 && total>=(long)NTHREADS*NQ ) printf("ok %s (%ld queries)\n", id, total);
  else printf("FAIL %s: %ld of %ld results differ\n", id, bad, total);
  return bad!=0;
}

int main(int argc, char **argv){
  sqlite3 *db;
  int q;
  if( argc>1 ) seconds = atof(argv[1]);
  if( !sqlite3_threadsafe() ){
    printf("FAIL threads.setup: SQLite built without thread safety\n");
    return 1;
  }
  db = open_db(0);
  for(q=0; q<NQ; q++) run(db, QUERIES[q], &want[q]);
  sqlite3_close(db);

  stress("threads.own-connections");
  shared = open_db(SQLITE_OPEN_FULLMUTEX);
  stress("threads.shared-connection");
  sqlite3_close(shared);
  printf("# thread-seconds %.0f\n", 2*NTHREADS*seconds);
  return 0;
}
