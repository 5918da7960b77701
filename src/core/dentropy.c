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
**     sorted ascending by kl_de_sort (a bottom-up merge sort with a work
**     buffer of n doubles: O(n log n) worst case, no allocation).  Below,
**     x_1 <= ... <= x_n is the sorted sample (1-based) and x_j for j < 1 is
**     x_1, for j > n is x_n (scipy's padding).
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
**     plus ln 2), its logarithm in double-double (kl_log_ratio_dd,
**     relative error below 2^-100, plus lo/hi for the low part), and every
**     term, with n times the constants (exact products), is added to an
**     exact accumulator (kl_xsum); the total is divided in double-double
**     and rounded once.  So |H - exact| <= u |H| + 2^-98 M, u = 2^-53,
**     M = |constants| + (1/n) sum |ln D_i|: correctly rounded but for the
**     last bit unless H is much smaller than the terms that cancel in it.
**     The harmonic sum of van es is an exact sum of 1/k as double-doubles.
**     correa: S1_i is a sum of non-negative terms (each difference exact,
**     times d exactly, then a compensated sum): relative error <= 3u;
**     S2_i is a corrected two-pass sum of squares of the differences from
**     the window's centre x_i (formed exactly), scaled by a power of two so
**     that the window's range is in [1, 2) (nothing overflows or
**     underflows): relative error <= 6u.  So |H - exact| <= 10u + 2u|H|.
**     No result is NaN or infinite: ln D_i is within [-745, 710].
** (7) Cost: O(n log n) for the sort; then O(n) for vasicek, van es and
**     ebrahimi, O(n m) for correa (every window is summed afresh: scipy's
**     correa is O(n m) too, in O(n m) memory; here O(1) beyond the sample).
*/
#include "dentropy.h"
#include "numeric.h"
#include "stream.h"
#include "port.h"

#include <math.h>
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

static void de_insertion(double *x, size_t n){
  size_t i, j;
  for(i=1; i<n; i++){
    double v = x[i];
    for(j=i; j>0 && x[j-1] > v; j--) x[j] = x[j-1];
    x[j] = v;
  }
}

void kl_de_sort(double *x, size_t n, double *work){
  const size_t run = 32;
  double *src = x, *dst = work, *t;
  size_t i, w;
  for(i=0; i<n; i+=run) de_insertion(x + i, n - i < run ? n - i : run);
  for(w=run; w<n; w*=2){
    for(i=0; i<n; i+=2*w){
      size_t mid = i + w < n ? i + w : n;
      size_t end = i + 2*w < n ? i + 2*w : n;
      size_t a = i, b = mid, k = i;
      if( mid==end || src[mid-1] <= src[mid] ){
        memcpy(dst + i, src + i, (end - i)*sizeof *src);
        continue;
      }
      while( a<mid && b<end ) dst[k++] = src[b] < src[a] ? src[b++] : src[a++];
      while( a<mid ) dst[k++] = src[a++];
      while( b<end ) dst[k++] = src[b++];
    }
    t = src; src = dst; dst = t;
  }
  if( src!=x ) memcpy(x, src, n*sizeof *x);
}

/* ------------------------------------------------------ double-doubles */

static kl_dd de_two_sum(double a, double b){
  double s = a + b, bb = s - a;
  kl_dd r;
  r.hi = s;
  r.lo = (a - (s - bb)) + (b - bb);
  return r;
}

static kl_dd de_two_prod(double a, double b){
  kl_dd r;
  r.hi = a*b;
  r.lo = KL_FMA(a, b, -r.hi);
  return r;
}

static kl_dd de_dd_add(kl_dd a, kl_dd b){
  kl_dd s = de_two_sum(a.hi, b.hi);
  double lo = s.lo + (a.lo + b.lo);
  return de_two_sum(s.hi, lo);
}

/* a / d for a double d > 0 */
static kl_dd de_dd_div(kl_dd a, double d){
  double q1 = a.hi / d;
  kl_dd p = de_two_prod(q1, d);
  double r = ((a.hi - p.hi) - p.lo) + a.lo;
  return de_two_sum(q1, r / d);
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
** Adds ln(b - a) for a < b: the difference exact as a double-double, from
** the halves (plus ln 2) where b - a overflows; ln(hi + lo) = ln hi +
** log1p(lo/hi), |lo/hi| <= 2^-53, log1p(t) = t - t^2/2 + ... (t^2/2 below
** 2^-107 is left out).
*/
static void de_put_log_spacing(kl_xsum *acc, double a, double b){
  kl_dd d = de_two_sum(b, -a);
  if( isinf(d.hi) ){
    d = de_two_sum(b*0.5, -(a*0.5));
    kl_xsum_add(acc, DE_LN2_HI);
    kl_xsum_add(acc, DE_LN2_LO);
  }
  de_put(acc, kl_log_ratio_dd(d.hi, 1.0));
  kl_xsum_add(acc, d.lo / d.hi);
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
  size_t i;
  for(i=0; i<n; i++){
    size_t a = i >= m ? i - m : 0, b = i + m < n ? i + m : n - 1;
    if( !(x[a] < x[b]) ){ *where = a; return KL_DE_TIES; }
    de_put_log_spacing(acc, x[a], x[b]);
  }
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
  size_t i, k;
  memset(&acc, 0, sizeof acc);
  memset(&har, 0, sizeof har);
  for(i=0; i+m<n; i++){
    if( !(x[i] < x[i+m]) ){ *where = i; return KL_DE_TIES; }
    de_put_log_spacing(&acc, x[i], x[i+m]);
  }
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

/*
** correa: for each window, with f = 1 (or 1/2 where the window's range
** overflows) and the scale 2^k (s1 s2) that brings the range to [1, 2):
** y_j = (f x_j - f x_i) 2^k as an exact double-double (both products by
** powers of two are exact but for parts below 2^-1074 of the range).
*/
static int de_correa(const double *x, size_t n, size_t m, double *out,
                     size_t *where){
  kl_xsum acc;
  double K = 0.0;            /* sum of the scale exponents */
  double N = (double)(2*m + 1);
  size_t i;
  memset(&acc, 0, sizeof acc);
  for(i=0; i<n; i++){
    long long c = (long long)i, mm = (long long)m, j, d;
    double lo = de_xp(x, n, c - mm), hi = de_xp(x, n, c + mm);
    double f = 1.0, R = hi - lo, s1, s2, ctr, mean, S1, S2;
    int k, ke;
    kl_sum a1, am, ae, aq;
    if( !(R > 0.0) ){ *where = i >= m ? i - m : 0; return KL_DE_TIES; }
    if( isinf(R) ){ f = 0.5; R = hi*0.5 - lo*0.5; }
    k = -ilogb(R);             /* R 2^k in [1, 2) */
    ke = f==1.0 ? k : k - 1;   /* y = (x_j - x_i) 2^ke */
    s1 = ldexp(1.0, k > 1000 ? 1000 : (k < -1000 ? -1000 : k));
    s2 = ldexp(1.0, k > 1000 ? k - 1000 : (k < -1000 ? k + 1000 : 0));
    ctr = x[i]*f;
    kl_sum_init(&a1);
    kl_sum_init(&am);
    /* S1 = sum_d d (x_{i+d} - x_{i-d}), every term >= 0 */
    for(d=1; d<=mm; d++){
      kl_dd t = de_two_sum(de_xp(x, n, c + d)*f, -(de_xp(x, n, c - d)*f));
      kl_dd p = de_two_prod(t.hi*s1*s2, (double)d);
      kl_sum_add(&a1, p.hi);
      kl_sum_add(&a1, p.lo);
      kl_sum_add(&a1, t.lo*s1*s2*(double)d);
    }
    S1 = kl_sum_value(&a1);
    /* the mean of y over the window */
    for(j=c-mm; j<=c+mm; j++){
      kl_dd t = de_two_sum(de_xp(x, n, j)*f, -ctr);
      kl_sum_add(&am, t.hi*s1*s2);
      kl_sum_add(&am, t.lo*s1*s2);
    }
    mean = kl_sum_value(&am) / N;
    /* S2 = sum e^2 - (sum e)^2 / N, e = y - mean (corrected two-pass) */
    kl_sum_init(&ae);
    kl_sum_init(&aq);
    for(j=c-mm; j<=c+mm; j++){
      kl_dd t = de_two_sum(de_xp(x, n, j)*f, -ctr);
      double e = (t.hi*s1*s2 - mean) + t.lo*s1*s2;
      kl_sum_add(&ae, e);
      kl_sum_add(&aq, e*e);
    }
    S2 = kl_sum_value(&ae);
    S2 = kl_sum_value(&aq) - S2*S2/N;
    de_put(&acc, kl_log_ratio_dd(S2, S1));
    K += (double)ke;
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
