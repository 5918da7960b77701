/*
** core/sort.h — sorting doubles, optionally with a companion array
** (weights) moving along.  Pure C, no allocation.  See core/sort.c.
*/
#ifndef KL_CORE_SORT_H
#define KL_CORE_SORT_H

#include <stddef.h>

/* From this many values on (and with a work buffer) kl_sort is a radix
** sort; below, an in-place introsort. */
#define KL_SORT_RADIX_MIN 4096

/* Sorts x[0..n) ascending; w (or NULL) moves with x.  work: NULL, or n
** doubles (2n when w is given), used only when n >= KL_SORT_RADIX_MIN. */
void kl_sort(double *x, double *w, size_t n, double *work);

/* The radix sort alone, any n: stable, -0 before +0; work of n doubles
** (2n when w is given). */
void kl_sort_radix(double *x, double *w, size_t n, double *work);

#endif
