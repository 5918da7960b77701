/*
** core/dist.h — distributions as values: the families, their parameters,
** and the tables of cross-family KL terms and entropies that kl(),
** dist_entropy() and dist_cross_entropy() dispatch through.  Pure C, no
** SQLite.
**
** A univariate component's parameters are an array of doubles in the
** order of the family's kl_<family> function (and of its text form,
** 'gamma(shape, rate)'):
**
**   normal        loc, scale            (scale > 0)
**   bernoulli     p                     (0 <= p <= 1)
**   binomial      n, p                  (n a whole number >= 0, p in [0,1])
**   geometric     p                     (0 < p <= 1; failures before the
**                                        first success, as torch)
**   poisson       rate                  (rate >= 0)
**   exponential   rate                  (rate > 0)
**   gamma         shape, rate           (both > 0)
**   beta          a, b                  (both > 0; torch's concentration1,
**                                        concentration0)
**   laplace       loc, scale            (scale > 0)
**   cauchy        loc, scale            (scale > 0)
**   lognormal     mu, sigma             (sigma > 0)
**   gumbel        loc, scale            (scale > 0)
**   pareto        scale, alpha          (both > 0; support [scale, inf))
**   halfnormal    scale                 (scale > 0)
**   uniform       low, high             (low < high)
**   continuous_bernoulli  p             (0 < p < 1; torch's probs)
**
** Every parameter is finite; the caller (the SQL glue) has checked the
** domains above before any term or entropy is called.
**
** A cross term returns KL(P || Q) in nats for one component: >= 0, +Inf
** where P puts mass where Q has none or where the true value exceeds
** DBL_MAX, never NaN, and accurate to 1e-13 relative (against mpmath) also
** where the pair comes close to each other (Beta(1,1) against U(0,1) is
** 0).  An entropy returns the entropy of one component in nats
** (differential for continuous families, so it may be negative; Shannon
** for discrete ones), never NaN, accurate to 1e-13 relative, or to 1e-13
** of the largest term of its textbook formula where the value crosses 0.
*/
#ifndef KL_DIST_H
#define KL_DIST_H

#include <stddef.h>

typedef enum kl_dfam {
  KL_D_NORMAL = 1, KL_D_BERNOULLI, KL_D_BINOMIAL, KL_D_GEOMETRIC,
  KL_D_POISSON, KL_D_EXPONENTIAL, KL_D_GAMMA, KL_D_BETA, KL_D_LAPLACE,
  KL_D_CAUCHY, KL_D_LOGNORMAL, KL_D_GUMBEL, KL_D_PARETO, KL_D_HALFNORMAL,
  KL_D_UNIFORM, KL_D_CBERN,
  /* the multivariate families (parameters are vectors, not components) */
  KL_D_CATEGORICAL, KL_D_DIRICHLET, KL_D_MVN,
  KL_D_COUNT
} kl_dfam;

/* KL(P || Q) of one component; p and q are the two parameter arrays. */
typedef double (*kl_pair_term)(const double *p, const double *q);
/* The entropy of one component. */
typedef double (*kl_ent_term)(const double *p);

typedef struct kl_pair { kl_dfam p, q; kl_pair_term kl; } kl_pair;
typedef struct kl_ent  { kl_dfam fam; kl_ent_term h; } kl_ent;

/*
** The tables, each ended by an entry whose family is 0.  Each lives in
** the file that computes its terms:
**   core/cross.c        pairs between the continuous families (not
**                       continuous_bernoulli)
**   core/cbern.c        continuous_bernoulli: its own KL, its pairs, its
**                       entropy
**   core/dist_discrete.c  pairs between discrete families (binomial with
**                       different n among them), discrete entropies
**   core/entropy.c      entropies of the continuous families
*/
extern const kl_pair kl_pairs_cont[];
extern const kl_pair kl_pairs_cbern[];
extern const kl_pair kl_pairs_disc[];
extern const kl_ent  kl_ents_cbern[];
extern const kl_ent  kl_ents_disc[];
extern const kl_ent  kl_ents_cont[];

/* The Dirichlet entropy of alpha[0..k-1] (k >= 1, each > 0). */
double kl_dirichlet_entropy(const double *alpha, size_t k);

#endif /* KL_DIST_H */
