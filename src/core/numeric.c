/*
** core/numeric.c — the numerical building blocks of sqlite-kl (see
** core/numeric.h): units, compensated and exact sums, double-doubles, sums
** of squares, and log1pmx / expm1mx.  No SQLite in here.
*/
#include "numeric.h"

#include <math.h>
#include <string.h>

double kl_unit_scale(double nats, kl_unit u){
  switch( u ){
    case KL_BITS: return nats / KL_LN2;
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
    int64_t lo = v & 0xFFFFFFFF;     /* v mod 2^32, in [0, 2^32) */
    carry = (v - lo) / TWO32;        /* exact: floor(v / 2^32) */
    limb[i] = lo;
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
  return kl_xsum_value_x(a, 0);
}

double kl_xsum_value_x(const kl_xsum *a, int *inexact){
  int64_t limb[KL_XSUM_LIMBS];
  double sign = 1.0, r;
  int i, k, lz, B, sticky = 0;
  uint64_t w, mant, round, l1, l2;

  if( inexact ) *inexact = 0;
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
  if( k >= 66 ){                        /* >= 2^1038 */
    if( inexact ) *inexact = 1;
    return sign*INFINITY;
  }

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
  if( inexact ) *inexact = round!=0 || sticky;
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

/* ------------------------------------------------------ double-double */

kl_dd kl_xsum_dd(const kl_xsum *a){
  return kl_xsum_dd_x(a, 0);
}

kl_dd kl_xsum_dd_x(const kl_xsum *a, int *inexact){
  kl_xsum rest = *a;
  kl_dd r;
  r.hi = kl_xsum_value(a);
  if( !isfinite(r.hi) ){
    r.lo = 0.0;
    if( inexact ) *inexact = 1;
    return r;
  }
  kl_xsum_sub(&rest, r.hi);
  r.lo = kl_xsum_value_x(&rest, inexact);
  return r;
}

/* ------------------------------------------------------------ expm1mx */

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

/* ------------------------------------------------------- sums of squares */

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
