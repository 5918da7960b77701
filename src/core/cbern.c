/*
** core/cbern.c — the continuous Bernoulli family: its KL, its pairs, its
** entropy (see core/dist.h for the contract of its tables).
**
** CB(lambda), 0 < lambda < 1, has the density on [0, 1]
**   p(x) = C(lambda) lambda^x (1-lambda)^(1-x) = exp(eta x - A(eta)),
**   eta = logit(lambda),  A(eta) = ln((e^eta - 1)/eta)   (A(0) = 0),
** an exponential family with mean m = A'(eta) and variance V = A''(eta).
** Everything below is written in t = eta/2, where
**   A(eta) = t + g(t),   g(t) = ln(sinh(t)/t)   (even, convex, g(0) = 0),
**   m = (1 + g'(t))/2,   V = g''(t)/4,   g''(s) = 1/s^2 - 1/sinh(s)^2 > 0,
** and, for u = |t|, g(t) = u + L(u) with L(u) = ln((1 - e^-2u)/(2u))
** = -ln(2u) + h(u), h(u) = log1p(-e^-2u).  Near 0, g, g', g'' come from
** their Bernoulli-number series (g'(t) = coth t - 1/t =
** sum 2^2n B_2n t^(2n-1)/(2n)!), never from the cancelling closed forms.
**
** eta itself is formed as a double-double where |eta| is large
** (lambda < 1/4 or > 3/4: ln lambda = e ln2 + ln f from frexp, with ln 2
** split in two so that e*ln2_hi is exact and ln f a double-double from
** the atanh series; absolute error about 5e-20), so that a cross term
** comparing eta with an outside parameter (an Exponential's rate against
** the mean 1/(2u) of a CB near lambda = 0) keeps the digits lambda
** carries.
**
** Same family.  KL(CB(l1) || CB(l2)) is the Bregman divergence of A:
**   KL = A(eta2) - A(eta1) - (eta2 - eta1) A'(eta1) = B_g(t1, t2)
** (the linear part t drops out), with d = t2 - t1 formed from
** eta2 - eta1 = log1p((l2-l1)/l1) + log1p((l2-l1)/(1-l2)) when both
** l2/l1 and (1-l2)/(1-l1) are within a factor 2 (both terms of one sign,
** l2-l1 exact), so lambdas 1 ulp apart keep all their digits; else from
** the double-double etas (|eta2 - eta1| > ln 2 then).  Then
**  - |d| <= 4: B_g = d^2 int_0^1 (1-x) g''(t1 + d x) dx, a 24-point
**    Gauss-Legendre rule of a positive integrand (no cancellation; g'' is
**    analytic in the strip |Im s| < pi, so the rule's error is below
**    1e-20 relative on an interval of length 4);
**  - |d| > 4, t1 and t2 of one sign, both |t| >= 1:
**    B_g = [s - 1 - ln s] (s = u2/u1: by log1pmx near 1, else with
**    ln(u2/u1)) + B_h(u1, u2), where B_h <= 0 is small against the first
**    (at most about a half of it);
**  - |d| > 4 otherwise: L(u2) - L(u1) - (u2 - u1) L'(u1) or, for opposite
**    signs, 2 u2 + (u1 + u2) L'(u1) + L(u2) - L(u1), rearranged so the
**    terms of size u cancel analytically (see cbern_breg_far); what is
**    left cancels by at most a factor of about 6.
** KL is exactly 0 for l1 == l2.
**
** Entropy.  H = A - eta m = g(t) - t g'(t) = -B_g(t, 0) = -KL(CB || U(0,1)),
** the same Bregman term: <= 0, exactly 0 at lambda = 1/2, no cancellation.
**
** Cross pairs, each E_P[ln p] - E_P[ln q] = -H - E_P[ln q], arranged as
** sums of terms >= 0 (N(t) = -H = B_g(t, 0) >= 0, Q(s) = s - 1 - ln s):
**   CB || U(a,b)   finite iff a <= 0 and b >= 1: N(t) + log1p((b-1) - a)
**   U(a,b) || CB   finite iff 0 <= a < b <= 1: -ln w + A - eta c,
**                  w = b - a, c = (a+b)/2; for t <= -1 (u = -t)
**                  Q(u s) + (1 - ln 2) + log1p(2a/w) + h(u), s = a + b
**                  (the mirror for t >= 1 with a, b -> 1-b, 1-a); for
**                  |t| < 1, -ln w + g(t) + t((1-b) - a).
**   CB || Exp(r)   Q(r m) + J_e, J_e = -H + 1 + ln m = KL to the best
**                  exponential (>= 0): for t <= -1 J_e = -h(u) - Q(1-k),
**                  k = 2u/expm1(2u) (the truncated exponential's small
**                  excess), and r m - 1 = ((r - 2u) - r k)/(2u) with 2u from
**                  the double-double eta (lambda < 2^-60: from exact parts,
**                  below); else N(t) + 1 + ln m.
**   CB || N(mu,s)  J + Q(V/s^2)/2 + (m-mu)^2/(2 s^2), J = -H + ln sqrt(2 pi e V)
**                  the negentropy (>= 0.17): for |t| >= 1
**                  J = (ln sqrt(2 pi e) - 1) + k - h(u) + log1p(-(u/sinh u)^2)/2,
**                  else N(t) + ln sqrt(2 pi e/12) + log1p(3 g''(t) - 1)/2.
**   Beta(a,b) || CB  (t >= 1 mirrored to t <= -1 by x -> 1 - x, a <-> b)
**                  for t <= -1, b >= 2, a <= b, where Beta(~1, ~2u+1) comes
**                  close to CB (both near an Exp(2u)): the Gamma || Exp KL
**                  plus the Beta-Gamma entropy gap, see cbern_beta_far;
**                  else KL(Beta(a,b) || Beta(1,1)) (kl_beta_neg_entropy, accurate)
**                  + A(eta) - eta a/(a+b): for |t| < 1 g(t) + t (b-a)/(a+b),
**                  for t <= -1 (b < 2) 2u a/(a+b) + L(u).
**   +Inf: CB || Pareto (CB has mass on [0, scale)), and Exponential,
**         Gamma, Gumbel, Laplace, Normal, Pareto || CB (mass beyond 1).
** torch 1.13 returns +Inf for CB || U(0, b), CB || U(a, 1), U(0, b) || CB
** and U(a, 1) || CB (its tests are >= / <= where the supports still
** nest); we follow the mathematics.
**
** CB || Exp for lambda < 2^-60 (cbern_kl_exp_tiny) takes its own road:
** near r = 1/m the KL is (r m - 1)^2/2 ~ 1e-33 and r m - 1 ~ 1e-17 needs
** r - |eta| to 30 digits, beyond a double-double eta.  There
** r m - 1 = D/|eta|, D = (r - |eta|) - r k is summed (compensated) from
** parts each exact or of error below 1e-32: r + e ln2_hi (exact), the
** two-product e ln2_mid, e ln2_lo, ln f (lambda = f 2^e) as a
** double-double series, -log1p(-lambda), r k; k and J_e come from
** lambda/(1 - 2 lambda) = e^eta/(1 - e^eta) directly.  Bound: relative
** error about 4e-32/|r - 1/m| + 1e-15, within 1e-13 unless 1/m lies
** within about 6e-5 ulp of the double r (see the comment there).
**
** Reference: tests/gen_cbern_ref.py (mpmath, 150 digits, more for Beta
** shapes up to 1e300, from the exact double inputs; some cases
** cross-checked by mpmath.quad), data in tests/data/cbern_ref.sql, checks
** in tests/dist_cbern.sql.
*/
#include "dist.h"
#include "families.h"
#include "numeric.h"
#include "port.h"

#include <math.h>

/* 24-point Gauss-Legendre rule on [0, 1] and the series of g, g', g''
** (t^2 powers; coefficients 2^2n B_2n/(2n)! times 1/(2n), 1, 2n-1),
** made with mpmath at 40 digits. */
static const double cbern_gl_x[24] = {
  0.9975936099985107,
  0.9873642779856547,
  0.9691372760013663,
  0.9432077635022005,
  0.9100009929869515,
  0.8700620957892772,
  0.8240468259684878,
  0.7727107356944197,
  0.7168967538130225,
  0.6575213398480817,
  0.5955594337368082,
  0.5320284464313028,
  0.4679715535686972,
  0.40444056626319186,
  0.3424786601519183,
  0.2831032461869774,
  0.22728926430558022,
  0.17595317403151223,
  0.12993790421072282,
  0.08999900701304854,
  0.056792236497799485,
  0.030862723998633622,
  0.012635722014345251,
  0.00240639000148932 };
static const double cbern_gl_w[24] = {
  0.0061706148999936,
  0.014265694314466832,
  0.022138719408709904,
  0.02964929245771839,
  0.03667324070554015,
  0.04309508076597664,
  0.04880932605205694,
  0.05372213505798282,
  0.0577528340268628,
  0.060835236463901696,
  0.06291872817341415,
  0.06396909767337608,
  0.06396909767337608,
  0.06291872817341415,
  0.060835236463901696,
  0.0577528340268628,
  0.05372213505798282,
  0.04880932605205694,
  0.04309508076597664,
  0.03667324070554015,
  0.02964929245771839,
  0.022138719408709904,
  0.014265694314466832,
  0.0061706148999936 };
/* g(t) = sum a_n t^2n */
static const double cbern_ga[30] = {
  0.16666666666666666,
  -0.005555555555555556,
  0.0003527336860670194,
  -2.6455026455026456e-05,
  2.1377799155576935e-06,
  -1.803670234005331e-07,
  1.5661391322766983e-08,
  -1.3884130493737299e-09,
  1.2504359176004997e-10,
  -1.1402575602296091e-11,
  1.0502923908637557e-12,
  -9.754877841593701e-14,
  9.123468230859098e-15,
  -8.5837197618956095e-16,
  8.117318009727789e-17,
  -7.710527514116273e-18,
  7.352844932712002e-19,
  -7.036101210390652e-20,
  6.753847290217444e-21,
  -6.500924115034318e-22,
  6.273155486703286e-23,
  -6.067124691266807e-24,
  5.880009395889198e-25,
  -5.709457821604065e-26,
  5.553494634632887e-27,
  -5.410448555118999e-28,
  5.278896052835726e-29,
  -5.157617108125312e-30,
  5.045560125771855e-31,
  -4.941813866123941e-32 };
/* g'(t) = sum b_n t^(2n-1) */
static const double cbern_gb[30] = {
  0.3333333333333333,
  -0.022222222222222223,
  0.0021164021164021165,
  -0.00021164021164021165,
  2.1377799155576935e-05,
  -2.1644042808063972e-06,
  2.1925947851873778e-07,
  -2.2214608789979678e-08,
  2.2507846516808994e-09,
  -2.2805151204592183e-10,
  2.3106432599002624e-11,
  -2.3411706819824882e-12,
  2.3721017400233653e-13,
  -2.4034415333307705e-14,
  2.4351954029183367e-15,
  -2.4673688045172075e-16,
  2.499967277122081e-17,
  -2.532996435740635e-18,
  2.566461970282629e-19,
  -2.6003696460137274e-20,
  2.63472530441538e-21,
  -2.669534864157395e-22,
  2.704804322109031e-23,
  -2.7405397543699514e-24,
  2.7767473173164437e-25,
  -2.813433248661879e-26,
  2.8506038685312917e-27,
  -2.8882655805501746e-28,
  2.926424872947676e-29,
  -2.9650883196743643e-30 };
/* g''(t) = sum c_n t^(2n-2) */
static const double cbern_gc[30] = {
  0.3333333333333333,
  -0.06666666666666667,
  0.010582010582010581,
  -0.0014814814814814814,
  0.0001924001924001924,
  -2.380844708887037e-05,
  2.8503732207435913e-06,
  -3.332191318496952e-07,
  3.8263339078575285e-08,
  -4.332978728872515e-09,
  4.852350845790551e-10,
  -5.3846925685597234e-11,
  5.930254350058414e-12,
  -6.489292139993081e-13,
  7.062066668463177e-14,
  -7.648843294003344e-15,
  8.249892014502867e-16,
  -8.865487525092221e-17,
  9.495909290045727e-18,
  -1.0141441619453536e-18,
  1.0802373748103058e-19,
  -1.1478999915876798e-20,
  1.217161944949064e-21,
  -1.288053684553877e-22,
  1.3606061854850572e-23,
  -1.4348509568175585e-24,
  1.5108200503215846e-25,
  -1.588546069302596e-26,
  1.668062177580175e-27,
  -1.749402108607875e-28 };

#define CBERN_LN2_HI 6.93147180369123816490e-01  /* low 32 bits zero */
#define CBERN_LN2_LO 1.90821492927058770002e-10

/* A double-double: the value is hi + lo, |lo| <= ulp(hi)/2. */
typedef struct cbern_dd { double hi, lo; } cbern_dd;

static cbern_dd cbern_fast2sum(double a, double b){  /* |a| >= |b| or a == 0 */
  cbern_dd r;
  r.hi = a + b;
  r.lo = b - (r.hi - a);
  return r;
}

static cbern_dd cbern_2sum(double a, double b){
  cbern_dd r;
  double bb;
  r.hi = a + b;
  bb = r.hi - a;
  r.lo = (a - (r.hi - bb)) + (b - bb);
  return r;
}

/*
** ln x for 0 < x < 1/4 as hi + lo, absolute error about 1e-20 (not 3e-17,
** the rounding of log(f)): x = f 2^e, f in [1/sqrt2, sqrt2),
** ln x = e ln2_hi (exact) + e ln2_lo + 2 atanh(s), s = (f-1)/(f+1),
** 2 atanh(s) = 2s + 2s^3/3 + 2s^5 (1/5 + s^2/7 + ...), with s and s^3/3
** as double-doubles (exact products by KL_FMA) and the rest, below 6e-5,
** in doubles.
*/
static cbern_dd cbern_log_dd(double x){
  int e, i;
  double f = frexp(x, &e), num, shi, slo, r, z, zlo, p, c, clo, q, qlo, tail;
  cbern_dd den, a, b;
  if( f < 0.70710678118654752 ){ f *= 2.0; e -= 1; }
  num = f - 1.0;                                /* exact */
  den = cbern_2sum(f, 1.0);
  shi = num / den.hi;
  r = KL_FMA(-shi, den.hi, num);                /* exact residual */
  slo = (r - shi*den.lo) / den.hi;
  z = shi*shi;                                  /* s^2 = z + zlo */
  zlo = KL_FMA(shi, shi, -z) + 2.0*shi*slo;
  c = z*shi;                                    /* s^3 = c + clo */
  clo = KL_FMA(z, shi, -c) + (zlo*shi + z*slo);
  q = c/3.0;                                    /* s^3/3 = q + qlo */
  qlo = (KL_FMA(-q, 3.0, c) + clo)/3.0;
  p = 1.0/29;
  for(i = 27; i >= 5; i -= 2) p = p*z + 1.0/i;
  tail = 2.0*c*z*p;                             /* 2 s^5 (1/5 + ...) */
  a = cbern_2sum((double)e * CBERN_LN2_HI, 2.0*shi);
  b = cbern_2sum(a.hi, 2.0*q);
  return cbern_fast2sum(b.hi, (a.lo + b.lo) + ((double)e * CBERN_LN2_LO
                               + ((2.0*slo + 2.0*qlo) + tail)));
}

/* eta = logit(lambda) as a double-double. */
static cbern_dd cbern_eta(double lam){
  cbern_dd r;
  if( lam < 0.25 ){
    r = cbern_log_dd(lam);
    return cbern_fast2sum(r.hi, r.lo - log1p(-lam));
  }
  if( lam > 0.75 ){
    double c = 1.0 - lam;               /* exact */
    r = cbern_log_dd(c);
    return cbern_fast2sum(-r.hi, log1p(-c) - r.lo);
  }
  /* |eta| <= ln 3: 2 lam - 1 and 1 - lam (lam >= 1/2), 1 - 2 lam (lam < 1/2)
  ** are exact */
  r.hi = lam >= 0.5 ? log1p((2.0*lam - 1.0)/(1.0 - lam))
                    : -log1p((1.0 - 2.0*lam)/lam);
  r.lo = 0.0;
  return r;
}

static double cbern_poly(const double *c, int n, double z){
  double p = c[n-1];
  int i;
  for(i = n-2; i >= 0; i--) p = p*z + c[i];
  return p;
}

/* g(t) = ln(sinh t / t) for |t| < 1.5 (series) */
static double cbern_g_small(double t){
  double z = t*t;
  return z * cbern_poly(cbern_ga, 30, z);
}

/* g'(t) = coth t - 1/t for |t| < 1.5 (series) */
static double cbern_g1_small(double t){
  return t * cbern_poly(cbern_gb, 30, t*t);
}

/* g''(s) = 1/s^2 - 1/sinh(s)^2 > 0, every s */
static double cbern_g2(double s){
  double u = fabs(s), sh;
  if( u <= 1.5 ) return cbern_poly(cbern_gc, 30, u*u);
  if( u > 300.0 ) return 1.0/(u*u);  /* 1/sinh^2 < 1e-250 of it */
  sh = sinh(u);
  return 1.0/(u*u) - 1.0/(sh*sh);
}

/* 3 g''(t) - 1 for |t| < 1.5, without the cancelling leading 1 */
static double cbern_g2m(double t){
  double z = t*t;
  return 3.0 * z * cbern_poly(cbern_gc + 1, 29, z);
}

/* h(u) = log1p(-e^-2u) <= 0 and h'(u) = 2/expm1(2u), u > 0 */
static double cbern_h(double u){ return log1p(-exp(-2.0*u)); }
static double cbern_h1(double u){ return 2.0/expm1(2.0*u); }

/* L(u) = g(u) - u = ln((1 - e^-2u)/(2u)) <= 0, u >= 0 */
static double cbern_L(double u){
  if( u < 1.0 ) return cbern_g_small(u) - u;
  return log(-expm1(-2.0*u)/(2.0*u));
}

/* L'(u) = g'(u) - 1 in (-1, 0), u >= 0 */
static double cbern_L1(double u){
  if( u < 1.0 ) return cbern_g1_small(u) - 1.0;
  return cbern_h1(u) - 1.0/u;
}

/*
** s - 1 - ln s >= 0 for s = y/x, x, y > 0, given dx = y - x accurately:
** log1pmx(dx/x) near s = 1; else ln(y/x), not log1p(dx/x), which would
** lose the digits of 1 + dx/x near s = 0.
*/
static double cbern_qdiv(double x, double y, double dx){
  double v = dx / x;
  if( v >= -0.5 && v <= 1.0 ) return -kl_log1pmx(v);
  return v - log(y / x);
}

/*
** Q(s) = s - 1 - ln s >= 0 where s - 1 = sm1 is known accurately and
** ln s = lns is supplied for s far from 1 (so s may under- or overflow).
*/
static double cbern_q(double sm1, double lns){
  if( sm1 >= -0.5 && sm1 <= 1.0 ) return -kl_log1pmx(sm1);
  return sm1 - lns;
}

/*
** B_g(t1, t2) for |d| > 4, d = t2 - t1 (see the head of the file); t2 is
** passed, not formed as t1 + d, which would cancel (t1 = -277, d = 277).
*/
static double cbern_breg_far(double t1, double t2, double d){
  double u1 = fabs(t1), u2 = fabs(t2);
  if( t1 == 0.0 || (t1 > 0.0) == (t2 > 0.0) ){
    double du = (t1 > 0.0 || (t1 == 0.0 && d > 0.0)) ? d : -d;  /* u2 - u1 */
    if( u1 >= 1.0 && u2 >= 1.0 ){
      /* Bregman of -ln u plus that of h (<= 0, the smaller) */
      return cbern_qdiv(u1, u2, du)
           + ((cbern_h(u2) - cbern_h(u1)) - du*cbern_h1(u1));
    }
    return (cbern_L(u2) - cbern_L(u1)) - du*cbern_L1(u1);
  }
  /* opposite signs: 2 u2 + (u1 + u2) L'(u1) + L(u2) - L(u1) */
  if( u1 >= 1.0 ){
    /* L'(u1) = h'(u1) - 1/u1, L(u1) = -ln(2 u1) + h(u1) */
    return ((2.0*u2 - 1.0) - u2/u1) + (u1 + u2)*cbern_h1(u1)
         + cbern_L(u2) + (log(2.0*u1) - cbern_h(u1));
  }
  /* 1 + L'(u1) = g'(u1), L(u1) = g(u1) - u1 */
  return u2 + (u1 + u2)*cbern_g1_small(u1) + cbern_L(u2) - cbern_g_small(u1);
}

/* B_g(t1, t2) = g(t2) - g(t1) - d g'(t1) >= 0, d = t2 - t1 accurate */
static double cbern_breg(double t1, double t2, double d){
  double s = 0.0;
  int i;
  if( d == 0.0 ) return 0.0;
  if( fabs(d) > 4.0 ) return cbern_breg_far(t1, t2, d);
  for(i = 0; i < 24; i++){
    s += cbern_gl_w[i] * (1.0 - cbern_gl_x[i]) * cbern_g2(t1 + d*cbern_gl_x[i]);
  }
  return (d*d) * s;
}

/*
** eta2 - eta1 without cancellation when the lambdas are close (both
** lambda2/lambda1 and (1-lambda2)/(1-lambda1) within a factor 2; then both
** log1p terms have the sign of l2 - l1); else |eta2 - eta1| > ln 2 and
** the double-double difference is accurate.
*/
static double cbern_deta(double l1, double l2, cbern_dd e1, cbern_dd e2){
  double r = l2 / l1, rc = (1.0 - l2) / (1.0 - l1);
  if( r >= 0.5 && r <= 2.0 && rc >= 0.5 && rc <= 2.0 ){
    double dl = l2 - l1;                        /* exact */
    return log1p(dl / l1) + log1p(dl / (1.0 - l2));
  }
  return (e2.hi - e1.hi) + (e2.lo - e1.lo);
}

/* N(t) = -H = KL(CB || U(0,1)) = B_g(t, 0) >= 0 */
static double cbern_negent(double t){
  return cbern_breg(t, 0.0, -t);
}

/* mean of CB, from t (|t| any) */
static double cbern_mean(double t){
  double u = fabs(t), m;
  if( u < 1.0 ) return 0.5*(1.0 + cbern_g1_small(t));
  m = -0.5*cbern_L1(u);            /* the mean for -u: (1 + g'(-u))/2 */
  return t < 0.0 ? m : 1.0 - m;
}

/* ln(mean) */
static double cbern_log_mean(double t){
  double u = fabs(t);
  if( u < 1.0 ) return log(0.5*(1.0 + cbern_g1_small(t)));
  if( t < 0.0 ) return log(-0.5*cbern_L1(u));
  return log1p(0.5*cbern_L1(u));
}

/* ------------------------------------------------------------ the terms */

static double cbern_kl(const double *p, const double *q){
  double l1 = p[0], l2 = q[0], r;
  cbern_dd e1, e2;
  if( l1 == l2 ) return 0.0;
  e1 = cbern_eta(l1);
  e2 = cbern_eta(l2);
  r = cbern_breg(0.5*(e1.hi + e1.lo), 0.5*(e2.hi + e2.lo),
                 0.5*cbern_deta(l1, l2, e1, e2));
  return r > 0.0 ? r : 0.0;
}

static double cbern_entropy(const double *p){
  cbern_dd e = cbern_eta(p[0]);
  double n = cbern_negent(0.5*(e.hi + e.lo));
  return n > 0.0 ? -n : 0.0;
}

/* KL(CB(lambda) || U(low, high)) */
static double cbern_kl_uniform(const double *p, const double *q){
  double a = q[0], b = q[1], w1;
  cbern_dd e;
  if( a > 0.0 || b < 1.0 ) return INFINITY;
  e = cbern_eta(p[0]);
  w1 = (b - 1.0) - a;                           /* (b - a) - 1 >= 0 */
  if( isinf(w1) ) w1 = log(0.5*b - 0.5*a) + KL_LN2;
  else w1 = log1p(w1);
  return cbern_negent(0.5*(e.hi + e.lo)) + w1;
}

/* KL(U(low, high) || CB(lambda)) */
static double cbern_uniform_kl(const double *p, const double *q){
  double a = p[0], b = p[1], t, w, r;
  cbern_dd e;
  if( a < 0.0 || b > 1.0 ) return INFINITY;
  e = cbern_eta(q[0]);
  t = 0.5*(e.hi + e.lo);
  if( fabs(t) >= 1.0 ){
    /* mirror t > 0 onto t < 0: a, b -> 1 - b, 1 - a */
    double u = fabs(t), lo = a, hi = b, s, us;
    if( t > 0.0 ){ lo = 1.0 - b; hi = 1.0 - a; }
    w = b - a;                  /* not hi - lo: 1-a, 1-b are rounded */
    s = lo + hi;
    us = u*s;
    /* Q(u s) + (1 - ln 2) + ln(s/w) + h(u) */
    r = cbern_q(us - 1.0, log(u) + log(s))
      + (1.0 - KL_LN2) + log1p(2.0*lo/w) + cbern_h(u);
  }else{
    double lw;
    w = b - a;
    lw = w >= 0.5 ? log1p(-((1.0 - b) + a)) : log(w);
    r = -lw + cbern_g_small(t) + t*((1.0 - b) - a);
  }
  return r > 0.0 ? r : 0.0;
}

/*
** ---- CB(lambda) || Exp(r) for lambda < 2^-60: the tiny-lambda road. ----
** There eta = ln lambda - log1p(-lambda), |eta| = 2u > 41, and the KL is
**   Q(r m) + J_e,  J_e = log1p(lambda/(1 - 2 lambda)) + log1pmx(-k) >= 0,
**   k = |eta| lambda/(1 - 2 lambda) (= 2u/expm1(2u), e^eta = lambda/(1-lambda)
**   exactly, so neither k nor J_e depends on a rounded u),
**   r m - 1 = D/|eta|,  D = (r - |eta|) - r k
**     = (r + e ln2_hi) + e ln2_mid + e ln2_lo + ln f - log1p(-lambda) - r k,
** lambda = f 2^e, f in [1/sqrt2, sqrt2).  Near r = 1/m, D is tiny (1e-14
** for r the double nearest 1/m) while |eta| is up to 745, so D is not
** formed from a rounded |eta| (a double-double |eta| is good to 1e-31
** relative, 1e-29 absolute: relative error ~1e-15 in D, more when 1/m
** lies within 1e-2 ulp of r).  Instead each part is exact or tiny-error:
** r + e ln2_hi is exact (Sterbenz; ln2_hi has 21 bits, e 11), e ln2_mid
** an exact two-product, e ln2_lo (< 1.3e-23) rounded at 1e-39, ln f a
** double-double from the atanh series evaluated in double-double
** (absolute error about 1e-32), -log1p(-lambda) < 1e-18 rounded at
** 1e-34, r k (< 2e-15) with its fma residual; the parts are summed with
** compensation (error u |D| + 8 u^2 sum|parts| ~ 1e-16 |D| + 1e-31).
** So D (= (1 - k)(r - 1/m)) has absolute error about 2e-32 beyond its
** rounding u |D|: the KL ((D/|eta|)^2/2 + J_e) has a relative error at
** most about 4e-32/|r - 1/m| + 1e-15, below 1e-13 for
** |r - 1/m| > 4e-19, i.e. unless 1/m lies within 4e-19/ulp(r) of the
** double r: 6e-5 ulp for r < 64 (ulp(r) >= 7e-15 here), 4e-6 ulp for r
** near 745; a random 1/m is that close with probability below 1.2e-4.
** (The truth itself moves by far more under a change of lambda by one
** ulp.)  Measured with mpmath (a throwaway driver, 3000 lambdas in
** [5e-324, 2^-60]): ln f within 1.3e-32, D within u |D| + 0 (no excess
** seen); the KL within 6.6e-16 over 4500 cases r = nearest/next double
** to 1/m, within 2.9e-15 over 608 with r from 1e-300 to 1e300.
*/
#define CBERN_LN2_MID 1.9082149292705877e-10   /* ln2 - ln2_hi, rounded */
#define CBERN_LN2_LO3 1.1612227229362532e-26   /* ln2 - hi - mid, rounded */

static cbern_dd cbern_dd_add(cbern_dd a, cbern_dd b){
  cbern_dd s = cbern_2sum(a.hi, b.hi), t = cbern_2sum(a.lo, b.lo);
  s = cbern_fast2sum(s.hi, s.lo + t.hi);
  return cbern_fast2sum(s.hi, s.lo + t.lo);
}

static cbern_dd cbern_dd_mul(cbern_dd a, cbern_dd b){
  double p = a.hi*b.hi;
  double e = KL_FMA(a.hi, b.hi, -p) + (a.hi*b.lo + a.lo*b.hi);
  return cbern_fast2sum(p, e);
}

/*
** ln f for f in [1/sqrt2, sqrt2) as a double-double, absolute error about
** 1e-32: s = (f-1)/(f+1) (|s| <= 0.1716, z = s^2 <= 0.0295),
** ln f = 2s + 2 s z P(z), P(z) = sum_{j=0..22} z^j/(2j+3) by Horner in
** double-double (coefficients 1/n as hi + lo, lo from the exact residual
** of hi n; the omitted terms are below 2 s^3 z^23/49 < 1e-37).
*/
static cbern_dd cbern_log_f_dd(double f){
  double num = f - 1.0, rr;                     /* exact */
  cbern_dd den = cbern_2sum(f, 1.0), s, z, p, c;
  int j;
  s.hi = num / den.hi;
  rr = KL_FMA(-s.hi, den.hi, num);              /* exact residual */
  s.lo = (rr - s.hi*den.lo) / den.hi;
  s = cbern_fast2sum(s.hi, s.lo);
  z = cbern_dd_mul(s, s);
  p.hi = 0.0; p.lo = 0.0;
  for(j = 22; j >= 0; j--){
    double n = 2.0*j + 3.0;
    c.hi = 1.0/n;
    c.lo = KL_FMA(-c.hi, n, 1.0)/n;
    p = cbern_dd_add(cbern_dd_mul(p, z), c);
  }
  p = cbern_dd_add(s, cbern_dd_mul(cbern_dd_mul(s, z), p));
  p.hi *= 2.0; p.lo *= 2.0;
  return p;
}

/* KL(CB(lam) || Exp(rate)) for 0 < lam < 2^-60 (see above) */
static double cbern_kl_exp_tiny(double lam, double rate){
  int e, i;
  double f = frexp(lam, &e), de, x[9], s, c, a, k, q, rk, lm, r;
  cbern_dd lf, ae;
  if( f < 0.70710678118654752 ){ f *= 2.0; e -= 1; }
  de = (double)e;
  lf = cbern_log_f_dd(f);
  q = lam/(1.0 - 2.0*lam);                      /* e^eta/(1 - e^eta) */
  /* |eta| = -(e ln2 + ln f) + log1p(-lam), for k and ln m only */
  ae = cbern_fast2sum(-(de*CBERN_LN2_HI),
                      -((de*CBERN_LN2_MID + lf.hi) + (de*CBERN_LN2_LO3 + lf.lo))
                      + log1p(-lam));
  a = ae.hi + ae.lo;
  k = a*q;
  rk = rate*k;
  x[0] = rate + de*CBERN_LN2_HI;                /* exact near r = |eta| */
  x[1] = de*CBERN_LN2_MID;
  x[2] = KL_FMA(de, CBERN_LN2_MID, -x[1]);
  x[3] = de*CBERN_LN2_LO3;
  x[4] = lf.hi;
  x[5] = lf.lo;
  x[6] = -log1p(-lam);
  x[7] = -rk;
  x[8] = -KL_FMA(rate, k, -rk);
  s = x[0]; c = 0.0;                            /* Neumaier's sum: D */
  for(i = 1; i < 9; i++){
    double t = s + x[i];
    c += fabs(s) >= fabs(x[i]) ? (s - t) + x[i] : (x[i] - t) + s;
    s = t;
  }
  lm = log1p(-k) - log(a);                      /* ln m */
  r = cbern_q((s + c)/a, log(rate) + lm)
    + (log1p(q) + kl_log1pmx(-k));
  return r > 0.0 ? r : 0.0;
}

/* KL(CB(lambda) || Exponential(rate)) */
static double cbern_kl_exponential(const double *p, const double *q){
  double rate = q[0], t, u, r, lm;
  cbern_dd e;
  if( p[0] < 0x1p-60 ) return cbern_kl_exp_tiny(p[0], rate);
  e = cbern_eta(p[0]);
  t = 0.5*(e.hi + e.lo);
  u = fabs(t);
  if( t <= -1.0 ){
    /* m = (1 - k)/(2u); r m - 1 = ((r - 2u) - r k)/(2u), 2u = -eta */
    double k = 2.0*u/expm1(2.0*u);
    double rm1 = (((rate + e.hi) + e.lo) - rate*k) / (-(e.hi + e.lo));
    lm = log1p(-k) - log(2.0*u);
    r = cbern_q(rm1, log(rate) + lm)
      + (-cbern_h(u) + kl_log1pmx(-k));
  }else{
    double m = cbern_mean(t);
    lm = cbern_log_mean(t);
    r = cbern_q(rate*m - 1.0, log(rate) + lm)
      + (cbern_negent(t) + (1.0 + lm));
  }
  return r > 0.0 ? r : 0.0;
}

/* KL(CB(lambda) || Normal(loc, scale)) */
static double cbern_kl_normal(const double *p, const double *q){
  double mu = q[0], sg = q[1], t, u, J, V, hs, qv, dm, r;
  cbern_dd e = cbern_eta(p[0]);
  t = 0.5*(e.hi + e.lo);
  u = fabs(t);
  if( u >= 1.0 ){
    double k = 2.0*u/expm1(2.0*u);
    double y = u > 300.0 ? 0.0 : u/sinh(u);
    /* ln sqrt(2 pi e) - 1 */
    J = 0.41893853320467274178 + k - cbern_h(u) + 0.5*log1p(-y*y);
  }else{
    /* ln sqrt(2 pi e / 12) */
    J = cbern_negent(t) + 0.17648520831067258667 + 0.5*log1p(cbern_g2m(t));
  }
  V = 0.25*cbern_g2(t);
  hs = (0.5*V/sg)/sg;                               /* s/2, s = V/sg^2 */
  if( hs >= 0.25 && hs <= 1.0 ) qv = -0.5*kl_log1pmx(2.0*hs - 1.0);
  else qv = (hs - 0.5) - 0.5*(log(V) - 2.0*log(sg));
  dm = (cbern_mean(t) - mu)/sg;
  r = J + qv + 0.5*dm*dm;
  return r > 0.0 ? r : 0.0;
}

/* x/(x+y) for x, y > 0 without overflow */
static double cbern_frac(double x, double y){
  if( x <= y ){ double v = x/y; return v/(1.0 + v); }
  return 1.0/(1.0 + y/x);
}

/* B_2k / (2k), k = 1..12: the Binet (Stirling) series of lnGamma, digamma */
static const double cbern_binet[12] = {
  1.0/12, -1.0/120, 1.0/252, -1.0/240, 1.0/132, -691.0/32760, 1.0/12,
  -3617.0/8160, 43867.0/14364, -174611.0/6600, 77683.0/276, -236364091.0/65520
};

/*
** Beta(a, b) || CB(-u), u >= 1, 2 <= b, a <= b (a >> b makes the two
** parts below large and cancelling), a + b finite:
**   KL = KL(Gamma(a, a+b) || Exp(2u)) + Delta + h(u),
**   Delta = -H(Beta(a,b)) + H(Gamma(a, a+b))
**         = 1/2 log1pmx(v) + ((a-1) + 2v/(1+v))/(2b) + M,   v = a/b,
** and KL(Gamma(a, s) || Exp(2u)) = KL(Gamma(a, a) || Exp(1)) + Q(2u a/s),
**   M = mu(s) - mu(b) + (b-1) mu'(b) - (s-2) mu'(s),  s = a + b,
** mu the Binet function (lnGamma minus Stirling's formula), from its
** series with s^-n - b^-n = b^-n expm1(-n log1p(v)) (at b + N >= 10,
** the steps from b to b + N summed apart).  The first term is
** the Gamma KL (kl_gamma_term, accurate near 0); Delta = O(1/b^2) for
** a = 1 (the O(1/b) parts cancel analytically above): Beta(1, 2u+1)
** against CB(-u) is 1/(2b^2) + O(e^-2u) with nothing cancelling, where
** -H(Beta) + 2u a/s + L(u) would cancel terms of size ln(2u).
*/
/*
** phi(y) = mu(y) - mu(y+1) = (y + 1/2) ln(1 + 1/y) - 1 and its derivative,
** from z = 1/(2y+1) (y >= 2, z <= 1/5): ln(1 + 1/y) = 2 atanh z, so
** phi = z^2/3 + z^4/5 + ... and phi' = -2 sum_k 2k/(2k+1) z^(2k+1), with
** nothing to cancel.
*/
static double cbern_binet_step(double y, double *dphi){
  double z = 1.0/(2.0*y + 1.0), z2 = z*z, p = 0.0, q = 0.0;
  int k;
  for(k = 12; k >= 1; k--){
    p = p*z2 + 1.0/(2*k + 1);
    q = q*z2 + (2.0*k)/(2*k + 1);
  }
  *dphi = -2.0*z*z2*q;
  return z2*p;
}

static double cbern_beta_far(double a, double b, cbern_dd w){
  double u = 0.5*(w.hi + w.lo), c1, g;
  double s = a + b, v = a/b, d1, m = 0.0;
  double bb = b, lv, bp, sp, bn, sn;
  int k, j, nshift = 0;
  /* M at b < 10: mu(x) = mu(x + N) + sum_j<N phi(x + j), the same for
  ** mu', so the Binet series is summed at b + N >= 10 */
  if( b < 10.0 ){
    nshift = (int)ceil(10.0 - b);
    for(j = 0; j < nshift; j++){
      double d2, d1s, f2 = cbern_binet_step(b + j, &d2);
      double f1 = cbern_binet_step(s + j, &d1s);
      m += (f1 - f2) + (b - 1.0)*d2 - ((b - 1.0) + (a - 1.0))*d1s;
    }
    bb = b + nshift;
  }
  lv = log1p(a/bb); bp = 1.0/bb; sp = 1.0/(bb + a); bn = bp; sn = sp;
  for(k = 0; k < 12; k++){
    int n = 2*k + 1;                      /* odd power, then n + 1 */
    double dodd = bn * expm1(-n*lv), deven, term;
    bn *= bp; sn *= sp;                   /* b^-(n+1), s^-(n+1) */
    deven = bn * expm1(-(n+1)*lv);
    term = dodd/n + (b - 1.0)*deven + (a - 1.0)*sn;
    m += cbern_binet[k]*term;
    bn *= bp; sn *= sp;
    if( bn == 0.0 ) break;
  }
  d1 = 0.5*kl_log1pmx(v) + ((a - 1.0) + 2.0*v/(1.0 + v))/(2.0*b);
  /* KL(Gamma(a, s) || Exp(2u)) = KL(Gamma(a, a) || Exp(1)) + Q(c),
  ** c = 2u a/s, c - 1 = (a 2u - s)/s with 2u = w and s = a + b as
  ** double-doubles (their rounding to doubles would cost 1e-13 near
  ** c = 1) */
  {
    cbern_dd se = cbern_2sum(a, b);            /* s exactly */
    c1 = ((KL_FMA(a, w.hi, -se.hi) - se.lo) + a*w.lo) / s;
  }
  g = kl_gamma_term(a, a, 1.0, 1.0)
    + cbern_q(c1, (log(2.0*u) + log(a)) - log(s));
  return g + (d1 + m) + cbern_h(u);
}

/* KL(Beta(a, b) || CB(lambda)) */
static double cbern_beta_kl(const double *p, const double *q){
  double a = p[0], b = p[1], t, u, r;
  cbern_dd e = cbern_eta(q[0]);
  t = 0.5*(e.hi + e.lo);
  u = fabs(t);
  if( t >= 1.0 ){                                 /* x -> 1 - x */
    double x = a; a = b; b = x; t = -t;
    e.hi = -e.hi; e.lo = -e.lo;
  }
  if( t <= -1.0 && b >= 2.0 && a <= b && isfinite(a + b) ){
    cbern_dd w;                                   /* 2u = -eta */
    w.hi = -e.hi; w.lo = -e.lo;
    r = cbern_beta_far(a, b, w);
    return r > 0.0 ? r : 0.0;
  }
  r = kl_beta_neg_entropy(a, b);                 /* -H(Beta) >= 0 */
  if( u < 1.0 ){
    double s = a + b, f;
    if( isinf(s) ) f = (0.5*b - 0.5*a)/(0.5*a + 0.5*b);
    else f = (b - a)/s;
    r += cbern_g_small(t) + t*f;
  }else{
    /* t <= -1: A(eta) - eta a/(a+b) = 2u a/(a+b) + L(u) */
    r += 2.0*u*cbern_frac(a, b) + cbern_L(u);
  }
  return r > 0.0 ? r : 0.0;
}

/* P puts mass where Q has none */
static double cbern_inf(const double *p, const double *q){
  (void)p; (void)q;
  return INFINITY;
}

const kl_pair kl_pairs_cbern[] = {
  { KL_D_CBERN, KL_D_CBERN, cbern_kl },
  { KL_D_BETA, KL_D_CBERN, cbern_beta_kl },
  { KL_D_CBERN, KL_D_EXPONENTIAL, cbern_kl_exponential },
  { KL_D_CBERN, KL_D_NORMAL, cbern_kl_normal },
  { KL_D_CBERN, KL_D_UNIFORM, cbern_kl_uniform },
  { KL_D_UNIFORM, KL_D_CBERN, cbern_uniform_kl },
  { KL_D_CBERN, KL_D_PARETO, cbern_inf },
  { KL_D_EXPONENTIAL, KL_D_CBERN, cbern_inf },
  { KL_D_GAMMA, KL_D_CBERN, cbern_inf },
  { KL_D_GUMBEL, KL_D_CBERN, cbern_inf },
  { KL_D_LAPLACE, KL_D_CBERN, cbern_inf },
  { KL_D_NORMAL, KL_D_CBERN, cbern_inf },
  { KL_D_PARETO, KL_D_CBERN, cbern_inf },
  { 0, 0, 0 }
};

const kl_ent kl_ents_cbern[] = {
  { KL_D_CBERN, cbern_entropy },
  { 0, 0 }
};
