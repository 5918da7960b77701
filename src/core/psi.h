/*
** core/psi.h — the population stability index (PSI) of two histograms,
** and the binning of raw samples behind the drift functions (psi_samples,
** js_samples, kl_samples and their aggregates).  Pure C, no SQLite, no
** allocation: the caller owns every buffer.  The rules are stated at the
** top of core/psi.c.
*/
#ifndef KL_PSI_H
#define KL_PSI_H

#include <stddef.h>

#include "numeric.h"
#include "discrete.h"

/* The default epsilon of the empty-bin rule (core/psi.c, rule 2). */
#define KL_PSI_EPS_DEFAULT 1e-4
/* The default number of quantile bins of the sample functions. */
#define KL_PSI_BINS_DEFAULT 10

/*
** The PSI of two histograms p, q (weights >= 0, finite), read twice: the
** totals first (kl_psi_add over every bin, then kl_psi_ready), then the
** terms (kl_psi_term of each bin, added by the caller with kl_sum).  The
** struct holds the exact totals that its kl_totals point into: it must not
** be copied or moved after kl_psi_ready().
*/
typedef struct kl_psi {
  double eps;            /* the empty-bin rule's epsilon, >= 0 */
  kl_xsum P, Q;          /* the exact totals */
  kl_totals pq, qp;      /* (P, Q) and (Q, P) */
  kl_totals p1, one_p;   /* (P, 1) and (1, P): a bin of p against epsilon */
  kl_totals q1, one_q;   /* (Q, 1) and (1, Q) */
  kl_tparts parts[6];
} kl_psi;

void kl_psi_init(kl_psi *s, double eps);
/* Adds n bins to the totals (they must be >= 0 and finite: the caller
** has checked). */
void kl_psi_add(kl_psi *s, const double *p, const double *q, size_t n);
/* 0 when both totals are > 0; 1 when p sums to 0, 2 when q does. */
int kl_psi_ready(kl_psi *s);
/* One bin's term, >= 0 (+Inf only with eps = 0, a bin empty on one side). */
double kl_psi_term(const kl_psi *s, double p, double q);

/*
** Sorts x[0..n) ascending in place (finite values): introsort, O(n log n)
** in the worst case, no allocation.
*/
void kl_psi_sort(double *x, size_t n);

/*
** The cut points of bins quantile bins of the reference (core/psi.c, rule
** 5): ref[0..m) (m >= 1; reordered in place: the ranks the quantiles read
** are put in their sorted places, the rest only partitioned around them,
** O(m log bins) on average), bins >= 1; cut has room for bins - 1 values,
** work for 2 (bins - 1).  Returns the number of distinct cut points,
** sorted, at the start of cut.
*/
size_t kl_psi_cuts(double *ref, size_t m, size_t bins, double *cut,
                   size_t *work);

/*
** The quantile of x[0..n) at level q in [0, 1), as numpy's np.quantile(x,
** q) (method 'linear'), without its overflow: x sorted, or at least with
** the two ranks it reads in their sorted places (kl_psi_cuts()).
*/
double kl_psi_quantile(const double *x, size_t n, double q);

/*
** Adds the values x[0..n) to the counts of the ncut + 1 bins of the cut
** points cut[0..ncut) (sorted, distinct): x goes to bin
** #{ i : cut[i] <= x } (np.searchsorted(cut, x, side='right')).
*/
void kl_psi_count(const double *cut, size_t ncut, const double *x, size_t n,
                  double *count);

/*
** A divergence of two binned samples, in nats: counts cp[0..k) of the
** current sample (P) and cq[0..k) of the reference (Q), whole numbers
** below 2^53, each summing to more than 0, with the empty-bin rule's eps
** in [0, 1] (core/psi.c, rules 2 and 3): PSI (proportions not
** renormalised), or JS or KL(P || Q) (renormalised).  NaN if a total is 0.
*/
typedef enum { KL_DRIFT_PSI, KL_DRIFT_JS, KL_DRIFT_KL } kl_drift_kind;
double kl_psi_drift(kl_drift_kind kind, const double *cp, const double *cq,
                    size_t k, double eps);

#endif /* KL_PSI_H */
