/*
** core/discrete.c — the terms of the discrete divergences and of KL
** between logits (see core/discrete.h).  No SQLite in here.
*/
#include "discrete.h"
#include "port.h"
#include "disc_tables.h"

#include <limits.h>
#include <math.h>
#include <string.h>

/* ------------------------------------------------- discrete distributions */

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
** split exactly by fma.  Callers pass p and q scaled by the powers of two
** of kl_totals (disc_scaled(), or the per-bin rescaling of ratio_m1 and
** js_ratio), with both or the larger at least 2^-960, and the totals
** scaled into [1/2, 1) (Ps, Qs), so that the products and their errors
** stay in the normal range.
*/
static double cross_diff(double p, double q, kl_dd X, kl_dd Y){
  double h1 = p*Y.hi, l1 = KL_FMA(p, Y.hi, -h1);
  double h2 = q*X.hi, l2 = KL_FMA(q, X.hi, -h2);
  return (h1 - h2) + ((l1 - l2) + (p*Y.lo - q*X.lo));
}

/*
** The first KL_TOT_PARTS doubles of the total m 2^e (from the exact sum x,
** if any), times 2^-e, into part: x's when it is within the double range,
** else m's two.
*/
static void total_parts(double *part, const kl_xsum *x, kl_dd m, int e){
  kl_xsum rest;
  double v[KL_TOT_PARTS];
  int k;
  memset(part, 0, KL_TOT_PARTS*sizeof *part);
  part[0] = m.hi;
  part[1] = m.lo;
  if( !x ) return;
  rest = *x;
  for(k=0; k<KL_TOT_PARTS; k++){
    v[k] = kl_xsum_value(&rest);
    if( !isfinite(v[k]) ) return;
    kl_xsum_sub(&rest, v[k]);
  }
  for(k=0; k<KL_TOT_PARTS; k++) part[k] = ldexp(v[k], -e);
}

static const kl_tparts *totals_parts(const kl_totals *t, kl_tparts *local){
  kl_tparts *tp = t->parts ? t->parts : local;
  if( !t->parts || !tp->ready ){
    total_parts(tp->pp, t->xp, t->Ps, t->ep);
    total_parts(tp->qp, t->xq, t->Qs, t->eq);
    tp->ready = 1;
  }
  return tp;
}

/*
** (ps Qs - qs Ps) / den, where den is qs Ps (KL's a/b - 1) or, for js,
** ps Qs + qs Ps ((a-b)/(a+b)).  The cross difference as cross_diff()
** gives it (to about 2^-104 of the products) where that is enough, and
** exactly (then rounded once) where it is below 2^-48 of the products:
** nearly equal bins, whose term is about num^2 / den, so that the
** double-double's error would be a relative error of 2^-104 den / |num|
** in the term (it was 2.4e-3 for two bins 1e-30 apart).  The exact form
** scales ps and qs near 1 (by a power of two: the ratio does not change),
** takes the totals' parts (kl_totals_exact()) and adds the products, each
** split exactly by fma, into the exact accumulator.
*/
static double cross_near(double ps, double qs, const kl_totals *t, int js){
  double d = cross_diff(ps, qs, t->Ps, t->Qs), h, den;
  kl_xsum acc;
  kl_tparts local;
  const kl_tparts *tp;
  int k;
  den = (js ? ps*t->Qs.hi : 0.0) + qs*t->Ps.hi;
  if( fabs(d)*0x1p48 >= ps*t->Qs.hi + qs*t->Ps.hi ) return d / den;
  if( t->same && ps==qs ) return 0.0;
  tp = totals_parts(t, &local);
  k = -ilogb(ps > qs ? ps : qs);
  ps = ldexp(ps, k);
  qs = ldexp(qs, k);
  memset(&acc, 0, sizeof acc);
  for(k=0; k<KL_TOT_PARTS; k++){
    h = ps*tp->qp[k];
    kl_xsum_add(&acc, h);
    kl_xsum_add(&acc, KL_FMA(ps, tp->qp[k], -h));
    h = qs*tp->pp[k];
    kl_xsum_sub(&acc, h);
    kl_xsum_sub(&acc, KL_FMA(qs, tp->pp[k], -h));
  }
  den = (js ? ps*t->Qs.hi : 0.0) + qs*t->Ps.hi;
  return kl_xsum_value(&acc) / den;
}

/* ln 2 split so that k ln 2 is exact in its high part for |k| < 2^21 */
#define DISC_LN2_HI 6.93147180369123816490e-01   /* 0x3FE62E42FEE00000 */
#define DISC_LN2_LO 1.90821492927058770002e-10

/* Below this a scaled weight takes the per-bin rescaling (see cross_diff). */
#define DISC_DD_MIN 0x1p-960

/*
** The power of two 2^n as three factors s[0] s[1] s[2], each a double: n
** runs from about -1102 (a total near the top of kl_xsum) to 1073 (a total
** of 2^-1074).  x s[0] s[1] s[2] is
** then exact whenever the result is normal: scaling up never rounds (no
** partial product exceeds the result), and scaling down is a single
** multiplication except beyond 2^1074 (a sum of 2^50 values near DBL_MAX).
*/
static void pow2_factors(double s[3], int n){
  s[1] = s[2] = 1.0;
  if( n > 1000 ){
    s[0] = 0x1p+1000;
    s[1] = ldexp(1.0, n - 1000);
  }else if( n < -1074 ){
    s[0] = 0x1p-600;
    s[1] = ldexp(1.0, n + 600);
  }else{
    s[0] = ldexp(1.0, n);
  }
}

static double disc_scaled(double x, const double s[3]){
  return ((x*s[0])*s[1])*s[2];
}

/* ln(m 2^e) for m.hi in [1/2, 1) */
static double log_exp(kl_dd m, int e){
  return (log(m.hi) + m.lo/m.hi) + e*KL_LN2;
}

kl_dd kl_total_frexp(const kl_xsum *sum, int *e){
  return kl_total_frexp_x(sum, e, 0);
}

kl_dd kl_total_frexp_x(const kl_xsum *sum, int *e, int *inexact){
  kl_dd d = kl_xsum_dd_x(sum, inexact), m;
  int k, shift = 0;
  if( isinf(d.hi) ){
    /* beyond the double range: the fixed-point integer shifted right by
    ** four 32-bit limbs (a division by 2^128), dropping bits below 2^-946,
    ** which are far below the double-double precision of a sum >= 2^1023 */
    kl_xsum s = *sum;
    int i;
    kl_limbs_carry(s.limb, KL_XSUM_LIMBS);
    for(i=0; i<KL_XSUM_LIMBS; i++){
      s.limb[i] = i + 4 < KL_XSUM_LIMBS ? s.limb[i + 4] : 0;
    }
    s.pending = 0;
    d = kl_xsum_dd(&s);
    shift = 128;
    if( inexact ) *inexact = 1;   /* bits were dropped */
  }
  if( !(d.hi > 0.0) ){
    *e = 0;
    return d;
  }
  m.hi = frexp(d.hi, &k);
  m.lo = ldexp(d.lo, -k);
  *e = k + shift;
  return m;
}

void kl_totals_init_exp(kl_totals *t, kl_dd Ps, int ep, kl_dd Qs, int eq){
  t->Ps = Ps;
  t->Qs = Qs;
  t->ep = ep;
  t->eq = eq;
  t->P.hi = ldexp(Ps.hi, ep);
  t->P.lo = ldexp(Ps.lo, ep);
  t->Q.hi = ldexp(Qs.hi, eq);
  t->Q.lo = ldexp(Qs.lo, eq);
  pow2_factors(t->sp, -ep);
  pow2_factors(t->sq, -eq);
  t->inv_ps = 1.0 / Ps.hi;
  t->inv_qs = 1.0 / Qs.hi;
  t->same = ep==eq && Ps.hi==Qs.hi && Ps.lo==Qs.lo;
  t->xp = t->xq = 0;
  t->parts = 0;
  if( isfinite(t->P.hi) && t->P.hi >= 0x1p-1022
   && isfinite(t->Q.hi) && t->Q.hi >= 0x1p-1022 ){
    t->lqp = log(t->Q.hi) - log(t->P.hi);
    t->lq = log(t->Q.hi);
  }else{
    t->lqp = (log(Qs.hi) - log(Ps.hi)) + (double)(eq - ep)*KL_LN2;
    t->lq = log_exp(Qs, eq);
  }
}

void kl_totals_exact(kl_totals *t, const kl_xsum *P, const kl_xsum *Q,
                     kl_tparts *parts){
  t->xp = P;
  t->xq = Q;
  t->parts = parts;
  if( parts ) parts->ready = 0;
}

void kl_totals_init(kl_totals *t, kl_dd P, kl_dd Q){
  kl_dd Ps, Qs;
  int ep, eq;
  Ps.hi = frexp(P.hi, &ep);
  Ps.lo = ldexp(P.lo, -ep);
  Qs.hi = frexp(Q.hi, &eq);
  Qs.lo = ldexp(Q.lo, -eq);
  kl_totals_init_exp(t, Ps, ep, Qs, eq);
  t->P = P;
  t->Q = Q;
}

/*
** ln(a/b) for a = p/P, b = q/Q, both > 0, where a/b is far from 1 (outside
** [1/2, 2]).  a or b may have rounded into the subnormals (or to 0): then
** a/b is not accurate, and a/b is taken apart instead, as
** (mp/mq)(Qs/Ps) 2^k with p = mp 2^e1, q = mq 2^e2 and the scaled totals:
** ln(a/b) = ln m + k ln 2, with m in [1/4, 4].  |ln(a/b)| >= ln 2 there,
** so the two parts cancel by at most a few bits (the difference of
** ln p and ln q, each near 700, lost up to 6 bits to that cancellation).
*/
static double log_ratio(double a, double b, double p, double q,
                        const kl_totals *t){
  double r = a / b, m;
  int e1, e2, k;
  if( r > 1e-300 && r < 1e300 && a >= 0x1p-1022 && b >= 0x1p-1022 ){
    return log(r);
  }
  m = (frexp(p, &e1) / frexp(q, &e2)) * (t->Qs.hi / t->Ps.hi);
  k = e1 - e2 + t->eq - t->ep;
  return (double)k*DISC_LN2_HI + ((double)k*DISC_LN2_LO
         + (log(m) + (t->Qs.lo/t->Qs.hi - t->Ps.lo/t->Ps.hi)));
}

/*
** x = a/b - 1 = (p Q - q P) / (q P) in double-double, for a/b near 1
** (within a factor of about 3), from the scaled weights ps = p 2^-ep and
** qs = q 2^-eq.  When they are too small for exact products (a tiny bin,
** or a scaled weight rounded into the subnormals), p and q are rescaled by
** one more common power of two that brings q near 1; that is exact.
*/
static double ratio_m1(double p, double q, double ps, double qs,
                       const kl_totals *t){
  if( ps < DISC_DD_MIN || qs < DISC_DD_MIN ){
    int k = -ilogb(q);
    ps = ldexp(p, k + t->eq - t->ep);
    qs = ldexp(q, k);
  }
  return cross_near(ps, qs, t, 0);
}

double kl_div_term(double p, double q, const kl_totals *t){
  double a, b, r, ps, qs;
  if( p==0.0 ) return disc_scaled(q, t->sq) * t->inv_qs;
  if( q==0.0 ) return INFINITY;
  ps = disc_scaled(p, t->sp);
  qs = disc_scaled(q, t->sq);
  a = ps * t->inv_ps;
  b = qs * t->inv_qs;
  r = a / b;
  if( r >= 0.5 && r <= 2.0 ){
    return b * kl_phi(ratio_m1(p, q, ps, qs, t));
  }
  /* a or b may have underflowed to 0 here (a bin far below its total):
  ** r is then 0, Inf or NaN, and log_ratio works from p and q */
  return a*(log_ratio(a, b, p, q, t) - 1.0) + b;
}

/*
** phi(x) + phi(-x) for x = (a-b)/(a+b), from the scaled weights ps, qs
** (a = ps/Ps, b = qs/Qs): for |x| < 1/2 from x in double-double; beyond,
** as al ln al + be ln be with al = 1 + x = 2A/(A+B), be = 1 - x = 2B/(A+B)
** for A = ps Qs, B = qs Ps, formed from the products and not as 1 +- x,
** which loses all its digits where a << b or a >> b (al near 0 carries a
** term al ln al that 1 + x has rounded away).
*/
static double js_pair(double ps, double qs, const kl_totals *t){
  double A = ps*t->Qs.hi + ps*t->Qs.lo, B = qs*t->Ps.hi + qs*t->Ps.lo;
  double x = cross_near(ps, qs, t, 1);
  double al, be;
  if( fabs(x) < 0.5 ) return kl_phi(x) + kl_phi(-x);
  al = 2.0*A/(A + B);
  be = 2.0*B/(A + B);
  return (al > 0.0 ? al*log(al) : 0.0) + (be > 0.0 ? be*log(be) : 0.0);
}

double kl_js_term(double p, double q, const kl_totals *t){
  double ps = disc_scaled(p, t->sp), qs = disc_scaled(q, t->sq);
  double a = ps * t->inv_ps, b = qs * t->inv_qs, m = 0.5*(a + b);
  if( p==0.0 || q==0.0 ){
    /* x = +-1: phi(1) + phi(-1) = 2 ln 2 */
    return m * KL_LN2;
  }
  if( m==0.0 ) return 0.0;   /* both below 2^-1074: the term is too */
  if( ps < DISC_DD_MIN && qs < DISC_DD_MIN ){
    /* rescale so that the larger of the two is near 1 (exact; the smaller
    ** may round, which moves x by less than 2^-100) */
    int k = b > a ? -ilogb(q) + t->eq : -ilogb(p) + t->ep;
    ps = ldexp(p, k - t->ep);
    qs = ldexp(q, k - t->eq);
  }
  return m * 0.5 * js_pair(ps, qs, t);
}

/*
** The Jensen-Shannon term 2^s times larger, for terms too small for the
** double range (js_dist's square root of a divergence below 2^-900).  a
** and b are taken apart as mantissa and exponent (a = p/P may be far below
** 2^-1074, for a bin of 5e-324 under a total of 1e308), the weight m =
** (a + b)/2 is formed at the larger one's exponent, and the product
** m g(x) is scaled by 2^(e + s) only at the end, so no bin's weight can
** overflow or underflow on the way, whatever s.
*/
double kl_js_term_at(double p, double q, const kl_totals *t, int s){
  double ma = 0.0, mb = 0.0, m, g, ps, qs;
  int ea = INT_MIN, eb = INT_MIN, e, k;
  if( p > 0.0 ){
    ma = frexp(p, &ea) / t->Ps.hi;
    ea -= t->ep;
  }
  if( q > 0.0 ){
    mb = frexp(q, &eb) / t->Qs.hi;
    eb -= t->eq;
  }
  if( ma==0.0 && mb==0.0 ) return 0.0;
  e = ea > eb ? ea : eb;
  ma = ma==0.0 ? 0.0 : ldexp(ma, ea - e);
  mb = mb==0.0 ? 0.0 : ldexp(mb, eb - e);
  m = 0.5*(ma + mb);
  if( ma==0.0 || mb==0.0 ){
    g = KL_LN2;          /* x = +-1: (phi(1) + phi(-1)) / 2 = ln 2 */
  }else{
    /* x = (a-b)/(a+b) with the larger of p 2^-ep, q 2^-eq brought near 1
    ** (exact; the smaller may round, which moves x by less than 2^-100) */
    k = mb > ma ? -ilogb(q) + t->eq : -ilogb(p) + t->ep;
    ps = ldexp(p, k - t->ep);
    qs = ldexp(q, k - t->eq);
    g = 0.5*js_pair(ps, qs, t);
  }
  return ldexp(m*g, e + s);
}

double kl_xent_term(double p, double q, const kl_totals *t){
  double a, b, lb, qs;
  if( p==0.0 ) return 0.0;
  if( q==0.0 ) return INFINITY;
  qs = disc_scaled(q, t->sq);
  a = disc_scaled(p, t->sp) * t->inv_ps;
  b = qs * t->inv_qs;
  if( b > 0.5 ){
    /* ln b = log1p((q - Q)/Q); qs - Qs.hi is exact here (Sterbenz) */
    lb = log1p(((qs - t->Qs.hi) - t->Qs.lo) * t->inv_qs);
  }else if( b > 1e-300 ){
    lb = log(b);
  }else{
    lb = log(q) - t->lq;
  }
  return -a * lb;
}

/* ---------------------------------------------------------- fast path */

/*
** The kernels (core/disc_kernel.h) take each bin's weights p and q as they
** are (float32 read in place, or doubles) and the totals' scaled parts as
** constants (kl_fast_k: Qs 2^-ep and Ps 2^-eq, split), so that
**   h1 = p Qs.hi 2^-ep,  h2 = q Ps.hi 2^-eq,
**   num = (p Qs - q Ps) 2^-(ep+eq) to about 2^-100 relative (exact parts),
**   den = h1 + h2,  s = num / den = (a - b)/(a + b)
** for a = p/P = h1/(Ps Qs), b = q/Q = h2/(Ps Qs): the cross difference of
** cross_diff(), without fma.  For float32 weights (24 bits) each total is
** split into a 29-bit and a 24-bit part, so that every product is exact;
** and for two bins whose ratio a/b is within [1/2, 2], the two leading
** differences are exact too (Sterbenz; and for the second, both products
** lie on grids at most four apart and below 2^-28 h1: 51 bits).  For
** doubles, Dekker's exact product.  With p 2^-ep and q 2^-eq >= 2^-960
** (DISC_DD_MIN), no partial product leaves the normal range.
**
** KL, per bin, a ln(a/b) - a + b:
**   near, |s| <= 0.4 (a/b in [3/7, 7/3]): with a = (a+b)(1+s)/2,
**     b = (a+b)(1-s)/2 and ln(a/b) = 2 atanh(s) = 2s + 2s^3 B(s^2),
**       term = (a+b) s^2 (1 + s (1+s) B(s^2)),
**     a sum of two parts of which the second is at most 21% of the first:
**     no cancellation, and s keeps its relative accuracy however close a
**     is to b.
**   far: a (ln(a/b) - 1) + b, where with h1 = 2^k1 m1, h2 = 2^k2 m2 (m1,
**     m2 in [1, 2)) ln(a/b) = ln(h1/h2) = (k1 - k2) ln 2 + 2 atanh(s'),
**     s' = (m1 - m2)/(m1 + m2) in (-1/3, 1/3), m1 - m2 exact: the same
**     one division (num/den or s') and the same polynomial B as the near
**     case.  ln(a/b) - 1 is formed with the 1 taken off exactly, and at
**     a/b = 7/3 the parts cancel by at most 3 bits, less than the careful
**     term's at its edge (a/b = 2).
** Jensen-Shannon and cross-entropy: see disc_kernel.h.
** No libm, no table, one division per bin (three for JS's far bins).
** Measured against mpmath on random histograms, every function's error
** is below 9 units in the last place, as the careful terms' (7 to 10).
*/
#define DISC_BLOCK 1024           /* bins per kernel call */
#define DISC_XBLOCK 256           /* values per extraction (extract()) */
#define DISC_SPLIT 134217729.0     /* 2^27 + 1: Veltkamp's splitter */
#define DISC_SPLIT29 16777217.0    /* 2^24 + 1: keeps the top 29 bits */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__==__ORDER_LITTLE_ENDIAN__
# define DISC_LITTLE_ENDIAN 1
#else
# define DISC_LITTLE_ENDIAN 0
#endif

/* The bits of element i of a little-endian float32 blob. */
KL_INLINE KL_KERNEL uint32_t disc_f32_bits(const unsigned char *b, size_t i){
  uint32_t u;
#if DISC_LITTLE_ENDIAN
  memcpy(&u, b + 4*i, 4);
#else
  const unsigned char *c = b + 4*i;
  u = (uint32_t)c[0] | (uint32_t)c[1]<<8 | (uint32_t)c[2]<<16
    | (uint32_t)c[3]<<24;
#endif
  return u;
}

/* Element i of a little-endian float32 blob, as a double (exact). */
KL_INLINE KL_KERNEL double disc_f32_at(const unsigned char *b, size_t i){
  uint32_t u = disc_f32_bits(b, i);
  float x;
  memcpy(&x, &u, 4);
  return x;
}

/* The exact error of the product x*y = h, for y = y1 + y2 split by
** Veltkamp (26 bits each; Dekker's product); x is split by clearing its
** low 27 bits, which cannot overflow as Veltkamp's split of a large x
** would.  Every partial product and every sum is exact while no partial
** product falls below 2^-1022. */
/* The error of s = x + y (Knuth's TwoSum): x + y = s + err exactly. */
KL_INLINE KL_KERNEL double sum_err(double x, double y, double s){
  double yv = s - x;
  return (x - (s - yv)) + (y - yv);
}

KL_INLINE KL_KERNEL double prod_err(double x, double h, double y1,
                                    double y2){
  uint64_t b;
  double x1, x2;
  memcpy(&b, &x, 8);
  b &= ~(uint64_t)0x7FFFFFF;
  memcpy(&x1, &b, 8);
  x2 = x - x1;
  return (((x1*y1 - h) + x1*y2) + x2*y1) + x2*y2;
}

/* B(t), atanh(s) = s + s^3 B(s^2), |s| <= 0.41: pairs, quadratics in
** t^2, then Horner's rule in t^4 (Estrin's scheme but for the last level,
** which saves a product): a chain of five multiply-adds instead of ten,
** as the kernels are bound by each bin's chain of dependent operations as
** much as by their count (Horner's rule was 20% slower). */
KL_INLINE KL_KERNEL double disc_atanh_b(double t){
  double t2 = t*t, t4 = t2*t2;
  double p01 = DISC_B0 + DISC_B1*t, p23 = DISC_B2 + DISC_B3*t;
  double p45 = DISC_B4 + DISC_B5*t, p67 = DISC_B6 + DISC_B7*t;
  double p89 = DISC_B8 + DISC_B9*t;
  double q03 = p01 + p23*t2, q47 = p45 + p67*t2, q8a = p89 + DISC_B10*t2;
  return q03 + (q47 + q8a*t4)*t4;
}

/* D(t), atanh(s) = s + s^3 D(s^2), |s| <= 0.175 */
KL_INLINE KL_KERNEL double disc_atanh_d(double t){
  double t2 = t*t, t4 = t2*t2;
  double p01 = DISC_D0 + DISC_D1*t, p23 = DISC_D2 + DISC_D3*t;
  double p45 = DISC_D4 + DISC_D5*t;
  return (p01 + p23*t2) + (p45 + DISC_D6*t2)*t4;
}

/* x = 2^(e-1023) m with m in [1, 2), for a positive normal x: returns m,
** and 2^52 + e in *e (a double, formed without an int conversion, so
** that the difference of two is the difference of the exponents). */
KL_INLINE KL_KERNEL double disc_frexp(double x, double *e){
  uint64_t b, hb, mb;
  double m;
  memcpy(&b, &x, 8);
  hb = (b >> 52) | 0x4330000000000000ull;
  memcpy(e, &hb, 8);
  mb = (b & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;
  memcpy(&m, &mb, 8);
  return m;
}

/* C(t): (1+s) ln(1+s) + (1-s) ln(1-s) = s^2 C(s^2), |s| <= 0.41 */
KL_INLINE KL_KERNEL double disc_js_c(double t){
  double t2 = t*t, t4 = t2*t2, t8 = t4*t4;
  double p01 = DISC_C0 + DISC_C1*t, p23 = DISC_C2 + DISC_C3*t;
  double p45 = DISC_C4 + DISC_C5*t, p67 = DISC_C6 + DISC_C7*t;
  double p89 = DISC_C8 + DISC_C9*t;
  double q03 = p01 + p23*t2, q47 = p45 + p67*t2, q8a = p89 + DISC_C10*t2;
  return (q03 + q47*t4) + q8a*t8;
}

/* The sum of x[0..n), 1 <= n <= DISC_BLOCK, in a fixed order: blocks of
** 64 in eight lanes (element i to lane i mod 8), the blocks' lane vectors
** pairwise, then the eight lanes pairwise (for terms >= 0, an error of at
** most 14 units in the last place of the sum). */
KL_INLINE KL_KERNEL double block_sum(const double *x, size_t n){
  double v[DISC_BLOCK/64][8];
  size_t b, i, j, nb = 0;
  for(b=0; b<n; b+=64){
    double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t e = n - b < 64 ? n : b + 64;
    for(i=b; i + 8 <= e; i += 8){
      for(j=0; j<8; j++) lane[j] += x[i+j];
    }
    for(; i<e; i++) lane[i & 7] += x[i];
    for(j=0; j<8; j++) v[nb][j] = lane[j];
    nb++;
  }
  for(; nb & (nb - 1); nb++){   /* to a power of two */
    for(j=0; j<8; j++) v[nb][j] = 0.0;
  }
  for(; nb > 1; nb /= 2){
    for(b=0; b<nb/2; b++){
      for(j=0; j<8; j++) v[b][j] = v[2*b][j] + v[2*b + 1][j];
    }
  }
  return ((v[0][0] + v[0][1]) + (v[0][2] + v[0][3]))
       + ((v[0][4] + v[0][5]) + (v[0][6] + v[0][7]));
}

/* The variants: core/disc_kernel.h, once for each */
#define DK_KL 1
#define DK_JS 2
#define DK_XENT 3
#define DK_NAME kl_f32
#define DK_KIND DK_KL
#define DK_F32 1
#define DK_CLEAN 0
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME kl_f32_clean
#define DK_KIND DK_KL
#define DK_F32 1
#define DK_CLEAN 1
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME kl_f64
#define DK_KIND DK_KL
#define DK_F32 0
#define DK_CLEAN 0
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME kl_f64_clean
#define DK_KIND DK_KL
#define DK_F32 0
#define DK_CLEAN 1
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME kl_f64_lo
#define DK_KIND DK_KL
#define DK_F32 0
#define DK_CLEAN 0
#define DK_LO 1
#include "disc_kernel.h"
#define DK_NAME js_f32
#define DK_KIND DK_JS
#define DK_F32 1
#define DK_CLEAN 0
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME js_f32_clean
#define DK_KIND DK_JS
#define DK_F32 1
#define DK_CLEAN 1
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME js_f64
#define DK_KIND DK_JS
#define DK_F32 0
#define DK_CLEAN 0
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME js_f64_clean
#define DK_KIND DK_JS
#define DK_F32 0
#define DK_CLEAN 1
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME js_f64_lo
#define DK_KIND DK_JS
#define DK_F32 0
#define DK_CLEAN 0
#define DK_LO 1
#include "disc_kernel.h"
#define DK_NAME xent_f32
#define DK_KIND DK_XENT
#define DK_F32 1
#define DK_CLEAN 0
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME xent_f32_clean
#define DK_KIND DK_XENT
#define DK_F32 1
#define DK_CLEAN 1
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME xent_f64
#define DK_KIND DK_XENT
#define DK_F32 0
#define DK_CLEAN 0
#define DK_LO 0
#include "disc_kernel.h"
#define DK_NAME xent_f64_clean
#define DK_KIND DK_XENT
#define DK_F32 0
#define DK_CLEAN 1
#define DK_LO 0
#include "disc_kernel.h"

typedef int (*disc_variant)(kl_fast_k, const void*, const void*, size_t,
                            double*, double*);

/* [kind][float32][clean] */
static disc_variant disc_variant_of(kl_fast_kind kind, int f32, int clean,
                                   int lo){
  static const disc_variant v[3][2][2] = {
    { { kl_f64, kl_f64_clean }, { kl_f32, kl_f32_clean } },
    { { js_f64, js_f64_clean }, { js_f32, js_f32_clean } },
    { { xent_f64, xent_f64_clean }, { xent_f32, xent_f32_clean } },
  };
  /* doubles against totals with low parts: their products too */
  if( lo && !f32 && !clean && kind!=KL_FAST_XENT ){
    return kind==KL_FAST_KL ? kl_f64_lo : js_f64_lo;
  }
  return v[kind][f32][clean];
}

/* 2^e for -1022 <= e <= 1023 */
static double pow2(int e){
  uint64_t b = (uint64_t)(e + 1023) << 52;
  double x;
  memcpy(&x, &b, 8);
  return x;
}

/* x s into *out, s = 2^-e and inv = 2^e both normal; whether that is
** exact (no rounding into the subnormals, no overflow) */
static int disc_scaled_to(double x, double s, double inv, double *out){
  *out = x*s;
  return *out*inv==x;
}

/* x = hi + lo, hi with 53 - log2(splitter - 1) significant bits */
static void disc_split(double x, double splitter, double *hi, double *lo){
  double c = splitter*x;
  *hi = c - (c - x);
  *lo = x - *hi;
}

/* 1/x for a double-double x > 0, to about half an ulp */
static double recip_dd(kl_dd x){
  double y = 1.0 / x.hi;
  double e = KL_FMA(-x.hi, y, 1.0) - x.lo*y;   /* 1 - x y, x = hi + lo */
  return y + y*e;
}

/*
** One total's constants, each times s (= 1/inv, a power of two): T.hi, its
** 26-bit halves c1 + c2 and its 29- and 24-bit parts g1 + g2, T.lo and its
** halves l1 + l2; whether every one scaled exactly.
*/
static int total_consts(kl_dd T, double s, double inv, double *c, double *c1,
                        double *c2, double *g1, double *g2, double *l,
                        double *l1, double *l2){
  double a, b, x, y, u, v;
  disc_split(T.hi, DISC_SPLIT, &a, &b);
  disc_split(T.hi, DISC_SPLIT29, &x, &y);
  disc_split(T.lo, DISC_SPLIT, &u, &v);
  return disc_scaled_to(T.hi, s, inv, c) & disc_scaled_to(a, s, inv, c1)
       & disc_scaled_to(b, s, inv, c2) & disc_scaled_to(x, s, inv, g1)
       & disc_scaled_to(y, s, inv, g2) & disc_scaled_to(T.lo, s, inv, l)
       & disc_scaled_to(u, s, inv, l1) & disc_scaled_to(v, s, inv, l2);
}

void kl_fast_init(kl_fast *f, const kl_totals *t, const kl_fsum *sp,
                  const kl_fsum *sq){
  kl_fast_k *k = &f->k;
  int ep = t->ep, eq = t->eq, ok;
  memset(k, 0, sizeof *k);   /* constants not made below are never used,
                             ** but the flags read some of them */
  f->t = t;
  ok = (ep >= -1000) & (ep <= 1022) & (eq >= -1000) & (eq <= 1022);
  if( ok ){
    double sp = pow2(-ep), ip = pow2(ep), sq = pow2(-eq), iq = pow2(eq);
    /* & rather than &&: every constant is made, and there is one test */
    ok = total_consts(t->Qs, sp, ip, &k->cq, &k->cq1, &k->cq2, &k->c1, &k->c2,
                      &k->cql, &k->cql1, &k->cql2)
       & total_consts(t->Ps, sq, iq, &k->cp, &k->cp1, &k->cp2, &k->d1, &k->d2,
                      &k->cpl, &k->cpl1, &k->cpl2);
  }
  k->lo = ((k->cql!=0.0) | (k->cpl!=0.0)) ? ~(uint64_t)0 : 0;
  f->ok = ok;
  /* cross-entropy's */
  k->ca = 0.0;
  f->ok_x = (ep >= -1000) & (ep <= 1022)
         && disc_scaled_to(recip_dd(t->Ps), pow2(-ep), pow2(ep), &k->ca);
  k->qm = 2.0*t->Qs.hi;
  k->qm_hi = k->qm*1.4142135623730951;
  k->qm_lo = k->qm*0.70710678118654752;
  k->qe = 4503599627370496.0 + (double)(1022 + eq);   /* 2^52 + bias + eq - 1 */
  k->qlo = -t->Qs.lo / t->Qs.hi;
  f->clean_x = (sp->min > 0.0) & (sq->min >= 0x1p-1022)
            & (sp->min*k->ca >= 0x1p-1022);
  {
    kl_dd pq;   /* Ps Qs */
    pq.hi = t->Ps.hi*t->Qs.hi;
    pq.lo = KL_FMA(t->Ps.hi, t->Qs.hi, -pq.hi)
          + (t->Ps.hi*t->Qs.lo + t->Ps.lo*t->Qs.hi);
    k->inv_pq = recip_dd(pq);
  }
  /* p 2^-ep < 2^-960 exactly when p < 2^(ep-960), which is 0 (no bin is
  ** below it) for ep < -114 */
  k->pmin = ep >= -62 ? pow2(ep - 960) : ldexp(1.0, ep - 960);
  k->qmin = eq >= -62 ? pow2(eq - 960) : ldexp(1.0, eq - 960);
  k->same = (uint64_t)(ep==eq && t->Ps.hi==t->Qs.hi && t->Ps.lo==t->Qs.lo);
  f->clean = (sp->min > 0.0) & (sp->min >= k->pmin) & (sq->min > 0.0)
          & (sq->min >= k->qmin) & (t->Ps.lo==0.0) & (t->Qs.lo==0.0);
}

int kl_fast_alone(const kl_fast *f, kl_fast_kind kind, int f32){
  if( kind==KL_FAST_XENT ) return f->ok_x && f->clean_x;
  return f32 && f->ok && f->clean;   /* doubles: nearly equal bins */
}

static kl_term_fn careful_term(kl_fast_kind kind){
  switch( kind ){
    case KL_FAST_KL: return kl_div_term;
    case KL_FAST_JS: return kl_js_term;
    default:         return kl_xent_term;
  }
}

/* The careful sum of n <= DISC_BLOCK terms (for chunks with bins that
** need the careful term). */
KL_CLONES KL_KERNEL
static double careful_sum(const double *x, size_t n){
  return block_sum(x, n);
}

/* Whether the bin (x, y) needs the careful term of the kernel of kind. */
static int hard_bin(kl_fast_kind kind, const kl_fast *f, double x, double y){
  if( kind==KL_FAST_XENT ){
    return (y > 0.0 && y < 0x1p-1022) || (x > 0.0 && x*f->k.ca < 0x1p-1022);
  }
  return (x > 0.0 && x < f->k.pmin) || (y > 0.0 && y < f->k.qmin);
}

KL_CLONES KL_KERNEL
static void disc_f32_to_double(const unsigned char *restrict b, size_t n,
                          double *restrict out){
  size_t i;
  for(i=0; i<n; i++) out[i] = disc_f32_at(b, i);
}

void kl_fast_accum(kl_fast_kind kind, const kl_fast *f, const double *p,
                   const double *q, size_t n, kl_sum *acc){
  double out[DISC_BLOCK];
  kl_term_fn term = careful_term(kind);
  int fast = kind==KL_FAST_XENT ? f->ok_x : f->ok;
  int clean = kind==KL_FAST_XENT ? f->clean_x : f->clean;
  disc_variant kernel = disc_variant_of(kind, 0, clean, f->k.lo!=0);
  size_t done = 0;
  while( done<n ){
    size_t m = n - done < DISC_BLOCK ? n - done : DISC_BLOCK, i;
    double sum = 0.0;
    int hard = 1;
    if( fast ) hard = kernel(f->k, p + done, q + done, m, out, &sum);
    if( hard ){
      /* the kernels of KL and JS leave their terms times Ps Qs */
      double sc = kind==KL_FAST_XENT ? 1.0 : f->k.inv_pq;
      int all = !fast || (hard & 2);
      for(i=0; i<m; i++){
        double x = p[done + i], y = q[done + i];
        out[i] = all || hard_bin(kind, f, x, y) ? term(x, y, f->t)
                                                : out[i]*sc;
      }
      sum = careful_sum(out, m);
    }
    kl_sum_add(acc, sum);
    done += m;
  }
}

/*
** Float32 weights never need the careful term, and their totals always
** suit the kernels: a float32 weight > 0 is at least 2^-149 and a total at
** most 2^128 times the 2^31 elements a blob can hold, so ep and eq lie in
** [-149, 160], every bin's p 2^-ep is above 2^-960 (DISC_DD_MIN) and p/P
** above 2^-1022, q is no subnormal double, and every constant of kl_fast
** scales exactly (tests/unit_core.c checks the extremes).
*/
void kl_fast_accum_f32(kl_fast_kind kind, const kl_fast *f,
                       const unsigned char *p, const unsigned char *q,
                       size_t n, kl_sum *acc){
  double out[DISC_BLOCK];
  int clean = kind==KL_FAST_XENT ? f->clean_x : f->clean;
  disc_variant kernel = disc_variant_of(kind, 1, clean, 0);
  size_t done = 0;
  while( done<n ){
    size_t m = n - done < DISC_BLOCK ? n - done : DISC_BLOCK;
    double sum;
    if( kernel(f->k, p + 4*done, q + 4*done, m, out, &sum) ){
      /* a nearly equal bin (bit 1): the chunk by the careful term */
      kl_term_fn term = careful_term(kind);
      double x[DISC_BLOCK], y[DISC_BLOCK];
      size_t i;
      disc_f32_to_double(p + 4*done, m, x);
      disc_f32_to_double(q + 4*done, m, y);
      for(i=0; i<m; i++) out[i] = term(x[i], y[i], f->t);
      sum = careful_sum(out, m);
    }
    kl_sum_add(acc, sum);
    done += m;
  }
}

/* ---------------------------------------------------------- exact sums */

/*
** Splits each x[i] (|x[i]| <= sigma/512, sigma a power of two) into
** h = (sigma + x) - sigma, a multiple of ulp(sigma)/2, and the rest
** x - h, both exact; returns the sum of the h, which is exact too (at most
** 256 of them, each a multiple of ulp(sigma)/2 below sigma/512: their
** sum stays below sigma/2 and on that grid).  The rests go to r, their
** largest magnitude to *rmax.
*/
KL_CLONES KL_KERNEL
static double extract(const double *restrict x, size_t n, double sigma,
                      double *restrict r, double *rmax){
  double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  double mx[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i, j;
  for(i=0; i + 8 <= n; i += 8){
    for(j=0; j<8; j++){
      double h = (sigma + x[i+j]) - sigma, rest = x[i+j] - h, a = fabs(rest);
      lane[j] += h;
      r[i+j] = rest;
      mx[j] = a > mx[j] ? a : mx[j];
    }
  }
  for(; i<n; i++){
    double h = (sigma + x[i]) - sigma, rest = x[i] - h, a = fabs(rest);
    lane[0] += h;
    r[i] = rest;
    mx[0] = a > mx[0] ? a : mx[0];
  }
  for(j=1; j<8; j++){
    lane[0] += lane[j];
    mx[0] = mx[j] > mx[0] ? mx[j] : mx[0];
  }
  *rmax = mx[0];
  return lane[0];
}

/*
** The statistics of a chunk x[0..n) (n <= DISC_SCAN; doubles, or float32
** read in place): st[0] its largest element, st[1] its smallest (-1 for a
** float32 chunk with a negative, NaN or infinite element); returns the
** plain sum of the elements (16 lanes, then the lanes pairwise).  For
** float32 elements that sum is exact when 0 < st[0] < 2^18 st[1]: every
** element is then a multiple of 2^(e-23), e the exponent of the smallest,
** and below 2^(e+19); a lane holds fewer than 256 elements and the sum at
** most 2048, so every partial sum is below 2^(e+30) and has at most 53
** bits.
*/
#define DISC_SCAN 2048

KL_CLONES KL_KERNEL
static double scan_f64(const double *restrict x, size_t n,
                       double *restrict st){
  /* sixteen lanes: two independent chains per register of eight */
  double sum[16], mx[16], mn[16];
  size_t i, j, h;
  for(j=0; j<16; j++){
    sum[j] = mx[j] = 0.0;
    mn[j] = INFINITY;
  }
  for(i=0; i + 16 <= n; i += 16){
    for(j=0; j<16; j++){
      double v = x[i+j];
      sum[j] += v;
      mx[j] = v > mx[j] ? v : mx[j];
      mn[j] = v < mn[j] ? v : mn[j];
    }
  }
  for(j=0; i<n; i++, j++){
    double v = x[i];
    sum[j] += v;
    mx[j] = v > mx[j] ? v : mx[j];
    mn[j] = v < mn[j] ? v : mn[j];
  }
  for(h=8; h>0; h/=2){
    for(j=0; j<h; j++){
      sum[j] += sum[j+h];
      mx[j] = mx[j+h] > mx[j] ? mx[j+h] : mx[j];
      mn[j] = mn[j+h] < mn[j] ? mn[j+h] : mn[j];
    }
  }
  st[0] = mx[0];
  st[1] = mn[0];
  return sum[0];
}

KL_CLONES KL_KERNEL
static double scan_f32(const unsigned char *restrict x, size_t n,
                       double *restrict st){
  /* the largest and smallest as the float32 bit patterns, which order as
  ** the values do for values >= +0; a negative value (-0 included), NaN
  ** or an infinity has a pattern >= 0x7F800000, caught as st[1] = -1 */
  double sum[16];
  uint32_t hi[16], lo[16];
  size_t i, j, h;
  float f;
  for(j=0; j<16; j++){
    sum[j] = 0.0;
    hi[j] = 0;
    lo[j] = 0xFFFFFFFFu;
  }
  for(i=0; i + 16 <= n; i += 16){
    for(j=0; j<16; j++){
      uint32_t u = disc_f32_bits(x, i + j);
      float v;
      memcpy(&v, &u, 4);
      sum[j] += (double)v;
      hi[j] = u > hi[j] ? u : hi[j];
      lo[j] = u < lo[j] ? u : lo[j];
    }
  }
  for(j=0; i<n; i++, j++){
    uint32_t u = disc_f32_bits(x, i);
    float v;
    memcpy(&v, &u, 4);
    sum[j] += (double)v;
    hi[j] = u > hi[j] ? u : hi[j];
    lo[j] = u < lo[j] ? u : lo[j];
  }
  for(h=8; h>0; h/=2){
    for(j=0; j<h; j++){
      sum[j] += sum[j+h];
      hi[j] = hi[j+h] > hi[j] ? hi[j+h] : hi[j];
      lo[j] = lo[j+h] < lo[j] ? lo[j+h] : lo[j];
    }
  }
  memcpy(&f, &hi[0], 4);
  st[0] = f;
  memcpy(&f, &lo[0], 4);
  st[1] = hi[0] >= 0x7F800000u ? -1.0 : f;
  return sum[0];
}


void kl_fsum_init(kl_fsum *f){
  f->s = 0.0;
  f->spilled = 0;
  f->min = INFINITY;
}

static void fsum_spill(kl_fsum *f, double v){
  if( !f->spilled ){
    memset(&f->x, 0, sizeof f->x);
    f->spilled = 1;
  }
  kl_xsum_add(&f->x, v);
}

/*
** s += v, exactly: what the double cannot hold spills.  s cannot overflow:
** every v is below 2^969 (fsum_chunk() sends values of 2^960 and more to
** the exact accumulator), and a vector has fewer than 2^31 elements.
*/
static void fsum_push(kl_fsum *f, double v){
  double t = f->s + v;
  double bv = t - f->s;      /* TwoSum: s + v = t + err exactly */
  double err = (f->s - (t - bv)) + (v - bv);
  f->s = t;
  if( err!=0.0 ) fsum_spill(f, err);
}

/* Adds x[0..n) (n <= DISC_XBLOCK, finite, >= 0, the largest mx) exactly. */
static void fsum_chunk(kl_fsum *f, const double *x, size_t n, double mx){
  double r[2][DISC_XBLOCK];
  const double *cur = x;
  size_t i;
  int level;
  for(level=0; level<3; level++){
    int e;
    if( mx==0.0 ) return;
    if( mx >= 0x1p960 ) break;    /* big: kept out of s (fsum_push()) */
    frexp(mx, &e);                /* mx < 2^e */
    fsum_push(f, extract(cur, n, ldexp(1.0, e + 9), r[level & 1], &mx));
    cur = r[level & 1];
  }
  for(i=0; i<n; i++) if( cur[i]!=0.0 ) fsum_spill(f, cur[i]);
}

/* Takes a chunk's statistics into f; nonzero if it has a negative element */
static int fsum_stats(kl_fsum *f, const double *st){
  if( st[1] < 0.0 ) return 1;
  if( st[1] < f->min ) f->min = st[1];
  return 0;
}

int kl_fsum_add(kl_fsum *f, const double *x, size_t n){
  while( n>0 ){
    size_t m = n < DISC_XBLOCK ? n : DISC_XBLOCK;
    double st[2];
    scan_f64(x, m, st);
    if( fsum_stats(f, st) ) return 1;
    fsum_chunk(f, x, m, st[0]);
    x += m;
    n -= m;
  }
  return 0;
}

int kl_fsum_add_f32(kl_fsum *f, const unsigned char *b, size_t n){
  while( n>0 ){
    size_t m = n < DISC_SCAN ? n : DISC_SCAN, i;
    double st[2], sum = scan_f32(b, m, st);
    if( fsum_stats(f, st) ) return 1;
    if( st[1] > 0.0 && st[0] < 0x1p18*st[1] ){
      fsum_push(f, sum);          /* exact, see scan() */
    }else{
      for(i=0; i<m; i+=DISC_XBLOCK){
        double x[DISC_XBLOCK], y[2];
        size_t c = m - i < DISC_XBLOCK ? m - i : DISC_XBLOCK;
        disc_f32_to_double(b + 4*i, c, x);
        scan_f64(x, c, y);
        fsum_chunk(f, x, c, y[0]);
      }
    }
    b += 4*m;
    n -= m;
  }
  return 0;
}

kl_dd kl_fsum_frexp(kl_fsum *f, int *e, int *inexact){
  kl_dd m;
  if( f->spilled ){
    fsum_spill(f, f->s);
    f->s = 0.0;
    return kl_total_frexp_x(&f->x, e, inexact);
  }
  *inexact = 0;
  m.lo = 0.0;
  if( f->s==0.0 ){
    *e = 0;
    m.hi = 0.0;
    return m;
  }
  m.hi = frexp(f->s, e);
  return m;
}

/* --------------------------------------------------------------- logits */

/* x - y as a double-double (Knuth's TwoSum): hi + lo = x - y exactly */
static kl_dd two_diff(double x, double y){
  kl_dd r;
  double v;
  r.hi = x - y;
  v = r.hi - x;
  r.lo = (x - (r.hi - v)) - (y + v);
  return r;
}

/*
** (x - y) - c, from the exact x - y and c: the leading parts cancel
** exactly when they are close (Sterbenz), so the result is accurate to
** its own last bit.  +-Inf where x - y overflows.
*/
static double shifted(double x, double y, kl_dd c){
  kl_dd d = two_diff(x, y);
  if( !isfinite(d.hi) ) return d.hi;
  return (d.hi - c.hi) + (d.lo - c.lo);
}

void kl_logit_acc_init(kl_logit_acc *acc, double max_a, double max_b,
                       double ak, double bk){
  memset(acc, 0, sizeof(*acc));
  acc->max_a = max_a;
  acc->max_b = max_b;
  acc->ak = ak;
  acc->bk = bk;
  acc->c = two_diff(ak, bk);
  acc->wild = !isfinite(acc->c.hi);
  kl_sum_init(&acc->sa);
  kl_sum_init(&acc->sb);
  kl_sum_init(&acc->u);
}

void kl_logit_acc_add(kl_logit_acc *acc, const double *a, const double *b,
                      size_t n){
  size_t i;
  for(i=0; i<n; i++){
    double eb;
    /* a - max_a may overflow to -Inf: probability 0, as it is */
    if( isfinite(a[i]) ) kl_sum_add(&acc->sa, exp(a[i] - acc->max_a));
    if( !isfinite(b[i]) ) continue;
    eb = exp(b[i] - acc->max_b);
    kl_sum_add(&acc->sb, eb);
    if( acc->wild ) continue;
    if( isfinite(a[i]) ){
      /* e_b (e^t - 1) = e^s - e_b with s = (b - max_b) + t */
      double t = shifted(a[i], b[i], acc->c);
      if( !isfinite(t) ){
        acc->wild = 1;           /* a - b or t beyond the double range */
      }else if( t <= 700.0 ){
        kl_sum_add(&acc->u, eb*expm1(t));
      }else{
        /* s = (a - max_b) - c, formed without the rounding of t (a - b
        ** can be far larger than s) */
        double sx = shifted(a[i], acc->max_b, acc->c);
        if( sx > 700.0 ) acc->wild = 1;   /* the sum would overflow */
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
  out->log_sb = log(sb);
  out->wild = acc->wild;
  out->dlse = 0.0;
  if( !acc->wild ){
    double s = kl_sum_value(&acc->u) / sb;
    if( s >= -0.5 ){
      out->dlse = log1p(s);
    }else{
      /* 1 + s = sum e^(a_i - max_b - c) / sb, far from 1: most of b's mass
      ** is where a has little.  log1p would lose the digits that cancel
      ** in 1 + s; the log of that sum has none to lose:
      ** LSE(a) - LSE(b) - c = (max_a - a_k) + (b_k - max_b) + ln sa - ln sb */
      out->dlse = ((acc->max_a - acc->ak) + (acc->bk - acc->max_b))
                + (out->log_sa - out->log_sb);
    }
  }
}

/*
** The term pa d - pa + pb of a bin whose log-ratio d = ln(pa/pb) is beyond
** the double range (pb underflowed far below pa): d is formed at a quarter
** scale, where it cannot overflow, and pa d at full scale is +Inf only
** when the term is.
*/
static double logit_huge_term(double a, double b, double pa, double w,
                              const kl_logit_norm *nm){
  double qa = (0.25*a - 0.25*nm->max_a) - 0.25*nm->log_sa;
  double qb = (0.25*b - 0.25*nm->max_b) - 0.25*nm->log_sb;
  return 4.0*(pa*(qa - qb)) - pa + w;
}

double kl_logit_term(double a, double b, const kl_logit_norm *nm){
  double w, d, la;
  if( isinf(b) ) return isinf(a) ? 0.0 : INFINITY;
  w = exp(b - nm->max_b) / nm->sb;
  if( isinf(a) ) return w;
  if( nm->wild ){
    /* the log-probabilities apart; la = -Inf is a probability of
    ** e^-(beyond DBL_MAX), which is 0 */
    la = (a - nm->max_a) - nm->log_sa;
    if( isinf(la) ) return w;
    d = la - ((b - nm->max_b) - nm->log_sb);
  }else{
    /* ln(pa/pb) for this bin; dlse is finite here, for a bin where both a
    ** and b are finite puts mass of a where b has some */
    la = (a - nm->max_a) - nm->log_sa;
    d = shifted(a, b, nm->c) - nm->dlse;
  }
  if( d <= 1.0 ) return w * kl_phi(expm1(d));
  if( isinf(d) ) return logit_huge_term(a, b, exp(la), w, nm);
  /* pa (d - 1) + pb, with pa formed in log space; where pa underflows,
  ** pa (d - 1) need not (pa = e^-800, d = 1e308), so e^la is split */
  if( la < -700.0 ){
    return (exp(la + 700.0) * (d - 1.0)) * 0x1.14f2b0fb9307fp-1010 + w;
  }                                          /* e^-700, correctly rounded */
  return exp(la) * (d - 1.0) + w;
}
