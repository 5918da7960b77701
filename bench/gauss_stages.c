/*
** gauss_stages.c — where the time of kl_gauss on float32 blobs goes, stage
** by stage (issue 16, item 3).  A measuring tool, not a test: every number
** is a median of interleaved repetitions in one process, reported as a
** ratio or as ns per element, so a busy second core moves them less.
**
** The extension is compiled in (build/unity.c, -DSQLITE_CORE), so the
** stages below can call its static functions:
**
**   part 1 (no SQLite): per element of D = 768 float32 vectors,
**     conv    the four float32 -> double chunk copies (convert_f32)
**     terms   the per-dimension kernel with its chunk sums, on doubles
**     accum   kl_gauss_accum (kernel + compensated sum of the chunks)
**     f32     kl_gauss_accum_f32 (the same, reading float32 in place)
**   part 2 (SQL, N rows of D = 768): each query against the blob floor,
**     open    kl_args_open only (header checks, JSONB sniffing)
**     read    open + every chunk read (the copies)
**     kl      kl_gauss
**     l2      sqlite-vec's vec_distance_l2, when --vec names vec0.so
**
** Build and run:  make build/bench/gauss_stages && build/bench/gauss_stages
**                 [--vec PATH/vec0.so] [--rows N] [--reps R] [--part 1|2]
**                 [--query K]  (only query K of part 2, e.g. under
**                               perf record -e cpu-clock: 3 is kl_gauss)
*/
#include "../build/unity.c"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* CPU time of this thread: time spent preempted by the fuzzer on the other
** core does not count (its effect on shared caches and clocks still does) */
#ifndef KL_STAGE_CLOCK
# define KL_STAGE_CLOCK CLOCK_THREAD_CPUTIME_ID
#endif

static double now(void){
  struct timespec ts;
  clock_gettime(KL_STAGE_CLOCK, &ts);
  return ts.tv_sec + ts.tv_nsec*1e-9;
}

static int cmpd(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return x<y ? -1 : x>y;
}

static double med(double *t, int n){
  qsort(t, (size_t)n, sizeof(double), cmpd);
  return t[n/2];
}

static unsigned long long rng = 0x2545F4914F6CDD1DULL;
static double urand(void){
  rng ^= rng >> 12; rng ^= rng << 25; rng ^= rng >> 27;
  return (double)((rng * 0x2545F4914F6CDD1DULL) >> 11) / 9007199254740992.0;
}

#ifndef STAGE_D
# define STAGE_D 768   /* elements per vector: -DSTAGE_D=16 for short ones */
#endif
#define D STAGE_D
static float fv[4][D];
static double dv[4][D];
static volatile double sink;

/* ---------------------------------------------------------- part 1 */

static void st_conv(void){
  size_t c, k;
  for(c=0; c<D; c+=KL_CHUNK){
    for(k=0; k<4; k++) sink += convert_f32((const unsigned char*)(fv[k] + c),
                                           dv[k] + c, KL_CHUNK);
  }
}
/* the kernel alone: terms and their chunk sums (one pass since the lean
** kernel; before it, terms and a pairwise sum were two) */
static void st_terms(void){
  size_t c;
  int bad;
  for(c=0; c<D; c+=KL_CHUNK){
    sink += gauss_f64(dv[0]+c, dv[1]+c, dv[2]+c, dv[3]+c, KL_CHUNK, &bad);
  }
}
/* the same reading the float32 values in place */
static void st_f32(void){
  kl_sum acc;
  kl_sum_init(&acc);
  kl_gauss_accum_f32(fv[0], fv[1], fv[2], fv[3], D, &acc);
  sink += kl_sum_value(&acc);
}
static void st_accum(void){
  kl_sum acc;
  kl_sum_init(&acc);
  kl_gauss_accum(dv[0], dv[1], dv[2], dv[3], D, &acc);
  sink += kl_sum_value(&acc);
}

typedef void (*stage_fn)(void);

static void part1(int reps){
  static const char *const names[] = { "conv (4 copies)", "terms+chunk sums",
                                       "accum (doubles)", "accum (f32 in place)" };
  stage_fn fn[] = { st_conv, st_terms, st_accum, st_f32 };
  int ns = 4, r, s, inner = 2000;
  double t[8][64];
  for(r=0; r<reps; r++){
    for(s=0; s<ns; s++){
      double t0 = now();
      int i;
      for(i=0; i<inner; i++) fn[s]();
      t[s][r] = (now() - t0) / ((double)inner * D) * 1e9;
    }
  }
  printf("part 1: ns per element, D = %d, no SQLite (median and min of %d)\n",
         D, reps);
  for(s=0; s<ns; s++){
    double md = med(t[s], reps);
    printf("  %-20s %6.3f %6.3f\n", names[s], md, t[s][0]);
  }
}

/* ---------------------------------------------------------- part 2 */

static sqlite3 *db;
static const char *const nm4[4] = { "mu1", "sd1", "mu2", "sd2" };

static void floor_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const void *p = 0;
  int i;
  for(i=0; i<argc; i++) p = sqlite3_value_blob(argv[i]);
  sqlite3_result_int(ctx, p!=0);
}
static void open_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  kl_argv a;
  char *e = 0;
  (void)argc;
  sqlite3_result_int(ctx, kl_args_open(&a, "x", nm4, 4, argv, 0, &e));
  sqlite3_free(e);
}
static void read_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  kl_argv a;
  char *e = 0;
  size_t n, tot = 0;
  (void)argc;
  if( kl_args_open(&a, "x", nm4, 4, argv, 0, &e)==0 ){
    while( kl_args_next(&a, &n, &e)==0 && n>0 ) tot += n;
  }
  sqlite3_free(e);
  sqlite3_result_int64(ctx, (sqlite3_int64)tot);
}

static void die(const char *w){
  fprintf(stderr, "gauss_stages: %s: %s\n", w, sqlite3_errmsg(db));
  exit(1);
}

static double timed(const char *sql){
  sqlite3_stmt *st;
  double t0 = now();
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) ) die(sql);
  while( sqlite3_step(st)==SQLITE_ROW ){}
  sqlite3_finalize(st);
  return now() - t0;
}

/* Table t: n rows of four float32 blobs of D elements, or (json) the same
** as JSON text with 6 decimals, as bench/bench.c makes them. */
static void make_table(int n, int json){
  sqlite3_stmt *st;
  float buf[D];
  static char text[D*24 + 2];
  int i, c, k;
  sqlite3_exec(db, "DROP TABLE IF EXISTS t", 0, 0, 0);
  if( sqlite3_exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, mu1, sd1, mu2,"
                   " sd2); BEGIN", 0, 0, 0) ) die("create");
  if( sqlite3_prepare_v2(db, "INSERT INTO t VALUES(?,?,?,?,?)", -1, &st, 0) )
    die("insert");
  for(i=0; i<n; i++){
    sqlite3_bind_int(st, 1, i);
    for(c=0; c<4; c++){
      size_t len = 0;
      text[len++] = '[';
      for(k=0; k<D; k++){
        double x = (c==1 || c==3) ? 0.1 + 2.0*urand() : 4.0*urand() - 2.0;
        buf[k] = (float)x;
        if( json ) len += (size_t)sprintf(text + len, "%s%.6f", k ? "," : "", x);
      }
      text[len++] = ']';
      if( json ) sqlite3_bind_text(st, 2 + c, text, (int)len, SQLITE_TRANSIENT);
      else sqlite3_bind_blob(st, 2 + c, buf, (int)sizeof buf, SQLITE_TRANSIENT);
    }
    if( sqlite3_step(st)!=SQLITE_DONE ) die("insert");
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_exec(db, "COMMIT", 0, 0, 0);
}

static int only_query = -1;   /* --query K: run only query K (for perf) */

static void part2(int rows, int reps, const char *vec){
  static const char *const q[] = {
    "SELECT sum(floor4(mu1, sd1, mu2, sd2)) FROM t",
    "SELECT sum(st_open(mu1, sd1, mu2, sd2)) FROM t",
    "SELECT sum(st_read(mu1, sd1, mu2, sd2)) FROM t",
    "SELECT sum(kl_gauss(mu1, sd1, mu2, sd2)) FROM t",
    "SELECT sum(vec_distance_l2(mu1, mu2)) FROM t",
  };
  static const char *const names[] = { "floor", "open", "read (copies)",
                                       "kl_gauss", "vec_distance_l2" };
  char path[64];
  double t[5][64], m[5];
  int nq = vec ? 5 : 4, r, s;
  snprintf(path, sizeof path, "/tmp/kl-stages-%d.db", (int)getpid());
  unlink(path);
  if( sqlite3_open(path, &db) ) die("open");
  sqlite3_kl_init(db, 0, 0);
  sqlite3_create_function(db, "floor4", 4, SQLITE_UTF8, 0, floor_fn, 0, 0);
  sqlite3_create_function(db, "st_open", 4, SQLITE_UTF8, 0, open_fn, 0, 0);
  sqlite3_create_function(db, "st_read", 4, SQLITE_UTF8, 0, read_fn, 0, 0);
  sqlite3_exec(db, "PRAGMA cache_size=-2000000; PRAGMA journal_mode=OFF; "
               "PRAGMA synchronous=OFF", 0, 0, 0);
  if( vec ){
    char *e = 0;
    sqlite3_enable_load_extension(db, 1);
    if( sqlite3_load_extension(db, vec, 0, &e) ){
      fprintf(stderr, "vec0 not loaded: %s\n", e ? e : "?");
      nq = 4;
    }
  }
  make_table(rows, 0);
  if( only_query>=0 && only_query<nq ){
    for(r=0; r<reps; r++) timed(q[only_query]);
    sqlite3_close(db);
    unlink(path);
    return;
  }
  for(s=0; s<nq; s++) timed(q[s]);
  for(r=0; r<reps; r++) for(s=0; s<nq; s++) t[s][r] = timed(q[s]);
  for(s=0; s<nq; s++) m[s] = med(t[s], reps);
  printf("part 2: N = %d rows, D = %d float32 (median of %d, interleaved)\n",
         rows, D, reps);
  printf("  %-18s %9s %9s %9s %9s\n", "query", "ms", "x floor", "ns/elem",
         "min x fl");
  for(s=0; s<nq; s++){
    printf("  %-18s %9.2f %9.3f %9.3f %9.3f\n", names[s], m[s]*1e3, m[s]/m[0],
           m[s]/((double)rows*D)*1e9, t[s][0]/t[0][0]);
  }
  if( nq==5 ) printf("  kl_gauss / vec_distance_l2: %.3f (min: %.3f)\n",
                     m[3]/m[4], t[3][0]/t[4][0]);
  /* part 3: JSON text (N/4 rows): the parse alone and kl_gauss against
  ** json_valid of the four */
  {
    static const char *const qj[] = {
      "SELECT sum(json_valid(mu1) + json_valid(sd1) + json_valid(mu2) + "
      "json_valid(sd2)) FROM t",
      "SELECT sum(st_read(mu1, sd1, mu2, sd2)) FROM t",
      "SELECT sum(kl_gauss(mu1, sd1, mu2, sd2)) FROM t",
    };
    static const char *const nj[] = { "json_valid x4", "read (parse)",
                                      "kl_gauss" };
    double tj[3][64];
    make_table(rows/4, 1);
    for(s=0; s<3; s++) timed(qj[s]);
    for(r=0; r<reps; r++) for(s=0; s<3; s++) tj[s][r] = timed(qj[s]);
    printf("part 3: N = %d rows, D = %d, JSON text\n", rows/4, D);
    for(s=0; s<3; s++){
      double md = med(tj[s], reps);
      printf("  %-18s %9.2f ms %9.3f x json_valid\n", nj[s], md*1e3,
             md/med(tj[0], reps));
    }
  }
  sqlite3_close(db);
  unlink(path);
}

int main(int argc, char **argv){
  const char *vec = 0;
  int rows = 20000, reps = 9, i, k, only = 0;
  for(i=1; i<argc; i++){
    if( strcmp(argv[i], "--vec")==0 && i+1<argc ) vec = argv[++i];
    else if( strcmp(argv[i], "--rows")==0 && i+1<argc ) rows = atoi(argv[++i]);
    else if( strcmp(argv[i], "--reps")==0 && i+1<argc ) reps = atoi(argv[++i]);
    else if( strcmp(argv[i], "--part")==0 && i+1<argc ) only = atoi(argv[++i]);
    else if( strcmp(argv[i], "--query")==0 && i+1<argc ){
      only_query = atoi(argv[++i]);
      only = 2;
    }
  }
  if( reps > 64 ) reps = 64;
  for(k=0; k<4; k++){
    for(i=0; i<D; i++){
      double x = (k==1 || k==3) ? 0.1 + 2.0*urand() : 4.0*urand() - 2.0;
      fv[k][i] = (float)x;
    }
  }
  st_conv();
  if( only!=2 ) part1(reps);
  if( only!=1 ) part2(rows, reps, vec);
  return 0;
}
