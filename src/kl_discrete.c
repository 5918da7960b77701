/*
** kl_discrete.c — divergences between discrete distributions (histograms,
** class frequencies, categorical distributions).
**
**   kl_div(p, q [, unit])         KL(P||Q) = sum p_i ln(p_i/q_i)
**   js_div(p, q [, unit])         Jensen-Shannon divergence, with
**                                 M = (P+Q)/2: (KL(P||M) + KL(Q||M)) / 2
**   js_dist(p, q [, unit])        sqrt(js_div(p, q, unit)), a metric
**   cross_entropy(p, q [, unit])  H(P,Q) = -sum p_i ln q_i
**   entropy(p [, unit])           H(P) = -sum p_i ln p_i
**
** Example:
**   SELECT kl_div('[0.5,0.5]', '[0.9,0.1]');   -- 0.5108256237659907
**
** Rules:
**  (1) p and q are vectors in any of the core's forms (JSON array, float32
**      blob, kl_f64 blob, or a plain number, which broadcasts); they are
**      normalised to sum 1 first, as scipy.stats.entropy does, so raw counts
**      work.  The sums are exact (see kl_xsum in kl_math.h).
**  (2) Bins with p_i = 0 contribute 0.  p_i > 0 with q_i = 0 makes kl_div
**      and cross_entropy +Inf: that is the answer, not an error.  js_div is
**      always finite (at most ln 2).
**  (3) Errors, naming the function, the argument and the index: a negative
**      entry, NaN or +-Inf, a vector that sums to 0 (no distribution) or
**      whose sum exceeds the double range, mismatched lengths, and
**      everything the core refuses.  NULL in gives NULL.
**  (4) Each bin's term is computed in a form that is >= 0 and does not
**      cancel when P and Q are nearly equal (the ratio of the normalised
**      probabilities is formed in double-double arithmetic), and the terms
**      are added with compensated summation, so results are never negative.
**  (5) unit is 'nats' (default), 'bits' or 'bans'; js_dist is the square
**      root of js_div in that unit, as scipy's jensenshannon(p, q, base).
*/
#include "kl_args.h"
SQLITE_EXTENSION_INIT3

#include "kl_sql.h"

#include <math.h>
#include <string.h>

typedef double (*term_fn)(double, double, kl_dd, kl_dd);

typedef struct discrete_kind {
  const char *name;
  int nvec;          /* 2 for (p, q), 1 for entropy(p) */
  term_fn term;
  int root;          /* js_dist: square root of the result */
} discrete_kind;

const discrete_kind kl_div_kind        = { "kl_div", 2, kl_div_term, 0 };
const discrete_kind kl_js_div_kind     = { "js_div", 2, kl_js_term, 0 };
const discrete_kind kl_js_dist_kind    = { "js_dist", 2, kl_js_term, 1 };
const discrete_kind kl_xent_kind       = { "cross_entropy", 2, kl_xent_term, 0 };
const discrete_kind kl_entropy_kind    = { "entropy", 1, kl_xent_term, 0 };

static const char *const pq_names[2] = { "p", "q" };

/* The exact total of a distribution argument, refusing 0 and overflow. */
static int total(sqlite3_context *ctx, const char *fname, const char *aname,
                 const kl_xsum *sum, kl_dd *out){
  *out = kl_xsum_dd(sum);
  if( out->hi > 0.0 && isfinite(out->hi) ) return SQLITE_OK;
  kl_error(ctx, sqlite3_mprintf(out->hi==0.0
             ? "%s: %s sums to 0, so it is not a distribution"
             : "%s: %s sums beyond the double range", fname, aname));
  return SQLITE_ERROR;
}

/* The divergence in nats.  Returns SQLITE_OK, KL_NULL or SQLITE_ERROR. */
static int discrete_value(sqlite3_context *ctx, const discrete_kind *k,
                          sqlite3_value **argv, double *out){
  kl_argv a;
  kl_xsum sums[2];
  kl_dd tot[2];
  kl_sum acc;
  size_t n, i;
  int j, rc;

  /* pass 1: validate and add up */
  rc = kl_args_open(ctx, &a, k->name, pq_names, k->nvec, argv);
  if( rc ) return rc;
  memset(sums, 0, sizeof sums);
  for(;;){
    rc = kl_args_next(ctx, &a, &n);
    if( rc ) return rc;
    if( n==0 ) break;
    for(j=0; j<k->nvec; j++){
      if( kl_args_positive(ctx, &a, j, n, 1) ) return SQLITE_ERROR;
      for(i=0; i<n; i++) kl_xsum_add(&sums[j], a.buf[j][i]);
    }
  }
  for(j=0; j<k->nvec; j++){
    if( total(ctx, k->name, pq_names[j], &sums[j], &tot[j]) ){
      return SQLITE_ERROR;
    }
  }

  /* pass 2: the terms, now that the totals are known */
  rc = kl_args_open(ctx, &a, k->name, pq_names, k->nvec, argv);
  if( rc ) return rc;
  kl_sum_init(&acc);
  for(;;){
    const double *q;
    rc = kl_args_next(ctx, &a, &n);
    if( rc ) return rc;
    if( n==0 ) break;
    q = a.buf[k->nvec - 1];
    for(i=0; i<n; i++){
      kl_sum_add(&acc, k->term(a.buf[0][i], q[i], tot[0], tot[k->nvec - 1]));
    }
  }
  *out = kl_sum_value(&acc);
  return SQLITE_OK;
}

void kl_discrete_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const discrete_kind *k = (const discrete_kind*)sqlite3_user_data(ctx);
  kl_unit unit = KL_NATS;
  double v;
  if( argc > k->nvec && kl_arg_unit(ctx, k->name, argv[k->nvec], &unit) ){
    return;
  }
  if( discrete_value(ctx, k, argv, &v) ) return;
  v = kl_unit_scale(v, unit);
  sqlite3_result_double(ctx, k->root ? sqrt(v) : v);
}
