/*
** core/families.c — closed-form KL for the common families (core/families.h).
**
** Every divergence is written as a sum of terms that are each >= 0 and are
** computed without cancellation, so nearly equal distributions keep their
** relative accuracy and nothing comes out negative:
**
**   relent(a, b) = a ln(a/b) - a + b = b phi((a-b)/b),  phi(x) = (1+x) ln(1+x) - x
**   Bernoulli    relent(p, q) + relent(1-p, 1-q)   (the linear parts cancel
**                exactly; q-p is the exact difference in both)
**   Binomial     n Bernoulli;  Geometric  Bernoulli / p1
**   Poisson      relent(rate1, rate2);  Exponential  relent(r1, r2) / r1
**   Laplace      (r - 1 - ln r) + r (e^-u - 1 + u),  r = b1/b2, u = |m1-m2|/b1
**   Cauchy       log1p( (x y + d1 d2) / 4 ),  x, y = (g1-g2)/g2, (g1-g2)/g1,
**                d1, d2 = (m1-m2)/g1, (m1-m2)/g2
**   Gumbel       expm1mx(g - d) + h(r),  r = b1/b2, d = (m1-m2)/b2,
**                g = lnGamma(1+r), h(r) = g - ln r + euler (r-1)
**                = sum_{k>=2} (-1)^k zeta(k) (r-1)^k / k near r = 1
**   Pareto       (t - 1 - ln t) + alpha2 ln(scale1/scale2),  t = alpha2/alpha1
**   Uniform      log1p( ((high2-high1) + (low1-low2)) / (high1-low1) )
**   Gamma        shape1 relent(s, t) + (s - 1 - ln s)/2 + B(shape1, shape2),
**                s = shape2/shape1, t = rate2/rate1, B the Bregman divergence
**                of Binet's function mu (lnGamma minus Stirling's formula)
**   Beta and Dirichlet (Beta is the two-component Dirichlet):
**                sum_i D(a1_i, a2_i) - D(A1, A2), D the Bregman divergence of
**                lnGamma, split as A2 KL(a2/A2 || a1/A1) (a categorical KL,
**                exact totals) + the (s - 1 - ln s)/2 parts + the B parts.
**
** The Bregman divergence of lnGamma, D(a, b) = lnGamma(b) - lnGamma(a)
** - (b-a) digamma(a), is computed from the product formula of Gamma:
**   D(a, a+d) = sum_{j<J} [u_j - ln(1 + u_j)] + D(a+J, a+J+d),  u_j = d/(a+j),
** every term >= 0, and for x = a+J >= 10 from Stirling's series:
**   D(x, x+d) = x phi(v) + (v - ln(1+v))/2 + B(x, x+d),  v = d/x,
**   B = sum_k B_2k/(2k(2k-1)) [Bregman divergence of x^-(2k-1)].
** No lnGamma or digamma of a single argument is ever formed, so there is
** nothing to cancel and nothing to overflow; only the Gumbel KL needs
** lnGamma itself, of 1 + r >= 1 (kl_lngamma_above1 below).
*/
/* macOS declares lgamma_r only under _REENTRANT (before any header). */
#if defined(__APPLE__) && !defined(_REENTRANT)
# define _REENTRANT 1
#endif
#include "families.h"
#include "port.h"

#include <math.h>
#include <string.h>

/*
** lnGamma(x) for x >= 1, where Gamma(x) > 0.  lgamma() also stores the sign
** of Gamma(x) in the global signgam, a write shared by every thread;
** lgamma_r() returns it through a pointer instead, so POSIX systems use it
** (glibc and musl declare it under _DEFAULT_SOURCE, which the Makefile
** sets; the BSDs by default; macOS under _REENTRANT).  The Windows C
** runtimes have no lgamma_r: there lgamma() is called, and its value is
** the same function's value (the sign, which is all lgamma_r would add, is
** known to be +1 here, and nothing reads signgam).  mingw-w64's lgamma()
** still stores +1 into signgam on each call; MSVC's UCRT has no signgam.
** Its accuracy differs from glibc's (docs/install.md, "Windows").
*/
double kl_lngamma_above1(double x){
#if defined(_WIN32)
  return lgamma(x);
#else
  int sign;
  return lgamma_r(x, &sign);
#endif
}

#define EULER 0.577215664901532860606512090082402431

double kl_relent_d(double a, double b, double d){
  double r, lr;
  if( a==0.0 ) return b;
  if( b==0.0 || isinf(b) ) return INFINITY;
  r = a / b;
  if( r >= 0.5 && r <= 2.0 ) return b * kl_phi(d / b);
  if( r > 1e-300 && r < 1e300 ) lr = log(r);
  else lr = log(a) - log(b);
  return a*(lr - 1.0) + b;
}

double kl_relent(double a, double b){
  return kl_relent_d(a, b, a - b);
}

/* s - 1 - ln s >= 0 for s = b/a, with d = b - a exact near s = 1. */
static double qdiv(double a, double b, double d){
  double s = b / a;
  if( s >= 0.5 && s <= 2.0 ) return -kl_log1pmx(d / a);
  if( isinf(s) ) return INFINITY;
  if( s > 1e-300 ) return (s - 1.0) - log(s);
  return (s - 1.0) - (log(b) - log(a));
}

double kl_bernoulli_term(double p1, double p2){
  return kl_relent_d(p1, p2, p1 - p2) + kl_relent_d(1.0 - p1, 1.0 - p2, p2 - p1);
}

double kl_binomial_term(double n, double p1, double p2){
  if( n==0.0 ) return 0.0;
  if( p1 < 0x1p-600 && p2 < 0x1p-600 ){
    /* n relent(p1, p2) = 2^-600 n relent(2^600 p1, 2^600 p2) (exact
    ** scaling): relent itself would underflow before n (up to 2^53)
    ** multiplies it */
    double t = n * kl_relent_d(ldexp(p1, 600), ldexp(p2, 600),
                            ldexp(p1 - p2, 600));
    return ldexp(t, -600) + n*kl_relent_d(1.0 - p1, 1.0 - p2, p2 - p1);
  }
  return n * kl_bernoulli_term(p1, p2);
}

/*
** relent(a, b) / a for a > 0, d = a - b exact: b/a phi(d/b) near a = b,
** else ln(a/b) - 1 + b/a.  Not formed as relent / a, which underflows
** into the subnormals (losing digits) for tiny a before the division.
*/
static double relent_over_a(double a, double b, double d){
  double r, lr;
  if( b==0.0 ) return INFINITY;
  r = a / b;
  if( r >= 0.5 && r <= 2.0 ) return (b / a) * kl_phi(d / b);
  if( r > 1e-300 && r < 1e300 ) lr = log(r);
  else lr = log(a) - log(b);
  return (lr - 1.0) + b / a;
}

double kl_geometric_term(double p1, double p2){
  return relent_over_a(p1, p2, p1 - p2)
       + kl_relent_d(1.0 - p1, 1.0 - p2, p2 - p1) / p1;
}

double kl_poisson_term(double rate1, double rate2){
  return kl_relent(rate1, rate2);
}

double kl_exponential_term(double rate1, double rate2){
  /* t - 1 - ln t, t = rate2/rate1 */
  return qdiv(rate1, rate2, rate2 - rate1);
}

/* Difference of two finite numbers, halved when it would overflow. */
static double gap(double a, double b, int *halved){
  double d = a - b;
  *halved = 0;
  if( isinf(d) ){
    *halved = 1;
    d = 0.5*a - 0.5*b;
  }
  return d;
}

double kl_laplace_term(double loc1, double scale1, double loc2, double scale2){
  int halved;
  double d = fabs(gap(loc1, loc2, &halved)), r = scale1 / scale2, u, f;
  f = qdiv(scale2, scale1, scale1 - scale2);   /* r - 1 - ln r */
  if( isinf(r) ) return INFINITY;
  u = d / scale1;
  if( halved ) u *= 2.0;
  if( u > 1e300 ){
    /* r (u - 1 + e^-u) = |m1-m2|/b2 - r to double precision */
    double w = d / scale2;
    return f + ((halved ? 2.0*w : w) - r);
  }
  return f + r * kl_expm1mx(-u);
}

double kl_cauchy_term(double loc1, double scale1, double loc2, double scale2){
  int halved;
  double dm = gap(loc1, loc2, &halved), ds = scale1 - scale2;
  double x = ds / scale2, y = ds / scale1, d1 = dm / scale1, d2 = dm / scale2;
  double u;
  if( halved ){ d1 *= 2.0; d2 *= 2.0; }
  u = 0.25*(x*y + d1*d2);
  if( u <= 1e300 ) return log1p(u);
  /* ln( ((g1+g2)^2 + dm^2) / (4 g1 g2) ), scaled by the largest */
  {
    double m = fmax(fmax(scale1, scale2), fabs(dm)), a, b;
    a = scale1/m + scale2/m;
    b = dm / m;
    if( halved ){
      /* dm is half the difference: (g1+g2)^2 + (2 dm)^2 */
      b *= 2.0;
    }
    return 2.0*log(m) + log(a*a + b*b) - 2.0*KL_LN2 - log(scale1) - log(scale2);
  }
}

/* zeta(k) for k = 2..29; above, 1 + 2^-k + 3^-k is within 2^-60 of it. */
static const double ZETA[] = {
  1.6449340668482264, 1.2020569031595942, 1.0823232337111381,
  1.03692775514337, 1.0173430619844492, 1.008349277381923,
  1.0040773561979444, 1.0020083928260821, 1.000994575127818,
  1.0004941886041194, 1.000246086553308, 1.0001227133475785,
  1.0000612481350588, 1.000030588236307, 1.0000152822594086,
  1.0000076371976379, 1.000003817293265, 1.0000019082127165,
  1.0000009539620338, 1.0000004769329869, 1.0000002384505027,
  1.000000119219926, 1.000000059608189, 1.0000000298035034,
  1.0000000149015549, 1.0000000074507118, 1.000000003725334,
  1.0000000018626598
};

double kl_zeta(int k){
  return k<30 ? ZETA[k-2] : 1.0 + ldexp(1.0, -k) + pow(3.0, -k);
}

double kl_zetam1(int k){
  return k<30 ? ZETA[k-2] - 1.0 : ldexp(1.0, -k) + pow(3.0, -k);
}

/*
** Near r = 1, with x = r - 1 exact in its numerator:
**   g = lnGamma(2 + x) = (1 - euler) x + sum_{k>=2} (-1)^k (zeta(k) - 1) x^k / k
**   h = g - ln(1 + x) + euler x = sum_{k>=2} (-1)^k zeta(k) x^k / k
** (from the Taylor series of lnGamma at 2, whose coefficients are the
** polygammas psi^(k-1)(2) = (-1)^k (k-1)! (zeta(k) - 1)).
*/
static void gumbel_series(double x, double *g, double *h){
  double sg = 0.0, sh = 0.0, p = x*x;
  int k;
  for(k=2; k<=44; k++){
    double zm1 = kl_zetam1(k);
    double t = p / k;
    if( k & 1 ) t = -t;
    sg += zm1 * t;
    sh += (zm1 + 1.0) * t;
    p *= x;
  }
  *g = (1.0 - EULER)*x + sg;
  *h = sh;
}

double kl_gumbel_term(double loc1, double scale1, double loc2, double scale2){
  int halved;
  double dm = gap(loc1, loc2, &halved), r = scale1 / scale2, x, d, g, h;
  d = dm / scale2;
  if( halved ) d *= 2.0;
  if( isinf(r) ) return INFINITY;
  x = (scale1 - scale2) / scale2;
  if( fabs(x) <= 0.25 ){
    gumbel_series(x, &g, &h);
  }else{
    double lr = r > 1e-300 ? log(r) : log(scale1) - log(scale2);
    g = kl_lngamma_above1(1.0 + r);
    h = g - lr + EULER*x;
    /* lnGamma(1 + r) beyond DBL_MAX (r > 1e305): so is h <= the KL */
    if( isinf(h) ) return INFINITY;
  }
  /* e^(g-d) beyond DBL_MAX, also where d = (m1-m2)/b2 overflowed to -Inf
  ** (expm1(Inf) - Inf would be NaN) */
  if( g - d > 710.0 ) return INFINITY;
  return kl_expm1mx(g - d) + h;
}

double kl_pareto_term(double scale1, double alpha1, double scale2,
                      double alpha2){
  double f, ls;
  if( scale1 < scale2 ) return INFINITY;
  f = qdiv(alpha1, alpha2, alpha2 - alpha1);   /* t - 1 - ln t */
  if( scale1==scale2 ) return f;
  if( scale1 <= 2.0*scale2 ) ls = log1p((scale1 - scale2) / scale2);
  else ls = log(scale1) - log(scale2);
  return f + alpha2*ls;
}

/* ln(high - low) for high > low, also when the width exceeds DBL_MAX. */
static double log_width(double low, double high){
  double w = high - low;
  if( isinf(w) ) return log(0.5*high - 0.5*low) + KL_LN2;
  return log(w);
}

double kl_uniform_term(double low1, double high1, double low2, double high2){
  double w1, extra, r;
  int h;
  if( low1 < low2 || high1 > high2 ) return INFINITY;
  w1 = gap(high1, low1, &h);
  if( h ){
    /* widths beyond DBL_MAX: everything at half scale */
    extra = (0.5*high2 - 0.5*high1) + (0.5*low1 - 0.5*low2);
  }else{
    extra = (high2 - high1) + (low1 - low2);
    if( isinf(extra) ){
      extra = (0.5*high2 - 0.5*high1) + (0.5*low1 - 0.5*low2);
      w1 *= 0.5;
    }
  }
  /* ln(width2/width1) = log1p(extra/width1); where that ratio is beyond
  ** the range (or near it) the difference of the logs, which is > 690 */
  r = extra / w1;
  if( r < 1e300 ) return log1p(r);
  return log_width(low2, high2) - log_width(low1, high1);
}

/* ------------------------------------------------------ lnGamma Bregman */

/* Bernoulli-number coefficients of Binet's series: B_2k / (2k (2k-1)). */
static const double BINET[] = {
  1.0/12, -1.0/360, 1.0/1260, -1.0/1680, 1.0/1188, -691.0/360360,
  1.0/156, -3617.0/122400
};

/*
** ln(y/x) = ln(1 + v) for v = (y - x)/x: log1p(v) near y = x, else the
** logarithm of the ratio itself (v loses 1+v's digits when y << x).
*/
static double log_ratio1p(double x, double y, double v){
  double r = y / x;
  if( r >= 0.5 && r <= 2.0 ) return log1p(v);
  if( r > 1e-300 && r < 1e300 ) return log(r);
  return log(y) - log(x);
}

/* log1p(v) - v and phi(v) = (1+v) log1p(v) - v, given L = log1p(v). */
static double lmx(double v, double L, int near){
  return near ? kl_log1pmx(v) : L - v;
}
static double phi_l(double x, double y, double v, double L, int near){
  return near ? kl_phi(v) : (y/x)*L - v;
}

/*
** The Bregman divergence of x^-m between x and y = x(1+v):
** x^-m [ (1+v)^-m - 1 + m v ] = x^-m [ expm1mx(w) - m log1pmx(v) ],
** w = -m ln(1+v), both parts >= 0.  Far from y = x (where e^w could
** overflow while x^-m underflows: 0 * Inf) it is y^-m - x^-m + m v x^-m
** term by term (x, y >= 10 here, so nothing overflows; the terms differ
** enough that at most a few bits are lost).
*/
static double breg_pow(double x, double y, double v, double L, int near,
                       int m){
  double px = pow(x, -m);
  if( !near ) return (pow(y, -m) - px) + m*(v*px);
  return px * (kl_expm1mx(-m*L) - m*lmx(v, L, near));
}

/* B(x, y) for x, y >= 10: Binet's series. */
static double binet_series(double x, double y, double v, double L, int near){
  double sum = 0.0;
  int k;
  for(k=0; k<8; k++) sum += BINET[k] * breg_pow(x, y, v, L, near, 2*k + 1);
  return sum;
}

/* Whether y/x is near 1, where v = (y-x)/x is used directly. */
static int near1(double x, double y){
  double r = y / x;
  return r >= 0.5 && r <= 2.0;
}

/* D(x, y) for x, y >= 10, Stirling's split; v = (y - x)/x. */
static double lgamma_bregman_big(double x, double y, double v){
  int nr = near1(x, y);
  double L = log_ratio1p(x, y, v);
  return x*phi_l(x, y, v, L, nr) - 0.5*lmx(v, L, nr)
       + binet_series(x, y, v, L, nr);
}

/* D(a, b) with d = b - a given exactly (b may round to a). */
static double lgb(double a, double b, double d){
  double m = a < b ? a : b, sum = 0.0;
  int j, J;
  if( d==0.0 ) return 0.0;
  J = m < 10.0 ? (int)ceil(10.0 - m) : 0;
  for(j=0; j<J; j++){
    /* u - ln(1+u), u = d/(a+j), 1 + u = (b+j)/(a+j) */
    double x = a + j, y = b + j, u = d / x;
    if( near1(x, y) ) sum += -kl_log1pmx(u);
    else sum += u - log_ratio1p(x, y, u);
  }
  return sum + lgamma_bregman_big(a + J, b + J, d / (a + J));
}

double kl_lgamma_bregman(double a, double b){
  return lgb(a, b, b - a);
}

/*
** Binet's function mu(x) = lnGamma(x) - (x - 1/2) ln x + x - ln(2 pi)/2
** and its derivative: the series for x >= 10, below it the recurrence
** mu(x) = mu(x+1) + (x + 1/2) ln(1 + 1/x) - 1.  Below 1 the recurrence's
** first step holds -ln(x)/2, which grows without bound as x -> 0 (and its
** derivative -1/(2x) overflows for subnormal x), so it is split off:
** mu = P + M with P(x) = -ln(x)/2 for x < 1, 0 above; binet_m returns M
** and M', which stay moderate (|M| < 2, |M'| < 1 - ln x).
*/
static void binet_m(double x, double *mu, double *dmu){
  double m = 0.0, dm = 0.0;
  int k;
  if( x < 1.0 ){
    /* (x + 1/2)(log1p(x) - ln x) - 1 + ln(x)/2, and its derivative
    ** log1p(x) - ln x - 1/(2x) - 1/(2(x+1)) + 1/(2x) */
    double lx = log(x), l1 = log1p(x);
    m += ((x + 0.5)*l1 - 1.0) - x*lx;
    dm += (l1 - lx) - 0.5/(x + 1.0);
    x += 1.0;
  }
  while( x < 10.0 ){
    double l = log1p(1.0 / x);
    m += (x + 0.5)*l - 1.0;
    dm += l - (x + 0.5) / (x*(x + 1.0));
    x += 1.0;
  }
  for(k=0; k<8; k++){
    m += BINET[k] * pow(x, -(2*k + 1));
    dm -= BINET[k] * (2*k + 1) * pow(x, -(2*k + 2));
  }
  *mu = m;
  *dmu = dm;
}

static void binet_mu(double x, double *mu, double *dmu){
  binet_m(x, mu, dmu);
  if( x < 1.0 ){
    *mu -= 0.5*log(x);
    *dmu -= 0.5/x;
  }
}

/*
** B(a, b) = mu(b) - mu(a) - d mu'(a) far from b = a, with mu = P + M as
** in binet_m: the P parts in closed form (logarithms of the ratio, d/a
** rather than d times 1/(2a)), so that tiny and subnormal arguments
** neither overflow nor lose the digits of -ln(x)/2 to cancellation.
*/
static double binet_bregman_far(double a, double b, double d){
  double ma, dma, mb, dmb, p, lin;
  binet_m(a, &ma, &dma);
  binet_m(b, &mb, &dmb);
  (void)dmb;
  if( a < 1.0 && b < 1.0 ){
    p = -0.5*log_ratio1p(a, b, d / a);
  }else if( a < 1.0 ){
    p = 0.5*log(a);
  }else if( b < 1.0 ){
    p = -0.5*log(b);
  }else{
    p = 0.0;
  }
  /* -d mu'(a) = d (1/(2a) - M'(a)), or -d M'(a) above 1 */
  if( a >= 1.0 ){
    lin = -d*dma;
  }else{
    double h = 0.5*(d / a);
    if( isinf(h) ) return INFINITY;   /* d/(2a) > DBL_MAX, the rest O(d ln a) */
    lin = h - d*dma;
  }
  return (p + (mb - ma)) + lin;
}

/* B(a, b): the Bregman divergence of Binet's function, d = b - a exact. */
static double binet_bregman(double a, double b, double d){
  double v, L;
  int nr;
  if( d==0.0 ) return 0.0;
  v = d / a;
  nr = near1(a, b);
  L = log_ratio1p(a, b, v);
  if( a >= 10.0 && b >= 10.0 ) return binet_series(a, b, v, L, nr);
  if( !nr ) return binet_bregman_far(a, b, d);
  /* near: D - a phi(v) + (v - log1p(v))/2, all of the order of d^2 */
  return lgb(a, b, d) - a*phi_l(a, b, v, L, nr) + 0.5*lmx(v, L, nr);
}

/*
** The first part of the Gamma KL, shape1 relent(s, t) = relent(A, C D / B)
** for A = shape2, B = rate1, C = shape1, D = rate2 (relent is homogeneous),
** formed from the mantissas and exponents of the four parameters so that
** no product or ratio of them overflows or underflows on the way:
** A B = (h1 + l1) 2^(eA+eB), C D = (h2 + l2) 2^(eC+eD) exactly (fma), the
** mantissas in [1/4, 1).
*/
static double gamma_relent(double A, double B, double C, double D){
  int eA, eB, eC, eD, E, eb, M;
  double ma = frexp(A, &eA), mb = frexp(B, &eB), mc = frexp(C, &eC);
  double md = frexp(D, &eD);
  double h1 = ma*mb, l1 = KL_FMA(ma, mb, -h1);
  double h2 = mc*md, l2 = KL_FMA(mc, md, -h2);
  double bm = (h2 + l2) / mb;   /* C D / B = bm 2^eb, bm in [1/4, 2) */
  E = eA + eB - eC - eD;        /* A / (C D / B) = (h1 + l1)/(h2 + l2) 2^E */
  eb = eC + eD - eB;
  if( E >= -3 && E <= 3 ){
    double r = ldexp(h1, E) / h2;
    if( r >= 0.5 && r <= 2.0 ){
      /* b phi((a - b)/b): a - b = (A B - C D)/B, the products' difference
      ** exact (Sterbenz) in its leading part */
      double x = ((ldexp(h1, E) - h2) + (ldexp(l1, E) - l2)) / (h2 + l2);
      return ldexp(bm*kl_phi(x), eb);
    }
  }
  {
    /* a (ln(a/b) - 1) + b at the scale of the larger of a and b */
    double lr = log(h1 / h2) + E*KL_LN2;
    M = eA > eb ? eA : eb;
    return ldexp(ldexp(ma, eA - M)*(lr - 1.0) + ldexp(bm, eb - M), M);
  }
}

double kl_gamma_term(double shape1, double rate1, double shape2, double rate2){
  return gamma_relent(shape2, rate1, shape1, rate2)
       + 0.5*qdiv(shape1, shape2, shape2 - shape1)
       + binet_bregman(shape1, shape2, shape2 - shape1);
}

/* ---------------------------------------------------- Dirichlet, Beta */

/* A double as m 2^e, m in [1/2, 1). */
typedef struct { double m; int e; } bxnum;
static bxnum bxn(double x){ bxnum r; r.m = frexp(x, &r.e); return r; }
static bxnum bxmul(bxnum a, bxnum b){
  bxnum r; int e;
  r.m = frexp(a.m*b.m, &e);
  r.e = a.e + b.e + e;
  return r;
}
static bxnum bxdiv(bxnum a, bxnum b){
  bxnum r; int e;
  r.m = frexp(a.m/b.m, &e);
  r.e = a.e - b.e + e;
  return r;
}
static double bxval(bxnum a){
  if( a.e > 1100 ) return INFINITY;
  if( a.e < -1200 ) return 0.0;
  return ldexp(a.m, a.e);
}
/* x + y for x, y > 0 as an bxnum (also beyond DBL_MAX) */
static bxnum bxsum(double x, double y){
  double s = x + y;
  if( isinf(s) ){ bxnum r = bxn(0.5*x + 0.5*y); r.e += 1; return r; }
  return bxn(s);
}

/*
** mu'(x) - mu'(y) for 0 < x <= y, d = y - x, with relative accuracy: the
** recurrence's terms g(z) = ln(1 + 1/z) - (z + 1/2)/(z (z+1)) are
** differenced in closed form,
**   g(x) - g(y) = log1p(d / (x (y+1))) - d (1/(x y) + 1/((x+1)(y+1))) / 2,
** and the series' x^-2k - y^-2k = -x^-2k expm1(-2k log1p(d/x)).
*/
static double dmu_diff(double x, double y, double d){
  double sum = 0.0;
  int k;
  if( d==0.0 ) return 0.0;
  while( x < 10.0 ){
    /* d/(x y) and d/(x (y+1)) as (d/x)/y where the product leaves the
    ** normal range (x 2e-254, y x + 3e-267: x y underflows to 0) */
    double xy = x*y, xy1 = x*(y + 1.0);
    if( xy >= 0x1p-1022 && xy1 >= 0x1p-1022 ){
      sum += log1p(d / xy1) - 0.5*d*(1.0/xy + 1.0/((x + 1.0)*(y + 1.0)));
    }else{
      double dx = d / x;
      sum += log1p(dx / (y + 1.0))
           - 0.5*(dx / y + d / ((x + 1.0)*(y + 1.0)));
    }
    x += 1.0;
    y += 1.0;
  }
  for(k=0; k<8; k++){
    int m = 2*k + 2;
    sum += BINET[k] * (2*k + 1) * pow(x, -m) * expm1(-m*log1p(d / x));
  }
  return sum;
}

/*
** mu''(x) = mu''(x+1) + (1/x - 1/(x+1))^2 / 2 (each step >= 0), and
** Binet's series above 10.
*/
static double binet_d2mu(double x){
  double sum = 0.0;
  int k;
  while( x < 10.0 ){
    double u = 1.0/x - 1.0/(x + 1.0);
    sum += 0.5*u*u;
    x += 1.0;
  }
  for(k=0; k<8; k++){
    sum += BINET[k] * (2*k + 1) * (2*k + 2) * pow(x, -(2*k + 3));
  }
  return sum;
}

/*
** The Bregman divergence of mu' between x and y = x + d (nearby):
** mu'(y) - mu'(x) - d mu''(x), term by term of the recurrence (Bregman
** divergences of ln z and 1/z in closed form) and of Binet's series.
*/
static double binet_d1_bregman(double x, double d){
  double sum = 0.0;
  int k;
  while( x < 10.0 ){
    double v0 = d / x, v1 = d / (x + 1.0);
    /* g(z) = ln(z+1) - ln z - (1/z + 1/(z+1))/2 */
    double bl0 = kl_log1pmx(v0), bl1 = kl_log1pmx(v1);
    double bi0 = v0*v0 / (x*(1.0 + v0)), bi1 = v1*v1 / ((x + 1.0)*(1.0 + v1));
    sum += (bl1 - bl0) - 0.5*(bi0 + bi1);
    x += 1.0;
  }
  {
    double v = d / x, L = log1p(v);
    for(k=0; k<8; k++){
      sum -= BINET[k] * (2*k + 1) * breg_pow(x, x + d, v, L, 1, 2*k + 2);
    }
  }
  return sum;
}

/*
** B(X, Y) - B(x, y) for X = x + r1, Y = y + r2 with r1, r2 small against
** x, y and y near x: the integral over the segment of the gradient,
**   f(t) = (y-x) mu''(x) (r2 - r1) + r2 [mu'(y) - mu'(x) - (y-x) mu''(x)],
** at the segment's points; dr = r2 - r1 and d = y - x are given exactly.
** 5-point Gauss-Legendre (f is smooth and nearly constant here).  *mag
** receives the size of the parts, for the error bound.
*/
static double binet_shift(double x, double y, double d, double r1,
                          double r2, double dr, double *mag){
  static const double node[5] = { 0.046910077030668, 0.230765344947158,
    0.5, 0.769234655052842, 0.953089922969332 };
  static const double weight[5] = { 0.118463442528095, 0.239314335249683,
    0.284444444444444, 0.239314335249683, 0.118463442528095 };
  double sum = 0.0, m = 0.0;
  int k;
  (void)y;
  for(k=0; k<5; k++){
    double xt = x + node[k]*r1, dt = d + node[k]*dr;
    double p1 = dt*binet_d2mu(xt)*dr, p2 = r2*binet_d1_bregman(xt, dt);
    sum += weight[k]*(p1 + p2);
    m += weight[k]*(fabs(p1) + fabs(p2));
  }
  *mag = m;
  return sum;
}

void kl_dir_init(kl_dir_acc *c, const kl_totals *t, kl_dd dA, double a1m,
                 double a2m){
  memset(c, 0, sizeof(*c));
  c->t = *t;
  c->dA = dA;
  c->a1m = a1m;
  c->a2m = a2m;
  kl_sum_init(&c->qm);  kl_sum_init(&c->dm);
  kl_sum_init(&c->bm);  kl_sum_init(&c->bm_mag);
  kl_sum_init(&c->t1);
  kl_sum_init(&c->qq);
  kl_sum_init(&c->lin);  kl_sum_init(&c->lns);  kl_sum_init(&c->lin_mag);
  kl_sum_init(&c->b1);   kl_sum_init(&c->b1_mag);
  kl_sum_init(&c->b2);   kl_sum_init(&c->b2_mag);
}

void kl_dir_add(kl_dir_acc *c, double a1, double a2){
  const kl_totals *t = &c->t;
  if( a1!=a2 ) c->differ = 1;
  double A1 = t->Q.hi, d = a2 - a1, s = a2 / a1, q, ls, b, mu1, dmu1, mu2, dmu2;
  double others = (A1 - a1) + t->Q.lo;   /* A1 - a1, exactly enough */
  c->k++;
  /* the categorical KL of the means */
  {
    double term = kl_div_term(a2, a1, t);
    if( term < 0x1p-960 && t->P.hi > 1.0 && isfinite(t->P.hi) ){
      /* the term of the probabilities underflowed (b 0.08 of A 2.6e300,
      ** its ratio off 1 by 5e-14: 4e-329) before A2 multiplies it: the
      ** same term 2^ep larger (homogeneous), from the totals at Ps, Qs
      ** 2^(eq-ep), times Ps */
      kl_totals t0;
      kl_totals_init_exp(&t0, t->Ps, 0, t->Qs, t->eq - t->ep);
      kl_sum_add(&c->t1, t->Ps.hi * kl_div_term(a2, a1, &t0));
    }else{
      kl_sum_add(&c->t1, t->P.hi * term);
    }
  }
  /* (s - 1 - ln s)/2, in two forms (see kl_dir_value) */
  q = 0.5*qdiv(a1, a2, d);   /* >= 0: it is its own magnitude */
  kl_sum_add(&c->qq, q);
  b = binet_bregman(a1, a2, d);
  if( !c->m_seen && a1==c->a1m && a2==c->a2m ){
    c->m_seen = 1;   /* the dominant component: see kl_dir_value */
  }else{
    /* w_i (s_m - s_i) = (a2m a1 - a2 a1m) / a1m / A1, products by fma
    ** (exact), or through s_m where a product leaves the normal range */
    double h1 = c->a2m*a1, l1 = KL_FMA(c->a2m, a1, -h1);
    double h2 = a2*c->a1m, l2 = KL_FMA(a2, c->a1m, -h2);
    double wd;
    if( fabs(h1) < 1e300 && fabs(h2) < 1e300 && fabs(h1) > 1e-290
     && fabs(h2) > 1e-290 ){
      wd = ((h1 - h2) + (l1 - l2)) / c->a1m / A1;
    }else{
      wd = (a1*(c->a2m / c->a1m) - a2) / A1;
    }
    kl_sum_add(&c->qm, q);
    kl_sum_add(&c->bm, b);
    kl_sum_add(&c->bm_mag, fabs(b));
    kl_sum_add(&c->dm, wd);
  }
  ls = log_ratio1p(a1, a2, d / a1);
  kl_sum_add(&c->lin, others / A1 * s);
  kl_sum_add(&c->lns, ls);
  kl_sum_add(&c->lin_mag, others / A1 * s + fabs(ls));
  /* Binet's part, in two forms */
  kl_sum_add(&c->b1, b);
  kl_sum_add(&c->b1_mag, fabs(b));
  binet_mu(a1, &mu1, &dmu1);
  binet_mu(a2, &mu2, &dmu2);
  {
    double w = d * dmu_diff(a1, A1, others);
    kl_sum_add(&c->b2, (mu2 - mu1) - w);
    kl_sum_add(&c->b2_mag, fabs(mu2) + fabs(mu1) + fabs(w));
  }
}

/*
** KL = T1 + Q + Bd, where the totals' parts are subtracted here:
**   Q  = sum_i q_i/2 - q(S)/2, or (when that cancels more) the same as
**        ( sum_i (1 - w_i) s_i - (K-1) - sum_i ln s_i + ln S ) / 2,
**        w_i = a1_i/A1 (S is the w-weighted mean of the s_i, so a dominant
**        component's large s_i cancels in the first form, not here);
**        or, with m the component of largest a1_m (the one whose s_m is
**        nearest S when it dominates) and D = s_m - S = sum_i w_i (s_m - s_i),
**        ( sum_{i != m} q_i + D (S-1)/S - log1pmx(D/S) ) / 2;
**   Bd = sum_i B(a1_i, a2_i) - B(A1, A2), or the same with the dominant
**        component's B taken against the totals' in closed form, or
**        sum_i (mu(a2_i) - mu(a1_i)) - (mu(A2) - mu(A1))
**        - sum_i d_i (mu'(a1_i) - mu'(A1)).
** Of each pair the form with the smaller sum of magnitudes (the bound on
** its rounding error) is used.
*/
double kl_dir_value(const kl_dir_acc *c){
  const kl_totals *t = &c->t;
  double A1 = t->Q.hi, A2 = t->P.hi, dA = c->dA.hi + c->dA.lo;
  double qS = 0.5*qdiv(A1, A2, dA), lS = log_ratio1p(A1, A2, dA / A1);
  double bA = binet_bregman(A1, A2, dA), muA1, dmuA1, muA2, dmuA2;
  double q_a, q_b, q_err_a, q_err_b, b_a, b_b, b_err_a, b_err_b;
  kl_sum total;
  if( !c->differ ) return 0.0;   /* identical: 0, whatever the parts */
  binet_mu(A1, &muA1, &dmuA1);
  binet_mu(A2, &muA2, &dmuA2);
  q_a = kl_sum_value(&c->qq) - qS;
  q_err_a = kl_sum_value(&c->qq) + qS;
  q_b = 0.5*((kl_sum_value(&c->lin) - (double)(c->k - 1))
             - kl_sum_value(&c->lns) + lS);
  q_err_b = 0.5*(kl_sum_value(&c->lin_mag) + (double)(c->k - 1) + fabs(lS));
  {
    /* m is always seen: it was found among these components */
    double D = kl_sum_value(&c->dm), S = A2 / A1, x = D / S;
    double lin = D * (dA / A1) / S, lm;
    if( fabs(x) <= 0.5 ){
      lm = -kl_log1pmx(x);
    }else{
      /* 1 + x = s_m / S, formed as a ratio (x near -1 has no digits of
      ** it); s_m or S in the subnormals keeps only a few bits (a2m 1e-217
      ** over a1m 6e104 is 1.9e-322: ln off by 1e-3), so then the ratio
      ** goes by mantissas and exponents, never through a subnormal */
      double sm = c->a2m / c->a1m, r = sm / S;
      if( sm >= 0x1p-1022 && S >= 0x1p-1022 && r > 1e-300 && r < 1e300 ){
        lm = x - log(r);
      }else{
        bxnum br = bxdiv(bxdiv(bxn(c->a2m), bxn(c->a1m)), bxdiv(bxn(A2), bxn(A1)));
        lm = x - (log(br.m) + br.e*KL_LN2);
      }
    }
    double q_c = kl_sum_value(&c->qm) + 0.5*(lin + lm);
    double q_err_c = kl_sum_value(&c->qm) + 0.5*(fabs(lin) + lm);
    if( q_err_c < q_err_a && q_err_c < q_err_b ){
      q_a = q_c;
      q_err_a = q_err_c;
    }
  }
  b_a = kl_sum_value(&c->b1) - bA;
  b_err_a = kl_sum_value(&c->b1_mag) + fabs(bA);
  b_b = kl_sum_value(&c->b2) - (muA2 - muA1);
  b_err_b = kl_sum_value(&c->b2_mag) + fabs(muA2) + fabs(muA1);
  {
    /*
    ** The dominant component's B against the totals' B, with
    ** X = A1 = a1m + r1, Y = A2 = a2m + r2:
    **   B(X,Y) - B(a1m,a2m) = B(a2m, Y) + r2 (mu'(a2m) - mu'(a1m))
    **                         - B(a1m, X) - dA (mu'(X) - mu'(a1m))
    ** with every difference of mu' formed directly (dmu_diff).
    */
    double a1m = c->a1m, a2m = c->a2m;
    double r1 = (A1 - a1m) + t->Q.lo, r2 = (A2 - a2m) + t->P.lo;
    double d21 = a1m <= a2m ? -dmu_diff(a1m, a2m, a2m - a1m)
                            : dmu_diff(a2m, a1m, a1m - a2m);
    double dX = -dmu_diff(a1m, A1, r1);
    double p1 = binet_bregman(a2m, A2, r2), p2 = r2*d21;
    double p3 = binet_bregman(a1m, A1, r1), p4 = dA*dX;
    double b_c = kl_sum_value(&c->bm) - (p1 + p2 - p3 - p4);
    double b_err_c = kl_sum_value(&c->bm_mag) + fabs(p1) + fabs(p2)
                   + fabs(p3) + fabs(p4);
    if( b_err_c < b_err_a && b_err_c < b_err_b ){
      b_a = b_c;
      b_err_a = b_err_c;
    }
    if( r1 < 1e-3*a1m && r2 < 1e-3*a2m && near1(a1m, a2m) ){
      /* nearly equal, m dominant: the shift of B along the segment */
      double d = a2m - a1m, mag;
      double dr = (c->dA.hi - d) + c->dA.lo;   /* r2 - r1 */
      double shift = binet_shift(a1m, a2m, d, r1, r2, dr, &mag);
      double b_d = kl_sum_value(&c->bm) - shift;
      double b_err_d = kl_sum_value(&c->bm_mag) + mag;
      if( b_err_d < b_err_a && b_err_d < b_err_b ){
        b_a = b_d;
        b_err_a = b_err_d;
      }
    }
  }
  kl_sum_init(&total);
  kl_sum_add(&total, kl_sum_value(&c->t1));
  kl_sum_add(&total, q_err_a <= q_err_b ? q_a : q_b);
  kl_sum_add(&total, b_err_a <= b_err_b ? b_a : b_b);
  {
    /* rounding may leave a tiny negative: 0; a NaN (an intermediate beyond
    ** the range) stays NaN for the caller to report, never 0 (fmax would) */
    double v = kl_sum_value(&total);
    return v < 0.0 ? 0.0 : v;
  }
}


/* ------------------------------------------- Beta with a tiny parameter */

/*
** Where a parameter is tiny, lnGamma(x) = -ln x + g(x), g(x) = lnGamma(1+x),
** splits the Beta KL exactly into
**   Qlog = sum_i q(a1_i, a2_i) - q(A1, A2),  q(x, y) = y/x - 1 - ln(y/x),
**   G    = Dg(a1, a2) + Dg(b1, b2) - Dg(A1, A2),  Dg the Bregman divergence
**          of g.
** Qlog is the Bregman divergence of -ln h, h(a, b) = ab/(a+b) (concave), and
** rearranges exactly into two non-negative parts with nothing to cancel:
**   Qlog = (a2 b1 - a1 b2)^2 / (a1 b1 A1 A2) + (t - 1 - ln t),
**   t = h(a2, b2) / h(a1, b1).
** The huge ratios (b2/b1 for b1 = 1e-300) live only in Qlog; g is smooth
** at 0 (g' = psi(1+x), g'' = psi'(1+x) <= zeta(2)).  Where one component
** (m) dominates both totals, the other (o) shifts Dg(m1, m2) by a first-
** order amount formed directly:
**   Dg(A1, A2) - Dg(m1, m2) = o2 (g'(m2) - g'(m1)) - o1 (m2 - m1) g''(m1).
*/

static const double BETA_ZETA[] = {   /* zeta(2) .. zeta(8) */
  1.6449340668482264, 1.2020569031595942, 1.0823232337111381,
  1.03692775514337, 1.0173430619844492, 1.008349277381923,
  1.0040773561979444
};

/* Dg(x, y), the Bregman divergence of lnGamma(1+x). */
static double beta_dg(double x, double y){
  double d = y - x;
  if( d==0.0 ) return 0.0;
  if( x < 1e-4 && y < 1e-4 ){
    /* sum_k (-1)^k zeta(k)/k [y^k - x^k - k x^(k-1) d], the bracket
    ** d^2 sum_j (j+1) x^j y^(k-2-j) */
    double sum = 0.0;
    int k, j;
    for(k=2; k<=8; k++){
      double p = 0.0;
      for(j=0; j<=k-2; j++) p += (j + 1)*pow(x, j)*pow(y, k - 2 - j);
      sum += ((k & 1) ? -1.0 : 1.0) * BETA_ZETA[k-2] / k * p;
    }
    return d*d*sum;
  }
  return lgb(1.0 + x, 1.0 + y, d);
}

/* psi(1+y) - psi(1+x) */
static double beta_dpsi1(double x, double y){
  double d = y - x, X, Y, lr, r;
  if( d==0.0 ) return 0.0;
  if( x < 1e-4 && y < 1e-4 ){
    double sum = 0.0;
    int k, j;
    for(k=2; k<=8; k++){
      double p = 0.0;
      for(j=0; j<=k-2; j++) p += pow(x, j)*pow(y, k - 2 - j);
      sum += ((k & 1) ? -1.0 : 1.0) * BETA_ZETA[k-2] * p;
    }
    return d*sum;
  }
  X = 1.0 + x;
  Y = 1.0 + y;
  lr = log_ratio1p(X, Y, d / X);
  r = 0.5*((d / X) / Y);
  /* mu'(Y) - mu'(X) */
  if( X <= Y ) return lr + r - dmu_diff(X, Y, d);
  return lr + r + dmu_diff(Y, X, -d);
}

/* psi'(1+x) */
static double beta_d2psi1(double x){
  double X;
  if( x < 1e-4 ){
    double sum = 0.0;
    int k;
    for(k=2; k<=8; k++)
      sum += ((k & 1) ? -1.0 : 1.0) * BETA_ZETA[k-2] * (k - 1) * pow(x, k - 2);
    return sum;
  }
  X = 1.0 + x;
  return 1.0/X + 0.5/X/X + binet_d2mu(X);
}

/* a2 b1 - a1 b2, exactly enough, as m 2^e (m may be 0). */
static bxnum beta_cross(double a1, double b1, double a2, double b2){
  bxnum xa1 = bxn(a1), xb1 = bxn(b1), xa2 = bxn(a2), xb2 = bxn(b2), r;
  double h1 = xa2.m*xb1.m, l1 = KL_FMA(xa2.m, xb1.m, -h1);
  double h2 = xa1.m*xb2.m, l2 = KL_FMA(xa1.m, xb2.m, -h2);
  int e1 = xa2.e + xb1.e, e2 = xa1.e + xb2.e, E = e1 > e2 ? e1 : e2, e;
  double c;
  h1 = ldexp(h1, e1 - E);  l1 = ldexp(l1, e1 - E);
  h2 = ldexp(h2, e2 - E);  l2 = ldexp(l2, e2 - E);
  c = (h1 - h2) + (l1 - l2);
  r.m = frexp(c, &e);
  r.e = E + e;
  return r;
}

static double beta_tiny(double a1, double b1, double a2, double b2){
  double m1, o1, m2, o2, qlog, chi, L, lw1, lw2, v1, v2, G;
  bxnum c, A1 = bxsum(a1, b1), A2 = bxsum(a2, b2), den;
  if( a1 >= b1 ){ m1 = a1; o1 = b1; m2 = a2; o2 = b2; }
  else{ m1 = b1; o1 = a1; m2 = b2; o2 = a2; }
  /* chi = c^2 / (a1 b1 A1 A2) */
  c = beta_cross(a1, b1, a2, b2);
  if( c.m==0.0 ){
    chi = 0.0;
  }else{
    den = bxmul(bxmul(bxn(a1), bxn(b1)), bxmul(A1, A2));
    chi = bxval(bxdiv(bxmul(c, c), den));
  }
  /* ln t = ln(o2/o1) + ln(w2/w1), w = m/A, v = o/A */
  v1 = bxval(bxdiv(bxn(o1), A1));
  v2 = bxval(bxdiv(bxn(o2), A2));
  lw1 = log1p(-v1);
  if( v2 <= 0.5 ) lw2 = log1p(-v2);
  else{
    double w2 = bxval(bxdiv(bxn(m2), A2));
    lw2 = w2 > 1e-300 ? log(w2)
        : log(bxdiv(bxn(m2), A2).m) + bxdiv(bxn(m2), A2).e*KL_LN2;
  }
  L = log_ratio1p(o1, o2, (o2 - o1) / o1) + (lw2 - lw1);
  {
    /* t - 1 = da b2/A2 + db a2/A2 (1/h = 1/a + 1/b), da = (a2 - a1)/a1 */
    double da = (a2 - a1) / a1, db = (b2 - b1) / b1;
    double x = da*bxval(bxdiv(bxn(b2), A2)) + db*bxval(bxdiv(bxn(a2), A2));
    if( fabs(x) <= 0.5 ) qlog = chi - kl_log1pmx(x);
    else qlog = chi + (L > 709.0 ? INFINITY : expm1(L) - L);
  }
  if( isinf(qlog) ) return INFINITY;
  /* G */
  if( o1 <= 0x1p-54*m1 && o2 <= 0x1p-54*m2 ){
    double X = 1.0 + m1, Y = 1.0 + m2, d = m2 - m1;
    if( near1(X, Y) ){
      /* o2 dpsi - o1 d psi' = (o2 - o1) dpsi + o1 [Bregman divergence of
      ** psi], the latter term by term (ln z, -1/(2z), mu'(z)), so that the
      ** two first-order parts do not cancel; at every m (binet_d1_bregman
      ** recurs up to 10): m 0.036, d/m 5e-13 lost 1e-2 of it otherwise */
      double v = d / X;
      double br = kl_log1pmx(v) - 0.5*v*(v / Y) + binet_d1_bregman(X, d);
      G = beta_dg(o1, o2) - ((o2 - o1)*beta_dpsi1(m1, m2) + o1*br);
    }else{
      G = beta_dg(o1, o2)
        - (o2*beta_dpsi1(m1, m2) - o1*(d*beta_d2psi1(m1)));
    }
  }else{
    double s1 = a1 + b1, s2 = a2 + b2;
    if( isinf(s1) || isinf(s2) ) return INFINITY;
    G = beta_dg(a1, a2) + beta_dg(b1, b2) - beta_dg(s1, s2);
  }
  return qlog + G;
}

double kl_beta_term(double a1, double b1, double a2, double b2){
  kl_totals t;
  if( a1==a2 && b1==b2 ) return 0.0;   /* also where the parts cannot form */
  if( fmax(fmax(a1, b1), fmax(a2, b2)) < 0x1p-30
   || ((b1 <= 0x1p-54*a1 && b2 <= 0x1p-54*a2 && fmax(b1, b2) < 0x1p-30)
    || (a1 <= 0x1p-54*b1 && a2 <= 0x1p-54*b2 && fmax(a1, a2) < 0x1p-30)) ){
    double v = beta_tiny(a1, b1, a2, b2);
    return v < 0.0 ? 0.0 : v;
  }
  kl_dd A1, A2, dA;
  double s;
  if( isinf(a1 + b1) || isinf(a2 + b2) ){
    /* a + b beyond DBL_MAX: the parts below need the totals as doubles, so
    ** the value cannot be formed (the caller's "not computable" error; a
    ** +Inf here would be a false +Inf, the KL may be finite) */
    return NAN;
  }
  /* exact sums as double-doubles (two-sum) */
  s = a1 + b1;
  A1.hi = s;
  {
    double bv = s - a1;
    A1.lo = (a1 - (s - bv)) + (b1 - bv);
  }
  s = a2 + b2;
  A2.hi = s;
  {
    double bv = s - a2;
    A2.lo = (a2 - (s - bv)) + (b2 - bv);
  }
  /* dA = (a2 - a1) + (b2 - b1), exactly enough: a sum of two differences */
  {
    double x = a2 - a1, y = b2 - b1, bv;
    s = x + y;
    bv = s - x;
    dA.hi = s;
    dA.lo = (x - (s - bv)) + (y - bv);
  }
  kl_totals_init(&t, A2, A1);
  {
    kl_dir_acc c;
    if( a1 >= b1 ) kl_dir_init(&c, &t, dA, a1, a2);
    else kl_dir_init(&c, &t, dA, b1, b2);
    kl_dir_add(&c, a1, a2);
    kl_dir_add(&c, b1, b2);
    s = kl_dir_value(&c);
    if( isnan(s) ){
      /* an intermediate beyond the range (b2/b1 and A2/A1 both overflow
      ** when b1 is tiny): the split with Qlog, where those ratios cancel
      ** exactly */
      s = beta_tiny(a1, b1, a2, b2);
      if( s < 0.0 ) s = 0.0;
    }
    return s;
  }
}

/* ------------------------------------------------ array forms (catalogue) */
/* Each family's term over its parameters in call order, the form the
** catalogue (src/catalogue.h) names. */
double kl_bernoulli_kl(const double *x){ return kl_bernoulli_term(x[0], x[1]); }
double kl_binomial_kl(const double *x){
  return kl_binomial_term(x[0], x[1], x[2]);
}
double kl_geometric_kl(const double *x){ return kl_geometric_term(x[0], x[1]); }
double kl_poisson_kl(const double *x){ return kl_poisson_term(x[0], x[1]); }
double kl_exponential_kl(const double *x){
  return kl_exponential_term(x[0], x[1]);
}
double kl_gamma_kl(const double *x){
  return kl_gamma_term(x[0], x[1], x[2], x[3]);
}
double kl_beta_kl(const double *x){ return kl_beta_term(x[0], x[1], x[2], x[3]); }
double kl_laplace_kl(const double *x){
  return kl_laplace_term(x[0], x[1], x[2], x[3]);
}
double kl_cauchy_kl(const double *x){
  return kl_cauchy_term(x[0], x[1], x[2], x[3]);
}
double kl_gumbel_kl(const double *x){
  return kl_gumbel_term(x[0], x[1], x[2], x[3]);
}
double kl_pareto_kl(const double *x){
  return kl_pareto_term(x[0], x[1], x[2], x[3]);
}
double kl_uniform_kl(const double *x){
  return kl_uniform_term(x[0], x[1], x[2], x[3]);
}
