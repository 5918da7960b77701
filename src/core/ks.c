/*
** core/ks.c — the two-sample Kolmogorov-Smirnov statistic and its
** two-sided p-value.  Pure C, no SQLite, no allocation.
**
** Specification (scipy.stats.ks_2samp(u, v), alternative='two-sided',
** method='auto', scipy 1.10):
**
**  1. The samples u (n1 values) and v (n2 values) are sorted; for every
**     pooled value t, i = #{u <= t} and j = #{v <= t} (ties: all values
**     equal to t are counted together, as numpy's searchsorted(side=
**     'right') does; -0 equals +0).  D = max |i/n1 - j/n2|.
**  2. D is a rational with denominator lcm(n1, n2): its numerator over
**     n1*n2 is the largest |i*n2 - j*n1|, an exact integer; divided by
**     g = gcd(n1, n2) it is h, and D = h / lcm, rounded once.
**  3. The p-value is P(D' >= D) for two samples of these sizes from one
**     continuous distribution.  When max(n1, n2) <= 10000 (scipy's
**     MAX_AUTO_N) it is exact: the share of the C(n1+n2, n1) lattice paths
**     from (0,0) to (m,n) (m = the larger size, n the smaller) that touch a
**     point (i, j) with |i*(n/g) - j*(m/g)| >= h.
**     a. If h = 0 the p-value is 1.
**     b. Unequal sizes, or equal sizes with h*h < n: the share q(i, j) of
**        the paths to (i, j) that have touched such a point satisfies
**        q = 1 at those points, q(0,0) = 0 and otherwise
**        q(i,j) = (i q(i-1,j) + j q(i,j-1)) / (i+j) (Viehmann 2021's form of
**        Hodges' inside method): every step a weighted mean of numbers in
**        [0, 1], so the p-value is formed without cancellation however
**        small it is.  Column by column over i, over the band of j inside
**        the lines: O(m * band) <= O(2 m n) time, n+1 doubles of work.
**     c. Equal sizes n with h*h >= n: the reflection series
**        2 sum_{k>=1} (-1)^(k-1) C(2n, n-kh) / C(2n, n), each ratio a
**        product of h-term ratios (n-j)/(n+j+1), added from the smallest
**        term; its terms fall by at least e^-3 each, so the alternation
**        loses no digits.  O(n).
**  4. Otherwise it is scipy's asymptotic value kstwo.sf(D, N) with
**     N = round-half-even(n1*n2/(n1+n2)): the one-sample two-sided
**     Kolmogorov distribution, with scipy's choice of method (Simard and
**     L'Ecuyer 2011) so the same approximation is made where scipy makes
**     one:
**     a. x >= 1: 0; t = N*x <= 1/2: 1; t <= 1: 1 - N!/N^N (2t-1)^N;
**        t >= N-1: 2 (1-x)^N; x >= 1/2: 2 smirnov(N, x);
**     b. N <= 140: N x^2 <= 4: 1 - the Durbin matrix value (scipy uses
**        Durbin below 0.754693 and Pomeranz's recursion up to 4; both
**        are exact, Durbin is used for both here), in double-double with
**        1 - cdf formed before rounding: the p-value can be as small as
**        5e-4 there, and in doubles 1 - cdf magnifies the cdf's rounding
**        up to 2000 times (scipy keeps 11 to 13 digits there); else
**        2 smirnov(N, x);
**     c. N > 140: N x^2 >= 370: 0; >= 2.2: 2 smirnov(N, x); else
**        1 - Durbin when N <= 100000 and N x^1.5 <= 1.4, else 1 - the
**        Pelz-Good approximation.
**     smirnov(n, x) = x sum_{j=0}^{floor(n(1-x))} C(n,j) (1-x-j/n)^(n-j)
**     (x+j/n)^(j-1) (Birnbaum-Tingey), all terms positive, evaluated in
**     double-double with a separate binary exponent (no underflow of the
**     terms before the sum): O(n log n).  The Durbin value is the
**     (k,k) element of H^N times N!/N^N (Marsaglia, Tsang, Wang 2003),
**     with the powers kept scaled by exact powers of 2; H is of order
**     2k-1 <= 117 on the roads that use it (<= 47 for N <= 140).  For
**     N > 140 Durbin's road has N x^2 <= 0.3, a cdf below 0.1, and 1 - cdf
**     in doubles loses nothing.
**  5. The result is clipped to [0, 1]; it is never NaN.
*/
#include "ks.h"
#include "sort.h"
#include "dd.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------- sorting */

void kl_ks_sort(double *x, size_t n, double *tmp){
  kl_sort(x, 0, n, tmp);
}

/* ----------------------------------------------------------- statistic */

uint64_t kl_ks_dnum(const double *u, size_t n1, const double *v, size_t n2){
  size_t i = 0, j = 0;
  uint64_t best = 0;
  while( i<n1 || j<n2 ){
    double t;
    int64_t diff;
    uint64_t a;
    if( j>=n2 || (i<n1 && u[i]<=v[j]) ) t = u[i]; else t = v[j];
    while( i<n1 && u[i]<=t ) i++;
    while( j<n2 && v[j]<=t ) j++;
    diff = (int64_t)i*(int64_t)n2 - (int64_t)j*(int64_t)n1;
    a = diff<0 ? (uint64_t)(-diff) : (uint64_t)diff;
    if( a>best ) best = a;
  }
  return best;
}

static uint64_t ks_gcd(uint64_t a, uint64_t b){
  while( b ){ uint64_t t = a % b; a = b; b = t; }
  return a;
}

/* -------------------------------------------------------- double-double */

/* A double-double hi+lo times 2^e (|hi| in [2^-300, 2^300], or 0). */
typedef struct ks_xd { double hi, lo; int64_t e; } ks_xd;

/* hi+lo renormalised; the binary exponent is moved into e only when hi
** leaves [2^-300, 2^300] (products of two such stay far from the range's
** ends), so most operations take no frexp. */
static ks_xd ks_norm(double hi, double lo, int64_t e){
  ks_xd r;
  double s, t, a;
  kl_two_sum(hi, lo, &s, &t);
  r.hi = s; r.lo = t; r.e = e;
  if( s==0 ){ r.lo = 0; r.e = 0; return r; }
  a = fabs(s);
  if( a<0x1p-300 || a>0x1p300 ){
    int k;
    (void)frexp(s, &k);
    r.hi = ldexp(s, -k);
    r.lo = ldexp(t, -k);
    r.e = e + k;
  }
  return r;
}

/* The same value with hi in [0.5, 1) (or 0: frexp(0) gives k = 0, and the
** value stays 0, e unchanged). */
static ks_xd ks_full_norm(ks_xd a){
  int k;
  (void)frexp(a.hi, &k);
  a.hi = ldexp(a.hi, -k);
  a.lo = ldexp(a.lo, -k);
  a.e += k;
  return a;
}

static ks_xd ks_xd_of(double x){ return ks_norm(x, 0, 0); }

static ks_xd ks_mul(ks_xd a, ks_xd b){
  double p, err;
  kl_two_prod(a.hi, b.hi, &p, &err);
  err += a.hi*b.lo + a.lo*b.hi;
  return ks_norm(p, err, a.e + b.e);
}

/* a * d, d a double with |d| < 2^53 an integer or any double */
static ks_xd ks_mul_d(ks_xd a, double d){
  double p, err;
  kl_two_prod(a.hi, d, &p, &err);
  err += a.lo*d;
  return ks_norm(p, err, a.e);
}

/* a / d, d > 0 a double */
static ks_xd ks_div_d(ks_xd a, double d){
  double q1, q2, p, err, r;
  q1 = a.hi/d;
  kl_two_prod(q1, d, &p, &err);
  r = ((a.hi - p) - err) + a.lo;
  q2 = r/d;
  return ks_norm(q1, q2, a.e);
}

/* a^k, k >= 0, by squaring */
static ks_xd ks_pow(ks_xd a, int64_t k){
  ks_xd r = ks_xd_of(1.0);
  while( k>0 ){
    if( k&1 ) r = ks_mul(r, a);
    k >>= 1;
    if( k ) a = ks_mul(a, a);
  }
  return r;
}

/* The double nearest a (0 when it underflows).  Its arguments are
** probabilities (at most 1 plus rounding: e <= 1), so only underflow needs
** a test; a zero has e = 0 (ks_norm gives every zero e = 0) and comes out
** as ldexp(0, 0) = 0. */
static double ks_val(ks_xd a){
  a = ks_full_norm(a);
  if( a.e < -1100 ) return 0;
  /* hi+lo rounded then scaled: one more rounding only when subnormal */
  return ldexp(a.hi + a.lo, (int)a.e);
}

/* A running sum of positive ks_xd terms, kept at the largest exponent.
** Every term is nonzero: kl_ks_smirnov's terms are products of nonzero
** factors (C(n,j), x > 0, 1-x-j/n > 0, x+j/n > 0) held with a separate
** exponent, so none underflows. */
typedef struct ks_acc { double hi, lo; int64_t e; int any; } ks_acc;

/* The shift of an exponent difference d >= 0, capped at 2000: a hi or lo
** (below 2^11) shifted by 2000 or more is 0 either way. */
static int ks_shift(int64_t d){ return d>2000 ? 2000 : (int)d; }

static void ks_acc_add(ks_acc *s, ks_xd t){
  double h, l, th, tl, a, b;
  t = ks_full_norm(t);
  if( !s->any ){ s->hi = t.hi; s->lo = t.lo; s->e = t.e; s->any = 1; return; }
  if( t.e > s->e ){
    int d = ks_shift(t.e - s->e);
    s->hi = ldexp(s->hi, -d);
    s->lo = ldexp(s->lo, -d);
    s->e = t.e;
    th = t.hi; tl = t.lo;
  }else{
    int d = ks_shift(s->e - t.e);
    th = ldexp(t.hi, -d);
    tl = ldexp(t.lo, -d);
  }
  kl_two_sum(s->hi, th, &h, &a);
  b = a + s->lo + tl;
  kl_two_sum(h, b, &h, &l);
  s->hi = h; s->lo = l;
  if( s->hi>=1024.0 ){   /* keep hi near 1 */
    int k;
    (void)frexp(s->hi, &k);
    s->hi = ldexp(s->hi, -k); s->lo = ldexp(s->lo, -k); s->e += k;
  }
}

/* s holds at least one term: kl_ks_smirnov adds its j = 0 term (1-x)^n,
** 0 < x < 1, always. */
static ks_xd ks_acc_get(const ks_acc *s){
  return ks_norm(s->hi, s->lo, s->e);
}

/* n!/n^n as a ks_xd: the product of 2..n times (1/n)^n, 1/n a double-double */
static ks_xd ks_nfact_nn(int64_t n){
  ks_xd f = ks_xd_of(1.0);
  int64_t i;
  for(i=2; i<=n; i++) f = ks_mul_d(f, (double)i);
  return ks_mul(f, ks_pow(ks_div_d(ks_xd_of(1.0), (double)n), n));
}

/* --------------------------------------------------- the statistic's value */

/* An integer below 2^64 as an exact double-double. */
static void ks_u64(uint64_t v, double *hi, double *lo){
  uint64_t h;
  *hi = (double)v;
  h = (uint64_t)*hi;   /* the rounding of v: within 2^11 of it, below 2^64 */
  *lo = h>=v ? -(double)(h - v) : (double)(v - h);
}

double kl_ks_stat(size_t n1, size_t n2, uint64_t dnum){
  uint64_t g = ks_gcd(n1, n2);
  uint64_t lcm = (n1/g)*n2;
  uint64_t h = dnum/g;   /* i*n2 - j*n1 is a multiple of g */
  double hh, hl, lh, ll, q1, p, e, r;
  if( h<=(1ull<<53) && lcm<=(1ull<<53) ) return (double)h/(double)lcm;
  /* beyond 2^53 (samples of about 10^8 each): one correction step of the
  ** quotient in double-double, then the sum rounded once */
  ks_u64(h, &hh, &hl);
  ks_u64(lcm, &lh, &ll);
  q1 = hh/lh;
  kl_two_prod(q1, lh, &p, &e);
  r = (((hh - p) - e) + hl) - q1*ll;
  return q1 + r/lh;
}

/* ------------------------------------------------------ exact p-value */

/* Rule 3b: the share of lattice paths from (0,0) to (m,n) touching a point
** with |i*b - j*a| >= h (a = m/g, b = n/g), column by column. */
static double ks_inside(uint64_t m, uint64_t n, uint64_t a, uint64_t b,
                        uint64_t h, double *q){
  uint64_t i, j, lo, hi;
  for(j=0; j<=n; j++) q[j] = 1.0;
  hi = (h - 1)/a;                 /* column 0: j*a < h; h <= n*a (D <= 1),
                                  ** so hi <= n - 1 */
  for(j=0; j<=hi; j++) q[j] = 0.0;
  for(i=1; i<=m; i++){
    uint64_t ib = i*b;
    double down = 1.0, di = (double)i;
    lo = ib>=h ? (ib - h)/a + 1 : 0;
    hi = (ib + h - 1)/a;
    if( hi>n ) hi = n;
    if( lo>hi ) return 1.0;       /* every path has left the band */
    for(j=lo; j<=hi; j++){
      double dj = (double)j;
      double val = (di*q[j] + dj*down)/(di + dj);
      q[j] = val;
      down = val;
    }
  }
  return q[n];
}

/* Rule 3c: equal sizes n, h*h >= n: the reflection series. */
static double ks_square(uint64_t n, uint64_t h){
  double term[64];   /* the terms fall by e^-3 at least: 64 is plenty */
  double r = 1.0, p = 0.0;
  uint64_t k, kmax = n/h, j = 0;
  int nt = 0, t;
  if( kmax>64 ) kmax = 64;   /* r is 0 long before: term k <= e^-(k^2-k) */
  for(k=1; k<=kmax; k++){
    for(; j<k*h; j++) r *= (double)(n - j)/(double)(n + j + 1);
    if( r==0 ) break;
    term[nt++] = r;
  }
  for(t=nt-1; t>=0; t--) p = term[t] - p;
  return 2.0*p;
}

/* Rule 5: p clipped to [0, 1]. */
static double ks_clip(double p){
  if( !(p>0) ) return 0.0;   /* also NaN, which the roads never give */
  return p>1 ? 1.0 : p;
}

double kl_ks_exact(size_t n1, size_t n2, uint64_t h, double *work){
  uint64_t m = n1>n2 ? n1 : n2, n = n1>n2 ? n2 : n1;
  uint64_t g = ks_gcd(m, n);
  double p;
  if( h==0 ) return 1.0;
  if( m==n && h*h>=n ) p = ks_square(n, h);
  else p = ks_inside(m, n, m/g, n/g, h, work);
  return ks_clip(p);
}

/* ------------------------------------------------ one-sided: smirnov */

/* (c - a) / n as a ks_xd, a = ah + al a double-double, c an integer */
static ks_xd ks_frac(double c, double ah, double al, double n, int *pos){
  double s, e, s2, e2;
  kl_two_sum(c, -ah, &s, &e);
  e -= al;
  kl_two_sum(s, e, &s2, &e2);
  *pos = s2>0;
  return ks_div_d(ks_norm(s2, e2, 0), n);
}

double kl_ks_smirnov(int64_t n, double x){
  double ah, al, dn = (double)n;
  ks_xd c, xx, t;
  ks_acc s = { 0, 0, 0, 0 };
  int64_t j;
  if( !(x>0) ) return 1.0;
  if( x>=1 ) return 0.0;
  kl_two_prod(dn, x, &ah, &al);           /* a = n x exactly */
  xx = ks_xd_of(x);
  c = ks_xd_of(1.0);
  /* ends at j <= n: there 1 - x - j/n = -x < 0 (ah > 0, |al| <= ulp(ah)/2),
  ** so pos = 0 */
  for(j=0; ; j++){
    int pos;
    ks_xd b1, b2;
    if( j>0 ) c = ks_div_d(ks_mul_d(c, (double)(n - j + 1)), (double)j);
    b1 = ks_frac((double)(n - j), ah, al, dn, &pos);   /* 1 - x - j/n */
    if( !pos ) break;
    if( j==0 ){
      t = ks_pow(b1, n);
    }else{
      int dummy;
      b2 = ks_frac((double)j, -ah, -al, dn, &dummy);   /* x + j/n */
      t = ks_mul(ks_mul(c, xx), ks_mul(ks_pow(b1, n - j), ks_pow(b2, j - 1)));
    }
    ks_acc_add(&s, t);
  }
  return ks_val(ks_acc_get(&s));
}

/* ------------------------------------------- Durbin / MTW matrix value */

static void ks_matmul(const double *A, const double *B, double *C, int m){
  int r, c, k;
  for(r=0; r<m; r++){
    for(c=0; c<m; c++) C[r*m + c] = 0;
    for(k=0; k<m; k++){
      double a = A[r*m + k];
      if( a==0 ) continue;
      for(c=0; c<m; c++) C[r*m + c] += a*B[k*m + c];
    }
  }
}

/* Scales M by a power of 2 so its largest element is in [0.5, 1); returns
** the exponent taken out. */
static int64_t ks_matnorm(double *M, int m){
  double mx = 0;
  int i, k;
  for(i=0; i<m*m; i++) if( M[i]>mx ) mx = M[i];
  (void)frexp(mx, &k);   /* mx > 0 (H[0][0] = 1 - h > 0, P's diagonal);
                         ** were it 0, frexp gives k = 0: no change */
  for(i=0; i<m*m; i++) M[i] = ldexp(M[i], -k);
  return k;
}

/* P(D_n < d) by Durbin's matrix.  Its one caller (rule 4c) has n d > 1,
** d < 1/2, n <= 100000 and n d^1.5 <= 1.4, so n d = (n d^1.5)^(2/3)
** n^(1/3) <= 1.4^(2/3) 100000^(1/3) < 58.1: k <= 59, the order 2k-1 <= 117
** <= KL_KS_DMTW_MAX. */
static double ks_dmtw_cdf(int64_t n, double d, double *work){
  double nd, hh, fac[KL_KS_DMTW_MAX + 2];
  double *H = work, *P, *T, *tmp;
  int64_t k, eH = 0, eP = 0, nn;
  int m, r, c;
  ks_xd res;
  nd = (double)n*d;
  k = (int64_t)ceil(nd);
  hh = (double)k - nd;
  m = (int)(2*k - 1);
  P = work + m*m; T = work + 2*m*m;
  fac[0] = 1.0;
  for(r=1; r<=m; r++) fac[r] = fac[r-1]/(double)r;
  for(r=0; r<m; r++){
    for(c=0; c<m; c++){
      int e = r - c + 1;
      H[r*m + c] = e>=0 ? fac[e] : 0.0;
    }
  }
  for(r=0; r<m-1; r++) H[r*m] = (1.0 - pow(hh, r + 1))*fac[r + 1];
  for(c=1; c<m; c++) H[(m-1)*m + c] = (1.0 - pow(hh, m - c))*fac[m - c];
  {
    double tt = pow(2*hh - 1.0 > 0 ? 2*hh - 1.0 : 0.0, m) - 2*pow(hh, m);
    H[(m-1)*m] = (1.0 + tt)*fac[m];
  }
  for(r=0; r<m*m; r++) P[r] = 0;
  for(r=0; r<m; r++) P[r*m + r] = 1.0;
  nn = n;
  while( nn>0 ){
    if( nn & 1 ){
      ks_matmul(P, H, T, m);
      tmp = P; P = T; T = tmp;
      eP += eH + ks_matnorm(P, m);
    }
    nn >>= 1;
    if( nn ){
      ks_matmul(H, H, T, m);
      tmp = H; H = T; T = tmp;
      eH = 2*eH + ks_matnorm(H, m);
    }
  }
  res = ks_mul(ks_norm(P[(k-1)*m + (k-1)], 0, eP), ks_nfact_nn(n));
  return ks_val(res);
}

/* The same in double-double, for N <= 140 (order <= 47), where scipy's
** road reads 1 - cdf down to p-values near 5e-4: the cdf's rounding would
** otherwise be magnified up to 2000 times.  M[i] is Mh[i] + Ml[i]. */
static void ks_matmul_dd(const double *Ah, const double *Al, const double *Bh,
                         const double *Bl, double *Ch, double *Cl, int m){
  int r, c, k;
  for(r=0; r<m; r++){
    for(c=0; c<m; c++){
      double sh = 0, sl = 0;
      for(k=0; k<m; k++){
        double ah = Ah[r*m + k], p, e, t;
        if( ah==0 ) continue;
        kl_two_prod(ah, Bh[k*m + c], &p, &e);
        e += ah*Bl[k*m + c] + Al[r*m + k]*Bh[k*m + c];
        kl_two_sum(sh, p, &sh, &t);
        sl += t + e;
      }
      kl_two_sum(sh, sl, &Ch[r*m + c], &Cl[r*m + c]);
    }
  }
}

static int64_t ks_matnorm_dd(double *Mh, double *Ml, int m){
  double mx = 0;
  int i, k;
  for(i=0; i<m*m; i++) if( Mh[i]>mx ) mx = Mh[i];
  (void)frexp(mx, &k);   /* as in ks_matnorm */
  for(i=0; i<m*m; i++){ Mh[i] = ldexp(Mh[i], -k); Ml[i] = ldexp(Ml[i], -k); }
  return k;
}

/* a ks_xd as a plain double-double (the values here are far from the
** range's ends) */
static void ks_xd_dd(ks_xd a, double *hi, double *lo){
  *hi = ldexp(a.hi, (int)a.e);
  *lo = ldexp(a.lo, (int)a.e);
}

#define KS_DD_MAX 64
/* 1 - P(D_n < d) (the survival function, formed before rounding).  Its one
** caller (rule 4b) has 1 < n d (the same double as ndh below), d < 1/2,
** n <= 140 and n d^2 <= 4: n d <= 2 sqrt(140) < 23.7, k <= 24 (25 after
** the step below), the order 2k-1 <= 49 <= KS_DD_MAX.  The cdf is at least
** n!/n^n >= e^-140 there (the cdf at n d = 1, increasing in d), far above
** the range where 1 - cdf = 1. */
static double ks_dmtw_sf_dd(int64_t n, double d, double *work){
  double ndh, ndl, hh, hl, t, fh[KS_DD_MAX + 2], fl[KS_DD_MAX + 2];
  ks_xd hx, hp[KS_DD_MAX + 2], fx, one = ks_xd_of(1.0);
  double *Hh, *Hl, *Ph, *Pl, *Th, *Tl, *tmp;
  int64_t k, eH = 0, eP = 0, nn;
  int m, r, c;
  kl_two_prod((double)n, d, &ndh, &ndl);
  k = (int64_t)ceil(ndh);
  if( (double)k==ndh && ndl>0 ) k++;
  m = (int)(2*k - 1);
  Hh = work; Hl = Hh + m*m; Ph = Hl + m*m; Pl = Ph + m*m;
  Th = Pl + m*m; Tl = Th + m*m;
  /* h = k - n d, exactly as a double-double */
  kl_two_sum((double)k, -ndh, &hh, &t);
  t -= ndl;
  kl_two_sum(hh, t, &hh, &hl);
  hx = ks_norm(hh, hl, 0);
  hp[0] = one;
  fx = one;
  ks_xd_dd(fx, &fh[0], &fl[0]);
  for(r=1; r<=m; r++){
    hp[r] = ks_mul(hp[r-1], hx);              /* h^r */
    fx = ks_div_d(fx, (double)r);             /* 1/r! */
    ks_xd_dd(fx, &fh[r], &fl[r]);
  }
  for(r=0; r<m; r++){
    for(c=0; c<m; c++){
      int e = r - c + 1;
      Hh[r*m + c] = e>=0 ? fh[e] : 0.0;
      Hl[r*m + c] = e>=0 ? fl[e] : 0.0;
    }
  }
  /* first column (1 - h^(r+1))/(r+1)!, last row (1 - h^(m-c))/(m-c)! */
  for(r=0; r<m; r++){
    int e = r + 1;
    ks_xd v;
    double a1, a2, b1, b2;
    /* 1 - h^e in double-double */
    ks_xd_dd(hp[e], &a1, &a2);
    kl_two_sum(1.0, -a1, &b1, &b2);
    b2 -= a2;
    v = ks_mul(ks_norm(b1, b2, 0), ks_norm(fh[e], fl[e], 0));
    if( r<m-1 ) ks_xd_dd(v, &Hh[r*m], &Hl[r*m]);
    if( r<m-1 ) ks_xd_dd(v, &Hh[(m-1)*m + (m-1-r)], &Hl[(m-1)*m + (m-1-r)]);
  }
  {
    /* (1 - 2 h^m + max(0, 2h - 1)^m) / m! */
    double a1, a2, b1, b2, c1, c2;
    ks_xd w;
    ks_xd_dd(hp[m], &a1, &a2);
    kl_two_sum(1.0, -2*a1, &b1, &b2);
    b2 -= 2*a2;
    if( hh*2 > 1.0 || (hh*2==1.0 && hl>0) ){
      ks_xd q;
      kl_two_sum(2*hh, -1.0, &c1, &c2);
      c2 += 2*hl;
      q = ks_pow(ks_norm(c1, c2, 0), m);
      ks_xd_dd(q, &c1, &c2);
      kl_two_sum(b1, c1, &b1, &t);
      b2 += t + c2;
    }
    w = ks_mul(ks_norm(b1, b2, 0), ks_norm(fh[m], fl[m], 0));
    ks_xd_dd(w, &Hh[(m-1)*m], &Hl[(m-1)*m]);
  }
  for(r=0; r<m*m; r++){ Ph[r] = 0; Pl[r] = 0; }
  for(r=0; r<m; r++) Ph[r*m + r] = 1.0;
  nn = n;
  while( nn>0 ){
    if( nn & 1 ){
      ks_matmul_dd(Ph, Pl, Hh, Hl, Th, Tl, m);
      tmp = Ph; Ph = Th; Th = tmp;
      tmp = Pl; Pl = Tl; Tl = tmp;
      eP += eH + ks_matnorm_dd(Ph, Pl, m);
    }
    nn >>= 1;
    if( nn ){
      ks_matmul_dd(Hh, Hl, Hh, Hl, Th, Tl, m);
      tmp = Hh; Hh = Th; Th = tmp;
      tmp = Hl; Hl = Tl; Tl = tmp;
      eH = 2*eH + ks_matnorm_dd(Hh, Hl, m);
    }
  }
  {
    ks_xd cdf = ks_mul(ks_norm(Ph[(k-1)*m + (k-1)], Pl[(k-1)*m + (k-1)], eP),
                       ks_nfact_nn(n));
    double a1, a2, b1, b2;
    cdf = ks_full_norm(cdf);   /* >= e^-140: ks_xd_dd's ldexp is exact */
    ks_xd_dd(cdf, &a1, &a2);
    kl_two_sum(1.0, -a1, &b1, &b2);
    return b1 + (b2 - a2);
  }
}

/* ------------------------------------------- Pelz-Good approximation */

static double ks_pelzgood_cdf(int64_t n, double x){
  const double pi2 = 9.8696044010893586188, pi4 = pi2*pi2, pi6 = pi4*pi2;
  const double s2pi = 2.5066282746310005024;
  double z, z2, z3, z4, z6, qlog, q, K[4], k1a, k1b, k2a, k2b, k2c, k3a, k3b,
    k3c, k3d, q2, s2 = 0, s3 = 0, sq3z, dn = (double)n;
  int64_t k, maxk;
  int i;
  /* its one caller (rule 4c) has 0 < x < 1/2 */
  z = sqrt(dn)*x;
  z2 = z*z; z3 = z2*z; z4 = z2*z2; z6 = z4*z2;
  qlog = -pi2/8/z2;
  if( qlog < -708 ) return 0.0;
  q = exp(qlog);
  k1a = -z2; k1b = pi2/4;
  k2a = 6*z6 + 2*z4; k2b = (2*z4 - 5*z2)*pi2/4; k2c = pi4*(1 - 2*z2)/16;
  k3d = pi6*(5 - 30*z2)/64; k3c = pi4*(-60*z2 + 212*z4)/16;
  k3b = pi2*(135*z4 - 96*z6)/4; k3a = -30*z6 - 90*z4*z4;
  K[0] = K[1] = K[2] = K[3] = 0;
  maxk = (int64_t)ceil(16*z/3.14159265358979323846);
  for(k=maxk; k>0; k--){
    double mm = (double)(2*k - 1), m2 = mm*mm, m4 = m2*m2, m6 = m4*m2;
    double qp = pow(q, (double)(8*k));
    K[0] = K[0]*qp + 1.0;
    K[1] = K[1]*qp + (k1a + k1b*m2);
    K[2] = K[2]*qp + (k2a + k2b*m2 + k2c*m4);
    K[3] = K[3]*qp + (k3a + k3b*m2 + k3c*m4 + k3d*m6);
  }
  for(i=0; i<4; i++) K[i] = K[i]*q*s2pi;
  K[0] /= z; K[1] /= 6*z4; K[2] /= 72*z4*z3; K[3] /= 6480*z6*z4;
  q2 = exp(-pi2/2/z2);
  sq3z = 1.7320508075688772935*z;
  for(k=maxk; k>0; k--){
    double kk = (double)k, ks2 = kk*kk, qp = pow(q2, ks2);
    double kpi = 3.14159265358979323846*kk;
    s2 += ks2*qp;
    s3 += (sq3z + kpi)*(sq3z - kpi)*ks2*qp;
  }
  K[2] += s2*(pi2*s2pi/(-36*z3));
  K[3] += s3*(pi2*s2pi/(216*z6));
  K[1] /= sqrt(dn); K[2] /= dn; K[3] /= pow(dn, 1.5);
  return K[0] + K[1] + K[2] + K[3];
}

/* ------------------------------------------------ kstwo.sf, two-sample */


double kl_ks_kolmogn_sf(int64_t n, double x, double *work){
  double dn = (double)n, t, nxsq, cdf;
  if( x>=1.0 ) return 0.0;
  if( !(x>0) ) return 1.0;
  t = dn*x;
  if( t<=1.0 ){
    ks_xd p;
    if( t<=0.5 ) return 1.0;
    p = ks_mul(ks_nfact_nn(n), ks_pow(ks_xd_of(2*t - 1), n));
    return ks_clip(1.0 - ks_val(p));
  }
  if( t>=dn - 1 ) return ks_clip(2*pow(1.0 - x, dn));
  if( x>=0.5 ) return ks_clip(2*kl_ks_smirnov(n, x));
  nxsq = t*x;
  if( n<=140 ){
    if( nxsq<=4 ) return ks_clip(ks_dmtw_sf_dd(n, x, work));
    return ks_clip(2*kl_ks_smirnov(n, x));
  }
  if( nxsq>=370.0 ) return 0.0;
  if( nxsq>=2.2 ) return ks_clip(2*kl_ks_smirnov(n, x));
  if( n<=100000 && dn*pow(x, 1.5)<=1.4 ) cdf = ks_dmtw_cdf(n, x, work);
  else cdf = ks_pelzgood_cdf(n, x);
  return ks_clip(1.0 - cdf);
}

size_t kl_ks_work(size_t n1, size_t n2, uint64_t dnum){
  size_t m = n1>n2 ? n1 : n2, n = n1>n2 ? n2 : n1;
  (void)dnum;
  if( m<=KL_KS_MAX_EXACT ) return n + 1;
  return KL_KS_DMTW_WORK;
}

double kl_ks_pvalue(size_t n1, size_t n2, uint64_t dnum, double *work){
  uint64_t g = ks_gcd(n1, n2);
  size_t m = n1>n2 ? n1 : n2, n = n1>n2 ? n2 : n1;
  double en, d;
  if( dnum==0 ) return 1.0;
  if( m<=KL_KS_MAX_EXACT ) return kl_ks_exact(n1, n2, dnum/g, work);
  d = kl_ks_stat(n1, n2, dnum);
  en = (double)m*(double)n/((double)m + (double)n);
  return kl_ks_kolmogn_sf((int64_t)nearbyint(en), d, work);
}
