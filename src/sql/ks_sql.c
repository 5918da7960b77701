/*
** sql/ks_sql.c — the two-sample Kolmogorov-Smirnov test on raw samples.
**
**   ks_stat(u, v)                   D = max |F_u(t) - F_v(t)| over all t
**   ks_pvalue(u, v)                 its two-sided p-value
**   ks_stat_agg(x, is_reference)    the same over rows: is_reference = 0
**   ks_pvalue_agg(x, is_reference)  rows are u, 1 rows are v
**
** As scipy.stats.ks_2samp(u, v) (scipy 1.10, alternative='two-sided',
** method='auto'): .statistic and .pvalue.  The numerics are core/ks.c's.
**
** Rules:
**  (1) u and v are vectors in any form, or plain numbers (one value).  A
**      NULL argument gives NULL (before anything is checked); an empty
**      vector, a malformed one or a NaN/Inf element is an error naming the
**      function and the argument ("ks_stat: u[2] ...").
**  (2) The aggregates keep the rows' values (O(n) memory, within SQLite's
**      length limit per sample: past it an error, never a truncation).  A
**      row with a NULL x or is_reference is skipped; is_reference must be
**      0 or 1, x a finite number ("ks_stat_agg: row 3: ...").  A group
**      without a row of each sample gives NULL.  They are plain aggregates:
**      SQLite refuses them as window functions ("ks_stat_agg() may not be
**      used as a window function"), as each step would re-sort the frame.
**  (3) D is computed from exact integer counts (core/ks.c rule 2): the
**      double nearest the rational h / lcm(n1, n2).  The p-value is exact
**      (lattice paths) when max(n1, n2) <= 10000, else scipy's asymptotic
**      kstwo.sf(D, round(n1*n2/(n1+n2))); it is in [0, 1], never NaN.
**  (4) Cost: sorting, O(n) (a radix sort of the doubles' bits, with n
**      doubles of work; a heapsort below 512 values); the exact p-value O(n1*n2) at worst
**      (bounded by the 10000 switch: at most 2*10^8 steps, ~0.7 s), the
**      asymptotic one at most O(N log N) for N = n1*n2/(n1+n2).  Memory:
**      the two samples (8 bytes a value), then the sort's work
**      (max(n1, n2) doubles), then the p-value's (min(n1, n2) + 1 doubles
**      on the exact road, 384 KB on the asymptotic one).
*/
#include "args.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"
#include "ks.h"

const int kl_ks_stat_what = 0;
const int kl_ks_pvalue_what = 1;

/* The statistic (what 0) or the p-value (what 1) of u[0..n1), v[0..n2),
** which it sorts in place.  SQLITE_OK or SQLITE_NOMEM. */
static int ks_compute(int what, double *u, size_t n1, double *v, size_t n2,
                      double *out){
  uint64_t dnum;
  double *work;
  size_t big = n1>n2 ? n1 : n2;
  if( big>=512 ){
    double *tmp = (double*)sqlite3_malloc64(big*sizeof(double));
    if( tmp==0 ) return SQLITE_NOMEM;
    kl_ks_sort(u, n1, tmp);
    kl_ks_sort(v, n2, tmp);
    sqlite3_free(tmp);
  }else{
    kl_ks_sort(u, n1, 0);
    kl_ks_sort(v, n2, 0);
  }
  dnum = kl_ks_dnum(u, n1, v, n2);
  if( what==0 ){
    *out = kl_ks_stat(n1, n2, dnum);
    return SQLITE_OK;
  }
  work = (double*)sqlite3_malloc64(kl_ks_work(n1, n2, dnum)*sizeof(double));
  if( work==0 ) return SQLITE_NOMEM;
  *out = kl_ks_pvalue(n1, n2, dnum, work);
  sqlite3_free(work);
  return SQLITE_OK;
}

static const char *ks_name(int what, int agg){
  if( agg ) return what ? "ks_pvalue_agg" : "ks_stat_agg";
  return what ? "ks_pvalue" : "ks_stat";
}

void kl_ks_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int what = *(const int*)sqlite3_user_data(ctx);
  const char *fname = ks_name(what, 0);
  kl_dbuf u = { 0, 0, 0 }, v = { 0, 0, 0 };
  char *zErr = 0;
  double r = 0;
  int rc;
  if( kl_any_null(argc, argv) ) return;
  rc = kl_sample_read(fname, "u", argv[0], &u, &zErr);
  if( rc==SQLITE_OK ) rc = kl_sample_read(fname, "v", argv[1], &v, &zErr);
  if( rc==SQLITE_OK ) rc = ks_compute(what, u.p, u.n, v.p, v.n, &r);
  if( rc==SQLITE_OK ) sqlite3_result_double(ctx, r);
  else kl_ctx_err(ctx, rc, &zErr);
  sqlite3_free(u.p);
  sqlite3_free(v.p);
}

static void ks_agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int what = *(const int*)sqlite3_user_data(ctx);
  kl_sagg_spec spec;
  kl_sagg *g;
  char *zErr = 0;
  spec.fname = ks_name(what, 1);
  spec.iref = 1;
  spec.iw = -1;
  spec.iopt = -1;
  spec.vec = 0;
  g = (kl_sagg*)sqlite3_aggregate_context(ctx, sizeof(*g));
  if( g==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  kl_ctx_err(ctx, kl_sagg_step(g, &spec, ctx, argc, argv, &zErr), &zErr);
}

static void ks_agg_final(sqlite3_context *ctx){
  int what = *(const int*)sqlite3_user_data(ctx);
  kl_sagg *g = (kl_sagg*)sqlite3_aggregate_context(ctx, 0);
  double r = 0;
  if( g==0 ) return;                                 /* no rows: NULL */
  if( g->x[0].n>0 && g->x[1].n>0 ){
    if( ks_compute(what, g->x[0].p, g->x[0].n, g->x[1].p, g->x[1].n, &r) ){
      sqlite3_result_error_nomem(ctx);
    }else{
      sqlite3_result_double(ctx, r);
    }
  }                                   /* a sample without rows: NULL */
  kl_sagg_free(g);
}

const kl_window_impl kl_ks_agg_impl = { ks_agg_step, ks_agg_final, 0, 0 };
