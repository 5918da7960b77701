/*
** core/dist_discrete.c — KL between discrete families (the cross pairs and
** Binomial with different n), and the discrete entropies (see core/dist.h
** for the contract of its tables).  Pure C, no SQLite.
**
** Notation: Bin(n, p) with q = 1 - p, A = n p (its mean, kept as an exact
** double-double n p = Ah + Al), J = n q = n - A, sigma^2 = n p q.  For a
** whole number x >= 0 (and for real x >= 10)
**   corr(x) = lnGamma(x+1) - x ln x + x = ln(2 pi x)/2 + mu(x)   (corr(0) = 0)
** with mu Binet's function (its Stirling series for x >= 10; corr(0..63)
** tabulated as double-doubles),
** and relent(a, b) = a ln(a/b) - a + b >= 0 as in core/families.c, written
** b phi((a-b)/b) near a = b with a - b passed exactly.  Then, with no
** cancellation anywhere (every part is >= 0, or a difference formed as
** such):
**   -ln Bin(n,p)(k) = relent(k, A) + relent(n-k, J) + corr(k) + corr(n-k)
**                     - corr(n)                                       (1)
**   -ln Poisson(l)(k) = relent(k, l) + corr(k)                         (2)
** (the x ln x parts of Stirling's formula and the k ln p + (n-k) ln q of the
** pmf combine exactly into the two relents).  corr(n-k) - corr(n) is formed
** as -[corr(n) - corr(n-k)] by corrdiff(x, m) = corr(x+m) - corr(x)
** = log1p(m/x)/2 + sum_i c_i x^-s_i expm1(-s_i log1p(m/x)), never as a
** difference of two large numbers.
**
** ENTROPIES (nats).  Shannon entropies are >= 0 and reach 0 only at the
** point masses (p in {0, 1}, n = 0, rate 0), which return exactly 0, so the
** bound is relative everywhere.
**   bernoulli  a(-ln a) + (1-a)(-log1p(-a)), a = min(p, 1-p) (exact): two
**              terms >= 0.
**   geometric  (failures before the first success, P(k) = q^k p, p in (0,1])
**              -ln p + q (-ln q)/p: two terms >= 0; -ln q from log1p(-p)
**              below p = 1/2 and from log(1-p) (exact) above.  p = 1 gives 0.
**   poisson    sum_k P(k) (2): every term >= 0, summed outward from the mode
**              until a term falls below 1e-21 of the sum (for l <= DDISC_S
**              = 2500 about 2 (10 sqrt(l) + 10) <= 1100 terms, each a few
**              logarithms); above DDISC_S the moment expansion (M) below,
**              whose leading terms are ln(2 pi e l)/2 - 1/(12 l) - 1/(24 l^2)
**              - 19/(360 l^3) ... (it agrees with them to 2e-16 at l = 1e4).
**              Rate 0 gives 0.
**   binomial   sum_k P(k) (1) the same way for sigma^2 <= DDISC_S, (M) above
**              (p > 1/2 as 1 - p, exact: H is symmetric).
**   For a mean <= 1 the sums run P(k) and -ln P(k) by their ratios from
**   k = 0 instead (ddisc_ent_small): their leading terms are rare events of
**   surprisal up to 745, whose exp(-l) would carry l's rounding times l.
**   Cost (measured, x86-64 -O2): below the switch at most about 1100 terms,
**   0.05 ms (Poisson) and 0.25 ms (Binomial) at sigma^2 = 2500; above it
**   O(1), about 100 operations, 1-4 us, whatever n or l (2^53, DBL_MAX).
**
** (M) MOMENT EXPANSION.  For a smooth g, E g(k) = g(c) + sum_{r>=2}
** g^(r)(c) mu_r / r! with mu_r the central moments (from the cumulants: a
** Binomial's are n c_r(p), c_{r+1} = p q c_r', a Poisson's all l).  Both
** relent(k, c) = sum_r (-1)^r d^r / (r (r-1) c^(r-1)), d = k - c, and corr
** (ln x / 2 and the Binet series x^-s) have exact derivatives, so
**   E relent(k, c) = sum_{r>=2} (-1)^r c nu_r / (r(r-1)),   nu_r = mu_r/c^r
**   E corr(k) = corr(c) + sum_{r>=2} nu_r [ -(-1)^r / (2r)
**               + (-1)^r sum_i c_i C(s_i+r-1, r) c^-s_i ]
** Truncated after r = DDISC_R = 12.  Error bound: mu_r = O(sigma^(2 floor(r/2)))
** and c >= sigma^2, so the r-th term is O(sigma^(2 - 2 ceil(r/2))) relative
** to the O(1) leading term, and the truncation error is O(sigma^-12) (the
** r = 13, 14 terms; the asymptotic series' error is of the order of its
** first omitted term).  Measured (this code with the switch moved, against
** the direct sums): 2e-11 at sigma^2 = 150, 5e-14 at 400, 4e-16 at 1000,
** i.e. about 250 sigma^-12, so below 1e-18 above DDISC_S = 2500 (the
** exponentially small mass near k = 0, where corr is not smooth, is below
** e^-(sigma^2/2) relative).  The reference (tests/gen_ddisc_ref.py) checks
** it at the switch and far above against mpmath.
**
** PAIRS.
**   Bernoulli(p) || Poisson(l)  Sum over the bins of relent(P(k), Q(k))
**              (the bins' linear parts sum to 0): relent(1-p, e^-l) +
**              relent(p, l e^-l) + Q(k >= 2), with the differences
**              1-p - e^-l = (l - p) - expm1mx(-l), p - l e^-l = (p - l)
**              - l expm1(-l) exact in their leading parts, and Q(k>=2) =
**              e^-l expm1mx(l), all >= 0 (the value is about p^2/2 at l = p
**              -> 0, where the textbook l - H(p) - p ln l cancels).  For
**              l > 1 the value is > 1 - ln 2 and the textbook form is used.
**              l = 0: 0 for p = 0, else +Inf.
**   Poisson(l) || Bernoulli(p), Poisson(l) || Binomial(n, p)  For l > 0 +Inf
**              (the Poisson has mass at every k).  Poisson(0) is a point
**              mass at 0: -ln Q(0) = -n log1p(-p) (n = 1 for Bernoulli),
**              +Inf at p = 1 (unless n = 0).  Torch returns +Inf always.
**   Binomial(n1,p1) || Binomial(n2,p2)  With m = n2 - n1 >= 0, pt = A/n2
**              (A = n1 p1) and Q* = Bin(n2, pt) (the member of Q's family
**              with P's mean), exactly
**                KL = n2 KL_bern(pt || p2) + C,   C = KL(P || Q*) >= 0    (3)
**              (E_P ln Q depends on k linearly through k ln(p2/q2), so
**              KL(P||Q) - KL(P||Q*) = A ln(pt/p2) + (n2-A) ln(qt/q2)).  The
**              first part is relent(A, n2 p2) + relent(n2 - A, n2 q2) with
**              A - n2 p2 from double-double products.  C depends on n1, p1,
**              m only; with j = n1 - k ~ Bin(n1, q1), J = n1 q1,
**                ln(P(k)/Q*(k)) = f(j) = [relent(j+m, J+m) - relent(j, J)]
**                                      + [corrdiff(j, m) - corrdiff(n1, m)]
**              (the first bracket as the integral of log1pmx(d/s) over s in
**              [J, J+m], d = j - J, by 10-point Gauss-Legendre when m < J/8
**              and j >= 4m: no cancellation between the two relents; the
**              second as log1p(m k/(j n2))/2 + Binet differences).
**              For sigma^2 <= DDISC_SKL = 1e4, C = sum_k P(k) f over P's
**              support (where that sum does not cancel: C >= 1e-2 E|f|,
**              and C >= 0.1, as an error in f's constant part is C's whole)
**              or else sum_k P(k) expm1mx(-f) + Q*(k > n1), every term >= 0
**              (sum P(e^-f - 1) = Q*(k <= n1) - 1).  Cost: the terms where
**              P (or, in the second form, Q*) matters, about 2 (10 sigma
**              + 10) <= 2100 (twice that in the second form), each about
**              30 logarithms and exponentials: at most a few ms (measured
**              0.3-0.6 ms at sigma^2 = 1e3, up to 2.7 ms near 1e4; the sum
**              runs over k or n1 - k, whichever has the smaller mean, so
**              its index is a small exact whole number also for n1 above
**              2^53, which the domain allows).  For sigma^2 >
**              DDISC_SKL, (M) applied to f at j = J: every part of C is an
**              analytic function of m whose first derivative at m = 0
**              vanishes (KL has a stationary point at Q* = P; the linear
**              parts cancel to all orders in 1/J, up to terms of order
**              p1^n1 < e^-sigma^2), so each part is written with its
**              linear part in m removed:
**              D~_s(x) = (1 + m/x)^-s - 1 + s m/x = expm1mx(-s L)
**              - s log1pmx(m/x), L = log1p(m/x), both >= 0, and
**                C = [x^2/(1+x) + log1pmx(x)]/2,  x = (m/n2)(p1/q1)
**                  + sum_{r=3}^{R} J nu_r D~_{r-1}(J) / (r (r-1))
**                  + sum_{r=2}^{R} nu_r [ -D~_r(J)/(2r)
**                         + sum_i c_i C(s_i+r-1, r) J^-s_i D~_{s_i+r}(J) ]
**                  + sum_i c_i [J^-s_i D~_{s_i}(J) - n1^-s_i D~_{s_i}(n1)]
**              with nu_r = mu_r/J^r of k ~ Bin(n1, p1).  For m > J the
**              linear parts s m/x outgrow the rest and would cancel among
**              the parts (1e-12 lost at m/J = 2e7): there every D~ is
**              (1 + m/x)^-s - 1 (bounded by 1) instead, the same sum since
**              the linear parts add up to 0 either way.  The last bracket,
**              which cancels when p1 is small (J ~ n1), is formed in A =
**              n1 - J directly (ddisc_t4).  Cost: about 200 operations
**              (measured 10-25 us), independent of n.  Truncation as in
**              (M): O(sigma^-12) relative to the O(m/J^2) scale of the
**              terms kept (against mpmath at sigma^2 = 1e3, 4e3: 4e-16;
**              but with m >> J, 7.4e-15 at sigma^2 = 2500, m/J = 3.6e5,
**              where the sum is within 2e-16: hence the higher switch).
**              Edge cases: p1 = 0 (P = point mass at 0: C = 0, any n1, also
**              n1 > n2), p1 = 1 (C = corr(n1) + corr(m) - corr(n2)),
**              n1 = 0, n1 > n2 with p1 > 0 (+Inf), p2 in {0, 1} (+Inf from
**              the Bernoulli part where pt differs).
**
** References: tests/gen_ddisc_ref.py (mpmath: direct sums of the pmf at
** 60+ digits beyond the cancellation for sigma^2 <= 2e4; above it
** Malmsten's integral for lnGamma averaged in closed form over the pmf
** (its generating function), at two precisions that must agree, and
** checked against the direct sums where both run) and tests/dist_ddisc.sql.
*/
/* macOS declares lgamma_r only under _REENTRANT (before any header). */
#if defined(__APPLE__) && !defined(_REENTRANT)
# define _REENTRANT 1
#endif
#include "dist.h"
#include "families.h"
#include "numeric.h"
#include "port.h"

#include <math.h>

/* sigma^2 above which the moment expansion replaces the sum: for the
** entropies, and for the Binomial KL's C (whose expansion in m / J
** converges more slowly when m >> J) */
#ifndef DDISC_S
# define DDISC_S 2500.0
#endif
#ifndef DDISC_SKL
# define DDISC_SKL 1e4
#endif
/* the number of central moments in the expansion */
#define DDISC_R 12
/* the sums' hard cap on terms (a guard: the sums below the switches stop
** after a few thousand) */
#define DDISC_CAP 200000

#define DDISC_LN2PI 1.83787706640934548356065947281123527


/* Binet's series coefficients B_2i / (2i (2i-1)), s_i = 2i - 1. */
static const double DDISC_BINET[8] = {
  1.0/12, -1.0/360, 1.0/1260, -1.0/1680, 1.0/1188, -691.0/360360,
  1.0/156, -3617.0/122400
};


/*
** corr(k) for k = 0..63 as hi + lo (mpmath): hi correctly rounded, lo the
** rest.  Below 10 the Binet series does not converge fast enough; up to 63
** the pair gives differences of corr (ddisc_rcorr) to full precision.
*/
#define DDISC_NCORR 64
static const double DDISC_CORR[DDISC_NCORR] = {
  0.0, 1.0, 1.3068528194400546, 1.4959226032237258, 1.6328763858683832,
  1.7403021806115442, 1.828694396641771, 1.9037903176782212,
  1.9690705693065629, 2.0268062840554952, 2.0785616431350586,
  2.12545984509181, 2.168334698205882, 2.207822206123445, 2.244418568125061,
  2.2785183673077407, 2.310440550244173, 2.3404466011812155,
  2.368753565902089, 2.3955435830371252, 2.4209709896736653,
  2.445167706285025, 2.468247377952275, 2.490308601393931, 2.511437469761624,
  2.531709601275501, 2.551191772443469, 2.569943244889446, 2.588016852275825,
  2.6054598975602623, 2.622314898965503, 2.638620214275777,
  2.654410566523788, 2.66971748918767, 2.6845697052481916,
  2.6989934515576137, 2.7130127577232424, 2.7266496869511223,
  2.7399245449111533, 2.7528560615872486, 2.765461550199943,
  2.777757046585083, 2.7897574318436025, 2.80147654061545, 2.812927256953404,
  2.824121599462826, 2.83507079711794, 2.845785356953615, 2.856275124655495,
  2.866549338924182, 2.876616680365729, 2.8864853155567434,
  2.8961629368445627, 2.90565679836845, 2.9149737487243645,
  2.924120260641752, 2.9331024579944445, 2.9419261404279933,
  2.9505968058514496, 2.959119671012043, 2.96749969034555,
  2.9757415732729164, 2.9838498000943177, 2.9918286366149673
};
static const double DDISC_CORR_LO[DDISC_NCORR] = {
  0.0, 0.0, 8.783183432405266e-17, 9.359411037597794e-17,
  -9.564301057981463e-17, -5.927792819051543e-17, -3.4817439816068387e-17,
  8.810782140448583e-18, -7.656031667644648e-17, -6.698296807837154e-17,
  -1.9022507918468505e-16, -2.1921867144364842e-16, 2.2175872234504488e-16,
  1.6456066943468643e-16, 9.90084360683302e-17, -1.3456499921353208e-16,
  -1.6240778955846818e-16, 1.7358373864600033e-17, 4.0997720307901703e-17,
  7.234170350917993e-17, -1.4690653389715408e-16, -1.2235373367256758e-16,
  -9.180573219678318e-18, -1.6106880220933194e-16, 1.3251802492200822e-16,
  5.566249112043251e-17, -1.4997572509327972e-16, 1.3460579202917542e-16,
  -6.702092456919192e-18, -8.390069884859845e-17, -5.954680581422783e-17,
  -7.959674848131531e-17, -1.4602618842819706e-16, -1.7940773092101616e-16,
  -5.177105932150741e-17, -2.7217911925895785e-17, 7.454471605307732e-17,
  1.788087810229936e-16, 1.237419794440387e-16, -1.4822744207757614e-16,
  2.0675833068299608e-16, 1.1835128501307377e-16, 2.1489282630014018e-16,
  -6.431651463372363e-17, -1.0712210184678786e-16, -1.26715023050465e-16,
  -2.054056082334659e-16, -8.376162975958527e-18, -1.310726740337901e-16,
  4.205913376266158e-17, 2.0800739287355384e-16, 1.1572879759880996e-16,
  2.127739282510834e-17, -2.1480767660320097e-16, 1.5329658056270902e-16,
  -2.0753418098748972e-16, 2.838284825217163e-17, -1.895862126487042e-16,
  -3.764734387996892e-17, -1.7960374687352605e-16, -6.987605986792408e-17,
  -1.7816852801080204e-16, -1.0143791532445294e-16, 1.309339888743905e-18
};

/* corr(x) = lnGamma(x+1) - x ln x + x, x a whole number or x >= 10. */
static double ddisc_corr(double x){
  double s, r2, pw;
  int i;
  if( x < DDISC_NCORR && x==floor(x) ) return DDISC_CORR[(int)x];
  if( x < 10.0 ){
    return kl_lngamma_above1(x + 1.0) - x*log(x) + x;
  }
  s = 0.5*(log(x) + DDISC_LN2PI);
  pw = 1.0 / x;
  r2 = pw*pw;
  for(i=0; i<8; i++){ s += DDISC_BINET[i]*pw; pw *= r2; }
  return s;
}

/* corr(x + m) - corr(x) for x, m >= 0. */
static double ddisc_corrdiff(double x, double m){
  double L, s, pw, r2;
  int i;
  if( m==0.0 ) return 0.0;
  if( x < 10.0 ) return ddisc_corr(x + m) - ddisc_corr(x);
  L = log1p(m / x);
  s = 0.5*L;
  pw = 1.0 / x;
  r2 = pw*pw;
  for(i=0; i<8; i++){
    s += DDISC_BINET[i]*pw*expm1(-(2*i + 1)*L);
    pw *= r2;
  }
  return s;
}

/*
** D~_s(x) = (1 + e)^-s - 1 + s e >= 0, e = m/x, L = log1p(e), or with
** lin = 0 D^_s(x) = (1 + e)^-s - 1 without the linear part (see
** ddisc_binkl_expand).
*/
static double ddisc_dtilde(int s, double e, double L, int lin){
  if( !lin ) return expm1(-s*L);
  return kl_expm1mx(-s*L) - s*kl_log1pmx(e);
}

/*
** -ln Bin(n, .)(k) by (1); j = n - k (passed: above 2^53 only the smaller
** of k and j is exact), A, J the means of k and j, dk = k - A.
*/
static double ddisc_bin_nlp(double k, double j, double A, double J, double dk){
  double v;
  v = kl_relent_d(k, A, dk) + kl_relent_d(j, J, -dk);
  if( isinf(v) ) return v;
  if( k <= j ) return v + (ddisc_corr(k) - ddisc_corrdiff(j, k));
  return v + (ddisc_corr(j) - ddisc_corrdiff(k, j));
}

/* A = n p as hi + lo (exact product). */
static void ddisc_mean(double n, double p, double *hi, double *lo){
  *hi = n*p;
  *lo = KL_FMA(n, p, -*hi);
}

/* k - A for A = hi + lo. */
static double ddisc_dev(double k, double hi, double lo){
  return (k - hi) - lo;
}

/*
** Normalised central moments nu[r] = mu_r / c^r, r = 2..DDISC_R, from the
** normalised cumulants g[r] = kappa_r / c^r (recursion
** mu_n = sum_{k=2}^{n} C(n-1, k-1) kappa_k mu_{n-k}, homogeneous).
*/
static void ddisc_moments(const double *g, double *nu){
  double binom[DDISC_R + 1];
  int n, k;
  nu[0] = 1.0;
  nu[1] = 0.0;
  for(n=2; n<=DDISC_R; n++){
    double s = 0.0;
    /* binom[k] = C(n-1, k) */
    binom[0] = 1.0;
    for(k=1; k<=n-1; k++) binom[k] = binom[k-1]*(n - k)/k;
    for(k=2; k<=n; k++) s += binom[k-1]*g[k]*nu[n-k];
    nu[n] = s;
  }
}

/* The cumulant polynomials of the Binomial in t = p q: kappa_r = n t P_r(t)
** (times w = q - p for odd r). */
static const double DDISC_CUMU[DDISC_R + 1][6] = {
  {0}, {0},
  {1}, {1},
  {1, -6}, {1, -12},
  {1, -30, 120}, {1, -60, 360},
  {1, -126, 1680, -5040}, {1, -252, 5040, -20160},
  {1, -510, 17640, -151200, 362880}, {1, -1020, 52920, -604800, 1814400},
  {1, -2046, 168960, -3160080, 19958400, -39916800}
};

/*
** Normalised moments of Bin(n, p) about its mean, divided by c^r:
** nu[r] = mu_r / c^r; s2 = n p q; w = q - p.
*/
static void ddisc_bin_nu(double s2, double t, double w, double c, double *nu){
  double g[DDISC_R + 1], ic = 1.0 / c, pw;
  int r, i;
  g[0] = g[1] = 0.0;
  pw = s2*ic;
  for(r=2; r<=DDISC_R; r++){
    double poly = 0.0;
    pw *= ic;     /* s2 / c^r */
    for(i=5; i>=0; i--) poly = poly*t + DDISC_CUMU[r][i];
    g[r] = pw*poly*((r & 1) ? w : 1.0);
  }
  ddisc_moments(g, nu);
}

/* C(s+r-1, r) */
static double ddisc_binom(int s, int r){
  double b = 1.0;
  int i;
  for(i=1; i<=r; i++) b = b*(s - 1 + i)/i;
  return b;
}

/*
** E relent(k, c) + E corr(k) - corr(c) by (M), given nu[r] = mu_r/c^r and
** the sign sg of the deviation (+1 for k - c, -1 for c - k: odd moments
** change sign).
*/
static double ddisc_expand(double c, const double *nu, int sg){
  double s = 0.0, ic = 1.0 / c;
  int r, i;
  for(r=DDISC_R; r>=2; r--){
    double v = ((r & 1) && sg < 0) ? -nu[r] : nu[r];
    double sr = (r & 1) ? -1.0 : 1.0;   /* (-1)^r */
    double b = 0.0, pw = ic;
    for(i=0; i<8; i++){
      b += DDISC_BINET[i]*ddisc_binom(2*i + 1, r)*pw;
      pw *= ic*ic;
    }
    s += v*(sr*c/(r*(r - 1.0)) - sr/(2.0*r) + sr*b);
  }
  return s;
}

/* ------------------------------------------------------------- entropies */

static double ddisc_ent_bernoulli(const double *x){
  double p = x[0], a = p <= 0.5 ? p : 1.0 - p;
  if( a==0.0 ) return 0.0;
  return a*(-log(a)) + (1.0 - a)*(-log1p(-a));
}

static double ddisc_ent_geometric(const double *x){
  double p = x[0], q, lq;
  if( p==1.0 ) return 0.0;
  if( p < 0.5 ){
    q = 1.0 - p;
    lq = -log1p(-p);
  }else{
    q = 1.0 - p;      /* exact */
    lq = -log(q);
  }
  return -log(p) + q*(lq / p);
}

/*
** sum_k P(k) (-ln P(k)) outward from k0, nlp(k) by (1) or (2); each term
** >= 0.  kmax: the last k of the support (or +Inf).
*/
typedef struct ddisc_pmf {
  int poisson;
  double n, Ah, Al, J;   /* binomial: n, mean as hi + lo, n - mean */
  double rate;
} ddisc_pmf;

static double ddisc_nlp(const ddisc_pmf *d, double k){
  if( d->poisson ){
    double l = d->rate;
    return kl_relent_d(k, l, k - l) + ddisc_corr(k);
  }
  return ddisc_bin_nlp(k, d->n - k, d->Ah, d->J, ddisc_dev(k, d->Ah, d->Al));
}

static double ddisc_ent_sum(const ddisc_pmf *d, double k0, double kmax){
  kl_sum s;
  double k;
  int cnt = 0;
  kl_sum_init(&s);
  for(k=k0; k<=kmax && cnt<DDISC_CAP; k+=1.0, cnt++){
    double l = ddisc_nlp(d, k), P = exp(-l), t = P*l;
    if( P==0.0 && k > k0 ) break;
    kl_sum_add(&s, t);
    if( k > k0 + 1.0 && t <= 1e-21*kl_sum_value(&s) ) break;
  }
  for(k=k0-1.0; k>=0.0 && cnt<DDISC_CAP; k-=1.0, cnt++){
    double l = ddisc_nlp(d, k), P = exp(-l), t = P*l;
    if( P==0.0 ) break;
    kl_sum_add(&s, t);
    if( k < k0 - 1.0 && t <= 1e-21*kl_sum_value(&s) ) break;
  }
  return kl_sum_value(&s);
}

/*
** The sum for a mean <= 1 (Poisson rate, or Binomial n p with p <= 1/2):
** there the leading terms are rare events of large surprisal (-ln P(1)
** is about 690 at a mean of 1e-300), and exp(-l) would turn l's rounding
** into a relative error of l * 2^-53 in P; so P(k) = P(k-1) r_k and
** l(k) = l(k-1) - ln r_k with r_k = P(k)/P(k-1) (n - k + 1) p / (k q) or
** rate / k, each step rounding a few times.  P0, l0: P(0) and -ln P(0).
*/
static double ddisc_ent_small(double P0, double l0, double n, double p,
                              double q, double rate, int poisson){
  kl_sum s;
  double P = P0, l = l0, k;
  kl_sum_init(&s);
  kl_sum_add(&s, P*l);
  for(k=1.0; k<=n && k<200.0; k+=1.0){
    double r = poisson ? rate / k : ((n - k + 1.0)*p) / (k*q), t;
    P *= r;
    l -= log(r);
    if( P==0.0 ) break;
    t = P*l;
    kl_sum_add(&s, t);
    if( t <= 1e-21*kl_sum_value(&s) ) break;
  }
  return kl_sum_value(&s);
}

static double ddisc_ent_poisson(const double *x){
  double l = x[0];
  ddisc_pmf d;
  if( l==0.0 ) return 0.0;
  if( l > DDISC_S ){
    double g[DDISC_R + 1], nu[DDISC_R + 1], il = 1.0 / l, pw = 1.0;
    int r;
    g[0] = g[1] = 0.0;
    for(r=2; r<=DDISC_R; r++){ pw *= il; g[r] = pw; }   /* l / l^r */
    ddisc_moments(g, nu);
    return ddisc_corr(l) + ddisc_expand(l, nu, 1);
  }
  if( l <= 1.0 ) return ddisc_ent_small(exp(-l), l, INFINITY, 0, 0, l, 1);
  d.poisson = 1;
  d.rate = l;
  d.n = d.Ah = d.Al = d.J = 0.0;
  return ddisc_ent_sum(&d, floor(l), INFINITY);
}

static double ddisc_ent_binomial(const double *x){
  double n = x[0], p = x[1], q, s2, Ah, Al, J;
  ddisc_pmf d;
  if( n==0.0 || p==0.0 || p==1.0 ) return 0.0;
  /* H(n, p) = H(n, 1-p): p <= 1/2 from here (1 - p is exact above 1/2) */
  if( p > 0.5 ) p = 1.0 - p;
  q = 1.0 - p;
  ddisc_mean(n, p, &Ah, &Al);
  if( Ah <= 1.0 ){
    double lq = -log1p(-p);
    return ddisc_ent_small(exp(-n*lq), n*lq, n, p, q, 0.0, 0);
  }
  J = (n - Ah) - Al;
  s2 = (n*p)*q;
  if( s2 > DDISC_S ){
    double nuA[DDISC_R + 1], nuJ[DDISC_R + 1], t = p*q, w = q - p, c0;
    ddisc_bin_nu(s2, t, w, Ah, nuA);
    ddisc_bin_nu(s2, t, w, J, nuJ);
    /* corr(A) + corr(J) - corr(n) */
    if( Ah <= J ) c0 = ddisc_corr(Ah) - ddisc_corrdiff(J, Ah);
    else c0 = ddisc_corr(J) - ddisc_corrdiff(Ah, J);
    return c0 + ddisc_expand(Ah, nuA, 1) + ddisc_expand(J, nuJ, -1);
  }
  d.poisson = 0;
  d.n = n; d.Ah = Ah; d.Al = Al; d.J = J; d.rate = 0.0;
  return ddisc_ent_sum(&d, floor(Ah + p), n);
}

/* ----------------------------------------------------------------- pairs */

static double ddisc_bernoulli_poisson(const double *x, const double *y){
  double p = x[0], l = y[0], q = 1.0 - p, e, le, d0, d1;
  if( l==0.0 ) return p==0.0 ? 0.0 : INFINITY;
  if( l > 1.0 ){
    /* l - p ln l - H(p) >= 1 - ln 2: no cancellation */
    double h = ddisc_ent_bernoulli(x);
    return (l - p*log(l)) - h;
  }
  e = exp(-l);
  le = l*e;
  d0 = (l - p) - kl_expm1mx(-l);   /* (1-p) - e^-l */
  d1 = (p - l) - l*expm1(-l);      /* p - l e^-l */
  return kl_relent_d(q, e, d0) + kl_relent_d(p, le, d1)
       + e*kl_expm1mx(l);
}

static double ddisc_poisson_bernoulli(const double *x, const double *y){
  if( x[0] > 0.0 ) return INFINITY;
  if( y[0]==1.0 ) return INFINITY;
  return -log1p(-y[0]);
}

static double ddisc_poisson_binomial(const double *x, const double *y){
  double n = y[0], p = y[1];
  if( x[0] > 0.0 ) return INFINITY;
  if( n==0.0 || p==0.0 ) return 0.0;
  if( p==1.0 ) return INFINITY;
  return n*(-log1p(-p));
}

/* relent(j+m, J+m) - relent(j, J), d = j - J. */
static const double DDISC_GLX[5] = {
  0.14887433898163122, 0.4333953941292472, 0.6794095682990244,
  0.8650633666889845, 0.9739065285171717
};
static const double DDISC_GLW[5] = {
  0.295524224714753, 0.2692667193099965, 0.219086362515982,
  0.14945134915058036, 0.06667134430868807
};

static double ddisc_rdiff(double j, double d, double J, double m){
  double h, c, s = 0.0;
  int i;
  if( d==0.0 ) return 0.0;
  if( 8.0*m >= J || j < 4.0*m ){
    return kl_relent_d(j + m, J + m, d) - kl_relent_d(j, J, d);
  }
  /* the integral over s in [J, J+m] of log1pmx(d/s) ds */
  h = 0.5*m;
  c = J + h;
  for(i=0; i<5; i++){
    s += DDISC_GLW[i]*(kl_log1pmx(d/(c - h*DDISC_GLX[i]))
                       + kl_log1pmx(d/(c + h*DDISC_GLX[i])));
  }
  return h*s;
}

/* [corr(j+m) - corr(j)] - [corr(n1+m) - corr(n1)], k = n1 - j. */
static double ddisc_rcorr(double j, double k, double n1, double m){
  double n2 = n1 + m, s, pj, pn, r2j, r2n, Lj, Ln;
  int i;
  if( k==0.0 ) return 0.0;
  if( n2 < DDISC_NCORR ){
    /* from the table: corr(k) is in [1.3, 3] for k >= 2, so the hi
    ** differences are mostly exact (Sterbenz) and otherwise round once,
    ** and the lo parts carry the rest: no O(1) error in an O(1/n^2)
    ** difference, as corr(10..63) from Binet's series would leave */
    int a = (int)(j + m), b = (int)j, c = (int)n2, d = (int)n1;
    return ((DDISC_CORR[a] - DDISC_CORR[b]) - (DDISC_CORR[c] - DDISC_CORR[d]))
         + ((DDISC_CORR_LO[a] - DDISC_CORR_LO[b])
            - (DDISC_CORR_LO[c] - DDISC_CORR_LO[d]));
  }
  if( j < 10.0 ){
    /* [corr(n1) - corr(j)] - [corr(n1+m) - corr(j+m)]: the large
    ** arguments' difference by corrdiff, never as two values near
    ** ln(2 pi n2)/2 */
    return (ddisc_corr(n1) - ddisc_corr(j)) - ddisc_corrdiff(j + m, k);
  }
  s = 0.5*log1p((m*k)/(j*n2));
  Lj = log1p(m / j);
  Ln = log1p(m / n1);
  pj = 1.0 / j; pn = 1.0 / n1;
  r2j = pj*pj; r2n = pn*pn;
  for(i=0; i<8; i++){
    s += DDISC_BINET[i]*(pj*expm1(-(2*i + 1)*Lj) - pn*expm1(-(2*i + 1)*Ln));
    pj *= r2j; pn *= r2n;
  }
  return s;
}

/*
** One pass of the sum for C over k outward from k0 (see the top): s0 =
** sum P f, mag = sum P |f|, s1 = sum P expm1mx(-f).  A side stops where
** P is negligible, and with wide set also where the terms of s1 are.
*/
typedef struct ddisc_csum { kl_sum s0, s1, mag; } ddisc_csum;

static void ddisc_binkl_pass(double n1, double p1, double m, double Ah,
                             double Al, double J, int wide, ddisc_csum *a){
  /* the sum runs over t = k, or over t = j = n1 - k where j's mean is the
  ** smaller (p1 > 1/2): t is then a small whole number, exact also when
  ** n1 > 2^53, and k = n1 - t enters only through ratios */
  int flip = J < Ah;
  double q1 = 1.0 - p1, pt = flip ? q1 : p1, qt = flip ? p1 : q1;
  double mt = flip ? J : Ah, t0 = floor(mt + pt), t, pmax = 0.0, Pt = 0.0;
  /* a mean <= 1: P by its ratios from the mode, as in ddisc_ent_small (a
  ** few hundred steps at most) */
  int side, cnt = 0, rec = mt <= 1.0;
  if( t0 > n1 ) t0 = n1;
  kl_sum_init(&a->s0); kl_sum_init(&a->s1); kl_sum_init(&a->mag);
  for(side=0; side<2; side++){
    double step = side==0 ? 1.0 : -1.0;
    for(t = side==0 ? t0 : t0 - 1.0; t>=0.0 && t<=n1 && cnt<DDISC_CAP;
        t+=step, cnt++){
      double k, j, dk, l, P, f, e;
      if( flip ){ j = t; k = n1 - t; dk = J - t; }
      else{ k = t; j = n1 - t; dk = ddisc_dev(t, Ah, Al); }
      l = ddisc_bin_nlp(k, j, Ah, J, dk);
      if( !rec || t==t0 || t==t0 - 1.0 ) P = exp(-l);
      else if( side==0 ) P = Pt*(((n1 - t + 1.0)*pt) / (t*qt));
      else P = Pt*(((t + 1.0)*qt) / ((n1 - t)*pt));
      Pt = P;
      f = ddisc_rdiff(j, -dk, J, m) + ddisc_rcorr(j, k, n1, m);
      if( f > -30.0 ) e = P*kl_expm1mx(-f);
      else e = exp(-l - f) - P + P*f;
      kl_sum_add(&a->s0, P*f);
      kl_sum_add(&a->mag, P*fabs(f));
      kl_sum_add(&a->s1, e);
      if( P > pmax ) pmax = P;
      if( fabs(t - t0) > 1.0 && P <= 1e-22*pmax
          && (!wide || e <= 1e-22*kl_sum_value(&a->s1)) ) break;
    }
  }
}

/* C = KL(Bin(n1,p1) || Bin(n2, n1 p1/n2)) for 0 < p1 < 1, n2 > n1 > 0. */
static double ddisc_binkl_sum(double n1, double p1, double m, double Ah,
                              double Al, double J){
  double n2 = n1 + m, i, Jq = (n2 - Ah) - Al, v0, M;
  ddisc_csum a;
  kl_sum tail;
  int cnt;
  ddisc_binkl_pass(n1, p1, m, Ah, Al, J, 0, &a);
  v0 = kl_sum_value(&a.s0);
  M = kl_sum_value(&a.mag);
  /* sum P f takes any constant error of f whole (f's parts are O(1) where
  ** j is small); sum P expm1mx(-f) only that error times C.  So the first
  ** only where C is large, absolutely and against E|f| */
  if( v0 >= 1e-2*M && v0 >= 0.1 ) return v0;
  /* the sum of terms >= 0: Q* close to P, Q*'s mass outside P's window too */
  ddisc_binkl_pass(n1, p1, m, Ah, Al, J, 1, &a);
  kl_sum_init(&tail);
  for(i=1.0, cnt=0; i<=m && cnt<DDISC_CAP; i+=1.0, cnt++){
    /* k = n1 + i, n2 - k = m - i, k - A = J + i */
    double t = exp(-ddisc_bin_nlp(n1 + i, m - i, Ah, Jq, J + i));
    kl_sum_add(&tail, t);
    if( t <= 1e-22*kl_sum_value(&tail) ) break;
  }
  return kl_sum_value(&a.s1) + kl_sum_value(&tail);
}

/* y^-s - (y + A)^-s for y > 0, A >= 0, without cancellation. */
static double ddisc_hs(int s, double y, double A){
  return -pow(y, -s)*expm1(-s*log1p(A / y));
}

/*
** g_s(J) - g_s(n1), g_s(x) = x^-s D~_s(x) = (x+m)^-s - x^-s + s m x^-(s+1),
** n1 = J + A; pJ = J^-s.  Near n1 = J (A << J, small p1) the two g_s
** nearly cancel, so the difference is formed in A exactly: for m <= J/10
** as -sum_{k>=2} (-1)^k C(s+k-1, k) (m/J)^k J^-s expm1(-(s+k) log1p(A/J))
** (Taylor in m of d/dx g_s, integrated from J to n1), else as
** h(J+m) - h(J) + s m h_{s+1}(J), h(y) = y^-s - (y+A)^-s (the bracket
** loses at most a factor (J/m)^2 <= 100).
*/
static double ddisc_t4(int s, double J, double m, double A, double pJ,
                       int lin){
  double e = m / J, LA = log1p(A / J), sum = 0.0, ek, b;
  int k;
  if( !lin ){
    /* the same without the linear parts: h(J+m) - h(J) */
    return ddisc_hs(s, J + m, A) - ddisc_hs(s, J, A);
  }
  if( e > 0.1 ){
    return (ddisc_hs(s, J + m, A) - ddisc_hs(s, J, A))
         + s*m*ddisc_hs(s + 1, J, A);
  }
  ek = e;
  b = s;                      /* C(s+k-1, k) at k = 1 */
  for(k=2; k<=40; k++){
    double t;
    ek *= e;
    b = b*(s + k - 1)/k;
    t = b*ek*expm1(-(s + k)*LA);
    if( k & 1 ) t = -t;
    sum += t;
    if( fabs(t) <= 1e-18*fabs(sum) ) break;
  }
  return -pJ*sum;
}

static double ddisc_binkl_expand(double n1, double p1, double m, double Ah,
                                 double J){
  double q1 = 1.0 - p1, n2 = n1 + m, s2 = Ah*q1, nu[DDISC_R + 1];
  double x, c, eJ = m / J, LJ = log1p(eJ), iJ = 1.0 / J, pJ;
  /* the parts without their linear parts in m where m <= J; above, where
  ** those linear parts (s m/J) outgrow the rest and would cancel among
  ** the parts, with them (their sum is 0 either way) */
  int r, i, lin = eJ <= 1.0;
  /* moments of k ~ Bin(n1, p1), normalised by J */
  ddisc_bin_nu(s2, p1*q1, q1 - p1, J, nu);
  x = (m / n2)*(p1 / q1);
  c = 0.5*(x*x/(1.0 + x) + kl_log1pmx(x));
  for(r=DDISC_R; r>=2; r--){
    double t = 0.0, pw = iJ;
    if( r >= 3 ) t += J*ddisc_dtilde(r - 1, eJ, LJ, lin)/(r*(r - 1.0));
    t -= ddisc_dtilde(r, eJ, LJ, lin)/(2.0*r);
    for(i=0; i<8; i++){
      t += DDISC_BINET[i]*ddisc_binom(2*i + 1, r)*pw
         * ddisc_dtilde(2*i + 1 + r, eJ, LJ, lin);
      pw *= iJ*iJ;
    }
    c += nu[r]*t;
  }
  pJ = iJ;
  for(i=0; i<8; i++){
    c += DDISC_BINET[i]*ddisc_t4(2*i + 1, J, m, Ah, pJ, lin);
    pJ *= iJ*iJ;
  }
  return c > 0.0 ? c : 0.0;
}

static double ddisc_binomial_binomial(const double *x, const double *y){
  double n1 = x[0], p1 = x[1], n2 = y[0], p2 = y[1], m = n2 - n1;
  double Ah, Al, Bh, Bl, d, bern, c;
  if( p1==0.0 || n1==0.0 ){
    /* P is a point mass at 0: -ln Q(0) */
    if( n2==0.0 || p2==0.0 ) return 0.0;
    if( p2==1.0 ) return INFINITY;
    return n2*(-log1p(-p2));
  }
  if( m < 0.0 ) return INFINITY;
  /* n2 KL_bern(A/n2 || p2) = relent(A, B) + relent(n2 - A, n2 - B) */
  ddisc_mean(n1, p1, &Ah, &Al);
  ddisc_mean(n2, p2, &Bh, &Bl);
  d = (Ah - Bh) + (Al - Bl);
  bern = kl_relent_d(Ah + Al, Bh + Bl, d)
       + kl_relent_d((n2 - Ah) - Al, (n2 - Bh) - Bl, -d);
  if( isinf(bern) || m==0.0 ) return bern;
  if( p1==1.0 ){
    /* P is a point mass at n1: corr(n1) + corr(m) - corr(n2) */
    if( n1 <= m ) c = ddisc_corr(n1) - ddisc_corrdiff(m, n1);
    else c = ddisc_corr(m) - ddisc_corrdiff(n1, m);
  }else{
    double J = (n1 - Ah) - Al;
    if( (Ah*(1.0 - p1)) > DDISC_SKL ) c = ddisc_binkl_expand(n1, p1, m, Ah, J);
    else c = ddisc_binkl_sum(n1, p1, m, Ah, Al, J);
  }
  return bern + c;
}

const kl_pair kl_pairs_disc[] = {
  { KL_D_BERNOULLI, KL_D_POISSON, ddisc_bernoulli_poisson },
  { KL_D_POISSON, KL_D_BERNOULLI, ddisc_poisson_bernoulli },
  { KL_D_POISSON, KL_D_BINOMIAL, ddisc_poisson_binomial },
  { KL_D_BINOMIAL, KL_D_BINOMIAL, ddisc_binomial_binomial },
  { 0, 0, 0 }
};

const kl_ent kl_ents_disc[] = {
  { KL_D_BERNOULLI, ddisc_ent_bernoulli },
  { KL_D_BINOMIAL, ddisc_ent_binomial },
  { KL_D_GEOMETRIC, ddisc_ent_geometric },
  { KL_D_POISSON, ddisc_ent_poisson },
  { 0, 0 }
};
