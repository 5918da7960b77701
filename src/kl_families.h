/*
** kl_families.h — closed-form KL divergences between members of the common
** parametric families, one component at a time, in nats.  Pure C over
** doubles, no SQLite; re-entrant (lgamma_r, never lgamma).
**
** Parameterisations are torch.distributions'.  Callers validate the
** domains (see kl_family.c); each function returns a value >= 0, +Inf
** where P puts mass where Q has none or the true value exceeds DBL_MAX,
** and never NaN for valid input.  Every formula is arranged as a sum of
** non-negative terms that do not cancel when the two distributions are
** nearly equal (see kl_families.c).
*/
#ifndef KL_FAMILIES_H
#define KL_FAMILIES_H

#include "kl_math.h"

/* a ln(a/b) - a + b >= 0 for a, b >= 0 (the generalised KL of one bin). */
double kl_relent(double a, double b);

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
** The Dirichlet KL, sum_i D(a1_i, a2_i) - D(A1, A2) with D as above, is
** computed as sum_i kl_dirichlet_part(...) + kl_dirichlet_rest(...), where
** t holds the exact totals P = A2 (of alpha2) and Q = A1 (of alpha1), and
** dA = A2 - A1 exactly (see kl_families.c for the decomposition).
*/
double kl_dirichlet_part(double a1, double a2, const kl_totals *t);
double kl_dirichlet_rest(const kl_totals *t, kl_dd dA);

#endif /* KL_FAMILIES_H */
