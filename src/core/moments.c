/*
** core/moments.c — exact running moments (see core/moments.h).
*/
#include "moments.h"
#include "port.h"

#include <math.h>
#include <string.h>

#define MASK32 0xFFFFFFFFull
#define KL_XSQ_CARRY_EVERY (1 << 20)

/* Adds sign * v (v < 2^56) at bit position b of the limbs. */
static void put_bits(int64_t *limb, uint64_t v, int b, int sign){
  int i = b >> 5, s = b & 31;
  uint64_t w0 = (v << s) & MASK32;
  uint64_t rest = s ? v >> (32 - s) : v >> 32;
  limb[i]   += sign * (int64_t)w0;
  limb[i+1] += sign * (int64_t)(rest & MASK32);
  limb[i+2] += sign * (int64_t)(rest >> 32);
}

void kl_xsq_put(kl_xsq *a, double x, int sign){
  uint64_t bits, m, mh, ml;
  int e, p;
  memcpy(&bits, &x, sizeof bits);
  e = (int)((bits >> 52) & 0x7ff);
  m = bits & 0xFFFFFFFFFFFFFull;
  if( e==0 ){
    if( m==0 ) return;
    p = 0;
  }else{
    m |= 1ull << 52;
    p = e - 1;
  }
  /* |x| = m 2^(p-1074): x^2 = m^2 2^(2p-2148), m = mh 2^26 + ml */
  mh = m >> 26;
  ml = m & ((1ull << 26) - 1);
  put_bits(a->limb, mh*mh, 2*p + 52, sign);
  put_bits(a->limb, 2*mh*ml, 2*p + 26, sign);
  put_bits(a->limb, ml*ml, 2*p, sign);
  if( ++a->pending >= KL_XSQ_CARRY_EVERY ){
    kl_limbs_carry(a->limb, KL_XSQ_LIMBS);
    a->pending = 0;
  }
}

/*
** S1 / n.  Where the sum itself is beyond DBL_MAX (two rows of 1e308) it
** is read 2^64 smaller, its lowest two limbs (64 bits, far below its
** leading 53) dropped, and the quotient scaled back: the mean of finite
** doubles is finite.
*/
double kl_moments_mean(const kl_xsum *s1, double n){
  kl_dd s = kl_xsum_dd(s1);
  double q, r;
  int scale = 0;
  if( isinf(s.hi) && s1->pinf==0 && s1->ninf==0 && s1->nan==0 ){
    kl_xsum t;
    int i;
    memcpy(&t, s1, sizeof t);
    kl_limbs_carry(t.limb, KL_XSUM_LIMBS);
    for(i=0; i<KL_XSUM_LIMBS; i++){
      t.limb[i] = i + 2 < KL_XSUM_LIMBS ? t.limb[i+2] : 0;
    }
    t.pending = 0;
    s = kl_xsum_dd(&t);
    scale = 64;
  }
  q = s.hi / n;
  if( !isfinite(q) || n==1.0 ) return ldexp(s.hi / n, scale);
  /* one Newton step in double-double: r = s - q n, exactly by fma */
  r = KL_FMA(-q, n, s.hi) + s.lo;
  return ldexp(q + r / n, scale);
}

/* ------------------------------------------------ unsigned big integers */

#define BIG 140   /* digits (base 2^32) of n*S2 and S1^2 */

/* Normalised non-negative digits of limbs (|value| for S1). */
static void digits_of(const int64_t *limb, int n, uint64_t *d){
  int64_t t[KL_XSQ_LIMBS];
  int i;
  memcpy(t, limb, n*sizeof(int64_t));
  kl_limbs_carry(t, n);
  if( t[n-1] < 0 ){
    for(i=0; i<n; i++) t[i] = -t[i];
    kl_limbs_carry(t, n);
  }
  for(i=0; i<n; i++) d[i] = (uint64_t)t[i];
}

/* Index of the highest non-zero digit, or -1. */
static int top_digit(const uint64_t *d, int n){
  while( n>0 && d[n-1]==0 ) n--;
  return n - 1;
}

/* out[] += a[] * b[] (schoolbook, out normalised as it goes). */
static void big_mul_add(uint64_t *out, const uint64_t *a, int na,
                        const uint64_t *b, int nb){
  int i, j, lo_a = 0, lo_b = 0;
  while( lo_a<na && a[lo_a]==0 ) lo_a++;
  while( lo_b<nb && b[lo_b]==0 ) lo_b++;
  for(i=lo_a; i<na; i++){
    uint64_t carry = 0;
    if( a[i]==0 ) continue;
    for(j=lo_b; j<nb; j++){
      uint64_t cur = out[i+j] + a[i]*b[j] + carry;
      out[i+j] = cur & MASK32;
      carry = cur >> 32;
    }
    for(j=i+nb; carry; j++){
      uint64_t cur = out[j] + carry;
      out[j] = cur & MASK32;
      carry = cur >> 32;
    }
  }
}

double kl_moments_sd(const kl_xsum *s1, const kl_xsq *s2, double n,
                     double ddof){
  uint64_t a[KL_XSUM_LIMBS], b[KL_XSQ_LIMBS], nd[2];
  uint64_t p[BIG], q[BIG];
  uint64_t borrow = 0, m, sticky = 0;
  int i, top, na, nb, shift, e;
  double t;
  digits_of(s1->limb, KL_XSUM_LIMBS, a);
  digits_of(s2->limb, KL_XSQ_LIMBS, b);
  na = top_digit(a, KL_XSUM_LIMBS) + 1;
  nb = top_digit(b, KL_XSQ_LIMBS) + 1;
  /* p = n * S2, q = S1^2: both in units of 2^-2148 */
  memset(p, 0, sizeof p);
  memset(q, 0, sizeof q);
  nd[0] = (uint64_t)n & MASK32;
  nd[1] = (uint64_t)n >> 32;
  big_mul_add(p, b, nb, nd, 2);
  big_mul_add(q, a, na, a, na);
  /* p -= q; p >= q but for the rounding-free identity n S2 >= S1^2 */
  for(i=0; i<BIG; i++){
    uint64_t sub = q[i] + borrow;
    borrow = p[i] < sub;
    p[i] = (p[i] - sub) & MASK32;
  }
  if( borrow ) return 0.0;
  top = top_digit(p, BIG);
  if( top < 0 ) return 0.0;
  /* the leading 64 bits of p, with a sticky bit for the rest */
  m = p[top] << 32 | (top>=1 ? p[top-1] : 0);
  shift = 32*(top - 1);
  {
    int lz = 0;
    uint64_t nx = top>=2 ? p[top-2] : 0;
    while( (m >> 63)==0 ){ m <<= 1; lz++; }
    if( lz ) m |= nx >> (32 - lz);
    if( (nx << lz) & MASK32 ) sticky = 1;
    for(i=top-3; i>=0 && !sticky; i--) if( p[i] ) sticky = 1;
    shift -= lz;
  }
  m |= sticky;
  /* value = m 2^(shift - 2148) / (n (n - ddof)); halve the exponent */
  e = shift - 2148;
  t = (double)m / (n * (n - ddof));
  if( e & 1 ){
    t *= 2.0;
    e -= 1;
  }
  return ldexp(sqrt(t), e/2);
}
