/*
** sql/dist_sql.c — distributions as values.
**
**   dist(text)                      the canonical spelling of a distribution
**   dist_normal(loc, scale) ... dist_mvn(mu, cov)
**                                   a distribution from SQL values, one
**                                   constructor per family
**   kl(p, q [, unit])               KL(p || q) between two distributions
**   dist_entropy(p [, unit])        the entropy of p (differential for the
**                                   continuous families: it may be < 0)
**   dist_cross_entropy(p, q [, unit])  H(p, q) = H(p) + KL(p || q)
**
** A distribution is text, e.g. 'gamma(2, 3)', 'diag_normal([2,4,6],
** [1,2,3])', 'categorical([0.2, 0.8])', 'mvn([0,0], [[1,0],[0,1]])'.
** The families, their parameters (in the order and meaning of the
** kl_<family> functions) and the grammar are in docs/functions.md, from
** core/dist.c's table.
**
**   SELECT kl('laplace(0, 1)', 'normal(0, 1)');
**   0.0724171927957202
**
** Rules:
**  (1) NULL in gives NULL: any NULL argument, the unit included.  A
**      distribution must be text; its parameters are numbers or JSON
**      arrays, parsed by the extension's one strict, locale-free reader.
**  (2) A family's parameters are a number or a vector each; vectors have
**      one length d and numbers broadcast, which makes a product of d
**      independent components (normal with vectors is written
**      diag_normal); a family with only numbers has d = 1.  categorical
**      and dirichlet take one vector (d its length), mvn a mean (vector or
**      number) and a d x d covariance (a JSON matrix or d*d numbers).
**  (3) Every parameter is checked as the family's own function checks it,
**      and an error names the function, the argument, the family, the
**      parameter and the index or offset:
**        kl: q: gamma: rate[1] must be > 0 (got -1)
**        kl: p: gamma: expected ',' or ')' at offset 9 (found ']')
**  (4) kl() of two distributions of one family runs the family's own
**      function on the same numbers: the same bits as kl_gamma(...) etc.
**      binomial with different n (n1 <= n2 finite, else +Inf) and
**      continuous_bernoulli have their own terms.  Two families take the
**      cross term of core/dist.h's tables; +Inf where p puts mass where q
**      has none (that is a value, not an error); a pair without a closed
**      form is an error listing what the family has.  Both distributions
**      have the same d, or one has only numbers (d = 1) and is taken for
**      the product of d copies, as the kl_<family> functions broadcast
**      numbers: kl('diag_normal([..], [..])', 'normal(0, 1)') is the KL
**      to the standard normal of every dimension.
**  (5) dist() and the constructors return the canonical text: the
**      family's name in lower case, parameters separated by ", ", every
**      number the shortest decimal that reads back as the same double
**      (nothing is lost; '||' in SQL keeps 15 digits in older SQLite),
**      numbers broadcast over vectors written out, a covariance as a JSON
**      matrix.  dist(dist(x)) = dist(x).
*/
#include "args.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"
#include "dist.h"
#include "gauss.h"
#include "mvn.h"

#include <math.h>
#include <string.h>

/* The catalogue's families, as kl_family for kl_family_sum (the macros
** may be left defined by an earlier file of a one-unit build). */
#undef KL_SCALAR
#undef KL_WINDOW
#undef KL_AGG
#undef KL_TABLE
#undef KL_FAMILY
#define KL_SCALAR(...)
#define KL_WINDOW(...)
#define KL_AGG(...)
#define KL_TABLE(...)
#define KL_FAMILY(name, nshared, doms, term, fin, props, upper, bound, \
                  summary, ex, ...) double term(const double *x);
#include "catalogue.h"
#undef KL_FAMILY
#define DIST_NARGS(...) DIST_NARGS_(__VA_ARGS__, 4, 3, 2, 1, 0)
#define DIST_NARGS_(a, b, c, d, n, ...) n
#define KL_FAMILY(name, nshared, doms, term, fin, props, upper, bound, \
                  summary, ex, ...) \
  { name, doms, term, fin, DIST_NARGS(__VA_ARGS__), { __VA_ARGS__ } },
static const kl_family dist_kl_families[] = {
#include "catalogue.h"
};
#undef KL_SCALAR
#undef KL_WINDOW
#undef KL_AGG
#undef KL_TABLE
#undef KL_FAMILY

static const kl_family *dist_kl_family(const char *name){
  size_t i;
  for(i=0; i<sizeof dist_kl_families/sizeof dist_kl_families[0]; i++){
    if( strcmp(dist_kl_families[i].name, name)==0 ) return &dist_kl_families[i];
  }
  return 0;
}

/* One distribution argument, parsed and checked. */
typedef struct dist_val {
  kl_dist d;
  const char *z;              /* its text */
  size_t n;
  kl_vec v[KL_DIST_MAXP];     /* each parameter, opened, not yet read */
  size_t dim;                 /* d (rule 2) */
  int is_vec;                 /* some parameter is a vector */
  char pre[72];               /* "kl: p: gamma", for messages */
  kl_dbuf mu, cov;            /* mvn: read whole */
  int mu_num;                 /* mvn: the mean is a number */
} dist_val;

static void dist_val_free(dist_val *x){
  sqlite3_free(x->mu.p);
  sqlite3_free(x->cov.p);
  x->mu.p = x->cov.p = 0;
}

/* The family names, for the message about an unknown one. */
static void dist_family_list(sqlite3_str *s){
  int f;
  for(f=1; f<KL_D_COUNT; f++){
    sqlite3_str_appendf(s, "%s%s", f>1 ? ", " : "", kl_dfams[f].name);
    if( kl_dfams[f].vname ) sqlite3_str_appendf(s, ", %s", kl_dfams[f].vname);
  }
}

static int dist_parse_fail(const char *where, const char *z,
                           const kl_dist *d, const kl_dist_err *e,
                           char **pzErr){
  sqlite3_str *s = sqlite3_str_new(0);
  sqlite3_str_appendf(s, "%s: ", where);
  switch( e->code ){
    case KL_DIST_NAME:
      sqlite3_str_appendf(s, "expected a family name at offset %lld",
                          (sqlite3_int64)e->off);
      break;
    case KL_DIST_FAMILY:
      sqlite3_str_appendall(s, "unknown family '");
      kl_echo(s, z + e->off, e->len);
      sqlite3_str_appendall(s, "' (the families: ");
      dist_family_list(s);
      sqlite3_str_appendall(s, ")");
      return kl_fail(pzErr, kl_str_done(s));
    case KL_DIST_NARGS: {
      const kl_dfam_info *f = d->fam;
      sqlite3_str_appendf(s, "%s takes %d parameter%s (%s%s%s), not %d",
                          f->name, f->nparam, f->nparam==1 ? "" : "s",
                          f->names[0], f->nparam>1 ? ", " : "",
                          f->nparam>1 ? f->names[1] : "", e->got);
      return kl_fail(pzErr, kl_str_done(s));
    }
    case KL_DIST_NUMBER:
      sqlite3_str_appendf(s, "%s: malformed number at offset %lld: expected "
                          "%s", d->fam->name, (sqlite3_int64)e->off,
                          e->expected);
      break;
    default:   /* KL_DIST_SYNTAX comes after the family is known */
      sqlite3_str_appendf(s, "%s: ", d->fam->name);
      sqlite3_str_appendf(s, "expected %s at offset %lld", e->expected,
                          (sqlite3_int64)e->off);
      break;
  }
  if( e->found<0 ){
    sqlite3_str_appendall(s, " (found the end of the text)");
  }else{
    char c = (char)e->found;
    sqlite3_str_appendall(s, " (found '");
    kl_echo(s, &c, 1);
    sqlite3_str_appendall(s, "')");
  }
  return kl_fail(pzErr, kl_str_done(s));
}

/* Reads a vector or number (opened as v) whole onto b. */
static int dist_read_all(const char *pre, const char *aname, kl_vec v,
                         kl_dbuf *b, char **pzErr){
  return kl_dbuf_read(pre, aname, &v, b, pzErr);
}

/* The mvn checks: mu fits the covariance, which is symmetric and
** positive definite (by its Cholesky factor, on a copy). */
static int dist_check_mvn(dist_val *x, char **pzErr){
  kl_mvn_err e;
  double *work, h;
  size_t d = x->dim;
  int rc = SQLITE_OK;
  if( !x->mu_num && x->mu.n!=d ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: mu has %lld element%s but cov "
                                          "is %lldx%lld", x->pre,
                                          (sqlite3_int64)x->mu.n,
                                          x->mu.n==1 ? "" : "s",
                                          (sqlite3_int64)d, (sqlite3_int64)d));
  }
  work = (double*)sqlite3_malloc64((d*d + d)*sizeof(double));
  if( work==0 ) return SQLITE_NOMEM;
  memcpy(work, x->cov.p, d*d*sizeof(double));
  if( kl_mvn_entropy(d, work, work + d*d, &h, &e) ){
    char a[40], b[40];
    if( e.code==KL_MVN_ASYMMETRIC ){
      kl_format_number(e.a, 0, a);
      kl_format_number(e.b, 0, b);
      rc = kl_fail(pzErr, sqlite3_mprintf("%s: cov is not symmetric: "
                                          "cov[%lld][%lld] is %s but "
                                          "cov[%lld][%lld] is %s", x->pre,
                                          (sqlite3_int64)e.i,
                                          (sqlite3_int64)e.j, a,
                                          (sqlite3_int64)e.j,
                                          (sqlite3_int64)e.i, b));
    }else{
      rc = kl_fail(pzErr, sqlite3_mprintf("%s: cov is not positive definite "
                                          "(Cholesky fails at row %lld)",
                                          x->pre, (sqlite3_int64)e.i));
    }
  }
  sqlite3_free(work);
  return rc;
}

/*
** Checks the opened parameters of x against the family's domains and
** finds d; for mvn reads the mean and covariance whole.
*/
static int dist_check(dist_val *x, char **pzErr){
  const kl_dfam_info *f = x->d.fam;
  kl_argv a;
  size_t n;
  int k, rc, positive = 0;
  if( f->kind==KL_DK_MVN ){
    const kl_dparam *c = &x->d.prm[1];
    rc = dist_read_all(x->pre, "mu", x->v[0], &x->mu, pzErr);
    if( rc ) return rc;
    x->mu_num = x->v[0].kind==KL_NUM;
    if( c->vec ){
      rc = kl_mvn_cov_text(x->pre, "cov", x->z, c->off, c->off + c->len,
                           &x->cov, &x->dim, pzErr);
    }else{
      rc = kl_dbuf_append(&x->cov, &c->num, 1);
      x->dim = 1;
    }
    if( rc ) return rc;
    x->is_vec = 1;
    return dist_check_mvn(x, pzErr);
  }
  kl_args_open_vecs(&a, x->pre, f->names, f->nparam, x->v);
  for(;;){
    rc = kl_args_next(&a, &n, pzErr);
    if( rc ) return rc;
    if( n==0 ) break;
    for(k=0; k<f->nparam; k++){
      int ref;
      kl_dom dom = kl_dom_of(f->doms[k], &ref);
      rc = kl_args_check(&a, k, n, dom, ref, pzErr);
      if( rc ) return rc;
    }
    if( f->kind==KL_DK_CATEG ){
      size_t i;
      for(i=0; i<n; i++) positive |= a.buf[0][i] > 0.0;
    }
  }
  x->is_vec = a.nvec > 0;
  x->dim = x->is_vec ? a.done : 1;
  if( f->kind==KL_DK_CATEG && !positive ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: probs sums to 0, so it is not "
                                          "a distribution", x->pre));
  }
  return SQLITE_OK;
}

/* pre = "a: b" (or a alone for b = 0), within the buffer's 72 bytes: the
** messages' prefix, made for every call, so without printf. */
static void dist_prefix(char *pre, const char *a, const char *b){
  size_t cap = sizeof(((dist_val*)0)->pre) - 1;
  size_t n = strlen(a), m = b ? strlen(b) : 0;   /* n < cap: a is a name */
  memmove(pre, a, n);
  if( b && n + 2 + m <= cap ){
    memcpy(pre + n, ": ", 2);
    memcpy(pre + n + 2, b, m);
    n += 2 + m;
  }
  pre[n] = 0;
}

/*
** Parses and checks the distribution argument val of function fname
** (which: "p", "q", or 0 for the only one).  Returns SQLITE_OK,
** SQLITE_ERROR (*pzErr) or SQLITE_NOMEM; x is the caller's to free with
** dist_val_free() in every case.
*/
static int dist_open(const char *fname, const char *which, sqlite3_value *val,
                     dist_val *x, char **pzErr){
  kl_dist_err e;
  int k;
  memset(x, 0, sizeof *x);
  dist_prefix(x->pre, fname, which);
  if( sqlite3_value_type(val)!=SQLITE_TEXT ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: a distribution is text, such "
                                          "as 'normal(0, 1)' (got %s)",
                                          x->pre,
                                          sqlite3_value_type(val)==SQLITE_BLOB
                                          ? "a blob" : "a number"));
  }
  x->z = (const char*)sqlite3_value_text(val);
  x->n = (size_t)sqlite3_value_bytes(val);
  if( x->z==0 ) return SQLITE_NOMEM;
  if( kl_dist_parse(x->z, x->n, &x->d, &e) ){
    return dist_parse_fail(x->pre, x->z, &x->d, &e, pzErr);
  }
  /* from here on, messages name the family too */
  dist_prefix(x->pre, x->pre, x->d.fam->name);
  for(k=0; k<x->d.fam->nparam; k++){
    const kl_dparam *p = &x->d.prm[k];
    kl_verr err;
    memset(&err, 0, sizeof err);
    if( p->vec ){
      if( x->d.fam->kind==KL_DK_MVN && k==1 ) continue;   /* a matrix */
      if( kl_vec_text_at(&x->v[k], x->z, p->off, p->off + p->len, &err) ){
        return kl_fail(pzErr, kl_verr_text(x->pre, x->d.fam->names[k], &err));
      }
    }else if( !isfinite(p->num) ){
      err.code = KL_ERR_RANGE;
      err.scalar = 1;
      err.offset = p->off;
      return kl_fail(pzErr, kl_verr_text(x->pre, x->d.fam->names[k], &err));
    }else{
      kl_vec_number(&x->v[k], p->num);
    }
  }
  if( x->d.fam->kind==KL_DK_CATEG || x->d.fam->kind==KL_DK_DIRICHLET ){
    if( !x->d.prm[0].vec ){
      return kl_fail(pzErr, sqlite3_mprintf("%s: %s is a vector (a JSON "
                                            "array)", x->pre,
                                            x->d.fam->names[0]));
    }
  }
  return dist_check(x, pzErr);
}

/* ------------------------------------------------------------ printing */

static void dist_put_number(sqlite3_str *s, double x){
  char buf[40];
  kl_format_number(x, 0, buf);
  sqlite3_str_appendall(s, buf);
}

/* Appends parameter v (a number broadcast to dim, or a vector) as JSON. */
static int dist_put_vector(sqlite3_str *s, const char *pre, const char *aname,
                           kl_vec v, size_t dim, char **pzErr){
  double buf[KL_CHUNK];
  size_t i, got, k = 0;
  sqlite3_str_appendchar(s, 1, '[');
  if( v.kind==KL_NUM ){
    for(i=0; i<dim; i++){
      if( i ) sqlite3_str_appendchar(s, 1, ',');
      dist_put_number(s, v.num);
    }
  }else{
    for(;;){
      kl_verr err;
      memset(&err, 0, sizeof err);
      if( kl_vec_read(&v, buf, KL_CHUNK, &got, &err) ){
        return kl_fail(pzErr, kl_verr_text(pre, aname, &err));
      }
      if( got==0 ) break;
      for(i=0; i<got; i++, k++){
        if( k ) sqlite3_str_appendchar(s, 1, ',');
        dist_put_number(s, buf[i]);
      }
    }
  }
  sqlite3_str_appendchar(s, 1, ']');
  return SQLITE_OK;
}

/* The canonical text of a checked distribution (rule 5) as the result. */
static void dist_result_text(sqlite3_context *ctx, dist_val *x){
  const kl_dfam_info *f = x->d.fam;
  sqlite3_str *s = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  char *zErr = 0, *z;
  int k, rc = SQLITE_OK;
  sqlite3_str_appendall(s, x->is_vec && f->vname ? f->vname : f->name);
  sqlite3_str_appendchar(s, 1, '(');
  if( f->kind==KL_DK_MVN ){
    size_t i, j, d = x->dim;
    sqlite3_str_appendchar(s, 1, '[');
    for(i=0; i<d; i++){
      if( i ) sqlite3_str_appendchar(s, 1, ',');
      dist_put_number(s, x->mu.p[x->mu_num ? 0 : i]);
    }
    sqlite3_str_appendall(s, "], [");
    for(i=0; i<d; i++){
      sqlite3_str_appendall(s, i ? ",[" : "[");
      for(j=0; j<d; j++){
        if( j ) sqlite3_str_appendchar(s, 1, ',');
        dist_put_number(s, x->cov.p[i*d + j]);
      }
      sqlite3_str_appendchar(s, 1, ']');
    }
    sqlite3_str_appendchar(s, 1, ']');
  }else{
    for(k=0; k<f->nparam && rc==SQLITE_OK; k++){
      if( k ) sqlite3_str_appendall(s, ", ");
      if( x->is_vec ){
        rc = dist_put_vector(s, x->pre, f->names[k], x->v[k], x->dim, &zErr);
      }else{
        dist_put_number(s, x->v[k].num);
      }
    }
  }
  sqlite3_str_appendchar(s, 1, ')');
  if( rc ){
    sqlite3_free(sqlite3_str_finish(s));
    kl_ctx_err(ctx, rc, &zErr);
    return;
  }
  rc = sqlite3_str_errcode(s);
  z = sqlite3_str_finish(s);
  if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else if( rc ){
    sqlite3_result_error_toobig(ctx);
  }else{
    sqlite3_result_text(ctx, z, -1, sqlite3_free);
    return;
  }
  sqlite3_free(z);
}

void kl_dist_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  dist_val x;
  char *zErr = 0;
  int rc;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  rc = dist_open("dist", 0, argv[0], &x, &zErr);
  if( !kl_ctx_err(ctx, rc, &zErr) ) dist_result_text(ctx, &x);
  dist_val_free(&x);
}

/*
** dist_<family>(params...): the family in the user data; the parameters
** are SQL values in any vector form, checked as the family's function
** checks them, written out as dist() writes them.
*/
void kl_dist_make_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const kl_dfam_info *f = (const kl_dfam_info*)sqlite3_user_data(ctx);
  dist_val x;
  kl_argv a;
  char *zErr = 0;
  int k, rc = SQLITE_OK;
  (void)argc;
  if( kl_any_null(f->nparam, argv) ) return;
  memset(&x, 0, sizeof x);
  x.d.fam = f;
  sqlite3_snprintf(sizeof x.pre, x.pre, "dist_%s", f->name);
  if( f->kind==KL_DK_MVN ){
    rc = kl_mvn_mean_value(x.pre, "mu", argv[0], &x.mu, &x.mu_num, &zErr);
    if( rc==SQLITE_OK ){
      rc = kl_mvn_cov_value(x.pre, "cov", argv[1], &x.cov, &x.dim, &zErr);
    }
    if( rc==SQLITE_OK ) rc = dist_check_mvn(&x, &zErr);
    x.is_vec = 1;
  }else{
    rc = kl_args_open(&a, x.pre, f->names, f->nparam, argv, 0, &zErr);
    if( rc==SQLITE_OK ){
      for(k=0; k<f->nparam; k++) x.v[k] = a.v[k];
      if( (f->kind==KL_DK_CATEG || f->kind==KL_DK_DIRICHLET)
       && x.v[0].kind==KL_NUM ){
        rc = kl_fail(&zErr, sqlite3_mprintf("%s: %s is a vector", x.pre,
                                            f->names[0]));
      }else{
        rc = dist_check(&x, &zErr);
      }
    }
  }
  if( !kl_ctx_err(ctx, rc, &zErr) ) dist_result_text(ctx, &x);
  dist_val_free(&x);
}

/* ------------------------------------------------------------- the KL */

/* The message for a pair without a term: what p's family has. */
static int dist_no_pair(const char *fname, const dist_val *p,
                        const dist_val *q, char **pzErr){
  sqlite3_str *s = sqlite3_str_new(0);
  int f, any = 0;
  sqlite3_str_appendf(s, "%s: no closed form for %s || %s; %s has one "
                      "against: ", fname, p->d.fam->name, q->d.fam->name,
                      p->d.fam->name);
  for(f=1; f<KL_D_COUNT; f++){
    if( f==(int)p->d.fam->fam || kl_dist_pair(p->d.fam->fam, (kl_dfam)f) ){
      sqlite3_str_appendf(s, "%s%s", any ? ", " : "", kl_dfams[f].name);
      any = 1;
    }
  }
  return kl_fail(pzErr, kl_str_done(s));
}

/* The two distributions have the same d, or one has only numbers and
** broadcasts over the other's components (rule 4). */
static int dist_same_dim(const char *fname, const dist_val *p,
                         const dist_val *q, char **pzErr){
  if( p->dim==q->dim || !p->is_vec || !q->is_vec ) return SQLITE_OK;
  return kl_fail(pzErr, sqlite3_mprintf("%s: p has %lld dimension%s but q has "
                                        "%lld", fname, (sqlite3_int64)p->dim,
                                        p->dim==1 ? "" : "s",
                                        (sqlite3_int64)q->dim));
}

/*
** Sums term over the components: term(x, x + np) with x holding p's
** parameters then q's (kl) or only p's (entropy: q == 0, eterm).
*/
static int dist_components(const char *fname, const dist_val *p,
                           const dist_val *q, kl_pair_term term,
                           kl_ent_term eterm, double *out, char **pzErr){
  const char *names[KL_MAXARGS];
  kl_vec v[KL_MAXARGS];
  kl_argv a;
  kl_sum acc;
  size_t n, i;
  int np = p->d.fam->nparam, nq = q ? q->d.fam->nparam : 0, k, rc;
  for(k=0; k<np; k++){
    v[k] = p->v[k];
    names[k] = p->d.fam->names[k];
  }
  for(k=0; k<nq; k++){
    v[np + k] = q->v[k];
    names[np + k] = q->d.fam->names[k];
  }
  kl_args_open_vecs(&a, fname, names, np + nq, v);
  kl_sum_init(&acc);
  for(;;){
    rc = kl_args_next(&a, &n, pzErr);
    if( rc ) return rc;
    if( n==0 ) break;
    for(i=0; i<n; i++){
      double x[KL_MAXARGS];
      for(k=0; k<np + nq; k++) x[k] = a.buf[k][i];
      kl_sum_add(&acc, q ? term(x, x + np) : eterm(x));
    }
  }
  *out = kl_sum_value(&acc);
  if( isnan(*out) ){
    return kl_fail_not_computable(fname, pzErr);
  }
  return SQLITE_OK;
}

/* Whether every component of two binomials has the same n. */
static int dist_same_n(const dist_val *p, const dist_val *q){
  kl_vec v[2];
  kl_argv a;
  size_t n, i;
  char *zErr = 0;
  static const char *const names[2] = { "n", "n" };
  v[0] = p->v[0];
  v[1] = q->v[0];
  kl_args_open_vecs(&a, "kl", names, 2, v);
  for(;;){
    /* read before: cannot fail */
    if( kl_args_next(&a, &n, &zErr) ){
      sqlite3_free(zErr);
      return 0;
    }
    if( n==0 ) return 1;
    for(i=0; i<n; i++){
      if( a.buf[0][i]!=a.buf[1][i] ) return 0;
    }
  }
}

/* KL(p || q) in nats, both of one family (rule 4). */
static int dist_kl_same(const char *fname, dist_val *p, dist_val *q,
                        double *out, char **pzErr){
  const kl_dfam_info *f = p->d.fam;
  kl_vec v[KL_MAXARGS];
  kl_argv a;
  const kl_family *fam;
  switch( f->kind ){
    case KL_DK_CATEG: {
      int scale;
      v[0] = p->v[0];
      v[1] = q->v[0];
      return kl_discrete_vecs(&kl_div_kind, fname, v, out, &scale, pzErr);
    }
    case KL_DK_DIRICHLET: {
      static const char *const names[2] = { "alpha", "alpha" };
      v[0] = p->v[0];
      v[1] = q->v[0];
      return kl_dirichlet_vecs(fname, names, v, out, pzErr);
    }
    case KL_DK_MVN: {
      size_t d = p->dim, i;
      kl_mvn_err e;
      double *w = (double*)sqlite3_malloc64((2*d*d + 4*d)*sizeof(double));
      double *c1 = w, *c2 = w + d*d, *m1 = c2 + d*d, *m2 = m1 + d;
      int rc = SQLITE_OK;
      if( w==0 ) return SQLITE_NOMEM;
      memcpy(c1, p->cov.p, d*d*sizeof(double));
      memcpy(c2, q->cov.p, d*d*sizeof(double));
      for(i=0; i<d; i++){
        m1[i] = p->mu.p[p->mu_num ? 0 : i];
        m2[i] = q->mu.p[q->mu_num ? 0 : i];
      }
      if( kl_mvn(d, m1, c1, m2, c2, m2 + d, out, &e) ){
        /* both were checked when opened */
        rc = kl_fail(pzErr, sqlite3_mprintf("%s: cov is not positive "
                                            "definite", fname));
      }
      sqlite3_free(w);
      return rc;
    }
    default:
      break;
  }
  if( f->fam==KL_D_NORMAL ){
    static const char *const names[4] = { "loc", "scale", "loc", "scale" };
    if( !p->is_vec && !q->is_vec ){
      /* kl_gauss's road for four plain numbers */
      *out = kl_gauss_term(p->v[0].num, p->v[1].num, q->v[0].num,
                           q->v[1].num);
      return SQLITE_OK;
    }
    v[0] = p->v[0]; v[1] = p->v[1]; v[2] = q->v[0]; v[3] = q->v[1];
    kl_args_open_vecs(&a, fname, names, 4, v);
    return kl_gauss_args(&a, out, pzErr);
  }
  if( f->fam==KL_D_BINOMIAL ){
    if( !dist_same_n(p, q) ){
      /* core/dist_discrete.c's table has binomial || binomial for any n */
      return dist_components(fname, p, q,
                             kl_dist_pair(KL_D_BINOMIAL, KL_D_BINOMIAL), 0,
                             out, pzErr);
    }
    v[0] = p->v[0]; v[1] = p->v[1]; v[2] = q->v[1];
  }else{
    int k;
    for(k=0; k<f->nparam; k++){
      v[k] = p->v[k];
      v[f->nparam + k] = q->v[k];
    }
  }
  fam = f->same ? dist_kl_family(f->same) : 0;
  if( fam==0 ){
    /* continuous_bernoulli: its own term, in core/cbern.c's table */
    return dist_components(fname, p, q, kl_dist_pair(f->fam, f->fam), 0, out,
                           pzErr);
  }
  kl_args_open_vecs(&a, fname, fam->names, fam->nparam, v);
  return kl_family_sum(fam, &a, out, pzErr);
}

static int dist_kl_nats(const char *fname, dist_val *p, dist_val *q,
                        double *out, char **pzErr){
  kl_pair_term t;
  int rc = dist_same_dim(fname, p, q, pzErr);
  if( rc ) return rc;
  if( p->d.fam==q->d.fam ) return dist_kl_same(fname, p, q, out, pzErr);
  /* the tables hold pairs of component families only */
  t = kl_dist_pair(p->d.fam->fam, q->d.fam->fam);
  if( t==0 ) return dist_no_pair(fname, p, q, pzErr);
  return dist_components(fname, p, q, t, 0, out, pzErr);
}

/* The entropy of p in nats. */
static int dist_entropy_nats(const char *fname, dist_val *p, double *out,
                             char **pzErr){
  const kl_dfam_info *f = p->d.fam;
  switch( f->kind ){
    case KL_DK_CATEG: {
      int scale;
      return kl_discrete_vecs(&kl_entropy_kind, fname, p->v, out, &scale,
                              pzErr);
    }
    case KL_DK_DIRICHLET: {
      kl_dbuf b;
      int rc;
      memset(&b, 0, sizeof b);
      rc = dist_read_all(fname, "alpha", p->v[0], &b, pzErr);
      if( rc==SQLITE_OK ) *out = kl_dirichlet_entropy(b.p, b.n);
      sqlite3_free(b.p);
      return rc;
    }
    case KL_DK_MVN: {
      size_t d = p->dim;
      kl_mvn_err e;
      double *w = (double*)sqlite3_malloc64((d*d + d)*sizeof(double));
      int rc = SQLITE_OK;
      if( w==0 ) return SQLITE_NOMEM;
      memcpy(w, p->cov.p, d*d*sizeof(double));
      if( kl_mvn_entropy(d, w, w + d*d, out, &e) ){
        rc = kl_fail(pzErr, sqlite3_mprintf("%s: cov is not positive "
                                            "definite", fname));
      }
      sqlite3_free(w);
      return rc;
    }
    default:
      /* every component family has its entropy in one of the tables
      ** (tests/dist_extremes.sql calls each; docs' table of pairs shows it) */
      return dist_components(fname, p, 0, 0, kl_dist_entropy_term(f->fam), out,
                             pzErr);
  }
}

typedef enum { DIST_KL, DIST_ENTROPY, DIST_XENT } dist_what;

/* kl, dist_entropy and dist_cross_entropy: which in the user data. */
void kl_dist_value_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  static const char *const fnames[3] = { "kl", "dist_entropy",
                                         "dist_cross_entropy" };
  dist_what what = (dist_what)(sqlite3_user_data(ctx)==0 ? DIST_KL
                   : *(const int*)sqlite3_user_data(ctx));
  const char *fname = fnames[what];
  int ndist = what==DIST_ENTROPY ? 1 : 2;
  dist_val p, q;
  kl_unit unit = KL_NATS;
  double v = 0.0, h = 0.0;
  char *zErr = 0;
  int rc;
  memset(&p, 0, sizeof p);
  memset(&q, 0, sizeof q);
  rc = kl_args_unit(fname, argc, argv, ndist, &unit, &zErr);
  if( rc==SQLITE_OK ) rc = dist_open(fname, "p", argv[0], &p, &zErr);
  if( rc==SQLITE_OK && ndist==2 ){
    rc = dist_open(fname, "q", argv[1], &q, &zErr);
  }
  if( rc==SQLITE_OK ){
    switch( what ){
      case DIST_KL:
        rc = dist_kl_nats(fname, &p, &q, &v, &zErr);
        break;
      case DIST_ENTROPY:
        rc = dist_entropy_nats(fname, &p, &v, &zErr);
        break;
      case DIST_XENT:
        if( p.d.fam==q.d.fam && p.d.fam->kind==KL_DK_CATEG ){
          /* the cross-entropy's own form: no difference of two sums */
          kl_vec w[2];
          int scale;
          w[0] = p.v[0];
          w[1] = q.v[0];
          rc = dist_same_dim(fname, &p, &q, &zErr);
          if( rc==SQLITE_OK ){
            rc = kl_discrete_vecs(&kl_xent_kind, fname, w, &v, &scale,
                                  &zErr);
          }
          break;
        }
        rc = dist_kl_nats(fname, &p, &q, &v, &zErr);
        if( rc==SQLITE_OK ) rc = dist_entropy_nats(fname, &p, &h, &zErr);
        /* p broadcast over q's d components is their product */
        if( !p.is_vec && q.is_vec ) h *= (double)q.dim;
        if( rc==SQLITE_OK ) v = isinf(v) ? v : h + v;
        break;
    }
  }
  if( !kl_ctx_err(ctx, rc, &zErr) ) kl_result_unit(ctx, v, unit);
  dist_val_free(&p);
  dist_val_free(&q);
}

const int kl_dist_entropy_what = DIST_ENTROPY;
const int kl_dist_xent_what = DIST_XENT;
