/*
** core/ks.h — the two-sample Kolmogorov-Smirnov statistic and its
** two-sided p-value, as scipy.stats.ks_2samp(u, v, method='auto') defines
** them (scipy 1.10).  Pure C, no SQLite, no allocation: the caller sorts
** into its own buffers and hands in the work space that kl_ks_work()
** states.  See core/ks.c for the specification.
*/
#ifndef KL_KS_H
#define KL_KS_H

#include <stddef.h>
#include <stdint.h>

/* Beyond this sample size (the larger of the two) the p-value is
** asymptotic, as scipy's 'auto' (MAX_AUTO_N). */
#define KL_KS_MAX_EXACT 10000

/* Sorts x[0..n) ascending in place (core/sort.c's kl_sort): with tmp (n
** doubles of work) and from KL_SORT_RADIX_MIN values on, an LSD radix sort
** of the doubles' bits, O(n) (at most 8 passes); else an introsort,
** O(n log n).  x holds finite numbers; -0 and +0 compare equal: either
** order is sorted (the statistic compares with <= only). */
void kl_ks_sort(double *x, size_t n, double *tmp);

/*
** The statistic's numerator over sorted samples u[0..n1), v[0..n2)
** (n1, n2 >= 1, n1*n2 < 2^63): the largest |i*n2 - j*n1| over the pooled
** values t, where i = #{u <= t} and j = #{v <= t}.  D = that / (n1*n2),
** exactly.
*/
uint64_t kl_ks_dnum(const double *u, size_t n1, const double *v, size_t n2);

/* D = dnum / (n1*n2) as the double nearest the rational (reduced to
** h / lcm(n1, n2) first, both exact in a double). */
double kl_ks_stat(size_t n1, size_t n2, uint64_t dnum);

/* The doubles of work kl_ks_pvalue() needs for these arguments. */
size_t kl_ks_work(size_t n1, size_t n2, uint64_t dnum);

/*
** The two-sided p-value of D = dnum / (n1*n2): exact (the lattice-path
** count) when max(n1, n2) <= KL_KS_MAX_EXACT, else scipy's asymptotic
** kstwo.sf(D, round(n1*n2/(n1+n2))).  work: kl_ks_work() doubles.
** In [0, 1], never NaN.
*/
double kl_ks_pvalue(size_t n1, size_t n2, uint64_t dnum, double *work);

/* The exact two-sided p-value P(D >= h / lcm(n1, n2)) under the null. */
double kl_ks_exact(size_t n1, size_t n2, uint64_t h, double *work);

/* The one-sample two-sided Kolmogorov distribution's survival function
** P(D_n >= x), as scipy.stats.kstwo.sf(x, n) computes it.  work:
** KL_KS_DMTW_WORK doubles. */
#define KL_KS_DMTW_MAX 128     /* the largest matrix order it forms */
#define KL_KS_DMTW_WORK (3 * KL_KS_DMTW_MAX * KL_KS_DMTW_MAX)
double kl_ks_kolmogn_sf(int64_t n, double x, double *work);

/* P(D_n^+ >= x), the one-sided one-sample statistic (scipy.special.smirnov),
** by the Birnbaum-Tingey sum in double-double arithmetic. */
double kl_ks_smirnov(int64_t n, double x);

#endif /* KL_KS_H */
