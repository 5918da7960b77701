/*
** sql/moments_sql.c — Gaussian fits from sample rows: element-wise mean and
** standard deviation of vectors (or numbers) over the rows of a group.
**
**   gauss_mean(v)          the mean of each element over the rows
**   gauss_sd(v [, ddof])   the standard deviation of each element,
**                          sqrt( sum (v - mean)^2 / (rows - ddof) );
**                          ddof is 1 by default, as numpy.std(ddof=1) and
**                          pandas' std()
**
** Comparing the embeddings of two cohorts is one query:
**   SELECT kl_gauss(a.m, a.s, b.m, b.s)
**   FROM (SELECT gauss_mean(e) m, gauss_sd(e) s FROM emb WHERE cohort='A') a,
**        (SELECT gauss_mean(e) m, gauss_sd(e) s FROM emb WHERE cohort='B') b;
**
** Rules:
**  (1) v is a vector in any of the core's forms, or a number; every row of
**      a group has the same form and length.  The result has the form of
**      the input: JSON text in, JSON text out; a float32 blob in, a float32
**      blob out; a kl_f64 blob in, a kl_f64 blob out; numbers in, a REAL.
**  (2) Rows where v (or ddof) is NULL are skipped, as AVG skips them.  An
**      empty group gives NULL; so does gauss_sd when rows - ddof <= 0 (one
**      row with ddof = 1 gives NULL, not 0).
**  (3) ddof is a number >= 0, the same on every row.
**  (4) Both are also window functions.  Exactness: the sums of v and of v^2
**      are kept as exact integers (core/moments.h), so rows leave a sliding
**      window without a trace, a window's result equals the same rows'
**      aggregate to the bit, and the standard deviation is rounded once
**      from the exact sum of squared deviations: no cancellation, even for
**      values like 1e9 + 1e-3 k.  The state takes about 0.6 KB (gauss_mean)
**      or 1.7 KB (gauss_sd) per element.
**  (5) Errors name the function and the argument: a row of a different
**      length or form, a malformed vector, NaN/Inf, a negative ddof.
*/
#include "args.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"
#include "moments.h"

#include <math.h>
#include <string.h>

typedef struct fit_agg {
  int started;          /* the form, length and ddof are fixed */
  kl_kind kind;
  size_t dim;
  double ddof;
  sqlite3_int64 rows;   /* rows in the sums */
  kl_xsum *s1;          /* dim exact sums of v */
  kl_xsq *s2;           /* dim exact sums of v^2 (gauss_sd) */
  kl_dbuf row;          /* the current row, decoded */
} fit_agg;

static const char *kind_name(kl_kind k){
  switch( k ){
    case KL_JSON: return "JSON text";
    case KL_F32:  return "a float32 blob";
    case KL_F64:  return "a kl_f64 blob";
    case KL_JSONB: return "a JSONB array";
    default:      return "a number";
  }
}

/* The function's name: gauss_sd has the sums of squares. */
static const char *fit_name(int is_sd){
  return is_sd ? "gauss_sd" : "gauss_mean";
}

/* Reads ddof: SQLITE_OK, KL_NULL (skip the row) or SQLITE_ERROR. */
static int read_ddof(sqlite3_context *ctx, sqlite3_value *val, double *ddof){
  int t = sqlite3_value_type(val);
  if( t==SQLITE_NULL ) return KL_NULL;
  *ddof = sqlite3_value_double(val);
  if( (t!=SQLITE_INTEGER && t!=SQLITE_FLOAT) || !(*ddof >= 0.0)
   || isinf(*ddof) ){
    const char *z = (const char*)sqlite3_value_text(val);
    sqlite3_str *s = sqlite3_str_new(0);
    sqlite3_str_appendall(s, "gauss_sd: ddof must be a finite number >= 0 "
                             "(got ");
    if( z ) kl_echo(s, z, (size_t)sqlite3_value_bytes(val));
    sqlite3_str_appendall(s, ")");
    kl_error(ctx, kl_str_done(s));
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

/* Adds (sign 1) or removes (sign -1) one row. */
static void fit_put(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                    int is_sd, int sign){
  const char *fname = fit_name(is_sd);
  fit_agg *g;
  kl_vec v;
  double ddof = 1.0;
  size_t i;
  char *zErr = 0;
  int rc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( argc==2 ){
    rc = read_ddof(ctx, argv[1], &ddof);
    if( rc ) return;
  }
  g = (fit_agg*)sqlite3_aggregate_context(ctx, sizeof(*g));
  if( g==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  rc = kl_open_value(fname, "v", argv[0], 0, &v, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  g->row.n = 0;
  rc = kl_dbuf_read(fname, "v", &v, &g->row, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  if( !g->started ){
    g->s1 = (kl_xsum*)sqlite3_malloc64(g->row.n*sizeof(kl_xsum));
    if( is_sd ) g->s2 = (kl_xsq*)sqlite3_malloc64(g->row.n*sizeof(kl_xsq));
    if( g->s1==0 || (is_sd && g->s2==0) ){
      sqlite3_result_error_nomem(ctx);
      return;
    }
    memset(g->s1, 0, g->row.n*sizeof(kl_xsum));
    if( is_sd ) memset(g->s2, 0, g->row.n*sizeof(kl_xsq));
    g->started = 1;
    g->kind = v.kind;
    g->dim = g->row.n;
    g->ddof = ddof;
  }else if( v.kind!=g->kind ){
    kl_error(ctx, sqlite3_mprintf("%s: v is %s on this row but %s on earlier "
                                  "rows", fname, kind_name(v.kind),
                                  kind_name(g->kind)));
    return;
  }else if( g->row.n!=g->dim ){
    kl_error(ctx, sqlite3_mprintf("%s: v has %lld element%s on this row but "
                                  "%lld on earlier rows", fname,
                                  (sqlite3_int64)g->row.n,
                                  g->row.n==1 ? "" : "s",
                                  (sqlite3_int64)g->dim));
    return;
  }else if( ddof!=g->ddof ){
    kl_error(ctx, sqlite3_mprintf("%s: ddof must be the same on every row",
                                  fname));
    return;
  }
  for(i=0; i<g->dim; i++){
    double x = g->row.p[i];
    if( sign>0 ) kl_xsum_add(&g->s1[i], x);
    else kl_xsum_sub(&g->s1[i], x);
    if( is_sd ) kl_xsq_put(&g->s2[i], x, sign);
  }
  g->rows += sign;
}

static void mean_step(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  fit_put(ctx, argc, argv, 0, 1);
}
static void mean_inverse(sqlite3_context *ctx, int argc,
                         sqlite3_value **argv){
  fit_put(ctx, argc, argv, 0, -1);
}
static void sd_step(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  fit_put(ctx, argc, argv, 1, 1);
}
static void sd_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  fit_put(ctx, argc, argv, 1, -1);
}

/* The current result: the mean or the standard deviation. */
static void fit_result(sqlite3_context *ctx, int is_sd){
  fit_agg *g = (fit_agg*)sqlite3_aggregate_context(ctx, 0);
  double n, *out;
  size_t i;
  if( g==0 || g->rows<=0 ) return;   /* NULL */
  n = (double)g->rows;
  if( is_sd && !(n - g->ddof > 0.0) ) return;   /* NULL */
  out = (double*)sqlite3_malloc64(g->dim*sizeof(double));
  if( out==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  for(i=0; i<g->dim; i++){
    out[i] = is_sd ? kl_moments_sd(&g->s1[i], &g->s2[i], n, g->ddof)
                   : kl_moments_mean(&g->s1[i], n);
  }
  kl_result_vector(ctx, fit_name(is_sd), out, g->dim, g->kind);
  sqlite3_free(out);
}

static void fit_free(sqlite3_context *ctx){
  fit_agg *g = (fit_agg*)sqlite3_aggregate_context(ctx, 0);
  if( g==0 ) return;
  sqlite3_free(g->s1);
  sqlite3_free(g->s2);
  sqlite3_free(g->row.p);
  g->s1 = 0;
  g->s2 = 0;
  g->row.p = 0;
}

static void mean_value(sqlite3_context *ctx){ fit_result(ctx, 0); }
static void sd_value(sqlite3_context *ctx){ fit_result(ctx, 1); }
static void mean_final(sqlite3_context *ctx){
  fit_result(ctx, 0);
  fit_free(ctx);
}
static void sd_final(sqlite3_context *ctx){
  fit_result(ctx, 1);
  fit_free(ctx);
}

const kl_window_impl kl_gauss_mean_impl = {
  mean_step, mean_final, mean_value, mean_inverse
};
const kl_window_impl kl_gauss_sd_impl = {
  sd_step, sd_final, sd_value, sd_inverse
};
