/*
** core/knn.h — the k-nearest-neighbour estimator of KL(P || Q) from two
** samples of points (Wang, Kulkarni and Verdu 2009; Perez-Cruz 2008).
** Pure C, no SQLite, no allocation: the caller hands in the work buffer
** whose size kl_knn_work_size() gives.  The rules are stated at the top of
** core/knn.c.
*/
#ifndef KL_KNN_H
#define KL_KNN_H

#include <stddef.h>

/* The estimators (the glue's option estimator=fixed|adaptive). */
#define KL_KNN_FIXED    0
#define KL_KNN_ADAPTIVE 1

/* Up to this dimension the search uses k-d trees; beyond it, every point
** is compared with every point (one leaf holding the whole sample). */
#define KL_KNN_TREE_MAXDIM 8
/* Points per leaf of a k-d tree (at most). */
#define KL_KNN_LEAF 8

/* Outcomes of kl_knn(). */
#define KL_KNN_OK  0
#define KL_KNN_FEW 1   /* point fail->index of x has fewer than k points
                       ** at a positive distance in sample fail->sample
                       ** (0: x, 1: y) */

typedef struct kl_knn_fail {
  int sample;      /* 0: x, 1: y */
  size_t index;    /* the point of x (0-based) */
} kl_knn_fail;

/*
** The number of doubles of work kl_knn() needs for n points of x, m of y
** in d dimensions with k neighbours, or 0 when that number does not fit a
** size_t (the caller then reports the sample as too large).
*/
size_t kl_knn_work_size(size_t n, size_t m, size_t d, size_t k);

/*
** The estimate of KL(P || Q) in nats, x ~ P (n points of d coordinates,
** row after row), y ~ Q (m points).  The caller guarantees d >= 1,
** 1 <= k < n, k <= m, every coordinate finite, and work holding
** kl_knn_work_size(n, m, d, k) doubles.  x and y are rescaled in place by
** one power of two when a coordinate exceeds 2^1000 in size (rule 6 of
** core/knn.c; the estimate does not depend on the scale).
** Returns KL_KNN_OK (*out set) or KL_KNN_FEW (*fail set).
*/
int kl_knn(double *x, size_t n, double *y, size_t m, size_t d, size_t k,
           int estimator, double *work, double *out, kl_knn_fail *fail);

/* psi(l) - psi(k) for whole numbers l, k >= 1 (the adaptive estimator's
** correction), to a few ulps of the larger term. */
double kl_knn_psi_diff(size_t l, size_t k);

#endif /* KL_KNN_H */
