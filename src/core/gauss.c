/*
** core/gauss.c — the Gaussian terms of sqlite-kl (see core/gauss.h): the
** kl_gauss kernel and the Gaussian family's terms.  No SQLite in here.
**
** Gaussian KL, per dimension, in nats:
**
**   KL = ln(s2/s1) + (s1^2 + (m1-m2)^2) / (2 s2^2) - 1/2
**      = f(r) + d^2/2,     r = s1/s2,  d = (m1-m2)/s2,
**   f(r) = (r^2 - 1)/2 - ln r  >= 0.
**
** f and d^2/2 are both non-negative, so the sum never cancels; all the care
** goes into f:
**   (1) r in [1/2, 2]: with x = (s1-s2)/s2 (s1-s2 is exact there, Sterbenz),
**       f = x^2/2 - log1pmx(x), a sum of two non-negative terms.  The naive
**       r - 1 - ln r form loses every digit when r is near 1.
**   (2) otherwise f = (r/2) r - 1/2 - ln r, where the terms differ enough
**       that at most two bits are lost; ln r is ln s1 - ln s2 when r itself
**       would underflow or overflow, so s1 = 1e-200, s2 = 1e200 stays finite.
** Nothing is squared before it is divided, so intermediates overflow only
** when the answer itself is larger than DBL_MAX.
*/
#include "gauss.h"
#include "port.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------ Gaussian */

double kl_gauss_term(double mu1, double sd1, double mu2, double sd2){
  double dm = mu1 - mu2, d, q, r, f;
  if( isinf(dm) ){
    /* both means finite, their difference is not: halve, divide, double */
    d = 2.0*((0.5*mu1 - 0.5*mu2) / sd2);
  }else{
    d = dm / sd2;
  }
  q = (0.5*d)*d;
  r = sd1 / sd2;
  if( r >= 0.5 && r <= 2.0 ){
    double x = (sd1 - sd2) / sd2;
    f = 0.5*x*x - kl_log1pmx(x);
  }else{
    double lr;
    if( r > 1e-300 && r < 1e300 ) lr = log(r);
    else lr = log(sd1) - log(sd2);
    f = (0.5*r)*r - 0.5 - lr;
  }
  return f + q;
}

/*
** The fast kernel.  Branch-free, so compilers vectorise it; on x86-64 with
** GCC or Clang it is also compiled for AVX2 and AVX-512 and the variant is
** chosen at run time from the CPU the code runs on (target_clones), never
** from the build machine.  The build uses -ffp-contract=off, so every
** variant rounds exactly as the portable one: the same bits everywhere.
**
** Per dimension, with inv = 1/sd2, d = (mu1-mu2) inv, x = (sd1-sd2) inv and
** r = sd1 inv = 2^k m, m in [1/sqrt2, sqrt2):
**   ln m = 2 atanh(s) = 2s + 2 s t P(t),  s = (m-1)/(m+1), t = s^2,
**   P(t) = 1/3 + t/5 + t^2/7 + ...   (|s| <= 0.1716: 10 terms reach 2^-56)
**   k = 0:  m - 1 is taken as x (accurate near r = 1), and x - 2s = s x, so
**           f = x^2/2 + s x - 2 s t P          (no cancellation)
**   k != 0: f = r^2/2 - 1/2 - k ln2 - 2s - 2 s t P   (loses <= 3 bits)
** Where r is beyond [2^-1000, 2^1000] or the term is not finite, the
** careful kl_gauss_term() recomputes that dimension.
*/
#define KL_LN2_HI 6.93147180369123816490e-01   /* 0x3FE62E42FEE00000 */
#define KL_LN2_LO 1.90821492927058770002e-10

KL_CLONES KL_VECTORIZE
static int gauss_terms(const double *restrict mu1, const double *restrict sd1,
                       const double *restrict mu2, const double *restrict sd2,
                       size_t n, double *restrict out){
  size_t i;
  uint64_t suspect = 0;
  for(i=0; i<n; i++){
    double inv = 1.0 / sd2[i];
    double d = (mu1[i] - mu2[i]) * inv;
    double x = (sd1[i] - sd2[i]) * inv;
    double r = sd1[i] * inv;
    uint64_t b, mb, eb;
    double m, k, big, um1, s, t, p, a_near, a_far, f;
    memcpy(&b, &r, 8);
    /* k: the exponent of r as a double, exactly, without an int conversion */
    eb = (b >> 52) | 0x4330000000000000ull;
    memcpy(&k, &eb, 8);
    k -= 4503599627370496.0 + 1023.0;
    mb = (b & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;
    memcpy(&m, &mb, 8);
    big = m > 1.4142135623730951 ? 1.0 : 0.0;
    m = big > 0.0 ? 0.5*m : m;
    k += big;
    um1 = k==0.0 ? x : m - 1.0;
    s = um1 / (2.0 + um1);
    t = s*s;
    p = 1.0/21;
    p = p*t + 1.0/19; p = p*t + 1.0/17; p = p*t + 1.0/15; p = p*t + 1.0/13;
    p = p*t + 1.0/11; p = p*t + 1.0/9;  p = p*t + 1.0/7;  p = p*t + 1.0/5;
    p = p*t + 1.0/3;
    a_near = 0.5*x*x + s*x;
    a_far = ((0.5*r*r - 0.5) - k*KL_LN2_HI) - (k*KL_LN2_LO + 2.0*s);
    f = (k==0.0 ? a_near : a_far) - 2.0*s*t*p;
    out[i] = f + 0.5*d*d;
    suspect |= (uint64_t)(r < 0x1p-1000) | (uint64_t)(r > 0x1p1000)
             | (uint64_t)!(out[i] <= 1.7e308)
             | (uint64_t)!(sd1[i] > 0.0) | (uint64_t)!(sd2[i] > 0.0);
  }
  return suspect!=0;
}

/* Pairwise sum of n <= KL_SUM_BLOCK non-negative or mixed terms. */
KL_VECTORIZE
static double pairwise(const double *x, size_t n){
  double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i, j;
  if( n > 64 ){
    size_t h = (n/2 + 7) & ~(size_t)7;
    return pairwise(x, h) + pairwise(x + h, n - h);
  }
  for(i=0; i + 8 <= n; i += 8){
    for(j=0; j<8; j++) lane[j] += x[i+j];
  }
  for(; i<n; i++) lane[i & 7] += x[i];
  return ((lane[0] + lane[1]) + (lane[2] + lane[3]))
       + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
}

int kl_gauss_accum(const double *mu1, const double *sd1, const double *mu2,
                   const double *sd2, size_t n, kl_sum *acc){
  double term[256];
  while( n>0 ){
    size_t m = n < 256 ? n : 256, i;
    if( gauss_terms(mu1, sd1, mu2, sd2, m, term) ){
      for(i=0; i<m; i++){
        if( !(sd1[i] > 0.0) || !(sd2[i] > 0.0) ) return 1;
      }
      for(i=0; i<m; i++){
        double r = sd1[i] / sd2[i];
        if( !(r >= 0x1p-1000 && r <= 0x1p1000) || !(term[i] <= 1.7e308) ){
          term[i] = kl_gauss_term(mu1[i], sd1[i], mu2[i], sd2[i]);
        }
      }
    }
    kl_sum_add(acc, pairwise(term, m));
    mu1 += m; sd1 += m; mu2 += m; sd2 += m;
    n -= m;
  }
  return 0;
}

/* ------------------------------------------------------ Gaussian family */

/*
** mu1 - mu2 over the scale s > 0, also when the difference of the two
** finite means overflows (halve, divide, double).
*/
static double mean_gap(double mu1, double mu2, double s){
  double dm = mu1 - mu2;
  if( isinf(dm) ) return 2.0*((0.5*mu1 - 0.5*mu2) / s);
  return dm / s;
}

/*
** Variances: with v = var1/var2, f = (v - 1 - ln v)/2.  Near v = 1,
** x = (var1 - var2)/var2 is exact in its numerator (Sterbenz) and
** f = -log1pmx(x)/2 keeps every digit.  The mean term divides by
** sqrt(var2), which is correctly rounded and cannot overflow.
*/
double kl_gauss_var_term(double mu1, double var1, double mu2, double var2){
  double d = mean_gap(mu1, mu2, sqrt(var2)), v = var1 / var2, f;
  if( v >= 0.5 && v <= 2.0 ){
    f = -0.5*kl_log1pmx((var1 - var2) / var2);
  }else{
    double h = isinf(v) ? (0.5*var1) / var2 : 0.5*v, lv;
    if( v > 1e-300 && v < 1e300 ) lv = log(v);
    else lv = log(var1) - log(var2);
    f = (h - 0.5) - 0.5*lv;
  }
  return f + (0.5*d)*d;
}



/* x * e^h without overflow in e^h where the product is a double. */
static double mul_exp(double x, double h){
  double k, r;
  if( fabs(h) < 700.0 ) return x*exp(h);
  if( h > 3000.0 ) h = 3000.0;
  if( h < -3000.0 ) h = -3000.0;
  k = nearbyint(h / KL_LN2);
  r = (h - k*KL_LN2_HI) - k*KL_LN2_LO;
  return ldexp(x*exp(r), (int)k);
}

/*
** Log-variances l1, l2: with delta = l1 - l2 (kept as a double-double, so
** its rounding does not cost digits when e^delta is large),
**   f = (e^delta - 1 - delta) / 2,
** and the mean term (mu1-mu2)^2 e^-l2 / 2 = (w^2)/2, w = (mu1-mu2) e^(-l2/2),
** where e^(-l2/2) is scaled by a power of two before it could overflow.
*/
double kl_gauss_logvar_term(double mu1, double lv1, double mu2, double lv2){
  double dh = lv1 - lv2, dl, f, w, dm;
  /* two-sum: lv1 - lv2 = dh + dl exactly */
  {
    double bv = dh - lv1, av = dh - bv;
    dl = (lv1 - av) + (-lv2 - bv);
  }
  if( isinf(dh) && dh < 0.0 ){
    /* delta below -DBL_MAX: f = (-1 - delta)/2 at half scale, finite */
    f = (0.5*lv2 - 0.5*lv1) - 0.5;
  }else if( dh > 1500.0 ){
    /* e^delta / 2 or -delta / 2 beyond DBL_MAX.  (Above 2^53 dl is no
    ** longer small against 1, so e^delta is not e^dh (1 + dl) there.) */
    f = INFINITY;
  }else if( fabs(dh) <= 1.0 ){
    f = 0.5*(kl_expm1mx(dh) + dl*expm1(dh));
  }else if( dh > 700.0 ){
    double e = exp(0.5*dh);
    f = (0.5*e)*e*(1.0 + dl) - 0.5*(1.0 + dh);
  }else{
    double e = exp(dh);
    f = 0.5*(((e - 1.0) - dh) + (e - 1.0)*dl);
  }
  dm = mu1 - mu2;
  if( isinf(dm) ){
    w = 2.0*mul_exp(0.5*mu1 - 0.5*mu2, -0.5*lv2);
  }else{
    w = mul_exp(dm, -0.5*lv2);
  }
  return f + (0.5*w)*w;
}

/*
** Jeffreys divergence: with r = sd1/sd2, f(r) + f(1/r) = (r - 1/r)^2 / 2,
** and r - 1/r = x + y for x = (sd1-sd2)/sd2, y = (sd1-sd2)/sd1, two numbers
** of the same sign (no cancellation).  The means add
** (d^2/sd1^2 + d^2/sd2^2) / 2.
*/
double kl_gauss_sym_term(double mu1, double sd1, double mu2, double sd2){
  double ds = sd1 - sd2, g = ds/sd2 + ds/sd1;
  double d1 = mean_gap(mu1, mu2, sd1), d2 = mean_gap(mu1, mu2, sd2);
  return (0.5*g)*g + ((0.5*d1)*d1 + (0.5*d2)*d2);
}

/*
** Bhattacharyya distance of two normals:
**   (mu1-mu2)^2 / (4 (sd1^2 + sd2^2)) + ln((sd1^2 + sd2^2) / (2 sd1 sd2))/2.
** The log's argument is 1 + u with u = (sd1-sd2)^2 / (2 sd1 sd2)
** = x y / 2 (x, y as above), so log1p keeps its digits near sd1 = sd2; for
** ratios beyond 1e150 it is |ln sd1 - ln sd2| - ln 2 to double precision.
** The mean term is scaled by the larger sd.
*/
double kl_bhatt_gauss_term(double mu1, double sd1, double mu2, double sd2){
  double ds = sd1 - sd2, x = ds/sd2, y = ds/sd1, hi, lo, t, rho, lt;
  if( fabs(x) < 1e150 && fabs(y) < 1e150 ){
    lt = log1p(0.5*x*y);
  }else{
    lt = fabs(log(sd1) - log(sd2)) - KL_LN2;
  }
  hi = sd1 > sd2 ? sd1 : sd2;
  lo = sd1 > sd2 ? sd2 : sd1;
  t = mean_gap(mu1, mu2, hi);
  rho = lo / hi;
  return ((0.25*t)*t) / (1.0 + rho*rho) + 0.5*lt;
}

/*
** The Bhattacharyya term times 2^1200, for terms below 2^-900 (where
** log1p(u) = u to the last bit): the Hellinger distance sqrt(B) of
** distributions that close is far above the range where B underflows.
** x y and t^2 are formed from x, y, t scaled by 2^600 (exact).
*/
double kl_bhatt_gauss_tiny(const double *p){
  double mu1 = p[0], sd1 = p[1], mu2 = p[2], sd2 = p[3];
  double ds = sd1 - sd2, x = ldexp(ds/sd2, 600), y = ldexp(ds/sd1, 600);
  double hi = sd1 > sd2 ? sd1 : sd2, lo = sd1 > sd2 ? sd2 : sd1;
  double t = ldexp(mean_gap(mu1, mu2, hi), 600), rho = lo / hi;
  return ((0.25*t)*t) / (1.0 + rho*rho) + 0.25*x*y;
}

/* ------------------------------------------------ array forms (catalogue) */
/* The terms over (mu1, s1, mu2, s2) in call order, the form the catalogue
** (src/catalogue.h) names. */
double kl_gauss_kl(const double *x){
  return kl_gauss_term(x[0], x[1], x[2], x[3]);
}
double kl_gauss_var_kl(const double *x){
  return kl_gauss_var_term(x[0], x[1], x[2], x[3]);
}
double kl_gauss_logvar_kl(const double *x){
  return kl_gauss_logvar_term(x[0], x[1], x[2], x[3]);
}
double kl_gauss_sym_kl(const double *x){
  return kl_gauss_sym_term(x[0], x[1], x[2], x[3]);
}
double kl_bhatt_gauss_kl(const double *x){
  return kl_bhatt_gauss_term(x[0], x[1], x[2], x[3]);
}
double kl_halfnormal_kl(const double *x){
  return kl_gauss_term(0.0, x[0], 0.0, x[1]);
}
