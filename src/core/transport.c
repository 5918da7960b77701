/*
** core/transport.c — the first Wasserstein distance and the energy
** distance between two one-dimensional samples (see core/transport.h).
** Pure C, no SQLite, no allocation, no global state.
**
** Specification.
**  (1) A sample is values x[0..n) with weights w[0..n) (all 1 when none are
**      given).  Its CDF is X(t) = (sum of the weights of the values <= t) /
**      (sum of all its weights).  With U and V the CDFs of u and v,
**        wasserstein     W = integral over t of |U(t) - V(t)|
**        energy_distance E = sqrt(2 * integral of (U(t) - V(t))^2)
**      which is scipy.stats.wasserstein_distance and energy_distance
**      (scipy's _cdf_distance with p = 1, and sqrt(2) times p = 2): with
**      z[0] <= ... <= z[N-1] all the values of both samples, the integral
**      is the sum over k of |U(z[k]) - V(z[k])|^p (z[k+1] - z[k]).  Ties
**      and duplicates need no rule: they add intervals of length 0.  Two
**      samples holding only one and the same value give exactly 0.
**  (2) Each sample is sorted by core/sort.c's kl_sort, weights moving
**      with their values: from KL_TR_RADIX_MIN (= KL_SORT_RADIX_MIN) values
**      on by a stable LSD radix sort of the doubles' bits through the
**      caller's work buffer, O(n); below that in place (introsort,
**      O(n log n) in the worst case).  The order of equal values matters
**      with weights (A, B and the totals are double-double sums in sorted
**      order), so that threshold is part of the result.  Then one merged
**      walk, O(m + n).
**  (3) The CDF difference at each point is formed without cancellation:
**      with A, B the weights so far and SA, SB the totals,
**        U - V = (A SB - B SA) / (SA SB).
**      Without weights these are counts: A SB - B SA is an exact 64-bit
**      integer (samples below 2^31 values), rounded once, as is SA SB, so
**      U - V is within 1.5 ulps however close U and V are (scipy forms U
**      and V apart, each rounded, and keeps ~1e-16 of their difference in
**      absolute terms: 1e-16 / |U - V| relative).  With weights the same
**      formula runs in double-double arithmetic (Dekker's products, no FMA
**      needed, and the accurate double-double sum): U - V has an absolute
**      error of about n 2^-104 (the partial sums' roundings).
**  (4) Values are scaled by one power of two 2^k, k >= 0, so that the
**      largest |value| is in [2^1020, 2^1021) when it is below that (and
**      not at all, k = 0, when it is at least 2^1020): scaling up is exact,
**      and it lifts tiny samples (subnormal values) out of the subnormal
**      range, where products would lose digits.  The result is scaled back
**      once.
**  (5) Each sample's weights are scaled by a power of two so that the
**      largest is in [1, 2): the totals cannot overflow (weights of 1e308).
**      A weight below 2^-1074 of the largest becomes 0 (it moves the CDF
**      by less than 2^-1074).
**  (6) A term is f len (W) or f^2 len (E), with f = |U - V| and len =
**      z[k+1] - z[k] (of the scaled values: exact when it is subnormal,
**      else rounded once).  Most terms take the plain road: len/4 (exact)
**      times f or f^2, every such term a normal double and their sum below
**      2^1023.  A term that could leave that range takes the wide road: a
**      len beyond DBL_MAX (values near -1e308 and 1e308; it is formed as
**      z/4 - prev/4, exact scalings of values above 2^970), a len below
**      2^-200 (a gap between tiny values beside values near 1e308, where
**      no common scaling keeps both: 1e308 scaled into range is below
**      2^1021, and the gap of one subnormal ulp would be scaled to 0), or
**      an f below 2^-300 (weights that cancel; the numerator of f is then
**      scaled by a power of two before the division).  There len and f are
**      carried as a mantissa in [1/2, 1) and an integer exponent, the term
**      as mantissa (fm lm or fm^2 lm, in [1/8, 1)) and exponent, and added
**      to a sum with its own exponent (the sum is rescaled when a larger
**      term arrives; a part it drops is below 2^-1000 of the sum).  No term
**      is flushed to 0 or rounded on the subnormal grid.
**  (7) The terms are >= 0 and added with compensated sums: the result is
**      within a few ulps (below 1e-15 relative) of the exact value without
**      weights, and with weights within that plus about n 2^-104 (max -
**      min).  E = sqrt(2 S) 2^(-k/2) with 2 S's mantissa and exponent
**      formed exactly from the sum: one rounding in the square root (scipy
**      rounds sqrt(2) and the product too).  A W in the subnormal range is
**      rounded to that grid at the end (within 2^-1074 absolute).
**  (8) The result is >= 0, never NaN, and +Inf only where the exact value
**      is beyond DBL_MAX (W of samples at -1.7e308 and 1.7e308).
*/
#include "transport.h"
#include "numeric.h"
#include "sort.h"
#include "dd.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------- sorting */

size_t kl_transport_work(size_t m, size_t n, int weighted){
  size_t mx = m>n ? m : n;
  if( mx<KL_TR_RADIX_MIN ) return 0;
  return weighted ? 2*mx : mx;
}

/* ------------------------------------------------------ double-double */

/* a + b, a double-double and a double */
static kl_dd tr_dd_add1(kl_dd a, double b){
  kl_dd r;
  double s, e;
  kl_two_sum(a.hi, b, &s, &e);
  e += a.lo;
  kl_fast_two_sum(s, e, &r.hi, &r.lo);
  return r;
}

/* a + b, accurate to ~2^-104 of the result (no loss when they cancel) */
static kl_dd tr_dd_add(kl_dd a, kl_dd b){
  kl_dd r;
  double s, e, t, f;
  kl_two_sum(a.hi, b.hi, &s, &e);
  kl_two_sum(a.lo, b.lo, &t, &f);
  e += t;
  kl_fast_two_sum(s, e, &s, &e);
  e += f;
  kl_fast_two_sum(s, e, &r.hi, &r.lo);
  return r;
}

/* a b; exact when a.lo = b.lo = 0 */
static kl_dd tr_dd_mul(kl_dd a, kl_dd b){
  kl_dd r;
  double p, e;
  kl_two_prod(a.hi, b.hi, &p, &e);
  e += a.hi*b.lo + a.lo*b.hi;
  kl_fast_two_sum(p, e, &r.hi, &r.lo);
  return r;
}

/* |n / d| rounded to a double (d > 0), within about an ulp */
static double tr_dd_absdiv(kl_dd n, kl_dd d){
  kl_dd r, qd;
  double q1 = n.hi / d.hi, q2;
  kl_two_prod(d.hi, q1, &qd.hi, &qd.lo);
  qd.lo += d.lo*q1;
  qd.hi = -qd.hi;
  qd.lo = -qd.lo;
  r = tr_dd_add(n, qd);
  q2 = r.hi / d.hi;
  return fabs(q1 + q2);
}

/* Samples below this many values take the integer road of the walk. */
#define TR_FAST_MAX ((size_t)1 << 31)

/* ------------------------------------------------------------ scaling */

/* x[0..n) times 2^k, k >= -1074: steps of at most 2^1000 upwards (each
** exact), one rounding downwards. */
static void tr_scale(double *x, size_t n, int k){
  size_t i;
  while( k>0 ){
    int s = k>1000 ? 1000 : k;
    double f = ldexp(1.0, s);
    for(i=0; i<n; i++) x[i] *= f;
    k -= s;
  }
  if( k<0 ){
    double f = ldexp(1.0, k);
    for(i=0; i<n; i++) x[i] *= f;
  }
}

/* Scales the weights w[0..n) so that the largest is in [1, 2). */
static void tr_scale_weights(double *w, size_t n){
  double mx = 0;
  size_t i;
  for(i=0; i<n; i++) if( w[i]>mx ) mx = w[i];
  if( mx>0 ) tr_scale(w, n, -ilogb(mx));
}

/* ------------------------------------------------------ the wide road */

/* A sum of terms >= 0 with its own exponent: (s + c) 2^e (rule 6). */
typedef struct tr_wide { double s, c; int e, used; } tr_wide;

/* 2^d as a double (d within [-1022, 1023] from the bits, else ldexp) */
static double tr_pow2(int d){
  uint64_t b;
  double r;
  if( d<-1022 || d>1023 ) return ldexp(1.0, d);
  b = (uint64_t)(d + 1023) << 52;
  memcpy(&r, &b, sizeof r);
  return r;
}

/* frexp for x > 0: x = m 2^e, m in [1/2, 1) (normal x from the bits) */
static double tr_frexp(double x, int *e){
  uint64_t b;
  int be;
  memcpy(&b, &x, sizeof b);
  be = (int)((b >> 52) & 0x7ff);
  if( be==0 || be==0x7ff ) return frexp(x, e);
  *e = be - 1022;
  b = (b & ~((uint64_t)0x7ff << 52)) | ((uint64_t)1022 << 52);
  memcpy(&x, &b, sizeof x);
  return x;
}

/* w += m 2^e, m in [1/8, 1) (or 0: nothing; or, once w holds a larger
** positive sum, a compensation of either sign below 1) */
static void tr_wide_add(tr_wide *w, double m, int e){
  double t, err;
  if( m==0 ) return;
  if( !w->used ){
    w->s = m;
    w->c = 0;
    w->e = e;
    w->used = 1;
    return;
  }
  if( e>w->e ){
    /* rescale: what drops out is below 2^-1000 of the sum */
    int sh = e - w->e > 2000 ? 2000 : e - w->e;
    if( sh>1022 ){
      /* 2^-sh is subnormal or 0: two steps, each a scaling of a double */
      w->s = (w->s*0x1p-1000)*tr_pow2(1000 - sh);
      w->c = (w->c*0x1p-1000)*tr_pow2(1000 - sh);
    }else{
      double p = tr_pow2(-sh);
      w->s *= p;
      w->c *= p;
    }
    w->e = e;
  }else if( w->e - e > 2000 ){
    return;          /* below 2^-1996 of the sum */
  }else{
    int sh = w->e - e;
    m = sh>1022 ? (m*0x1p-1000)*tr_pow2(1000 - sh) : m*tr_pow2(-sh);
  }
  kl_two_sum(w->s, m, &t, &err);
  w->s = t;
  w->c += err;
}

/* w += x, a finite double (>= 0, or a compensation: see tr_wide_add) */
static void tr_wide_add_double(tr_wide *w, double x){
  int e;
  double m;
  if( x==0 ) return;
  m = x>0 ? tr_frexp(x, &e) : -tr_frexp(-x, &e);
  tr_wide_add(w, m, e);
}

/* The plain road's bounds (rule 6). */
#define TR_LEN_MIN 0x1p-200
#define TR_F_MIN   0x1p-300

/* The term of [prev, z) with f 2^fe = |U - V| on the wide road (rule 6),
** into w, in units of 4 (len/4).  (The plain road is in the walk.) */
static void tr_term_wide(kl_tr_kind kind, double f, int fe, double prev,
                         double z, tr_wide *w){
  double len = z - prev, lm, fm;
  int le, e;
  if( len>DBL_MAX ){
    len = z*0.25 - prev*0.25;   /* exact scalings: |z|, |prev| > 2^970 */
    lm = tr_frexp(len, &le);
  }else{
    lm = tr_frexp(len, &le);    /* len exact where subnormal */
    le -= 2;
  }
  fm = tr_frexp(f, &e);
  fe += e;
  if( kind==KL_TR_ENERGY ) tr_wide_add(w, (fm*fm)*lm, le + 2*fe);
  else tr_wide_add(w, fm*lm, le + fe);
}

/* The term of [prev, z) with f = |U - V| (fe = 0) or f 2^fe: on the plain
** road into acc (len/4, exact, times f or f^2: a normal double), else on
** the wide road into w. */
#define TR_TERM(kind, f, fe, prev, z, acc, w) do{ \
    double len_ = (z) - (prev); \
    if( (fe)==0 && (f)>=TR_F_MIN && len_>=TR_LEN_MIN && len_<=DBL_MAX ){ \
      double q_ = len_*0.25; \
      kl_sum_add((acc), (kind)==KL_TR_ENERGY ? ((f)*(f))*q_ : (f)*q_); \
    }else{ \
      tr_term_wide((kind), (f), (fe), (prev), (z), (w)); \
    } \
  }while(0)

/* ---------------------------------------------------------- the walk */

double kl_transport(kl_tr_kind kind, double *u, double *uw, size_t m,
                    double *v, double *vw, size_t n, double *work){
  double lo = u[0], hi = u[0], mx, prev = 0, s;
  kl_dd a = { 0, 0 }, b = { 0, 0 }, sa = { 0, 0 }, sb = { 0, 0 }, d;
  kl_sum acc;
  tr_wide wide = { 0, 0, 0, 0 };
  size_t i, j;
  int k, first = 1;

  for(i=0; i<m; i++){ if( u[i]<lo ) lo = u[i]; if( u[i]>hi ) hi = u[i]; }
  for(j=0; j<n; j++){ if( v[j]<lo ) lo = v[j]; if( v[j]>hi ) hi = v[j]; }
  if( lo==hi ) return 0.0;   /* one value in both samples */
  mx = fabs(lo)>fabs(hi) ? fabs(lo) : fabs(hi);
  k = 1020 - ilogb(mx);      /* mx > 0: lo < hi */
  if( k<0 ) k = 0;           /* never scaled down (rule 4) */
  tr_scale(u, m, k);
  tr_scale(v, n, k);
  if( uw ) tr_scale_weights(uw, m);
  if( vw ) tr_scale_weights(vw, n);

  kl_sort(u, uw, m, work);
  kl_sort(v, vw, n, work);

  /* the totals, summed in the order of the walk's partial sums */
  if( uw ){ for(i=0; i<m; i++) sa = tr_dd_add1(sa, uw[i]); }
  else sa.hi = (double)m;
  if( vw ){ for(j=0; j<n; j++) sb = tr_dd_add1(sb, vw[j]); }
  else sb.hi = (double)n;
  d = tr_dd_mul(sa, sb);

  kl_sum_init(&acc);
  i = j = 0;
  if( !uw && !vw && m<TR_FAST_MAX && n<TR_FAST_MAX ){
    /* Counts: U - V = (a n - b m) / (m n) with a n - b m exact in 64-bit
    ** integers (below 2^62) and rounded once to a double, as is m n: the
    ** quotient is within 1.5 ulps, as the double-double road below. */
    int64_t ca = 0, cb = 0, sm = (int64_t)m, sn = (int64_t)n;
    double mn = (double)sm * (double)sn;   /* below 2^62: one rounding */
    while( i<m || j<n ){
      double z = (j>=n || (i<m && u[i]<=v[j])) ? u[i] : v[j];
      if( !first && z>prev ){
        int64_t num = ca*sn - cb*sm;
        if( num!=0 ){   /* f >= 1/(m n) > 2^-62 */
          double f = fabs((double)num / mn);
          TR_TERM(kind, f, 0, prev, z, &acc, &wide);
        }
      }
      while( i<m && u[i]==z ){ ca++; i++; }
      while( j<n && v[j]==z ){ cb++; j++; }
      prev = z;
      first = 0;
    }
  }
  while( i<m || j<n ){
    double z = (j>=n || (i<m && u[i]<=v[j])) ? u[i] : v[j];
    if( !first && z>prev ){
      /* U - V on [prev, z): (A SB - B SA) / (SA SB) */
      kl_dd num = tr_dd_mul(a, sb), t = tr_dd_mul(b, sa);
      t.hi = -t.hi;
      t.lo = -t.lo;
      num = tr_dd_add(num, t);
      if( num.hi!=0 ){
        int fe = 0;
        if( fabs(num.hi)<TR_F_MIN ){
          /* d >= 1: f < 2^-300 would lose digits to the subnormal grid */
          fe = ilogb(num.hi);
          num.hi = ldexp(num.hi, -fe);
          num.lo = ldexp(num.lo, -fe);
        }
        {
          double f = tr_dd_absdiv(num, d);
          TR_TERM(kind, f, fe, prev, z, &acc, &wide);
        }
      }
    }
    while( i<m && u[i]==z ){ a = tr_dd_add1(a, uw ? uw[i] : 1.0); i++; }
    while( j<n && v[j]==z ){ b = tr_dd_add1(b, vw ? vw[j] : 1.0); j++; }
    prev = z;
    first = 0;
  }
  /* the plain sum (units of 4) joins the wide one */
  tr_wide_add_double(&wide, acc.s);
  tr_wide_add_double(&wide, acc.c);
  if( !wide.used ) return 0.0;
  s = wide.s + wide.c;
  if( !(s>0) ) return 0.0;
  if( kind==KL_TR_ENERGY ){
    /* E = sqrt(2 4 s 2^e 2^-k) = sqrt(s 2^p) */
    int p = wide.e + 3 - k, r = p & 1;
    return ldexp(sqrt(ldexp(s, r)), (p - r)/2);
  }
  return ldexp(s, wide.e + 2 - k);
}
