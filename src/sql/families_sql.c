/*
** sql/families_sql.c — element-wise divergences between product distributions:
** one SQL function per parametric family, each argument a number or a
** vector, the result the sum over the independent components.  Each
** family is an entry of the catalogue (src/catalogue.h: its name,
** parameters, domains and core term), from which src/kl.c builds the
** kl_family this file runs.
**
** The Gaussian family (diagonal covariance), beside kl_gauss:
**
**   kl_gauss_var(mu1, var1, mu2, var2 [, unit])       KL, variances given
**   kl_gauss_logvar(mu1, logvar1, mu2, logvar2 [, unit])
**                                    KL, log-variances given (a VAE's
**                                    encoder output); any finite logvar
**   kl_gauss_sym(mu1, sd1, mu2, sd2 [, unit])        KL(P||Q) + KL(Q||P)
**                                                    (Jeffreys divergence)
**   bhattacharyya_gauss(mu1, sd1, mu2, sd2 [, unit]) Bhattacharyya distance
**   hellinger_gauss(mu1, sd1, mu2, sd2)              Hellinger distance,
**                                    sqrt(1 - exp(-bhattacharyya)), in [0,1]
**   w2_gauss(mu1, sd1, mu2, sd2)     2-Wasserstein distance,
**                                    sqrt(sum (mu1-mu2)^2 + (sd1-sd2)^2)
**
** The other families, parameterised as torch.distributions (terms in
** core/families.c):
**
**   kl_bernoulli(p1, p2)   kl_binomial(n, p1, p2)   kl_geometric(p1, p2)
**   kl_poisson(rate1, rate2)   kl_exponential(rate1, rate2)
**   kl_gamma(shape1, rate1, shape2, rate2)   kl_beta(a1, b1, a2, b2)
**   kl_laplace, kl_cauchy, kl_gumbel (loc1, scale1, loc2, scale2)
**   kl_lognormal(mu1, sigma1, mu2, sigma2)   kl_halfnormal(scale1, scale2)
**   kl_pareto(scale1, alpha1, scale2, alpha2)
**   kl_uniform(low1, high1, low2, high2)
**   kl_dirichlet(alpha1, alpha2)   (one Dirichlet per vector, not a sum)
**
** each with the optional unit.  Boundaries follow the limits: 0 where the
** distributions coincide, +Inf where P puts mass where Q has none (p > 0
** against p = 0, a support not inside Q's, Pareto scale1 < scale2);
** parameters outside the family's domain are errors.
**
** Example:
**   SELECT kl_gauss_var('[2,4,6]', '[1,4,9]', '[3,5,8]', '[2.25,6.25,16]');
**   0.666985176318599         (the same KL as kl_gauss with sd = sqrt(var))
**
** Rules, as for kl_gauss (see sql/gauss_sql.c):
**  (1) Every argument is a JSON array, a float32 blob, a kl_f64 blob or a
**      plain number, which broadcasts; vectors have the same length.
**  (2) NULL in gives NULL: any NULL argument, the unit included, and no
**      other argument is validated.  unit is 'nats' (default), 'bits' or
**      'bans'.
**  (3) Each parameter must be finite and in its family's domain (sd and
**      var > 0; logvar any finite number; p in [0, 1]; n a whole number;
**      rates >= 0 or > 0; shapes > 0; high > low); otherwise an error names
**      the function, the argument and the index:
**        kl_gauss_var: var2[1] must be > 0 (got 0)
**  (4) Each component's term is computed in a form that does not cancel,
**      so results are >= 0 and accurate to a few ulps also for nearly equal
**      distributions; +Inf only where the true value exceeds DBL_MAX.
**      Terms are added with compensated summation (w2_gauss: a scaled sum
**      of squares that neither overflows nor underflows).
**  (5) A term that cannot be formed (NaN: an intermediate beyond the double
**      range that the term's arrangement does not yet avoid, in practice
**      only kl_beta and kl_dirichlet at parameters beyond 1e+-150, and
**      kl_beta where a1 + b1 or a2 + b2 exceeds DBL_MAX) is an error,
**      "kl_beta: not computable at these parameters (...)", never NULL or
**      a number.
*/
#include "args.h"
#include "gauss.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"
#include "families.h"

#include <math.h>
#include <string.h>

/* Adds one component of the 2-Wasserstein distance's sum of squares. */
static void w2_add(kl_ssq *s, const double *x){
  double dm = x[0] - x[2];
  if( isinf(dm) ){
    /* (2h)^2 = 4 h^2, h = mu1/2 - mu2/2 exactly at this size */
    double h = 0.5*x[0] - 0.5*x[2];
    kl_ssq_add(s, h); kl_ssq_add(s, h); kl_ssq_add(s, h); kl_ssq_add(s, h);
  }else{
    kl_ssq_add(s, dm);
  }
  kl_ssq_add(s, x[1] - x[3]);
}

/*
** The Bhattacharyya distance of nearly equal Gaussians (below 2^-900,
** where its terms underflow) times 2^1200, into *b, by a second pass over
** the arguments (they opened once already, so they open again); returns
** SQLITE_OK or the error code (with *pzErr) of that pass.
*/
static int hellinger_tiny(sqlite3_value **argv, const kl_family *f,
                          double *b, char **pzErr){
  kl_argv a;
  kl_sum acc;
  size_t n, i;
  int k, rc;
  rc = kl_args_open(&a, f->name, f->names, f->nparam, argv, 0, pzErr);
  if( rc ) return rc;
  kl_sum_init(&acc);
  for(;;){
    rc = kl_args_next(&a, &n, pzErr);
    if( rc ) return rc;
    if( n==0 ) break;
    for(i=0; i<n; i++){
      double x[KL_MAXARGS];
      for(k=0; k<f->nparam; k++) x[k] = a.buf[k][i];
      kl_sum_add(&acc, kl_bhatt_gauss_tiny(x));
    }
  }
  *b = kl_sum_value(&acc);
  return SQLITE_OK;
}

/* Reads every component of the opened arguments a, checks its domains
** and adds its term to acc (ssq for w2_gauss). */
static int family_loop(const kl_family *f, kl_argv *a, kl_sum *acc,
                       kl_ssq *ssq, char **pzErr){
  size_t n, i;
  int k, rc;
  kl_sum_init(acc);
  kl_ssq_init(ssq);
  for(;;){
    rc = kl_args_next(a, &n, pzErr);
    if( rc ) return rc;
    if( n==0 ) break;
    for(k=0; k<f->nparam; k++){
      int ref;
      kl_dom dom = kl_dom_of(f->doms[k], &ref);
      rc = kl_args_check(a, k, n, dom, ref, pzErr);
      if( rc ) return rc;
    }
    for(i=0; i<n; i++){
      double x[KL_MAXARGS];
      for(k=0; k<f->nparam; k++) x[k] = a->buf[k][i];
      if( f->fin==KL_FIN_W2 ) w2_add(ssq, x);
      else if( f->fin!=KL_FIN_GAUSS ) kl_sum_add(acc, f->term(x));
    }
    if( f->fin==KL_FIN_GAUSS ){
      /* sigma > 0 was checked above: the kernel cannot refuse */
      kl_gauss_accum(a->buf[0], a->buf[1], a->buf[2], a->buf[3], n, acc);
    }
  }
  if( f->fin!=KL_FIN_W2 && isnan(kl_sum_value(acc)) ){
    /* a term that could not be formed: an error, never NULL or a number */
    return kl_fail_not_computable(a->fname, pzErr);
  }
  return SQLITE_OK;
}

int kl_family_sum(const kl_family *f, kl_argv *a, double *nats,
                  char **pzErr){
  kl_sum acc;
  kl_ssq ssq;
  int rc = family_loop(f, a, &acc, &ssq, pzErr);
  if( rc==SQLITE_OK ) *nats = kl_sum_value(&acc);
  return rc;
}

void kl_family_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const kl_family *f = (const kl_family*)sqlite3_user_data(ctx);
  kl_unit unit = KL_NATS;
  kl_argv a;
  kl_sum acc;
  kl_ssq ssq;
  char *zErr = 0;
  int rc = SQLITE_OK;
  rc = kl_args_unit(f->name, argc, argv, f->nparam, &unit, &zErr);
  if( rc==SQLITE_OK ){
    rc = kl_args_open(&a, f->name, f->names, f->nparam, argv, 0, &zErr);
  }
  if( rc==SQLITE_OK ) rc = family_loop(f, &a, &acc, &ssq, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  switch( f->fin ){
    case KL_FIN_W2:
      sqlite3_result_double(ctx, kl_ssq_norm(&ssq));
      break;
    case KL_FIN_HELLINGER: {
      double b = kl_sum_value(&acc);
      if( b < 0x1p-900 ){
        /* sqrt(b) of the terms at 2^1200, read again (b underflows) */
        if( kl_ctx_err(ctx, hellinger_tiny(argv, f, &b, &zErr), &zErr) ){
          return;
        }
        sqlite3_result_double(ctx, ldexp(sqrt(b), -600));
      }else{
        sqlite3_result_double(ctx, sqrt(-expm1(-b)));
      }
      break;
    }
    default:
      kl_result_unit(ctx, kl_sum_value(&acc), unit);
      break;
  }
}

/*
** kl_dirichlet(alpha1, alpha2 [, unit]): KL between two Dirichlet
** distributions over the same categories.  Two passes over the vectors:
** the exact totals first (kl_xsum), then the per-component parts.
*/
static const char *const dir_names[2] = { "alpha1", "alpha2" };

int kl_dirichlet_vecs(const char *fname, const char *const *names,
                      const kl_vec *v, double *out, char **pzErr){
  kl_argv a;
  kl_xsum s1, s2, ds;
  kl_totals t;
  kl_dir_acc acc;
  double a1m = 0.0, a2m = 0.0, r;
  size_t n, i;
  int k, rc;
  kl_args_open_vecs(&a, fname, names, 2, v);
  memset(&s1, 0, sizeof s1);
  memset(&s2, 0, sizeof s2);
  memset(&ds, 0, sizeof ds);
  for(;;){
    rc = kl_args_next(&a, &n, pzErr);
    if( rc ) return rc;
    if( n==0 ) break;
    for(k=0; k<2; k++){
      rc = kl_args_check(&a, k, n, KL_DOM_POS, 0, pzErr);
      if( rc ) return rc;
    }
    for(i=0; i<n; i++){
      if( a.buf[0][i] > a1m ){
        a1m = a.buf[0][i];
        a2m = a.buf[1][i];
      }
      kl_xsum_add(&s1, a.buf[0][i]);
      kl_xsum_add(&s2, a.buf[1][i]);
      kl_xsum_add(&ds, a.buf[1][i]);
      kl_xsum_sub(&ds, a.buf[0][i]);
    }
  }
  if( !isfinite(kl_xsum_value(&s1)) || !isfinite(kl_xsum_value(&s2)) ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: the sum of %s exceeds the "
                                          "double range", fname,
                                          names[isfinite(kl_xsum_value(&s1))
                                                ? 1 : 0]));
  }
  kl_totals_init(&t, kl_xsum_dd(&s2), kl_xsum_dd(&s1));
  kl_dir_init(&acc, &t, kl_xsum_dd(&ds), a1m, a2m);
  /* the same vectors again, from their copies */
  kl_args_open_vecs(&a, fname, names, 2, v);
  for(;;){
    rc = kl_args_next(&a, &n, pzErr);
    if( rc ) return rc;
    if( n==0 ) break;
    for(i=0; i<n; i++) kl_dir_add(&acc, a.buf[0][i], a.buf[1][i]);
  }
  r = kl_dir_value(&acc);
  if( isnan(r) ){
    return kl_fail_not_computable(fname, pzErr);
  }
  *out = r;
  return SQLITE_OK;
}

void kl_dirichlet_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  kl_unit unit = KL_NATS;
  kl_argv a;
  double v;
  char *zErr = 0;
  int rc = kl_args_unit("kl_dirichlet", argc, argv, 2, &unit, &zErr);
  if( rc==SQLITE_OK ){
    rc = kl_args_open(&a, "kl_dirichlet", dir_names, 2, argv, 0, &zErr);
  }
  if( rc==SQLITE_OK ){
    rc = kl_dirichlet_vecs("kl_dirichlet", dir_names, a.v, &v, &zErr);
  }
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  kl_result_unit(ctx, v, unit);
}
