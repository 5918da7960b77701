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
** Before factoring, both matrices are scaled by the same power of four and
** the means by the matching power of two (the KL is invariant under x ->
** c x), so entries near the ends of the double range do not overflow in
** the Cholesky sums.
*/
#include "mvn.h"
#include "gauss.h"
#include "numeric.h"
#include "port.h"

#include <math.h>

/* Checks symmetry, replaces cov by its symmetric part, scales by s. */
static kl_mvn_code symmetrize(size_t d, double *a, double s, int which,
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
      a[i*d+j] = x*s;
      a[j*d+i] = x*s;
    }
  }
  for(i=0; i<d; i++) a[i*d+i] *= s;   /* last: the check above reads them */
  return KL_MVN_OK;
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
  double big = 0.0, s, sm;
  size_t i, c;
  int ex;
  kl_sum acc;
  e->code = KL_MVN_OK;
  for(i=0; i<d; i++){
    if( cov1[i*d+i] > big ) big = cov1[i*d+i];
    if( cov2[i*d+i] > big ) big = cov2[i*d+i];
  }
  /* s = 4^-k brings the largest diagonal entry near 1; sm = 2^-k */
  ex = 0;
  if( big > 0.0 ) frexp(big, &ex);
  ex /= 2;
  s = ldexp(1.0, -2*ex);
  sm = ldexp(1.0, -ex);
  if( symmetrize(d, cov1, s, 1, e) ) return e->code;
  if( symmetrize(d, cov2, s, 2, e) ) return e->code;
  if( cholesky(d, cov1, 1, e) ) return e->code;
  if( cholesky(d, cov2, 2, e) ) return e->code;

  kl_sum_init(&acc);
  /* the means: |L2^-1 (mu1 - mu2)|^2 / 2 */
  for(i=0; i<d; i++) work[i] = mu1[i]*sm - mu2[i]*sm;
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
