/*
** core/moments.h — exact running moments for the Gaussian fits (gauss_mean,
** gauss_sd).  Pure C, no SQLite.
**
** A finite double is an integer X times 2^-1074 with |X| < 2^2098, so its
** square is X^2 times 2^-2148 with X^2 < 2^4196.  Sums of x (a kl_xsum) and
** of x^2 (a kl_xsq, below) are kept exactly as such integers; rows can be
** added and removed without any rounding, so a sliding window holds exactly
** the sums of its frame.  The standard deviation is then formed from the
** exact integer n*S2 - S1^2 = n^2 * (the sum of squared deviations), which
** is rounded once: no cancellation, whatever the mean.
*/
#ifndef KL_MOMENTS_H
#define KL_MOMENTS_H

#include "numeric.h"

#define KL_XSQ_LIMBS 136   /* 4352 bits: 2^63 squares of any doubles */

typedef struct kl_xsq {
  int64_t limb[KL_XSQ_LIMBS];
  int64_t pending;          /* additions since the last carry pass */
} kl_xsq;

/* Adds (sign = 1) or subtracts (sign = -1) x^2, exactly; x finite. */
void kl_xsq_put(kl_xsq *a, double x, int sign);

/* S1 / n, correctly rounded but for one ulp (n >= 1). */
double kl_moments_mean(const kl_xsum *s1, double n);

/*
** sqrt( (S2 - S1^2/n) / (n - ddof) ) for n - ddof > 0: the standard
** deviation of n values whose exact sum is s1 and sum of squares s2.
** Accurate to a couple of ulps; never negative.
*/
double kl_moments_sd(const kl_xsum *s1, const kl_xsq *s2, double n,
                     double ddof);

#endif /* KL_MOMENTS_H */
