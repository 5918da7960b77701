/*
** sql/dentropy_sql.c — differential entropy estimated from a sample, as
** scipy.stats.differential_entropy (scipy 1.10) computes it.
**
**   differential_entropy(x [, options])      x one sample (any vector form,
**                                            or a plain number: one value)
**   differential_entropy_agg(x [, options])  the values of the rows of a
**                                            group, one number per row
**
**   SELECT differential_entropy('[0.1, 0.7, 1.3, 2.2, 2.9, 3.5]');
**   SELECT feature, differential_entropy_agg(value, 'method=ebrahimi')
**     FROM obs GROUP BY feature;
**
** The estimators and their arithmetic are core/dentropy.c's (its rules
** (1)-(7)).  Rules of the SQL functions:
**  (1) NULL: the scalar returns NULL when x or the options are NULL; the
**      aggregate skips a row whose x or options are NULL and returns NULL
**      for a group without a value.  The scalar with an empty vector is an
**      error.
**  (2) Values are finite numbers (NaN and +-Inf are errors naming the
**      argument and the index, or the row).
**  (3) options: one text of comma-separated key=value items, keys in any
**      letter case, each at most once, '' for none (sql/args.c,
**      kl_opts_parse):
**        method         vasicek | van es | ebrahimi | correa | auto
**                       (default auto: van es for n <= 10, ebrahimi for
**                       n <= 1000, vasicek beyond)
**        window_length  a whole number >= 1 (default floor(sqrt(n) + 0.5))
**        unit           nats | bits | bans (default nats)
**      A plain SQL number instead of the text is the window_length:
**      differential_entropy(x, 3) = differential_entropy(x,
**      'window_length=3').  The aggregate's options must be the same on
**      every row.
**  (4) The window length must satisfy 2 window_length < n (scipy's rule):
**      otherwise an error naming window_length, its value (or that it is
**      the default) and n.  So the default needs n >= 5, window_length=1
**      n >= 3; a sample of 1 or 2 values has no estimate.
**  (5) Ties: where scipy would take ln 0 (-inf, or NaN for correa: m+1
**      equal values at an end of the sorted sample, 2m+1 equal values
**      anywhere, or m+1 anywhere for van es) the call is an error naming the
**      tied value, how many times it occurs, the window length and the
**      method; never a -Inf result.
**  (6) The result is in nats unless the unit says otherwise (bits = nats /
**      ln 2); it may be negative (a differential entropy is).
**  (7) The aggregate keeps its values: O(n) memory, at most SQLite's
**      length limit (SQLITE_LIMIT_LENGTH bytes of doubles; a clear error
**      beyond it) and n doubles more while it sorts them; the work is
**      O(n) for every method (a radix sort, then one pass).  It is a
**      plain aggregate: SQLite refuses it as a window function
**      ("differential_entropy_agg() may not be used as a window
**      function"): a frame's estimate needs its values sorted afresh.
*/
#include "args.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"
#include "dentropy.h"

#include <string.h>

#define DE_FNAME "differential_entropy"
#define DE_AGG_FNAME "differential_entropy_agg"

enum { DE_OPT_METHOD, DE_OPT_WINDOW, DE_OPT_UNIT, DE_NOPT };

/* The options, parsed from val (NULL: none). */
static int de_options(const char *fname, sqlite3_value *val, kl_opt *o,
                      char **pzErr){
  memset(o, 0, DE_NOPT*sizeof *o);
  o[DE_OPT_METHOD].key = "method";
  o[DE_OPT_METHOD].kind = KL_OPT_WORD;
  o[DE_OPT_METHOD].words = KL_DE_WORDS;
  o[DE_OPT_WINDOW].key = "window_length";
  o[DE_OPT_WINDOW].kind = KL_OPT_COUNT;
  o[DE_OPT_UNIT].key = "unit";
  o[DE_OPT_UNIT].kind = KL_OPT_UNIT;
  if( val==0 ) return SQLITE_OK;
  return kl_opts_parse(fname, "options", val, o, DE_NOPT, pzErr);
}

/* "fname: the sample has ties ...": the tied value x[where] of the sorted
** sample, and how many times it occurs */
static int de_ties_error(const char *fname, const double *x, size_t n,
                         size_t where, size_t m, kl_de_method meth,
                         char **pzErr){
  size_t a = where, b = where;
  char buf[32];
  while( a>0 && x[a-1]==x[where] ) a--;
  while( b+1<n && x[b+1]==x[where] ) b++;
  kl_format_number(x[where], 0, buf);
  return kl_fail(pzErr, sqlite3_mprintf(
    "%s: the sample has ties wider than the window (log of a zero "
    "spacing): %llu values equal to %s, window_length %llu, method %s",
    fname, (unsigned long long)(b - a + 1), buf, (unsigned long long)m,
    kl_de_name(kl_de_resolve(meth, n))));
}

/*
** The estimate over the sample x (sorted here, in place) with the options
** val, in *unit's unit's terms: *out in nats.  SQLITE_OK, SQLITE_ERROR
** (*pzErr) or SQLITE_NOMEM.
*/
static int de_value(const char *fname, kl_dbuf *x, sqlite3_value *val,
                    double *out, kl_unit *unit, char **pzErr){
  kl_opt o[DE_NOPT];
  kl_de_method meth;
  size_t n = x->n, m, where;
  double *work;
  int rc = de_options(fname, val, o, pzErr);
  if( rc!=SQLITE_OK ){ kl_opts_free(o, DE_NOPT); return rc; }
  meth = o[DE_OPT_METHOD].set ? (kl_de_method)o[DE_OPT_METHOD].word
                              : KL_DE_AUTO;
  *unit = o[DE_OPT_UNIT].set ? o[DE_OPT_UNIT].unit : KL_NATS;
  if( o[DE_OPT_WINDOW].set ){
    sqlite3_int64 w = o[DE_OPT_WINDOW].n;
    kl_opts_free(o, DE_NOPT);
    if( w < 1 || (sqlite3_uint64)w > (n - 1)/2 ){
      return kl_fail(pzErr, sqlite3_mprintf(
        "%s: options: window_length must be less than half the sample "
        "size (got %lld with %llu values)", fname, (long long)w,
        (unsigned long long)n));
    }
    m = (size_t)w;
  }else{
    kl_opts_free(o, DE_NOPT);
    if( n < 3 ){
      return kl_fail(pzErr, sqlite3_mprintf(
        "%s: a sample of %llu value%s is too small (2 window_length < n "
        "needs at least 3 values)", fname, (unsigned long long)n,
        n==1 ? "" : "s"));
    }
    m = kl_de_default_window(n);
    if( m > (n - 1)/2 ){
      return kl_fail(pzErr, sqlite3_mprintf(
        "%s: the default window_length floor(sqrt(n) + 0.5) = %llu is not "
        "less than half the sample size (%llu values): give window_length=1",
        fname, (unsigned long long)m, (unsigned long long)n));
    }
  }
  work = sqlite3_malloc64(n*sizeof *work);
  if( work==0 ) return SQLITE_NOMEM;
  kl_de_sort(x->p, n, work);
  sqlite3_free(work);
  rc = kl_de_estimate(x->p, n, m, meth, out, &where);
  if( rc==KL_DE_TIES ) return de_ties_error(fname, x->p, n, where, m, meth,
                                            pzErr);
  /* KL_DE_WINDOW cannot happen: 1 <= m <= (n-1)/2 above */
  return SQLITE_OK;
}

void kl_dentropy_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  kl_dbuf x;
  kl_unit unit = KL_NATS;
  double h = 0.0;
  char *zErr = 0;
  int rc;
  if( kl_any_null(argc, argv) ){ sqlite3_result_null(ctx); return; }
  memset(&x, 0, sizeof x);
  rc = kl_sample_read(DE_FNAME, "x", argv[0], &x, &zErr);
  if( rc==SQLITE_OK ){
    rc = de_value(DE_FNAME, &x, argc > 1 ? argv[1] : 0, &h, &unit, &zErr);
  }
  sqlite3_free(x.p);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  kl_result_unit(ctx, h, unit);
}

static const kl_sagg_spec de_agg_spec = { DE_AGG_FNAME, -1, -1, 1, 0 };

static void de_agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  kl_sagg *g = sqlite3_aggregate_context(ctx, sizeof *g);
  char *zErr = 0;
  if( g==0 ){ sqlite3_result_error_nomem(ctx); return; }
  kl_ctx_err(ctx, kl_sagg_step(g, &de_agg_spec, ctx, argc, argv, &zErr),
             &zErr);
}

static void de_agg_final(sqlite3_context *ctx){
  kl_sagg *g = sqlite3_aggregate_context(ctx, 0);
  kl_unit unit = KL_NATS;
  double h = 0.0;
  char *zErr = 0;
  int rc;
  if( g==0 ){ sqlite3_result_null(ctx); return; }
  if( g->x[0].n==0 ){
    sqlite3_result_null(ctx);
    kl_sagg_free(g);
    return;
  }
  rc = de_value(DE_AGG_FNAME, &g->x[0], g->opt, &h, &unit, &zErr);
  kl_sagg_free(g);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  kl_result_unit(ctx, h, unit);
}

const kl_window_impl kl_dentropy_agg_impl = {
  de_agg_step, de_agg_final, 0, 0
};
