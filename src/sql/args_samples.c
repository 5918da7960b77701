/*
** sql/args_samples.c — the argument layer of the functions over raw
** samples (wasserstein, energy_distance, ks_*, differential_entropy,
** kl_knn, psi and the drift aggregates): whole samples, weights, the
** options text, and the rows an aggregate keeps.  Declared in sql/args.h,
** which states the grammar of the options and the two-sample convention.
**
** Rules of this layer:
**  (1) NULL: a scalar with a NULL argument returns NULL before any check
**      (its caller runs kl_any_null first); an aggregate skips a row with
**      a NULL argument, counting it in the row numbers of messages.
**  (2) A sample's values are finite numbers; a scalar's sample is a vector
**      in any form or one plain number, never empty.  An aggregate row's x
**      is one number (a text holding one number is read as one) or, for a
**      point (spec.vec), a vector as long as the group's first point.
**  (3) is_reference is the number 0 or 1 (an SQL comparison gives those);
**      anything else is an error naming the row.
**  (4) Weights are finite and > 0, one per value.
**  (5) The options argument of an aggregate is the same on every row: it
**      is parsed once, in xFinal, from the first kept row's copy.
**  (6) A sample grows until its values, as doubles, would pass SQLite's
**      length limit (SQLITE_LIMIT_LENGTH, 1e9 bytes by default): then the
**      step fails with a message giving the limit.  Nothing is truncated.
**  (7) Errors name the function, the argument, and the element index or
**      row; they echo at most KL_ECHO_MAX characters of the input.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3

#include <math.h>
#include <string.h>

#include "args.h"

/* ------------------------------------------------------------- samples */

int kl_sample_read(const char *fname, const char *aname, sqlite3_value *val,
                   kl_dbuf *b, char **pzErr){
  kl_vec v;
  int rc = kl_open_value(fname, aname, val, 0, &v, pzErr);
  if( rc ) return rc;
  return kl_dbuf_read(fname, aname, &v, b, pzErr);
}

int kl_weights_check(const char *fname, const char *wname, const kl_dbuf *w,
                     const char *xname, size_t nx, char **pzErr){
  size_t i;
  if( w->n!=nx ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: %s has %lld elements but %s "
                   "has %lld", fname, wname, (sqlite3_int64)w->n, xname,
                   (sqlite3_int64)nx));
  }
  for(i=0; i<w->n; i++){
    if( !(w->p[i] > 0.0) ){
      char buf[40];
      kl_format_number(w->p[i], 0, buf);
      return kl_fail(pzErr, sqlite3_mprintf("%s: %s[%lld] must be > 0 "
                     "(got %s)", fname, wname, (sqlite3_int64)i, buf));
    }
  }
  return SQLITE_OK;
}

/* ------------------------------------------------------------- options */

static int opt_space(char c){
  return c==' ' || c=='\t' || c=='\n' || c=='\r';
}
static int opt_keychar(char c){
  return (c>='a' && c<='z') || (c>='A' && c<='Z') || (c>='0' && c<='9')
      || c=='_';
}

/* "fname: aname: what", then 'z[0..n)' echoed if z is given. */
static int opt_fail(const char *fname, const char *aname, const char *what,
                    const char *z, size_t n, char **pzErr){
  sqlite3_str *s = sqlite3_str_new(0);
  sqlite3_str_appendf(s, "%s: %s: %s", fname, aname, what);
  if( z ){
    sqlite3_str_appendall(s, "'");
    kl_echo(s, z, n);
    sqlite3_str_appendall(s, "'");
  }
  return kl_fail(pzErr, kl_str_done(s));
}

/* The kind's requirement, for messages. */
static void opt_need(sqlite3_str *s, const kl_opt *o){
  switch( o->kind ){
    case KL_OPT_COUNT: sqlite3_str_appendall(s, "a whole number >= 1"); break;
    case KL_OPT_REAL:  sqlite3_str_appendall(s, "a finite number >= 0"); break;
    case KL_OPT_UNIT:  sqlite3_str_appendall(s, "'nats', 'bits' or 'bans'");
                       break;
    case KL_OPT_EDGES: sqlite3_str_appendall(s, "a JSON array of at least 2 "
                       "finite, strictly increasing numbers"); break;
    default: {
      const char *w = o->words;
      sqlite3_str_appendall(s, "one of ");
      for(;;){
        const char *e = strchr(w, '|');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        sqlite3_str_append(s, w, (int)len);
        if( !e ) break;
        sqlite3_str_appendall(s, ", ");
        w = e + 1;
      }
    }
  }
}

/* "fname: aname: key must be <need> (got 'z')". */
static int opt_bad(const char *fname, const char *aname, const kl_opt *o,
                   const char *z, size_t n, char **pzErr){
  sqlite3_str *s = sqlite3_str_new(0);
  sqlite3_str_appendf(s, "%s: %s: %s must be ", fname, aname, o->key);
  opt_need(s, o);
  sqlite3_str_appendall(s, " (got '");
  kl_echo(s, z, n);
  sqlite3_str_appendall(s, "')");
  return kl_fail(pzErr, kl_str_done(s));
}

/* A number option's value x (from the text z[0..n), or from an SQL number
** when z is 0). */
static int opt_number(const char *fname, const char *aname, kl_opt *o,
                      double x, const char *z, size_t n, char **pzErr){
  char buf[40];
  int ok = isfinite(x) && (o->kind==KL_OPT_COUNT ? x>=1.0 && x==floor(x)
                                                 : x>=0.0);
  if( o->kind==KL_OPT_COUNT && x>9007199254740992.0 ) ok = 0;
  if( !ok ){
    if( z==0 ){
      kl_format_number(x, 0, buf);
      z = buf;
      n = strlen(buf);
    }
    return opt_bad(fname, aname, o, z, n, pzErr);
  }
  if( o->kind==KL_OPT_COUNT ) o->n = (sqlite3_int64)x; else o->r = x;
  o->set = 1;
  return SQLITE_OK;
}

/* An EDGES value: the JSON array z[start..end) of the text z. */
static int opt_edges(const char *fname, const char *aname, kl_opt *o,
                     const char *z, size_t start, size_t end, char **pzErr){
  kl_vec v;
  kl_verr err;
  size_t i;
  char pre[160];
  int rc;
  memset(&err, 0, sizeof err);
  sqlite3_snprintf(sizeof pre, pre, "%s: %s", fname, aname);
  o->edges.n = 0;
  if( kl_vec_text_at(&v, z, start, end, &err) ){
    /* an empty array is refused when it is opened */
    return kl_fail(pzErr, kl_verr_text(pre, o->key, &err));
  }
  rc = kl_dbuf_read(pre, o->key, &v, &o->edges, pzErr);
  if( rc ) return rc;
  if( o->edges.n<2 ) return opt_bad(fname, aname, o, z + start, end - start,
                                    pzErr);
  for(i=1; i<o->edges.n; i++){
    if( !(o->edges.p[i] > o->edges.p[i-1]) ){
      char b1[40], b2[40];
      kl_format_number(o->edges.p[i], 0, b1);
      kl_format_number(o->edges.p[i-1], 0, b2);
      return kl_fail(pzErr, sqlite3_mprintf("%s: %s: %s[%lld] must be > "
                     "%s[%lld] (got %s <= %s)", fname, aname, o->key,
                     (sqlite3_int64)i, o->key, (sqlite3_int64)(i-1), b1, b2));
    }
  }
  o->set = 1;
  return SQLITE_OK;
}

/* The value z[start..end) (trimmed) of option o. */
static int opt_value(const char *fname, const char *aname, kl_opt *o,
                     const char *z, size_t start, size_t end, char **pzErr){
  const char *v = z + start;
  size_t n = end - start;
  switch( o->kind ){
    case KL_OPT_COUNT:
    case KL_OPT_REAL: {
      double x = 0.0;
      if( n==0 || kl_parse_number(v, n, &x)!=n ){
        return opt_bad(fname, aname, o, v, n, pzErr);
      }
      return opt_number(fname, aname, o, x, v, n, pzErr);
    }
    case KL_OPT_UNIT:
      if( kl_unit_parse(v, n, &o->unit) ){
        return opt_bad(fname, aname, o, v, n, pzErr);
      }
      o->set = 1;
      return SQLITE_OK;
    case KL_OPT_EDGES:
      if( n==0 || v[0]!='[' ) return opt_bad(fname, aname, o, v, n, pzErr);
      return opt_edges(fname, aname, o, z, start, end, pzErr);
    default: {
      const char *w = o->words;
      int k = 0;
      for(;;){
        const char *e = strchr(w, '|');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        if( len==n && sqlite3_strnicmp(w, v, (int)n)==0 ){
          o->word = k;
          o->set = 1;
          return SQLITE_OK;
        }
        if( !e ) break;
        w = e + 1;
        k++;
      }
      return opt_bad(fname, aname, o, v, n, pzErr);
    }
  }
}

/* The list of keys, for "unknown option". */
static int opt_unknown(const char *fname, const char *aname, const kl_opt *opt,
                       int nopt, const char *z, size_t n, char **pzErr){
  sqlite3_str *s = sqlite3_str_new(0);
  int k;
  sqlite3_str_appendf(s, "%s: %s: unknown option '", fname, aname);
  kl_echo(s, z, n);
  sqlite3_str_appendall(s, "' (use ");
  for(k=0; k<nopt; k++){
    sqlite3_str_appendf(s, "%s%s", k ? ", " : "", opt[k].key);
  }
  sqlite3_str_appendall(s, ")");
  return kl_fail(pzErr, kl_str_done(s));
}

/* The first option of a kind (of two kinds: b may equal a), or -1. */
static int opt_first(const kl_opt *opt, int nopt, kl_opt_kind a,
                     kl_opt_kind b){
  int k;
  for(k=0; k<nopt; k++){
    if( opt[k].kind==a || opt[k].kind==b ) return k;
  }
  return -1;
}

static int opt_list(const char *fname, const char *aname, const char *z,
                    size_t n, kl_opt *opt, int nopt, char **pzErr){
  size_t i = 0;
  while( i<n && opt_space(z[i]) ) i++;
  if( i==n ) return SQLITE_OK;
  for(;;){
    size_t k0 = i, k1, v0, v1;
    int k, rc;
    while( i<n && opt_keychar(z[i]) ) i++;
    k1 = i;
    while( i<n && opt_space(z[i]) ) i++;
    if( k1==k0 || i>=n || z[i]!='=' ){
      size_t e = k0;
      while( e<n && z[e]!=',' ) e++;
      return opt_fail(fname, aname, "expected key=value, got ", z + k0,
                      e - k0, pzErr);
    }
    for(k=0; k<nopt; k++){
      if( strlen(opt[k].key)==k1 - k0
       && sqlite3_strnicmp(opt[k].key, z + k0, (int)(k1 - k0))==0 ) break;
    }
    if( k==nopt ){
      return opt_unknown(fname, aname, opt, nopt, z + k0, k1 - k0, pzErr);
    }
    if( opt[k].set ){
      return kl_fail(pzErr, sqlite3_mprintf("%s: %s: option '%s' given "
                     "twice", fname, aname, opt[k].key));
    }
    i++;
    while( i<n && opt_space(z[i]) ) i++;
    v0 = i;
    if( i<n && z[i]=='[' ){
      while( i<n && z[i]!=']' ) i++;
      if( i<n ) i++;
    }else{
      while( i<n && z[i]!=',' ) i++;
    }
    v1 = i;
    while( v1>v0 && opt_space(z[v1-1]) ) v1--;
    rc = opt_value(fname, aname, &opt[k], z, v0, v1, pzErr);
    if( rc ) return rc;
    while( i<n && opt_space(z[i]) ) i++;
    if( i==n ) return SQLITE_OK;
    if( z[i]!=',' ){
      return opt_fail(fname, aname, "expected ',' after ", z + k0, i - k0,
                      pzErr);
    }
    i++;
    while( i<n && opt_space(z[i]) ) i++;
    if( i==n ){
      return opt_fail(fname, aname, "an option must follow ','", 0, 0,
                      pzErr);
    }
  }
}

int kl_opts_parse(const char *fname, const char *aname, sqlite3_value *val,
                  kl_opt *opt, int nopt, char **pzErr){
  int k;
  switch( sqlite3_value_type(val) ){
    case SQLITE_NULL:
      return KL_NULL;
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      k = opt_first(opt, nopt, KL_OPT_COUNT, KL_OPT_REAL);
      if( k<0 ) break;
      if( sqlite3_value_type(val)==SQLITE_INTEGER && opt[k].kind==KL_OPT_COUNT ){
        /* a whole number as it is (a double would round 2^63 - 1) */
        sqlite3_int64 v = sqlite3_value_int64(val);
        if( v<1 || v>9007199254740992LL ){
          char buf[32];
          sqlite3_snprintf(sizeof buf, buf, "%lld", v);
          return opt_bad(fname, aname, &opt[k], buf, strlen(buf), pzErr);
        }
        opt[k].n = v;
        opt[k].set = 1;
        return SQLITE_OK;
      }
      return opt_number(fname, aname, &opt[k], sqlite3_value_double(val),
                        0, 0, pzErr);
    case SQLITE_TEXT: {
      const char *z = (const char*)sqlite3_value_text(val);
      size_t n = (size_t)sqlite3_value_bytes(val), i = 0, e;
      if( z==0 ) return SQLITE_NOMEM;
      while( i<n && opt_space(z[i]) ) i++;
      if( i<n && z[i]=='[' ){
        k = opt_first(opt, nopt, KL_OPT_EDGES, KL_OPT_EDGES);
        if( k<0 ) return opt_fail(fname, aname, "expected key=value, got ",
                                  z, n, pzErr);
        e = n;
        while( e>i && opt_space(z[e-1]) ) e--;
        return opt_edges(fname, aname, &opt[k], z, i, e, pzErr);
      }
      return opt_list(fname, aname, z, n, opt, nopt, pzErr);
    }
    default:
      break;
  }
  return kl_fail(pzErr, sqlite3_mprintf("%s: %s must be a text of "
                 "key=value options", fname, aname));
}

void kl_opts_free(kl_opt *opt, int nopt){
  int k;
  for(k=0; k<nopt; k++){
    sqlite3_free(opt[k].edges.p);
    opt[k].edges.p = 0;
    opt[k].edges.n = opt[k].edges.cap = 0;
  }
}

/* ---------------------------------------------------- sample aggregates */

int kl_value_same(sqlite3_value *a, sqlite3_value *b){
  int t = sqlite3_value_type(a), na, nb;
  const void *pa, *pb;
  if( t!=sqlite3_value_type(b) ) return 0;
  if( t==SQLITE_INTEGER || t==SQLITE_FLOAT ){
    return sqlite3_value_double(a)==sqlite3_value_double(b);
  }
  pa = sqlite3_value_blob(a);
  pb = sqlite3_value_blob(b);
  na = sqlite3_value_bytes(a);
  nb = sqlite3_value_bytes(b);
  return na==nb && (na==0 || memcmp(pa, pb, (size_t)na)==0);
}

/* "fname: row N", the prefix of a row's messages (made only when needed:
** a row that is in order costs no formatting). */
static const char *sagg_pre(char *buf, int n, const kl_sagg_spec *s,
                            const kl_sagg *g){
  sqlite3_snprintf(n, buf, "%s: row %lld", s->fname, g->row);
  return buf;
}

/* Appends argument val of a row to b, as its numbers. */
static int sagg_read(const kl_sagg_spec *s, const kl_sagg *g,
                     const char *aname, sqlite3_value *val, kl_dbuf *b,
                     char **pzErr){
  char pre[96];
  int t = sqlite3_value_type(val);
  if( t==SQLITE_INTEGER || t==SQLITE_FLOAT ){
    double x = sqlite3_value_double(val);
    if( !isfinite(x) ){
      return kl_fail(pzErr, sqlite3_mprintf("%s: %s must be finite (got "
                     "%s)", sagg_pre(pre, sizeof pre, s, g), aname,
                     x>0 ? "Inf" : "-Inf"));
    }
    return kl_dbuf_append(b, &x, 1);
  }
  return kl_sample_read(sagg_pre(pre, sizeof pre, s, g), aname, val, b,
                        pzErr);
}

int kl_sagg_step(kl_sagg *g, const kl_sagg_spec *s, sqlite3_context *ctx,
                 int argc, sqlite3_value **argv, char **pzErr){
  char pre[96];
  int which = 0, rc;
  size_t before, got;
  kl_dbuf *x;
  g->row++;
  if( kl_any_null(argc, argv) ) return SQLITE_OK;
  if( s->iref>=0 ){
    sqlite3_value *r = argv[s->iref];
    int t = sqlite3_value_type(r);
    double d = (t==SQLITE_INTEGER || t==SQLITE_FLOAT)
             ? sqlite3_value_double(r) : -1.0;
    if( d!=0.0 && d!=1.0 ){
      sqlite3_str *m = sqlite3_str_new(0);
      sqlite3_str_appendf(m, "%s: is_reference must be 0 or 1 (got ",
                          sagg_pre(pre, sizeof pre, s, g));
      if( t==SQLITE_INTEGER || t==SQLITE_FLOAT ){
        char buf[40];
        kl_format_number(d, 0, buf);
        sqlite3_str_appendall(m, buf);
      }else if( t==SQLITE_TEXT ){
        const char *z = (const char*)sqlite3_value_text(r);
        if( z==0 ){
          sqlite3_free(sqlite3_str_finish(m));
          return SQLITE_NOMEM;
        }
        sqlite3_str_appendall(m, "'");
        kl_echo(m, z, (size_t)sqlite3_value_bytes(r));
        sqlite3_str_appendall(m, "'");
      }else{
        sqlite3_str_appendall(m, "a blob");
      }
      sqlite3_str_appendall(m, ")");
      return kl_fail(pzErr, kl_str_done(m));
    }
    which = d==1.0;
  }
  if( s->iopt>=0 && s->iopt<argc ){
    if( g->opt==0 ){
      g->opt = sqlite3_value_dup(argv[s->iopt]);
      if( g->opt==0 ) return SQLITE_NOMEM;
    }else if( !kl_value_same(g->opt, argv[s->iopt]) ){
      return kl_fail(pzErr, sqlite3_mprintf("%s: the options must be the "
                     "same on every row", sagg_pre(pre, sizeof pre, s, g)));
    }
  }
  x = &g->x[which];
  before = x->n;
  rc = sagg_read(s, g, "x", argv[0], x, pzErr);
  if( rc ){
    x->n = before;
    return rc;
  }
  got = x->n - before;
  if( !s->vec && got!=1 ){
    x->n = before;
    return kl_fail(pzErr, sqlite3_mprintf("%s: x must be one number (got a "
                   "vector of %lld)", sagg_pre(pre, sizeof pre, s, g),
                   (sqlite3_int64)got));
  }
  if( g->dim==0 ){
    g->dim = got;
  }else if( got!=g->dim ){
    x->n = before;
    return kl_fail(pzErr, sqlite3_mprintf("%s: x has %lld elements but the "
                   "first row's has %lld", sagg_pre(pre, sizeof pre, s, g),
                   (sqlite3_int64)got, (sqlite3_int64)g->dim));
  }
  /* the limit is read once, on the group's first kept row */
  if( g->maxvals==0 ){
    g->maxvals = sqlite3_limit(sqlite3_context_db_handle(ctx),
                               SQLITE_LIMIT_LENGTH, -1)
               / (sqlite3_int64)sizeof(double);
  }
  if( (sqlite3_int64)x->n > g->maxvals ){
    x->n = before;
    return kl_fail(pzErr, sqlite3_mprintf("%s: a sample of more than %lld "
                   "values (the aggregate keeps its samples, each at most "
                   "SQLite's length limit of %lld bytes)",
                   sagg_pre(pre, sizeof pre, s, g), g->maxvals,
                   g->maxvals*(sqlite3_int64)sizeof(double)));
  }
  if( s->iw>=0 && s->iw<argc ){
    kl_dbuf *w = &g->w[which];
    size_t wb = w->n;
    rc = sagg_read(s, g, "weight", argv[s->iw], w, pzErr);
    if( rc==SQLITE_OK && w->n - wb!=1 ){
      rc = kl_fail(pzErr, sqlite3_mprintf("%s: weight must be one number "
                   "(got a vector of %lld)", sagg_pre(pre, sizeof pre, s, g),
                   (sqlite3_int64)(w->n - wb)));
    }
    if( rc==SQLITE_OK && !(w->p[wb] > 0.0) ){
      char buf[40];
      kl_format_number(w->p[wb], 0, buf);
      rc = kl_fail(pzErr, sqlite3_mprintf("%s: weight must be > 0 (got %s)",
                   sagg_pre(pre, sizeof pre, s, g), buf));
    }
    if( rc ){
      w->n = wb;
      x->n = before;
      return rc;
    }
  }
  return SQLITE_OK;
}

void kl_sagg_free(kl_sagg *g){
  int s;
  for(s=0; s<2; s++){
    sqlite3_free(g->x[s].p);
    sqlite3_free(g->w[s].p);
    g->x[s].p = g->w[s].p = 0;
    g->x[s].n = g->x[s].cap = g->w[s].n = g->w[s].cap = 0;
  }
  sqlite3_value_free(g->opt);
  g->opt = 0;
}
