/*
** sql/discrete_sql.c — divergences between discrete distributions (histograms,
** class frequencies, categorical distributions).
**
**   kl_div(p, q [, unit])         KL(P||Q) = sum p_i ln(p_i/q_i)
**   js_div(p, q [, unit])         Jensen-Shannon divergence, with
**                                 M = (P+Q)/2: (KL(P||M) + KL(Q||M)) / 2
**   js_dist(p, q [, unit])        sqrt(js_div(p, q, unit)), a metric
**   cross_entropy(p, q [, unit])  H(P,Q) = -sum p_i ln q_i
**   entropy(p [, unit])           H(P) = -sum p_i ln p_i
**   kl_div_logits(a, b [, unit])  KL(softmax(a) || softmax(b)), for logits
**                                 or log-probabilities
**
**   kl_div_agg(p, q [, unit]), js_div_agg(p, q [, unit]),
**   cross_entropy_agg(p, q [, unit]), entropy_agg(p [, unit])
**                                 the same over rows: each row is one bin
**                                 (numbers) or a chunk of bins (vectors),
**                                 normalised at the end over all rows;
**                                 also window functions
**
** Example:
**   SELECT kl_div('[0.5,0.5]', '[0.9,0.1]');   -- 0.5108256237659907
**
** Rules:
**  (1) p and q are vectors in any of the core's forms (JSON array, float32
**      blob, kl_f64 blob, or a plain number, which broadcasts); they are
**      normalised to sum 1 first, as scipy.stats.entropy does, so raw counts
**      work.  The sums are exact (see kl_xsum in core/numeric.h).
**  (2) Bins with p_i = 0 contribute 0.  p_i > 0 with q_i = 0 makes kl_div
**      and cross_entropy +Inf: that is the answer, not an error.  js_div is
**      always finite (at most ln 2).
**  (3) Errors, naming the function, the argument and the index: a negative
**      entry, NaN or +-Inf, a vector that sums to 0 (no distribution),
**      mismatched lengths, and everything the core refuses.  NULL in gives
**      NULL.  A total is never formed as a double: it may be anywhere from
**      the smallest subnormal (5e-324) to beyond DBL_MAX ('[1e308,1e308]'),
**      and only the ratios of the entries to it matter.
**  (4) Each bin's term is computed in a form that is >= 0 and does not
**      cancel when P and Q are nearly equal (the ratio of the normalised
**      probabilities is formed in double-double arithmetic), and the terms
**      are added with compensated summation, so results are never negative.
**  (5) unit is 'nats' (default), 'bits' or 'bans'; js_dist is the square
**      root of js_div in that unit, as scipy's jensenshannon(p, q, base).
**  (6) kl_div_logits: entries are finite or -Inf (probability 0); NaN and
**      +Inf are errors, as is a vector with no finite entry.  Softmax is
**      taken with log-sum-exp, so logits of +-1e4 do not overflow, and no
**      probability is formed where it would underflow to matter.
**  (7) The aggregates skip rows with a NULL argument, as SUM does; an empty
**      or all-NULL group gives NULL; the unit must be the same on every
**      row.  kl_div_agg, cross_entropy_agg and entropy_agg keep O(1)
**      state (core/stream.h: exact P, Q and a sum of p times a
**      double-double logarithm), so a step, an inverse step and a value
**      each cost O(1) beyond reading the row, and a running window over N
**      rows O(N); their bound is stream.h's.  js_div_agg keeps the rows'
**      bins (16 bytes each: each bin's term depends on P/Q inside its
**      logarithm, so an exact result needs them) and computes from them as
**      js_div would on the concatenated vectors; a window result costs time
**      linear in its frame, so a running window over N rows O(N^2).  Both
**      kinds give a window exactly what recomputing its frame gives.
*/
#include "args.h"
#include "discrete.h"
#include "stream.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"

#include <math.h>
#include <string.h>

struct discrete_kind {
  const char *name;
  int nvec;          /* 2 for (p, q), 1 for entropy(p) */
  kl_term_fn term;
  int root;          /* js_dist: square root of the result */
  int stream;        /* aggregates: a kl_stream_kind, or -1 (keeps bins) */
};

const discrete_kind kl_div_kind     = { "kl_div", 2, kl_div_term, 0, -1 };
const discrete_kind kl_js_div_kind  = { "js_div", 2, kl_js_term, 0, -1 };
const discrete_kind kl_js_dist_kind = { "js_dist", 2, kl_js_term, 1, -1 };
const discrete_kind kl_xent_kind    = { "cross_entropy", 2, kl_xent_term, 0,
                                        -1 };
const discrete_kind kl_entropy_kind = { "entropy", 1, kl_xent_term, 0, -1 };
const discrete_kind kl_div_agg_kind     = { "kl_div_agg", 2, kl_div_term, 0,
                                            KL_STREAM_KL };
const discrete_kind kl_js_div_agg_kind  = { "js_div_agg", 2, kl_js_term, 0,
                                            -1 };
const discrete_kind kl_xent_agg_kind    = { "cross_entropy_agg", 2,
                                            kl_xent_term, 0, KL_STREAM_XENT };
const discrete_kind kl_entropy_agg_kind = { "entropy_agg", 1, kl_xent_term, 0,
                                            KL_STREAM_ENTROPY };

static const char *const pq_names[2] = { "p", "q" };

/*
** The exact total of a distribution argument, as m 2^e (m.hi in [1/2, 1)),
** so that a total anywhere from 2^-1074 to beyond DBL_MAX is usable;
** refuses 0.
*/
static int total(const char *fname, const char *aname, const kl_xsum *sum,
                 kl_dd *m, int *e, char **pzErr){
  *m = kl_total_frexp(sum, e);
  if( m->hi > 0.0 ) return SQLITE_OK;
  return kl_fail(pzErr, sqlite3_mprintf("%s: %s sums to 0, so it is not a "
                                        "distribution", fname, aname));
}

static int totals(const discrete_kind *k, const kl_xsum *sums, kl_totals *t,
                  kl_tparts *parts, char **pzErr){
  kl_dd tot[2];
  int j, rc, e[2] = { 0, 0 };
  for(j=0; j<k->nvec; j++){
    rc = total(k->name, pq_names[j], &sums[j], &tot[j], &e[j], pzErr);
    if( rc ) return rc;
  }
  if( k->nvec==1 ){
    tot[1] = tot[0];
    e[1] = e[0];
  }
  kl_totals_init_exp(t, tot[0], e[0], tot[1], e[1]);
  kl_totals_exact(t, &sums[0], &sums[k->nvec - 1], parts);
  return SQLITE_OK;
}

/* The kernel of the fast path (core/discrete.h) of each scalar function. */
static kl_fast_kind fast_kind(const discrete_kind *k){
  if( k->term==kl_div_term ) return KL_FAST_KL;
  if( k->term==kl_js_term ) return KL_FAST_JS;
  return KL_FAST_XENT;
}

/*
** totals() from the scalar functions' fast exact sums, and the fast path's
** constants.  The careful terms' constants (logarithms of the totals) are
** made only where some bin may take a careful term.
*/
static int fast_totals(const discrete_kind *k, kl_fsum *sums, int f32,
                       kl_totals *t, kl_tparts *parts, kl_fast *f,
                       char **pzErr){
  kl_dd tot[2] = { { 0.0, 0.0 }, { 0.0, 0.0 } };
  int j, e[2] = { 0, 0 }, inexact[2] = { 0, 0 };
  for(j=0; j<k->nvec; j++){
    tot[j] = kl_fsum_frexp(&sums[j], &e[j], &inexact[j]);
    if( !(tot[j].hi > 0.0) ){
      return kl_fail(pzErr, sqlite3_mprintf("%s: %s sums to 0, so it is not "
                                            "a distribution", k->name,
                                            pq_names[j]));
    }
  }
  if( k->nvec==1 ){
    tot[1] = tot[0];
    e[1] = e[0];
    inexact[1] = inexact[0];
  }
  t->Ps = tot[0];
  t->ep = e[0];
  t->Qs = tot[1];
  t->eq = e[1];
  kl_fast_init(f, t, &sums[0], &sums[k->nvec - 1]);
  /* a total beyond a double-double: the kernels' cross difference would
  ** be that much off for nearly equal bins, so every bin takes the
  ** careful term, which has the totals' further parts (kl_totals_exact) */
  if( inexact[0] | inexact[1] ) f->ok = 0;
  /* js_dist's rescaled pass (js_terms_at) reads all of t */
  if( k->root || !kl_fast_alone(f, fast_kind(k), f32) ){
    kl_totals_init_exp(t, tot[0], e[0], tot[1], e[1]);
    kl_totals_exact(t, sums[0].spilled ? &sums[0].x : 0,
                    sums[k->nvec - 1].spilled ? &sums[k->nvec - 1].x : 0,
                    parts);
  }
  return SQLITE_OK;
}

/*
** The fast path's float32 road: when every argument is a float32 blob and
** all have the same length, the blobs are read in place (no chunks decoded
** into the argument layer's buffers), once for the totals and once for
** the terms.  Returns SQLITE_OK with *done set, or with *done = 0 when the
** road does not apply or some element is negative, NaN or infinite (the
** chunked road then reads the arguments again and words the error).
*/
static int f32_value(const discrete_kind *k, const kl_argv *a,
                     kl_fsum *sums, kl_totals *tot, kl_tparts *parts,
                     kl_sum *acc, int *done, char **pzErr){
  const unsigned char *x[2];
  kl_fast fast;
  size_t n = a->v[0].count;
  int j, rc;
  *done = 0;
  for(j=0; j<k->nvec; j++){
    if( a->v[j].kind!=KL_F32 || a->v[j].count!=n ) return SQLITE_OK;
  }
  for(j=0; j<k->nvec; j++){
    x[j] = a->v[j].p;
    if( kl_fsum_add_f32(&sums[j], x[j], n) ){
      kl_fsum_init(&sums[0]);     /* the chunked road starts again */
      kl_fsum_init(&sums[1]);
      return SQLITE_OK;
    }
  }
  rc = fast_totals(k, sums, 1, tot, parts, &fast, pzErr);
  if( rc ) return rc;
  kl_fast_accum_f32(fast_kind(k), &fast, x[0], x[k->nvec - 1], n, acc);
  *done = 1;
  return SQLITE_OK;
}

/*
** The result in the unit, with js_dist's square root.  scale is the power
** of two (even) by which nats was made larger, so that a divergence too
** small for the double range can still give its square root.
*/
static void result(sqlite3_context *ctx, const discrete_kind *k, double nats,
                   int scale, kl_unit unit){
  double v = kl_unit_scale(nats, unit);
  sqlite3_result_double(ctx, k->root ? ldexp(sqrt(v), -scale/2) : v);
}

/*
** js_dist of a divergence below 2^-900 (a few bins far below their
** totals): the sum of the terms loses precision as it nears the
** subnormals, and may underflow to 0 where its square root would not, so
** the terms are added again 2^s times larger (kl_js_term_at): s = 1022
** for a sum still normal, else 2040 (the true sum is then below about
** 2^-1021, since each term was off by at most 2^-1074, so it stays below
** 2^1019 at scale, and it is at least about 2^-2200).
*/
#define ROOT_RESCALE_BELOW 0x1p-900

static void js_terms_at(const double *p, const double *q, size_t n,
                        const kl_totals *t, int s, kl_sum *acc){
  size_t i;
  for(i=0; i<n; i++) kl_sum_add(acc, kl_js_term_at(p[i], q[i], t, s));
}

/*
** The divergence in nats of the call's vector arguments, times 2^*scale,
** read twice: once to validate and add up, once for the terms (and, for
** js_dist of a divergence below ROOT_RESCALE_BELOW, a third time for the
** terms at scale).  Returns SQLITE_OK, KL_NULL, SQLITE_ERROR (*pzErr) or
** SQLITE_NOMEM.
*/
int kl_discrete_vecs(const discrete_kind *k, const char *fname,
                     const kl_vec *v, double *out, int *scale,
                     char **pzErr){
  kl_argv a;
  kl_fsum sums[2];
  kl_totals tot;
  kl_tparts parts;
  kl_fast fast;
  kl_sum acc;
  size_t n;
  int j, rc, pass, done;

  kl_fsum_init(&sums[0]);
  kl_fsum_init(&sums[1]);
  kl_sum_init(&acc);
  *scale = 0;
  for(pass=0; pass<3; pass++){
    if( pass==2 ){
      double v = kl_sum_value(&acc);
      if( !k->root || !(v < ROOT_RESCALE_BELOW) ) break;
      *scale = v >= 0x1p-1022 ? 1022 : 2040;
      kl_sum_init(&acc);
    }
    kl_args_open_vecs(&a, fname, pq_names, k->nvec, v);
    if( pass==0 ){
      /* float32 blobs: both readings in place, then on to pass 2 */
      rc = f32_value(k, &a, sums, &tot, &parts, &acc, &done, pzErr);
      if( rc ) return rc;
      if( done ){
        pass = 1;
        continue;
      }
    }
    for(;;){
      rc = kl_args_next(&a, &n, pzErr);
      if( rc ) return rc;
      if( n==0 ) break;
      if( pass==2 ){
        js_terms_at(a.buf[0], a.buf[1], n, &tot, *scale, &acc);
        continue;
      }
      if( pass==1 ){
        kl_fast_accum(fast_kind(k), &fast, a.buf[0], a.buf[k->nvec - 1], n,
                      &acc);
        continue;
      }
      for(j=0; j<k->nvec; j++){
        if( kl_fsum_add(&sums[j], a.buf[j], n) ){
          /* a negative entry: the check words it */
          return kl_args_check(&a, j, n, KL_DOM_NONNEG, 0, pzErr);
        }
      }
    }
    if( pass==0 ){
      rc = fast_totals(k, sums, 0, &tot, &parts, &fast, pzErr);
      if( rc ) return rc;
    }
  }
  *out = kl_sum_value(&acc);
  return SQLITE_OK;
}

static int discrete_value(const discrete_kind *k, sqlite3_value **argv,
                          double *out, int *scale, char **pzErr){
  kl_argv a;
  int rc = kl_args_open(&a, k->name, pq_names, k->nvec, argv, 0, pzErr);
  if( rc ) return rc;
  return kl_discrete_vecs(k, k->name, a.v, out, scale, pzErr);
}

void kl_discrete_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const discrete_kind *k = (const discrete_kind*)sqlite3_user_data(ctx);
  kl_unit unit = KL_NATS;
  double v;
  char *zErr = 0;
  int scale;
  int rc = kl_args_unit(k->name, argc, argv, k->nvec, &unit, &zErr);
  if( rc==SQLITE_OK ) rc = discrete_value(k, argv, &v, &scale, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  result(ctx, k, v, scale, unit);
}

/* --------------------------------------------------------------- logits */

static const char *const ab_names[2] = { "a", "b" };

static int logits_value(sqlite3_value **argv, double *out, char **pzErr){
  const char *fname = "kl_div_logits";
  double max_a = -INFINITY, max_b = -INFINITY, best_b = -INFINITY;
  double best_a = 0.0;
  kl_logit_acc acc;
  kl_logit_norm nm;
  kl_sum sum;
  kl_argv a;
  size_t n, i;
  int rc, pass;

  for(pass=0; pass<3; pass++){
    rc = kl_args_open(&a, fname, ab_names, 2, argv, KL_NEG_INF, pzErr);
    if( rc ) return rc;
    if( pass==1 ){
      kl_logit_acc_init(&acc, max_a, max_b, best_a,
                        isinf(best_b) ? 0.0 : best_b);
    }
    if( pass==2 ) kl_sum_init(&sum);
    for(;;){
      const double *x, *y;
      rc = kl_args_next(&a, &n, pzErr);
      if( rc ) return rc;
      if( n==0 ) break;
      x = a.buf[0];
      y = a.buf[1];
      if( pass==1 ){
        kl_logit_acc_add(&acc, x, y, n);
        continue;
      }
      for(i=0; i<n; i++){
        if( pass==2 ){
          kl_sum_add(&sum, kl_logit_term(x[i], y[i], &nm));
          continue;
        }
        if( x[i] > max_a ) max_a = x[i];
        if( y[i] > max_b ) max_b = y[i];
        if( isfinite(x[i]) && y[i] > best_b ){
          best_b = y[i];
          best_a = x[i];
        }
      }
    }
    if( pass==0 && (isinf(max_a) || isinf(max_b)) ){
      return kl_fail(pzErr, sqlite3_mprintf("%s: %s has no finite entry, so it "
                                            "is not a distribution", fname,
                                            isinf(max_a) ? "a" : "b"));
    }
    if( pass==1 ) kl_logit_finish(&acc, &nm);
  }
  *out = kl_sum_value(&sum);
  return SQLITE_OK;
}

void kl_div_logits_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  kl_unit unit = KL_NATS;
  double v;
  char *zErr = 0;
  int rc = kl_args_unit("kl_div_logits", argc, argv, 2, &unit, &zErr);
  if( rc==SQLITE_OK ) rc = logits_value(argv, &v, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  kl_result_unit(ctx, v, unit);
}

/* ----------------------------------------------------------- aggregates */

/*
** js_div_agg: the bins of the rows in the frame, oldest first.  Window
** frames lose their oldest row first (xInverse), so both arrays are
** queues.  The streaming kinds keep only st.
*/
typedef struct disc_bin { double p, q; } disc_bin;

typedef struct disc_agg {
  disc_bin *bin;           /* live bins are [head, len) */
  size_t head, len, cap;
  sqlite3_int64 *rowlen;   /* bins per row; live rows are [rhead, rlen) */
  size_t rhead, rlen, rcap;
  kl_stream st;            /* the streaming kinds' state */
  sqlite3_int64 rows;      /* rows in the group or frame */
  kl_unit unit;
} disc_agg;

/* Makes room for more items in a queue, compacting or doubling it. */
static int queue_room(void **arr, size_t elsize, size_t *head, size_t *len,
                      size_t *cap, size_t more){
  if( *len + more <= *cap ) return SQLITE_OK;
  if( *head > 0 ){
    memmove(*arr, (char*)*arr + *head*elsize, (*len - *head)*elsize);
    *len -= *head;
    *head = 0;
    if( *len + more <= *cap ) return SQLITE_OK;
  }
  {
    size_t ncap = *cap ? *cap : 64;
    void *p;
    while( ncap < *len + more ) ncap *= 2;
    p = sqlite3_realloc64(*arr, (sqlite3_uint64)ncap*elsize);
    if( p==0 ) return SQLITE_NOMEM;
    *arr = p;
    *cap = ncap;
  }
  return SQLITE_OK;
}

/* Appends the current chunk of n bins. */
static int append_bins(disc_agg *g, int nvec, const kl_argv *a, size_t n){
  size_t i;
  if( queue_room((void**)&g->bin, sizeof(disc_bin), &g->head, &g->len,
                 &g->cap, n) ){
    return SQLITE_NOMEM;
  }
  for(i=0; i<n; i++){
    g->bin[g->len + i].p = a->buf[0][i];
    g->bin[g->len + i].q = a->buf[nvec - 1][i];
  }
  g->len += n;
  return SQLITE_OK;
}

/* A row with a NULL argument (unit included) is skipped, as SUM skips NULL. */
static int row_skipped(int argc, sqlite3_value **argv){
  int j;
  for(j=0; j<argc; j++){
    if( sqlite3_value_type(argv[j])==SQLITE_NULL ) return 1;
  }
  return 0;
}

/*
** Reads a row's bins chunk by chunk: validated and added (sign 1, xStep),
** or taken out again (sign -1, xInverse: the row was validated when it
** was added).  For the bin-keeping kind, also counts them into *count.
*/
static int put_row(const discrete_kind *k, disc_agg *g, sqlite3_value **argv,
                   int sign, size_t *count, char **pzErr){
  kl_argv a;
  size_t n;
  int j, rc = kl_args_open(&a, k->name, pq_names, k->nvec, argv, 0, pzErr);
  if( rc ) return rc;
  for(;;){
    rc = kl_args_next(&a, &n, pzErr);
    if( rc || n==0 ) return rc;
    for(j=0; j<k->nvec && sign>0; j++){
      rc = kl_args_check(&a, j, n, KL_DOM_NONNEG, 0, pzErr);
      if( rc ) return rc;
    }
    if( k->stream >= 0 ){
      kl_stream_put(&g->st, (kl_stream_kind)k->stream, a.buf[0],
                    a.buf[k->nvec - 1], n, sign);
    }else{
      if( append_bins(g, k->nvec, &a, n) ) return SQLITE_NOMEM;
      *count += n;
    }
  }
}

static void disc_agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const discrete_kind *k = (const discrete_kind*)sqlite3_user_data(ctx);
  kl_unit unit = KL_NATS;
  disc_agg *g;
  size_t count = 0;
  char *zErr = 0;
  int rc = SQLITE_OK;
  if( row_skipped(argc, argv) ) return;
  if( argc > k->nvec ) rc = kl_arg_unit(k->name, argv[k->nvec], &unit, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  g = (disc_agg*)sqlite3_aggregate_context(ctx, sizeof(*g));
  if( g==0 ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if( g->rows==0 ){
    g->unit = unit;
  }else if( g->unit!=unit ){
    kl_error(ctx, sqlite3_mprintf("%s: unit must be the same on every row",
                                  k->name));
    return;
  }
  rc = put_row(k, g, argv, 1, &count, &zErr);
  if( kl_ctx_err(ctx, rc, &zErr) ) return;
  g->rows++;
  if( k->stream >= 0 ) return;
  if( queue_room((void**)&g->rowlen, sizeof(sqlite3_int64), &g->rhead,
                 &g->rlen, &g->rcap, 1) ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  g->rowlen[g->rlen++] = (sqlite3_int64)count;
}

static void disc_agg_inverse(sqlite3_context *ctx, int argc,
                             sqlite3_value **argv){
  const discrete_kind *k = (const discrete_kind*)sqlite3_user_data(ctx);
  disc_agg *g;
  size_t count = 0;
  char *zErr = 0;
  /* rows that xStep skipped were never added; every other row was, and
  ** SQLite removes the oldest row first */
  if( row_skipped(argc, argv) ) return;
  g = (disc_agg*)sqlite3_aggregate_context(ctx, 0);
  if( g==0 || g->rows==0 ) return;
  g->rows--;
  if( k->stream >= 0 ){
    kl_ctx_err(ctx, put_row(k, g, argv, -1, &count, &zErr), &zErr);
  }else if( g->rhead < g->rlen ){
    g->head += (size_t)g->rowlen[g->rhead++];
  }
}

static void disc_agg_value(sqlite3_context *ctx){
  const discrete_kind *k = (const discrete_kind*)sqlite3_user_data(ctx);
  disc_agg *g = (disc_agg*)sqlite3_aggregate_context(ctx, 0);
  kl_xsum sums[2];
  kl_totals tot;
  kl_tparts parts;
  kl_sum acc;
  const disc_bin *b;
  size_t n, i;
  char *zErr = 0;
  if( g==0 || g->rows==0 ) return;   /* NULL */
  if( k->stream >= 0 ){
    double v;
    int which;
    if( kl_stream_value(&g->st, (kl_stream_kind)k->stream, &v, &which) ){
      kl_error(ctx, sqlite3_mprintf("%s: %s sums to 0, so it is not a "
                                    "distribution", k->name, pq_names[which]));
      return;
    }
    result(ctx, k, v, 0, g->unit);
    return;
  }
  b = g->bin + g->head;
  n = g->len - g->head;
  memset(sums, 0, sizeof sums);
  for(i=0; i<n; i++){
    kl_xsum_add(&sums[0], b[i].p);
    kl_xsum_add(&sums[1], b[i].q);
  }
  if( kl_ctx_err(ctx, totals(k, sums, &tot, &parts, &zErr), &zErr) ) return;
  kl_sum_init(&acc);
  for(i=0; i<n; i++) kl_sum_add(&acc, k->term(b[i].p, b[i].q, &tot));
  /* no aggregate takes a root, so none needs discrete_value's rescaling */
  result(ctx, k, kl_sum_value(&acc), 0, g->unit);
}

static void disc_agg_final(sqlite3_context *ctx){
  disc_agg *g = (disc_agg*)sqlite3_aggregate_context(ctx, 0);
  disc_agg_value(ctx);
  if( g ){
    sqlite3_free(g->bin);
    sqlite3_free(g->rowlen);
  }
}

const kl_window_impl kl_discrete_agg_impl = {
  disc_agg_step, disc_agg_final, disc_agg_value, disc_agg_inverse
};
