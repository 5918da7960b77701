/*
** sql/gauss_sql.c — KL divergence between diagonal Gaussians.
**
**   kl_gauss(mu1, sd1, mu2, sd2 [, unit])
**
** returns KL( N(mu1, diag sd1^2) || N(mu2, diag sd2^2) ), the sum over the
** dimensions of
**
**   ln(sd2/sd1) + (sd1^2 + (mu1-mu2)^2) / (2 sd2^2) - 1/2
**
** in nats (natural logarithm), or in 'bits' (log2) or 'bans' (log10) when
** unit says so.  Example:
**
**   SELECT kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]');
**   0.666985176318599
**
**   kl_gauss_agg(mu1, sd1, mu2, sd2 [, unit])
**
** is the same divergence as an aggregate: each row holds some of the
** dimensions (one number each, the "long format", or a chunk as vectors),
** and the result is the KL of the whole concatenated distribution.  It is
** also a window function.  Rules:
**
**  (1) Each argument is a JSON array of numbers, a float32 blob, a kl_f64()
**      blob, or a plain number (see core/vectors.h).  Plain numbers broadcast
**      against the vectors; when all four are numbers there is one
**      dimension.  Vectors must all have the same length.
**  (2) If any argument is NULL, the unit included, the result is NULL and
**      no other argument is validated.  In kl_gauss_agg a row with a NULL
**      argument is skipped, as SUM skips NULL; a group with no other rows
**      gives NULL.
**  (3) sd1 and sd2 must be > 0 everywhere; every element must be finite.
**      Anything else is an error naming the argument and the index:
**        kl_gauss: sd1[2] must be > 0 (got -1)
**  (4) The result is never negative.  It is +Inf only when the true value
**      exceeds the largest double (each dimension's term is computed
**      without squaring before dividing; see core/numeric.c).
**  (5) Dimensions are added with compensated summation; kl_gauss_agg adds
**      the rows in an exact accumulator, so a sliding window gives the same
**      bits as recomputing the frame from scratch, however long it runs.
**  (6) unit is 'nats' (default), 'bits' or 'bans', in any letter case; a
**      NULL unit is a NULL argument (2); in kl_gauss_agg it must be the
**      same on every row.
*/
#include "args.h"
#include "gauss.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"

#include <float.h>
#include <math.h>

static const char *const gauss_names[4] = { "mu1", "sd1", "mu2", "sd2" };

/*
** The KL of one call's (or one row's) arguments, in nats.
** Returns SQLITE_OK, KL_NULL, SQLITE_ERROR (*pzErr) or SQLITE_NOMEM.
*/
static int gauss_kl(const char *fname, sqlite3_value **argv, double *out,
                    char **pzErr){
  kl_argv a;
  int rc, k;
  double x[4];
  /* The long format's rows: four plain, valid numbers, one dimension. */
  for(k=0; k<4; k++){
    int t = sqlite3_value_type(argv[k]);
    if( t!=SQLITE_FLOAT && t!=SQLITE_INTEGER ) break;
    x[k] = sqlite3_value_double(argv[k]);
  }
  if( k==4 && isfinite(x[0]) && x[1] > 0.0 && x[1] <= DBL_MAX
   && isfinite(x[2]) && x[3] > 0.0 && x[3] <= DBL_MAX ){
    *out = kl_gauss_term(x[0], x[1], x[2], x[3]);
    return SQLITE_OK;
  }
  /* everything else, and every error, takes the general road */
  rc = kl_args_open(&a, fname, gauss_names, 4, argv, 0, pzErr);
  if( rc ) return rc;
  return kl_gauss_args(&a, out, pzErr);
}

int kl_gauss_args(kl_argv *a, double *out, char **pzErr){
  kl_sum acc;
  size_t n;
  int rc;
  kl_sum_init(&acc);
  /* Four float32 blobs of one length: read in place, no copies.  Any
  ** element that is not finite, or an sd not > 0, sends the call down the
  ** general road below, which names it. */
  if( (a->v[0].kind==KL_F32) & (a->v[1].kind==KL_F32)
    & (a->v[2].kind==KL_F32) & (a->v[3].kind==KL_F32)
    & (a->v[1].count==a->v[0].count) & (a->v[2].count==a->v[0].count)
    & (a->v[3].count==a->v[0].count) ){
    if( kl_gauss_accum_f32(a->v[0].p, a->v[1].p, a->v[2].p, a->v[3].p,
                           a->v[0].count, &acc)==0 ){
      *out = kl_sum_value(&acc);
      return SQLITE_OK;
    }
    kl_sum_init(&acc);
  }
  for(;;){
    rc = kl_args_next(a, &n, pzErr);
    if( rc ) return rc;
    if( n==0 ) break;
    if( kl_gauss_accum(a->buf[0], a->buf[1], a->buf[2], a->buf[3], n, &acc) ){
      /* some sd is not > 0: find it for the message */
      rc = kl_args_check(a, 1, n, KL_DOM_POS, 0, pzErr);
      if( rc==SQLITE_OK ) rc = kl_args_check(a, 3, n, KL_DOM_POS, 0, pzErr);
      return rc;
    }
  }
  *out = kl_sum_value(&acc);
  return SQLITE_OK;
}

void kl_gauss_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  kl_unit unit = KL_NATS;
  double kl;
  char *zErr = 0;
  int rc = kl_args_unit("kl_gauss", argc, argv, 4, &unit, &zErr);
  if( rc==SQLITE_OK ) rc = gauss_kl("kl_gauss", argv, &kl, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  kl_result_unit(ctx, kl, unit);
}

/* ------------------------------------------------------------ aggregate */

typedef struct gauss_agg {
  kl_xsum sum;          /* exact sum of the rows' KLs, in nats */
  sqlite3_int64 rows;   /* rows in the sum */
  kl_unit unit;
} gauss_agg;

/* The row's KL and unit; KL_NULL for a row to skip. */
static int gauss_agg_row(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                         double *kl, kl_unit *unit){
  char *zErr = 0;
  int rc = kl_args_unit("kl_gauss_agg", argc, argv, 4, unit, &zErr);
  if( rc==SQLITE_OK ) rc = gauss_kl("kl_gauss_agg", argv, kl, &zErr);
  return kl_ctx_err(ctx, rc, &zErr);
}

/* Adds (xStep) or removes (xInverse) one row. */
static void gauss_agg_put(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                          int remove){
  gauss_agg *g;
  double kl;
  kl_unit unit;
  /* a row removed was accepted when added, so it gives the same bits again */
  if( gauss_agg_row(ctx, argc, argv, &kl, &unit) ) return;
  g = (gauss_agg*)sqlite3_aggregate_context(ctx, sizeof(*g));
  if( g==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if( remove ){
    kl_xsum_sub(&g->sum, kl);
    g->rows--;
    return;
  }
  if( g->rows==0 ){
    g->unit = unit;
  }else if( g->unit!=unit ){
    sqlite3_result_error(ctx, "kl_gauss_agg: unit must be the same on every "
                         "row", -1);
    return;
  }
  kl_xsum_add(&g->sum, kl);
  g->rows++;
}

static void gauss_agg_step(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv){
  gauss_agg_put(ctx, argc, argv, 0);
}

static void gauss_agg_inverse(sqlite3_context *ctx, int argc,
                              sqlite3_value **argv){
  gauss_agg_put(ctx, argc, argv, 1);
}

static void gauss_agg_value(sqlite3_context *ctx){
  gauss_agg *g = (gauss_agg*)sqlite3_aggregate_context(ctx, 0);
  if( g==0 || g->rows==0 ) return;   /* NULL */
  kl_result_unit(ctx, kl_xsum_value(&g->sum), g->unit);
}

const kl_window_impl kl_gauss_agg_impl = {
  gauss_agg_step, gauss_agg_value, gauss_agg_value, gauss_agg_inverse
};
