/*
** core/stream.c — histogram divergences from state that does not grow with
** the rows (see core/stream.h).  No SQLite in here.
*/
#include "stream.h"
#include "port.h"
#include "discrete.h"
#include "log_table.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------ double-doubles */

static kl_dd two_sum(double a, double b){
  kl_dd r;
  double bb;
  r.hi = a + b;
  bb = r.hi - a;
  r.lo = (a - (r.hi - bb)) + (b - bb);
  return r;
}

static kl_dd dd_add(kl_dd a, kl_dd b){
  kl_dd s = two_sum(a.hi, b.hi), t = two_sum(a.lo, b.lo);
  s.lo += t.hi;
  s = two_sum(s.hi, s.lo);
  s.lo += t.lo;
  return two_sum(s.hi, s.lo);
}

static kl_dd dd_neg(kl_dd a){
  a.hi = -a.hi;
  a.lo = -a.lo;
  return a;
}

static kl_dd dd_mul(kl_dd a, kl_dd b){
  kl_dd p;
  p.hi = a.hi * b.hi;
  p.lo = KL_FMA(a.hi, b.hi, -p.hi) + (a.hi*b.lo + a.lo*b.hi);
  return two_sum(p.hi, p.lo);
}

static kl_dd dd_div(kl_dd a, kl_dd b){
  kl_dd q, r;
  q.hi = a.hi / b.hi;
  /* a - q.hi b, exactly in its leading part */
  r = dd_add(a, dd_neg(dd_mul((kl_dd){ q.hi, 0.0 }, b)));
  q.lo = r.hi / b.hi;
  return two_sum(q.hi, q.lo);
}

/* e ln 2 as a double-double (e*hi split exactly by fma) */
static kl_dd ln2_times(int e){
  kl_dd r;
  r.hi = e * KL_LN2_DD_HI;
  r.lo = KL_FMA(e, KL_LN2_DD_HI, -r.hi) + e * KL_LN2_DD_LO;
  return r;
}

/* ------------------------------------------------------------ ln(p/q) */

/*
** p = mp 2^ep, q = mq 2^eq (mantissas in [1/2, 1)); r = mp/mq is brought
** into [0.70, 1.43] by a factor of 2 (into e), then c = j/64 is the
** table point nearest r and
**
**   ln(p/q) = e ln 2 + ln c + ln(r/c),  ln(r/c) = 2 atanh(s),
**   s = (mp - c mq) / (mp + c mq),  |s| < 1/180.
**
** c mq is split exactly (fma), mp - c mq is then exact to its last part
** (Sterbenz), and 2 atanh(s) = 2s (1 + t/3 + t^2/5 + ...), t = s^2 <
** 3.1e-5, is summed in double-double up to t^3 and in double beyond
** (t^4 < 1e-18 of the sum), to t^7 (t^8 < 1e-36).
*/
/*
** 2 atanh(s) for |s| < 1/180, as a double-double (see above): with t = s^2
** < 3.1e-5, 2s (1 + t/3 + t^2/5 + t^3 (1/7 + t/9 + ...)); the terms to
** t^2/5 in double-double, the rest (below 4e-15 of the sum, so its
** double rounding is below 2^-100 of it) in double.
*/
static kl_dd atanh2_dd(kl_dd s){
  kl_dd t = dd_mul(s, s), poly, r;
  double u = t.hi;
  double tail = u*u*u*(1.0/7 + u*(1.0/9 + u*(1.0/11 + u*(1.0/13 + u*(1.0/15)))));
  poly = dd_add((kl_dd){ KL_RECIP3_HI, KL_RECIP3_LO },
                dd_mul(t, (kl_dd){ KL_RECIP5_HI, KL_RECIP5_LO }));
  poly = dd_add((kl_dd){ 1.0, tail }, dd_mul(t, poly));
  r = dd_mul(s, poly);
  r.hi *= 2.0;
  r.lo *= 2.0;
  return r;
}

/* ln((mp 2^ep) / (mq 2^eq)) for mantissas mp, mq in [1/2, 1) */
static kl_dd log_ratio_exp(double mp, int ep, double mq, int eq){
  kl_dd num, den, cm, r;
  double rr;
  int e = ep - eq, j;
  rr = mp / mq;
  if( rr < 0.7 ){
    mp *= 2.0;
    e--;
    rr *= 2.0;
  }else if( rr > 1.43 ){
    mq *= 2.0;
    e++;
    rr *= 0.5;
  }
  j = (int)(rr*64.0 + 0.5);             /* rr >= 0.7: j >= 45 */
  if( j > KL_LOG_TABLE_LAST ) j = KL_LOG_TABLE_LAST;
  cm.hi = mq * (j / 64.0);
  cm.lo = KL_FMA(mq, j / 64.0, -cm.hi);
  num = two_sum(mp - cm.hi, -cm.lo);
  den = dd_add((kl_dd){ mp, 0.0 }, cm);
  r = atanh2_dd(dd_div(num, den));
  r = dd_add(r, (kl_dd){ kl_log_table[j - KL_LOG_TABLE_FIRST][0],
                         kl_log_table[j - KL_LOG_TABLE_FIRST][1] });
  return e ? dd_add(r, ln2_times(e)) : r;
}

kl_dd kl_log_ratio_dd(double p, double q){
  int ep, eq;
  double mp = frexp(p, &ep), mq = frexp(q, &eq);
  return log_ratio_exp(mp, ep, mq, eq);
}

/* ------------------------------------------------- wide exact accumulator */

#define TWO32 4294967296LL

void kl_wsum_put(kl_wsum *a, double x, int k, int sign){
  uint64_t bits, m, hi;
  int e, pos, i, s;
  if( x==0.0 ) return;
  memcpy(&bits, &x, sizeof bits);
  e = (int)((bits >> 52) & 0x7ff);
  m = bits & 0xFFFFFFFFFFFFFull;
  if( e==0 ){
    e = 1;                     /* subnormal: m 2^-1074 */
  }else{
    m |= 1ull << 52;
  }
  if( bits >> 63 ) sign = -sign;
  /* |x| 2^k = m 2^(e - 1075 + k): the bit position of m's last bit */
  pos = e - 1075 + k - KL_WSUM_UNIT;
  if( pos < 0 ){
    if( pos <= -53 ) return;   /* below the unit: truncated to 0 */
    m >>= -pos;                /* truncated toward zero (maybe to 0) */
    pos = 0;
  }
  i = pos >> 5;
  s = pos & 31;
  hi = m >> (32 - s);          /* 32 - s is 1 .. 32 */
  a->limb[i]   += sign * (int64_t)((m << s) & 0xFFFFFFFFull);
  a->limb[i+1] += sign * (int64_t)(hi & 0xFFFFFFFFull);
  a->limb[i+2] += sign * (int64_t)(hi >> 32);
  if( ++a->pending >= KL_XSUM_CARRY_EVERY ){
    kl_limbs_carry(a->limb, KL_WSUM_LIMBS);
    a->pending = 0;
  }
}

static int lead32(uint64_t v){   /* leading zeros of a 32-bit value */
  int n = 0;
  while( (v & 0x80000000ull)==0 ){ v <<= 1; n++; }
  return n;
}

/*
** For carried, non-negative limbs (base 2^32 digits, each in [0, 2^32)):
** the index of the leading bit, with the 64 bits from it down in *top
** (bits below bit 0 read as 0); -1 for 0.
*/
static int top_bits(const int64_t *limb, int n, uint64_t *top){
  uint64_t w1, w2;
  int k, lz;
  for(k=n-1; k>=0 && limb[k]==0; k--){}
  if( k < 0 ) return -1;
  lz = lead32((uint64_t)limb[k]);
  w1 = ((uint64_t)limb[k] << 32) | (k >= 1 ? (uint64_t)limb[k-1] : 0);
  w2 = k >= 2 ? (uint64_t)limb[k-2] << 32 : 0;
  if( lz ) w1 = (w1 << lz) | (w2 >> (64 - lz));
  *top = w1;
  return 32*k + 31 - lz;
}

/*
** The signed fixed-point integer limb[0..n) (base 2^32 digits, least
** significant first) times 2^unit, as m 2^e with m a double-double, |m.hi|
** in [1/2, 1]: hi its leading 53 bits, lo the rest (to 53 bits), however
** far below.  m = 0, e = 0 for 0.  The sum must stay below the top limb
** (the accumulators have room to spare).
*/
static kl_dd limbs_frexp(const int64_t *in, int n, int unit, int *e){
  int64_t limb[KL_WSUM_LIMBS + 1];   /* one spare limb above the top */
  uint64_t t, hm, hi32;
  double sign = 1.0;
  kl_dd m;
  int i, b1, b2, pos, sh;
  memcpy(limb, in, n*sizeof limb[0]);
  limb[n] = 0;
  kl_limbs_carry(limb, n);
  if( limb[n-1] < 0 ){
    for(i=0; i<n; i++) limb[i] = -limb[i];
    kl_limbs_carry(limb, n);
    sign = -1.0;
  }
  *e = 0;
  m.hi = m.lo = 0.0;
  b1 = top_bits(limb, n, &t);
  if( b1 < 0 ) return m;
  hm = t >> 11;                         /* bits b1 .. b1-52, truncated */
  m.hi = ldexp((double)hm, -53);
  pos = b1 - 52;
  if( pos >= 0 ){
    /* the rest: take hm 2^pos out of the integer, exactly */
    i = pos >> 5;
    sh = pos & 31;
    hi32 = hm >> (32 - sh);
    limb[i] -= (int64_t)((hm << sh) & 0xFFFFFFFFull);
    limb[i+1] -= (int64_t)(hi32 & 0xFFFFFFFFull);
    limb[i+2] -= (int64_t)(hi32 >> 32);   /* 0 when i + 2 is the spare */
    kl_limbs_carry(limb, n);
    b2 = top_bits(limb, n, &t);
    if( b2 >= 0 ) m.lo = ldexp((double)t, b2 - 63 - (b1 + 1));
  }
  m = two_sum(m.hi, m.lo);
  m.hi *= sign;
  m.lo *= sign;
  *e = b1 + 1 + unit;
  return m;
}

kl_dd kl_wsum_frexp(const kl_wsum *a, int *e){
  return limbs_frexp(a->limb, KL_WSUM_LIMBS, KL_WSUM_UNIT, e);
}

/* ---------------------------------------------------------- the state */

/* p times a double-double l, exactly into the accumulator at p's scale */
static void put_product(kl_wsum *s, double p, kl_dd l, int sign){
  int ep;
  double mp = frexp(p, &ep), h = mp * l.hi;
  kl_wsum_put(s, h, ep, sign);
  kl_wsum_put(s, KL_FMA(mp, l.hi, -h), ep, sign);
  kl_wsum_put(s, mp * l.lo, ep, sign);
}

void kl_stream_put(kl_stream *s, kl_stream_kind kind, const double *p,
                   const double *q, size_t n, int sign){
  size_t i;
  for(i=0; i<n; i++){
    double pi = p[i];
    if( sign > 0 ) kl_xsum_add(&s->P, pi);
    else kl_xsum_sub(&s->P, pi);
    if( kind!=KL_STREAM_ENTROPY ){
      if( sign > 0 ) kl_xsum_add(&s->Q, q[i]);
      else kl_xsum_sub(&s->Q, q[i]);
      if( q[i] > 0.0 ) s->nposq += sign;
    }
    if( pi==0.0 ) continue;                   /* 0 ln 0 = 0 */
    s->npos += sign;
    switch( kind ){
      case KL_STREAM_KL:
        if( q[i]==0.0 ){ s->ninf += sign; continue; }
        put_product(&s->S, pi, kl_log_ratio_dd(pi, q[i]), sign);
        break;
      case KL_STREAM_XENT:
        if( q[i]==0.0 ){ s->ninf += sign; continue; }
        put_product(&s->S, pi, kl_log_ratio_dd(q[i], 1.0), sign);
        break;
      default:
        put_product(&s->S, pi, kl_log_ratio_dd(pi, 1.0), sign);
        break;
    }
  }
}

/* ln of a total m 2^e (m.hi in [1/2, 1)), in double-double: the same
** path as a bin's logarithm (kl_log_ratio_dd(x, 1)), plus m.lo's part */
static kl_dd log_total(kl_dd m, int e){
  kl_dd r = log_ratio_exp(m.hi, e, 0.5, 1);
  return dd_add(r, (kl_dd){ m.lo / m.hi, 0.0 });
}

/*
** ln(P/Q) of two exact sums.  Where they are within 1/90 of each other,
** as log1p(x) = 2 atanh(x/(2+x)) of x = (P - Q)/Q with P - Q exact (the
** difference of the accumulators), so that it is accurate relative to
** itself however small (0 for P = Q); else as ln(Ps/Qs) + (ep - eq) ln 2.
*/
static kl_dd log_ratio_totals(const kl_xsum *Px, const kl_xsum *Qx, kl_dd P,
                              int ep, kl_dd Q, int eq){
  int64_t diff[KL_XSUM_LIMBS];
  kl_dd D, x, v;
  int i, ed;
  for(i=0; i<KL_XSUM_LIMBS; i++) diff[i] = Px->limb[i] - Qx->limb[i];
  D = limbs_frexp(diff, KL_XSUM_LIMBS, -1074, &ed);
  if( D.hi==0.0 ) return D;
  x = dd_div(D, Q);
  x.hi = ldexp(x.hi, ed - eq);
  x.lo = ldexp(x.lo, ed - eq);
  if( fabs(x.hi) <= 1.0/90 ){
    kl_dd two = dd_add((kl_dd){ 2.0, 0.0 }, x);
    return atanh2_dd(dd_div(x, two));
  }
  v = log_ratio_exp(P.hi, ep, Q.hi, eq);
  return dd_add(v, (kl_dd){ P.lo/P.hi - Q.lo/Q.hi, 0.0 });
}

int kl_stream_value(const kl_stream *s, kl_stream_kind kind, double *out,
                    int *which){
  kl_dd P, Q, S, avg, v;
  int ep, eq = 0, es;
  P = limbs_frexp(s->P.limb, KL_XSUM_LIMBS, -1074, &ep);
  if( !(P.hi > 0.0) ){ *which = 0; return 1; }
  if( kind!=KL_STREAM_ENTROPY ){
    Q = limbs_frexp(s->Q.limb, KL_XSUM_LIMBS, -1074, &eq);
    if( !(Q.hi > 0.0) ){ *which = 1; return 1; }
  }
  if( s->ninf > 0 ){
    *out = INFINITY;
    return 0;
  }
  if( s->npos==1 && (kind==KL_STREAM_ENTROPY || s->nposq==1) ){
    /* one bin holds all of p (and of q, the same bin: no +Inf) */
    *out = 0.0;
    return 0;
  }
  /* S/P: the p-weighted mean of the logarithms */
  S = kl_wsum_frexp(&s->S, &es);
  avg = dd_div(S, P);
  avg.hi = ldexp(avg.hi, es - ep);
  avg.lo = ldexp(avg.lo, es - ep);
  switch( kind ){
    case KL_STREAM_KL:
      v = log_ratio_totals(&s->P, &s->Q, P, ep, Q, eq);
      v = dd_add(avg, dd_neg(v));
      break;
    case KL_STREAM_XENT:
      v = dd_add(log_total(Q, eq), dd_neg(avg));
      break;
    default:
      v = dd_add(log_total(P, ep), dd_neg(avg));
      break;
  }
  *out = v.hi > 0.0 ? v.hi : 0.0;
  return 0;
}
