/*
** sql/transport_sql.c — distances between two one-dimensional samples
** through their empirical CDFs (core/transport.c computes them).
**
**   wasserstein(u, v [, u_weights, v_weights])
**   energy_distance(u, v [, u_weights, v_weights])
**       the first Wasserstein distance and the energy distance between
**       the samples u and v, as scipy.stats.wasserstein_distance and
**       scipy.stats.energy_distance
**   wasserstein_agg(x, is_reference [, weight])
**   energy_distance_agg(x, is_reference [, weight])
**       the same over the rows of a group: rows with is_reference = 0 are
**       u, rows with is_reference = 1 are v (and weight each row's weight)
**
**   SELECT wasserstein('[0,1,3]', '[5,6,8]');
**   5.0
**
** Rules:
**  (1) The NULL rule: a scalar call with a NULL argument gives NULL; an
**      aggregate skips a row with a NULL argument, and gives NULL when a
**      sample has no row (no row with is_reference = 0, or none with 1).
**  (2) A scalar's samples and weights are vectors in any form (JSON text,
**      a float32 or kl_f64 blob, JSONB) or plain numbers (one element);
**      an empty vector, a value or weight that is not a finite number, and
**      a weight <= 0 are errors naming the function, the argument and the
**      index ("wasserstein: u_weights[2] must be > 0 (got 0)"); weights
**      are as many as their sample's values.  Weights are given for both
**      samples or for neither: a call with three arguments is an error.
**  (3) An aggregate's x and weight are one number per row, is_reference
**      0 or 1; errors name the row (sql/args_samples.c, kl_sagg_step).
**      The aggregate keeps both samples (O(n) memory, each sample at most
**      SQLite's length limit in bytes, an error past it); it is a plain
**      aggregate: SQLite refuses it as a window function.
**  (4) The result is >= 0, symmetric in the two samples, exactly 0 for
**      two samples of the same values and the same (or proportional by a
**      power of two) weights, accurate to about 1e-15 relative (core/
**      transport.c states the bound), +Inf only where the exact value is
**      beyond the double range.  O(m + n) time from 4096 values on (a
**      radix sort, through a work buffer of the larger sample's size),
**      O((m + n) log(m + n)) below.
*/
#include "args.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"
#include "transport.h"

const int kl_tr_wasserstein_kind = KL_TR_WASSERSTEIN;
const int kl_tr_energy_kind = KL_TR_ENERGY;

static const char *tr_fname(int kind, int agg){
  if( kind==KL_TR_ENERGY ) return agg ? "energy_distance_agg"
                                      : "energy_distance";
  return agg ? "wasserstein_agg" : "wasserstein";
}

/* The distance as the result, with the radix sort's work buffer:
** SQLITE_OK or SQLITE_NOMEM. */
static int tr_run(sqlite3_context *ctx, int kind, double *u, double *uw,
                  size_t m, double *v, double *vw, size_t n){
  size_t nwork = kl_transport_work(m, n, uw!=0 || vw!=0);
  double *work = 0;
  if( nwork>0 ){
    work = (double*)sqlite3_malloc64(nwork*sizeof(double));
    if( work==0 ) return SQLITE_NOMEM;
  }
  sqlite3_result_double(ctx, kl_transport((kl_tr_kind)kind, u, uw, m, v, vw,
                                          n, work));
  sqlite3_free(work);
  return SQLITE_OK;
}

void kl_transport_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  static const char *const names[4] = { "u", "v", "u_weights", "v_weights" };
  int kind = *(const int*)sqlite3_user_data(ctx);
  const char *fname = tr_fname(kind, 0);
  kl_dbuf b[4] = { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
  char *zErr = 0;
  int rc = SQLITE_OK, k;
  if( kl_any_null(argc, argv) ) return;
  if( argc==3 ){
    rc = kl_fail(&zErr, sqlite3_mprintf("%s: v_weights is missing (give "
                 "weights for both samples or for neither)", fname));
  }
  for(k=0; rc==SQLITE_OK && k<argc; k++){
    rc = kl_sample_read(fname, names[k], argv[k], &b[k], &zErr);
  }
  if( rc==SQLITE_OK && argc==4 ){
    rc = kl_weights_check(fname, names[2], &b[2], names[0], b[0].n, &zErr);
    if( rc==SQLITE_OK ){
      rc = kl_weights_check(fname, names[3], &b[3], names[1], b[1].n, &zErr);
    }
  }
  if( rc==SQLITE_OK ){
    rc = tr_run(ctx, kind, b[0].p, argc==4 ? b[2].p : 0, b[0].n, b[1].p,
                argc==4 ? b[3].p : 0, b[1].n);
  }
  kl_ctx_err(ctx, rc, &zErr);
  for(k=0; k<4; k++) sqlite3_free(b[k].p);
}

static void tr_agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int kind = *(const int*)sqlite3_user_data(ctx);
  kl_sagg_spec spec = { 0, 1, 2, -1, 0 };
  kl_sagg *g;
  char *zErr = 0;
  spec.fname = tr_fname(kind, 1);
  g = (kl_sagg*)sqlite3_aggregate_context(ctx, sizeof *g);
  if( g==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  kl_ctx_err(ctx, kl_sagg_step(g, &spec, ctx, argc, argv, &zErr), &zErr);
}

static void tr_agg_final(sqlite3_context *ctx){
  int kind = *(const int*)sqlite3_user_data(ctx);
  kl_sagg *g = (kl_sagg*)sqlite3_aggregate_context(ctx, 0);
  if( g==0 ) return;   /* no row: NULL */
  if( g->x[0].n>0 && g->x[1].n>0 ){
    char *zErr = 0;
    kl_ctx_err(ctx, tr_run(ctx, kind, g->x[0].p, g->w[0].n ? g->w[0].p : 0,
                           g->x[0].n, g->x[1].p, g->w[1].n ? g->w[1].p : 0,
                           g->x[1].n), &zErr);
  }
  kl_sagg_free(g);
}

const kl_window_impl kl_transport_agg_impl = {
  tr_agg_step, tr_agg_final, 0, 0
};
