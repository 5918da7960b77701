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
#include "dist.h"        /* kl_dfams: the constructors' user data */

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
/* kl_gauss's general road over four opened arguments (mu1 sd1 mu2 sd2):
** the KL in nats; SQLITE_OK, SQLITE_ERROR (*pzErr) or SQLITE_NOMEM. */
struct kl_argv;
int kl_gauss_args(struct kl_argv *a, double *out, char **pzErr);
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
/* The value of kind k over its opened vectors v (copies: p, and q unless
** entropy; read up to three times), in nats; *scale as js_dist's
** rescaled pass leaves it (0 for the other kinds).  Errors are worded
** with fname.  SQLITE_OK, SQLITE_ERROR (*pzErr) or SQLITE_NOMEM. */
int kl_discrete_vecs(const discrete_kind *k, const char *fname,
                     const kl_vec *v, double *out, int *scale,
                     char **pzErr);

/* sql/families_sql.c: one function for every element-wise family; the
** family, built by src/kl.c from its catalogue entry, in the user data. */
typedef struct kl_family {
  const char *name;
  const char *doms;   /* per parameter: A any, P > 0, N >= 0, B in [0, 1],
                      ** b in (0, 1], o in (0, 1), C a whole number >= 0,
                      ** or a digit k:
                      ** > parameter k */
  double (*term)(const double *x);   /* one component, in nats */
  kl_fin fin;
  int nparam;
  const char *const names[4];
} kl_family;
void kl_family_func(sqlite3_context*, int, sqlite3_value**);
void kl_dirichlet_func(sqlite3_context*, int, sqlite3_value**);
/* A KL family's sum (fin KL_FIN_SUM or KL_FIN_GAUSS) over its opened
** parameters, domains checked, in nats; kl_dirichlet over two opened
** vectors (copies, read twice).  SQLITE_OK, SQLITE_ERROR (*pzErr) or
** SQLITE_NOMEM. */
int kl_family_sum(const kl_family *f, struct kl_argv *a, double *nats,
                  char **pzErr);
int kl_dirichlet_vecs(const char *fname, const char *const *names,
                      const kl_vec *v, double *out, char **pzErr);

/* sql/mvn_sql.c */
void kl_mvn_func(sqlite3_context*, int, sqlite3_value**);
/* A covariance written as text z[start..end) (a JSON matrix, or a flat
** JSON array of d*d numbers, row-major; offsets in errors are offsets in
** z) onto b (empty; the caller frees b->p); *dim is d.  SQLITE_OK,
** SQLITE_ERROR (*pzErr) or SQLITE_NOMEM. */
struct kl_dbuf;
int kl_mvn_cov_text(const char *fname, const char *aname, const char *z,
                    size_t start, size_t end, struct kl_dbuf *b, size_t *dim,
                    char **pzErr);
/* The same from an SQL value, in any form kl_mvn takes (*b is the
** caller's to free, also after an error); a mean vector or number. */
int kl_mvn_cov_value(const char *fname, const char *aname, sqlite3_value *val,
                     struct kl_dbuf *b, size_t *dim, char **pzErr);
int kl_mvn_mean_value(const char *fname, const char *aname,
                      sqlite3_value *val, struct kl_dbuf *b, int *is_num,
                      char **pzErr);

/* sql/moments_sql.c */
extern const kl_window_impl kl_gauss_mean_impl, kl_gauss_sd_impl;

/* sql/gauss_each_sql.c */
extern const sqlite3_module kl_gauss_each_module;

/* sql/dist_sql.c: kl, dist_entropy and dist_cross_entropy (which, in the
** user data: 0 for kl, else one of the two ints), dist, and the
** constructors (the family's kl_dfam_info in the user data). */
void kl_dist_value_func(sqlite3_context*, int, sqlite3_value**);
extern const int kl_dist_entropy_what, kl_dist_xent_what;
void kl_dist_func(sqlite3_context*, int, sqlite3_value**);
void kl_dist_make_func(sqlite3_context*, int, sqlite3_value**);

/* #19 transport */
/* sql/transport_sql.c: wasserstein and energy_distance (which, in the user
** data: one of the two ints), and their aggregates. */
void kl_transport_func(sqlite3_context*, int, sqlite3_value**);
extern const int kl_tr_wasserstein_kind, kl_tr_energy_kind;
extern const kl_window_impl kl_transport_agg_impl;

/* #19 ks */
/* sql/ks_sql.c: ks_stat and ks_pvalue (which, in the user data), and their
** aggregates (one implementation, the same user data). */
void kl_ks_func(sqlite3_context*, int, sqlite3_value**);
extern const int kl_ks_stat_what, kl_ks_pvalue_what;
extern const kl_window_impl kl_ks_agg_impl;

/* #19 dentropy */
/* sql/dentropy_sql.c */
void kl_dentropy_func(sqlite3_context*, int, sqlite3_value**);
extern const kl_window_impl kl_dentropy_agg_impl;

/* #19 knn */
/* sql/knn_sql.c */
void kl_knn_func(sqlite3_context*, int, sqlite3_value**);
extern const kl_window_impl kl_knn_agg_impl;

/* #19 psi */
/* sql/psi_sql.c: psi, psi_agg; the sample drift functions, their kind
** (psi, js, kl) in the user data */
typedef struct kl_drift_def kl_drift_def;
void kl_psi_func(sqlite3_context*, int, sqlite3_value**);
extern const kl_window_impl kl_psi_agg_impl;
void kl_drift_func(sqlite3_context*, int, sqlite3_value**);
extern const kl_window_impl kl_drift_agg_impl;
extern const kl_drift_def kl_drift_psi_def, kl_drift_js_def, kl_drift_kl_def;

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
