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

/* -H(Beta(a, b)) = KL(Beta(a, b) || U(0, 1)) >= 0 for a, b > 0, also
** where a + b exceeds DBL_MAX (kl_beta_term's road cannot form it there). */
double kl_beta_neg_entropy(double a, double b);

/* The Dirichlet entropy of alpha[0..k-1] (k >= 1, each > 0). */
double kl_dirichlet_entropy(const double *alpha, size_t k);

/* ------------------------------------------------------------ the text */

/*
** How a family's parameters are read: one component's parameters
** (each a number or a vector, vectors of one length, numbers broadcast);
** a vector of weights (categorical); a vector of concentrations
** (dirichlet); a mean vector and a covariance matrix (mvn).
*/
typedef enum { KL_DK_COMP, KL_DK_CATEG, KL_DK_DIRICHLET, KL_DK_MVN } kl_dkind;

#define KL_DIST_MAXP 2        /* parameters of any family */

typedef struct kl_dfam_info {
  const char *name;           /* the canonical name in the text form */
  kl_dfam fam;
  kl_dkind kind;
  int nparam;
  const char *doms;           /* a letter per parameter, as kl_family's
                              ** (sql/functions.h), and 'o' for (0, 1) */
  const char *names[KL_DIST_MAXP];
  const char *same;           /* the SQL function of its own KL */
  const char *vname;          /* the name of the vector form, if another
                              ** (diag_normal), else 0 */
} kl_dfam_info;

/* The families, indexed by kl_dfam (entry 0 is empty). */
extern const kl_dfam_info kl_dfams[KL_D_COUNT];

/* One parameter of a parsed text: a number, or a JSON array (a vector, or
** for mvn's covariance also an array of arrays) at text[off, off+len). */
typedef struct kl_dparam {
  size_t off, len;
  int vec;                    /* a JSON array */
  double num;                 /* a number: its value (may be +-Inf when
                              ** written beyond the double range) */
} kl_dparam;

typedef struct kl_dist {
  const kl_dfam_info *fam;
  kl_dparam prm[KL_DIST_MAXP];
} kl_dist;

typedef enum {
  KL_DIST_OK = 0,
  KL_DIST_NAME,               /* no family name at the start (off) */
  KL_DIST_FAMILY,             /* an unknown family (off, len: its name) */
  KL_DIST_SYNTAX,             /* the grammar: off, expected, found */
  KL_DIST_NARGS,              /* wrong number of parameters: got */
  KL_DIST_NUMBER              /* a malformed number: off, expected, found */
} kl_dist_code;

typedef struct kl_dist_err {
  kl_dist_code code;
  size_t off, len;
  const char *expected;
  int found;                  /* the byte found, or -1 at the end */
  int got;                    /* parameters given */
} kl_dist_err;

/*
** Parses z[0..n) as a distribution's text form (the grammar is in
** docs/functions.md):  ws name ws '(' ws param (ws ',' ws param)* ws ')' ws
** where name is a family name (ASCII letters, digits and '_', any letter
** case) and param a JSON number or a JSON array (its inside is read later,
** by the vector reader; only its brackets are matched here).  Returns
** KL_DIST_OK with *d filled in, or a code with *e.
*/
kl_dist_code kl_dist_parse(const char *z, size_t n, kl_dist *d,
                           kl_dist_err *e);

/* The family named z[0..n) (any letter case; diag_normal is normal), or 0. */
const kl_dfam_info *kl_dist_family(const char *z, size_t n);

/* The pair term of P || Q from the tables, or 0. */
kl_pair_term kl_dist_pair(kl_dfam p, kl_dfam q);
/* The entropy term of a univariate family from the tables, or 0. */
kl_ent_term kl_dist_entropy_term(kl_dfam f);

#endif /* KL_DIST_H */
