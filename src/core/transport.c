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
**  (2) Each sample is sorted, weights moving with their values: from
**      KL_TR_RADIX_MIN values on by an LSD radix sort of the doubles' bits
**      (mapped to integers in the same order) through the caller's work
**      buffer, 8 passes of a byte at most, O(n); below that in place
**      (introsort: quicksort with the median of three, heapsort past
**      2 log2 n levels, insertion sort below 16 elements; O(n log n) in
**      the worst case).  Then one merged walk, O(m + n).
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
**  (4) Values are scaled by one power of two 2^k so that the largest
**      |value| is in [2^1020, 2^1021): differences then never overflow
**      (scipy's np.diff gives +Inf for -1e308 and 1e308 and so W = +Inf),
**      and tiny samples (subnormal values) are lifted out of the subnormal
**      range, where products would lose digits.  Scaling up is exact; it
**      scales down (by at most 2^-3) only when the largest |value| is at
**      least 2^1021, rounding values below 2^-1071, which then count
**      nothing beside it.  The result is scaled back once.
**  (5) Each sample's weights are scaled by a power of two so that the
**      largest is in [1, 2): the totals cannot overflow (weights of 1e308).
**      A weight below 2^-1074 of the largest becomes 0 (it moves the CDF
**      by less than 2^-1074).
**  (6) The terms are >= 0 and added with a compensated sum: the result is
**      within a few ulps (below 1e-15 relative) of the exact value without
**      weights, and with weights within that plus about n 2^-104 (max -
**      min).  E = sqrt(2 S) 2^(-k/2) with 2 S formed exactly: one rounding
**      in the square root (scipy rounds sqrt(2) and the product too).
**  (7) The result is >= 0, never NaN, and +Inf only where the exact value
**      is beyond DBL_MAX (W of samples at -1.7e308 and 1.7e308).
*/
#include "transport.h"
#include "numeric.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------- sorting */

static void tr_swap(double *x, double *w, size_t i, size_t j){
  double t = x[i]; x[i] = x[j]; x[j] = t;
  if( w ){ t = w[i]; w[i] = w[j]; w[j] = t; }
}

static void tr_insertion(double *x, double *w, size_t n){
  size_t i, j;
  for(i=1; i<n; i++){
    double xi = x[i], wi = w ? w[i] : 0;
    for(j=i; j>0 && x[j-1]>xi; j--){
      x[j] = x[j-1];
      if( w ) w[j] = w[j-1];
    }
    x[j] = xi;
    if( w ) w[j] = wi;
  }
}

static void tr_sift(double *x, double *w, size_t root, size_t n){
  for(;;){
    size_t c = 2*root + 1;
    if( c>=n ) return;
    if( c+1<n && x[c+1]>x[c] ) c++;
    if( !(x[c]>x[root]) ) return;
    tr_swap(x, w, root, c);
    root = c;
  }
}

static void tr_heapsort(double *x, double *w, size_t n){
  size_t i;
  for(i=n/2; i>0; i--) tr_sift(x, w, i-1, n);
  for(i=n; i>1; i--){
    tr_swap(x, w, 0, i-1);
    tr_sift(x, w, 0, i-1);
  }
}

static void tr_introsort(double *x, double *w, size_t n, int depth){
  while( n>16 ){
    size_t mid = (n - 1)/2, i, j;
    double p;
    if( depth--==0 ){
      tr_heapsort(x, w, n);
      return;
    }
    /* the median of three at mid (x[0] <= x[mid] <= x[n-1]) */
    if( x[mid]<x[0] ) tr_swap(x, w, mid, 0);
    if( x[n-1]<x[mid] ){
      tr_swap(x, w, n-1, mid);
      if( x[mid]<x[0] ) tr_swap(x, w, mid, 0);
    }
    p = x[mid];
    /* Hoare's partition: x[0..j] <= p <= x[j+1..n), both parts non-empty */
    i = 0;
    j = n - 1;
    for(;;){
      while( x[i]<p ) i++;
      while( p<x[j] ) j--;
      if( i>=j ) break;
      tr_swap(x, w, i, j);
      i++;
      j--;
    }
    /* here x[0..j] <= p and x[j+1..n) >= p; 0 <= j < n-1 */
    if( j + 1 < n - (j + 1) ){
      tr_introsort(x, w, j + 1, depth);
      x += j + 1;
      if( w ) w += j + 1;
      n -= j + 1;
    }else{
      tr_introsort(x + j + 1, w ? w + j + 1 : 0, n - (j + 1), depth);
      n = j + 1;
    }
  }
  tr_insertion(x, w, n);
}

/* The order-preserving map of a double's bits to an unsigned integer
** (-0 just below +0; no NaN here), and back. */
static uint64_t tr_key(const double *x){
  uint64_t b;
  memcpy(&b, x, sizeof b);
  return (b >> 63) ? ~b : b | ((uint64_t)1 << 63);
}
static void tr_unkey(uint64_t k, double *x){
  uint64_t b = (k >> 63) ? k ^ ((uint64_t)1 << 63) : ~k;
  memcpy(x, &b, sizeof b);
}

/* LSD radix sort of x[0..n) (weights w, or NULL) by the keys' bytes,
** through work[0..n) (and work[n..2n) for weights); stable.  The keys are
** kept in the doubles' storage as bit patterns (memcpy, never a load as a
** double), a pass is skipped where every key has the same byte. */
static void tr_radix(double *x, double *w, size_t n, double *work){
  size_t cnt[8][256], i;
  double *src = x, *dst = work, *wsrc = w, *wdst = w ? work + n : 0;
  int d;
  memset(cnt, 0, sizeof cnt);
  for(i=0; i<n; i++){
    uint64_t k = tr_key(&x[i]);
    memcpy(&x[i], &k, sizeof k);
    for(d=0; d<8; d++) cnt[d][(k >> (8*d)) & 0xff]++;
  }
  for(d=0; d<8; d++){
    size_t pos[256], sum = 0, b;
    int skip = 0;
    for(b=0; b<256; b++){
      if( cnt[d][b]==n ) skip = 1;
      pos[b] = sum;
      sum += cnt[d][b];
    }
    if( skip ) continue;
    for(i=0; i<n; i++){
      uint64_t k;
      size_t to;
      memcpy(&k, &src[i], sizeof k);
      to = pos[(k >> (8*d)) & 0xff]++;
      memcpy(&dst[to], &k, sizeof k);
      if( w ) wdst[to] = wsrc[i];
    }
    { double *t = src; src = dst; dst = t; }
    if( w ){ double *t = wsrc; wsrc = wdst; wdst = t; }
  }
  for(i=0; i<n; i++){
    uint64_t k;
    memcpy(&k, &src[i], sizeof k);
    tr_unkey(k, &x[i]);
  }
  if( w && wsrc!=w ) memcpy(w, wsrc, n*sizeof *w);
}

static void tr_sort(double *x, double *w, size_t n, double *work){
  int depth = 0;
  size_t k;
  if( work && n>=KL_TR_RADIX_MIN ){
    tr_radix(x, w, n, work);
    return;
  }
  for(k=n; k>1; k>>=1) depth += 2;
  tr_introsort(x, w, n, depth);
}

size_t kl_transport_work(size_t m, size_t n, int weighted){
  size_t mx = m>n ? m : n;
  if( mx<KL_TR_RADIX_MIN ) return 0;
  return weighted ? 2*mx : mx;
}

/* ------------------------------------------------------ double-double */

static void tr_two_sum(double a, double b, double *s, double *e){
  double t = a + b, bb = t - a;
  *s = t;
  *e = (a - (t - bb)) + (b - bb);
}

static void tr_fast_two_sum(double a, double b, double *s, double *e){
  double t = a + b;
  *s = t;
  *e = b - (t - a);
}

/* Dekker's exact product (|a|, |b| < 2^995). */
static void tr_two_prod(double a, double b, double *p, double *e){
  const double c = 134217729.0;   /* 2^27 + 1 */
  double t, ah, al, bh, bl;
  t = c*a; ah = t - (t - a); al = a - ah;
  t = c*b; bh = t - (t - b); bl = b - bh;
  *p = a*b;
  *e = ((ah*bh - *p) + ah*bl + al*bh) + al*bl;
}

/* a + b, a double-double and a double */
static kl_dd tr_dd_add1(kl_dd a, double b){
  kl_dd r;
  double s, e;
  tr_two_sum(a.hi, b, &s, &e);
  e += a.lo;
  tr_fast_two_sum(s, e, &r.hi, &r.lo);
  return r;
}

/* a + b, accurate to ~2^-104 of the result (no loss when they cancel) */
static kl_dd tr_dd_add(kl_dd a, kl_dd b){
  kl_dd r;
  double s, e, t, f;
  tr_two_sum(a.hi, b.hi, &s, &e);
  tr_two_sum(a.lo, b.lo, &t, &f);
  e += t;
  tr_fast_two_sum(s, e, &s, &e);
  e += f;
  tr_fast_two_sum(s, e, &r.hi, &r.lo);
  return r;
}

/* a b; exact when a.lo = b.lo = 0 */
static kl_dd tr_dd_mul(kl_dd a, kl_dd b){
  kl_dd r;
  double p, e;
  tr_two_prod(a.hi, b.hi, &p, &e);
  e += a.hi*b.lo + a.lo*b.hi;
  tr_fast_two_sum(p, e, &r.hi, &r.lo);
  return r;
}

/* |n / d| rounded to a double (d > 0), within about an ulp */
static double tr_dd_absdiv(kl_dd n, kl_dd d){
  kl_dd r, qd;
  double q1 = n.hi / d.hi, q2;
  tr_two_prod(d.hi, q1, &qd.hi, &qd.lo);
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

/* ---------------------------------------------------------- the walk */

double kl_transport(kl_tr_kind kind, double *u, double *uw, size_t m,
                    double *v, double *vw, size_t n, double *work){
  double lo = u[0], hi = u[0], mx, prev = 0, s;
  kl_dd a = { 0, 0 }, b = { 0, 0 }, sa = { 0, 0 }, sb = { 0, 0 }, d;
  kl_sum acc;
  size_t i, j;
  int k, first = 1;

  for(i=0; i<m; i++){ if( u[i]<lo ) lo = u[i]; if( u[i]>hi ) hi = u[i]; }
  for(j=0; j<n; j++){ if( v[j]<lo ) lo = v[j]; if( v[j]>hi ) hi = v[j]; }
  if( lo==hi ) return 0.0;   /* one value in both samples */
  mx = fabs(lo)>fabs(hi) ? fabs(lo) : fabs(hi);
  k = 1020 - ilogb(mx);      /* mx > 0: lo < hi */
  tr_scale(u, m, k);
  tr_scale(v, n, k);
  if( uw ) tr_scale_weights(uw, m);
  if( vw ) tr_scale_weights(vw, n);

  tr_sort(u, uw, m, work);
  tr_sort(v, vw, n, work);

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
        if( num!=0 ){
          double f = fabs((double)num / mn), len = z - prev;
          kl_sum_add(&acc, kind==KL_TR_ENERGY ? (f*f)*len : f*len);
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
        double f = tr_dd_absdiv(num, d), len = z - prev;
        kl_sum_add(&acc, kind==KL_TR_ENERGY ? (f*f)*len : f*len);
      }
    }
    while( i<m && u[i]==z ){ a = tr_dd_add1(a, uw ? uw[i] : 1.0); i++; }
    while( j<n && v[j]==z ){ b = tr_dd_add1(b, vw ? vw[j] : 1.0); j++; }
    prev = z;
    first = 0;
  }
  s = kl_sum_value(&acc);
  if( !(s>0) ) return 0.0;
  if( kind==KL_TR_ENERGY ){
    int r = k & 1, h = (k - r)/2;
    return ldexp(sqrt(ldexp(s, 1 - r)), -h);
  }
  return ldexp(s, -k);
}
