/*
** core/gauss.h — per-dimension terms of the Gaussian divergences (kl_gauss
** and the Gaussian family).  Pure C over doubles, no SQLite.
*/
#ifndef KL_GAUSS_H
#define KL_GAUSS_H

#include "numeric.h"

/*
** KL(N(mu1, sd1^2) || N(mu2, sd2^2)) in nats for one dimension.
** Requires finite mu1, mu2 and finite sd1 > 0, sd2 > 0 (callers validate);
** returns a value >= 0, or +Inf only when the true value exceeds DBL_MAX.
*/
double kl_gauss_term(double mu1, double sd1, double mu2, double sd2);

/*
** Adds the n per-dimension terms of kl_gauss_term() to *acc.  Returns
** nonzero, having added nothing more, if some sd1[i] or sd2[i] is not > 0
** (the caller reports which).
*/
int kl_gauss_accum(const double *mu1, const double *sd1, const double *mu2,
                   const double *sd2, size_t n, kl_sum *acc);

/*
** The same from four vectors of n little-endian float32 values, read in
** place (no copies).  Returns nonzero, with *acc to be discarded, if some
** element is not finite or some sd is not > 0 (the caller then takes the
** general road, which names the element).  The sum has the same bits as
** kl_gauss_accum() on the values as doubles.
*/
int kl_gauss_accum_f32(const void *mu1, const void *sd1, const void *mu2,
                       const void *sd2, size_t n, kl_sum *acc);

/*
** The kernel's variants, for tests: each adds up n <= 256 terms in the same
** order and returns the sum; *bad is set nonzero (and the sum is not to be
** trusted) when some sd2 has its sign bit set, sd1/sd2 is not in [2^-1000,
** 2^1000] or some term is not <= 1.7e308.  kl_gauss_kernels()
** points *list at the variants and returns how many of them this CPU can
** run (the last of those is the one the kernel uses); all give the same
** bits.
*/
typedef double (*kl_gauss_f64_fn)(const double *mu1, const double *sd1,
                                  const double *mu2, const double *sd2,
                                  size_t n, int *bad);
typedef double (*kl_gauss_f32_fn)(const unsigned char *mu1,
                                  const unsigned char *sd1,
                                  const unsigned char *mu2,
                                  const unsigned char *sd2,
                                  size_t n, int *bad);
typedef struct kl_gauss_kernel {
  const char *name;
  kl_gauss_f64_fn f64;
  kl_gauss_f32_fn f32;
} kl_gauss_kernel;
int kl_gauss_kernels(const kl_gauss_kernel **list);

/*
** Per-dimension terms of the diagonal-Gaussian divergences, in nats, for
** finite arguments with sd, var > 0 (callers validate).  Each is >= 0 and
** is +Inf only when the true value exceeds DBL_MAX.
**   kl_gauss_var_term     KL, variances given
**   kl_gauss_logvar_term  KL, log-variances given (any finite values: no
**                         intermediate overflows where the KL is finite)
**   kl_gauss_sym_term     KL(P||Q) + KL(Q||P)
**   kl_bhatt_gauss_term   Bhattacharyya distance
*/
double kl_gauss_var_term(double mu1, double var1, double mu2, double var2);
double kl_gauss_logvar_term(double mu1, double lv1, double mu2, double lv2);
double kl_gauss_sym_term(double mu1, double sd1, double mu2, double sd2);
double kl_bhatt_gauss_term(double mu1, double sd1, double mu2, double sd2);

/*
** kl_bhatt_gauss_term(p[0], p[1], p[2], p[3]) times 2^1200, for a term
** below 2^-900 (the Hellinger distance of nearly equal distributions,
** where the term itself would underflow).
*/
double kl_bhatt_gauss_tiny(const double *p);

#endif /* KL_GAUSS_H */
