/*
** core/psi.c — the population stability index of two histograms, and the
** binning of raw samples behind psi_samples, js_samples, kl_samples and
** their aggregates (see core/psi.h).  No SQLite in here, no allocation.
**
** Rules:
**  (1) PSI.  For histograms p, q (weights >= 0, each summing to more than
**      0) with proportions a_i = p_i / P and b_i = q_i / Q (P = sum p,
**      Q = sum q, exact sums):
**        PSI = sum_i (a_i - b_i) ln(a_i / b_i).
**      It is symmetric in p and q, never negative, and 0 for p = q (or
**      for p and q proportional).
**  (2) The empty-bin rule of PSI, made explicit by eps >= 0 (default
**      1e-4): a proportion that is exactly 0 (p_i = 0) is replaced by eps,
**      and the proportions are NOT renormalised afterwards — the common
**      drift-monitoring convention (Evidently's PSI, the widely copied
**      psi.py of the credit-risk literature: a zero percentage becomes
**      0.0001), kept so that results agree with those tools.  1e-4 is
**      their value: small beside the proportions of a 10-bin histogram
**      (0.1 each), so that an empty bin adds a large but finite term
**      ((b - 1e-4) ln(b / 1e-4), 0.69 for b = 0.1).  In numpy:
**        a = p / p.sum();  b = q / q.sum()
**        a[a == 0] = eps;  b[b == 0] = eps
**        psi = np.sum((a - b) * np.log(a / b))
**      eps = 0 replaces nothing: a bin empty in one histogram only gives
**      +Inf (the true value), a bin empty in both contributes 0.  A
**      proportion that is not 0 is never replaced, however small.
**  (3) Jensen–Shannon and KL of two binned samples (kl_psi_drift) take the
**      same proportions, zeros replaced by eps as in (2), and then
**      normalise them to sum 1 — as scipy.stats.entropy and
**      scipy.spatial.distance.jensenshannon do with what they are given
**      (and so as the drift monitors that call them):
**        kl = scipy.stats.entropy(a, b)         # KL(P || Q), P current
**        js = scipy.spatial.distance.jensenshannon(a, b) ** 2
**      With eps = 0 nothing is replaced: KL is +Inf where the reference
**      has an empty bin the current sample has not, JS is finite.
**  (4) Accuracy.  Each PSI term is formed as the sum of two KL terms,
**        (a - b) ln(a/b) = [a ln(a/b) - a + b] + [b ln(b/a) - b + a],
**      both >= 0, each by core/discrete.c's kl_div_term, which forms a/b - 1
**      in double-double arithmetic from the exact totals, and then
**      b phi(a/b - 1) with phi(x) = (1+x) log1p(x) - x: nearly equal
**      histograms keep their full relative accuracy (no cancellation), and
**      totals anywhere from 2^-1074 to beyond DBL_MAX are usable.  A
**      replaced proportion is the weight eps against a total of exactly 1.
**      JS and KL of binned samples use kl_js_term and kl_div_term on the
**      counts (exact integers) over the exact total n (1 + z eps) (z empty
**      bins), and a replaced bin's eps over the exact total 1 + z eps: the
**      renormalised proportions are exact ratios, so equal proportions
**      give a divergence of exactly 0.  The terms are added with
**      compensated summation.
**  (5) Quantile bins.  With bins = B >= 1 bins taken from the reference
**      sample ref (n values, sorted), the cut points are the quantiles of
**      ref at the levels i / B, i = 1 .. B-1 (each level the double nearest
**      i / B), by numpy's default method ('linear', Hyndman and Fan's 7th):
**        h = (n - 1) * level;  j = floor(h);  g = h - j
**        quantile = x[j] + (x[j+1] - x[j]) * g        if g < 0.5
**                   x[j+1] - (x[j+1] - x[j]) * (1 - g) otherwise
**      (x[n-1] where h >= n - 1), in that order of operations, so every
**      cut point is numpy's bit for bit — except where x[j+1] - x[j]
**      overflows (values of opposite signs near 1e308), where numpy gives
**      +-Inf or NaN and we take the same formula on x/2 and double it
**      (exact scalings: the cut point numpy would give with a wider
**      range).  Equal cut points are collapsed (ties: many equal values),
**      leaving k - 1 distinct cut points c_1 < ... < c_(k-1) and k bins;
**      the outer edges are open, so every value of both samples falls in a
**      bin: bin 0 is (-Inf, c_1), bin i is [c_i, c_(i+1)), bin k-1 is
**      [c_(k-1), +Inf).  B = 1 gives one bin (every divergence 0).  In
**      numpy:
**        cut = np.unique(np.quantile(ref, np.arange(1, B) / B))
**        count = np.bincount(np.searchsorted(cut, x, side='right'),
**                            minlength=len(cut) + 1)
**  (6) Fixed edges e_0 < e_1 < ... < e_k (k >= 1) give k bins, the outer
**      edges opened as in (5): the cut points are e_1 .. e_(k-1), so values
**      below e_0 count in the first bin and values above e_k in the last
**      (a drift monitor must not drop the values that moved out of the
**      range).  In numpy: cut = edges[1:-1], then as in (5); equally
**      np.histogram(np.clip(x, edges[0], edges[-1]), edges)[0].
**  (7) Cost: the quantiles by multiple selection in place (only the ranks
**      they read are put in their sorted places: O(m log B) on average,
**      O(m log m) at worst), the counts O((n + m) log k), the terms O(k);
**      no allocation (the caller's buffers: O(B) beside the samples).
*/
#include "psi.h"
#include "port.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------------ PSI */

static const kl_dd psi_one_s = { 0.5, 0.0 };   /* 1 = 0.5 2^1 */

void kl_psi_init(kl_psi *s, double eps){
  memset(s, 0, sizeof *s);
  s->eps = eps;
}

void kl_psi_add(kl_psi *s, const double *p, const double *q, size_t n){
  size_t i;
  for(i=0; i<n; i++){
    kl_xsum_add(&s->P, p[i]);
    kl_xsum_add(&s->Q, q[i]);
  }
}

int kl_psi_ready(kl_psi *s){
  kl_dd Ps, Qs;
  int ep, eq;
  Ps = kl_total_frexp(&s->P, &ep);
  Qs = kl_total_frexp(&s->Q, &eq);
  if( !(Ps.hi > 0.0) ) return 1;
  if( !(Qs.hi > 0.0) ) return 2;
  kl_totals_init_exp(&s->pq, Ps, ep, Qs, eq);
  kl_totals_exact(&s->pq, &s->P, &s->Q, &s->parts[0]);
  kl_totals_init_exp(&s->qp, Qs, eq, Ps, ep);
  kl_totals_exact(&s->qp, &s->Q, &s->P, &s->parts[1]);
  kl_totals_init_exp(&s->p1, Ps, ep, psi_one_s, 1);
  kl_totals_exact(&s->p1, &s->P, 0, &s->parts[2]);
  kl_totals_init_exp(&s->one_p, psi_one_s, 1, Ps, ep);
  kl_totals_exact(&s->one_p, 0, &s->P, &s->parts[3]);
  kl_totals_init_exp(&s->q1, Qs, eq, psi_one_s, 1);
  kl_totals_exact(&s->q1, &s->Q, 0, &s->parts[4]);
  kl_totals_init_exp(&s->one_q, psi_one_s, 1, Qs, eq);
  kl_totals_exact(&s->one_q, 0, &s->Q, &s->parts[5]);
  return 0;
}

double kl_psi_term(const kl_psi *s, double p, double q){
  if( p > 0.0 && q > 0.0 ){
    return kl_div_term(p, q, &s->pq) + kl_div_term(q, p, &s->qp);
  }
  if( p==0.0 && q==0.0 ) return 0.0;
  if( s->eps==0.0 ) return INFINITY;
  if( p==0.0 ){
    /* a = eps (against a total of 1), b = q/Q */
    return kl_div_term(s->eps, q, &s->one_q) + kl_div_term(q, s->eps, &s->q1);
  }
  return kl_div_term(p, s->eps, &s->p1) + kl_div_term(s->eps, p, &s->one_p);
}

/* ------------------------------------------------------------- sorting */

#define PSI_SMALL 16

static void psi_insertion(double *x, size_t n){
  size_t i, j;
  for(i=1; i<n; i++){
    double v = x[i];
    for(j=i; j>0 && x[j-1] > v; j--) x[j] = x[j-1];
    x[j] = v;
  }
}

static void psi_sift(double *x, size_t i, size_t n){
  double v = x[i];
  for(;;){
    size_t c = 2*i + 1;
    if( c >= n ) break;
    if( c + 1 < n && x[c+1] > x[c] ) c++;
    if( !(x[c] > v) ) break;
    x[i] = x[c];
    i = c;
  }
  x[i] = v;
}

/* x[0..n), n > PSI_SMALL: its only caller, psi_select(), heapsorts a part
** only when it holds more than PSI_SMALL elements (smaller ones are
** insertion-sorted), so n >= 2 needs no test here. */
static void psi_heapsort(double *x, size_t n){
  size_t i;
  for(i=n/2; i-- > 0; ) psi_sift(x, i, n);
  for(i=n-1; i>0; i--){
    double t = x[0];
    x[0] = x[i];
    x[i] = t;
    psi_sift(x, 0, i);
  }
}

static void psi_swap(double *x, size_t i, size_t j){
  double t = x[i];
  x[i] = x[j];
  x[j] = t;
}

/*
** Hoare's partition of x[lo..hi] (hi - lo >= 2) around the median of three:
** returns j with x[lo..j] <= pivot <= x[j+1..hi], lo <= j < hi.  Equal
** values stop both scans, so many ties split evenly.
*/
static size_t psi_partition(double *x, size_t lo, size_t hi){
  size_t mid = lo + (hi - lo)/2, i = lo, j = hi;
  double pivot;
  if( x[mid] < x[lo] ) psi_swap(x, mid, lo);
  if( x[hi] < x[lo] ) psi_swap(x, hi, lo);
  if( x[hi] < x[mid] ) psi_swap(x, hi, mid);
  pivot = x[mid];
  for(;;){
    do i++; while( x[i] < pivot );
    do j--; while( x[j] > pivot );
    if( i >= j ) return j;
    psi_swap(x, i, j);
  }
}

/* ------------------------------------------------------------- binning */

/* numpy's _lerp: a + (b-a) t below t = 1/2, b - (b-a)(1-t) above. */
static double psi_lerp(double a, double b, double t){
  double d = b - a;
  if( isinf(d) ){
    /* opposite signs near DBL_MAX: the same on halves (exact), doubled */
    double ha = 0.5*a, hb = 0.5*b, hd = hb - ha;
    return 2.0*(t < 0.5 ? ha + hd*t : hb - hd*(1.0 - t));
  }
  return t < 0.5 ? a + d*t : b - d*(1.0 - t);
}

/*
** numpy's "x[n-1] where h >= n - 1" needs no test: for q in [0, 1), that
** is q <= 1 - 2^-53, and N = (double)(n - 1) >= 1 in [2^e, 2^(e+1)), the
** exact product N q <= N - N 2^-53 is either at most N - 2^(e-53) (N =
** 2^e: a double, the one below N) or more than half an ulp (2^(e-53))
** below N (N > 2^e), so h, N q rounded to nearest, is below N: j <= n - 2
** and x[j+1] is in range.
*/
double kl_psi_quantile(const double *x, size_t n, double q){
  double h = (double)(n - 1)*q, j;
  size_t i;
  if( n < 2 ) return x[n - 1];
  j = floor(h);
  i = (size_t)j;
  return psi_lerp(x[i], x[i + 1], h - j);
}

/* The rank of the h-th wanted element: idx[h], or h itself (a full sort). */
#define PSI_RANK(idx, h) ((idx) ? (idx)[h] : (h))

/*
** Puts the elements of ranks idx[0..k) (sorted, distinct, < n, k >= 1) of
** x[0..n) in their places, as a full sort would, without sorting the rest
** (Hoare's multiple selection: introsort's partitions, only those that
** hold a wanted rank followed, the others left alone: O(n log k) on
** average; the depth limit's heapsort bounds the worst case by O(n log n)).
** idx = 0 wants every rank (k = n): a full sort, kl_psi_sort().
** The wanted ranks idx[a..b) of the part x[lo..hi] being worked on are
** never none (a < b): k >= 1 at the start (kl_psi_cuts() asks with bins
** >= 2, so at least one rank; kl_psi_sort() with n >= 2), a partition
** with the ranks on one side keeps them all, one with ranks on both sides
** splits them into two nonempty runs (a < mid < b).
*/
static void psi_select(double *x, size_t n, const size_t *idx, size_t k){
  struct { size_t lo, hi, a, b; int depth; } st[64];
  int top = 0, depth = 0;
  size_t lo = 0, hi = n - 1, a = 0, b = k, m;
  if( n < 2 ) return;
  for(m=n; m>1; m>>=1) depth += 2;
  for(;;){
    for(;;){
      size_t j, mid, l, r;
      if( hi - lo + 1 <= PSI_SMALL ){
        psi_insertion(x + lo, hi - lo + 1);
        break;
      }
      if( depth==0 ){
        psi_heapsort(x + lo, hi - lo + 1);
        break;
      }
      depth--;
      j = psi_partition(x, lo, hi);
      /* idx[a..mid) are <= j (left part), idx[mid..b) are > j */
      l = a;
      r = b;
      while( l < r ){
        size_t h = l + (r - l)/2;
        if( PSI_RANK(idx, h) <= j ) l = h + 1; else r = h;
      }
      mid = l;
      if( mid==a ){           /* only the right part holds a wanted rank */
        lo = j + 1;
        continue;
      }
      if( mid==b ){           /* only the left part */
        hi = j;
        continue;
      }
      /* both: the smaller part next, the larger one on the stack */
      if( j - lo > hi - (j + 1) ){
        st[top].lo = lo; st[top].hi = j; st[top].a = a; st[top].b = mid;
        lo = j + 1;
        a = mid;
      }else{
        st[top].lo = j + 1; st[top].hi = hi; st[top].a = mid; st[top].b = b;
        hi = j;
        b = mid;
      }
      st[top++].depth = depth;
    }
    if( top==0 ) return;
    top--;
    lo = st[top].lo;
    hi = st[top].hi;
    a = st[top].a;
    b = st[top].b;
    depth = st[top].depth;
  }
}

void kl_psi_sort(double *x, size_t n){
  psi_select(x, n, 0, n);
}

/* The level of cut point i (1 <= i < bins): the double nearest i/bins. */
static double psi_level(size_t i, size_t bins){
  return (double)i / (double)bins;
}

size_t kl_psi_cuts(double *ref, size_t m, size_t bins, double *cut,
                   size_t *work){
  size_t i, k, nidx = 0;
  if( bins < 2 ) return 0;
  /* the ranks the quantiles read (kl_psi_quantile), nondecreasing in i */
  for(i=1; i<bins; i++){
    double h = (double)(m - 1)*psi_level(i, bins);
    size_t r[2];
    int nr = 0, t;
    if( m < 2 ){   /* else h < m - 1: the level is below 1 (bins < 2^53), see
                   ** kl_psi_quantile() */
      r[nr++] = m - 1;
    }else{
      r[nr++] = (size_t)floor(h);
      r[nr++] = (size_t)floor(h) + 1;
    }
    for(t=0; t<nr; t++){
      if( nidx==0 || work[nidx - 1] < r[t] ) work[nidx++] = r[t];
    }
  }
  psi_select(ref, m, work, nidx);
  for(i=1; i<bins; i++){
    cut[i - 1] = kl_psi_quantile(ref, m, psi_level(i, bins));
  }
  /* the lerp's two formulas may leave a cut point a rounding out of order:
  ** sort, as np.unique does, then collapse equal ones */
  kl_psi_sort(cut, bins - 1);
  for(i=1, k=1; i<bins - 1; i++){
    if( cut[i]!=cut[k - 1] ) cut[k++] = cut[i];
  }
  return k;
}

void kl_psi_count(const double *cut, size_t ncut, const double *x, size_t n,
                  double *count){
  size_t i;
  for(i=0; i<n; i++){
    /* the number of cut points <= x[i], by a binary search whose step is
    ** a conditional move: b[0..len) holds every cut point <= x[i] not
    ** yet counted (and maybe some above it, which are not counted) */
    const double *b = cut;
    size_t len = ncut;
    double v = x[i];
    while( len > 1 ){
      size_t h = len/2;
      b += b[h - 1] <= v ? h : 0;
      len -= h;
    }
    count[(size_t)(b - cut) + (len==1 && b[0] <= v)] += 1.0;
  }
}

/* ---------------------------------------------------------- divergences */

/*
** The exact total n (1 + z eps) into S (z the empty bins, eps the
** epsilon): n + z (eps n), each product split exactly by fma, added in the
** exact accumulator.  Rule (3)'s renormalised proportions are then
**   a_i = c_i / (n (1 + z eps))   for a bin with c_i > 0,
**   a_i = eps / (1 + z eps)       for an empty one,
** two exact totals (n (1 + z eps) and, with n = 1, 1 + z eps), so that a
** bin's proportion is never the rounded eps n over a total: two
** histograms whose proportions are equal give equal proportions here too
** (and a divergence of exactly 0), which a rounded eps n would not.
*/
static void psi_scaled_total(kl_xsum *S, double n, double z, double eps){
  double h = eps*n, l = KL_FMA(eps, n, -h);
  double h2 = z*h, l2 = KL_FMA(z, h, -h2);
  double h3 = z*l, l3 = KL_FMA(z, l, -h3);
  memset(S, 0, sizeof *S);
  kl_xsum_add(S, n);
  kl_xsum_add(S, h2);
  kl_xsum_add(S, l2);
  kl_xsum_add(S, h3);
  kl_xsum_add(S, l3);
}

/* The totals (A, B) from two exact sums, as the terms read them. */
static void psi_totals(kl_totals *t, const kl_xsum *A, const kl_xsum *B,
                       kl_tparts *parts){
  kl_dd As, Bs;
  int ea, eb;
  As = kl_total_frexp(A, &ea);
  Bs = kl_total_frexp(B, &eb);
  kl_totals_init_exp(t, As, ea, Bs, eb);
  kl_totals_exact(t, A, B, parts);
}

double kl_psi_drift(kl_drift_kind kind, const double *cp, const double *cq,
                    size_t k, double eps){
  kl_sum acc;
  size_t i;
  kl_sum_init(&acc);
  if( kind==KL_DRIFT_PSI ){
    kl_psi s;
    kl_psi_init(&s, eps);
    kl_psi_add(&s, cp, cq, k);
    if( kl_psi_ready(&s) ) return NAN;   /* the caller gives n > 0 */
    for(i=0; i<k; i++) kl_sum_add(&acc, kl_psi_term(&s, cp[i], cq[i]));
  }else{
    /* t[a][b]: the current sample's total a (0: n_p (1 + z_p eps), over
    ** a counted bin; 1: 1 + z_p eps, over an empty one's eps) against the
    ** reference's b, likewise */
    kl_xsum sp[2], sq[2];
    kl_totals t[2][2];
    kl_tparts parts[2][2];
    double np = 0.0, nq = 0.0, zp = 0.0, zq = 0.0;
    kl_term_fn term = kind==KL_DRIFT_KL ? kl_div_term : kl_js_term;
    int a, b;
    for(i=0; i<k; i++){
      np += cp[i];   /* whole numbers below 2^53: exact */
      nq += cq[i];
      zp += cp[i]==0.0;
      zq += cq[i]==0.0;
    }
    if( !(np > 0.0) || !(nq > 0.0) ) return NAN;
    if( eps==0.0 ) zp = zq = 0.0;   /* nothing replaced */
    psi_scaled_total(&sp[0], np, zp, eps);
    psi_scaled_total(&sp[1], 1.0, zp, eps);
    psi_scaled_total(&sq[0], nq, zq, eps);
    psi_scaled_total(&sq[1], 1.0, zq, eps);
    for(a=0; a<2; a++){
      for(b=0; b<2; b++) psi_totals(&t[a][b], &sp[a], &sq[b], &parts[a][b]);
    }
    for(i=0; i<k; i++){
      /* an empty bin is the weight eps over its total (or 0 if eps = 0) */
      a = cp[i]==0.0 && eps > 0.0;
      b = cq[i]==0.0 && eps > 0.0;
      kl_sum_add(&acc, term(a ? eps : cp[i], b ? eps : cq[i], &t[a][b]));
    }
  }
  return kl_sum_value(&acc);
}
