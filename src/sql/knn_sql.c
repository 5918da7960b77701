/*
** sql/knn_sql.c — the k-nearest-neighbour estimate of KL(P || Q) from two
** samples of points (core/knn.c states the estimator and its rules).
**
**   kl_knn(x, y [, options])
**   kl_knn_agg(x, is_reference [, options])
**
**   SELECT kl_knn('[0.1,0.5,1.3,2.0]', '[0.2,0.9,2.5]');
**   SELECT kl_knn('[[0,0],[1,0],[0,1]]', '[[0.5,0.5],[2,2]]', 'k=1');
**   SELECT kl_knn_agg(x, week = 'ref', 'k=3, estimator=adaptive') FROM t;
**
** Rules:
**  (1) x ~ P and y ~ Q.  In kl_knn each is a vector of numbers in any
**      vector form (one-dimensional points), or a JSON array of
**      equal-length arrays of numbers (points of d coordinates, the same
**      as JSONB: '[[0,0],[1,0.5]]').  A vector is the same as a one-column
**      array of rows ('[1,2]' and '[[1],[2]]' are the same sample).  x and
**      y must have the same dimension.  A plain number is a sample of one
**      point.
**  (2) kl_knn_agg takes one point per row: a number, or a vector (every row
**      of a group the same length, fixed by its first row); is_reference
**      = 0 puts the row in x (the current sample, P), = 1 in y (the
**      reference, Q): kl_knn_agg(v, week = 'ref') FROM t equals
**      kl_knn(this week's points, the reference week's points).  It keeps
**      the points (O(n) memory, at most SQLite's length limit per sample)
**      and is a plain aggregate: the estimate needs all the points at once,
**      so SQLite refuses it as a window function.
**  (3) options: one text 'key=value, ...' (sql/args.h, kl_opts_parse):
**        k          the neighbour, a whole number >= 1; default 1 (the
**                   estimator of WKV 2009's experiments and Perez-Cruz's;
**                   a larger k lowers the variance and raises the bias);
**                   a plain number as options is k: kl_knn(x, y, 5);
**        estimator  fixed (default: the classical estimator, the one
**                   other libraries compute) or adaptive (WKV 2009's
**                   bias-corrected one, better where the densities differ
**                   much in scale);
**        unit       nats (default), bits or bans.
**      In the aggregate every row must give the same options.
**  (4) k must be less than the number of points of x and at most that of
**      y ("kl_knn: k = 3 must be less than the number of points of x (3)").
**  (5) Ties (core/knn.c rule 3): points at distance 0 from x_i are not its
**      neighbours; a point of x with fewer than k neighbours at a positive
**      distance in x or in y is an error naming it:
**        kl_knn: x[2] has fewer than k = 1 neighbours at a positive
**        distance in y (points equal to it are not its neighbours)
**  (6) NULL in any argument gives NULL (the aggregate skips the row); an
**      aggregate's group without a row of either sample gives NULL; an
**      empty vector is an error.  The estimate may be negative.
*/
#include "args.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"
#include "knn.h"

#include <string.h>

#define KNN_FNAME "kl_knn"
#define KNN_AGG_FNAME "kl_knn_agg"

/* The options of both functions. */
#define KNN_NOPT 3
static void knn_opts_init(kl_opt *o){
  memset(o, 0, KNN_NOPT*sizeof *o);
  o[0].key = "k";
  o[0].kind = KL_OPT_COUNT;
  o[1].key = "estimator";
  o[1].kind = KL_OPT_WORD;
  o[1].words = "fixed|adaptive";
  o[2].key = "unit";
  o[2].kind = KL_OPT_UNIT;
}

/* A sample of points, read whole. */
typedef struct knn_pts {
  kl_dbuf b;      /* n points of dim coordinates, row after row */
  size_t n, dim;
} knn_pts;

/* One sample argument: an array of rows (points), or a vector (numbers). */
static int knn_read_points(const char *aname, sqlite3_value *val,
                           knn_pts *pt, char **pzErr){
  int rc;
  if( sqlite3_value_type(val)==SQLITE_TEXT ){
    const char *z = (const char*)sqlite3_value_text(val);
    size_t n = (size_t)sqlite3_value_bytes(val);
    if( z==0 ) return SQLITE_NOMEM;
    if( kl_rows_is_matrix(z, n) ){
      return kl_rows_read(KNN_FNAME, aname, z, 0, n, &pt->b, &pt->n, &pt->dim,
                          pzErr);
    }
  }else if( sqlite3_value_type(val)==SQLITE_BLOB ){
    const unsigned char *p = (const unsigned char*)sqlite3_value_blob(val);
    size_t n = (size_t)sqlite3_value_bytes(val);
    kl_jsonb_info info;
    if( p && kl_jsonb_scan(p, n, &info) && info.all_arrays ){
      return kl_jsonb_rows_read(KNN_FNAME, aname, p, n, &info, &pt->b, &pt->n,
                                &pt->dim, pzErr);
    }
  }
  rc = kl_sample_read(KNN_FNAME, aname, val, &pt->b, pzErr);
  if( rc ) return rc;
  pt->n = pt->b.n;
  pt->dim = 1;
  return SQLITE_OK;
}

/*
** The estimate in nats of x (n points) against y (m points) of d
** coordinates, options optv (or none): the options' checks, k's bounds,
** the work buffer, the core's outcome.  xname names a point of x in the
** tie error ("x[%lld]" style, or the aggregate's wording).
*/
static int knn_estimate(const char *fname, int agg, double *x, size_t n,
                        double *y, size_t m, size_t d, sqlite3_value *optv,
                        double *out, kl_unit *unit, char **pzErr){
  kl_opt o[KNN_NOPT];
  sqlite3_int64 k = 1;
  int est = KL_KNN_FIXED, rc = SQLITE_OK;
  size_t wn;
  double *work;
  kl_knn_fail fail;
  knn_opts_init(o);
  *unit = KL_NATS;
  if( optv ){
    rc = kl_opts_parse(fname, "options", optv, o, KNN_NOPT, pzErr);
    if( rc ){
      kl_opts_free(o, KNN_NOPT);
      return rc;
    }
    if( o[0].set ) k = o[0].n;
    if( o[1].set ) est = o[1].word==1 ? KL_KNN_ADAPTIVE : KL_KNN_FIXED;
    if( o[2].set ) *unit = o[2].unit;
    kl_opts_free(o, KNN_NOPT);
  }
  if( (sqlite3_uint64)k >= (sqlite3_uint64)n ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: k = %lld must be less than "
                                          "the number of points of %s (%lld)",
                                          fname, k, agg ? "the current sample"
                                          : "x", (sqlite3_int64)n));
  }
  if( (sqlite3_uint64)k > (sqlite3_uint64)m ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: k = %lld must be at most the "
                                          "number of points of %s (%lld)",
                                          fname, k, agg ? "the reference "
                                          "sample" : "y", (sqlite3_int64)m));
  }
  wn = kl_knn_work_size(n, m, d, (size_t)k);
  if( wn==0 || wn > ((sqlite3_uint64)1 << 61) ) return SQLITE_NOMEM;
  work = (double*)sqlite3_malloc64((sqlite3_uint64)wn*sizeof(double));
  if( work==0 ) return SQLITE_NOMEM;
  rc = kl_knn(x, n, y, m, d, (size_t)k, est, work, out, &fail);
  sqlite3_free(work);
  if( rc==KL_KNN_OK ) return SQLITE_OK;
  if( agg ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: point %lld of the current "
                                          "sample (0-based, in row order) has "
                                          "fewer than k = %lld neighbours at "
                                          "a positive distance in the %s "
                                          "sample (points equal to it are not "
                                          "its neighbours)", fname,
                                          (sqlite3_int64)fail.index, k,
                                          fail.sample ? "reference"
                                          : "current"));
  }
  return kl_fail(pzErr, sqlite3_mprintf("%s: x[%lld] has fewer than k = %lld "
                                        "neighbours at a positive distance in "
                                        "%s (points equal to it are not its "
                                        "neighbours)", fname,
                                        (sqlite3_int64)fail.index, k,
                                        fail.sample ? "y" : "x"));
}

void kl_knn_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  knn_pts px, py;
  char *zErr = 0;
  double est = 0;
  kl_unit unit = KL_NATS;
  int rc;
  if( kl_any_null(argc, argv) ){
    sqlite3_result_null(ctx);
    return;
  }
  memset(&px, 0, sizeof px);
  memset(&py, 0, sizeof py);
  rc = knn_read_points("x", argv[0], &px, &zErr);
  if( rc==SQLITE_OK ) rc = knn_read_points("y", argv[1], &py, &zErr);
  if( rc==SQLITE_OK && px.dim!=py.dim ){
    rc = kl_fail(&zErr, sqlite3_mprintf("%s: the points of y have %lld "
                                        "coordinate%s but those of x have "
                                        "%lld", KNN_FNAME,
                                        (sqlite3_int64)py.dim,
                                        py.dim==1 ? "" : "s",
                                        (sqlite3_int64)px.dim));
  }
  if( rc==SQLITE_OK ){
    rc = knn_estimate(KNN_FNAME, 0, px.b.p, px.n, py.b.p, py.n, px.dim,
                      argc>2 ? argv[2] : 0, &est, &unit, &zErr);
  }
  sqlite3_free(px.b.p);
  sqlite3_free(py.b.p);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  kl_result_unit(ctx, est, unit);
}

/* ------------------------------------------------------------ aggregate */

static const kl_sagg_spec knn_agg_spec = {
  KNN_AGG_FNAME, 1, -1, 2, 1
};

static void knn_agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  char *zErr = 0;
  kl_sagg *g = (kl_sagg*)sqlite3_aggregate_context(ctx, sizeof *g);
  if( g==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  kl_ctx_err(ctx, kl_sagg_step(g, &knn_agg_spec, ctx, argc, argv, &zErr),
             &zErr);
}

static void knn_agg_final(sqlite3_context *ctx){
  kl_sagg *g = (kl_sagg*)sqlite3_aggregate_context(ctx, 0);
  char *zErr = 0;
  double est = 0;
  kl_unit unit = KL_NATS;
  int rc;
  if( g==0 || g->x[0].n==0 || g->x[1].n==0 ){
    if( g ) kl_sagg_free(g);
    sqlite3_result_null(ctx);
    return;
  }
  rc = knn_estimate(KNN_AGG_FNAME, 1, g->x[0].p, g->x[0].n/g->dim,
                    g->x[1].p, g->x[1].n/g->dim, g->dim, g->opt, &est, &unit,
                    &zErr);
  kl_sagg_free(g);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  kl_result_unit(ctx, est, unit);
}

const kl_window_impl kl_knn_agg_impl = {
  knn_agg_step, knn_agg_final, 0, 0
};
