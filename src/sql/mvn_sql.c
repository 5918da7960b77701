/*
** sql/mvn_sql.c — KL between multivariate normals with full covariance.
**
**   kl_mvn(mu1, cov1, mu2, cov2 [, unit])
**
** returns KL( N(mu1, cov1) || N(mu2, cov2) ) in nats (or the unit's).
**
**   SELECT kl_mvn('[0,0]', '[[1,0.5],[0.5,2]]', '[1,0]', '[[2,0],[0,2]]');
**
** Rules:
**  (1) mu1 and mu2 are vectors of d elements in any of the core's forms, or
**      plain numbers, which broadcast (0 for a zero mean).
**  (2) cov1 and cov2 are d x d: a JSON array of d rows of d numbers
**      ('[[1,0.5],[0.5,2]]'), the same as JSONB (jsonb('[[1,0.5],[0.5,2]]'),
**      SQLite 3.45+), or d*d numbers row-major in any vector form
**      (a flat JSON array, a float32 blob, a kl_f64 blob), or a plain
**      number for d = 1 (a variance).
**  (3) A covariance must be symmetric: |c[i][j] - c[j][i]| at most 1e-9
**      sqrt(c[i][i] c[j][j]) (its symmetric part is used), else
**        kl_mvn: cov1 is not symmetric: cov1[0][1] is 0.5 but cov1[1][0] is 0.7
**      and positive definite, else
**        kl_mvn: cov2 is not positive definite (Cholesky fails at row 1)
**  (4) Mismatched sizes, a non-square matrix, rows of different lengths,
**      NaN/Inf and everything the core refuses are errors naming the
**      argument; NULL in gives NULL.
**  (5) The computation is Cholesky-based (core/mvn.c): no inverse, no
**      determinant; the result is >= 0 and equals kl_gauss for diagonal
**      matrices.  Time grows as d^3 and memory as d^2 (the matrices).
*/
#include "args.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"
#include "mvn.h"

#include <math.h>
#include <string.h>

#define MVN_FNAME "kl_mvn"

/* One argument, read whole: a vector (or number) or a covariance. */
typedef struct mvn_arg {
  kl_dbuf b;
  int is_num;      /* a plain number (broadcasts) */
  size_t dim;      /* vectors: length; matrices: d */
} mvn_arg;

static int read_vector(const char *fname, const char *aname,
                       sqlite3_value *val, mvn_arg *a, char **pzErr){
  kl_vec v;
  int rc = kl_open_value(fname, aname, val, 0, &v, pzErr);
  if( rc ) return rc;
  a->is_num = v.kind==KL_NUM;
  rc = kl_dbuf_read(fname, aname, &v, &a->b, pzErr);
  if( rc ) return rc;
  a->dim = a->b.n;
  return SQLITE_OK;
}

/* A rows x cols matrix is square: *dim = rows, or the error. */
static int square(const char *fname, const char *aname, size_t rows,
                  size_t cols, size_t *dim, char **pzErr){
  if( rows!=cols ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: %s has %lld rows of %lld "
                                          "elements; a covariance matrix "
                                          "is square", fname, aname,
                                          (sqlite3_int64)rows,
                                          (sqlite3_int64)cols));
  }
  *dim = rows;
  return SQLITE_OK;
}

/* A flat covariance of n numbers is d x d: *dim = d, or the error. */
static int flat_square(const char *fname, const char *aname, size_t n,
                       size_t *dim, char **pzErr){
  /* exact for perfect squares: sqrt is correctly rounded */
  size_t d = (size_t)llround(sqrt((double)n));
  if( d*d!=n ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: %s has %lld element%s, not d*d "
                                          "for a d x d covariance (row-major)",
                                          fname, aname, (sqlite3_int64)n,
                                          n==1 ? "" : "s"));
  }
  *dim = d;
  return SQLITE_OK;
}

static int read_matrix(const char *fname, const char *aname,
                       sqlite3_value *val, mvn_arg *a, char **pzErr){
  size_t rows = 0, cols = 0;
  int rc = SQLITE_OK, matrix = 0;
  if( sqlite3_value_type(val)==SQLITE_BLOB ){
    const unsigned char *p = (const unsigned char*)sqlite3_value_blob(val);
    size_t n = (size_t)sqlite3_value_bytes(val);
    kl_jsonb_info info;
    if( p && kl_jsonb_scan(p, n, &info) && info.all_arrays ){
      rc = kl_jsonb_rows_read(fname, aname, p, n, &info, &a->b, &rows, &cols,
                           pzErr);
      matrix = 1;
    }
  }else if( sqlite3_value_type(val)==SQLITE_TEXT ){
    const char *z = (const char*)sqlite3_value_text(val);
    size_t n = (size_t)sqlite3_value_bytes(val);
    if( z==0 ) return SQLITE_NOMEM;
    if( kl_rows_is_matrix(z, n) ){
      rc = kl_rows_read(fname, aname, z, 0, n, &a->b, &rows, &cols, pzErr);
      matrix = 1;
    }
  }
  if( matrix ){
    if( rc ) return rc;
    return square(fname, aname, rows, cols, &a->dim, pzErr);
  }
  rc = read_vector(fname, aname, val, a, pzErr);
  if( rc ) return rc;
  a->is_num = 0;
  return flat_square(fname, aname, a->b.n, &a->dim, pzErr);
}

int kl_mvn_cov_value(const char *fname, const char *aname, sqlite3_value *val,
                     kl_dbuf *b, size_t *dim, char **pzErr){
  mvn_arg a;
  int rc;
  memset(&a, 0, sizeof a);
  rc = read_matrix(fname, aname, val, &a, pzErr);
  *b = a.b;
  *dim = a.dim;
  return rc;
}

int kl_mvn_mean_value(const char *fname, const char *aname, sqlite3_value *val,
                      kl_dbuf *b, int *is_num, char **pzErr){
  mvn_arg a;
  int rc;
  memset(&a, 0, sizeof a);
  rc = read_vector(fname, aname, val, &a, pzErr);
  *b = a.b;
  *is_num = a.is_num;
  return rc;
}

int kl_mvn_cov_text(const char *fname, const char *aname, const char *z,
                    size_t start, size_t end, kl_dbuf *b, size_t *dim,
                    char **pzErr){
  size_t rows = 0, cols = 0;
  kl_vec v;
  kl_verr err;
  int rc;
  if( kl_rows_is_matrix(z + start, end - start) ){
    rc = kl_rows_read(fname, aname, z, start, end, b, &rows, &cols, pzErr);
    if( rc ) return rc;
    return square(fname, aname, rows, cols, dim, pzErr);
  }
  memset(&err, 0, sizeof err);
  if( kl_vec_text_at(&v, z, start, end, &err) ){
    return kl_fail(pzErr, kl_verr_text(fname, aname, &err));
  }
  rc = kl_dbuf_read(fname, aname, &v, b, pzErr);
  if( rc ) return rc;
  return flat_square(fname, aname, b->n, dim, pzErr);
}

static const char *const mvn_names[4] = { "mu1", "cov1", "mu2", "cov2" };

/* Checks that every argument fits dimension d. */
static int check_dims(const mvn_arg *arg, size_t d, char **pzErr){
  int k;
  for(k=0; k<4; k++){
    if( k==0 || k==2 ){
      if( arg[k].is_num || arg[k].dim==d ) continue;
      return kl_fail(pzErr, sqlite3_mprintf("%s: %s has %lld element%s but "
                                            "cov1 is %lldx%lld", MVN_FNAME,
                                            mvn_names[k],
                                            (sqlite3_int64)arg[k].dim,
                                            arg[k].dim==1 ? "" : "s",
                                            (sqlite3_int64)d,
                                            (sqlite3_int64)d));
    }
    if( arg[k].dim!=d ){
      return kl_fail(pzErr, sqlite3_mprintf("%s: %s is %lldx%lld but cov1 is "
                                            "%lldx%lld", MVN_FNAME,
                                            mvn_names[k],
                                            (sqlite3_int64)arg[k].dim,
                                            (sqlite3_int64)arg[k].dim,
                                            (sqlite3_int64)d,
                                            (sqlite3_int64)d));
    }
  }
  return SQLITE_OK;
}

/* Spreads a plain number over d elements. */
static int broadcast(mvn_arg *a, size_t d){
  double x, *p;
  size_t i;
  if( !a->is_num || d==1 ) return SQLITE_OK;
  x = a->b.p[0];
  p = (double*)sqlite3_realloc64(a->b.p, d*sizeof(double));
  if( p==0 ) return SQLITE_NOMEM;
  for(i=0; i<d; i++) p[i] = x;
  a->b.p = p;
  a->b.n = a->b.cap = d;
  return SQLITE_OK;
}

static int mvn_fail(const kl_mvn_err *e, char **pzErr){
  const char *m = e->which==1 ? "cov1" : "cov2";
  char x[40], y[40];
  if( e->code==KL_MVN_ASYMMETRIC ){
    kl_format_number(e->a, 0, x);
    kl_format_number(e->b, 0, y);
    return kl_fail(pzErr, sqlite3_mprintf("%s: %s is not symmetric: "
                                          "%s[%lld][%lld] is %s but "
                                          "%s[%lld][%lld] is %s", MVN_FNAME,
                                          m, m, (sqlite3_int64)e->i,
                                          (sqlite3_int64)e->j, x, m,
                                          (sqlite3_int64)e->j,
                                          (sqlite3_int64)e->i, y));
  }
  return kl_fail(pzErr, sqlite3_mprintf("%s: %s is not positive definite "
                                        "(Cholesky fails at row %lld)",
                                        MVN_FNAME, m, (sqlite3_int64)e->i));
}

/*
** The KL of the four arguments, in nats.  Returns SQLITE_OK, KL_NULL,
** SQLITE_ERROR (*pzErr) or SQLITE_NOMEM.
*/
static int mvn_value(sqlite3_value **argv, double *kl, char **pzErr){
  mvn_arg arg[4];
  double *work = 0;
  kl_mvn_err err;
  size_t d;
  int k, rc = SQLITE_OK;
  for(k=0; k<4; k++){
    if( sqlite3_value_type(argv[k])==SQLITE_NULL ) return KL_NULL;
  }
  memset(arg, 0, sizeof arg);
  for(k=0; k<4 && rc==SQLITE_OK; k++){
    rc = (k & 1) ? read_matrix(MVN_FNAME, mvn_names[k], argv[k], &arg[k],
                               pzErr)
                 : read_vector(MVN_FNAME, mvn_names[k], argv[k], &arg[k],
                               pzErr);
  }
  if( rc ) goto done;
  d = arg[1].dim;
  rc = check_dims(arg, d, pzErr);
  if( rc==SQLITE_OK ) rc = broadcast(&arg[0], d);
  if( rc==SQLITE_OK ) rc = broadcast(&arg[2], d);
  if( rc ) goto done;
  work = (double*)sqlite3_malloc64(2*d*sizeof(double));
  if( work==0 ){
    rc = SQLITE_NOMEM;
    goto done;
  }
  if( kl_mvn(d, arg[0].b.p, arg[1].b.p, arg[2].b.p, arg[3].b.p, work, kl,
             &err) ){
    rc = mvn_fail(&err, pzErr);
  }
done:
  sqlite3_free(work);
  for(k=0; k<4; k++) sqlite3_free(arg[k].b.p);
  return rc;
}

void kl_mvn_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  kl_unit unit = KL_NATS;
  double kl;
  char *zErr = 0;
  int rc = kl_args_unit(MVN_FNAME, argc, argv, 4, &unit, &zErr);
  if( rc==SQLITE_OK ) rc = mvn_value(argv, &kl, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  kl_result_unit(ctx, kl, unit);
}
