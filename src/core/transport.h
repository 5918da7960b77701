/*
** core/transport.h — distances between two one-dimensional samples
** through their empirical CDFs: the first Wasserstein distance and the
** energy distance, as scipy.stats.wasserstein_distance and
** scipy.stats.energy_distance define them (core/transport.c states the
** rules and the accuracy).  Pure C, no SQLite, no allocation.
*/
#ifndef KL_TRANSPORT_H
#define KL_TRANSPORT_H

#include <stddef.h>

#include "sort.h"

typedef enum {
  KL_TR_WASSERSTEIN = 1,   /* integral of |U - V| */
  KL_TR_ENERGY = 2         /* sqrt(2 * integral of (U - V)^2) */
} kl_tr_kind;

/*
** The distance of kind between the sample u[0..m) (weights uw[0..m), or
** NULL: every weight 1) and the sample v[0..n) (vw, or NULL).  m, n >= 1;
** every value finite; every weight finite and > 0 (the caller checks).
** The arrays are the caller's copies: they are reordered (each sample
** sorted ascending, weights moved with their values) and scaled in place
** by powers of two (values by one common factor, each sample's weights by
** their own), so they hold no useful data afterwards.
** work: room for kl_transport_work(m, n, weighted) doubles (NULL when
** that is 0): samples of KL_TR_RADIX_MIN values or more are sorted by a
** radix sort through it, O(n); smaller ones in place (introsort, O(n log n)
** in the worst case).
** The result is >= 0 and never NaN; +Inf only where the exact value is
** beyond the double range (W of two samples 2e308 apart).
*/
double kl_transport(kl_tr_kind kind, double *u, double *uw, size_t m,
                    double *v, double *vw, size_t n, double *work);

/* Samples of at least this many values take the radix sort. */
#define KL_TR_RADIX_MIN KL_SORT_RADIX_MIN

/* The doubles of work kl_transport needs: max(m, n) if either sample has
** KL_TR_RADIX_MIN values or more (twice that with weights), else 0. */
size_t kl_transport_work(size_t m, size_t n, int weighted);

#endif /* KL_TRANSPORT_H */
