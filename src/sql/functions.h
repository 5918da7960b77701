/*
** sql/functions.h — the implementations that src/catalogue.h names, for
** src/kl.c's registration table.  Each group lives, with its specification
** at the top, in the sql/ file named in the comment above its declarations
** (the families run through one function, kl_family_func).
*/
#ifndef KL_SQL_H
#define KL_SQL_H

#include "sqlite3ext.h"
#include "vectors.h"
#include "catalogue.h"   /* kl_fin: without its macros, no entries */

typedef void (*kl_xfunc)(sqlite3_context*, int, sqlite3_value**);

/* The callbacks of an aggregate; xInverse is NULL for a plain aggregate. */
typedef struct kl_window_impl {
  kl_xfunc xStep;
  void (*xFinal)(sqlite3_context*);
  void (*xValue)(sqlite3_context*);
  kl_xfunc xInverse;
} kl_window_impl;

/* sql/gauss_sql.c */
void kl_gauss_func(sqlite3_context*, int, sqlite3_value**);
extern const kl_window_impl kl_gauss_agg_impl;

/* sql/discrete_sql.c: one function, the kind in the user data */
typedef struct discrete_kind discrete_kind;
void kl_discrete_func(sqlite3_context*, int, sqlite3_value**);
void kl_div_logits_func(sqlite3_context*, int, sqlite3_value**);
extern const discrete_kind kl_div_kind, kl_js_div_kind, kl_js_dist_kind,
  kl_xent_kind, kl_entropy_kind;
extern const discrete_kind kl_div_agg_kind, kl_js_div_agg_kind,
  kl_xent_agg_kind, kl_entropy_agg_kind;
extern const kl_window_impl kl_discrete_agg_impl;

/* sql/families_sql.c: one function for every element-wise family; the
** family, built by src/kl.c from its catalogue entry, in the user data. */
typedef struct kl_family {
  const char *name;
  const char *doms;   /* per parameter: A any, P > 0, N >= 0, B in [0, 1],
                      ** b in (0, 1], C a whole number >= 0, or a digit k:
                      ** > parameter k */
  double (*term)(const double *x);   /* one component, in nats */
  kl_fin fin;
  int nparam;
  const char *const names[4];
} kl_family;
void kl_family_func(sqlite3_context*, int, sqlite3_value**);
void kl_dirichlet_func(sqlite3_context*, int, sqlite3_value**);

/* sql/mvn_sql.c */
void kl_mvn_func(sqlite3_context*, int, sqlite3_value**);

/* sql/moments_sql.c */
extern const kl_window_impl kl_gauss_mean_impl, kl_gauss_sd_impl;

/* sql/gauss_each_sql.c */
extern const sqlite3_module kl_gauss_each_module;

/* sql/vectors_sql.c */
void kl_f32_func(sqlite3_context*, int, sqlite3_value**);
void kl_f64_func(sqlite3_context*, int, sqlite3_value**);
void kl_json_func(sqlite3_context*, int, sqlite3_value**);
void kl_dims_func(sqlite3_context*, int, sqlite3_value**);
void kl_version_func(sqlite3_context*, int, sqlite3_value**);

/*
** Sets the result to the n doubles x in the form kind: a REAL (KL_NUM, the
** first value), JSON text, a float32 blob (an error if a value is outside
** the float32 range) or a kl_f64 blob.  A value beyond the double range
** is an error (no vector form holds it); results beyond SQLITE_LIMIT_LENGTH
** are refused with SQLITE_TOOBIG.
*/
void kl_result_vector(sqlite3_context *ctx, const char *fname,
                      const double *x, size_t n, kl_kind kind);

#endif /* KL_SQL_H */
