/*
** core/stream.h — histogram divergences from state that does not grow
** with the rows: what kl_div_agg, cross_entropy_agg and entropy_agg keep.
** Pure C, no SQLite.
**
** With P = sum p and Q = sum q over every bin of every row,
**
**   KL(p^ || q^) = A/P - ln(P/Q),     A = sum p ln(p/q)   (p, q > 0)
**   H(p^, q^)    = ln Q - B/P,        B = sum p ln q      (p > 0)
**   H(p^)        = ln P - C/P,        C = sum p ln p      (p > 0)
**
** so a group needs only P, Q and one of A, B, C, each an exact sum: the
** bins need not be kept, a row's contribution can be taken out again
** (window aggregates), and the result depends only on the multiset of
** rows, so a window gives the bits of recomputing its frame.  Each bin's
** logarithm is a double-double (kl_log_ratio_dd: relative error below
** 2^-100) and p times it is added exactly (kl_wsum) after truncation below
** 2^-1226.  At the end A/P and ln(P/Q) are formed in double-double, so
**
**   |computed - KL| <= u KL + 2^-99 M,   M = (1/P) sum p |ln(p/q)| + |ln(P/Q)|
**
** (u = 2^-53; the same for H with M = |ln Q| + (1/P) sum p |ln q|, and
** |ln P| + (1/P) sum p |ln p|): the relative error is within 1e-14
** unless the result is below about 1.6e-16 M, i.e. where the divergence
** is tiny against the magnitudes of the terms that cancel in it (a
** distribution against a near copy of itself scaled by a factor other
** than a power of two, with relative differences below about 1e-8).
** Results are clamped at 0 (they are >= 0 in exact arithmetic), and are
** exactly 0 where all the mass is in one bin (counted: one bin with p > 0,
** and for KL and cross-entropy one with q > 0, the same one).
*/
#ifndef KL_STREAM_H
#define KL_STREAM_H

#include "numeric.h"

#include <stdint.h>

/*
** A wide exact accumulator: a fixed-point integer in units of 2^-1226
** (KL_WSUM_UNIT) of KL_WSUM_LIMBS signed 32-bit digits, which holds any
** sum of values below 2^1100 exactly, each value first truncated (toward
** zero) to a multiple of the unit.  Adding and then subtracting the same
** value restores the state to the bit.  An all-zero struct is empty.
*/
#define KL_WSUM_LIMBS 74
#define KL_WSUM_UNIT (-1226)
typedef struct kl_wsum {
  int64_t limb[KL_WSUM_LIMBS];
  int64_t pending;          /* additions since the last carry pass */
} kl_wsum;

/* Adds sign * x * 2^k (x finite, |x| 2^k below 2^1100). */
void kl_wsum_put(kl_wsum *a, double x, int k, int sign);

/*
** The sum as m 2^e, m a double-double with |m.hi| in [1/2, 1] and about
** 106 correct bits; m = 0 and e = 0 for a zero sum.
*/
kl_dd kl_wsum_frexp(const kl_wsum *a, int *e);

/* ln(p/q) for finite p, q > 0 as a double-double (relative error below
** 2^-100; exactly 0 for p == q). */
kl_dd kl_log_ratio_dd(double p, double q);

/* What a streaming histogram aggregate computes. */
typedef enum { KL_STREAM_KL, KL_STREAM_XENT, KL_STREAM_ENTROPY } kl_stream_kind;

/*
** The state: exact P, Q and S (A, B or C above), and the number of bins
** with p > 0 where the term is +Inf (q = 0, for KL and cross-entropy).
*/
typedef struct kl_stream {
  kl_xsum P, Q;
  kl_wsum S;
  int64_t ninf;
  int64_t npos, nposq;      /* bins with p > 0, with q > 0 */
} kl_stream;

/*
** Adds (sign = 1) or takes out (sign = -1) n bins p[i], q[i], all finite
** and >= 0 (q ignored for KL_STREAM_ENTROPY).
*/
void kl_stream_put(kl_stream *s, kl_stream_kind kind, const double *p,
                   const double *q, size_t n, int sign);

/*
** The divergence in nats, >= 0 (+Inf where a bin with p > 0 has q = 0).
** Returns 0, or 1 if P or (for KL) Q sums to 0: no distribution, *which
** then 0 for p, 1 for q.
*/
int kl_stream_value(const kl_stream *s, kl_stream_kind kind, double *out,
                    int *which);

#endif /* KL_STREAM_H */
