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
** their own), so they hold no useful data afterwards.  No work buffer:
** the sort is in place, O(n log n) in the worst case.
** The result is >= 0 and never NaN; +Inf only where the exact value is
** beyond the double range (W of two samples 2e308 apart).
*/
double kl_transport(kl_tr_kind kind, double *u, double *uw, size_t m,
                    double *v, double *vw, size_t n);

#endif /* KL_TRANSPORT_H */
