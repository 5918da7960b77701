/*
** kl_family.c — element-wise divergences between product distributions:
** one SQL function per pair of parametric families, each argument a number
** or a vector, the result the sum over the independent components.
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
** Example:
**   SELECT kl_gauss_var('[2,4,6]', '[1,4,9]', '[3,5,8]', '[2.25,6.25,16]');
**   0.666985176318599         (the same KL as kl_gauss with sd = sqrt(var))
**
** Rules, as for kl_gauss (see kl_gauss.c):
**  (1) Every argument is a JSON array, a float32 blob, a kl_f64 blob or a
**      plain number, which broadcasts; vectors have the same length.
**  (2) NULL in gives NULL.  unit is 'nats' (default), 'bits' or 'bans'.
**  (3) Each parameter must be finite and in its family's domain (sd and
**      var > 0; logvar any finite number); otherwise an error names the
**      function, the argument and the index:
**        kl_gauss_var: var2[1] must be > 0 (got 0)
**  (4) Each component's term is computed in a form that does not cancel,
**      so results are >= 0 and accurate to a few ulps also for nearly equal
**      distributions; +Inf only where the true value exceeds DBL_MAX.
**      Terms are added with compensated summation (w2_gauss: a scaled sum
**      of squares that neither overflows nor underflows).
*/
#include "kl_args.h"
SQLITE_EXTENSION_INIT3

#include "kl_sql.h"

#include <math.h>

typedef enum { FIN_SUM, FIN_HELLINGER, FIN_W2 } fin_mode;

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
  int k;
  if( argc > f->nparam && kl_arg_unit(ctx, f->name, argv[f->nparam], &unit) ){
    return;
  }
  if( kl_args_open(ctx, &a, f->name, f->names, f->nparam, argv, 0) ) return;
  kl_sum_init(&acc);
  kl_ssq_init(&ssq);
  for(;;){
    if( kl_args_next(ctx, &a, &n) ) return;
    if( n==0 ) break;
    for(k=0; k<f->nparam; k++){
      if( kl_args_check(ctx, &a, k, n, f->dom[k], f->ref[k]) ) return;
    }
    for(i=0; i<n; i++){
      double x[KL_MAXARGS];
      for(k=0; k<f->nparam; k++) x[k] = a.buf[k][i];
      if( f->fin==FIN_W2 ) w2_add(&ssq, x);
      else kl_sum_add(&acc, f->term(x));
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
