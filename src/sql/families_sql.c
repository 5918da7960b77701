/*
** sql/families_sql.c — element-wise divergences between product distributions:
** one SQL function per parametric family, each argument a number or a
** vector, the result the sum over the independent components; one table
** row per function.
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
**  (2) NULL in gives NULL.  unit is 'nats' (default), 'bits' or 'bans'.
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
*/
#include "args.h"
#include "gauss.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"
#include "families.h"

#include <math.h>
#include <string.h>

typedef enum {
  FIN_SUM,        /* the sum of the terms, in the unit */
  FIN_HELLINGER,  /* sqrt(1 - exp(-sum)) */
  FIN_W2,         /* a Euclidean norm (w2_gauss) */
  FIN_GAUSS       /* kl_gauss's vectorised kernel (log-normal) */
} fin_mode;

struct kl_family {
  const char *name;
  int nparam;
  const char *const names[KL_MAXARGS];
  const kl_dom dom[KL_MAXARGS];
  const int ref[KL_MAXARGS];          /* for KL_DOM_ABOVE */
  double (*term)(const double *x);    /* one component, in nats */
  fin_mode fin;
};

static double t_gauss_var(const double *x){
  return kl_gauss_var_term(x[0], x[1], x[2], x[3]);
}
static double t_gauss_logvar(const double *x){
  return kl_gauss_logvar_term(x[0], x[1], x[2], x[3]);
}
static double t_gauss_sym(const double *x){
  return kl_gauss_sym_term(x[0], x[1], x[2], x[3]);
}
static double t_bhatt_gauss(const double *x){
  return kl_bhatt_gauss_term(x[0], x[1], x[2], x[3]);
}

static double t_bernoulli(const double *x){ return kl_bernoulli_term(x[0], x[1]); }
static double t_binomial(const double *x){ return kl_binomial_term(x[0], x[1], x[2]); }
static double t_geometric(const double *x){ return kl_geometric_term(x[0], x[1]); }
static double t_poisson(const double *x){ return kl_poisson_term(x[0], x[1]); }
static double t_exponential(const double *x){ return kl_exponential_term(x[0], x[1]); }
static double t_gamma(const double *x){ return kl_gamma_term(x[0], x[1], x[2], x[3]); }
static double t_beta(const double *x){ return kl_beta_term(x[0], x[1], x[2], x[3]); }
static double t_laplace(const double *x){ return kl_laplace_term(x[0], x[1], x[2], x[3]); }
static double t_cauchy(const double *x){ return kl_cauchy_term(x[0], x[1], x[2], x[3]); }
static double t_gumbel(const double *x){ return kl_gumbel_term(x[0], x[1], x[2], x[3]); }
static double t_pareto(const double *x){ return kl_pareto_term(x[0], x[1], x[2], x[3]); }
static double t_uniform(const double *x){ return kl_uniform_term(x[0], x[1], x[2], x[3]); }
static double t_halfnormal(const double *x){
  return kl_gauss_term(0.0, x[0], 0.0, x[1]);
}

#define GAUSS_SD { "mu1", "sd1", "mu2", "sd2" }, \
  { KL_DOM_ANY, KL_DOM_POS, KL_DOM_ANY, KL_DOM_POS }, { 0, 0, 0, 0 }

const kl_family kl_gauss_var_family = { "kl_gauss_var", 4,
  { "mu1", "var1", "mu2", "var2" },
  { KL_DOM_ANY, KL_DOM_POS, KL_DOM_ANY, KL_DOM_POS }, { 0, 0, 0, 0 },
  t_gauss_var, FIN_SUM };
const kl_family kl_gauss_logvar_family = { "kl_gauss_logvar", 4,
  { "mu1", "logvar1", "mu2", "logvar2" },
  { KL_DOM_ANY, KL_DOM_ANY, KL_DOM_ANY, KL_DOM_ANY }, { 0, 0, 0, 0 },
  t_gauss_logvar, FIN_SUM };
const kl_family kl_gauss_sym_family = { "kl_gauss_sym", 4, GAUSS_SD,
  t_gauss_sym, FIN_SUM };
const kl_family kl_bhatt_gauss_family = { "bhattacharyya_gauss", 4, GAUSS_SD,
  t_bhatt_gauss, FIN_SUM };
const kl_family kl_hellinger_gauss_family = { "hellinger_gauss", 4, GAUSS_SD,
  t_bhatt_gauss, FIN_HELLINGER };
const kl_family kl_w2_gauss_family = { "w2_gauss", 4, GAUSS_SD,
  0, FIN_W2 };

/* The other families (core/families.h), parameterised as torch.distributions. */
#define A KL_DOM_ANY
#define P KL_DOM_POS
const kl_family kl_bernoulli_family = { "kl_bernoulli", 2, { "p1", "p2" },
  { KL_DOM_PROB, KL_DOM_PROB }, { 0, 0 }, t_bernoulli, FIN_SUM };
const kl_family kl_binomial_family = { "kl_binomial", 3, { "n", "p1", "p2" },
  { KL_DOM_COUNT, KL_DOM_PROB, KL_DOM_PROB }, { 0, 0, 0 }, t_binomial,
  FIN_SUM };
const kl_family kl_geometric_family = { "kl_geometric", 2, { "p1", "p2" },
  { KL_DOM_PROB_POS, KL_DOM_PROB_POS }, { 0, 0 }, t_geometric, FIN_SUM };
const kl_family kl_poisson_family = { "kl_poisson", 2, { "rate1", "rate2" },
  { KL_DOM_NONNEG, KL_DOM_NONNEG }, { 0, 0 }, t_poisson, FIN_SUM };
const kl_family kl_exponential_family = { "kl_exponential", 2,
  { "rate1", "rate2" }, { P, P }, { 0, 0 }, t_exponential, FIN_SUM };
const kl_family kl_gamma_family = { "kl_gamma", 4,
  { "shape1", "rate1", "shape2", "rate2" }, { P, P, P, P }, { 0, 0, 0, 0 },
  t_gamma, FIN_SUM };
const kl_family kl_beta_family = { "kl_beta", 4, { "a1", "b1", "a2", "b2" },
  { P, P, P, P }, { 0, 0, 0, 0 }, t_beta, FIN_SUM };
const kl_family kl_laplace_family = { "kl_laplace", 4,
  { "loc1", "scale1", "loc2", "scale2" }, { A, P, A, P }, { 0, 0, 0, 0 },
  t_laplace, FIN_SUM };
const kl_family kl_cauchy_family = { "kl_cauchy", 4,
  { "loc1", "scale1", "loc2", "scale2" }, { A, P, A, P }, { 0, 0, 0, 0 },
  t_cauchy, FIN_SUM };
const kl_family kl_lognormal_family = { "kl_lognormal", 4,
  { "mu1", "sigma1", "mu2", "sigma2" }, { A, P, A, P }, { 0, 0, 0, 0 },
  0, FIN_GAUSS };
const kl_family kl_gumbel_family = { "kl_gumbel", 4,
  { "loc1", "scale1", "loc2", "scale2" }, { A, P, A, P }, { 0, 0, 0, 0 },
  t_gumbel, FIN_SUM };
const kl_family kl_pareto_family = { "kl_pareto", 4,
  { "scale1", "alpha1", "scale2", "alpha2" }, { P, P, P, P }, { 0, 0, 0, 0 },
  t_pareto, FIN_SUM };
const kl_family kl_halfnormal_family = { "kl_halfnormal", 2,
  { "scale1", "scale2" }, { P, P }, { 0, 0 }, t_halfnormal, FIN_SUM };
const kl_family kl_uniform_family = { "kl_uniform", 4,
  { "low1", "high1", "low2", "high2" }, { A, KL_DOM_ABOVE, A, KL_DOM_ABOVE },
  { 0, 0, 0, 2 }, t_uniform, FIN_SUM };
#undef A
#undef P

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

void kl_family_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const kl_family *f = (const kl_family*)sqlite3_user_data(ctx);
  kl_unit unit = KL_NATS;
  kl_argv a;
  kl_sum acc;
  kl_ssq ssq;
  size_t n, i;
  char *zErr = 0;
  int k, rc = SQLITE_OK;
  if( argc > f->nparam ){
    rc = kl_arg_unit(f->name, argv[f->nparam], &unit, &zErr);
  }
  if( rc==SQLITE_OK ){
    rc = kl_args_open(&a, f->name, f->names, f->nparam, argv, 0, &zErr);
  }
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  kl_sum_init(&acc);
  kl_ssq_init(&ssq);
  for(;;){
    if( kl_ctx_err(ctx, kl_args_next(&a, &n, &zErr), &zErr) ) return;
    if( n==0 ) break;
    for(k=0; k<f->nparam; k++){
      rc = kl_args_check(&a, k, n, f->dom[k], f->ref[k], &zErr);
      if( kl_ctx_err(ctx, rc, &zErr) ) return;
    }
    for(i=0; i<n; i++){
      double x[KL_MAXARGS];
      for(k=0; k<f->nparam; k++) x[k] = a.buf[k][i];
      if( f->fin==FIN_W2 ) w2_add(&ssq, x);
      else if( f->fin!=FIN_GAUSS ) kl_sum_add(&acc, f->term(x));
    }
    if( f->fin==FIN_GAUSS ){
      /* sigma > 0 was checked above: the kernel cannot refuse */
      kl_gauss_accum(a.buf[0], a.buf[1], a.buf[2], a.buf[3], n, &acc);
    }
  }
  switch( f->fin ){
    case FIN_W2:
      sqlite3_result_double(ctx, kl_ssq_norm(&ssq));
      break;
    case FIN_HELLINGER:
      sqlite3_result_double(ctx, sqrt(-expm1(-kl_sum_value(&acc))));
      break;
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

void kl_dirichlet_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  kl_unit unit = KL_NATS;
  kl_argv a;
  kl_xsum s1, s2, ds;
  kl_totals t;
  kl_dir_acc acc;
  double a1m = 0.0, a2m = 0.0;
  size_t n, i;
  char *zErr = 0;
  int k, rc = SQLITE_OK;
  if( argc==3 ) rc = kl_arg_unit("kl_dirichlet", argv[2], &unit, &zErr);
  if( rc==SQLITE_OK ){
    rc = kl_args_open(&a, "kl_dirichlet", dir_names, 2, argv, 0, &zErr);
  }
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  memset(&s1, 0, sizeof s1);
  memset(&s2, 0, sizeof s2);
  memset(&ds, 0, sizeof ds);
  for(;;){
    if( kl_ctx_err(ctx, kl_args_next(&a, &n, &zErr), &zErr) ) return;
    if( n==0 ) break;
    for(k=0; k<2; k++){
      rc = kl_args_check(&a, k, n, KL_DOM_POS, 0, &zErr);
      if( kl_ctx_err(ctx, rc, &zErr) ) return;
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
    kl_error(ctx, sqlite3_mprintf("kl_dirichlet: the sum of %s exceeds the "
                                  "double range", isfinite(kl_xsum_value(&s1))
                                  ? "alpha2" : "alpha1"));
    return;
  }
  kl_totals_init(&t, kl_xsum_dd(&s2), kl_xsum_dd(&s1));
  kl_dir_init(&acc, &t, kl_xsum_dd(&ds), a1m, a2m);
  /* the same arguments again: they opened above */
  kl_args_open(&a, "kl_dirichlet", dir_names, 2, argv, 0, &zErr);
  for(;;){
    if( kl_ctx_err(ctx, kl_args_next(&a, &n, &zErr), &zErr) ) return;
    if( n==0 ) break;
    for(i=0; i<n; i++) kl_dir_add(&acc, a.buf[0][i], a.buf[1][i]);
  }
  kl_result_unit(ctx, kl_dir_value(&acc), unit);
}
