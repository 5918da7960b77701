/*
** core/discrete.c — the terms of the discrete divergences and of KL
** between logits (see core/discrete.h).  No SQLite in here.
*/
#include "discrete.h"

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
  double h1 = p*Y.hi, l1 = fma(p, Y.hi, -h1);
  double h2 = q*X.hi, l2 = fma(q, X.hi, -h2);
  return (h1 - h2) + ((l1 - l2) + (p*Y.lo - q*X.lo));
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
  kl_dd d = kl_xsum_dd(sum), m;
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
  if( isfinite(t->P.hi) && t->P.hi >= 0x1p-1022
   && isfinite(t->Q.hi) && t->Q.hi >= 0x1p-1022 ){
    t->lqp = log(t->Q.hi) - log(t->P.hi);
    t->lq = log(t->Q.hi);
  }else{
    t->lqp = (log(Qs.hi) - log(Ps.hi)) + (double)(eq - ep)*KL_LN2;
    t->lq = log_exp(Qs, eq);
  }
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
  return cross_diff(ps, qs, t->Ps, t->Qs) / (qs * t->Ps.hi);
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
  double x = cross_diff(ps, qs, t->Ps, t->Qs) / (ps*t->Qs.hi + qs*t->Ps.hi);
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

void kl_terms_accum(kl_term_fn term, const double *p, const double *q,
                    size_t n, const kl_totals *t, kl_sum *acc){
  size_t i;
  for(i=0; i<n; i++) kl_sum_add(acc, term(p[i], q[i], t));
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
