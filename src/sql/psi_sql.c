/*
** sql/psi_sql.c — the population stability index on histograms, and the
** drift divergences of raw samples binned on the reference's quantiles.
**
**   psi(p, q [, options])               PSI of two histograms:
**                                       sum (a - b) ln(a / b), a = p/sum p,
**                                       b = q/sum q
**   psi_agg(p, q [, options])           the same over rows, each row one
**                                       bin (numbers) or a chunk of bins
**                                       (vectors), as kl_div_agg's rows
**   psi_samples(x, ref [, options])     PSI of two raw samples binned
**   js_samples(x, ref [, options])      Jensen–Shannon divergence of them
**   kl_samples(x, ref [, options])      KL(P || Q), P = x's histogram
**   psi_samples_agg(x, is_reference [, options]), js_samples_agg(...),
**   kl_samples_agg(...)                 the same over rows: is_reference = 0
**                                       puts the row's x in the current
**                                       sample (x, P), 1 in the reference
**                                       (ref, Q)
**
** Example:
**   SELECT psi('[10,20,30]', '[20,20,20]');   -- 0.183102048111352
**
** Rules (the numerics and the numpy that reproduces them are core/psi.c's
** rules 1 to 6):
**  (1) psi and psi_agg: p and q are histograms in any vector form (JSON
**      array, float32 blob, kl_f64 blob, or a plain number, which
**      broadcasts), entries >= 0 and finite, of equal length; each must sum
**      to more than 0.  Options: epsilon (a finite number in [0, 1],
**      default 1e-4; a plain number as the options argument is epsilon)
**      and unit (nats, bits, bans).  A proportion that is exactly 0 becomes
**      epsilon, without renormalising; epsilon = 0 gives +Inf for a bin
**      empty on one side only.
**  (2) The sample functions: x and ref are samples of finite numbers (any
**      vector form, or one number).  Options: bins (a whole number >= 1,
**      default 10; a plain number as the options argument is bins), edges
**      (a JSON array of at least 2 finite, strictly increasing numbers;
**      a text starting with '[' as the options argument is edges),
**      epsilon and unit as in (1).  bins and edges together are an error.
**      Without edges, the cut points are the reference's quantiles at
**      i/bins; with edges, the inner edges; the outer edges are always
**      open, so every value is counted.  Then psi as in (1); js_samples
**      and kl_samples replace empty proportions by epsilon too and
**      renormalise (scipy.stats.entropy's and jensenshannon's
**      normalisation).  kl_samples is KL(current || reference).
**  (3) NULL: a scalar with a NULL argument gives NULL before any check;
**      an aggregate skips a row with a NULL argument; an aggregate with no
**      kept row (psi_agg), or with one of its two samples empty (the
**      sample aggregates), gives NULL.
**  (4) The aggregates keep their rows' values (psi_agg 16 bytes a bin, the
**      sample aggregates 8 bytes a value: O(n) memory, within SQLite's
**      length limit per kept array, with an error past it, never a
**      truncation) and compute in xFinal; they are plain aggregates, not
**      window functions (SQLite refuses OVER for them).  The options must
**      be the same on every row.
**  (5) Errors name the function, the argument, and the index or row:
**      "psi: p[2] must be >= 0 (got -1)", "psi_samples_agg: row 3:
**      is_reference must be 0 or 1 (got 2)", "psi_samples: options: bins
**      and edges cannot both be given".
**  (6) Cost: psi O(n) time and O(1) memory (the arguments are read twice,
**      chunk by chunk); the sample functions O(m log B + (n + m) log k)
**      on average (O(m log m) at worst) for a reference of m values, n
**      current values, B quantile bins and k distinct ones, O(n + m + B)
**      memory.
*/
#include "args.h"
#include "psi.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"

#include <math.h>
#include <string.h>

struct kl_drift_def {
  const char *name;       /* the scalar's SQL name */
  const char *agg_name;   /* the aggregate's */
  kl_drift_kind kind;
};

const kl_drift_def kl_drift_psi_def = { "psi_samples", "psi_samples_agg",
                                        KL_DRIFT_PSI };
const kl_drift_def kl_drift_js_def = { "js_samples", "js_samples_agg",
                                       KL_DRIFT_JS };
const kl_drift_def kl_drift_kl_def = { "kl_samples", "kl_samples_agg",
                                       KL_DRIFT_KL };

static const char *const psi_pq_names[2] = { "p", "q" };

/* ------------------------------------------------------------- options */

enum { PSI_O_EPS, PSI_O_UNIT, PSI_NOPT };
enum { PSI_D_BINS, PSI_D_EDGES, PSI_D_EPS, PSI_D_UNIT, PSI_D_NOPT };

/* epsilon, checked beyond the args layer's "finite and >= 0": at most 1. */
static int psi_eps_check(const char *fname, const kl_opt *o, double *eps,
                         char **pzErr){
  char buf[40];
  if( !o->set ){
    *eps = KL_PSI_EPS_DEFAULT;
    return SQLITE_OK;
  }
  if( o->r > 1.0 ){
    kl_format_number(o->r, 0, buf);
    return kl_fail(pzErr, sqlite3_mprintf("%s: options: epsilon must be <= 1 "
                                          "(got %s)", fname, buf));
  }
  *eps = o->r;
  return SQLITE_OK;
}

/* psi's options: val may be NULL (none given). */
static int psi_opts(const char *fname, sqlite3_value *val, double *eps,
                    kl_unit *unit, char **pzErr){
  kl_opt o[PSI_NOPT];
  int rc = SQLITE_OK;
  memset(o, 0, sizeof o);
  o[PSI_O_EPS].key = "epsilon";
  o[PSI_O_EPS].kind = KL_OPT_REAL;
  o[PSI_O_UNIT].key = "unit";
  o[PSI_O_UNIT].kind = KL_OPT_UNIT;
  if( val ) rc = kl_opts_parse(fname, "options", val, o, PSI_NOPT, pzErr);
  if( rc==SQLITE_OK ) rc = psi_eps_check(fname, &o[PSI_O_EPS], eps, pzErr);
  *unit = o[PSI_O_UNIT].set ? o[PSI_O_UNIT].unit : KL_NATS;
  kl_opts_free(o, PSI_NOPT);
  return rc;
}

/* The sample functions' options: val may be NULL.  On success the caller
** frees o with kl_opts_free (the edges). */
static int psi_drift_opts(const char *fname, sqlite3_value *val, kl_opt *o,
                      double *eps, kl_unit *unit, char **pzErr){
  int rc = SQLITE_OK;
  memset(o, 0, PSI_D_NOPT*sizeof *o);
  o[PSI_D_BINS].key = "bins";
  o[PSI_D_BINS].kind = KL_OPT_COUNT;
  o[PSI_D_EDGES].key = "edges";
  o[PSI_D_EDGES].kind = KL_OPT_EDGES;
  o[PSI_D_EPS].key = "epsilon";
  o[PSI_D_EPS].kind = KL_OPT_REAL;
  o[PSI_D_UNIT].key = "unit";
  o[PSI_D_UNIT].kind = KL_OPT_UNIT;
  if( val ) rc = kl_opts_parse(fname, "options", val, o, PSI_D_NOPT, pzErr);
  if( rc==SQLITE_OK && o[PSI_D_BINS].set && o[PSI_D_EDGES].set ){
    rc = kl_fail(pzErr, sqlite3_mprintf("%s: options: bins and edges cannot "
                                        "both be given", fname));
  }
  if( rc==SQLITE_OK ) rc = psi_eps_check(fname, &o[PSI_D_EPS], eps, pzErr);
  *unit = o[PSI_D_UNIT].set ? o[PSI_D_UNIT].unit : KL_NATS;
  if( rc ) kl_opts_free(o, PSI_D_NOPT);
  return rc;
}

/* ------------------------------------------------------------ psi */

static int psi_total_err(const char *fname, int which, char **pzErr){
  return kl_fail(pzErr, sqlite3_mprintf("%s: %s sums to 0, so it is not a "
                                        "distribution", fname,
                                        psi_pq_names[which - 1]));
}

/*
** psi over argv[0], argv[1] (p, q), read twice chunk by chunk: the checks
** and totals, then the terms.
*/
static int psi_value(sqlite3_value **argv, double eps, double *out,
                     char **pzErr){
  const char *fname = "psi";
  kl_psi s;
  kl_argv a;
  kl_sum acc;
  size_t n, i;
  int rc, pass, j;
  kl_psi_init(&s, eps);
  kl_sum_init(&acc);
  for(pass=0; pass<2; pass++){
    rc = kl_args_open(&a, fname, psi_pq_names, 2, argv, 0, pzErr);
    if( rc ) return rc;
    for(;;){
      rc = kl_args_next(&a, &n, pzErr);
      if( rc ) return rc;
      if( n==0 ) break;
      if( pass==1 ){
        for(i=0; i<n; i++){
          kl_sum_add(&acc, kl_psi_term(&s, a.buf[0][i], a.buf[1][i]));
        }
        continue;
      }
      for(j=0; j<2; j++){
        rc = kl_args_check(&a, j, n, KL_DOM_NONNEG, 0, pzErr);
        if( rc ) return rc;
      }
      kl_psi_add(&s, a.buf[0], a.buf[1], n);
    }
    if( pass==0 ){
      rc = kl_psi_ready(&s);
      if( rc ) return psi_total_err(fname, rc, pzErr);
    }
  }
  *out = kl_sum_value(&acc);
  return SQLITE_OK;
}

void kl_psi_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  kl_unit unit;
  double eps, v = 0.0;
  char *zErr = 0;
  int rc;
  if( kl_any_null(argc, argv) ) return;
  rc = psi_opts("psi", argc > 2 ? argv[2] : 0, &eps, &unit, &zErr);
  if( rc==SQLITE_OK ) rc = psi_value(argv, eps, &v, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  kl_result_unit(ctx, v, unit);
}

/* ------------------------------------------------------------ psi_agg */

/* The rows' bins, and the first kept row's options (a copy). */
typedef struct psi_agg {
  kl_dbuf p, q;
  sqlite3_value *opt;
  sqlite3_int64 rows;
} psi_agg;

static int psi_agg_row(psi_agg *g, sqlite3_context *ctx, int argc,
                       sqlite3_value **argv, char **pzErr){
  const char *fname = "psi_agg";
  sqlite3_int64 maxbytes;
  size_t n, before = g->p.n;
  kl_argv a;
  int rc, j;
  if( argc > 2 ){
    if( g->opt==0 ){
      g->opt = sqlite3_value_dup(argv[2]);
      if( g->opt==0 ) return SQLITE_NOMEM;
    }else if( !kl_value_same(g->opt, argv[2]) ){
      return kl_fail(pzErr, sqlite3_mprintf("%s: the options must be the "
                                            "same on every row", fname));
    }
  }
  maxbytes = sqlite3_limit(sqlite3_context_db_handle(ctx),
                           SQLITE_LIMIT_LENGTH, -1);
  rc = kl_args_open(&a, fname, psi_pq_names, 2, argv, 0, pzErr);
  while( rc==SQLITE_OK ){
    rc = kl_args_next(&a, &n, pzErr);
    if( rc || n==0 ) break;
    for(j=0; j<2 && rc==SQLITE_OK; j++){
      rc = kl_args_check(&a, j, n, KL_DOM_NONNEG, 0, pzErr);
    }
    if( rc ) break;
    if( (sqlite3_int64)(g->p.n + n) > maxbytes/(sqlite3_int64)sizeof(double) ){
      rc = kl_fail(pzErr, sqlite3_mprintf("%s: a histogram of more than %lld "
                   "bins (the aggregate keeps its bins, at most SQLite's "
                   "length limit of %lld bytes each for p and q)", fname,
                   maxbytes/(sqlite3_int64)sizeof(double), maxbytes));
      break;
    }
    rc = kl_dbuf_append(&g->p, a.buf[0], n);
    if( rc==SQLITE_OK ) rc = kl_dbuf_append(&g->q, a.buf[1], n);
    if( rc ) break;
    g->q.n = g->p.n;
  }
  if( rc ){
    g->p.n = g->q.n = before;   /* the row is not kept */
    return rc;
  }
  g->rows++;
  return SQLITE_OK;
}

static void psi_agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  psi_agg *g;
  char *zErr = 0;
  if( kl_any_null(argc, argv) ) return;
  g = (psi_agg*)sqlite3_aggregate_context(ctx, sizeof *g);
  if( g==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  kl_ctx_err(ctx, psi_agg_row(g, ctx, argc, argv, &zErr), &zErr);
}

static void psi_agg_final(sqlite3_context *ctx){
  psi_agg *g = (psi_agg*)sqlite3_aggregate_context(ctx, 0);
  kl_psi *s = 0;
  kl_unit unit;
  kl_sum acc;
  double eps;
  size_t i;
  char *zErr = 0;
  int rc;
  if( g==0 ) return;
  if( g->rows==0 ) goto done;   /* NULL */
  rc = psi_opts("psi_agg", g->opt, &eps, &unit, &zErr);
  if( rc==SQLITE_OK ){
    s = (kl_psi*)sqlite3_malloc64(sizeof *s);
    if( s==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    kl_psi_init(s, eps);
    kl_psi_add(s, g->p.p, g->q.p, g->p.n);
    rc = kl_psi_ready(s);
    if( rc ) rc = psi_total_err("psi_agg", rc, &zErr);
  }
  if( kl_ctx_err(ctx, rc, &zErr) ) goto done;
  kl_sum_init(&acc);
  for(i=0; i<g->p.n; i++) kl_sum_add(&acc, kl_psi_term(s, g->p.p[i],
                                                       g->q.p[i]));
  kl_result_unit(ctx, kl_sum_value(&acc), unit);
done:
  sqlite3_free(s);
  sqlite3_free(g->p.p);
  sqlite3_free(g->q.p);
  sqlite3_value_free(g->opt);
  memset(g, 0, sizeof *g);
}

const kl_window_impl kl_psi_agg_impl = { psi_agg_step, psi_agg_final, 0, 0 };

/* ------------------------------------------------------ sample drift */

/*
** The divergence of kind k between the current sample x[0..nx) and the
** reference ref[0..nr) (both non-empty)
** under the parsed options o, in nats (ref is reordered: kl_psi_cuts).
** SQLITE_OK, SQLITE_ERROR (*pzErr) or SQLITE_NOMEM.
*/
static int psi_drift_value(const kl_drift_def *k, const char *fname,
                       sqlite3 *db, const double *x, size_t nx, double *ref,
                       size_t nr, const kl_opt *o, double eps, double *out,
                       char **pzErr){
  sqlite3_int64 maxbytes = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1);
  sqlite3_int64 maxbins = maxbytes/(sqlite3_int64)sizeof(double);
  double *cut = 0, *count;
  const double *cuts;
  size_t ncut, nbin;
  if( o[PSI_D_EDGES].set ){
    const kl_dbuf *e = &o[PSI_D_EDGES].edges;
    cuts = e->p + 1;
    ncut = e->n - 2;
  }else{
    sqlite3_int64 bins = o[PSI_D_BINS].set ? o[PSI_D_BINS].n
                                             : KL_PSI_BINS_DEFAULT;
    if( bins > maxbins ){
      return kl_fail(pzErr, sqlite3_mprintf("%s: options: bins must be at "
                     "most %lld (got %lld): the bins are kept as doubles, "
                     "within SQLite's length limit of %lld bytes", fname,
                     maxbins, bins, maxbytes));
    }
    ncut = 0;
    if( bins > 1 ){
      /* the cut points, then room for the ranks they read */
      cut = (double*)sqlite3_malloc64((sqlite3_uint64)(bins - 1)
                                      *(sizeof(double) + 2*sizeof(size_t)));
      if( cut==0 ) return SQLITE_NOMEM;
      ncut = kl_psi_cuts(ref, nr, (size_t)bins, cut,
                         (size_t*)(void*)(cut + (bins - 1)));
    }
    cuts = cut;
  }
  nbin = ncut + 1;
  count = (double*)sqlite3_malloc64((sqlite3_uint64)nbin*2*sizeof(double));
  if( count==0 ){
    sqlite3_free(cut);
    return SQLITE_NOMEM;
  }
  memset(count, 0, nbin*2*sizeof(double));
  kl_psi_count(cuts, ncut, x, nx, count);
  kl_psi_count(cuts, ncut, ref, nr, count + nbin);
  *out = kl_psi_drift(k->kind, count, count + nbin, nbin, eps);
  sqlite3_free(count);
  sqlite3_free(cut);
  return SQLITE_OK;
}

void kl_drift_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const kl_drift_def *k = (const kl_drift_def*)sqlite3_user_data(ctx);
  kl_opt o[PSI_D_NOPT];
  kl_dbuf x, r;
  kl_unit unit = KL_NATS;
  double eps = 0.0, v = 0.0;
  char *zErr = 0;
  int rc;
  if( kl_any_null(argc, argv) ) return;
  memset(&x, 0, sizeof x);
  memset(&r, 0, sizeof r);
  rc = psi_drift_opts(k->name, argc > 2 ? argv[2] : 0, o, &eps, &unit, &zErr);
  if( rc ){
    kl_ctx_err(ctx, rc, &zErr);
    return;
  }
  rc = kl_sample_read(k->name, "x", argv[0], &x, &zErr);
  if( rc==SQLITE_OK ) rc = kl_sample_read(k->name, "ref", argv[1], &r, &zErr);
  if( rc==SQLITE_OK ){
    rc = psi_drift_value(k, k->name, sqlite3_context_db_handle(ctx), x.p, x.n,
                     r.p, r.n, o, eps, &v, &zErr);
  }
  if( kl_ctx_err(ctx, rc, &zErr)==SQLITE_OK ) kl_result_unit(ctx, v, unit);
  sqlite3_free(x.p);
  sqlite3_free(r.p);
  kl_opts_free(o, PSI_D_NOPT);
}

static void psi_drift_step(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv){
  const kl_drift_def *k = (const kl_drift_def*)sqlite3_user_data(ctx);
  kl_sagg_spec spec;
  kl_sagg *g;
  char *zErr = 0;
  g = (kl_sagg*)sqlite3_aggregate_context(ctx, sizeof *g);
  if( g==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  spec.fname = k->agg_name;
  spec.iref = 1;
  spec.iw = -1;
  spec.iopt = 2;
  spec.vec = 0;
  kl_ctx_err(ctx, kl_sagg_step(g, &spec, ctx, argc, argv, &zErr), &zErr);
}

static void psi_drift_final(sqlite3_context *ctx){
  const kl_drift_def *k = (const kl_drift_def*)sqlite3_user_data(ctx);
  kl_sagg *g = (kl_sagg*)sqlite3_aggregate_context(ctx, 0);
  kl_opt o[PSI_D_NOPT];
  kl_unit unit = KL_NATS;
  double eps = 0.0, v = 0.0;
  char *zErr = 0;
  int rc;
  if( g==0 ) return;
  if( g->x[0].n==0 || g->x[1].n==0 ){
    kl_sagg_free(g);   /* a sample is empty: NULL */
    return;
  }
  rc = psi_drift_opts(k->agg_name, g->opt, o, &eps, &unit, &zErr);
  if( rc==SQLITE_OK ){
    rc = psi_drift_value(k, k->agg_name, sqlite3_context_db_handle(ctx),
                     g->x[0].p, g->x[0].n, g->x[1].p, g->x[1].n, o, eps, &v,
                     &zErr);
    kl_opts_free(o, PSI_D_NOPT);
  }
  if( kl_ctx_err(ctx, rc, &zErr)==SQLITE_OK ) kl_result_unit(ctx, v, unit);
  kl_sagg_free(g);
}

const kl_window_impl kl_drift_agg_impl = { psi_drift_step, psi_drift_final,
                                           0, 0 };
