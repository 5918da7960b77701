/*
** core/cross.c — KL(P || Q) between members of different continuous
** families, one component, in nats (see core/dist.h for the contract of
** its table kl_pairs_cont[]).  The pairs are those PyTorch 1.13 registers
** between the continuous families, without continuous_bernoulli
** (core/cbern.c) and the low-rank MVN.
**
** Every KL is E_P[ln p] - E_P[ln q] in closed form, rearranged into a sum of
** parts that are each >= 0 (or a part that is a fixed positive constant,
** the least KL of P's family against Q's), so nothing cancels when P comes
** close to Q.  Notation: q(t) = t - 1 - ln t >= 0; relent(a, b) =
** a ln(a/b) - a + b = a q(b/a); G, g, E below; mu(x) is Binet's function
** lnGamma(x) - (x - 1/2) ln x + x - ln(2 pi)/2 (for all x > 0, by the
** recurrence mu(x) = mu(x+1) + (x + 1/2) ln(1 + 1/x) - 1 up to 10, then
** Stirling's series), psi(x) = ln x - 1/(2x) + mu'(x).
**
**  against a Normal(mu, sd) — P of mean m, variance V, t^2 = V/sd^2,
**  z = (m - mu)/sd:  KL = C_P + q(t^2)/2 + z^2/2, where C_P is the KL of P
**  against the normal of its own moments:
**    Laplace       C = (ln pi - 1)/2;  Gumbel  C = ln(pi^3/3)/2 - euler - 1/2
**    Uniform       C = (1 + ln(pi/6))/2; Exponential  C = (ln 2 pi - 1)/2
**    Gamma(k, r)   C = E(k) = 1/(2k) - mu(k) + (k-1) mu'(k)  (-> 1/(3k));
**                  t^2 - 1 = (k - (r sd)^2)/(r sd)^2 and k/r - mu =
**                  (k - r mu)/r by exact products (fma), since E(k) is tiny
**                  for huge k
**    Pareto(s, a)  (a > 2, else +Inf) C = (ln 2 pi - 1)/2 - log1pmx(-1/a)
**                  - log1p(-2/a)/2
**    Beta(a, b)    C = -log1p(1/S)/2 + 1/(2a) + 1/(2b) - 1/S + [mu(S) - mu(b)]
**                  + (b-1)[mu'(b) - mu'(S)] - mu(a) + (a-1)[mu'(a) - mu'(S)],
**                  S = a + b, b the larger (differences of mu by
**                  cross_mu_diff, which never subtracts two values of mu);
**                  for a, b >= 10 the O(1/a) parts cancel in closed form:
**                  C = (a-b)^2/(3abS) - log1pmx(1/S)/2 + O(a^-2) terms of
**                  Binet's series (C is O(1/a^2) for a near b); t^2 - 1
**                  and a/S - mu in double-doubles (S = a + b exactly)
**  Normal(m, s) || Laplace(mu, b): q(rho k) + 1/2 + ln(2/pi)
**                  + rho k expm1(-d^2/2)
**                  + (|m-mu|/b) erf(d/sqrt2), rho = s/b, k = sqrt(2/pi),
**                  d = |m-mu|/s (the last two >= 0 together)
**  against a Gumbel(mu, b) — y = E_P[-(x - mu)/b] shifted by ln E_P[e^..]:
**    Normal(m, s)  q(rho^2)/2 + (1 - ln(2 pi)/2) + expm1mx(w),
**                  rho = s/b, w = rho^2/2 - (m - mu)/b
**    Exponential(l) ln u - log1pmx(1/u) + expm1mx(mu/b - log1p(1/u)), u = l b
**    Gamma(k, r)   G(k) + ln(u/k) - k log1pmx(1/u) + expm1mx(mu/b - k log1p(1/u)),
**                  u = r b (for k >= 2, G(k) - ln(k)/2 and ln(u/sqrt k));
**                  where mu/b and k log1p(1/u) nearly cancel, w in
**                  double-doubles (also Normal's rho^2/2 - (m - mu)/b)
**    Uniform(l, h) f(A) + expm1mx(w), A = (h-l)/b, f(A) = ln(2 sinh(A/2)/A^2)
**                  + 1 >= 0.2, w = ln(sinh(A/2)/(A/2)) - ((l+h)/2 - mu)/b
**  Exponential(l) || Gamma(k, r): relent(k, r/l) + g(k),
**                  g(k) = lnGamma(k) + (k-1) euler - (k ln k - k + 1) >= 0
**  Gamma(k, r) || Exponential(l): q(k l/r) + G(k),
**                  G(k) = ln k + 1 - k - lnGamma(k) + (k-1) psi(k) >= 0
**                  near k = 1 both g and G by their Taylor series in k - 1
**                  (coefficients from zeta), so Gamma(1, r)||Exp(r) is 0;
**                  for large k by Binet's function; between, by the Bregman
**                  divergence of lnGamma (kl_lgamma_bregman) plus log1pmx/phi
**  Pareto(s, a)  (a > 1, else +Inf: E[x] is infinite)
**    || Exponential(l)  q(u) + c(a), u = l s a/(a-1),
**                  c(a) = 2 ln a - ln(a-1) - 1/a >= 0.82
**    || Gamma(k, r)     relent(k, u) + lnGamma(k) - k ln k + k - 1 + ln a
**                  - k log1pmx(-1/a), u = r s a/(a-1)
**  Uniform(l, h) (+Inf where [l, h] leaves Q's support)
**    || Exponential(r)  r l + A/2 - ln A, A = r (h - l)
**    || Gamma(k, r)     relent(k, M) + (k-1) J(e) + mu(k) + ln(2 pi)/2
**                  - ln(2 e sqrt k), M = r (l+h)/2, e = (h-l)/(h+l),
**                  J(e) = ln M - E ln(r x) = sum_j e^2j / (2j (2j+1))
**    || Pareto(s, a)    (a+1) E[ln(x/s)] - ln(a (h-l)/s), E[ln(x/s)] =
**                  ln((l+h)/2s) - J(e)
**    || Beta(a, b)      near a = b = 1: -ln(h-l) + D(1,a) + D(1,b) - D(2,a+b)
**                  - (a-1)(E ln x + 1) - (b-1)(E ln(1-x) + 1), the D by their
**                  zeta series (U(0,1)||Beta(1,1) is 0); for large a or b:
**                  S KLbern(a/S || c) + (a-1) J(e1) + (b-1) J(e2)
**                  + mu(a) + mu(b) - mu(S) + ln(2 pi)/2
**                  + ln(c (1-c) / ((h-l) sqrt(ab/S))), c = (l+h)/2;
**                  between, the textbook form (ln B from Bregman
**                  divergences of lnGamma: no lgamma in this file, so the
**                  digits do not depend on the libm)
**  Beta(a, b) || Uniform(l, h): KL_beta(a, b || 1, 1) + KL_unif(0, 1 || l, h)
**  Beta(a, b) || Gamma(k, r) (and Exponential = Gamma(1, r)):
**                  K0 + KL_gamma(a, S || k, r) + (a - k)(ln S - psi(S)),
**                  K0 = KL(Beta(a,b) || Gamma(a, S)) = [log1p(a/b) - a/S]/2
**                  + a/(2bS) + [mu(S) - mu(b)] + (b-1)[mu'(b) - mu'(S)]
**                  (-> 0 as b -> inf: Beta(1, b) || Exp(b+1) is 1/(2b^2));
**                  KL_gamma is taken at S^ = a + b rounded (err = a + b
**                  - S^ by two-sum); what that changes simplifies exactly
**                  to (k - r a/S^) e - k log1pmx(-e), e = err/S.  Where k
**                  is far from a (a Beta near 1 against a narrow gamma)
**                  the last two terms are instead, with S exact,
**                  k q(r a/(k S)) + (k-a) b/(2aS) - log1p((k-a)/a)/2
**                  + [mu(k) - mu(a)] - (k-a)[mu'(a) - mu'(S)]; of the two
**                  splits the one with the smaller sum of magnitudes.
**
** The always-infinite pairs (P's support reaches outside Q's for every
** parameter): Beta||Pareto (Beta puts mass on (0, min(1, s))), and
** {Exponential, Gamma, Gumbel, Laplace, Normal, Pareto} against any of
** Beta, Uniform (bounded) and {Gumbel, Laplace, Normal} against Exponential,
** Gamma (positive) and every one of them against Pareto (mass below s).
**
** +Inf exactly where the mathematics says so: Pareto||Exponential and
** Pareto||Gamma for alpha <= 1 and Pareto||Normal for alpha <= 2 (the
** mean or variance the cross-entropy needs is infinite), Uniform against
** Exponential/Gamma for low < 0, against Beta outside [0, 1], against
** Pareto below its scale, Beta||Uniform unless [0, 1] is inside [low, high].
** PyTorch 1.13's conditions agree (checked in tests/gen_cross_ref.py); it
** differs by float64 overflow (+Inf or NaN for finite KLs at extreme
** parameters) and by cancellation near the least KL (its relative error
** is recorded beside each case).
**
**                  Both splits cancel for a, b >= 1e5 near the gamma of
**                  the Beta's own mean and variance (the KL is O(a/(bS)),
**                  their parts O(1/a)); there (k within a factor 2 of
**                  a(S+1)/b, a/b within 1e-12 .. 1e12)
**                  an expansion about that gamma whose leading orders
**                  cancel on paper (cross_bg_near, its comment).
**
** Known limits (measured against the reference): none beyond 1e-13 in the
** tests; the gap to 1e-13 is margin.  Outside the tested ratios, Beta ||
** its moment-matched Gamma with a/b below 1e-10 (or above 1e10) takes the
** general splits and keeps fewer digits (3e-11 relative measured at
** a = 1e5, b = 1.2e137, where the KL is 3e-260; 3.5e-11 at a/b = 1.1e-10
** and 1e-11 at a = 1e200, b = 1e195, k = 1.011 k* before this road took
** those in).  Where the inputs themselves are
** ill-conditioned (the Gumbel exponent w = mu/b - k log1p(1/u) at |w| ~
** 700, e^w to |w| ulps) the error is ~|w| 1e-16.  Parameters below ~1e-308
** (subnormal) are handled without NaN, and +Inf is returned where the KL's
** leading term 1/a or k/a overflows.
**
** Reference: tests/gen_cross_ref.py (mpmath at 80 digits, the textbook
** E_P[ln p] - E_P[ln q], from the exact doubles).
*/
#include "dist.h"
#include "families.h"
#include "numeric.h"
#include "port.h"

#include <math.h>
#include <float.h>

#define CROSS_EULER 0.577215664901532860606512090082402431
#define CROSS_HLN2PI 0.918938533204672741780329736405617640   /* ln(2 pi)/2 */
#define CROSS_SQRT2PI 0.797884560802865355879892119868763737 /* sqrt(2/pi) */

/* Binet's series coefficients B_2k / (2k (2k-1)). */
static const double CROSS_BINET[] = {
  1.0/12, -1.0/360, 1.0/1260, -1.0/1680, 1.0/1188, -691.0/360360,
  1.0/156, -3617.0/122400
};

/* mu(x) and mu'(x) for x > 0 (see the top). */
static void cross_mu(double x, double *mu, double *dmu){
  double m = 0.0, dm = 0.0;
  int k;
  if( x < 1e-300 ){
    /* lnGamma(x) = -ln x - euler x + O(x^2): mu = -ln(x)/2 - ln(2 pi)/2
    ** + O(x ln x), mu' = -1/(2x) - ln x - euler + O(x) (the recurrence's
    ** 1/x overflows for subnormal x) */
    *mu = -0.5*log(x) - CROSS_HLN2PI;
    *dmu = (-0.5/x - log(x)) - CROSS_EULER;
    return;
  }
  while( x < 10.0 ){
    double l = log1p(1.0 / x);
    m += (x + 0.5)*l - 1.0;
    dm += l - 0.5*(1.0/x + 1.0/(x + 1.0));
    x += 1.0;
  }
  for(k=0; k<8; k++){
    m += CROSS_BINET[k] * pow(x, -(2*k + 1));
    dm -= CROSS_BINET[k] * (2*k + 1) * pow(x, -(2*k + 2));
  }
  *mu = m;
  *dmu = dm;
}

/*
** mu(x+a) - mu(x) and mu'(x) - mu'(x+a) for x, a > 0, with the increment a
** kept exact: the recurrence's terms differ by a log1p(1/y) + (x + 1/2)
** log1p(-a/(y(x+1))) and -log1p(-a/(y(x+1))) - (a/(xy) + a/((x+1)(y+1)))/2
** (y = x + a), the series' by x^-m expm1(-m log1p(a/x)).
*/
static void cross_mu_diff(double x, double a, double *dmu, double *ddmu){
  double d = 0.0, dd = 0.0, L, y;
  int k;
  while( x < 10.0 ){
    double t;
    double f;
    y = x + a;
    f = a / (y*(x + 1.0));
    /* ln(x (y+1) / (y (x+1))): the ratio's logs where f is near 1 */
    if( f <= 0.5 ) t = log1p(-f);
    else t = (log(x) + log1p(1.0 / y)) - log1p(x);
    d += a*log1p(1.0 / y) + (x + 0.5)*t;
    dd += -t - 0.5*((a/y)/x + a/((x + 1.0)*(y + 1.0)));
    x += 1.0;
  }
  L = log1p(a / x);
  for(k=0; k<8; k++){
    int m = 2*k + 1;
    d += CROSS_BINET[k] * pow(x, -m) * expm1(-m*L);
    dd += m * CROSS_BINET[k] * pow(x, -(m + 1)) * expm1(-(m + 1)*L);
  }
  *dmu = d;
  *ddmu = dd;
}

/* q(t) = t - 1 - ln t with dm1 = t - 1 given accurately and lt = ln t
** (used only far from 1) */
static double cross_q(double t, double dm1, double lt){
  if( t >= 0.5 && t <= 2.0 ) return -kl_log1pmx(dm1);
  if( isinf(t) ) return INFINITY;
  return dm1 - lt;
}

/* expm1(w) - w, +Inf beyond the range (never NaN) */
static double cross_em1mx(double w){
  if( w > 709.0 ){
    if( w > 1e300 ) return INFINITY;
    return exp(w) - w - 1.0;   /* Inf above ~709.78 */
  }
  return kl_expm1mx(w);
}

/* a - b for finite a, b, halved (*h = 1) where it overflows */
static double cross_gap(double a, double b, int *h){
  double d = a - b;
  *h = 0;
  if( isinf(d) ){ *h = 1; d = 0.5*a - 0.5*b; }
  return d;
}

/* z^2/2 for z = num/den (num possibly halved: h = 1) */
static double cross_hz2(double num, int h, double den){
  double z = num / den;
  if( h ) z *= 2.0;
  return (0.5*z)*z;
}

/*
** q(t^2)/2 given t (which may have left the range: 0 or Inf) and lt = ln t
** (accurate), with t^2 - 1 given (dm1) or NAN (formed here).  t^2/2 formed
** as (t/sqrt2)^2; +Inf where t^2/2 exceeds DBL_MAX.  cross_hq2: the same
** for t = c tn/td (tn, td, c > 0 finite), ln t from the parts.
*/
static double cross_hq2l(double t, double lt, double dm1){
  double t2 = t*t;
  if( t2 >= 0.5 && t2 <= 2.0 ){
    if( isnan(dm1) ) dm1 = KL_FMA(t, t, -1.0);
    return -0.5*kl_log1pmx(dm1);
  }
  if( lt > 355.0 ) return INFINITY;
  if( !(t > 1e-300 && t < 1e300) ) t = exp(lt);
  {
    double h = t*0.70710678118654752440;
    return (h*h - 0.5) - lt;
  }
}

static double cross_hq2(double tn, double td, double c, double dm1){
  double t = (tn / td)*c, lt;
  if( t > 1e-300 && t < 1e300 ) lt = log(t);
  else lt = (log(tn) - log(td)) + log(c);
  return cross_hq2l(t, lt, dm1);
}

/* ----------------------------------------------- one-parameter helpers */

/*
** Near k = 1 (x = k - 1, |x| <= 1/4), from lnGamma(1+x) = -euler x +
** sum_{n>=2} (-1)^n zeta(n) x^n / n and psi(1+x) = -euler + sum_{n>=2}
** (-1)^n zeta(n) x^(n-1):
**   g(k) = sum (-1)^n (zeta(n) - 1/(n-1)) x^n / n
**   G(k) = sum (-1)^n ((n-1) zeta(n) - 1) x^n / n
*/
static double cross_g_series(double x, int big){
  double s = 0.0, p = x*x;
  int n;
  for(n=2; n<=45; n++){
    double c = big ? ((n - 1)*kl_zetam1(n) + (n - 2)) / n
                   : (kl_zetam1(n) + (1.0 - 1.0/(n - 1))) / n;
    s += (n & 1) ? -c*p : c*p;
    p *= x;
  }
  return s;
}

/* g(k) = lnGamma(k) + (k-1) euler - (k ln k - k + 1) >= 0 */
static double cross_g(double k){
  if( k < 1e-300 ) return -log(k) - (CROSS_EULER + 1.0);   /* + O(k ln k) */
  if( k >= 0.75 && k <= 1.25 ) return cross_g_series(k - 1.0, 0);
  if( k < 10.0 ){
    double phi = k < 0.5 ? 1.0 - k + k*log(k) : kl_phi(k - 1.0);
    return kl_lgamma_bregman(1.0, k) - phi;
  }
  {
    double mu, dmu;
    cross_mu(k, &mu, &dmu);
    return ((k - 1.0)*CROSS_EULER - 0.5*log(k)) + (CROSS_HLN2PI - 1.0) + mu;
  }
}

/* Gt(k) = G(k) - ln(k)/2 for k >= 2: 1/2 - ln(2pi)/2 + E(k) */
static double cross_E_big(double k){
  double mu, dmu;
  cross_mu(k, &mu, &dmu);
  return 0.5/k - mu + (k - 1.0)*dmu;
}

/* G(k) = ln k + 1 - k - lnGamma(k) + (k-1) psi(k) >= 0, for k < 2 */
static double cross_G_small(double k){
  double l;
  if( k < 1e-300 ) return 1.0/k + (2.0*log(k) + CROSS_EULER);   /* + O(k) */
  if( k >= 0.75 && k <= 1.25 ) return cross_g_series(k - 1.0, 1);
  l = k >= 0.5 ? kl_log1pmx(k - 1.0) : log(k) - (k - 1.0);
  return kl_lgamma_bregman(k, 1.0) + l;
}

/* E(k) = KL(Gamma(k) || the normal of its moments) */
static double cross_E(double k){
  if( k >= 2.0 ) return cross_E_big(k);
  return (cross_G_small(k) - 0.5*log(k)) + (CROSS_HLN2PI - 0.5);
}

/* J(e) = sum_j e^2j / (2j (2j+1)) = -E ln(1 + e v), v uniform on [-1,1] */
static double cross_J(double e){
  if( e <= 0.5 ){
    double s = 0.0, e2 = e*e, p = e2;
    int j;
    for(j=1; j<=30; j++){
      s += p / (2.0*j*(2*j + 1));
      p *= e2;
    }
    return s;
  }
  if( e >= 1.0 ) return 1.0 - KL_LN2;
  return 1.0 - ((1.0 + e)*log1p(e) - (1.0 - e)*log1p(-e)) / (2.0*e);
}

/* double-double products (fma), for the few places that need them */
static kl_dd cross_two_prod(double a, double b){
  kl_dd r;
  r.hi = a*b;
  r.lo = KL_FMA(a, b, -r.hi);
  return r;
}
static kl_dd cross_dd_mul(kl_dd x, kl_dd y){
  kl_dd p = cross_two_prod(x.hi, y.hi);
  double lo = p.lo + (x.hi*y.lo + x.lo*y.hi);
  kl_dd r;
  r.hi = p.hi + lo;
  r.lo = lo - (r.hi - p.hi);
  return r;
}
static kl_dd cross_two_sum(double a, double b){
  kl_dd r;
  double bv;
  r.hi = a + b;
  bv = r.hi - a;
  r.lo = (a - (r.hi - bv)) + (b - bv);
  return r;
}

/*
** C(a, b) = KL(Beta(a, b) || the normal of its moments) for a, b >= 10,
** where Binet's series needs no recurrence.  The O(1/a) parts cancel in
** closed form ((a-b)^2 / (3 a b S)), so what is left, O(1/a^2) for a near
** b, keeps its digits:
**   C = (a-b)^2/(3abS) - log1pmx(1/S)/2 + (a^-2 + b^-2 - 2 S^-2)/12
**     + sum_{k>=2} c_k [ -(1+m)(a^-m + b^-m - S^-m) + m (a^-(m+1)
**       + b^-(m+1)) - 2m S^-(m+1) ],  m = 2k - 1.
*/
static double cross_beta_C_big(double a, double b){
  double S = a + b, d = a - b, v;
  int k;
  v = ((d / a)*(d / b)) / (3.0*S) - 0.5*kl_log1pmx(1.0 / S)
    + (1.0/12)*((pow(a, -2) + pow(b, -2)) - 2.0*pow(S, -2));
  for(k=1; k<8; k++){
    int m = 2*k + 1;
    v += CROSS_BINET[k]*(-(1.0 + m)*((pow(a, -m) + pow(b, -m)) - pow(S, -m))
                         + m*(pow(a, -m - 1) + pow(b, -m - 1))
                         - 2.0*m*pow(S, -m - 1));
  }
  return v;
}

/* ----------------------------------------------------------- the pairs */

static double cross_inf(const double *p, const double *q){
  (void)p; (void)q;
  return INFINITY;
}

/*
** Beta(a, b) || Gamma(k, r) for a, b >= 1e5, 1e-12 <= a/b <= 1e12 (and
** b <= 4 a^3) and k within a factor 2 of
** k* = a (S+1)/b, the shape of the gamma of the Beta's own mean and
** variance (S = a + b).  There the KL is O(a/(bS)) or less and both general
** splits below cancel; this one has no cancellation at the leading orders:
**   KL = k q(t) + F(k),  t = r a/(k S)   (rate change at fixed shape k;
**        F(k) = KL(Beta || Gamma(k, k S/a)), the gamma of the Beta's mean)
**   F(k) = F(k*) + F'(k*) k* e + q(1+e)/2 + B_mu(k, k*),  e = k/k* - 1
**        (exact for every k; for |e| large q(1+e)/2 dominates, so the one
**        signed part, F'(k*) k* e = O(e/S), never cancels much)
**        (Taylor with the exact Bregman remainder of phi(k) = lnGamma(k)
**        - k ln k + k = ln(2 pi)/2 - ln(k)/2 + mu(k); B_mu >= 0 is the
**        Bregman divergence of Binet's mu: c1 e^2/((1+e) k*)
**        + c2 (6e^2 + 8e^3 + 3e^4)/((1+e)^3 k*^3), c_j Binet's coefficients)
**   F(k*) = G - log1pmx(1/S)/2 + c2 T3 + c3 T5, with, worked out exactly by
**        sympy (rational algebra only) from lnGamma and psi in Binet's form,
**        G = (4a^3 b + a^3 + 4a^2 b^2 + 6a^2 b + a^2 + 2a b^2 + a b + b^2)
**            / (12 a b^2 S (S+1))   (every coefficient positive)
**          = rho/(3(S+1)) + (rho^2 + 6 rho + 2 + rho/b + 1/b + 1/a)/(12 S(S+1)),
**        rho = a/b, and T_n = S^-n - a^-n - b^-n + k*^-n - n(a - k*) a^-n-1
**        - n(b-1) b^-n-1 + n(S - k* - 1) S^-n-1 (the Binet term c_j x^-n of
**        every mu and mu' in the KL): T3 = b^-3 N(rho, 1/b)/(rho^3 (1+rho)^3
**        (1 + rho + 1/b)^3) with the polynomial N from sympy (its parts of
**        mixed sign are O(1/a^2, 1/b^2) of F, so their rounding is not
**        amplified), T5 directly (it is O(min(a,b)^-4) of F).
**   F'(k*) k* = 2/(3(S+1)) + u (10 + 12/rho + 2/rho^2 + (2 + 1/rho)/a)
**        / (12 S (S+1)) + the c2, c3 terms of mu' (u = a/S; again exact
**        rational algebra, all coefficients positive).
** Error bound: the Binet terms left out (c4 T7 ...) are below 1e-20 of F
** for a, b >= 1e5; with e and t - 1 from exact products (fma, the inputs
** scaled by 2^-600 where a product would overflow) the result is within
** ~1e-15 relative (measured: tests/gen_cross_ref.py, ids
** beta-gamma.near-moments.*).  Returns 0 where it does not apply.
*/
static int cross_bg_near(double a, double b, double S, double err,
                         double k, double r, double *out){
  double ks, e, rho, u, ik, F, W, hq, Bmu, kq;
  if( !(a >= 1e5 && b >= 1e5) || !isfinite(S) ) return 0;
  rho = a / b;
  /* T5 (below) is taken directly: its rounding, ~1e-16 (a^-5 + b^-5)/1260,
  ** is below 1e-16 of F >= a/(3bS) while b <= 4 a^3; e and t - 1 carry
  ** ~1e-32 absolute, below 1e-16 of the KL while a/b >= 1e-12 (and, at
  ** the other end, a/b <= 1e12 is where it is tested) */
  if( !(rho >= 1e-12 && rho <= 1e12) || !(b <= 4.0*a*a*a) ) return 0;
  u = a / S;
  ik = (b / a) / (S + 1.0);                   /* 1/k* */
  ks = a*((S + 1.0) / b);
  if( !isfinite(ks) || !(k >= 0.5*ks && k <= 2.0*ks) ) return 0;
  /* e = (k b - a(S+1)) / (a (S+1)),  S = S^ + err */
  {
    double s = (a*S > 1e290 || k*b > 1e290) ? 0x1p-600 : 1.0;
    double k1 = k*s, b1 = b*s, a1 = a*s, S1 = S*s, e1 = err*s;
    kl_dd p1 = cross_two_prod(k1, b1), p2 = cross_two_prod(a1, S1);
    double num = (p1.hi - p2.hi) + ((p1.lo - p2.lo) - a1*e1 - a1*s);
    e = num / (p2.hi*(1.0 + 1.0/S));
  }
  /* t - 1 = (r a - k S) / (k S) */
  {
    /* k, r >= a >= 1e5 here; scaled, the products stay in (1e-12, 1e308) */
    double s = (k*S > 1e290 || r*a > 1e290) ? 0x1p-500 : 1.0;
    double a1 = a*s, S1 = S*s, e1 = err*s, k1 = k*s, r1 = r*s;
    kl_dd p1 = cross_two_prod(r1, a1), p2 = cross_two_prod(k1, S1);
    double num = (p1.hi - p2.hi) + ((p1.lo - p2.lo) - k1*e1);
    double d = num / p2.hi, t = p1.hi / p2.hi;
    if( !(p1.hi > 1e-290 && p1.hi < DBL_MAX && p2.hi > 1e-290 && p2.hi < DBL_MAX)
        || !isfinite(d) ) return 0;
    if( d >= -0.5 && d <= 1.0 ) kq = -k*kl_log1pmx(d);
    else if( d < 0.0 ) kq = k*((t - 1.0) - log(t));
    else kq = k*(d - log1p(d));
  }
  /* F(k*) */
  {
    double be = 1.0 / b, G, T3, T5, N, D, am, bm, Sm, km, ak, sk;
    G = rho / (3.0*(S + 1.0))
      + ((rho*rho + 6.0*rho + 2.0 + rho*be + be + 1.0/a) / (12.0*S)) / (S + 1.0);
    {
      double c0, c1, c2, c3, c4;
      c0 = rho*rho*(rho*(rho*(rho*(rho*(rho*(rho*(-4.0*rho - 24.0) - 60.0)
           - 68.0) - 18.0) + 30.0) + 26.0) + 6.0);
      c1 = rho*(rho*(rho*(rho*(rho*(rho*(rho*(rho*(3.0*rho + 6.0) - 15.0)
           - 60.0) - 30.0) + 84.0) + 120.0) + 60.0) + 12.0);
      c2 = rho*(rho*(rho*(rho*(rho*(rho*(rho*(9.0*rho + 33.0) + 42.0) + 18.0)
           + 60.0) + 132.0) + 108.0) + 42.0) + 6.0;
      c3 = rho*(rho*(rho*(rho*(rho*(rho*(9.0*rho + 32.0) + 42.0) + 24.0)
           + 44.0) + 60.0) + 36.0) + 8.0;
      c4 = rho*(rho*(rho*(rho*(rho*(3.0*rho + 9.0) + 9.0) + 3.0) + 9.0)
           + 9.0) + 3.0;
      N = c0 + be*(c1 + be*(c2 + be*(c3 + be*c4)));
    }
    D = rho*rho*rho*(rho + 1.0)*(rho + 1.0)*(rho + 1.0)
      * (be + rho + 1.0)*(be + rho + 1.0)*(be + rho + 1.0);
    T3 = ((N / D)*be)*be*be;
    /* T5 directly: a - k* = -a(a+1)/b, S - k* - 1 = (S+1)(b-a)/b - 2 */
    am = pow(a, -5); bm = pow(b, -5); Sm = pow(S, -5); km = pow(ik, 5);
    ak = -a*((a + 1.0)/b);
    sk = (S + 1.0)*((b - a)/b) - 2.0;
    T5 = Sm - am - bm + km - 5.0*ak*(am/a) - 5.0*(b - 1.0)*(bm/b)
       + 5.0*sk*(Sm/S);
    F = G - 0.5*kl_log1pmx(1.0/S) + CROSS_BINET[1]*T3 + CROSS_BINET[2]*T5;
  }
  /* F'(k*) k* */
  {
    double iS = 1.0/S, ia = 1.0/a;
    W = 2.0/(3.0*(S + 1.0))
      + (u*(10.0 + 12.0/rho + 2.0/(rho*rho) + (2.0 + 1.0/rho)/a)/(12.0*S))/(S + 1.0);
    /* - (2j-1) c_j [1/kk^(2j-1) - kk a^-2j + kk S^-2j], kk = k*, j = 2, 3 */
    W += -3.0*CROSS_BINET[1]*(ik*ik*ik - ((S + 1.0)/b)*ia*ia*ia
                               + u*((S + 1.0)/b)*iS*iS*iS)
       - 5.0*CROSS_BINET[2]*(pow(ik, 5) - ((S + 1.0)/b)*pow(ia, 5)
                              + u*((S + 1.0)/b)*pow(iS, 5));
  }
  hq = -0.5*kl_log1pmx(e);
  Bmu = CROSS_BINET[0]*ik*(e*e/(1.0 + e))
      + CROSS_BINET[1]*ik*ik*ik*(e*e*(6.0 + e*(8.0 + 3.0*e))/((1.0 + e)*(1.0 + e)*(1.0 + e)));
  *out = kq + (F + W*e + hq + Bmu);
  if( !(*out >= 0.0) ) *out = 0.0;
  return 1;
}

/* Beta(a, b) || Gamma(k, r) */
static double cross_beta_gamma_t(double a, double b, double k, double r){
  double S = a + b, err, bb, K0, dmu, ddmu, u, lg;
  bb = S - a;
  err = (a - (S - bb)) + (b - bb);     /* a + b = S + err exactly */
  if( isinf(S) ) return INFINITY;
  {
    double w;
    if( cross_bg_near(a, b, S, err, k, r, &w) ) return w;
  }
  u = a / S;
  if( u <= 0.5 ) lg = -kl_log1pmx(-u);
  else lg = (b / S > 1e-300 ? -log(b / S) : log(S) - log(b)) - u;
  cross_mu_diff(b, a, &dmu, &ddmu);
  K0 = 0.5*lg + 0.5*((a / S) / b) + dmu + (b - 1.0)*ddmu;
  {
    /*
    ** KL_gamma(a, S || k, r) + (a - k)(ln S - psi(S)) in closed form with
    ** S exact, rearranged so the parts of order k/a do not cancel:
    **   k q(t) + (k-a) b/(2aS) - log1p(v)/2 + [mu(k) - mu(a)]
    **   - (k-a)[mu'(a) - mu'(S)],  t = r a/(k S), v = (k - a)/a
    ** (from D(a,k) - relent(k,a) = -log1pmx(v)/2 + the Bregman divergence
    ** of mu); t - 1 = (r a - k S)/(k S) by fma with S = S^ + err.
    */
    double v1 = (k - a) / a, lv, mud, ddm, dmaS, dummy, kq, lin, h1, h2, num;
    if( v1 >= -0.5 ) lv = -0.5*log1p(v1);
    else lv = -0.5*(log(k) - log(a));
    if( k >= a ){ cross_mu_diff(a, k - a, &mud, &ddm); }
    else{ cross_mu_diff(k, a - k, &mud, &ddm); mud = -mud; }
    cross_mu_diff(a, b, &dummy, &dmaS);
    lin = 0.5*(k - a)*((b / a) / S);
    h1 = r*a;
    h2 = k*S;
    if( isfinite(h1) && isfinite(h2) && h1 > 1e-290 && h2 > 1e-290 ){
      double t = h1 / h2;
      num = ((h1 - h2) + (KL_FMA(r, a, -h1) - KL_FMA(k, S, -h2))) - k*err;
      if( t >= 0.5 && t <= 2.0 ) kq = -k*kl_log1pmx(num / h2);
      else kq = k*((t - 1.0) - log(t));
    }else{
      double lt = (log(r) + log(a)) - (log(k) + log(S));
      kq = lt > 709.0 ? INFINITY : k*(expm1(lt) - lt);
    }
    {
      double v = K0 + kq + lin + lv + mud - (k - a)*dmaS;
      double mag = K0 + fabs(kq) + fabs(lin) + fabs(lv) + fabs(mud)
                 + fabs((k - a)*dmaS);
      /* the other split: KL_gamma(a, S^ || k, r) + (a - k)(ln S - psi(S))
      ** + T, T = (k - r a/S^) e - k log1pmx(-e), e = err/S (what taking
      ** KL_gamma at the rounded S^ changes, simplified exactly); better
      ** where k is near a (KL_gamma's own split keeps its digits) */
      double mu, dmuS, delta, g, e = err / S, kra, T;
      cross_mu(S, &mu, &dmuS);
      delta = 0.5/S - dmuS;
      g = kl_gamma_term(a, S, k, r);
      {
        double h = k*S;
        if( isfinite(h) && h > 1e-290 && isfinite(r*a) )
          kra = (KL_FMA(-r, a, h) + KL_FMA(k, S, -h)) / S;
        else kra = k - r*(a / S);
      }
      T = kra*e - k*kl_log1pmx(-e);
      {
        double v2 = K0 + g + (a - k)*delta + T;
        double mag2 = K0 + fabs(g) + fabs((a - k)*delta) + fabs(T);
        if( !(mag < mag2) || isnan(v) ){ v = v2; }
      }
      /* NaN: two parts beyond the range (a parameter near 1e-308 or a
      ** shape k near 1e308 against 1/a): the KL is of that order too */
      if( isnan(v) ) return INFINITY;
      return v < 0.0 ? 0.0 : v;
    }
  }
}

static double cross_beta_gamma(const double *p, const double *q){
  return cross_beta_gamma_t(p[0], p[1], q[0], q[1]);
}

static double cross_beta_exponential(const double *p, const double *q){
  return cross_beta_gamma_t(p[0], p[1], 1.0, q[0]);
}

/* Beta(a, b) || Normal(mu, sd) */
static double cross_beta_normal(const double *p, const double *q){
  double a = p[0], b = p[1], mu = q[0], sd = q[1];
  double S, C, dmu, ddmu, mua, dmua, muS, dmuS, pa, pb, v, z;
  if( a > b ){ double t = a; a = b; b = t; }   /* C is symmetric */
  S = a + b;
  if( isinf(S) ) S = DBL_MAX;
  if( a >= 10.0 && isfinite(a + b) ){
    C = cross_beta_C_big(a, b);
  }else{
    cross_mu_diff(b, a, &dmu, &ddmu);
    cross_mu(a, &mua, &dmua);
    cross_mu(S, &muS, &dmuS);
    C = ((0.5/a + 0.5/b) - 1.0/S) - 0.5*log1p(1.0/S)
      + dmu + (b - 1.0)*ddmu - mua + (a - 1.0)*(dmua - dmuS);
  }
  /* the moments with P's own a, b (not swapped) */
  pa = p[0] / S;
  pb = p[1] / S;
  v = (sqrt(pa)*sqrt(pb)) / sqrt(S + 1.0);   /* P's sd */
  z = pa - mu;
  if( fabs(S*mu) < 1e300 && fabs(S*mu) > 1e-290 ){
    /* a/S - mu = (a - S mu)/S with S = a + b exactly (two-sum) and S mu
    ** by fma: the mean's rounding would dominate z for huge a, b */
    double Sh = p[0] + p[1], bv = Sh - p[0];
    double Sl = (p[0] - (Sh - bv)) + (p[1] - bv);
    z = (KL_FMA(-Sh, mu, p[0]) - Sl*mu) / Sh;
  }
  {
    double t = v / sd, lt, r;
    if( t > 1e-300 && t < 1e300 ) lt = log(t);
    else lt = 0.5*((log(p[0]) + log(p[1])) - log1p(S)) - log(S) - log(sd);
    double dm1 = NAN;
    if( t >= 0.7 && t <= 1.4 && a >= 10.0 && S < 1e90 && sd > 1e-100 ){
      /* t^2 - 1 = (a b - S^2 (S+1) sd^2) / (S^2 (S+1) sd^2), S = a + b
      ** and S + 1 exact (two-sums), the products in double-doubles */
      kl_dd Sd = cross_two_sum(p[0], p[1]), S1, N, Dn;
      S1 = cross_two_sum(Sd.hi, 1.0);
      S1.lo += Sd.lo;
      N = cross_two_prod(p[0], p[1]);
      Dn = cross_dd_mul(cross_dd_mul(Sd, Sd), S1);
      Dn = cross_dd_mul(Dn, cross_two_prod(sd, sd));
      dm1 = ((N.hi - Dn.hi) + (N.lo - Dn.lo)) / Dn.hi;
    }
    r = C + cross_hq2l(t, lt, dm1) + cross_hz2(z, 0, sd);
    /* NaN: a or b below ~1e-308, where C > 1/(2 min(a, b)) overflows */
    return isnan(r) ? INFINITY : r;
  }
}

/* Beta(a, b) || Uniform(l, h) */
static double cross_beta_uniform(const double *p, const double *q){
  double u = kl_uniform_term(0.0, 1.0, q[0], q[1]);
  if( isinf(u) ) return INFINITY;
  return kl_beta_neg_entropy(p[0], p[1]) + u;
}

/* Exponential(l) || Gamma(k, r) */
static double cross_exponential_gamma(const double *p, const double *q){
  double l = p[0], k = q[0], r = q[1], t = r / l, d, kl;
  kl = k*l;
  if( isfinite(kl) && fabs(kl) > 1e-290 ) d = KL_FMA(k, l, -r) / l;
  else d = k - t;
  if( t < 1e-300 )   /* relent(k, t) = k (ln k - ln t - 1) + t */
    return k*((log(k) - (log(r) - log(l))) - 1.0) + t + cross_g(k);
  return kl_relent_d(k, t, d) + cross_g(k);
}

/* Exponential(l) || Gumbel(mu, b) */
static double cross_exponential_gumbel(const double *p, const double *q){
  double l = p[0], mu = q[0], b = q[1], u = l*b, lu, iu, h, w;
  if( isfinite(u) && u >= DBL_MIN ){ lu = log(u); iu = 1.0/u; }
  else{
    lu = log(l) + log(b);
    iu = (1.0 / l) / b;          /* 1/u without exp's |ln u| ulps */
    if( !(isfinite(iu) && iu > 1e-300) ) iu = exp(-lu);
  }
  if( isinf(iu) ) return INFINITY;   /* 1/u > DBL_MAX */
  h = lu - kl_log1pmx(iu);
  if( isinf(h) ) return INFINITY;
  w = mu / b - log1p(iu);
  return h + cross_em1mx(w);
}

/* Exponential(l) || Normal(mu, sd): C + q(1/(l sd)^2)/2 + z^2/2 */
static double cross_exponential_normal(const double *p, const double *q){
  double l = p[0], mu = q[0], sd = q[1], ls = l*sd, hz;
  if( isfinite(ls) && ls > 1e-290 && fabs(l*mu) < 1e300 )
    hz = cross_hz2(KL_FMA(-l, mu, 1.0), 0, ls);
  else{
    int h;
    double g = cross_gap(1.0 / l, mu, &h);
    hz = cross_hz2(g, h, sd);
  }
  /* t = 1/(l sd): its logarithm from the parts (l sd may leave the range) */
  {
    double t = 1.0 / ls, lt, hq;
    if( ls > 1e-300 && ls < 1e300 ) lt = -log(ls);
    else lt = -(log(l) + log(sd));
    if( lt > 355.0 ) return INFINITY;
    if( t >= 0.7 && t <= 1.4 ) hq = -0.5*kl_log1pmx(KL_FMA(t, t, -1.0));
    else{
      double h;
      if( !(ls > 1e-300 && ls < 1e300) ) t = exp(lt);
      h = t*0.70710678118654752440;
      hq = (h*h - 0.5) - lt;
    }
    return (CROSS_HLN2PI - 0.5) + hq + hz;
  }
}

/* Gamma(k, r) || Exponential(l): q(k l / r) + G(k) */
static double cross_gamma_exponential(const double *p, const double *q){
  double k = p[0], r = p[1], l = q[0], kl = k*l, u = kl / r, d, lu, G;
  if( isfinite(kl) && kl > 1e-290 ) d = KL_FMA(k, l, -r) / r;
  else d = u - 1.0;
  if( u > 1e-300 && u < 1e300 ) lu = log(u);
  else{
    /* k l / r from the parts (k l may underflow where k l / r does not) */
    lu = (log(k) + log(l)) - log(r);
    u = exp(lu);
    d = u - 1.0;
  }
  if( k < 2.0 ) G = cross_G_small(k);
  else G = 0.5*log(k) + (0.5 - CROSS_HLN2PI) + cross_E_big(k);
  if( !(u >= 0.5 && u <= 2.0) && isinf(u) ){
    /* k l / r beyond the range: q(u) = u (1 - (1 + ln u)/u) */
    return INFINITY;
  }
  return cross_q(u, d, lu) + G;
}

/* Gamma(k, r) || Gumbel(mu, b) */
static double cross_gamma_gumbel(const double *p, const double *q){
  double k = p[0], r = p[1], mu = q[0], b = q[1], u = r*b, lu, iu, base, w;
  if( isfinite(u) && u >= DBL_MIN ){ lu = log(u); iu = 1.0/u; }
  else{
    lu = log(r) + log(b);
    iu = (1.0 / r) / b;          /* 1/u without exp's |ln u| ulps */
    if( !(isfinite(iu) && iu > 1e-300) ) iu = exp(-lu);
  }
  if( k < 2.0 ){
    base = cross_G_small(k) + (lu - log(k));
  }else{
    /* G(k) + ln(u/k) = [G(k) - ln(k)/2] + ln(u/sqrt k) */
    double sk = sqrt(k), rr = u / sk, lr;
    if( isfinite(u) && rr > 1e-300 && rr < 1e300 ) lr = log(rr);
    else lr = lu - 0.5*log(k);
    base = (0.5 - CROSS_HLN2PI) + cross_E_big(k) + lr;
  }
  if( isinf(base) ) return INFINITY;
  if( iu > 1e300 ){
    /* -k log1pmx(1/u) = k/u - k log1p(1/u), k/u from the parts, and
    ** log1p(1/u) = -ln u */
    double lku = log(k) - lu, ku = (k / r) / b;
    if( lku > 709.0 ) return INFINITY;
    if( !(isfinite(ku) && ku > 1e-300) ) ku = exp(lku);
    base += ku + k*lu;
    w = mu / b + k*lu;
  }else{
    base -= k*kl_log1pmx(iu);
    w = mu / b - k*log1p(iu);
    if( iu < 1e-3 && u < 1e300 && fabs(w) < 1e-3*fabs(mu / b)
     && isfinite(k*iu) && fabs(mu / b) > 1e-280 ){
      /* mu/b and k log1p(1/u) nearly equal (a huge shape against the
      ** Gumbel that fits it): w in double-doubles, mu/b and 1/u with
      ** their remainders (fma), log1p(x) = x + log1pmx(x) */
      double y = mu / b, ylo = KL_FMA(-y, b, mu) / b;
      kl_dd uu = cross_two_prod(r, b), kx;
      double xh = 1.0 / uu.hi, xl = (KL_FMA(-xh, uu.hi, 1.0) - xh*uu.lo) / uu.hi;
      kx = cross_two_prod(k, xh);
      w = (y - kx.hi) + ((ylo - kx.lo) - k*xl - k*kl_log1pmx(xh));
    }
  }
  if( isinf(base) ) return INFINITY;
  /* mu/b and k log1p(1/u) both beyond the range: so is |w| (the KL is at
  ** least |w| - 1) */
  if( isnan(w) ) return INFINITY;
  {
    double v = base + cross_em1mx(w);
    return v < 0.0 ? 0.0 : v;
  }
}

/* Gamma(k, r) || Normal(mu, sd): E(k) + q(t^2)/2 + z^2/2, t = sqrt(k)/(r sd) */
static double cross_gamma_normal(const double *p, const double *q){
  double k = p[0], r = p[1], mu = q[0], sd = q[1];
  double rs = r*sd, dm1 = NAN, hz;
  if( isfinite(rs) && rs > 1e-290 ){
    /* (r sd)^2 as P + Pl exactly enough: t^2 - 1 = (k - P - Pl)/P, all
    ** scaled by powers of 2 (exact) so that r sd is near 1 */
    int e = ilogb(rs);
    double rsl = ldexp(KL_FMA(r, sd, -rs), -e), rs1 = ldexp(rs, -e);
    double P = rs1*rs1, Pl = KL_FMA(rs1, rs1, -P) + 2.0*rs1*rsl;
    double k1 = ldexp(k, -2*e);
    if( isfinite(k1) && k1 > 1e-290 ) dm1 = ((k1 - P) - Pl) / P;
  }
  if( isfinite(rs) && rs > 1e-290 && fabs(r*mu) < 1e300 )
    hz = cross_hz2(KL_FMA(-r, mu, k), 0, rs);
  else{
    int h;
    double g = cross_gap(k / r, mu, &h);
    hz = cross_hz2(g, h, sd);
  }
  return cross_E(k) + cross_hq2(sqrt(k), r, 1.0 / sd, dm1) + hz;
}

/* Gumbel(m, b) || Normal(mu, sd) */
static double cross_gumbel_normal(const double *p, const double *q){
  int h;
  double g = cross_gap(p[0], q[0], &h), num;
  /* t = b pi/sqrt6 / sd; z = (m - mu + b euler)/sd */
  num = h ? g + 0.5*(p[1]*CROSS_EULER) : g + p[1]*CROSS_EULER;
  return 0.090573019538512554911
       + cross_hq2(p[1], q[1], 1.2825498301618640955, NAN)
       + cross_hz2(num, h, q[1]);
}

/* Laplace(m, b) || Normal(mu, sd) */
static double cross_laplace_normal(const double *p, const double *q){
  int h;
  double g = cross_gap(p[0], q[0], &h);
  return 0.072364942924700087072
       + cross_hq2(p[1], q[1], 1.41421356237309504880, NAN)
       + cross_hz2(g, h, q[1]);
}

/* Normal(m, s) || Gumbel(mu, b) */
static double cross_normal_gumbel(const double *p, const double *q){
  int h;
  double g = cross_gap(p[0], q[0], &h), rho = p[1] / q[1], y, w;
  y = g / q[1];
  if( h ) y *= 2.0;
  w = 0.5*rho*rho - y;
  /* rho^2/2 and y both beyond the range: |w| is too */
  if( isinf(rho) || isnan(w) ) return INFINITY;
  if( !h && fabs(w) < 1e-3*fabs(y) && fabs(y) < 1e300 && fabs(y) > 1e-280
   && rho > 1e-140 && rho < 1e140 ){
    /* rho^2/2 and y nearly equal: w in double-doubles (the quotients with
    ** their fma remainders, m - mu by two-sum) */
    kl_dd gm = cross_two_sum(p[0], -q[0]), r2;
    double rl = KL_FMA(-rho, q[1], p[1]) / q[1];
    double yl;
    y = gm.hi / q[1];
    yl = (KL_FMA(-y, q[1], gm.hi) + gm.lo) / q[1];
    r2 = cross_two_prod(rho, rho);
    w = (0.5*r2.hi - y) + ((0.5*r2.lo + rho*rl) - yl);
  }
  return cross_hq2(p[1], q[1], 1.0, NAN) + 0.081061466795327258220
       + cross_em1mx(w);
}

/* Normal(m, s) || Laplace(mu, b) */
static double cross_normal_laplace(const double *p, const double *q){
  int h;
  double g = fabs(cross_gap(p[0], q[0], &h)), s = p[1], b = q[1];
  double rk = (s / b)*CROSS_SQRT2PI, d, lin, lr;
  if( rk > 1e-300 && rk < 1e300 ) lr = log(rk);
  else lr = (log(s) - log(b)) + log(CROSS_SQRT2PI);
  d = g / s;
  if( h ) d *= 2.0;
  lin = g / b;
  if( h ) lin *= 2.0;
  if( isinf(rk) || isinf(lin) ) return INFINITY;
  return cross_q(rk, rk - 1.0, lr) + 0.048417294710545135274
       + (rk*expm1(-0.5*d*d) + lin*erf(d*0.70710678118654752440));
}

/* Pareto(s, a) || Exponential(l) */
static double cross_pareto_exponential(const double *p, const double *q){
  double s = p[0], a = p[1], l = q[0], am1, u, lu, c;
  if( a <= 1.0 ) return INFINITY;
  am1 = a - 1.0;
  u = (l*s)*(a / am1);
  if( u > 1e-300 && u < 1e300 && isfinite(l*s) ) lu = log(u);
  else lu = (log(l) + log(s)) + log(a / am1);
  if( isinf(u) ) return INFINITY;
  if( a >= 2.0 ) c = log(a) - kl_log1pmx(-1.0 / a);
  else c = (2.0*log(a) - log(am1)) - 1.0 / a;
  return cross_q(u, u - 1.0, lu) + c;
}

/* Pareto(s, a) || Gamma(k, r) */
static double cross_pareto_gamma(const double *p, const double *q){
  double s = p[0], a = p[1], k = q[0], r = q[1], am1, u, R;
  double la1;   /* -log1pmx(-1/a) = ln(a/(a-1)) - 1/a */
  if( a <= 1.0 ) return INFINITY;
  am1 = a - 1.0;
  la1 = a >= 2.0 ? -kl_log1pmx(-1.0 / a) : (log(a) - log(am1)) - 1.0 / a;
  u = (r*s)*(a / am1);
  if( isinf(u) ) return INFINITY;
  {
    /* lnGamma(k) - k ln k + k = -ln(k)/2 + ln(2 pi)/2 + mu(k) */
    double mu, dmu, rr = sqrt(k) / a, lr;
    cross_mu(k, &mu, &dmu);
    lr = rr > 1e-300 && rr < 1e300 ? log(rr) : 0.5*log(k) - log(a);
    R = (CROSS_HLN2PI - 1.0) + mu - lr + k*la1;
  }
  if( u < 1e-290 ){
    /* relent(k, u) = k (ln k - ln u - 1) + u, ln u from the parts */
    double lu = (log(r) + log(s)) + log(a / am1);
    return k*((log(k) - lu) - 1.0) + u + R;
  }
  return kl_relent(k, u) + R;
}

/* Pareto(s, a) || Normal(mu, sd) */
static double cross_pareto_normal(const double *p, const double *q){
  double s = p[0], a = p[1], mu = q[0], sd = q[1], am1, C, sdp, m;
  int h;
  if( a <= 2.0 ) return INFINITY;
  am1 = a - 1.0;
  if( a >= 4.0 )
    C = (CROSS_HLN2PI - 0.5) - kl_log1pmx(-1.0 / a) - 0.5*log1p(-2.0 / a);
  else
    C = (CROSS_HLN2PI - 0.5) + (1.5*log(a) - log(am1) - 0.5*log(a - 2.0))
      - 1.0 / a;
  /* sd of P: s sqrt(a/(a-2)) / (a-1); its mean s a/(a-1) */
  sdp = sqrt(a / (a - 2.0)) / am1;   /* P's sd over s */
  m = s / am1;   /* the mean is s + s/(a-1) */
  {
    double g = cross_gap(s, mu, &h);
    if( !h && isfinite(g + m) ) g += m;
    else{ g = 0.5*s - 0.5*mu + 0.5*m; h = 1; }
    return C + cross_hq2(s, sd, sdp, NAN) + cross_hz2(g, h, sd);
  }
}

/* Uniform(l, h) || Beta(a, b) */
static double cross_uniform_beta(const double *p, const double *q){
  double l = p[0], h = p[1], a = q[0], b = q[1], w = h - l;
  double c, c1, e1, e2, lw;
  if( l < 0.0 || h > 1.0 ) return INFINITY;
  c = 0.5*(l + h);
  c1 = 0.5*((1.0 - l) + (1.0 - h));
  e1 = w / (h + l);
  e2 = w / ((1.0 - l) + (1.0 - h));
  /* ln w = log1p((h - 1) - l), h - 1 exact for h >= 1/2 */
  lw = w >= 0.5 ? log1p((h - 1.0) - l) : log(w);
  if( fabs(a - 1.0) <= 0.25 && fabs(b - 1.0) <= 0.25 ){
    /* L1 + 1 = E ln x + 1, L2 + 1 = E ln(1-x) + 1 */
    double x = a - 1.0, y = b - 1.0, s = x + y, L1, L2, ser = 0.0;
    double px = x, py = y, ps = s;
    int n;
    for(n=2; n<=45; n++){
      double t;
      px *= x; py *= y; ps *= s;
      t = (kl_zeta(n)*(px + py) - kl_zetam1(n)*ps) / n;
      ser += (n & 1) ? -t : t;
    }
    if( e1 <= 0.5 ) L1 = ((log(l + h) - KL_LN2) + 1.0) - cross_J(e1);
    else L1 = (h*log(h) - (l > 0.0 ? l*log(l) : 0.0)) / w;
    if( e2 <= 0.5 ) L2 = (log1p(-c) + 1.0) - cross_J(e2);
    else{
      double A = 1.0 - l, B = 1.0 - h;
      L2 = (A*log1p(-l) - (B > 0.0 ? B*log1p(-h) : 0.0)) / w;
    }
    {
      double v = (-lw + ser) - (x*L1 + y*L2);
      return v < 0.0 ? 0.0 : v;
    }
  }
  if( a <= 4.0 && b <= 4.0 ){
    double L1 = ((log(l + h) - KL_LN2) - cross_J(e1));
    double L2 = (log(c1) - cross_J(e2));
    /* ln B(a, b) = D(1,a) + D(1,b) - D(2,a+b) - (a+b-2), D the Bregman
    ** divergence of lnGamma (kl_lgamma_bregman; no lgamma: the same digits
    ** on every C library; the euler terms cancel exactly) */
    double lB = (kl_lgamma_bregman(1.0, a) + kl_lgamma_bregman(1.0, b))
              - kl_lgamma_bregman(2.0, a + b) - ((a - 1.0) + (b - 1.0));
    double v = -lw + lB - (a - 1.0)*L1 - (b - 1.0)*L2;
    return v < 0.0 ? 0.0 : v;
  }
  {
    double S = a + b, Sc, Sc1, kb, mua, dmua, mub, dmub, muS, dmuS;
    double lhsd, lr;
    if( isinf(S) ) return INFINITY;
    /* S KLbern(a/S || c) = relent(a, S c) + relent(b, S c1) */
    Sc = 0.5*(S*(l + h));
    Sc1 = S*c1;
    kb = kl_relent_d(a, Sc, a - Sc) + kl_relent_d(b, Sc1, b - Sc1);
    cross_mu(a, &mua, &dmua);
    cross_mu(b, &mub, &dmub);
    cross_mu(S, &muS, &dmuS);
    /* ln(c c1 / (w sqrt(a b / S))) */
    {
      double ab = (a / S)*b;
      lhsd = ab > 1e-300 ? 0.5*log(ab) : 0.5*((log(a) + log(b)) - log(S));
    }
    lr = ((log(l + h) - KL_LN2) + log(c1)) - (lw + lhsd);
    {
      double v = kb + (a - 1.0)*cross_J(e1) + (b - 1.0)*cross_J(e2)
               + (mua + mub - muS) + CROSS_HLN2PI + lr;
      return v < 0.0 ? 0.0 : v;
    }
  }
}

/* Uniform(l, h) || Exponential(r) */
static double cross_uniform_exponential(const double *p, const double *q){
  double l = p[0], h = p[1], r = q[0], hw, ha;
  if( l < 0.0 ) return INFINITY;
  hw = h - l;                      /* no overflow: l >= 0 */
  ha = 0.5*(r*hw);                 /* A/2 */
  if( isinf(r*hw) ) ha = r*(0.5*hw);
  if( ha > 1e-300 && isfinite(ha) )
    return r*l + (ha - (KL_LN2 + log(ha)));
  return r*l + (ha - (log(r) + log(hw)));
}

/* Uniform(l, h) || Gamma(k, r) */
static double cross_uniform_gamma(const double *p, const double *q){
  double l = p[0], h = p[1], k = q[0], r = q[1];
  double hs, hw, e, M, mu, dmu, le;
  if( l < 0.0 ) return INFINITY;
  double hsl, dkM;
  if( isfinite(h + l) ){
    double sum = h + l;
    hs = 0.5*sum;
    hsl = 0.5*((h - sum) + l);    /* two-sum: hs + hsl = (l + h)/2 */
    e = (h - l) / sum;
  }else{
    hs = 0.5*h + 0.5*l;
    hsl = (0.5*h - hs) + 0.5*l;
    hw = 0.5*h - 0.5*l;
    e = hw / hs;
  }
  M = r*hs;
  if( isinf(M) ) return INFINITY;
  if( M > 1e-290 ) dkM = (k - M) - (KL_FMA(r, hs, -M) + r*hsl);
  else dkM = k - M;
  cross_mu(k, &mu, &dmu);
  le = log(2.0*e*sqrt(k));
  {
    double lhs = isfinite(h + l) ? log(h + l) - KL_LN2 : log(hs);
    double v = (M < 1e-300 ? k*((log(k) - (log(r) + lhs)) - 1.0) + M
                           : kl_relent_d(k, M, dkM)) + (k - 1.0)*cross_J(e) + mu
             + CROSS_HLN2PI - le;
    return v < 0.0 ? 0.0 : v;
  }
}

/* Uniform(l, h) || Gumbel(mu, b) */
static double cross_uniform_gumbel(const double *p, const double *q){
  double l = p[0], h = p[1], mu = q[0], b = q[1];
  double hw = 0.5*h - 0.5*l, x = hw / b, lS, f, w;   /* x = A/2 */
  int hh;
  if( isinf(x) ) return INFINITY;   /* f(A) > A/2 - 2 ln A */
  if( x <= 0.5 ){
    /* sinh(x)/x - 1 = sum x^2j/(2j+1)! */
    double s = 0.0, x2 = x*x, t = 1.0;
    int j;
    for(j=1; j<=12; j++){
      t *= x2 / ((2.0*j)*(2.0*j + 1.0));
      s += t;
    }
    lS = log1p(s);
  }else{
    /* ln(sinh x / x) = x - ln(2x) + log1p(-e^-2x) */
    lS = (x - (KL_LN2 + log(x))) + log1p(-exp(-2.0*x));
  }
  /* f = ln S - ln A + 1, A = 2x */
  if( x > 1e-300 && isfinite(x) ) f = lS - (KL_LN2 + log(x)) + 1.0;
  else f = lS - (KL_LN2 + log(hw) - log(b)) + 1.0;
  if( x > 0.5 ){
    /* w = ln S - (c - mu)/b = (mu - l)/b - ln(2x) + log1p(-e^-2x) */
    double g = cross_gap(mu, l, &hh) / b;
    if( hh ) g *= 2.0;
    w = g - (KL_LN2 + log(x)) + log1p(-exp(-2.0*x));
  }else{
    double g = cross_gap(0.5*l + 0.5*h, mu, &hh) / b;
    if( hh ) g *= 2.0;
    w = lS - g;
  }
  return f + cross_em1mx(w);
}

/* Uniform(l, h) || Normal(mu, sd): C + q(t^2)/2 + z^2/2, t = w/(sqrt12 sd) */
static double cross_uniform_normal(const double *p, const double *q){
  double l = p[0], h = p[1], hw = 0.5*h - 0.5*l, c = 0.5*l + 0.5*h;
  int hh;
  double g = cross_gap(c, q[0], &hh);
  return 0.17648520831067258667
       + cross_hq2(hw, q[1], 0.57735026918962576451, NAN)
       + cross_hz2(g, hh, q[1]);
}

/* Uniform(l, h) || Pareto(s, a) */
static double cross_uniform_pareto(const double *p, const double *q){
  double l = p[0], h = p[1], s = q[0], a = q[1];
  double hw = 0.5*h - 0.5*l, hs = 0.5*h + 0.5*l, e = hw / hs, lm, E, law;
  if( l < s ) return INFINITY;
  /* ln((l+h)/(2s)) = log1p(((l - s) + w/2)/s) */
  {
    double r = hs / s;
    if( r <= 2.0 ) lm = log1p(((l - s) + hw) / s);
    else if( r < 1e300 ) lm = log(r);
    else lm = log(hs) - log(s);
  }
  E = lm - cross_J(e);
  {
    double t = a*(2.0*hw) / s;
    if( t > 1e-300 && t < 1e300 ) law = log(t);
    else law = (log(a) + log(2.0*hw)) - log(s);
  }
  {
    double v = (a + 1.0)*E - law;
    return v < 0.0 ? 0.0 : v;
  }
}

const kl_pair kl_pairs_cont[] = {
  { KL_D_BETA, KL_D_EXPONENTIAL, cross_beta_exponential },
  { KL_D_BETA, KL_D_GAMMA, cross_beta_gamma },
  { KL_D_BETA, KL_D_NORMAL, cross_beta_normal },
  { KL_D_BETA, KL_D_PARETO, cross_inf },
  { KL_D_BETA, KL_D_UNIFORM, cross_beta_uniform },
  { KL_D_EXPONENTIAL, KL_D_BETA, cross_inf },
  { KL_D_EXPONENTIAL, KL_D_GAMMA, cross_exponential_gamma },
  { KL_D_EXPONENTIAL, KL_D_GUMBEL, cross_exponential_gumbel },
  { KL_D_EXPONENTIAL, KL_D_NORMAL, cross_exponential_normal },
  { KL_D_EXPONENTIAL, KL_D_PARETO, cross_inf },
  { KL_D_EXPONENTIAL, KL_D_UNIFORM, cross_inf },
  { KL_D_GAMMA, KL_D_BETA, cross_inf },
  { KL_D_GAMMA, KL_D_EXPONENTIAL, cross_gamma_exponential },
  { KL_D_GAMMA, KL_D_GUMBEL, cross_gamma_gumbel },
  { KL_D_GAMMA, KL_D_NORMAL, cross_gamma_normal },
  { KL_D_GAMMA, KL_D_PARETO, cross_inf },
  { KL_D_GAMMA, KL_D_UNIFORM, cross_inf },
  { KL_D_GUMBEL, KL_D_BETA, cross_inf },
  { KL_D_GUMBEL, KL_D_EXPONENTIAL, cross_inf },
  { KL_D_GUMBEL, KL_D_GAMMA, cross_inf },
  { KL_D_GUMBEL, KL_D_NORMAL, cross_gumbel_normal },
  { KL_D_GUMBEL, KL_D_PARETO, cross_inf },
  { KL_D_GUMBEL, KL_D_UNIFORM, cross_inf },
  { KL_D_LAPLACE, KL_D_BETA, cross_inf },
  { KL_D_LAPLACE, KL_D_EXPONENTIAL, cross_inf },
  { KL_D_LAPLACE, KL_D_GAMMA, cross_inf },
  { KL_D_LAPLACE, KL_D_NORMAL, cross_laplace_normal },
  { KL_D_LAPLACE, KL_D_PARETO, cross_inf },
  { KL_D_LAPLACE, KL_D_UNIFORM, cross_inf },
  { KL_D_NORMAL, KL_D_BETA, cross_inf },
  { KL_D_NORMAL, KL_D_EXPONENTIAL, cross_inf },
  { KL_D_NORMAL, KL_D_GAMMA, cross_inf },
  { KL_D_NORMAL, KL_D_GUMBEL, cross_normal_gumbel },
  { KL_D_NORMAL, KL_D_LAPLACE, cross_normal_laplace },
  { KL_D_NORMAL, KL_D_PARETO, cross_inf },
  { KL_D_NORMAL, KL_D_UNIFORM, cross_inf },
  { KL_D_PARETO, KL_D_BETA, cross_inf },
  { KL_D_PARETO, KL_D_EXPONENTIAL, cross_pareto_exponential },
  { KL_D_PARETO, KL_D_GAMMA, cross_pareto_gamma },
  { KL_D_PARETO, KL_D_NORMAL, cross_pareto_normal },
  { KL_D_PARETO, KL_D_UNIFORM, cross_inf },
  { KL_D_UNIFORM, KL_D_BETA, cross_uniform_beta },
  { KL_D_UNIFORM, KL_D_EXPONENTIAL, cross_uniform_exponential },
  { KL_D_UNIFORM, KL_D_GAMMA, cross_uniform_gamma },
  { KL_D_UNIFORM, KL_D_GUMBEL, cross_uniform_gumbel },
  { KL_D_UNIFORM, KL_D_NORMAL, cross_uniform_normal },
  { KL_D_UNIFORM, KL_D_PARETO, cross_uniform_pareto },
  { 0, 0, 0 }
};
