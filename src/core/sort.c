/*
** core/sort.c — sorting finite doubles, a companion array (weights)
** moving along.  Pure C, no SQLite, no allocation, no global state.
**
** Rules
** -----
**  1. The values are finite doubles or subnormals, -0 and +0 included;
**     NaN never occurs (the glue refuses it; every caller sorts checked
**     samples) and is not handled.
**  2. kl_sort_radix: an LSD radix sort on keys, a key being the double's
**     bits mapped to an unsigned 64-bit integer in the same order (sign
**     bit set: all bits flipped; clear: the sign bit set), so -0 comes
**     just below +0 and -DBL_MAX, the subnormals and +DBL_MAX take their
**     places.  8 passes of a byte at most, a pass skipped where every key
**     has the same byte (the exponent's, often); 16 KB of counts on the
**     stack.  The keys are kept in x's storage as bit patterns (memcpy,
**     never loaded as a double) and mapped back at the end.  Stable: values
**     with the same key keep their input order, w moving with them through
**     work[n..2n).  O(n) time; work: n doubles, 2n with w.
**  3. kl_sort: the radix sort (rule 2) when a work buffer is given and
**     n >= KL_SORT_RADIX_MIN; else in place: introsort (quicksort, the
**     pivot the median of three, Hoare's partition; heapsort past 2 log2 n
**     levels; insertion sort below 17 elements), comparing values with <
**     (so -0 and +0 are equal there and may come in either order), not
**     stable.  O(n log n) in the worst case.
**  4. Both orders of x are ascending under <; with no w the sorted x is
**     the same whatever the road except for the order of -0 among +0 (only
**     the radix sort fixes it).  With w, the order of equal values differs
**     between the roads: a caller whose result depends on it keeps the
**     threshold (transport does: its results are the same as before).
*/
#include "sort.h"

#include <stdint.h>
#include <string.h>

/* ---------------------------------------------------- in place (rule 3) */

static void sort_swap(double *x, double *w, size_t i, size_t j){
  double t = x[i]; x[i] = x[j]; x[j] = t;
  if( w ){ t = w[i]; w[i] = w[j]; w[j] = t; }
}

static void sort_insertion(double *x, double *w, size_t n){
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

static void sort_sift(double *x, double *w, size_t root, size_t n){
  for(;;){
    size_t c = 2*root + 1;
    if( c>=n ) return;
    if( c+1<n && x[c+1]>x[c] ) c++;
    if( !(x[c]>x[root]) ) return;
    sort_swap(x, w, root, c);
    root = c;
  }
}

static void sort_heapsort(double *x, double *w, size_t n){
  size_t i;
  for(i=n/2; i>0; i--) sort_sift(x, w, i-1, n);
  for(i=n; i>1; i--){
    sort_swap(x, w, 0, i-1);
    sort_sift(x, w, 0, i-1);
  }
}

static void sort_intro(double *x, double *w, size_t n, int depth){
  while( n>16 ){
    size_t mid = (n - 1)/2, i, j;
    double p;
    if( depth--==0 ){
      sort_heapsort(x, w, n);
      return;
    }
    /* the median of three at mid (x[0] <= x[mid] <= x[n-1]) */
    if( x[mid]<x[0] ) sort_swap(x, w, mid, 0);
    if( x[n-1]<x[mid] ){
      sort_swap(x, w, n-1, mid);
      if( x[mid]<x[0] ) sort_swap(x, w, mid, 0);
    }
    p = x[mid];
    /* Hoare's partition: x[0..j] <= p <= x[j+1..n), both parts non-empty */
    i = 0;
    j = n - 1;
    for(;;){
      while( x[i]<p ) i++;
      while( p<x[j] ) j--;
      if( i>=j ) break;
      sort_swap(x, w, i, j);
      i++;
      j--;
    }
    /* here x[0..j] <= p and x[j+1..n) >= p; 0 <= j < n-1 */
    if( j + 1 < n - (j + 1) ){
      sort_intro(x, w, j + 1, depth);
      x += j + 1;
      if( w ) w += j + 1;
      n -= j + 1;
    }else{
      sort_intro(x + j + 1, w ? w + j + 1 : 0, n - (j + 1), depth);
      n = j + 1;
    }
  }
  sort_insertion(x, w, n);
}

/* ------------------------------------------------------- radix (rule 2) */

static uint64_t sort_key(const double *x){
  uint64_t b;
  memcpy(&b, x, sizeof b);
  return (b >> 63) ? ~b : b | ((uint64_t)1 << 63);
}
static void sort_unkey(uint64_t k, double *x){
  uint64_t b = (k >> 63) ? k ^ ((uint64_t)1 << 63) : ~k;
  memcpy(x, &b, sizeof b);
}

void kl_sort_radix(double *x, double *w, size_t n, double *work){
  size_t cnt[8][256], i;
  double *src = x, *dst = work, *wsrc = w, *wdst = w ? work + n : 0;
  int d;
  memset(cnt, 0, sizeof cnt);
  for(i=0; i<n; i++){
    uint64_t k = sort_key(&x[i]);
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
    sort_unkey(k, &x[i]);
  }
  if( w && wsrc!=w ) memcpy(w, wsrc, n*sizeof *w);
}

void kl_sort(double *x, double *w, size_t n, double *work){
  int depth = 0;
  size_t k;
  if( work && n>=KL_SORT_RADIX_MIN ){
    kl_sort_radix(x, w, n, work);
    return;
  }
  for(k=n; k>1; k>>=1) depth += 2;
  sort_intro(x, w, n, depth);
}
