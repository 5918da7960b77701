/*
** core/mvn.c — KL between multivariate normals (see core/mvn.h).
**
** With cov1 = L1 L1^T, cov2 = L2 L2^T (Cholesky) and M = L2^-1 L1, a lower
** triangular matrix whose diagonal is L1[i][i] / L2[i][i]:
**
**   KL = ( tr(cov2^-1 cov1) + z^T z - d + ln det cov2 - ln det cov1 ) / 2
**      = sum_i f(M[i][i]) + sum_{i>j} M[i][j]^2 / 2 + |z|^2 / 2,
**
** z = L2^-1 (mu1 - mu2), f(r) = (r^2 - 1)/2 - ln r >= 0.  Every term is
** non-negative, so nothing cancels: no explicit inverse, no determinant
** (which would overflow at d = 512 long before the KL does), and f is the
** one-dimensional Gaussian's careful kl_gauss_term.  For diagonal matrices
** this is exactly kl_gauss.
**
** Before factoring, both matrices are scaled as D cov D and the means'
** difference as D (mu1 - mu2), for the diagonal D of powers of two
** 2^-k[i] with 4^k[i] near the geometric mean of cov1[i][i] and
** cov2[i][i] (the KL is invariant under x -> D x, and the scaling is
** exact): each index is brought near 1 on its own, so a matrix with
** entries 1e-300 and 1e300 on its diagonal neither underflows to a false
** "not positive definite" nor overflows in the Cholesky sums.
*/
#include "mvn.h"
#include "gauss.h"
#include "numeric.h"
#include "port.h"

#include <math.h>

/* Checks symmetry and a positive diagonal, replaces cov by its symmetric
** part. */
static kl_mvn_code symmetrize(size_t d, double *a, int which,
                              kl_mvn_err *e){
  size_t i, j;
  for(i=0; i<d; i++){
    if( !(a[i*d+i] > 0.0) ){
      e->code = KL_MVN_NOT_PD;
      e->which = which;
      e->i = i;
      return e->code;
    }
  }
  for(i=0; i<d; i++){
    for(j=0; j<i; j++){
      double x = a[i*d+j], y = a[j*d+i];
      if( x!=y ){
        double scale = sqrt(a[i*d+i]) * sqrt(a[j*d+j]);
        if( !(fabs(x - y) <= KL_MVN_SYM_TOL * scale) ){
          e->code = KL_MVN_ASYMMETRIC;
          e->which = which;
          e->i = j;
          e->j = i;
          e->a = y;
          e->b = x;
          return e->code;
        }
        x = 0.5*x + 0.5*y;
      }
      a[i*d+j] = x;
      a[j*d+i] = x;
    }
  }
  return KL_MVN_OK;
}

/*
** a[i][j] 2^-(k[i] + k[j]): D a D for the diagonal D of the powers of two
** 2^-k[i], exact wherever the result is a normal double.
*/
static void scale_by(size_t d, double *a, const double *k){
  size_t i, j;
  for(i=0; i<d; i++){
    for(j=0; j<d; j++) a[i*d+j] = ldexp(a[i*d+j], -(int)(k[i] + k[j]));
  }
}

/* In-place lower Cholesky factor (the upper triangle is left as is). */
KL_VECTORIZE
static kl_mvn_code cholesky(size_t d, double *a, int which, kl_mvn_err *e){
  size_t i, j, k;
  for(j=0; j<d; j++){
    double *rj = a + j*d, s = rj[j], piv;
    for(k=0; k<j; k++) s -= rj[k]*rj[k];
    if( !(s > 0.0) ){   /* also NaN; s <= the finite a[j][j] */
      e->code = KL_MVN_NOT_PD;
      e->which = which;
      e->i = j;
      return e->code;
    }
    piv = sqrt(s);
    rj[j] = piv;
    for(i=j+1; i<d; i++){
      double *ri = a + i*d, t = ri[j];
      for(k=0; k<j; k++) t -= ri[k]*rj[k];
      ri[j] = t / piv;
    }
  }
  return KL_MVN_OK;
}

/*
** Solves L y = b for lower triangular L (row-major, d x d), where b is zero
** above row c, adding y[i]^2/2 for i > c to *acc; returns y[c].
*/
KL_VECTORIZE
static void solve_from(size_t d, const double *l, double *y, size_t c,
                       kl_sum *acc){
  size_t i, k;
  kl_sum part;
  kl_sum_init(&part);
  for(i=c; i<d; i++){
    const double *ri = l + i*d;
    double t = y[i];
    for(k=c; k<i; k++) t -= ri[k]*y[k];
    y[i] = t / ri[i];
    if( i>c ) kl_sum_add(&part, (0.5*y[i])*y[i]);
  }
  kl_sum_add(acc, kl_sum_value(&part));
}

kl_mvn_code kl_mvn(size_t d, const double *mu1, double *cov1,
                   const double *mu2, double *cov2, double *work,
                   double *out, kl_mvn_err *e){
  size_t i, c;
  int inf = 0;
  kl_sum acc;
  e->code = KL_MVN_OK;
  if( symmetrize(d, cov1, 1, e) ) return e->code;
  if( symmetrize(d, cov2, 2, e) ) return e->code;
  /* k[i]: 4^k[i] near the geometric mean of cov1[i][i] and cov2[i][i] */
  for(i=0; i<d; i++){
    int e1, e2;
    frexp(cov1[i*d+i], &e1);
    frexp(cov2[i*d+i], &e2);
    work[i] = floor((e1 + e2) / 4.0);
  }
  scale_by(d, cov1, work);
  scale_by(d, cov2, work);
  /* the means' difference, at the same scale (halved where it overflows) */
  for(i=0; i<d; i++){
    double dm = mu1[i] - mu2[i];
    int k = (int)work[i];
    if( isinf(dm) ) work[i] = ldexp(0.5*mu1[i] - 0.5*mu2[i], 1 - k);
    else work[i] = ldexp(dm, -k);
    if( isinf(work[i]) ) inf = 1;
  }
  if( cholesky(d, cov1, 1, e) ) return e->code;
  if( cholesky(d, cov2, 2, e) ) return e->code;
  if( inf ){
    /* |z|^2 >= |dm|^2 / lambda_max(cov2) (all at this scale), and the
    ** largest eigenvalue is at most d times the largest diagonal entry,
    ** which is finite: the KL is beyond DBL_MAX */
    *out = INFINITY;
    return KL_MVN_OK;
  }

  kl_sum_init(&acc);
  /* the means: |L2^-1 (mu1 - mu2)|^2 / 2 */
  solve_from(d, cov2, work, 0, &acc);
  kl_sum_add(&acc, (0.5*work[0])*work[0]);
  /* the covariances, one column of M = L2^-1 L1 at a time */
  for(c=0; c<d; c++){
    for(i=c; i<d; i++) work[i] = cov1[i*d+c];
    solve_from(d, cov2, work, c, &acc);
    kl_sum_add(&acc, kl_gauss_term(0.0, cov1[c*d+c], 0.0, cov2[c*d+c]));
  }
  *out = kl_sum_value(&acc);
  return KL_MVN_OK;
}
