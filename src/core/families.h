/*
** core/families.h — closed-form KL divergences between members of the common
** parametric families, one component at a time, in nats.  Pure C over
** doubles, no SQLite; re-entrant (lgamma_r; on Windows, lgamma: families.c).
**
** Parameterisations are torch.distributions'.  Callers validate the
** domains (see sql/families_sql.c); each function returns a value >= 0, +Inf
** where P puts mass where Q has none or the true value exceeds DBL_MAX,
** and never NaN for valid input.  Every formula is arranged as a sum of
** non-negative terms that do not cancel when the two distributions are
** nearly equal (see core/families.c).
*/
#ifndef KL_FAMILIES_H
#define KL_FAMILIES_H

#include "discrete.h"

/* a ln(a/b) - a + b >= 0 for a, b >= 0 (the generalised KL of one bin);
** kl_relent_d with d = a - b given exactly (or more accurately than a - b
** rounds), +Inf for b = 0 < a or b = +Inf. */
double kl_relent(double a, double b);
double kl_relent_d(double a, double b, double d);

/* lnGamma(x) for x >= 1, re-entrant (lgamma_r; lgamma on Windows, where
** the sign it would store is known). */
double kl_lngamma_above1(double x);

/* zeta(k) and zeta(k) - 1 (without cancelling) for whole k >= 2. */
double kl_zeta(int k);
double kl_zetam1(int k);

double kl_bernoulli_term(double p1, double p2);
double kl_binomial_term(double n, double p1, double p2);
double kl_geometric_term(double p1, double p2);
double kl_poisson_term(double rate1, double rate2);
double kl_exponential_term(double rate1, double rate2);
double kl_gamma_term(double shape1, double rate1, double shape2, double rate2);
double kl_beta_term(double a1, double b1, double a2, double b2);
double kl_laplace_term(double loc1, double scale1, double loc2, double scale2);
double kl_cauchy_term(double loc1, double scale1, double loc2, double scale2);
double kl_gumbel_term(double loc1, double scale1, double loc2, double scale2);
double kl_pareto_term(double scale1, double alpha1, double scale2,
                      double alpha2);
double kl_uniform_term(double low1, double high1, double low2, double high2);

/*
** lnGamma(b) - lnGamma(a) - (b - a) digamma(a) >= 0 for a, b > 0: the
** Bregman divergence of lnGamma, accurate also for b close to a.
*/
double kl_lgamma_bregman(double a, double b);

/*
** The Dirichlet KL, sum_i D(a1_i, a2_i) - D(A1, A2) with D as above, in
** two passes: the caller finds the exact totals A1 (of alpha1), A2 (of
** alpha2) and dA = A2 - A1, sets up t with kl_totals_init(t, A2, A1), then
** adds every component with kl_dir_add() and reads kl_dir_value().
*/
typedef struct kl_dir_acc {
  kl_totals t;
  kl_dd dA;
  size_t k;                       /* components */
  kl_sum t1;                      /* A2 KL(alpha2/A2 || alpha1/A1) */
  kl_sum qq;                      /* sum q_i/2 (each >= 0) */
  kl_sum lin, lns, lin_mag;       /* the linear form of Q */
  kl_sum b1, b1_mag;              /* sum B(a1_i, a2_i) */
  kl_sum b2, b2_mag;              /* the mu-difference form of Bd */
  double a1m, a2m;                /* the component of largest alpha1 */
  int m_seen;
  int differ;                     /* some alpha1_i != alpha2_i */
  kl_sum qm, dm;                  /* the dominant-component form of Q */
  kl_sum bm, bm_mag;              /* ... and of Bd */
} kl_dir_acc;

/* a1m, a2m: the component with the largest alpha1 (found in pass one). */
void kl_dir_init(kl_dir_acc *c, const kl_totals *t, kl_dd dA, double a1m,
                 double a2m);
void kl_dir_add(kl_dir_acc *c, double a1, double a2);
double kl_dir_value(const kl_dir_acc *c);

#endif /* KL_FAMILIES_H */
