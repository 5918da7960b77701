/*
** core/mvn.h — KL divergence between multivariate normals with full
** covariance matrices.  Pure C over doubles, no SQLite.
*/
#ifndef KL_MVN_H
#define KL_MVN_H

#include <stddef.h>

typedef enum {
  KL_MVN_OK = 0,
  KL_MVN_ASYMMETRIC,    /* cov[i][j] and cov[j][i] differ: which, i, j */
  KL_MVN_NOT_PD         /* not positive definite: which, i (Cholesky row) */
} kl_mvn_code;

typedef struct kl_mvn_err {
  kl_mvn_code code;
  int which;            /* 1: cov1, 2: cov2 */
  size_t i, j;
  double a, b;          /* ASYMMETRIC: cov[i][j], cov[j][i] */
} kl_mvn_err;

/*
** Relative tolerance of the symmetry check:
** |cov[i][j] - cov[j][i]| <= KL_MVN_SYM_TOL * sqrt(cov[i][i] cov[j][j]).
** A matrix within it is used as its symmetric part, (cov + cov^T)/2.
*/
#define KL_MVN_SYM_TOL 1e-9

/*
** KL( N(mu1, cov1) || N(mu2, cov2) ) in nats, for d-dimensional means and
** d x d row-major covariances, all finite.  cov1 and cov2 are overwritten
** (with their scaled Cholesky factors); work holds 2d doubles (the
** second d of them as 2d ints).  Returns KL_MVN_OK
** and *out >= 0, or an error code with *e filled in.
*/
kl_mvn_code kl_mvn(size_t d, const double *mu1, double *cov1,
                   const double *mu2, double *cov2, double *work,
                   double *out, kl_mvn_err *e);

/*
** The entropy of N(mu, cov) in nats, 1/2 ln det(2 pi e cov), for a d x d
** row-major covariance, finite: the same checks as kl_mvn (which = 1), cov
** overwritten with its scaled Cholesky factor, work holding d ints (as d
** doubles).  Returns KL_MVN_OK and *out, or an error code with *e.
*/
kl_mvn_code kl_mvn_entropy(size_t d, double *cov, double *work, double *out,
                           kl_mvn_err *e);

#endif /* KL_MVN_H */
