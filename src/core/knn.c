/*
** core/knn.c — the k-nearest-neighbour estimator of KL(P || Q) from a
** sample x of n points drawn from P and a sample y of m points drawn from
** Q, in d dimensions.  Pure C, no SQLite, no allocation (the caller's work
** buffer), no state outside the arguments.
**
** Rules:
**  (1) The fixed estimator (Wang, Kulkarni and Verdu 2009, eq. 5; Perez-Cruz
**      2008):
**        D = (d/n) sum_i ln(nu_k(i) / rho_k(i)) + ln(m / (n - 1))
**      rho_k(i) the Euclidean distance from x_i to its k-th nearest
**      neighbour in x (x_i itself left out), nu_k(i) to its k-th nearest
**      neighbour in y.
**  (2) The adaptive (bias-corrected) estimator (WKV 2009, eq. 17):
**      eps_i = max(rho_k(i), nu_k(i)); l_i the number of points of x
**      (x_i left out) and k_i the number of points of y within eps_i
**      (distance <= eps_i); then
**        D = (d/n) sum_i ln(nu_{k_i}(i) / rho_{l_i}(i))
**            + (1/n) sum_i (psi(l_i) - psi(k_i)) + ln(m / (n - 1))
**      psi the digamma function.  One of l_i, k_i is k (or more, where
**      several points lie exactly at eps_i) and the distance it goes with
**      is eps_i; the other is the count within eps_i and its distance the
**      largest one within eps_i.  As the sample grows both estimators
**      converge to KL(P || Q); the adaptive one has the smaller bias where
**      the two densities differ much in scale.
**  (3) Ties and duplicates: a neighbour is a point at a positive distance.
**      Points at distance 0 from x_i (x_i itself and every duplicate of it,
**      in x and in y) are skipped; the others are counted with their
**      multiplicity (two points at the same positive distance are the k-th
**      and the (k+1)-th neighbour).  So no distance in a ratio is 0 and no
**      logarithm is of 0: a duplicate carries no information about the
**      density's scale at x_i, and a point of y that coincides with x_i
**      would otherwise make nu_k(i) = 0 and the estimate -Inf.  A point of
**      x with fewer than k points at a positive distance in x or in y
**      makes the estimate undefined: KL_KNN_FEW, naming the point.  For
**      x = y exactly, rho_k(i) = nu_k(i) and D = ln(n / (n - 1)) > 0.
**  (4) One dimension: x and y are copied into the work buffer and sorted
**      (introsort: O(n log n), in place).  The points of x are visited in
**      sorted order, one run of equal values at a time (the run's points
**      share one term), and y's run of the same value is found by a pointer
**      that only moves forward.  The k-th smallest positive distance is the
**      k-th smallest of two sorted sequences (to the left and to the right
**      of the run), found by a binary search over how many come from the
**      left, O(log k); counts within eps_i by galloping searches outwards
**      from the run.  Every search stays near its point (no cache misses
**      across the arrays): O((n + m) log(n + m)) in all.  Should a point
**      lack k neighbours, x is searched again in its own order so that the
**      error names the first such point.
**  (5) d >= 2: a k-d tree over each sample, built in the work buffer. Equal
**      points are first collapsed into one point with a multiplicity (the rows
**      sorted lexicographically by heapsort), so that heavily tied data
**      (rounded values) costs no more than distinct data: the searches count a
**      point with its multiplicity, and skip all the duplicates of x_i in one
**      step.  The tree's nodes split their range of points at its middle index
**      along the coordinate of largest spread (a quickselect with a pseudo-
**      random pivot from a fixed seed and a three-way partition, so duplicates
**      do not make it quadratic); leaves hold at most KL_KNN_LEAF points; each
**      node keeps its bounding box.  The k nearest are found by descending
**      into the nearer child first and skipping a node whose box is farther
**      than the k-th best so far; counts within eps_i take a node whose box
**      lies wholly within eps_i (and does not contain x_i) in one step (each
**      node knows its points' total multiplicity).  Each distinct point of x
**      is visited once, in tree order (near points one after another), its
**      term counted with its multiplicity; should one lack k neighbours, x is
**      searched again in its own order to name the first such point. Expected
**      O((n + m) log(n + m)) for a fixed d.  Beyond d = KL_KNN_TREE_MAXDIM
**      (8), where k-d trees no longer prune well (measured: at n = m = 10^4 a
**      tree is 3x faster than all pairs at d = 6, even at d = 8, 1.6x slower
**      at d = 10), the tree is one leaf and every point of x is compared with
**      every point of x and y: O(n (n + m) d). The pruning tests leave a
**      relative margin of 2^-40 so that the few ulps by which a box's computed
**      distance and a point's may disagree never skip a point that matters:
**      the search is exact, as a scan of all pairs with the same distance
**      function would be.
**  (6) Distances are compared, and their logs taken, as keys of their
**      squares, never as rounded distances (a distance in the subnormal
**      range would keep few bits): the key of a squared distance is
**      (band, v), its value v 2^(1800 band), one key per value (band 0
**      holds [2^-900, 2^900), band -1 below, band 1 above; 0 is (-1, 0)),
**      so keys compare as pairs exactly as the values do.  The squared
**      distance is the plain sum of squared differences when that lies in
**      [2^-900, 2^900), else the sum recomputed with the differences
**      scaled by the power of two of the largest one (no overflow, no
**      underflow of tiny differences, Blue's idea), then put in its band
**      (an exact power-of-two scaling).  The boxes' distances are keys
**      the same way, the pruning margins applied to them.  A difference
**      of two coordinates cannot overflow: when a coordinate exceeds
**      2^1000 in size both samples are first multiplied by 2^-30 (exact,
**      except for coordinates below 2^-992 in size, which then lose bits;
**      the estimate depends on ratios of distances only).
**  (7) ln(nu / rho): in one dimension the log of the quotient where the
**      quotient is a normal number, else ln nu - ln rho; for d >= 2 half
**      the log of the quotient of the two keys' values, written q 2^e with
**      q in [2^-1/2, 2^1/2): ln q / 2 when e = 0, else (e ln 2 + ln q) / 2
**      (ln 2 in two parts): no false +-Inf, no cancellation for nearly
**      equal distances, no distance rounded to the subnormal grid.  The terms are added with a compensated
**      sum; ln(m / (n - 1)) is log1p((m - n + 1) / (n - 1)).  psi(l) -
**      psi(k) for whole numbers (kl_knn_psi_diff): the sum of 1/j for
**      j = k .. l-1 when l - k <= 64, else log1p and the asymptotic series
**      past 20, so nearly equal counts do not cancel.
**  (8) Memory: the work buffer (kl_knn_work_size): n + m doubles in one
**      dimension; beyond it the trees' copies of the points, (n + m) d,
**      their multiplicities and running sums, 2 (n + m) + 2, their boxes,
**      at most about (n + m) d / 2, 3 (k + 1) for the heap (keys: squared
**      distance and band; multiplicities) and d of
**      scratch.
*/
#include "knn.h"
#include "numeric.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define KNN_DELTA 0x1p-40   /* the pruning tests' relative margin (rule 5) */

/* ------------------------------------------------------------ distances */

/* A squared distance is kept as a key (band, v), its value v 2^(1800 band)
** (rule 6): band 0 holds [2^-900, 2^900), band -1 the values below it,
** v = value 2^1800 in [2^-348, 2^900), band 1 those above it, and 0 is
** (-1, 0).  Each value has one key, so keys compare as (band, v) in
** lexicographic order, exactly as the values do. */
#define KNN_BAND 1800

/* The key of the value s 2^e2 (s > 0 finite). */
static double knn_mk(double s, int e2, int *band){
  int L = ilogb(s) + e2;
  *band = L < -900 ? -1 : L >= 900 ? 1 : 0;
  return ldexp(s, e2 - KNN_BAND*(*band));
}

/* (b1, v1) < (b2, v2) */
static int knn_klt(int b1, double v1, int b2, double v2){
  return b1<b2 || (b1==b2 && v1<v2);
}

/* The key of v 2^(1800 band) f (f near 1: the pruning margins). */
static double knn_kscale(double v, int band, double f, int *ob){
  v *= f;
  if( band<1 && v>=0x1p900 ){ v = ldexp(v, -KNN_BAND); band++; }
  else if( band>-1 && v>0 && v<0x1p-900 ){ v = ldexp(v, KNN_BAND); band--; }
  *ob = band;
  return v;
}

/* The key of |a - b|^2 (|a|^2 when b is NULL), the components scaled by
** the power of two of the largest one: no overflow, no underflow (rule 6). */
static double knn_norm_scaled(const double *a, const double *b, size_t d,
                              int *band){
  double mx = 0, s = 0;
  size_t j;
  int e;
  for(j=0; j<d; j++){
    double t = fabs(b ? a[j] - b[j] : a[j]);
    if( t>mx ) mx = t;
  }
  if( mx==0 ){
    *band = -1;
    return 0;
  }
  e = ilogb(mx);
  for(j=0; j<d; j++){
    double t = ldexp(b ? a[j] - b[j] : a[j], -e);
    s += t*t;
  }
  return knn_mk(s, 2*e, band);
}

/* The key of the squared distance from a to b. */
static double knn_dist(const double *a, const double *b, size_t d, int *band){
  double s = 0;
  size_t j;
  for(j=0; j<d; j++){
    double t = a[j] - b[j];
    s += t*t;
  }
  if( s>=0x1p-900 && s<0x1p900 ){
    *band = 0;
    return s;
  }
  return knn_norm_scaled(a, b, d, band);
}

/* The key of the squared distance from q to the box [lo, hi] (0 inside),
** and of the largest squared distance from q to a point of the box; scr
** holds d doubles. */
static double knn_box_min(const double *q, const double *lo, const double *hi,
                          size_t d, double *scr, int *band){
  double s = 0;
  size_t j;
  for(j=0; j<d; j++){
    double t = q[j]<lo[j] ? lo[j] - q[j] : q[j]>hi[j] ? q[j] - hi[j] : 0;
    scr[j] = t;
    s += t*t;
  }
  if( s>=0x1p-900 && s<0x1p900 ){
    *band = 0;
    return s;
  }
  return knn_norm_scaled(scr, 0, d, band);
}

static double knn_box_max(const double *q, const double *lo, const double *hi,
                          size_t d, double *scr, int *band){
  double s = 0;
  size_t j;
  for(j=0; j<d; j++){
    double a = fabs(q[j] - lo[j]), b = fabs(hi[j] - q[j]);
    double t = a>b ? a : b;
    scr[j] = t;
    s += t*t;
  }
  if( s>=0x1p-900 && s<0x1p900 ){
    *band = 0;
    return s;
  }
  return knn_norm_scaled(scr, 0, d, band);
}

/* ln(a / b) for a, b > 0 without false +-Inf (rule 7). */
static double knn_log_ratio(double a, double b){
  double r = a / b;
  if( r>=DBL_MIN && r<=DBL_MAX ) return log(r);
  return log(a) - log(b);
}

/* ln(nu / rho) from the keys of nu^2 and rho^2 (both > 0): half the log of
** the quotient of the keys' values, written q 2^ex with q in [2^-1/2,
** 2^1/2) (rule 7): no distance is ever rounded to a double, no
** cancellation between ln q and ex ln 2. */
static double knn_log_ratio_key(int bn, double vn, int br, double vr){
  static const double ln2_hi = 6.93147180369123816490e-01;  /* 32 bits */
  static const double ln2_lo = 1.90821492927058770002e-10;
  int en, er, ex;
  double q = frexp(vn, &en) / frexp(vr, &er);
  ex = en - er + KNN_BAND*(bn - br);
  if( q<0.70710678118654752440 ){ q *= 2; ex--; }
  else if( q>=1.41421356237309504880 ){ q *= 0.5; ex++; }
  if( ex==0 ) return 0.5*log(q);
  return 0.5*(((double)ex*ln2_hi) + (log(q) + (double)ex*ln2_lo));
}

/* ---------------------------------------------------------------- digamma */

/* psi(x) - ln x for x >= 20: the asymptotic series (its next term is below
** 1e-19 there). */
static double knn_psi_tail(double x){
  double r = 1/x, r2 = r*r;
  return -0.5*r - r2*(1.0/12 - r2*(1.0/120 - r2*(1.0/252 - r2*(1.0/240
         - r2*(1.0/132 - r2*(691.0/32760))))));
}

double kl_knn_psi_diff(size_t l, size_t k){
  double s = 0;
  size_t j, lo;
  if( l==k ) return 0;
  if( l<k ) return -kl_knn_psi_diff(k, l);
  /* psi(l) - psi(k) = sum_{j=k}^{l-1} 1/j */
  if( l - k <= 64 ){
    for(j=l; j>k; j--) s += 1.0/(double)(j-1);
    return s;
  }
  lo = k<20 ? 20 : k;
  for(j=lo; j>k; j--) s += 1.0/(double)(j-1);   /* psi(lo) - psi(k) */
  /* psi(l) - psi(lo), l - lo > 44 */
  return s + (log1p((double)(l - lo)/(double)lo)
              + (knn_psi_tail((double)l) - knn_psi_tail((double)lo)));
}

/* ----------------------------------------------------------- one dimension */

static void knn_sift(double *a, size_t r, size_t n){
  double v = a[r];
  for(;;){
    size_t c = 2*r+1;
    if( c>=n ) break;
    if( c+1<n && a[c+1]>a[c] ) c++;
    if( !(a[c]>v) ) break;
    a[r] = a[c];
    r = c;
  }
  a[r] = v;
}

static void knn_heapsort(double *a, size_t n){
  size_t i;
  for(i=n/2; i>0; i--) knn_sift(a, i-1, n);
  for(i=n; i>1; i--){
    double t = a[0];
    a[0] = a[i-1];
    a[i-1] = t;
    knn_sift(a, 0, i-1);
  }
}

/* Sorts a[0..n): introsort (quicksort on the median of three, heapsort
** past 2 log2(n) levels, insertion sort below 16): O(n log n), in place. */
static void knn_sort(double *a, size_t n, int depth){
  while( n>16 ){
    size_t i, j;
    double p, t;
    if( depth--==0 ){
      knn_heapsort(a, n);
      return;
    }
    /* median of a[0], a[n/2], a[n-1] into a[n/2] */
    if( a[n/2]<a[0] ){ t = a[0]; a[0] = a[n/2]; a[n/2] = t; }
    if( a[n-1]<a[n/2] ){
      t = a[n-1]; a[n-1] = a[n/2]; a[n/2] = t;
      if( a[n/2]<a[0] ){ t = a[0]; a[0] = a[n/2]; a[n/2] = t; }
    }
    p = a[n/2];
    /* Hoare partition: [0, j] <= p <= [j+1, n) */
    i = 0;
    j = n-1;
    for(;;){
      while( a[i]<p ) i++;
      while( p<a[j] ) j--;
      if( i>=j ) break;
      t = a[i]; a[i] = a[j]; a[j] = t;
      i++;
      j--;
    }
    /* the smaller side by recursion, the larger by the loop */
    if( j+1 < n-(j+1) ){
      knn_sort(a, j+1, depth);
      a += j+1;
      n -= j+1;
    }else{
      knn_sort(a + j+1, n-(j+1), depth);
      n = j+1;
    }
  }
  {
    size_t i;
    for(i=1; i<n; i++){
      double v = a[i];
      size_t j = i;
      while( j>0 && a[j-1]>v ){
        a[j] = a[j-1];
        j--;
      }
      a[j] = v;
    }
  }
}

static void knn_sort_all(double *a, size_t n){
  int depth = 0;
  size_t t = n;
  while( t>1 ){
    t >>= 1;
    depth += 2;
  }
  knn_sort(a, n, depth);
}

/* The first index of sorted s[0..n) with s[i] >= q (strict: > q). */
static size_t knn_bound(const double *s, size_t n, double q, int strict){
  size_t lo = 0, hi = n;
  while( lo<hi ){
    size_t mid = lo + (hi-lo)/2;
    if( strict ? s[mid]<=q : s[mid]<q ) lo = mid+1; else hi = mid;
  }
  return lo;
}

/* The k-th smallest positive distance from q to the values of sorted
** s[0..n), where s[L..R0) is the run of values equal to q, or 0 if there
** are fewer than k values other than q (rule 4).  Left of the run:
** A[i] = q - s[L-1-i], right of it: B[j] = s[R0+j] - q. */
static double knn_1d_kth_at(const double *s, size_t n, size_t L, size_t R0,
                            double q, size_t k){
  size_t R = n - R0, lo, hi, a, b;
  double r = 0;
  if( L + R < k ) return 0;
  lo = k>R ? k-R : 0;
  hi = k<L ? k : L;
  /* the fewest a taken from the left with B[k-a-1] <= A[a]; inside the
  ** loop a < hi <= min(k, L), so b >= 1, a < L and b <= R */
  while( lo<hi ){
    a = lo + (hi-lo)/2;
    b = k - a;
    if( s[R0+b-1] - q > q - s[L-1-a] ) lo = a+1; else hi = a;
  }
  a = lo;
  b = k - a;
  if( a>0 ) r = q - s[L-a];
  if( b>0 && s[R0+b-1] - q > r ) r = s[R0+b-1] - q;
  return r;
}

/* The same, the run found by binary search. */
static double knn_1d_kth(const double *s, size_t n, double q, size_t k){
  return knn_1d_kth_at(s, n, knn_bound(s, n, q, 0), knn_bound(s, n, q, 1),
                       q, k);
}

/* How many of the values of sorted s (side < 0: s[L-1], s[L-2], ..., L of
** them; side > 0: s[R0], s[R0+1], ..., cnt of them) lie within eps of q:
** a galloping search from the run outwards, O(log of the answer). */
static size_t knn_1d_gallop(const double *s, size_t at, size_t cnt, int side,
                            double q, double eps){
  size_t c = 1, lo, hi;
#define KNN_IN(i) ((side<0 ? q - s[at-1-(i)] : s[at+(i)] - q)<=eps)
  while( c<=cnt && KNN_IN(c-1) ) c *= 2;
  lo = c/2;
  hi = c-1<cnt ? c-1 : cnt;
  while( lo<hi ){
    size_t mid = lo + (hi-lo+1)/2;
    if( KNN_IN(mid-1) ) lo = mid; else hi = mid-1;
  }
#undef KNN_IN
  return lo;
}

/* The number of values of sorted s[0..n) at a positive distance <= eps
** from q (its run s[L..R0)), and in *mx the largest such distance. */
static size_t knn_1d_range_at(const double *s, size_t n, size_t L, size_t R0,
                              double q, double eps, double *mx){
  size_t cl = knn_1d_gallop(s, L, L, -1, q, eps);
  size_t cr = knn_1d_gallop(s, R0, n - R0, 1, q, eps);
  double r = 0;
  if( cl>0 ) r = q - s[L-cl];
  if( cr>0 && s[R0+cr-1] - q > r ) r = s[R0+cr-1] - q;
  *mx = r;
  return cl + cr;
}

/* ------------------------------------------------------------ k-d trees */

typedef struct knn_tree {
  double *p;      /* the distinct points, in tree order */
  double *mult;   /* mult[i]: how many points of the sample equal p's row i */
  double *cum;    /* cum[i]: mult[0] + ... + mult[i-1] (cum[0] = 0) */
  size_t n, d;    /* distinct points, dimension */
  double *box;    /* node i (1-based, children 2i and 2i+1): its low corner
                  ** at box[2 d i], its high corner after it */
  int depth;      /* the depth of the leaves (the root's is 0) */
} knn_tree;

/* The depth of the leaves: the least D with ceil(n / 2^D) <= KL_KNN_LEAF,
** or 0 beyond KL_KNN_TREE_MAXDIM dimensions (rule 5). */
static int knn_depth(size_t n, size_t d){
  int D = 0;
  if( d>KL_KNN_TREE_MAXDIM ) return 0;
  while( (n>>D) + ((n & (((size_t)1<<D)-1))!=0) > KL_KNN_LEAF ) D++;
  return D;
}

/* Nodes (with the unused index 0) of a tree of at most n points. */
static size_t knn_nodes(size_t n, size_t d){
  return (size_t)2 << knn_depth(n, d);
}

static void knn_swap_rows(double *p, double *mult, size_t d, size_t i,
                          size_t j){
  size_t c;
  double *a = p + i*d, *b = p + j*d, t;
  for(c=0; c<d; c++){
    t = a[c];
    a[c] = b[c];
    b[c] = t;
  }
  if( mult ){
    t = mult[i];
    mult[i] = mult[j];
    mult[j] = t;
  }
}

/* Rows compared in lexicographic order: <0, 0, >0. */
static int knn_row_cmp(const double *a, const double *b, size_t d){
  size_t c;
  for(c=0; c<d; c++){
    if( a[c]<b[c] ) return -1;
    if( a[c]>b[c] ) return 1;
  }
  return 0;
}

static void knn_row_sift(double *p, size_t d, size_t r, size_t n){
  for(;;){
    size_t c = 2*r+1;
    if( c>=n ) break;
    if( c+1<n && knn_row_cmp(p + (c+1)*d, p + c*d, d)>0 ) c++;
    if( knn_row_cmp(p + c*d, p + r*d, d)<=0 ) break;
    knn_swap_rows(p, 0, d, r, c);
    r = c;
  }
}

/* Sorts the n rows of p (heapsort, O(n log n) comparisons), then keeps
** one row of each run of equal rows, its run's length in mult: returns
** the number of distinct rows. */
static size_t knn_dedup(double *p, double *mult, size_t n, size_t d){
  size_t i, nd = 0;
  for(i=n/2; i>0; i--) knn_row_sift(p, d, i-1, n);
  for(i=n; i>1; i--){
    knn_swap_rows(p, 0, d, 0, i-1);
    knn_row_sift(p, d, 0, i-1);
  }
  for(i=0; i<n; i++){
    if( nd>0 && knn_row_cmp(p + (nd-1)*d, p + i*d, d)==0 ){
      mult[nd-1] += 1;
    }else{
      if( nd!=i ) memcpy(p + nd*d, p + i*d, d*sizeof(double));
      mult[nd++] = 1;
    }
  }
  return nd;
}

/* Reorders the rows [lo, hi) of p (and mult) so that row mid holds the
** value it would hold sorted by coordinate c, smaller or equal ones before
** it, larger or equal after. */
static void knn_select(double *p, double *mult, size_t d, size_t lo,
                       size_t hi, size_t mid, size_t c, uint64_t *seed){
  while( hi - lo > 1 ){
    size_t lt = lo, i = lo, gt = hi, piv;
    double v;
    *seed = *seed*6364136223846793005ULL + 1442695040888963407ULL;
    piv = lo + (size_t)((*seed>>33) % (uint64_t)(hi - lo));
    v = p[piv*d + c];
    while( i<gt ){
      double t = p[i*d + c];
      if( t<v ) knn_swap_rows(p, mult, d, lt++, i++);
      else if( t>v ) knn_swap_rows(p, mult, d, i, --gt);
      else i++;
    }
    if( mid<lt ) hi = lt;
    else if( mid>=gt ) lo = gt;
    else return;
  }
}

static void knn_build(knn_tree *t, size_t node, size_t lo, size_t hi,
                      int depth, uint64_t *seed){
  size_t d = t->d, i, j, c = 0, mid;
  double *bl = t->box + 2*d*node, *bh = bl + d, best = -1;
  memcpy(bl, t->p + lo*d, d*sizeof(double));
  memcpy(bh, t->p + lo*d, d*sizeof(double));
  for(i=lo+1; i<hi; i++){
    const double *r = t->p + i*d;
    for(j=0; j<d; j++){
      if( r[j]<bl[j] ) bl[j] = r[j];
      if( r[j]>bh[j] ) bh[j] = r[j];
    }
  }
  if( depth==t->depth ) return;
  for(j=0; j<d; j++){
    if( bh[j] - bl[j] > best ){
      best = bh[j] - bl[j];
      c = j;
    }
  }
  mid = lo + (hi-lo)/2;
  knn_select(t->p, t->mult, d, lo, hi, mid, c, seed);
  knn_build(t, 2*node, lo, mid, depth+1, seed);
  knn_build(t, 2*node+1, mid, hi, depth+1, seed);
}

/* The nearest distinct points at a positive distance, with their
** multiplicities: a max-heap by squared distance (its key: band[], dist[])
** holding just enough entries for their multiplicities to reach k (at most
** k + 1 entries).  Once tot >= k the k-th smallest positive distance
** counted with multiplicity is entry 0's. */
typedef struct knn_heap {
  double *dist, *band, *mult;
  size_t n;       /* entries */
  size_t k;
  double tot;     /* the entries' multiplicities added */
} knn_heap;

#define KNN_HGT(hp, i, j) \
  knn_klt((int)(hp)->band[j], (hp)->dist[j], (int)(hp)->band[i], (hp)->dist[i])

static void knn_heap_move(knn_heap *hp, size_t to, size_t from){
  hp->dist[to] = hp->dist[from];
  hp->band[to] = hp->band[from];
  hp->mult[to] = hp->mult[from];
}

static void knn_heap_down(knn_heap *hp){
  size_t r = 0, n = hp->n;
  double v = hp->dist[0], vb = hp->band[0], w = hp->mult[0];
  for(;;){
    size_t c = 2*r+1;
    if( c>=n ) break;
    if( c+1<n && KNN_HGT(hp, c+1, c) ) c++;
    if( !knn_klt((int)vb, v, (int)hp->band[c], hp->dist[c]) ) break;
    knn_heap_move(hp, r, c);
    r = c;
  }
  hp->dist[r] = v;
  hp->band[r] = vb;
  hp->mult[r] = w;
}

static void knn_heap_push(knn_heap *hp, int vb, double v, double w){
  size_t r;
  if( hp->tot>=(double)hp->k
   && !knn_klt(vb, v, (int)hp->band[0], hp->dist[0]) ) return;
  r = hp->n++;
  while( r>0 && knn_klt((int)hp->band[(r-1)/2], hp->dist[(r-1)/2], vb, v) ){
    knn_heap_move(hp, r, (r-1)/2);
    r = (r-1)/2;
  }
  hp->dist[r] = v;
  hp->band[r] = vb;
  hp->mult[r] = w;
  hp->tot += w;
  /* drop the farthest while the others still reach k */
  while( hp->tot - hp->mult[0]>=(double)hp->k ){
    hp->tot -= hp->mult[0];
    hp->n--;
    knn_heap_move(hp, 0, hp->n);
    knn_heap_down(hp);   /* n >= 1: the others' multiplicities reach k */
  }
}

/* The k nearest points at a positive distance from q (rule 5). */
static void knn_search(const knn_tree *t, size_t node, size_t lo, size_t hi,
                       int depth, const double *q, double *scr, knn_heap *hp){
  size_t d = t->d, mid, i;
  if( depth==t->depth ){
    for(i=lo; i<hi; i++){
      int b;
      double r = knn_dist(q, t->p + i*d, d, &b);
      if( r>0 ) knn_heap_push(hp, b, r, t->mult[i]);
    }
    return;
  }
  mid = lo + (hi-lo)/2;
  {
    const double *bl = t->box + 2*d*(2*node), *br = t->box + 2*d*(2*node+1);
    int bml, bmr;
    double ml = knn_box_min(q, bl, bl + d, d, scr, &bml);
    double mr = knn_box_min(q, br, br + d, d, scr, &bmr);
    int right_first = knn_klt(bmr, mr, bml, ml);
    int pass;
    for(pass=0; pass<2; pass++){
      int right = pass==0 ? right_first : !right_first;
      int bm;
      double md;
      if( hp->tot>=(double)hp->k ){
        md = knn_kscale(right ? mr : ml, right ? bmr : bml, 1 - 2*KNN_DELTA,
                        &bm);
        if( !knn_klt(bm, md, (int)hp->band[0], hp->dist[0]) ) continue;
      }
      if( right ) knn_search(t, 2*node+1, mid, hi, depth+1, q, scr, hp);
      else knn_search(t, 2*node, lo, mid, depth+1, q, scr, hp);
    }
  }
}

/* The points at a positive distance <= eps from q: how many (with their
** multiplicities), and (when want_max) the largest such distance; eps and
** max as keys of squared distances. */
typedef struct knn_range {
  double eps, max;
  int beps, bmax;
  double count;
  int want_max;
} knn_range;

static void knn_range_visit(const knn_tree *t, size_t node, size_t lo,
                            size_t hi, int depth, const double *q, double *scr,
                            knn_range *r, int counted){
  size_t d = t->d, i, mid;
  const double *bl = t->box + 2*d*node, *bh = bl + d;
  int bmd, bmx, b;
  double md = knn_box_min(q, bl, bh, d, scr, &bmd), mx, v;
  v = knn_kscale(md, bmd, 1 - 2*KNN_DELTA, &b);
  if( knn_klt(r->beps, r->eps, b, v) ) return;
  /* (a counted node is visited only when want_max: mx is always needed) */
  mx = knn_box_max(q, bl, bh, d, scr, &bmx);
  v = knn_kscale(mx, bmx, 1 + 2*KNN_DELTA, &b);
  if( !counted && md>0 && knn_klt(b, v, r->beps, r->eps) ){
    /* the whole box is within eps, and x_i is outside it */
    r->count += t->cum[hi] - t->cum[lo];
    counted = 1;
  }
  if( counted && (!r->want_max || !knn_klt(r->bmax, r->max, b, v)) ) return;
  if( depth==t->depth ){
    for(i=lo; i<hi; i++){
      double dd = knn_dist(q, t->p + i*d, d, &b);
      if( dd>0 && !knn_klt(r->beps, r->eps, b, dd) ){
        if( !counted ) r->count += t->mult[i];
        if( knn_klt(r->bmax, r->max, b, dd) ){
          r->max = dd;
          r->bmax = b;
        }
      }
    }
    return;
  }
  mid = lo + (hi-lo)/2;
  knn_range_visit(t, 2*node, lo, mid, depth+1, q, scr, r, counted);
  knn_range_visit(t, 2*node+1, mid, hi, depth+1, q, scr, r, counted);
}

/* Builds the tree of the n points src in w: the distinct points (n d
** doubles), their multiplicities (n) and the running sums (n + 1), then
** the boxes; returns the doubles of w used. */
static size_t knn_tree_make(knn_tree *t, const double *src, size_t n,
                            size_t d, double *w){
  uint64_t seed = 0x9E3779B97F4A7C15ULL;
  size_t i;
  t->p = w;
  t->mult = w + n*d;
  t->cum = t->mult + n;
  t->box = t->cum + n + 1;
  t->d = d;
  memcpy(t->p, src, n*d*sizeof(double));
  t->n = knn_dedup(t->p, t->mult, n, d);
  t->depth = knn_depth(t->n, d);
  knn_build(t, 1, 0, t->n, 0, &seed);
  t->cum[0] = 0;
  for(i=0; i<t->n; i++) t->cum[i+1] = t->cum[i] + t->mult[i];
  return n*d + 2*n + 1 + knn_nodes(n, d)*2*d;
}

/* --------------------------------------------------------------- driver */

size_t kl_knn_work_size(size_t n, size_t m, size_t d, size_t k){
  /* in double first: no size_t overflow goes unnoticed */
  double w;
  if( d==1 ){
    w = (double)n + (double)m;
  }else{
    w = ((double)n + (double)m)*(double)(d + 2) + 2
        + ((double)knn_nodes(n, d) + (double)knn_nodes(m, d))*2.0*(double)d
        + 3.0*((double)k + 1) + (double)d;
  }
  if( w*sizeof(double) >= (double)SIZE_MAX/2 ) return 0;
  return (size_t)w;
}

/* Multiplies both samples by 2^-30 when a coordinate exceeds 2^1000
** (rule 6). */
static void knn_prescale(double *x, size_t nx, double *y, size_t ny){
  double mx = 0;
  size_t i;
  for(i=0; i<nx; i++) if( fabs(x[i])>mx ) mx = fabs(x[i]);
  for(i=0; i<ny; i++) if( fabs(y[i])>mx ) mx = fabs(y[i]);
  if( mx<=0x1p1000 ) return;
  for(i=0; i<nx; i++) x[i] *= 0x1p-30;
  for(i=0; i<ny; i++) y[i] *= 0x1p-30;
}

/* The term of point i: d ln(nu/rho) (fixed) or d ln(nu_k/rho_l)
** + psi(l) - psi(k) (adaptive), from the k-th distances and, for the
** adaptive one, the counts and largest distances within eps. */
static double knn_term(size_t d, int estimator, double rho, double nu,
                       size_t l, double rmax, size_t kk, double nmax){
  double rl, nk;
  if( estimator==KL_KNN_FIXED ) return (double)d*knn_log_ratio(nu, rho);
  rl = rho>=nu ? rho : rmax;
  nk = nu>=rho ? nu : nmax;
  return (double)d*knn_log_ratio(nk, rl) + kl_knn_psi_diff(l, kk);
}

/* The one-dimensional estimate (rule 4) over the sorted copies xs and
** ys: the points of x are visited in sorted order, run by run (a run of
** equal values has one term), with y's run found by a pointer that only
** moves forward, so every search stays near its point.  On a point
** without k neighbours, the first such point in x's order goes to *fail. */
static int knn_1d(const double *x, size_t n, const double *xs,
                  const double *ys, size_t m, size_t k, int estimator,
                  kl_sum *sum, kl_knn_fail *fail){
  size_t L = 0, R0, ly = 0, ry = 0, i;
  while( L<n ){
    double q = xs[L], rho, nu, rmax = 0, nmax = 0, eps, term;
    size_t l = 0, kk = 0;
    for(R0=L+1; R0<n && xs[R0]==q; R0++){}
    while( ly<m && ys[ly]<q ) ly++;
    if( ry<ly ) ry = ly;
    while( ry<m && ys[ry]<=q ) ry++;
    rho = knn_1d_kth_at(xs, n, L, R0, q, k);
    nu = knn_1d_kth_at(ys, m, ly, ry, q, k);
    if( rho==0 || nu==0 ) break;
    if( estimator==KL_KNN_ADAPTIVE ){
      eps = rho>nu ? rho : nu;
      l = knn_1d_range_at(xs, n, L, R0, q, eps, &rmax);
      kk = knn_1d_range_at(ys, m, ly, ry, q, eps, &nmax);
    }
    term = knn_term(1, estimator, rho, nu, l, rmax, kk, nmax);
    for(i=L; i<R0; i++) kl_sum_add(sum, term);
    L = R0;
  }
  if( L==n ) return KL_KNN_OK;
  for(i=0; i<n; i++){
    fail->index = i;
    fail->sample = 0;
    if( knn_1d_kth(xs, n, x[i], k)==0 ) return KL_KNN_FEW;
    fail->sample = 1;
    if( knn_1d_kth(ys, m, x[i], k)==0 ) return KL_KNN_FEW;
  }
  return KL_KNN_FEW;   /* not reached: some point lacks neighbours */
}

/* The term of point q of dimension d >= 2 (rules 1, 2, 5), from the keys
** of the squared distances: KL_KNN_OK and *term, or KL_KNN_FEW with
** fail->sample set. */
static int knn_point(const knn_tree *tx, const knn_tree *ty, const double *q,
                     size_t k, int estimator, knn_heap *hp, double *scr,
                     double *term, kl_knn_fail *fail){
  size_t d = tx->d;
  double rho, nu;
  int brho, bnu;
  knn_range rx, ry;
  memset(&rx, 0, sizeof rx);
  memset(&ry, 0, sizeof ry);
  rx.bmax = ry.bmax = -1;   /* the key of 0 */
  hp->n = 0;
  hp->tot = 0;
  knn_search(tx, 1, 0, tx->n, 0, q, scr, hp);
  if( hp->tot<(double)k ){
    fail->sample = 0;
    return KL_KNN_FEW;
  }
  rho = hp->dist[0];
  brho = (int)hp->band[0];
  hp->n = 0;
  hp->tot = 0;
  knn_search(ty, 1, 0, ty->n, 0, q, scr, hp);
  if( hp->tot<(double)k ){
    fail->sample = 1;
    return KL_KNN_FEW;
  }
  nu = hp->dist[0];
  bnu = (int)hp->band[0];
  if( estimator==KL_KNN_FIXED ){
    *term = (double)d*knn_log_ratio_key(bnu, nu, brho, rho);
    return KL_KNN_OK;
  }
  rx.want_max = knn_klt(brho, rho, bnu, nu);
  ry.want_max = knn_klt(bnu, nu, brho, rho);
  if( rx.want_max ){
    rx.eps = ry.eps = nu;
    rx.beps = ry.beps = bnu;
  }else{
    rx.eps = ry.eps = rho;
    rx.beps = ry.beps = brho;
  }
  knn_range_visit(tx, 1, 0, tx->n, 0, q, scr, &rx, 0);
  knn_range_visit(ty, 1, 0, ty->n, 0, q, scr, &ry, 0);
  /* the distance that goes with the count is the largest within eps */
  if( rx.want_max ){
    rho = rx.max;
    brho = rx.bmax;
  }
  if( ry.want_max ){
    nu = ry.max;
    bnu = ry.bmax;
  }
  *term = (double)d*knn_log_ratio_key(bnu, nu, brho, rho)
          + kl_knn_psi_diff((size_t)rx.count, (size_t)ry.count);
  return KL_KNN_OK;
}

int kl_knn(double *x, size_t n, double *y, size_t m, size_t d, size_t k,
           int estimator, double *work, double *out, kl_knn_fail *fail){
  kl_sum sum;
  size_t i, j;
  kl_sum_init(&sum);
  knn_prescale(x, n*d, y, m*d);
  if( d==1 ){
    double *xs = work, *ys = work + n;
    memcpy(xs, x, n*sizeof(double));
    memcpy(ys, y, m*sizeof(double));
    knn_sort_all(xs, n);
    knn_sort_all(ys, m);
    if( knn_1d(x, n, xs, ys, m, k, estimator, &sum, fail) ) return KL_KNN_FEW;
  }else{
    knn_tree tx, ty;
    knn_heap hp;
    double *w = work, *scr, term;
    w += knn_tree_make(&tx, x, n, d, w);
    w += knn_tree_make(&ty, y, m, d, w);
    hp.dist = w;
    hp.band = w + k + 1;
    hp.mult = w + 2*(k + 1);
    hp.k = k;
    scr = w + 3*(k + 1);
    /* each distinct point of x once, in tree order (near points after
    ** one another), its term counted with its multiplicity */
    for(j=0; j<tx.n; j++){
      if( knn_point(&tx, &ty, tx.p + j*d, k, estimator, &hp, scr, &term,
                    fail) ){
        /* name the first point of x, in x's order, that lacks them */
        for(i=0; i<n; i++){
          if( knn_point(&tx, &ty, x + i*d, k, estimator, &hp, scr, &term,
                        fail) ){
            fail->index = i;
            return KL_KNN_FEW;
          }
        }
      }
      for(i=0; i<(size_t)tx.mult[j]; i++) kl_sum_add(&sum, term);
    }
  }
  *out = kl_sum_value(&sum)/(double)n
         + log1p(((double)m - (double)(n-1))/(double)(n-1));
  return KL_KNN_OK;
}
