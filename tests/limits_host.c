/*
** limits_host.c — big and hostile inputs: vectors at and over
** SQLITE_LIMIT_LENGTH (lowered here so the test stays small), a JSON array
** of 10 000 000 elements, 100 000 nested brackets, megabytes of white
** space; bounded memory (peak RSS), clear errors where refused, and work
** linear in the input, counted rather than timed: SQLite's allocator is
** wrapped so that every byte requested (malloc and realloc) and every call
** is counted, and doubling the input must at most double the bytes
** requested (plus a small constant).  A quadratic growth pattern (a buffer
** grown by a fixed step, a copy per element) fails this on any machine,
** busy or not.  The time ratio of the same queries is a row of make bench
** (bench/bench.c), not a test.  The extension is compiled in.  Prints
** "ok ID" / "FAIL ID: ...".
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

int sqlite3_kl_init(sqlite3 *db, char **pzErrMsg,
                    const sqlite3_api_routines *pApi);

static sqlite3 *db;

/* SQLite's own allocator, wrapped to count requests */
static sqlite3_mem_methods base_mem;
static sqlite3_uint64 bytes_requested, calls;

static void *count_malloc(int n){
  bytes_requested += (sqlite3_uint64)n;
  calls++;
  return base_mem.xMalloc(n);
}
static void *count_realloc(void *p, int n){
  bytes_requested += (sqlite3_uint64)n;
  calls++;
  return base_mem.xRealloc(p, n);
}
static int count_allocations(void){
  sqlite3_mem_methods m;
  if( sqlite3_config(SQLITE_CONFIG_GETMALLOC, &base_mem) ) return 1;
  m = base_mem;
  m.xMalloc = count_malloc;
  m.xRealloc = count_realloc;
  return sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
}

static long peak_kb(void){
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

/* Runs sql with text parameters (not copied); the first column as text,
** or "error: ..." */
static const char *eval(const char *sql, const char *a, const char *b){
  static char out[512];
  sqlite3_stmt *st;
  int rc;
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0) ){
    snprintf(out, sizeof out, "error: %s", sqlite3_errmsg(db));
    return out;
  }
  rc = a ? sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC) : SQLITE_OK;
  if( rc==SQLITE_OK && b ) rc = sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
  if( rc ){
    /* SQLite itself refuses a value over its length limit */
    snprintf(out, sizeof out, "bind error: %s", sqlite3_errstr(rc));
    sqlite3_finalize(st);
    return out;
  }
  rc = sqlite3_step(st);
  if( rc==SQLITE_ROW ){
    const unsigned char *t = sqlite3_column_text(st, 0);
    snprintf(out, sizeof out, "%s", t ? (const char*)t : "NULL");
  }else{
    snprintf(out, sizeof out, "error: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(st);
  return out;
}

static void expect(const char *id, const char *got, const char *want){
  if( strcmp(got, want)==0 ) printf("ok %s\n", id);
  else printf("FAIL %s: got '%s' want '%s'\n", id, got, want);
}

/* "[v,v,...,v]" with n elements */
static char *json_array(size_t n, const char *v){
  size_t lv = strlen(v), i, k = 0;
  char *z = malloc(n*(lv + 1) + 2);
  z[k++] = '[';
  for(i=0; i<n; i++){
    memcpy(z + k, v, lv);
    k += lv;
    z[k++] = i+1<n ? ',' : ']';
  }
  z[k] = 0;
  return z;
}

/* Bytes requested from SQLite's allocator while sql runs over a vector of
** n elements (the statement prepared, bound, stepped and finalized). */
static sqlite3_uint64 bytes_for(const char *sql, size_t n,
                                sqlite3_uint64 *ncalls){
  char *z = json_array(n, "0.5");
  sqlite3_uint64 b0 = bytes_requested, c0 = calls;
  const char *r = eval(sql, z, strstr(sql, "?2") ? z : 0);
  if( strstr(r, "error") ) printf("FAIL %s: %s\n", sql, r);
  free(z);
  *ncalls = calls - c0;
  return bytes_requested - b0;
}

/* Doubling the input at most doubles the bytes requested, give or take
** 64 KiB of fixed cost; the calls grow by at most a few (geometric
** growth adds one per doubling). */
static void linear(const char *id, const char *sql, size_t n){
  sqlite3_uint64 c1, c2;
  sqlite3_uint64 b1 = bytes_for(sql, n, &c1), b2 = bytes_for(sql, 2*n, &c2);
  if( b2 <= 2*b1 + 65536 && c2 <= c1 + 8 ){
    printf("ok %s (2x input: %llu -> %llu bytes, %llu -> %llu calls)\n", id,
           b1, b2, c1, c2);
  }else{
    printf("FAIL %s: doubling the input took the bytes requested from %llu "
           "to %llu and the calls from %llu to %llu\n", id, b1, b2, c1, c2);
  }
}

/* Peak memory held while an aggregate runs over n rows of a recursive
** CTE (SQLite's high-water mark, reset first). */
static sqlite3_int64 agg_peak(const char *agg, int n){
  char sql[512];
  const char *r;
  sqlite3_snprintf(sizeof sql, sql,
                   "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                   "FROM c WHERE i < %d) SELECT %s FROM c", n, agg);
  sqlite3_memory_highwater(1);
  r = eval(sql, 0, 0);
  if( strstr(r, "error") ) printf("FAIL %s: %s\n", agg, r);
  return sqlite3_memory_highwater(0);
}

/* The streaming histogram aggregates hold the same memory for 4n rows as
** for n (O(1) state: core/stream.h), give or take 16 KiB. */
static void flat(const char *id, const char *agg, int n){
  sqlite3_int64 m1 = agg_peak(agg, n), m4 = agg_peak(agg, 4*n);
  if( m4 <= m1 + 16384 ){
    printf("ok %s (peak %lld bytes for %d rows, %lld for %d)\n", id,
           (long long)m1, n, (long long)m4, 4*n);
  }else{
    printf("FAIL %s: the peak went from %lld bytes for %d rows to %lld for "
           "%d\n", id, (long long)m1, n, (long long)m4, 4*n);
  }
}

int main(void){
  char *z, *w;
  long before;
  size_t i, n;

  if( count_allocations() ) return 1;
  if( sqlite3_open(":memory:", &db) || sqlite3_kl_init(db, 0, 0) ) return 1;

  /* 10 000 000 elements: decoded in constant memory */
  z = json_array(10000000, "1");
  before = peak_kb();
  expect("limits.ten-million", eval("SELECT kl_dims(?1)", z, 0), "10000000");
  expect("limits.ten-million-gauss", eval("SELECT kl_gauss(?1, ?1, ?1, ?1)",
                                          z, 0), "0.0");
  if( peak_kb() - before < 8192 ){
    printf("ok limits.ten-million-memory (peak grew %ld KiB)\n",
           peak_kb() - before);
  }else{
    printf("FAIL limits.ten-million-memory: peak grew %ld KiB\n",
           peak_kb() - before);
  }
  free(z);

  /* 100 000 nested brackets: refused at the first, without recursion */
  n = 100000;
  z = malloc(2*n + 1);
  for(i=0; i<n; i++){ z[i] = '['; z[2*n - 1 - i] = ']'; }
  z[2*n] = 0;
  expect("limits.nested", eval("SELECT kl_dims(?1)", z, 0),
         "error: kl_dims: x[0] is a nested array (offset 1); vectors are "
         "flat arrays of numbers");
  free(z);

  /* megabytes of white space around one number */
  n = 8 << 20;
  z = malloc(2*n + 4);
  z[0] = '[';
  memset(z + 1, ' ', n);
  z[n + 1] = '7';
  memset(z + n + 2, '\n', n);
  z[2*n + 2] = ']';
  z[2*n + 3] = 0;
  expect("limits.whitespace", eval("SELECT kl_json(?1)", z, 0), "[7]");
  free(z);

  /* at and over SQLITE_LIMIT_LENGTH */
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 4000);
  z = json_array(1000, "1");      /* 2001 bytes: within the limit */
  w = json_array(1000, "1.5");    /* 4001 bytes: over it */
  expect("limits.input-under", eval("SELECT kl_dims(?1)", z, 0), "1000");
  expect("limits.output-at", eval("SELECT length(kl_f32(?1))", z, 0), "4000");
  expect("limits.output-over", eval("SELECT length(kl_f64(?1))", z, 0),
         "error: kl_f64: the result would exceed SQLite's length limit of "
         "4000 bytes");
  expect("limits.input-over", eval("SELECT kl_dims(?1)", w, 0),
         "bind error: string or blob too big");
  free(z);
  free(w);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000000);

  /* work linear in the input, counted in bytes requested */
  linear("limits.linear-json-gauss", "SELECT kl_gauss(?1, ?1, ?1, ?1)", 500000);
  linear("limits.linear-kl-div", "SELECT kl_div(?1, ?2)", 500000);
  linear("limits.linear-kl-json", "SELECT length(kl_json(kl_f32(?1)))", 200000);
  linear("limits.linear-blob", "SELECT kl_gauss(kl_f32(?1), 1, kl_f64(?2), 1)",
         500000);
  /* aggregates whose state does not grow with the rows */
  flat("limits.flat-kl-div-agg", "kl_div_agg(i, 400001 - i)", 100000);
  flat("limits.flat-cross-entropy-agg", "cross_entropy_agg(i % 7, 1 + i % 5)",
       50000);
  flat("limits.flat-entropy-agg", "entropy_agg(i)", 50000);
  flat("limits.flat-kl-div-agg-vectors",
       "kl_div_agg(json_array(i, 1, 2), json_array(3, i, 1))", 20000);
  sqlite3_close(db);
  return 0;
}
