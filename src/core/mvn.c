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
** Before factoring, each matrix is scaled on its own as D cov D, for the
** diagonal D of powers of two 2^-a[i] (cov1) and 2^-b[i] (cov2) that bring
** its diagonal into [0.5, 2): exact, and neither factorisation can then
** underflow to a false "not positive definite" or overflow in its sums,
** whatever the two matrices' scales (1e-320 beside 1e300 included).  The
** factors are L1' = D1 L1 and L2' = D2 L2, so
**
**   M = L2^-1 L1 = L2'^-1 E L1',   z = L2'^-1 D2 (mu1 - mu2),
**
** with E = diag(2^(a[i] - b[i])): the rows of L1' are scaled by E before
** each solve.  Where nothing leaves the double range this is bit for bit
** the same as factoring both at one common scale (a power-of-two row
** scaling of a triangular system does not change its solution's
** roundings).  Two ends are decided without the solves:
**   - some a[k] - b[k] > 600 (cov1[k][k] / cov2[k][k] > ~2^1200): then
**     |M|_F^2 >= E_k^2 cov1'[k][k] / lambda_max(cov2') >= 2^1200 / (4d),
**     and KL >= |M|_F^2 / 2 - d/2 - (d/2) ln(|M|_F^2 / d) is beyond
**     DBL_MAX: +Inf;
**   - a diagonal M[c][c] = E_c L1'[c][c] / L2'[c][c] below 2^-1000 (a
**     ratio of variances below ~2^-2000, where the scaled number would be
**     subnormal): its term is -ln M[c][c] - 1/2 (+ M^2/2 < 2^-2000),
**     with ln M[c][c] = (a[c] - b[c]) ln 2 + ln L1'[c][c] - ln L2'[c][c].
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
** Scales a (d x d) as D a D for D = diag(2^-k[i]), the powers of two that
** bring its diagonal into [0.5, 2) (k[i] = floor(e/2) for a[i][i] =
** m 2^e, 0.5 <= m < 1); exact wherever the result is a normal double.
*/
static void scale_diag(size_t d, double *a, int *k){
  size_t i, j;
  for(i=0; i<d; i++){
    int e;
    frexp(a[i*d+i], &e);
    k[i] = (e >= 0) ? e/2 : -((1 - e)/2);
  }
  for(i=0; i<d; i++){
    for(j=0; j<d; j++) a[i*d+j] = ldexp(a[i*d+j], -(k[i] + k[j]));
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

/*
** f(M[c][c]) for M[c][c] = 2^ex l1 / l2 (l1, l2 the factors' diagonals):
** the one-dimensional Gaussian's term, or -ln M - 1/2 where 2^ex l1 would
** be too small to hold its digits (see the header).
*/
static void diag_term(double l1, int ex, double l2, kl_sum *acc){
  double s1 = ldexp(l1, ex);
  if( s1 >= 0x1p-1000 ){
    kl_sum_add(acc, kl_gauss_term(0.0, s1, 0.0, l2));
  }else{
    kl_sum_add(acc, -(double)ex * KL_LN2);
    kl_sum_add(acc, log(l2) - log(l1));
    kl_sum_add(acc, -0.5);
  }
}

kl_mvn_code kl_mvn(size_t d, const double *mu1, double *cov1,
                   const double *mu2, double *cov2, double *work,
                   double *out, kl_mvn_err *e){
  size_t i, c;
  int inf = 0;
  int *ka = (int*)(work + d), *kb = ka + d;
  kl_sum acc;
  e->code = KL_MVN_OK;
  if( symmetrize(d, cov1, 1, e) ) return e->code;
  if( symmetrize(d, cov2, 2, e) ) return e->code;
  scale_diag(d, cov1, ka);
  scale_diag(d, cov2, kb);
  /* the means' difference at cov2's scale (halved where it overflows) */
  for(i=0; i<d; i++){
    double dm = mu1[i] - mu2[i];
    if( isinf(dm) ) work[i] = ldexp(0.5*mu1[i] - 0.5*mu2[i], 1 - kb[i]);
    else work[i] = ldexp(dm, -kb[i]);
    if( isinf(work[i]) ) inf = 1;
    if( ka[i] - kb[i] > 600 ) inf = 1;
  }
  if( cholesky(d, cov1, 1, e) ) return e->code;
  if( cholesky(d, cov2, 2, e) ) return e->code;
  if( inf ){
    /* |z|^2 >= |D2 (mu1 - mu2)|^2 / lambda_max(cov2'), and lambda_max is
    ** below tr(cov2') < 2d; or |M|_F is beyond range (the header): the
    ** KL is beyond DBL_MAX */
    *out = INFINITY;
    return KL_MVN_OK;
  }

  kl_sum_init(&acc);
  /* the means: |L2'^-1 D2 (mu1 - mu2)|^2 / 2 */
  solve_from(d, cov2, work, 0, &acc);
  kl_sum_add(&acc, (0.5*work[0])*work[0]);
  /* the covariances, one column of M = L2'^-1 E L1' at a time */
  for(c=0; c<d; c++){
    for(i=c; i<d; i++) work[i] = ldexp(cov1[i*d+c], ka[i] - kb[i]);
    solve_from(d, cov2, work, c, &acc);
    diag_term(cov1[c*d+c], ka[c] - kb[c], cov2[c*d+c], &acc);
  }
  *out = kl_sum_value(&acc);
  return KL_MVN_OK;
}

#define KL_LN_2PI 1.83787706640934548356065947281123527972279494727556682563

kl_mvn_code kl_mvn_entropy(size_t d, double *cov, double *work, double *out,
                           kl_mvn_err *e){
  int *k = (int*)work;
  size_t i;
  long long ks = 0;
  kl_sum acc;
  e->code = KL_MVN_OK;
  if( symmetrize(d, cov, 1, e) ) return e->code;
  scale_diag(d, cov, k);
  if( cholesky(d, cov, 1, e) ) return e->code;
  /* cov = D^-1 L L^T D^-1 with D = diag(2^-k): ln det cov =
  ** 2 sum ln L[i][i] + 2 ln 2 sum k[i]; each L[i][i] is within a few
  ** powers of two of 1, so the logarithms do not cancel */
  kl_sum_init(&acc);
  for(i=0; i<d; i++){
    kl_sum_add(&acc, log(cov[i*d+i]));
    ks += k[i];
  }
  kl_sum_add(&acc, (double)ks * KL_LN2);
  kl_sum_add(&acc, 0.5 * (double)d * (1.0 + KL_LN_2PI));
  *out = kl_sum_value(&acc);
  return KL_MVN_OK;
}
