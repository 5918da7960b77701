/*
** core/numeric.c — numerics of sqlite-kl (see core/numeric.h).  No SQLite in here.
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
#include "numeric.h"
#include "port.h"

#include <math.h>
#include <string.h>

double kl_unit_scale(double nats, kl_unit u){
  switch( u ){
    case KL_BITS: return nats / 0.693147180559945309417232121458176568;
    case KL_BANS: return nats / 2.30258509299404568401799145468436421;
    default:      return nats;
  }
}

/* ---------------------------------------------------------------- sums */

void kl_sum_init(kl_sum *a){
  memset(a, 0, sizeof(*a));
}

void kl_sum_add(kl_sum *a, double x){
  double t;
  if( !isfinite(x) ){
    if( isnan(x) ) a->nan = 1;
    else if( x > 0 ) a->pinf = 1;
    else a->ninf = 1;
    return;
  }
  t = a->s + x;
  if( fabs(a->s) >= fabs(x) ) a->c += (a->s - t) + x;
  else a->c += (x - t) + a->s;
  a->s = t;
}

double kl_sum_value(const kl_sum *a){
  if( a->nan || (a->pinf && a->ninf) ) return NAN;
  if( a->pinf ) return INFINITY;
  if( a->ninf ) return -INFINITY;
  if( isinf(a->s) ) return a->s;   /* the finite terms overflowed */
  return a->s + a->c;
}

/* ------------------------------------------------------ exact accumulator */

#define TWO32 4294967296LL

void kl_limbs_carry(int64_t *limb, int n){
  int64_t carry = 0;
  int i;
  for(i=0; i<n-1; i++){
    int64_t v = limb[i] + carry;
    carry = v / TWO32;
    if( v % TWO32 < 0 ) carry--;   /* floor division */
    limb[i] = v - carry*TWO32;
  }
  limb[n-1] += carry;
}

static void xsum_put(kl_xsum *a, double x, int sign){
  uint64_t bits, m, lo, hi;
  int e, p, i, s;
  memcpy(&bits, &x, sizeof bits);
  e = (int)((bits >> 52) & 0x7ff);
  m = bits & 0xFFFFFFFFFFFFFull;
  if( e == 0x7ff ){
    if( m ) a->nan += sign;
    else if( (bits >> 63)==0 ) a->pinf += sign;
    else a->ninf += sign;
    return;
  }
  if( e == 0 ){
    if( m == 0 ) return;
    p = 0;
  }else{
    m |= 1ull << 52;
    p = e - 1;
  }
  /* |x| = m * 2^(p-1074): place m at bit p of the fixed-point integer */
  if( bits >> 63 ) sign = -sign;
  i = p >> 5;
  s = p & 31;
  lo = (m << s) & 0xFFFFFFFFull;
  hi = m >> (32 - s);
  a->limb[i]   += sign * (int64_t)lo;
  a->limb[i+1] += sign * (int64_t)(hi & 0xFFFFFFFFull);
  a->limb[i+2] += sign * (int64_t)(hi >> 32);
  if( ++a->pending >= KL_XSUM_CARRY_EVERY ){
    kl_limbs_carry(a->limb, KL_XSUM_LIMBS);
    a->pending = 0;
  }
}

void kl_xsum_add(kl_xsum *a, double x){ xsum_put(a, x, 1); }
void kl_xsum_sub(kl_xsum *a, double x){ xsum_put(a, x, -1); }

static int clz32(uint64_t v){
  int n = 0;
  while( (v & 0x80000000ull)==0 ){ v <<= 1; n++; }
  return n;
}

double kl_xsum_value(const kl_xsum *a){
  int64_t limb[KL_XSUM_LIMBS];
  double sign = 1.0, r;
  int i, k, lz, B, sticky = 0;
  uint64_t w, mant, round, l1, l2;

  if( a->nan>0 || (a->pinf>0 && a->ninf>0) ) return NAN;
  if( a->pinf>0 ) return INFINITY;
  if( a->ninf>0 ) return -INFINITY;

  memcpy(limb, a->limb, sizeof limb);
  kl_limbs_carry(limb, KL_XSUM_LIMBS);
  if( limb[KL_XSUM_LIMBS-1] < 0 ){
    for(i=0; i<KL_XSUM_LIMBS; i++) limb[i] = -limb[i];
    kl_limbs_carry(limb, KL_XSUM_LIMBS);
    sign = -1.0;
  }
  for(k=KL_XSUM_LIMBS-1; k>=0 && limb[k]==0; k--){}
  if( k < 0 ) return 0.0;
  if( k >= 66 ) return sign*INFINITY;   /* >= 2^1038 */

  lz = clz32((uint64_t)limb[k]);
  B = 32*k + 31 - lz;                   /* position of the leading bit */
  if( B < 53 ){
    /* below 2^-1021: a multiple of 2^-1074 with at most 53 bits, exact */
    uint64_t n = (uint64_t)limb[0] | (k>=1 ? (uint64_t)limb[1] << 32 : 0);
    return sign*ldexp((double)n, -1074);
  }
  /* the 64 bits below and at B, then a sticky bit for the rest */
  l1 = (uint64_t)limb[k-1];
  l2 = k>=2 ? (uint64_t)limb[k-2] : 0;
  w = ((uint64_t)limb[k] << 32) | l1;
  if( lz>0 ){
    w = (w << lz) | (l2 >> (32 - lz));
    if( (l2 << lz) & 0xFFFFFFFFull ) sticky = 1;
  }else if( l2 ){
    sticky = 1;
  }
  for(i=k-3; i>=0 && !sticky; i--) if( limb[i] ) sticky = 1;
  mant = w >> 11;
  round = w & 0x7ff;
  if( round>0x400 || (round==0x400 && (sticky || (mant & 1))) ) mant++;
  r = ldexp((double)mant, B - 1074 - 52);
  return sign*r;
}

/* ------------------------------------------------------------- log1pmx */

/*
** log1p(x) - x.  With s = x/(2+x), log1p(x) = 2 atanh(s) and x - 2s = s x,
** so log1p(x) - x = -s x + 2 s^3 (1/3 + s^2/5 + s^4/7 + ...).  For x in
** [-1/2, 1], |s| <= 1/3 and the two parts never cancel by more than a
** ninth; 18 terms of the series reach below 2^-56.  Outside that range the
** direct difference loses at most a couple of bits.
*/
double kl_log1pmx(double x){
  double s, t, p;
  if( x < -0.5 || x > 1.0 ) return log1p(x) - x;
  s = x / (2.0 + x);
  t = s*s;
  p = 1.0/37;
  p = p*t + 1.0/35; p = p*t + 1.0/33; p = p*t + 1.0/31; p = p*t + 1.0/29;
  p = p*t + 1.0/27; p = p*t + 1.0/25; p = p*t + 1.0/23; p = p*t + 1.0/21;
  p = p*t + 1.0/19; p = p*t + 1.0/17; p = p*t + 1.0/15; p = p*t + 1.0/13;
  p = p*t + 1.0/11; p = p*t + 1.0/9;  p = p*t + 1.0/7;  p = p*t + 1.0/5;
  p = p*t + 1.0/3;
  return 2.0*s*t*p - s*x;
}

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
#if defined(__x86_64__) && defined(__ELF__) && defined(__GNUC__) \
    && !defined(KL_NO_CLONES) && (defined(__clang__) || __GNUC__ >= 6)
# define KL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
# define KL_CLONES
#endif

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

/* ------------------------------------------------- discrete distributions */

kl_dd kl_xsum_dd(const kl_xsum *a){
  kl_xsum rest = *a;
  kl_dd r;
  r.hi = kl_xsum_value(a);
  if( !isfinite(r.hi) ){
    r.lo = 0.0;
    return r;
  }
  kl_xsum_sub(&rest, r.hi);
  r.lo = kl_xsum_value(&rest);
  return r;
}

double kl_phi(double x){
  if( x <= -1.0 ) return 1.0;
  if( fabs(x) < 0.5 ){
    /* x log1p(x) ~ x^2 and log1pmx(x) ~ -x^2/2: at most one bit cancels */
    return x*log1p(x) + kl_log1pmx(x);
  }
  return (1.0 + x)*log1p(x) - x;
}

/*
** p*Y - q*X for double-doubles X and Y, with the two leading products
** split exactly by fma.  Callers scale with scale_with_total() first, so
** that none of the products leaves the normal range.
*/
static double cross_diff(double p, double q, kl_dd X, kl_dd Y){
  double h1 = p*Y.hi, l1 = fma(p, Y.hi, -h1);
  double h2 = q*X.hi, l2 = fma(q, X.hi, -h2);
  return (h1 - h2) + ((l1 - l2) + (p*Y.lo - q*X.lo));
}

/*
** (p, P) and (q, Q) may each be scaled by a power of two without changing
** the ratios a/b - 1 and (a-b)/(a+b); scaled so the totals are in
** [1/2, 1), the products below stay in the normal range.
*/
static kl_dd scale_dd(kl_dd x, double s){
  x.hi *= s;
  x.lo *= s;
  return x;
}

void kl_totals_init(kl_totals *t, kl_dd P, kl_dd Q){
  int e;
  t->P = P;
  t->Q = Q;
  t->inv_p = 1.0 / P.hi;
  t->inv_q = 1.0 / Q.hi;
  frexp(P.hi, &e);
  t->sp = ldexp(1.0, -e);
  frexp(Q.hi, &e);
  t->sq = ldexp(1.0, -e);
  t->Ps = scale_dd(P, t->sp);
  t->Qs = scale_dd(Q, t->sq);
}

/* ln(a/b) for a = p/P, b = q/Q, both > 0, where a/b is far from 1. */
static double log_ratio(double p, double q, double a, double b,
                        const kl_totals *t){
  double r = a / b;
  if( r > 1e-300 && r < 1e300 ) return log(r);
  return (log(p) - log(q)) + (log(t->Q.hi) - log(t->P.hi));
}

double kl_div_term(double p, double q, const kl_totals *t){
  double a, b, r;
  if( p==0.0 ) return q * t->inv_q;
  if( q==0.0 ) return INFINITY;
  a = p * t->inv_p;
  b = q * t->inv_q;
  r = a / b;
  if( r >= 0.5 && r <= 2.0 ){
    /* x = a/b - 1 = (p Q - q P) / (q P), in double-double */
    double ps = p * t->sp, qs = q * t->sq;
    double x = cross_diff(ps, qs, t->Ps, t->Qs) / (qs * t->Ps.hi);
    return b * kl_phi(x);
  }
  return a*(log_ratio(p, q, a, b, t) - 1.0) + b;
}

double kl_js_term(double p, double q, const kl_totals *t){
  double a = p * t->inv_p, b = q * t->inv_q, m = 0.5*(a + b), x, ps, qs;
  if( p==0.0 || q==0.0 ){
    /* x = +-1: phi(1) + phi(-1) = 2 ln 2 */
    return m * 0.693147180559945309417232121458176568;
  }
  /* x = (a-b)/(a+b) = (p Q - q P) / (p Q + q P), in double-double */
  ps = p * t->sp;
  qs = q * t->sq;
  x = cross_diff(ps, qs, t->Ps, t->Qs) / (ps*t->Qs.hi + qs*t->Ps.hi);
  return m * 0.5 * (kl_phi(x) + kl_phi(-x));
}

double kl_xent_term(double p, double q, const kl_totals *t){
  double a, b, lb;
  if( p==0.0 ) return 0.0;
  if( q==0.0 ) return INFINITY;
  a = p * t->inv_p;
  b = q * t->inv_q;
  if( b > 0.5 ){
    /* ln b = log1p((q - Q)/Q); q - Q.hi is exact here (Sterbenz) */
    lb = log1p(((q - t->Q.hi) - t->Q.lo) * t->inv_q);
  }else if( b > 1e-300 ){
    lb = log(b);
  }else{
    lb = log(q) - log(t->Q.hi);
  }
  return -a * lb;
}

void kl_terms_accum(kl_term_fn term, const double *p, const double *q,
                    size_t n, const kl_totals *t, kl_sum *acc){
  size_t i;
  for(i=0; i<n; i++) kl_sum_add(acc, term(p[i], q[i], t));
}

/* --------------------------------------------------------------- logits */

void kl_logit_acc_init(kl_logit_acc *acc, double max_a, double max_b,
                       double c){
  memset(acc, 0, sizeof(*acc));
  acc->max_a = max_a;
  acc->max_b = max_b;
  acc->c = c;
  kl_sum_init(&acc->sa);
  kl_sum_init(&acc->sb);
  kl_sum_init(&acc->u);
}

void kl_logit_acc_add(kl_logit_acc *acc, const double *a, const double *b,
                      size_t n){
  size_t i;
  for(i=0; i<n; i++){
    double eb;
    if( isfinite(a[i]) ) kl_sum_add(&acc->sa, exp(a[i] - acc->max_a));
    if( !isfinite(b[i]) ) continue;
    eb = exp(b[i] - acc->max_b);
    kl_sum_add(&acc->sb, eb);
    if( isfinite(a[i]) ){
      /* e_b (e^t - 1) = e^s - e_b with s = (b - max_b) + t */
      double t = (a[i] - b[i]) - acc->c;
      if( t <= 700.0 ){
        kl_sum_add(&acc->u, eb*expm1(t));
      }else{
        double sx = (b[i] - acc->max_b) + t;
        if( sx > 700.0 ) acc->overflow = 1;
        else kl_sum_add(&acc->u, exp(sx) - eb);
      }
    }else{
      kl_sum_add(&acc->u, -eb);   /* a = -Inf: e^(a-b) = 0 */
    }
  }
}

void kl_logit_finish(const kl_logit_acc *acc, kl_logit_norm *out){
  double sa = kl_sum_value(&acc->sa), sb = kl_sum_value(&acc->sb);
  out->max_a = acc->max_a;
  out->max_b = acc->max_b;
  out->c = acc->c;
  out->log_sa = log(sa);
  out->sb = sb;
  if( !acc->overflow ){
    /* s >= -1 but for rounding; s = -1 is a b with no mass where a has */
    out->dlse = log1p(fmax(kl_sum_value(&acc->u) / sb, -1.0));
  }else{
    out->dlse = ((acc->max_a + out->log_sa) - (acc->max_b + log(sb)))
              - acc->c;
  }
}

double kl_logit_term(double a, double b, const kl_logit_norm *nm){
  double w, d;
  if( isinf(b) ) return isinf(a) ? 0.0 : INFINITY;
  w = exp(b - nm->max_b) / nm->sb;
  if( isinf(a) ) return w;
  /* ln(pa/pb) for this bin; dlse is finite here, for a bin where both a
  ** and b are finite puts mass of a where b has some */
  d = ((a - b) - nm->c) - nm->dlse;
  if( d <= 1.0 ) return w * kl_phi(expm1(d));
  /* pa (d - 1) + pb, with pa formed in log space */
  return exp((a - nm->max_a) - nm->log_sa) * (d - 1.0) + w;
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

/*
** expm1(x) - x.  For |x| <= 1 the Taylor series sum_{k>=2} x^k/k! (21
** terms reach 2^-60 relative); outside, at most three bits cancel.
*/
double kl_expm1mx(double x){
  double p;
  int k;
  if( fabs(x) > 1.0 ) return expm1(x) - x;
  p = 1.0;
  for(k=22; k>2; k--) p = 1.0 + p*x/k;
  return 0.5*x*x*p;
}

#define KL_LN2_HI_S 6.93147180369123816490e-01
#define KL_LN2_LO_S 1.90821492927058770002e-10

/* x * e^h without overflow in e^h where the product is a double. */
static double mul_exp(double x, double h){
  double k, r;
  if( fabs(h) < 700.0 ) return x*exp(h);
  if( h > 3000.0 ) h = 3000.0;
  if( h < -3000.0 ) h = -3000.0;
  k = nearbyint(h / 0.693147180559945309417232121458176568);
  r = (h - k*KL_LN2_HI_S) - k*KL_LN2_LO_S;
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
  if( isinf(dh) ){
    f = INFINITY;   /* e^delta / 2 or -delta / 2 beyond DBL_MAX */
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
    lt = fabs(log(sd1) - log(sd2)) - 0.693147180559945309417232121458176568;
  }
  hi = sd1 > sd2 ? sd1 : sd2;
  lo = sd1 > sd2 ? sd2 : sd1;
  t = mean_gap(mu1, mu2, hi);
  rho = lo / hi;
  return ((0.25*t)*t) / (1.0 + rho*rho) + 0.5*lt;
}

void kl_ssq_init(kl_ssq *a){
  kl_sum_init(&a->big);
  kl_sum_init(&a->mid);
  kl_sum_init(&a->small);
}

#define KL_SSQ_BIG   0x1p+500
#define KL_SSQ_SMALL 0x1p-500

void kl_ssq_add(kl_ssq *a, double x){
  double ax = fabs(x);
  if( ax > KL_SSQ_BIG ){
    double s = x * 0x1p-600;
    kl_sum_add(&a->big, s*s);
  }else if( ax < KL_SSQ_SMALL ){
    double s = x * 0x1p+600;
    kl_sum_add(&a->small, s*s);
  }else{
    kl_sum_add(&a->mid, x*x);
  }
}

double kl_ssq_norm(const kl_ssq *a){
  double big = kl_sum_value(&a->big), mid = kl_sum_value(&a->mid);
  double small = kl_sum_value(&a->small);
  if( big > 0.0 ){
    /* mid and small are below 2^-200 of big: only mid can still count */
    return sqrt(big + (mid*0x1p-600)*0x1p-600) * 0x1p+600;
  }
  if( mid > 0.0 ){
    if( mid > 0x1p-900 || small==0.0 ){
      return sqrt(mid + (small*0x1p-600)*0x1p-600);
    }
    return sqrt((mid*0x1p+600)*0x1p+600 + small) * 0x1p-600;
  }
  return sqrt(small) * 0x1p-600;
}
