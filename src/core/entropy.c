/*
** core/entropy.c — the differential entropies (nats) of one component of
** each continuous family, the table kl_ents_cont[] (see core/dist.h), and
** the Dirichlet entropy kl_dirichlet_entropy().  Not continuous_bernoulli
** (core/cbern.c).
**
** Reference: tests/gen_ent_ref.py (mpmath, at 60 digits plus the digits the
** textbook formula cancels), data tests/data/ent_ref.sql, checked by
** tests/dist_ent.sql; torch 1.13's entropy() in float64 is recorded beside.
**
** What each entropy computes, and how it is kept from cancelling
** ------------------------------------------------------------------
** Most families are ln(x) + c for a parameter x and a constant c, which is
** 0 at x0 = e^-c.  ent_lnc() forms it as log1p((x - x0)/x0) for x within a
** factor 2 of x0 (x0 in double-double; x - x0_hi is exact there), and as
** (ln x + c_hi) + c_lo elsewhere (where |ln x + c| >= ln 2 and ln x, c
** cancel by at most a factor of 4).  So these are accurate to a few ulps,
** RELATIVE, also at and near their zero:
**   normal(loc, s)       ln s + ln(2 pi e)/2           x0 = (2 pi e)^-1/2
**   halfnormal(s)        ln s + ln(pi e / 2)/2         x0 = (pi e / 2)^-1/2
**   laplace(loc, b)      ln b + 1 + ln 2               x0 = 1/(2e)
**   cauchy(loc, g)       ln g + ln(4 pi)               x0 = 1/(4 pi)
**   gumbel(loc, b)       ln b + 1 + euler              x0 = e^-(1+euler)
**   exponential(rate)    1 - ln rate = -(ln rate - 1)  x0 = e
**   uniform(low, high)   ln(high - low), the width as an exact
**                        double-double (two-sum); near width 1 log1p of
**                        (w_hi - 1) + w_lo; a width beyond DBL_MAX at half
**                        scale, + ln 2 (no false +Inf: ln(2e308) = 709.9).
** Two-term families, relative to the larger of |H| and the other term:
**   lognormal(mu, sigma) mu + H(normal(., sigma)); the normal part as above
**                        (relative), so the error is a few ulps of
**                        max(|H|, |mu|).
**   pareto(scale, alpha) ln scale + g(alpha), g(a) = 1 + 1/a - ln a.
**                        g is 0 at a* = 3.5911214766686...: within a factor
**                        2 of it, with t = (a - a*)/a* (a* in double-double)
**                        and g(a*) = 0 exactly, g(a) = -t/a - log1p(t), two
**                        terms of one sign; elsewhere 1 + 1/a - ln a cancels
**                        by at most a factor 4.  Error: a few ulps of
**                        max(|H|, |ln scale|).
** The shape families, through f(x) = H(Gamma(x, 1)) = x + lnGamma(x)
** + (1 - x) digamma(x):
**   x >= 10  f(x) = ln(2 pi e x)/2 + c(x),  c(x) = -1/(2x) + mu(x)
**            + (x - 1) S(x), mu Binet's series of lnGamma and
**            S = ln x - 1/(2x) - digamma(x) = sum B_2n/(2n x^2n), i.e.
**            c(x) = sum_m C_m x^-m = -1/(3x) - 1/(12x^2) - 1/(90x^3) + ...
**            (16 terms; the next is below 4e-17 at x = 10).  Nothing is
**            formed that cancels: at x = 1e300 the textbook terms are
**            1e300 * 690 and the value is 346.
**   x <= 1   f(x) = -1/x + r(x),  r(x) = 1 + x - ln x + lnGamma(1 + x)
**            + (1 - x) digamma(1 + x) (the poles of lnGamma and digamma
**            taken out exactly: lnGamma(x) = lnGamma(1+x) - ln x,
**            digamma(x) = digamma(1+x) - 1/x), nothing large cancels.
**   1 < x < 10  the textbook form (terms below 45, f in [1, 2.8]).
**   gamma(k, rate)  f(k) - ln rate.  For k >= 10 as
**            ln(2 pi e q)/2 + c(k), q = k / rate / rate, the first by
**            ent_lnc (relative near its zero); q out of the range: the
**            logs apart (then |H| > 300).  Error: a few ulps of
**            max(|H|, 1) for k >= 10; for k < 10, 1e-14 of
**            max(|H|, 1, |ln rate|) (f's terms are below 45, and ln rate
**            cancels against f where the value crosses 0).  The textbook
**            bound (1e-13 of its largest term, which holds k and lnGamma(k))
**            is far looser than either.
**   dirichlet(alpha_1..k), k >= 3:  H = -lnGamma(k) - KL(Dir(alpha) ||
**            Dir(1, ..., 1)) (the uniform density on the simplex is the
**            constant (k-1)!), the KL by core/families.c (kl_dir_*, driven as
**            kl_dirichlet's glue drives it, exact totals): two terms of one
**            sign, so relative accuracy (H <= -ln 2, never crossing 0).
**            Where the KL cannot be formed (the total beyond DBL_MAX, or an
**            intermediate beyond the range: NaN or Inf) the general form
**            H = sum_i f(alpha_i) - f(A) - (k-1) digamma(A), A = sum alpha_i
**            (from lnB(alpha) + (A - k) digamma(A) - sum (alpha_i - 1)
**            digamma(alpha_i): the "x" of each f sums to 0 with A's).  In
**            it, where A <= 1 the poles of f(alpha_i), f(A) and digamma(A)
**            combine to -sum_i (A - alpha_i)/(alpha_i A), each term >= 0 (no
**            1/alpha - 1/A is formed); where A > 1 the poles are
**            -sum 1/alpha_i over alpha_i <= 1, one sign; sums compensated; a
**            total beyond DBL_MAX has ln A from the sum of alpha_i 2^-e.
**            Its error is a few ulps of the terms, which for k >= 3 are
**            within a small factor of |H|.
**            k = 1: the Dirichlet is a point mass; 0 is returned, as torch
**            (its formula gives lnGamma(a) - lnGamma(a) + 0 = 0).
**   beta(a, b)  the Dirichlet with k = 2: H = -KL(Beta(a, b) || Beta(1, 1))
**            by kl_beta_term (relative-accurate, also for nearly equal pairs
**            and tiny shapes): H <= 0, exactly 0 at (1, 1) and relative
**            accuracy near it.  Where a + b overflows (or the KL cannot be
**            formed) the general form above (then |H| > 300).
** Overflow: an entropy is +-Inf only where the truth is beyond DBL_MAX
** (pareto with 1/alpha > DBL_MAX; gamma, beta, dirichlet with a shape
** below 1/DBL_MAX, whose -1/x is below -DBL_MAX).  Never NaN for valid
** input.
*/
/* macOS declares lgamma_r only under _REENTRANT (before any header). */
#if defined(__APPLE__) && !defined(_REENTRANT)
# define _REENTRANT 1
#endif
#include "dist.h"
#include "families.h"
#include "numeric.h"

#include <math.h>
#include <string.h>


#define ENT_LN2 0.693147180559945309417232121458176568

/*
** ln(x) + c for x > 0, c = ch + cl, whose zero is x0 = x0h + x0l = e^-c
** (both double-doubles from mpmath): relative accuracy also near x0.
*/
static double ent_lnc(double x, double ch, double cl, double x0h, double x0l){
  if( x >= 0.5*x0h && x <= 2.0*x0h ){
    double d = (x - x0h) - x0l;   /* x - x0h exact (Sterbenz) */
    return log1p(d / x0h);
  }
  return (log(x) + ch) + cl;
}

/* ln(2 pi e) and its zero 1/(2 pi e) */
#define ENT_L2PIE_H 2.8378770664093453
#define ENT_L2PIE_L 1.4447872176368647e-16
#define ENT_I2PIE_H 0.05854983152431916
#define ENT_I2PIE_L (-4.121231590292303e-19)

/* digamma(x) for x >= 1: recurrence up to 10, then the asymptotic series */
static double ent_digamma(double x){
  double s = 0.0, y = x, t, w;
  while( y < 10.0 ){
    s += 1.0 / y;
    y += 1.0;
  }
  if( y > 1e17 ) return log(y) - 0.5 / y;
  w = 1.0 / (y*y);
  /* sum B_2n / (2n y^2n), n = 1..8 */
  t = w*(1.0/12 + w*(-1.0/120 + w*(1.0/252 + w*(-1.0/240 + w*(1.0/132
        + w*(-691.0/32760 + w*(1.0/12 + w*(-3617.0/8160))))))));
  return ((log(y) - 0.5 / y) - t) - s;
}

/* digamma(x) from ln x given apart (x may be +Inf: then ln x) */
static double ent_digamma_big(double x, double lnx){
  double w;
  if( x < 1e17 ) return ent_digamma(x);
  w = 0.5 / x;
  return lnx - w;
}

/*
** c(x) = f(x) - ln(2 pi e x)/2 for x >= 10, as sum_{m=1..16} C_m x^-m,
** C_m from c(x) = -1/(2x) + sum_n B_2n [x^(1-2n)/(2n-1) - x^(-2n)/(2n)].
*/
static double ent_stirling_c(double x){
  static const double C[16] = {
    -1.0/3, -1.0/12, -1.0/90, 1.0/120, 1.0/210, -1.0/252, -1.0/210,
    1.0/240, 5.0/594, -1.0/132, -691.0/30030, 691.0/32760, 7.0/78,
    -1.0/12, -3617.0/7650, 3617.0/8160
  };
  double v = 1.0 / x, s = 0.0;
  int m;
  if( x > 1e17 ) return C[0]*v;   /* also 0 at x = +Inf */
  for(m=15; m>=0; m--) s = s*v + C[m];
  return s*v;
}

/* f(x) for x >= 10 from ln x given apart (x may be +Inf) */
static double ent_f_big(double x, double lnx){
  return 0.5*((lnx + ENT_L2PIE_H) + ENT_L2PIE_L) + ent_stirling_c(x);
}

/* r(x) = f(x) + 1/x for 0 < x <= 1 (see the top) */
static double ent_f_reg(double x){
  return ((1.0 + x) - log(x)) + (kl_lngamma_above1(1.0 + x)
                                 + (1.0 - x)*ent_digamma(1.0 + x));
}

/* f(x) = H(Gamma(x, 1)) for x > 1 */
static double ent_f_above1(double x){
  if( x >= 10.0 ) return ent_f_big(x, log(x));
  return (x + kl_lngamma_above1(x)) + (1.0 - x)*ent_digamma(x);
}

/* ---------------------------------------------------- the families */

static double ent_normal(const double *p){
  return ent_lnc(p[1], 1.4189385332046727, 7.223936088184323e-17,
                 0.24197072451914334, 1.2225883220660234e-17);
}

static double ent_halfnormal(const double *p){
  return ent_lnc(p[0], 0.7257913526447274, 4.904889274338024e-17,
                 0.4839414490382867, 2.4451766441320467e-17);
}

static double ent_laplace(const double *p){
  return ent_lnc(p[1], 1.6931471805599454, -8.783183432405266e-17,
                 0.18393972058572117, -6.214376836394181e-18);
}

static double ent_cauchy(const double *p){
  return ent_lnc(p[1], 2.5310242469692907, 5.664688743963382e-17,
                 0.07957747154594767, -4.9196691687956215e-18);
}

static double ent_gumbel(const double *p){
  return ent_lnc(p[1], 1.5772156649015328, 1.06079387310085e-16,
                 0.2065494010549923, 9.88542240448359e-18);
}

static double ent_exponential(const double *p){
  return -ent_lnc(p[0], -1.0, 0.0, 2.718281828459045, 1.4456468917292502e-16);
}

static double ent_lognormal(const double *p){
  return p[0] + ent_normal(p);
}

static double ent_uniform(const double *p){
  double hi = p[1], lo = -p[0], s, bv, e, extra = 0.0;
  s = hi + lo;
  if( isinf(s) ){
    /* the width beyond DBL_MAX: at half scale (exact at this size) */
    hi *= 0.5;
    lo *= 0.5;
    s = hi + lo;
    extra = ENT_LN2;
  }
  bv = s - hi;
  e = (hi - (s - bv)) + (lo - bv);   /* s + e = hi + lo exactly */
  if( s >= 0.5 && s <= 2.0 ) return log1p((s - 1.0) + e) + extra;
  return (log(s) + e / s) + extra;
}

/* g(a) = 1 + 1/a - ln a, its zero a* in double-double */
#define ENT_PARETO_AH 3.591121476668622
#define ENT_PARETO_AL (-3.6148589599468234e-20)
static double ent_pareto_g(double a){
  if( a >= 0.5*ENT_PARETO_AH && a <= 2.0*ENT_PARETO_AH ){
    double t = ((a - ENT_PARETO_AH) - ENT_PARETO_AL) / ENT_PARETO_AH;
    return -t / a - log1p(t);
  }
  return (1.0 + 1.0 / a) - log(a);
}

static double ent_pareto(const double *p){
  return log(p[0]) + ent_pareto_g(p[1]);
}

static double ent_gamma(const double *p){
  double k = p[0], rate = p[1];
  if( k >= 10.0 ){
    double q = k / rate / rate;
    if( q > 1e-300 && q < 1e300 ){
      return 0.5*ent_lnc(q, ENT_L2PIE_H, ENT_L2PIE_L, ENT_I2PIE_H, ENT_I2PIE_L)
             + ent_stirling_c(k);
    }
    return (ent_f_big(k, log(k)) - log(rate));
  }
  if( k > 1.0 ) return ent_f_above1(k) - log(rate);
  /* -1/k + r(k) - ln rate; -1/k below -DBL_MAX is -Inf (the truth too) */
  return (ent_f_reg(k) - log(rate)) - 1.0 / k;
}

/*
** The Beta (two-component Dirichlet) entropy.  Near (1, 1), minus the KL
** to the uniform; elsewhere the general form.
*/
static double ent_beta2(double a, double b);

double kl_beta_neg_entropy(double a, double b){
  double h = ent_beta2(a, b);
  return h < 0.0 ? -h : 0.0;
}

static double ent_beta(const double *p){
  return ent_beta2(p[0], p[1]);
}

/*
** The general form over alpha[0..k-1] (k >= 2), see the top.
*/
static double ent_dirichlet_sum(const double *alpha, size_t k){
  kl_xsum xs;
  kl_sum acc;
  double A, lnA;
  size_t i;
  memset(&xs, 0, sizeof xs);
  for(i=0; i<k; i++) kl_xsum_add(&xs, alpha[i]);
  A = kl_xsum_value(&xs);
  if( isinf(A) ){
    /* the total beyond DBL_MAX (at most k DBL_MAX): ln A from the sum of
    ** alpha_i 2^-e, 2^e >= 2k (exact for the large components; the small
    ** ones do not reach the total's digits) */
    kl_xsum h;
    int e;
    frexp((double)k, &e);
    e++;
    memset(&h, 0, sizeof h);
    for(i=0; i<k; i++) kl_xsum_add(&h, ldexp(alpha[i], -e));
    lnA = log(kl_xsum_value(&h)) + e*ENT_LN2;
  }else{
    lnA = log(A);
  }
  kl_sum_init(&acc);
  if( A <= 1.0 ){
    /* sum r(alpha_i) - r(A) - (k-1) digamma(1+A)
    **   - sum_i (A - alpha_i)/(alpha_i A)  */
    kl_dd Ad = kl_xsum_dd(&xs);
    kl_sum pole;
    double pv;
    kl_sum_init(&pole);
    for(i=0; i<k; i++){
      double others = (Ad.hi - alpha[i]) + Ad.lo;
      kl_sum_add(&acc, ent_f_reg(alpha[i]));
      kl_sum_add(&pole, (others / Ad.hi) / alpha[i]);
    }
    kl_sum_add(&acc, -ent_f_reg(A));
    kl_sum_add(&acc, -(double)(k - 1)*ent_digamma(1.0 + A));
    pv = kl_sum_value(&pole);
    if( isinf(pv) ) return -INFINITY;   /* the truth is below -DBL_MAX */
    kl_sum_add(&acc, -pv);
    return kl_sum_value(&acc);
  }else{
    kl_sum pole;
    double pv, fA;
    kl_sum_init(&pole);
    for(i=0; i<k; i++){
      double x = alpha[i];
      if( x <= 1.0 ){
        kl_sum_add(&acc, ent_f_reg(x));
        kl_sum_add(&pole, 1.0 / x);
      }else{
        kl_sum_add(&acc, ent_f_above1(x));
      }
    }
    fA = A >= 10.0 ? ent_f_big(A, lnA) : ent_f_above1(A);
    kl_sum_add(&acc, -fA);
    kl_sum_add(&acc, -(double)(k - 1)*ent_digamma_big(A, lnA));
    pv = kl_sum_value(&pole);
    if( isinf(pv) ) return -INFINITY;   /* the truth is below -DBL_MAX */
    kl_sum_add(&acc, -pv);
    return kl_sum_value(&acc);
  }
}

/*
** -lnGamma(k) - KL(Dir(alpha) || Dir(1, ..., 1)), the KL by core/families.c
** (kl_dir_*, as kl_dirichlet's glue drives it); NaN or +-Inf where it
** cannot be formed (the caller then takes the general form).
*/
static double ent_dirichlet_kl(const double *alpha, size_t k){
  kl_xsum s1, s2, ds;
  kl_totals t;
  kl_dir_acc acc;
  double a1m = 0.0, v;
  size_t i;
  memset(&s1, 0, sizeof s1);
  memset(&s2, 0, sizeof s2);
  memset(&ds, 0, sizeof ds);
  for(i=0; i<k; i++){
    if( alpha[i] > a1m ) a1m = alpha[i];
    kl_xsum_add(&s1, alpha[i]);
    kl_xsum_add(&s2, 1.0);
    kl_xsum_add(&ds, 1.0);
    kl_xsum_sub(&ds, alpha[i]);
  }
  if( !isfinite(kl_xsum_value(&s1)) ) return NAN;
  kl_totals_init(&t, kl_xsum_dd(&s2), kl_xsum_dd(&s1));
  kl_dir_init(&acc, &t, kl_xsum_dd(&ds), a1m, 1.0);
  for(i=0; i<k; i++) kl_dir_add(&acc, alpha[i], 1.0);
  v = kl_dir_value(&acc);
  return -(kl_lngamma_above1((double)k) + v);
}

static double ent_beta2(double a, double b){
  double kl = kl_beta_term(a, b, 1.0, 1.0);
  if( kl==0.0 ) return 0.0;   /* +0.0 at (1, 1) */
  if( isfinite(kl) && isfinite(a + b) ) return -kl;
  {
    double al[2];
    al[0] = a;
    al[1] = b;
    return ent_dirichlet_sum(al, 2);
  }
}

double kl_dirichlet_entropy(const double *alpha, size_t k){
  double v;
  if( k <= 1 ) return 0.0;   /* a point mass (torch gives 0 as well) */
  if( k==2 ) return ent_beta2(alpha[0], alpha[1]);
  v = ent_dirichlet_kl(alpha, k);
  if( isfinite(v) ) return v;
  return ent_dirichlet_sum(alpha, k);
}

const kl_ent kl_ents_cont[] = {
  { KL_D_NORMAL,      ent_normal },
  { KL_D_EXPONENTIAL, ent_exponential },
  { KL_D_GAMMA,       ent_gamma },
  { KL_D_BETA,        ent_beta },
  { KL_D_LAPLACE,     ent_laplace },
  { KL_D_CAUCHY,      ent_cauchy },
  { KL_D_LOGNORMAL,   ent_lognormal },
  { KL_D_GUMBEL,      ent_gumbel },
  { KL_D_PARETO,      ent_pareto },
  { KL_D_HALFNORMAL,  ent_halfnormal },
  { KL_D_UNIFORM,     ent_uniform },
  { 0, 0 }
};
