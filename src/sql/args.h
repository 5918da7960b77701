/*
** sql/args.h — the thin layer between SQL values and the pure C core:
** turning sqlite3_value arguments into vectors, reading several vectors in
** lock-step with broadcasting, checking domains, parsing the unit, and
** wording errors.
**
** The layer is context-free: it never touches an sqlite3_context, so the
** scalar functions, the aggregates and the kl_gauss_each virtual table
** share one implementation and one wording of every message.  Its
** functions return
**   SQLITE_OK;
**   KL_NULL       an argument is NULL (the result is NULL, no error);
**   SQLITE_ERROR  with *pzErr set to the message (sqlite3_mprintf; the
**                 caller owns it and frees it with sqlite3_free);
**   SQLITE_NOMEM  out of memory (also when the message itself could not
**                 be allocated); *pzErr is left alone.
** A function or aggregate hands the outcome to SQLite in one line:
**   if( kl_ctx_err(ctx, kl_args_next(&a, &n, &zErr), &zErr) ) return;
** and a virtual table moves *pzErr to its zErrMsg.
**
** Every error message starts with the SQL function's name and names the
** argument, and the element index (0-based) where there is one:
**   kl_gauss: sd1[2] must be > 0 (got -1)
*/
#ifndef KL_ARGS_H
#define KL_ARGS_H

#include "sqlite3ext.h"
#include "numeric.h"
#include "vectors.h"

#define KL_CHUNK 256   /* elements decoded per argument per step */
#define KL_MAXARGS 4

/* Return codes of the helpers, besides SQLITE_OK and SQLITE_ERROR. */
#define KL_NULL (-1)   /* an argument is NULL: the result is NULL */

/* Flags for opening vector arguments. */
#define KL_RAW_F64 1   /* a blob without the kl_f64 header is raw float64
                       ** (kl_f64(x, 'f64') only) */
#define KL_NEG_INF 2   /* -Inf elements are allowed (logits) */
#define KL_AS_F32 4    /* a blob without the kl_f64 header is float32, never
                       ** JSONB (kl_f64(x, 'f32')) */

typedef struct kl_argv {
  const char *fname;          /* SQL function name, for messages */
  const char *const *names;   /* argument names, for messages */
  int n;                      /* arguments */
  int nvec;                   /* of which vectors (not plain numbers) */
  size_t done;                /* elements handed out so far */
  int finished;
  kl_vec v[KL_MAXARGS];
  double buf[KL_MAXARGS][KL_CHUNK];
} kl_argv;

/*
** Stores msg (from sqlite3_mprintf, NULL when out of memory) in *pzErr,
** freeing any earlier message there: returns SQLITE_ERROR, or SQLITE_NOMEM
** for a NULL msg.  The context-free way to fail with a message.
*/
int kl_fail(char **pzErr, char *msg);

/* "fname: not computable at these parameters (...)": a term that could not
** be formed (NaN), as kl_fail() returns it. */
int kl_fail_not_computable(const char *fname, char **pzErr);

/*
** The one-line wrapper for functions and aggregates: SQLITE_ERROR becomes
** sqlite3_result_error(ctx, *pzErr) (the message is freed and *pzErr set
** to 0), SQLITE_NOMEM sqlite3_result_error_nomem(ctx); other codes leave
** ctx alone.  Returns rc.
*/
int kl_ctx_err(sqlite3_context *ctx, int rc, char **pzErr);

/* Sets msg (from sqlite3_mprintf, may be NULL for OOM) as the SQL error
** and frees it. */
void kl_error(sqlite3_context *ctx, char *msg);

/* The message for a decoding error of argument aname (sqlite3_mprintf;
** NULL when out of memory). */
char *kl_verr_text(const char *fname, const char *aname, const kl_verr *e);

/* Reports a decoding error of argument aname as an SQL error. */
void kl_report(sqlite3_context *ctx, const char *fname, const char *aname,
               const kl_verr *err);

/*
** Opens one SQL value as a vector, with KL_RAW_F64 / KL_NEG_INF flags
** (KL_RAW_F64 is kl_f64(x, 'f64')'s input rule; KL_NEG_INF lets -Inf
** elements and plain numbers through, also a text number like '-1e999').  A plain number must be finite
** ("fname: aname must be finite (got NaN)").  Returns SQLITE_OK, KL_NULL,
** SQLITE_ERROR (*pzErr) or SQLITE_NOMEM.
*/
int kl_open_value(const char *fname, const char *aname, sqlite3_value *val,
                  unsigned flags, kl_vec *v, char **pzErr);

/*
** Opens n vector arguments for lock-step reading.  A NULL anywhere gives
** KL_NULL before any argument is decoded (NULL in, NULL out wins over an
** error elsewhere); then each is opened in order as kl_open_value().
*/
int kl_args_open(kl_argv *a, const char *fname, const char *const *names,
                 int n, sqlite3_value **argv, unsigned flags, char **pzErr);

/*
** Opens n vectors already opened (copies of v[0..n), each as it was before
** any read; a vector can be opened again from its copy) for lock-step
** reading: the distribution values' parameters (sql/dist_sql.c).
** Returns SQLITE_OK.
*/
int kl_args_open_vecs(kl_argv *a, const char *fname,
                      const char *const *names, int n, const kl_vec *v);

/*
** Decodes the next chunk of every argument into a->buf[k][0..*got); plain
** numbers are repeated to fill their buffer.  *got is 0 at the end.
** Mismatched lengths are an error naming both arguments and lengths:
**   "fname: sd2 has 3 elements but mu1 has 2".
*/
int kl_args_next(kl_argv *a, size_t *got, char **pzErr);

/* Domains of parameters, for kl_args_check(). */
typedef enum {
  KL_DOM_ANY,       /* any finite number */
  KL_DOM_POS,       /* > 0 */
  KL_DOM_NONNEG,    /* >= 0 */
  KL_DOM_PROB,      /* in [0, 1] */
  KL_DOM_PROB_POS,  /* in (0, 1] */
  KL_DOM_COUNT,     /* a whole number >= 0 */
  KL_DOM_OPEN01,    /* in (0, 1) */
  KL_DOM_ABOVE      /* > the same element of argument ref */
} kl_dom;

/*
** The domain of a parameter from its letter (kl_family's doms in
** sql/functions.h, and 'o' for (0, 1)); *ref is the other parameter of a
** digit's "> parameter k".
*/
kl_dom kl_dom_of(char c, int *ref);

/*
** Checks that argument k's current chunk of n elements is in the domain,
** failing with e.g. "fname: p1[3] must be in [0, 1] (got 1.5)" or
** "fname: high1[0] must be > low1[0] (got 1 <= 2)" (no index for a plain
** number).  This is the one check of a domain: the kernels called after
** it trust it.  Returns SQLITE_OK, SQLITE_ERROR or SQLITE_NOMEM.
*/
int kl_args_check(const kl_argv *a, int k, size_t n, kl_dom dom, int ref,
                  char **pzErr);

/* z[0..n) is exactly 'nats', 'bits' or 'bans' in any letter case:
** SQLITE_OK, else SQLITE_ERROR. */
int kl_unit_parse(const char *z, size_t n, kl_unit *unit);

/*
** Parses the optional unit argument: 'nats', 'bits' or 'bans' (KL_NULL for
** NULL), else "fname: unknown unit 'x' (use 'nats', 'bits' or 'bans')",
** the value echoed as kl_echo() does.
*/
int kl_arg_unit(const char *fname, sqlite3_value *val, kl_unit *unit,
                char **pzErr);

/*
** The NULL rule, for scalar functions and aggregates alike: any NULL among
** argv[0..argc), the unit included, makes the call's result NULL (an
** aggregate skips the row, as SUM skips NULL) before any argument is
** validated.  kl_any_null() says whether there is one; kl_args_unit()
** returns KL_NULL if there is, and otherwise parses the unit argv[iunit]
** (if iunit < argc; *unit is KL_NATS when there is none).
*/
int kl_any_null(int argc, sqlite3_value **argv);
int kl_args_unit(const char *fname, int argc, sqlite3_value **argv,
                 int iunit, kl_unit *unit, char **pzErr);

/*
** Appends user input z[0..n) to a message so that the message stays valid
** UTF-8 and short: at most KL_ECHO_MAX characters, then "..."; bytes that
** are not valid UTF-8, control characters and DEL as \xHH; a backslash as
** two.  kl_str_done() finishes s: the message, or NULL when out of memory.
*/
#define KL_ECHO_MAX 40
void kl_echo(sqlite3_str *s, const void *z, size_t n);
char *kl_str_done(sqlite3_str *s);

/* The value in the unit, as the SQL result. */
void kl_result_unit(sqlite3_context *ctx, double nats, kl_unit unit);

/* A growing array of doubles (sqlite3_malloc64), for whole vectors. */
typedef struct kl_dbuf { double *p; size_t n, cap; } kl_dbuf;

/* Appends x[0..n) to b: SQLITE_OK or SQLITE_NOMEM.  The caller frees b->p. */
int kl_dbuf_append(kl_dbuf *b, const double *x, size_t n);

/*
** Appends every element of v to b, wording decoding errors as
** "fname: aname...".  Returns SQLITE_OK, SQLITE_ERROR (*pzErr) or
** SQLITE_NOMEM.  The caller frees b->p.
*/
int kl_dbuf_read(const char *fname, const char *aname, kl_vec *v, kl_dbuf *b,
                 char **pzErr);

/*
** Arrays of rows (a matrix: kl_mvn's covariances, kl_knn's points), read
** row after row onto the end of b; *rows and *cols are the shape, and every
** row must be as long as row 0 ("fname: cov1[2] has 3 elements but
** cov1[0] has 2").  kl_rows_read: the JSON text z[start..end) (kl_rows in
** core/vectors.h: kl_rows_is_matrix() says it is one); kl_jsonb_rows_read:
** the JSONB blob p[0..n) whose elements are all arrays (info from
** kl_jsonb_scan), errors at offsets in the whole blob.  SQLITE_OK,
** SQLITE_ERROR (*pzErr) or SQLITE_NOMEM.
*/
int kl_rows_read(const char *fname, const char *aname, const char *z,
                 size_t start, size_t end, kl_dbuf *b, size_t *rows,
                 size_t *cols, char **pzErr);
int kl_jsonb_rows_read(const char *fname, const char *aname,
                       const unsigned char *p, size_t n,
                       const kl_jsonb_info *info, kl_dbuf *b, size_t *rows,
                       size_t *cols, char **pzErr);

/* ===================================================================
** Samples, options and sample aggregates (sql/args_samples.c): the
** argument layer of the functions over raw samples (issue #19).
** =================================================================== */

/*
** Reads one argument whole (any vector form, or a plain number: one
** element) into b (zeroed by the caller, who frees b->p with sqlite3_free).
** Errors are worded "fname: aname ..." (an empty vector, a bad element, a
** number that is not finite).  Call kl_any_null first (the NULL rule).
** SQLITE_OK, SQLITE_ERROR (*pzErr) or SQLITE_NOMEM.
*/
int kl_sample_read(const char *fname, const char *aname, sqlite3_value *val,
                   kl_dbuf *b, char **pzErr);

/*
** Checks a sample's weights: as many as the sample's nx values ("fname:
** wname has 3 elements but xname has 2") and each > 0 ("fname: wname[4]
** must be > 0 (got 0)").  SQLITE_OK, SQLITE_ERROR (*pzErr), SQLITE_NOMEM.
*/
int kl_weights_check(const char *fname, const char *wname, const kl_dbuf *w,
                     const char *xname, size_t nx, char **pzErr);

/*
** The options argument: one text of "key=value" items separated by commas,
** so that each option can be given without the others:
**   'method=ebrahimi, window_length=5, unit=bits'
** Rules:
**  (1) Keys are letters, digits and '_', in any letter case; spaces may
**      surround keys, '=', values and commas.  '' (or only spaces) gives no
**      options.  Each key at most once.
**  (2) A value runs to the next comma (or, for a '[', to its ']'); its
**      kind is the key's: KL_OPT_COUNT a whole number >= 1; KL_OPT_REAL a
**      finite number >= 0; KL_OPT_WORD one of the key's words in any letter
**      case; KL_OPT_UNIT 'nats', 'bits' or 'bans'; KL_OPT_EDGES a JSON array
**      of at least 2 finite, strictly increasing numbers.
**  (3) Shorthands: an SQL number is the value of the first option of kind
**      COUNT or REAL (kl_knn(x, y, 5) is k=5); a text that starts with '['
**      is the value of the first option of kind EDGES.
**  (4) Anything else is an error naming the function, the argument and the
**      option, echoing at most KL_ECHO_MAX characters of the input:
**        "differential_entropy: options: unknown option 'foo' (use method,
**         window_length, unit)".
*/
typedef enum {
  KL_OPT_COUNT, KL_OPT_REAL, KL_OPT_WORD, KL_OPT_UNIT, KL_OPT_EDGES
} kl_opt_kind;

typedef struct kl_opt {
  const char *key;       /* in: the key, lower case */
  kl_opt_kind kind;      /* in */
  const char *words;     /* in: KL_OPT_WORD's words, '|'-separated */
  int set;               /* out: 1 if given */
  sqlite3_int64 n;       /* out: KL_OPT_COUNT */
  double r;              /* out: KL_OPT_REAL */
  int word;              /* out: KL_OPT_WORD, the word's index */
  kl_unit unit;          /* out: KL_OPT_UNIT */
  kl_dbuf edges;         /* out: KL_OPT_EDGES (kl_opts_free frees it) */
} kl_opt;

/* Parses val into opt[0..nopt) (the caller sets key, kind and words and
** zeroes the rest; options not given keep set = 0).  KL_NULL for NULL;
** SQLITE_OK, SQLITE_ERROR (*pzErr) or SQLITE_NOMEM. */
int kl_opts_parse(const char *fname, const char *aname, sqlite3_value *val,
                  kl_opt *opt, int nopt, char **pzErr);
void kl_opts_free(kl_opt *opt, int nopt);

/*
** Two SQL values are the same (an aggregate's options, given again on every
** row): the same type, and the same number or bytes.  The bytes are read
** with sqlite3_value_blob, which converts nothing, so no allocation can fail
** and read as a difference.
*/
int kl_value_same(sqlite3_value *a, sqlite3_value *b);

/*
** The sample aggregates keep their rows' values (O(n) memory: the
** statistics need the whole samples).  One convention for all: a row's
** is_reference says which sample it belongs to, 0 the first (the current
** sample: u, x, P) and 1 the second (the reference: v, y, Q), so
** f_agg(x, is_reference) is f(the rows with 0, the rows with 1).
*/
typedef struct kl_sagg_spec {
  const char *fname;   /* the SQL name, for messages */
  int iref;            /* argv index of is_reference; -1: one sample */
  int iw;              /* argv index of the weight, or -1 (if < argc) */
  int iopt;            /* argv index of the options, or -1 (if < argc) */
  int vec;             /* 1: a row's x is a point (a vector, every row of
                       ** the group as long as the first) */
} kl_sagg_spec;

typedef struct kl_sagg {
  kl_dbuf x[2];        /* x[s]: sample s's values, dim per row */
  kl_dbuf w[2];        /* w[s]: its weights (with iw) */
  size_t dim;          /* values per row: 1 unless vec (0 before a row) */
  sqlite3_int64 row;   /* rows stepped, NULL rows included ("row N") */
  sqlite3_value *opt;  /* the first kept row's options (a copy) */
  sqlite3_int64 maxvals;  /* values a sample may hold: the length limit
                          ** / 8, read on the group's first kept row */
} kl_sagg;

/*
** An aggregate's xStep: skips a row with a NULL argument (as SUM does);
** checks is_reference (0 or 1), x (finite numbers; with vec, the same
** length as the first row), the weight (> 0) and that the options are
** those of the first row, each error naming the row ("fname: row 3: ...");
** appends the row.  A sample that would pass SQLite's length limit (as
** doubles) is an error, never a truncation.  SQLITE_OK, SQLITE_ERROR
** (*pzErr) or SQLITE_NOMEM.
*/
int kl_sagg_step(kl_sagg *g, const kl_sagg_spec *s, sqlite3_context *ctx,
                 int argc, sqlite3_value **argv, char **pzErr);

/* Frees what g holds (xFinal calls it on every road). */
void kl_sagg_free(kl_sagg *g);

#endif /* KL_ARGS_H */
