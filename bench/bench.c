/*
** bench.c — the sqlite-kl benchmark host (make bench).  A benchmark, not a
** test: it prints ratios measured side by side in one process.
**
** Data is generated here (fixed seed) into a temporary database file, read
** with a page cache large enough to hold it, after a warm-up.  Each
** comparison runs its two queries interleaved, 7 times each, and reports
** the ratio of the medians.  The "floor" is a do-nothing function of this
** host that only fetches its arguments' blob pointers: SQLite's own cost per
** row.  The extension is loaded from ./kl.so, as users load it.
**
** Usage: bench [--smoke] [--vec PATH_TO_vec0.so] [--out RESULTS_FRAGMENT]
**        bench --callgrind N D     (one query, for valgrind --tool=callgrind)
**        bench --rss N D           (one query on a small cache; prints the
**                                   peak RSS in KiB)
*/
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static sqlite3 *db;
static char dbpath[256];
static int smoke;
static int reps = 7;

static double now(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec*1e-9;
}

/* ------------------------------------------------------------- floors */

static void floor_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const void *p = 0;
  int i;
  for(i=0; i<argc; i++) p = sqlite3_value_blob(argv[i]);
  sqlite3_result_int(ctx, p!=0);
}

/* ------------------------------------------------------------ helpers */

static void die(const char *what){
  fprintf(stderr, "bench: %s: %s\n", what, sqlite3_errmsg(db));
  exit(1);
}

static void exec(const char *sql){
  char *err = 0;
  if( sqlite3_exec(db, sql, 0, 0, &err) ){
    fprintf(stderr, "bench: %s\n  in: %.200s\n", err, sql);
    exit(1);
  }
}

/* Runs sql, returns seconds; *out gets the first column of the last row. */
static double timed(const char *sql, double *out){
  sqlite3_stmt *st;
  double t0 = now();
  int rc;
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) ) die(sql);
  while( (rc = sqlite3_step(st))==SQLITE_ROW ){
    if( out ) *out = sqlite3_column_double(st, 0);
  }
  if( rc!=SQLITE_DONE ) die(sql);
  sqlite3_finalize(st);
  return now() - t0;
}

static int cmp_double(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return x<y ? -1 : x>y;
}

static double median(double *t, int n){
  qsort(t, (size_t)n, sizeof(double), cmp_double);
  return t[n/2];
}

/* Interleaved repetitions of two queries: median(a) / median(b). */
static double ratio(const char *a, const char *b, double *ta, double *tb){
  double x[16], y[16];
  int r;
  timed(a, 0);   /* warm-up: pages into the cache */
  timed(b, 0);
  for(r=0; r<reps; r++){
    x[r] = timed(a, 0);
    y[r] = timed(b, 0);
  }
  *ta = median(x, reps);
  *tb = median(y, reps);
  return *ta / *tb;
}

static FILE *out;

static void row(const char *what, const char *vs, double ta, double tb,
                const char *target){
  printf("| %-44s | %-32s | %8.1f ms | %8.1f ms | %6.2f | %-8s |\n", what, vs,
         ta*1e3, tb*1e3, ta/tb, target);
  if( out ){
    fprintf(out, "| %s | %s | %.1f ms | %.1f ms | %.2f | %s |\n", what, vs,
            ta*1e3, tb*1e3, ta/tb, target);
  }
  fflush(stdout);
}

/* ----------------------------------------------------------- data */

static unsigned long long rng = 0x2545F4914F6CDD1DULL;
static double urand(void){
  rng ^= rng >> 12; rng ^= rng << 25; rng ^= rng >> 27;
  return (double)((rng * 0x2545F4914F6CDD1DULL) >> 11) / 9007199254740992.0;
}

/* Table NAME with N rows of four vectors of D elements: float32 blobs
** (elsize 4), float64 kl_f64 blobs (8) or JSON text (0). */
static void make_table(const char *name, int n, int d, int elsize){
  static const unsigned char hdr[8] = {0x4B,0x4C,0xC0,0x7F,0x66,0x36,0x34,1};
  sqlite3_stmt *st;
  char sql[256];
  size_t hsz = elsize==8 ? 8 : 0;
  size_t bytes = elsize ? hsz + (size_t)d*(size_t)elsize : (size_t)d*24 + 2;
  unsigned char *buf = malloc(bytes);
  int i, c, k;
  snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS %s; CREATE TABLE %s(id "
           "INTEGER PRIMARY KEY, mu1, sd1, mu2, sd2)", name, name);
  exec(sql);
  snprintf(sql, sizeof sql, "INSERT INTO %s VALUES(?,?,?,?,?)", name);
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) ) die(sql);
  exec("BEGIN");
  for(i=0; i<n; i++){
    sqlite3_bind_int(st, 1, i);
    for(c=0; c<4; c++){
      size_t len = 0;
      int positive = c==1 || c==3;
      if( elsize ) { memcpy(buf, hdr, hsz); len = hsz; }
      else buf[len++] = '[';
      for(k=0; k<d; k++){
        double x = positive ? 0.1 + 2.0*urand() : 4.0*urand() - 2.0;
        if( elsize==4 ){ float f = (float)x; memcpy(buf + len, &f, 4); len += 4; }
        else if( elsize==8 ){ memcpy(buf + len, &x, 8); len += 8; }
        else len += (size_t)sprintf((char*)buf + len, "%s%.6f", k ? "," : "", x);
      }
      if( elsize ) sqlite3_bind_blob(st, 2 + c, buf, (int)len, SQLITE_TRANSIENT);
      else{
        buf[len++] = ']';
        sqlite3_bind_text(st, 2 + c, (char*)buf, (int)len, SQLITE_TRANSIENT);
      }
    }
    if( sqlite3_step(st)!=SQLITE_DONE ) die("insert");
    sqlite3_reset(st);
  }
  exec("COMMIT");
  sqlite3_finalize(st);
  free(buf);
}

static void open_db(int cache_kib){
  char *err = 0, sql[128];
  snprintf(dbpath, sizeof dbpath, "/tmp/kl-bench-%d.db", (int)getpid());
  unlink(dbpath);
  if( sqlite3_open(dbpath, &db) ) die("open");
  sqlite3_enable_load_extension(db, 1);
  if( sqlite3_load_extension(db, "./kl", 0, &err) ){
    fprintf(stderr, "bench: cannot load ./kl.so: %s (run make first)\n", err);
    exit(1);
  }
  sqlite3_create_function(db, "floor4", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                          0, floor_fn, 0, 0);
  sqlite3_create_function(db, "floor2", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                          0, floor_fn, 0, 0);
  snprintf(sql, sizeof sql, "PRAGMA cache_size=-%d; PRAGMA journal_mode=OFF;"
           " PRAGMA synchronous=OFF", cache_kib);
  exec(sql);
}

static void close_db(void){
  sqlite3_close(db);
  unlink(dbpath);
}

/* Table NAME with N rows of numbers: four columns (mu1, sd1, mu2, sd2)
** for the long format, or two (p, q) for a histogram. */
static void make_numbers(const char *name, long n, int cols){
  sqlite3_stmt *st;
  char sql[256];
  long i;
  int c;
  snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS %s; CREATE TABLE %s(%s)",
           name, name, cols==4 ? "mu1 REAL, sd1 REAL, mu2 REAL, sd2 REAL"
                               : "p REAL, q REAL");
  exec(sql);
  snprintf(sql, sizeof sql, "INSERT INTO %s VALUES(%s)", name,
           cols==4 ? "?,?,?,?" : "?,?");
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) ) die(sql);
  exec("BEGIN");
  for(i=0; i<n; i++){
    for(c=0; c<cols; c++){
      int positive = cols==2 || c==1 || c==3;
      sqlite3_bind_double(st, c + 1, positive ? 0.1 + 2.0*urand()
                                              : 4.0*urand() - 2.0);
    }
    if( sqlite3_step(st)!=SQLITE_DONE ) die("insert");
    sqlite3_reset(st);
  }
  exec("COMMIT");
  sqlite3_finalize(st);
}

/* Table NAME with N rows of two float32 histograms of D bins. */
static void make_hist(const char *name, int n, int d){
  sqlite3_stmt *st;
  char sql[200];
  float *buf = malloc(sizeof(float)*(size_t)d);
  int i, c, k;
  snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS %s; CREATE TABLE %s(p, q)",
           name, name);
  exec(sql);
  snprintf(sql, sizeof sql, "INSERT INTO %s VALUES(?,?)", name);
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) ) die(sql);
  exec("BEGIN");
  for(i=0; i<n; i++){
    for(c=0; c<2; c++){
      for(k=0; k<d; k++) buf[k] = (float)(1.0 + 100.0*urand());
      sqlite3_bind_blob(st, c + 1, buf, 4*d, SQLITE_TRANSIENT);
    }
    if( sqlite3_step(st)!=SQLITE_DONE ) die("insert");
    sqlite3_reset(st);
  }
  exec("COMMIT");
  sqlite3_finalize(st);
  free(buf);
}

/* ------------------------------------------------------------- modes */

static long peak_kib(void){
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

/* Our median time of sql (reps runs, after a warm-up). */
static double our_time(const char *sql){
  double t[16];
  int r;
  timed(sql, 0);
  for(r=0; r<reps; r++) t[r] = timed(sql, 0);
  return median(t, reps);
}

/* Python's numpy round trip, and torch's compute-only time if it is there */
static void python_rows(void){
  char cmd[512], line[256];
  double ours = our_time("SELECT sum(kl_gauss(mu1, sd1, mu2, sd2)) FROM t");
  FILE *p;
  snprintf(cmd, sizeof cmd, "/usr/bin/python3 bench/python_roundtrip.py %s t %d"
           " 2>&1", dbpath, reps);
  p = popen(cmd, "r");
  if( p==0 ) return;
  while( fgets(line, sizeof line, p) ){
    double secs;
    if( sscanf(line, "numpy %lf", &secs)==1 ){
      row("kl_gauss, float32 blobs, D=768", "Python sqlite3+numpy round trip",
          ours, secs, "<= 0.2");
    }else if( sscanf(line, "torch %lf", &secs)==1 ){
      row("kl_gauss, float32 blobs, D=768", "torch kl_divergence, compute only",
          ours, secs, "");
    }else{
      printf("python: %s", line);
      if( out ) fprintf(out, "\nPython: %s", line);
    }
  }
  pclose(p);
}

int main(int argc, char **argv){
  const char *vec = 0;
  int i, n = 20000;
  long nlong = 15000000, nhist = 1000000;
  double ta, tb;

  for(i=1; i<argc; i++){
    if( strcmp(argv[i], "--smoke")==0 ){ smoke = 1; reps = 3; }
    else if( strcmp(argv[i], "--vec")==0 && i+1<argc ) vec = argv[++i];
    else if( strcmp(argv[i], "--out")==0 && i+1<argc ){
      out = fopen(argv[++i], "w");
    }else if( strcmp(argv[i], "--callgrind")==0 && i+2<argc ){
      /* one blob query, for valgrind --tool=callgrind */
      open_db(2000000);
      make_table("t", atoi(argv[i+1]), atoi(argv[i+2]), 4);
      timed("SELECT sum(kl_gauss(mu1, sd1, mu2, sd2)) FROM t", 0);
      close_db();
      return 0;
    }else if( strcmp(argv[i], "--rss-agg")==0 && i+2<argc ){
      /* --rss-agg make|agg|floor N: a file database of N histogram rows,
      ** then in fresh processes kl_div_agg over it, or the floor query
      ** sum(p + q); each prints its peak RSS */
      long rows = atol(argv[i+2]);
      snprintf(dbpath, sizeof dbpath, "/tmp/kl-bench-agg-%ld.db", rows);
      if( strcmp(argv[i+1], "make")==0 ){
        unlink(dbpath);
        if( sqlite3_open(dbpath, &db) ) die("open");
        exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF");
        make_numbers("hl", rows, 2);
        sqlite3_close(db);
      }else{
        char *err = 0;
        if( sqlite3_open(dbpath, &db) ) die("open");
        sqlite3_enable_load_extension(db, 1);
        if( sqlite3_load_extension(db, "./kl", 0, &err) ) die("load");
        timed(strcmp(argv[i+1], "agg")==0 ? "SELECT kl_div_agg(p, q) FROM hl"
                                          : "SELECT sum(p + q) FROM hl", 0);
        printf("%ld\n", peak_kib());
        sqlite3_close(db);
      }
      return 0;
    }else if( strcmp(argv[i], "--rss")==0 && i+3<argc ){
      /* --rss make|query N D: make the database, or query it in a fresh
      ** process with SQLite's default page cache and print the peak RSS */
      int rows = atoi(argv[i+2]), d = atoi(argv[i+3]);
      snprintf(dbpath, sizeof dbpath, "/tmp/kl-bench-rss-%d-%d.db", rows, d);
      if( strcmp(argv[i+1], "make")==0 ){
        char *err = 0;
        unlink(dbpath);
        if( sqlite3_open(dbpath, &db) ) die("open");
        exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF");
        make_table("t", rows, d, 4);
        sqlite3_close(db);
        (void)err;
      }else{
        char *err = 0;
        if( sqlite3_open(dbpath, &db) ) die("open");
        sqlite3_enable_load_extension(db, 1);
        if( sqlite3_load_extension(db, "./kl", 0, &err) ) die("load");
        timed("SELECT sum(kl_gauss(mu1, sd1, mu2, sd2)) FROM t", 0);
        printf("%ld\n", peak_kib());
        sqlite3_close(db);
        unlink(dbpath);
      }
      return 0;
    }
  }
  if( smoke ){ n = 200; nlong = 20000; nhist = 20000; }

  open_db(4000000);
  printf("| %-44s | %-32s | %11s | %11s | %6s | %-8s |\n", "query", "against",
         "ours", "theirs", "ratio", "target");
  printf("|----------------------------------------------|"
         "----------------------------------|-------------|-------------|"
         "--------|----------|\n");

  /* 1. the blob floor, at D = 768, 16 and 4096; and the alternatives */
  {
    static const int dims[] = { 16, 4096, 768 };
    int k;
    for(k=0; k<3; k++){
      char what[96];
      int d = dims[k], rows = d==4096 && !smoke ? 5000 : n;
      make_table("t", rows, d, 4);
      snprintf(what, sizeof what, "kl_gauss, float32 blobs, D=%d, N=%d", d,
               rows);
      ratio("SELECT sum(kl_gauss(mu1, sd1, mu2, sd2)) FROM t",
            "SELECT sum(floor4(mu1, sd1, mu2, sd2)) FROM t", &ta, &tb);
      row(what, "blob floor", ta, tb, d==768 ? "<= 1.6" : "");
    }
    /* t is now the D = 768 table: what users would do instead */
    if( vec ){
      char *err = 0;
      if( sqlite3_load_extension(db, vec, 0, &err)==SQLITE_OK ){
        ratio("SELECT sum(kl_gauss(mu1, sd1, mu2, sd2)) FROM t",
              "SELECT sum(vec_distance_l2(mu1, mu2)) FROM t", &ta, &tb);
        row("kl_gauss, float32 blobs, D=768", "sqlite-vec vec_distance_l2",
            ta, tb, "<= 1.5");
      }else{
        printf("sqlite-vec not loaded: %s\n", err ? err : "?");
      }
    }
    python_rows();
  }
  make_table("t", n, 768, 8);
  ratio("SELECT sum(kl_gauss(mu1, sd1, mu2, sd2)) FROM t",
        "SELECT sum(floor4(mu1, sd1, mu2, sd2)) FROM t", &ta, &tb);
  row("kl_gauss, kl_f64 blobs, D=768", "blob floor", ta, tb, "");

  /* 2. the JSON floor */
  make_table("t", smoke ? n : 5000, 768, 0);
  ratio("SELECT sum(kl_gauss(mu1, sd1, mu2, sd2)) FROM t",
        "SELECT sum(json_valid(mu1) + json_valid(sd1) + json_valid(mu2) + "
        "json_valid(sd2)) FROM t", &ta, &tb);
  row("kl_gauss, JSON text, D=768", "json_valid of the four", ta, tb,
      "<= 1.0");
  exec("DROP TABLE t");

  /* 2b. linear in the input: each query over one vector of 2n elements
  ** against the same over n (a ratio near 2; make test counts the bytes
  ** requested instead, tests/limits_host.c) */
  {
    static const char *const q[] = {
      "kl_gauss, JSON text", "SELECT kl_gauss(v, v, v, v) FROM big WHERE n=%ld",
      "kl_div, JSON text", "SELECT kl_div(v, v) FROM big WHERE n=%ld",
      "kl_json of a float32 blob", "SELECT length(kl_json(kl_f32(v))) FROM big WHERE n=%ld",
      "kl_gauss, float32 + float64 blobs",
      "SELECT kl_gauss(kl_f32(v), 1, kl_f64(v), 1) FROM big WHERE n=%ld",
    };
    long half = smoke ? 5000 : 500000;
    char a[160], b[160], what[96], vs[64];
    int k;
    exec("CREATE TABLE big(n INTEGER PRIMARY KEY, v TEXT)");
    snprintf(a, sizeof a, "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT "
             "i+1 FROM c WHERE i<%ld) INSERT INTO big SELECT %ld, '[' || "
             "group_concat('0.5', ',') || ']' FROM c", half, half);
    exec(a);
    snprintf(a, sizeof a, "INSERT INTO big SELECT %ld, substr(v, 1, length(v) - 1)"
             " || ',' || substr(v, 2)"
             " FROM big WHERE n=%ld", 2*half, half);
    exec(a);
    for(k=0; k<8; k+=2){
      snprintf(a, sizeof a, q[k+1], 2*half);
      snprintf(b, sizeof b, q[k+1], half);
      snprintf(what, sizeof what, "%s, %ld elements", q[k], 2*half);
      snprintf(vs, sizeof vs, "the same, %ld elements", half);
      ratio(a, b, &ta, &tb);
      row(what, vs, ta, tb, "<= 2.2");
    }
    exec("DROP TABLE big");
  }

  /* 3. the long format */
  make_numbers("lf", nlong, 4);
  {
    char what[96];
    snprintf(what, sizeof what, "kl_gauss_agg, long format, %ld rows", nlong);
    ratio("SELECT kl_gauss_agg(mu1, sd1, mu2, sd2) FROM lf",
          "SELECT sum(mu1 + sd1 + mu2 + sd2) FROM lf", &ta, &tb);
    row(what, "sum(mu1+sd1+mu2+sd2)", ta, tb, "<= 1.5");
  }
  exec("DROP TABLE lf");

  /* 4. discrete: each scalar function on float32 histograms of 1000 bins
  ** (weights 1 to 101, no zeros), against the floor reading the same
  ** blobs (one blob for entropy) */
  make_hist("h", n, 1000);
  {
    static const char *const disc[][3] = {
      { "kl_div", "kl_div(p, q)", "<= 3.0" },
      { "js_div", "js_div(p, q)", "" },
      { "js_dist", "js_dist(p, q)", "" },
      { "cross_entropy", "cross_entropy(p, q)", "" },
      { "entropy", "entropy(p)", "" },
      { "kl_div_logits", "kl_div_logits(p, q)", "" },
    };
    char a[128], what[96];
    int k;
    sqlite3_create_function(db, "floor1", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                            0, floor_fn, 0, 0);
    for(k=0; k<6; k++){
      int one = strcmp(disc[k][0], "entropy")==0;
      snprintf(a, sizeof a, "SELECT sum(%s) FROM h", disc[k][1]);
      ratio(a, one ? "SELECT sum(floor1(p)) FROM h"
                   : "SELECT sum(floor2(p, q)) FROM h", &ta, &tb);
      snprintf(what, sizeof what, "%s, float32 histograms of 1000 bins",
               disc[k][0]);
      row(what, "blob floor", ta, tb, disc[k][2]);
    }
  }
  exec("DROP TABLE h");
  make_numbers("hl", nhist, 2);
  {
    char what[96];
    snprintf(what, sizeof what, "kl_div_agg, %ld-row histogram", nhist);
    ratio("SELECT kl_div_agg(p, q) FROM hl", "SELECT sum(p + q) FROM hl",
          &ta, &tb);
    row(what, "sum(p+q)", ta, tb, "");
  }

  /* 5. the histogram aggregates: each one plain, and as a running window
  ** (OVER (ORDER BY rowid): every row is a window result) against
  ** kl_gauss_agg doing the same window; js_div_agg keeps its bins, so its
  ** running window is measured on fewer rows */
  {
    static const char *const aggs[] = {
      "cross_entropy_agg(p, q)", "entropy_agg(p)", "js_div_agg(p, q)",
      "kl_div_agg(p, q)", "cross_entropy_agg(p, q)", "entropy_agg(p)"
    };
    char what[128], a[256];
    int k;
    for(k=0; k<3; k++){
      snprintf(a, sizeof a, "SELECT %s FROM hl", aggs[k]);
      snprintf(what, sizeof what, "%.*s, %ld-row histogram",
               (int)(strchr(aggs[k], '(') - aggs[k]), aggs[k], nhist);
      ratio(a, "SELECT sum(p + q) FROM hl", &ta, &tb);
      row(what, "sum(p+q)", ta, tb, "");
    }
    for(k=3; k<6; k++){
      snprintf(a, sizeof a, "SELECT max(x) FROM (SELECT %s OVER (ORDER BY "
               "rowid) x FROM hl)", aggs[k]);
      snprintf(what, sizeof what, "%.*s, running window, %ld rows",
               (int)(strchr(aggs[k], '(') - aggs[k]), aggs[k], nhist);
      ratio(a, "SELECT max(x) FROM (SELECT kl_gauss_agg(p, q, q, p) OVER "
            "(ORDER BY rowid) x FROM hl)", &ta, &tb);
      row(what, "kl_gauss_agg, same window", ta, tb, "<= 3.0");
    }
    exec("DELETE FROM hl WHERE rowid > 5000");
    ratio("SELECT max(x) FROM (SELECT js_div_agg(p, q) OVER (ORDER BY rowid) "
          "x FROM hl)", "SELECT max(x) FROM (SELECT kl_div_agg(p, q) OVER "
          "(ORDER BY rowid) x FROM hl)", &ta, &tb);
    row("js_div_agg, running window, 5000 rows (O(N^2))",
        "kl_div_agg, same window", ta, tb, "");
  }
  close_db();
  if( out ) fclose(out);
  return 0;
}
