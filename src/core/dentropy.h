/*
** core/dentropy.h — differential entropy estimated from one sample by
** spacings: the estimators of scipy.stats.differential_entropy (Vasicek,
** van Es, Ebrahimi, Correa, and scipy's 'auto' choice among them).  Pure C,
** no SQLite, no allocation: the caller (sql/dentropy_sql.c) owns the
** sample and a work buffer.  The rules are stated at the top of
** core/dentropy.c.
*/
#ifndef KL_DENTROPY_H
#define KL_DENTROPY_H

#include <stddef.h>

/* The methods, in the order of KL_DE_WORDS (the options' word index). */
typedef enum {
  KL_DE_VASICEK = 0, KL_DE_VAN_ES = 1, KL_DE_EBRAHIMI = 2,
  KL_DE_CORREA = 3, KL_DE_AUTO = 4
} kl_de_method;
#define KL_DE_WORDS "vasicek|van es|ebrahimi|correa|auto"

/* Outcomes of kl_de_estimate. */
#define KL_DE_OK     0
#define KL_DE_WINDOW 1   /* not 1 <= m and 2 m < n */
#define KL_DE_TIES   2   /* a spacing (window) of zero width: log 0 */

/* The method's name as scipy spells it ("van es"). */
const char *kl_de_name(kl_de_method m);

/* scipy's default window length floor(sqrt(n) + 0.5). */
size_t kl_de_default_window(size_t n);

/* 'auto' resolved for a sample of n: van es for n <= 10, ebrahimi for
** n <= 1000, vasicek beyond (scipy 1.10's rule); other methods as given. */
kl_de_method kl_de_resolve(kl_de_method m, size_t n);

/* Sorts x[0..n) ascending (finite values; -0 before +0), in O(n) (a radix
** sort); work holds n doubles. */
void kl_de_sort(double *x, size_t n, double *work);

/*
** The estimate, in nats, over the sorted sample x[0..n) with window length
** m (1 <= m, 2 m < n) by method meth (auto is resolved here).  Returns
** KL_DE_OK with *out set, KL_DE_WINDOW, or KL_DE_TIES with *where the
** 0-based index (in sorted order) of the first value of the zero-width
** window.  Cost O(n) after the sort, for every method.
*/
int kl_de_estimate(const double *x, size_t n, size_t m, kl_de_method meth,
                   double *out, size_t *where);

#endif /* KL_DENTROPY_H */
