/*
** core/dentropy.c — differential entropy from one sample, by spacings, as
** scipy.stats.differential_entropy (scipy 1.10) defines its estimators.
** Pure C, no SQLite, no allocation.
**
** Reference: tests/gen_dentropy_ref.py (scipy 1.10.1 on ordinary samples,
** mpmath at 60 digits over the same doubles on adversarial ones), data
** tests/data/dentropy_ref.sql, checked by tests/dentropy.sql.
**
** Rules
** -----
** (1) The sample x[0..n) is finite doubles (the glue refuses NaN and Inf),
**     sorted ascending by kl_de_sort (core/sort.c's LSD radix sort on
**     the doubles' bits, 8 bits a pass, with a work buffer of n doubles:
**     O(n), no allocation; -0 before +0).  Below, x_1 <= ... <= x_n is the sorted sample
**     (1-based) and x_j for j < 1 is x_1, for j > n is x_n (scipy's
**     padding).
** (2) The window length m satisfies 1 <= m and 2m < n (scipy's
**     "2 <= 2 * window_length < n"); otherwise KL_DE_WINDOW.  Its default,
**     chosen by the glue, is floor(sqrt(n) + 0.5) (kl_de_default_window),
**     so a sample needs at least 5 values without an explicit
**     window_length, and at least 3 with window_length = 1.
** (3) 'auto' is van es for n <= 10, ebrahimi for n <= 1000, vasicek for
**     larger n, as scipy 1.10 chooses.
** (4) The estimators, with D_i = x_{i+m} - x_{i-m} (padded as in (1)):
**       vasicek   H = ln(n / (2m)) + (1/n) sum_{i=1..n} ln D_i
**       ebrahimi  H = ln n + (1/n) sum_{i=1..n} (ln D_i - ln(c_i m)),
**                 c_i m = m + i - 1 for i <= m, m + n - i for i > n - m,
**                 2m between; so sum ln(c_i m) = (n - 2m) ln(2m)
**                 + 2 sum_{j=m..2m-1} ln j
**       van es    H = (1/(n-m)) sum_{i=1..n-m} ln(x_{i+m} - x_i)
**                     + sum_{k=m..n} 1/k
**                 (scipy's ln((n+1)/m), ln m and -ln(n+1) cancel exactly)
**       correa    H = ln n + (1/n) sum_{i=1..n} ln(S2_i / S1_i), over the
**                 window x_{i-m} .. x_{i+m} (2m+1 padded values):
**                 S1_i = sum_{d=1..m} d (x_{i+d} - x_{i-d})  (scipy's
**                 sum (x_j - mean)(j - i): the mean's part is 0), and
**                 S2_i = sum_j (x_j - mean_i)^2.
**     These are scipy's formulas rearranged without changing their value in
**     exact arithmetic; the tests compare with scipy on ordinary data and
**     with mpmath evaluating scipy's own formula on adversarial data.
** (5) Ties.  A zero D_i (or x_{i+m} = x_i for van es, or a correa window
**     of 2m+1 equal values) makes scipy take ln 0: -inf for vasicek, van
**     es and ebrahimi, NaN for correa (0/0).  Here it is KL_DE_TIES, an
**     error for the glue to word (the position of the tied values in
**     *where): a -Inf "entropy" of a sample is not a value.  It happens
**     exactly when m+1 values are equal (van es; or, for the others, the
**     m+1 smallest or the m+1 largest values are equal) or 2m+1 values are
**     equal (vasicek, ebrahimi, correa).  Fewer equal values are fine.
** (6) Accuracy.  vasicek, van es, ebrahimi: each spacing is formed exactly
**     as a double-double (two-sum; where b - a overflows, from the halves,
**     and a factor 2), and the spacings are multiplied into a double-double
**     product whose exponent is kept apart (de_prod: within n 2^-104 of
**     the exact product); its logarithm (kl_log_ratio_dd, relative error
**     below 2^-100) and n times the constants (exact products) go into an
**     exact accumulator (kl_xsum); the total is divided in double-double
**     and rounded once.  So |H - exact| <= u |H| + 2^-98 M, u = 2^-53,
**     M = |constants| + |(1/n) sum ln D_i|: correctly rounded but for the
**     last bit unless H is much smaller than the terms that cancel in it.
**     The harmonic sum of van es is an exact sum of 1/k as double-doubles.
**     correa: S1_i and S2_i from exact sliding sums of the window's
**     deviations from a centre inside it (de_correa below), formed in
**     double-double: each correctly rounded but for 2^-80 relative; a
**     window next to a jump of some 265 orders of magnitude is summed
**     directly (compensated, S1 within 3u and S2 within 6u).  So
**     |H - exact| <= 3u + u|H| (10u + u|H| where the direct sums were
**     used).
**     No result is NaN or infinite: ln D_i is within [-745, 710].
** (7) Cost: O(n log n) for the sort; then O(n) for every method (correa's
**     window sums slide: O(1) exact-accumulator operations per window and
**     O(m) per block of m+1 windows; scipy's correa takes O(n m) time and
**     memory).  Memory: the sample and n doubles of sorting work.
*/
#include "dentropy.h"
#include "numeric.h"
#include "stream.h"
#include "port.h"
#include "sort.h"
#include "dd.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* ln 2 as a double-double */
#define DE_LN2_HI 0x1.62e42fefa39efp-1
#define DE_LN2_LO 0x1.abc9e3b39803fp-56

static const char *const de_names[] = {
  "vasicek", "van es", "ebrahimi", "correa", "auto"
};

const char *kl_de_name(kl_de_method m){
  return (unsigned)m <= KL_DE_AUTO ? de_names[m] : "?";
}

size_t kl_de_default_window(size_t n){
  return (size_t)floor(sqrt((double)n) + 0.5);
}

kl_de_method kl_de_resolve(kl_de_method m, size_t n){
  if( m!=KL_DE_AUTO ) return m;
  if( n<=10 ) return KL_DE_VAN_ES;
  if( n<=1000 ) return KL_DE_EBRAHIMI;
  return KL_DE_VASICEK;
}

/* ------------------------------------------------------------ sorting */

/* the radix sort of core/sort.c at every n: -0 before +0, as before */
void kl_de_sort(double *x, size_t n, double *work){
  kl_sort_radix(x, 0, n, work);
}

/* ------------------------------------------------------ double-doubles */

static kl_dd de_two_prod(double a, double b){
  kl_dd r;
  r.hi = a*b;
  r.lo = KL_FMA(a, b, -r.hi);
  return r;
}

static kl_dd de_dd_add(kl_dd a, kl_dd b){
  kl_dd s = kl_two_sum_dd(a.hi, b.hi);
  double lo = s.lo + (a.lo + b.lo);
  return kl_two_sum_dd(s.hi, lo);
}

/* a / d for a double d > 0 */
static kl_dd de_dd_div(kl_dd a, double d){
  double q1 = a.hi / d;
  kl_dd p = de_two_prod(q1, d);
  double r = ((a.hi - p.hi) - p.lo) + a.lo;
  return kl_two_sum_dd(q1, r / d);
}

/* adds the double-double a to the exact accumulator */
static void de_put(kl_xsum *acc, kl_dd a){
  kl_xsum_add(acc, a.hi);
  kl_xsum_add(acc, a.lo);
}

/* adds k times the double-double a (k a whole number below 2^53) */
static void de_put_times(kl_xsum *acc, kl_dd a, double k){
  de_put(acc, de_two_prod(a.hi, k));
  kl_xsum_add(acc, a.lo * k);
}

/*
** A product of positive double-doubles: (m.hi + m.lo) 2^e, each factor
** brought to [1/2, 1) by its exponent (exact), m renormalised when it
** falls below 2^-500.  Each step multiplies in double-double (relative
** error below 2^-104), so n factors are within n 2^-104 of the exact
** product, and its logarithm within n 2^-104 absolute.
*/
typedef struct de_prod { kl_dd m; double e; } de_prod;

static void de_prod_init(de_prod *p){
  p->m.hi = 1.0; p->m.lo = 0.0; p->e = 0.0;
}

/* double-double a * b */
static kl_dd de_dd_mul(kl_dd a, kl_dd b){
  kl_dd p = de_two_prod(a.hi, b.hi);
  p.lo += a.hi*b.lo + a.lo*b.hi;
  return kl_two_sum_dd(p.hi, p.lo);
}

static void de_prod_mul(de_prod *p, kl_dd f){
  int k;
  f.hi = frexp(f.hi, &k);
  f.lo = ldexp(f.lo, -k);
  p->e += (double)k;
  p->m = de_dd_mul(p->m, f);
  if( p->m.hi < 0x1p-500 ){
    p->m.hi *= 0x1p+500;
    p->m.lo *= 0x1p+500;
    p->e -= 500.0;
  }
}

/* adds ln of the product: ln(m.hi) in double-double, + log1p(m.lo/m.hi)
** (|m.lo/m.hi| <= 2^-53: its square is left out), + e ln 2 (exact
** product: |e| < 2^53) */
static void de_put_log_prod(kl_xsum *acc, const de_prod *p){
  de_put(acc, kl_log_ratio_dd(p->m.hi, 1.0));
  kl_xsum_add(acc, p->m.lo / p->m.hi);
  de_put_times(acc, (kl_dd){ DE_LN2_HI, DE_LN2_LO }, p->e);
}

/*
** Multiplies in b - a for a < b: the difference exact as a double-double,
** from the halves (and a factor 2 in the exponent) where b - a overflows.
*/
static void de_prod_spacing(de_prod *p, double a, double b){
  kl_dd d = kl_two_sum_dd(b, -a);
  if( isinf(d.hi) ){
    d = kl_two_sum_dd(b*0.5, -(a*0.5));
    p->e += 1.0;
  }
  de_prod_mul(p, d);
}

/* the exact total divided by n, rounded once */
static double de_mean(const kl_xsum *acc, double n){
  kl_dd t = kl_xsum_dd(acc);
  kl_dd q = de_dd_div(t, n);
  return q.hi + q.lo;
}

/* ---------------------------------------------------------- estimators */

/* vasicek and ebrahimi: the sum of ln D_i; KL_DE_TIES at a zero D_i */
static int de_sum_window_logs(kl_xsum *acc, const double *x, size_t n,
                              size_t m, size_t *where){
  de_prod p;
  size_t i;
  de_prod_init(&p);
  for(i=0; i<n; i++){
    size_t a = i >= m ? i - m : 0, b = i + m < n ? i + m : n - 1;
    if( !(x[a] < x[b]) ){ *where = a; return KL_DE_TIES; }
    de_prod_spacing(&p, x[a], x[b]);
  }
  de_put_log_prod(acc, &p);
  return KL_DE_OK;
}

static int de_vasicek(const double *x, size_t n, size_t m, double *out,
                      size_t *where){
  kl_xsum acc;
  int rc;
  memset(&acc, 0, sizeof acc);
  rc = de_sum_window_logs(&acc, x, n, m, where);
  if( rc ) return rc;
  de_put_times(&acc, kl_log_ratio_dd((double)n, 2.0*(double)m), (double)n);
  *out = de_mean(&acc, (double)n);
  return KL_DE_OK;
}

static int de_ebrahimi(const double *x, size_t n, size_t m, double *out,
                       size_t *where){
  kl_xsum acc;
  size_t j;
  int rc;
  memset(&acc, 0, sizeof acc);
  rc = de_sum_window_logs(&acc, x, n, m, where);
  if( rc ) return rc;
  de_put_times(&acc, kl_log_ratio_dd((double)n, 1.0), (double)n);
  /* - sum ln(c_i m) = -(n - 2m) ln(2m) - 2 sum_{j=m..2m-1} ln j */
  de_put_times(&acc, kl_log_ratio_dd(1.0, 2.0*(double)m),
               (double)(n - 2*m));
  for(j=m; j<2*m; j++){
    kl_dd l = kl_log_ratio_dd(1.0, (double)j);
    l.hi *= 2.0; l.lo *= 2.0;
    de_put(&acc, l);
  }
  *out = de_mean(&acc, (double)n);
  return KL_DE_OK;
}

static int de_van_es(const double *x, size_t n, size_t m, double *out,
                     size_t *where){
  kl_xsum acc, har;
  kl_dd s, h;
  de_prod p;
  size_t i, k;
  memset(&acc, 0, sizeof acc);
  memset(&har, 0, sizeof har);
  de_prod_init(&p);
  for(i=0; i+m<n; i++){
    if( !(x[i] < x[i+m]) ){ *where = i; return KL_DE_TIES; }
    de_prod_spacing(&p, x[i], x[i+m]);
  }
  de_put_log_prod(&acc, &p);
  /* sum_{k=m..n} 1/k, each 1/k as hi + lo with lo = -(k hi - 1)/k */
  for(k=m; k<=n; k++){
    double dk = (double)k, q = 1.0/dk;
    kl_xsum_add(&har, q);
    kl_xsum_add(&har, -KL_FMA(q, dk, -1.0)/dk);
  }
  s = de_dd_div(kl_xsum_dd(&acc), (double)(n - m));
  h = kl_xsum_dd(&har);
  s = de_dd_add(s, h);
  *out = s.hi + s.lo;
  return KL_DE_OK;
}

/* the padded sample x_j, 0-based */
static double de_xp(const double *x, size_t n, long long j){
  if( j < 0 ) return x[0];
  if( j >= (long long)n ) return x[n-1];
  return x[j];
}

/* 2^k as two factors that are doubles (k in [-2000, 2000]) */
static void de_pow2(int k, double *s1, double *s2){
  int k1 = k > 1000 ? 1000 : (k < -1000 ? -1000 : k);
  *s1 = ldexp(1.0, k1);
  *s2 = ldexp(1.0, k - k1);
}

/*
** correa, one window i summed afresh (O(m)): with the scale 2^k that
** brings the window's range to [1, 2), y_j = (x_j - x_i) 2^k from an exact
** two-sum (the products by powers of two are exact but for parts below
** 2^-1074 of the range).  S1 from its non-negative terms (>= m), S2 by a
** corrected two-pass sum (>= 1/2, less a few ulps); returns ln(S2/S1) of
** the scaled values and *ke = k.  The caller has checked that the range is
** > 0, and it is finite (below 2^-880 of a block's, see de_correa).
*/
static kl_dd de_correa_direct(const double *x, size_t n, size_t m, size_t i,
                              int *ke){
  long long c = (long long)i, mm = (long long)m, j, d;
  double lo = de_xp(x, n, c - mm), hi = de_xp(x, n, c + mm);
  double R = hi - lo, s1, s2, ctr, mean, S1, S2;
  double N = (double)(2*m + 1);
  int k;
  kl_sum a1, am, ae, aq;
  k = -ilogb(R);
  *ke = k;
  de_pow2(k, &s1, &s2);
  ctr = x[i];
  kl_sum_init(&a1);
  kl_sum_init(&am);
  kl_sum_init(&ae);
  kl_sum_init(&aq);
  for(d=1; d<=mm; d++){
    kl_dd t = kl_two_sum_dd(de_xp(x, n, c + d), -de_xp(x, n, c - d));
    kl_dd p = de_two_prod(t.hi*s1*s2, (double)d);
    kl_sum_add(&a1, p.hi);
    kl_sum_add(&a1, p.lo);
    kl_sum_add(&a1, t.lo*s1*s2*(double)d);
  }
  S1 = kl_sum_value(&a1);
  for(j=c-mm; j<=c+mm; j++){
    kl_dd t = kl_two_sum_dd(de_xp(x, n, j), -ctr);
    kl_sum_add(&am, t.hi*s1*s2);
    kl_sum_add(&am, t.lo*s1*s2);
  }
  mean = kl_sum_value(&am) / N;
  for(j=c-mm; j<=c+mm; j++){
    kl_dd t = kl_two_sum_dd(de_xp(x, n, j), -ctr);
    double e = (t.hi*s1*s2 - mean) + t.lo*s1*s2;
    kl_sum_add(&ae, e);
    kl_sum_add(&aq, e*e);
  }
  S2 = kl_sum_value(&ae);
  S2 = kl_sum_value(&aq) - S2*S2/N;
  return kl_log_ratio_dd(S2, S1);
}

/* The sliding sums of a block of correa windows (see de_correa). */
typedef struct de_slide {
  const double *x;
  size_t n;
  long long i0;       /* the block's first window; the centre is x[i0] */
  double f, s1, s2;   /* y_j = (f x_j - f x_i0) s1 s2 */
  kl_xsum W, T, Q;    /* sum y, sum (j - i0) y, sum y^2 over the window */
} de_slide;

/* adds (sign 1) or takes out (-1) the padded position j: the same doubles
** both ways, so the sums are exactly those of the window's positions */
static void de_slide_put(de_slide *s, long long j, int sign){
  kl_dd t = kl_two_sum_dd(de_xp(s->x, s->n, j)*s->f,
                       -(s->x[s->i0]*s->f));
  double yh = t.hi*s->s1*s->s2, yl = t.lo*s->s1*s->s2;
  double dj = (double)(j - s->i0);
  kl_dd p = de_two_prod(yh, dj), q = de_two_prod(yh, yh);
  double v[8];
  int k;
  v[0] = yh; v[1] = yl;                      /* W */
  v[2] = p.hi; v[3] = p.lo; v[4] = yl*dj;    /* T */
  v[5] = q.hi; v[6] = q.lo; v[7] = 2.0*yh*yl;/* Q (yl^2 left out) */
  for(k=0; k<8; k++){
    kl_xsum *a = k < 2 ? &s->W : (k < 5 ? &s->T : &s->Q);
    if( sign > 0 ) kl_xsum_add(a, v[k]); else kl_xsum_sub(a, v[k]);
  }
}


/*
** correa.  The windows are taken in blocks of m + 1 consecutive centres
** i0 .. i0 + m; every window of a block contains the position i0, so with
** y_j = x_j - x_i0 (exact as a double-double, scaled by a power of two so
** that the block's largest |y| is near 2^480: no square overflows) the
** window's sums W = sum y, T = sum (j - i0) y and Q = sum y^2 are kept in
** exact accumulators that slide by one position per window (add one, take
** one out: exact, no drift), and
**   S2 = Q - W^2/N,   S1 = T - (i - i0) W
** in double-double.  |y| is at most the window's range r, so Q <= S2 +
** N r^2 <= (2N + 1) S2 and |T| + (i - i0)|W| <= 3 N m r <= 3N S1: the
** double-double cancels at most a factor 3N (2^23 for N = 2^21) of its
** 2^-104, so S1 and S2 come out correctly rounded but for 2^-80 relative.
** A window whose range is below 2^-400 in the block's scale (2^-880 of
** the block's largest |y|: only next to a jump of 265 orders of magnitude)
** is summed directly instead (de_correa_direct).  Cost O(1) accumulator
** operations per window, O(m) per block: O(n) in all.
*/
static int de_correa(const double *x, size_t n, size_t m, double *out,
                     size_t *where){
  kl_xsum acc;
  de_slide s;
  double K = 0.0;            /* sum of the scale exponents */
  double N = (double)(2*m + 1);
  long long mm = (long long)m, i0, i, j, nn = (long long)n;
  memset(&acc, 0, sizeof acc);
  s.x = x;
  s.n = n;
  for(i0=0; i0<nn; i0+=mm+1){
    long long i1 = i0 + mm + 1 < nn ? i0 + mm + 1 : nn;
    double lo = de_xp(x, n, i0 - mm), hi = de_xp(x, n, i1 - 1 + mm), A;
    int k, ke;
    s.i0 = i0;
    s.f = isinf(hi - lo) ? 0.5 : 1.0;
    A = hi*s.f - lo*s.f;
    k = A > 0.0 ? 480 - ilogb(A) : 0;
    ke = s.f==1.0 ? k : k - 1;
    de_pow2(k, &s.s1, &s.s2);
    memset(&s.W, 0, sizeof s.W);
    memset(&s.T, 0, sizeof s.T);
    memset(&s.Q, 0, sizeof s.Q);
    for(j=i0-mm; j<=i0+mm; j++) de_slide_put(&s, j, 1);
    for(i=i0; i<i1; i++){
      double wl = de_xp(x, n, i - mm), wh = de_xp(x, n, i + mm), r;
      if( i>i0 ){
        de_slide_put(&s, i - 1 - mm, -1);
        de_slide_put(&s, i + mm, 1);
      }
      if( !(wl < wh) ){ *where = i >= mm ? (size_t)(i - mm) : 0; return KL_DE_TIES; }
      r = (wh*s.f - wl*s.f)*s.s1*s.s2;
      if( r < 0x1p-400 ){
        int kd;
        de_put(&acc, de_correa_direct(x, n, m, (size_t)i, &kd));
        K += (double)kd;
      }else{
        kl_dd W = kl_xsum_dd(&s.W), T = kl_xsum_dd(&s.T), Q = kl_xsum_dd(&s.Q);
        kl_dd S2, S1, t;
        t = de_dd_div(de_dd_mul(W, W), N);
        t.hi = -t.hi; t.lo = -t.lo;
        S2 = de_dd_add(Q, t);
        t = de_two_prod(W.hi, (double)(i - i0));
        t.lo += W.lo*(double)(i - i0);
        t.hi = -t.hi; t.lo = -t.lo;
        S1 = de_dd_add(T, t);
        /* S1 >= m r and S2 >= r^2/2 with r >= 2^-400 here, and the
        ** errors are below 2^-80 of them (underflows in the products add
        ** at most N 2^-1074): both > 0 */
        de_put(&acc, kl_log_ratio_dd(S2.hi + S2.lo, S1.hi + S1.lo));
        K += (double)ke;
      }
    }
  }
  /* + n ln n - K ln 2 */
  de_put_times(&acc, kl_log_ratio_dd((double)n, 1.0), (double)n);
  de_put_times(&acc, (kl_dd){ -DE_LN2_HI, -DE_LN2_LO }, K);
  *out = de_mean(&acc, (double)n);
  return KL_DE_OK;
}

int kl_de_estimate(const double *x, size_t n, size_t m, kl_de_method meth,
                   double *out, size_t *where){
  *where = 0;
  if( m < 1 || m >= n || 2*m >= n ) return KL_DE_WINDOW;
  switch( kl_de_resolve(meth, n) ){
    case KL_DE_VAN_ES:   return de_van_es(x, n, m, out, where);
    case KL_DE_EBRAHIMI: return de_ebrahimi(x, n, m, out, where);
    case KL_DE_CORREA:   return de_correa(x, n, m, out, where);
    default:             return de_vasicek(x, n, m, out, where);
  }
}
