/*
** kl.c — entry point of the sqlite-kl extension and its registration table.
**
** Loadable:   .load ./kl          (entry point sqlite3_kl_init)
** Built in:   compile the sources with -DSQLITE_CORE and call
**             sqlite3_kl_init(db, &zErr, 0), or hand it to
**             sqlite3_auto_extension().
**
** Every function is registered SQLITE_UTF8 | SQLITE_DETERMINISTIC |
** SQLITE_INNOCUOUS: each is a pure function of its arguments, with no side
** effects and nothing read from outside, so it may be used in indexes,
** generated columns and CHECK constraints, and with trusted_schema=OFF.
** The extension keeps no global mutable state.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include "functions.h"
#include "kl.h"

#include <stddef.h>

#define KL_FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

static const struct kl_func_def {
  const char *name;
  int nArg;
  kl_xfunc xFunc;                 /* scalar functions */
  const kl_window_impl *window;   /* aggregate and window functions */
  const void *pApp;               /* user data: which variant */
} kl_funcs[] = {
  { "kl_gauss",      4, kl_gauss_func,    0, 0 },
  { "kl_gauss",      5, kl_gauss_func,    0, 0 },
  { "kl_gauss_agg",  4, 0, &kl_gauss_agg_impl, 0 },
  { "kl_gauss_agg",  5, 0, &kl_gauss_agg_impl, 0 },
  { "kl_gauss_var",    4, kl_family_func, 0, &kl_gauss_var_family },
  { "kl_gauss_var",    5, kl_family_func, 0, &kl_gauss_var_family },
  { "kl_gauss_logvar", 4, kl_family_func, 0, &kl_gauss_logvar_family },
  { "kl_gauss_logvar", 5, kl_family_func, 0, &kl_gauss_logvar_family },
  { "kl_gauss_sym",    4, kl_family_func, 0, &kl_gauss_sym_family },
  { "kl_gauss_sym",    5, kl_family_func, 0, &kl_gauss_sym_family },
  { "bhattacharyya_gauss", 4, kl_family_func, 0, &kl_bhatt_gauss_family },
  { "bhattacharyya_gauss", 5, kl_family_func, 0, &kl_bhatt_gauss_family },
  { "hellinger_gauss", 4, kl_family_func, 0, &kl_hellinger_gauss_family },
  { "w2_gauss",        4, kl_family_func, 0, &kl_w2_gauss_family },
  { "kl_bernoulli", 2, kl_family_func, 0, &kl_bernoulli_family },
  { "kl_bernoulli", 3, kl_family_func, 0, &kl_bernoulli_family },
  { "kl_binomial", 3, kl_family_func, 0, &kl_binomial_family },
  { "kl_binomial", 4, kl_family_func, 0, &kl_binomial_family },
  { "kl_geometric", 2, kl_family_func, 0, &kl_geometric_family },
  { "kl_geometric", 3, kl_family_func, 0, &kl_geometric_family },
  { "kl_poisson", 2, kl_family_func, 0, &kl_poisson_family },
  { "kl_poisson", 3, kl_family_func, 0, &kl_poisson_family },
  { "kl_exponential", 2, kl_family_func, 0, &kl_exponential_family },
  { "kl_exponential", 3, kl_family_func, 0, &kl_exponential_family },
  { "kl_gamma", 4, kl_family_func, 0, &kl_gamma_family },
  { "kl_gamma", 5, kl_family_func, 0, &kl_gamma_family },
  { "kl_beta", 4, kl_family_func, 0, &kl_beta_family },
  { "kl_beta", 5, kl_family_func, 0, &kl_beta_family },
  { "kl_laplace", 4, kl_family_func, 0, &kl_laplace_family },
  { "kl_laplace", 5, kl_family_func, 0, &kl_laplace_family },
  { "kl_cauchy", 4, kl_family_func, 0, &kl_cauchy_family },
  { "kl_cauchy", 5, kl_family_func, 0, &kl_cauchy_family },
  { "kl_lognormal", 4, kl_family_func, 0, &kl_lognormal_family },
  { "kl_lognormal", 5, kl_family_func, 0, &kl_lognormal_family },
  { "kl_gumbel", 4, kl_family_func, 0, &kl_gumbel_family },
  { "kl_gumbel", 5, kl_family_func, 0, &kl_gumbel_family },
  { "kl_pareto", 4, kl_family_func, 0, &kl_pareto_family },
  { "kl_pareto", 5, kl_family_func, 0, &kl_pareto_family },
  { "kl_halfnormal", 2, kl_family_func, 0, &kl_halfnormal_family },
  { "kl_halfnormal", 3, kl_family_func, 0, &kl_halfnormal_family },
  { "kl_uniform", 4, kl_family_func, 0, &kl_uniform_family },
  { "kl_uniform", 5, kl_family_func, 0, &kl_uniform_family },
  { "kl_dirichlet", 2, kl_dirichlet_func, 0, 0 },
  { "kl_dirichlet", 3, kl_dirichlet_func, 0, 0 },
  { "kl_mvn",          4, kl_mvn_func,    0, 0 },
  { "kl_mvn",          5, kl_mvn_func,    0, 0 },
  { "gauss_mean",      1, 0, &kl_gauss_mean_impl, 0 },
  { "gauss_sd",        1, 0, &kl_gauss_sd_impl, 0 },
  { "gauss_sd",        2, 0, &kl_gauss_sd_impl, 0 },
  { "kl_div",        2, kl_discrete_func, 0, &kl_div_kind },
  { "kl_div",        3, kl_discrete_func, 0, &kl_div_kind },
  { "js_div",        2, kl_discrete_func, 0, &kl_js_div_kind },
  { "js_div",        3, kl_discrete_func, 0, &kl_js_div_kind },
  { "js_dist",       2, kl_discrete_func, 0, &kl_js_dist_kind },
  { "js_dist",       3, kl_discrete_func, 0, &kl_js_dist_kind },
  { "cross_entropy", 2, kl_discrete_func, 0, &kl_xent_kind },
  { "cross_entropy", 3, kl_discrete_func, 0, &kl_xent_kind },
  { "entropy",       1, kl_discrete_func, 0, &kl_entropy_kind },
  { "entropy",       2, kl_discrete_func, 0, &kl_entropy_kind },
  { "kl_div_logits", 2, kl_div_logits_func, 0, 0 },
  { "kl_div_logits", 3, kl_div_logits_func, 0, 0 },
  { "kl_div_agg",        2, 0, &kl_discrete_agg_impl, &kl_div_agg_kind },
  { "kl_div_agg",        3, 0, &kl_discrete_agg_impl, &kl_div_agg_kind },
  { "js_div_agg",        2, 0, &kl_discrete_agg_impl, &kl_js_div_agg_kind },
  { "js_div_agg",        3, 0, &kl_discrete_agg_impl, &kl_js_div_agg_kind },
  { "cross_entropy_agg", 2, 0, &kl_discrete_agg_impl, &kl_xent_agg_kind },
  { "cross_entropy_agg", 3, 0, &kl_discrete_agg_impl, &kl_xent_agg_kind },
  { "entropy_agg",       1, 0, &kl_discrete_agg_impl, &kl_entropy_agg_kind },
  { "entropy_agg",       2, 0, &kl_discrete_agg_impl, &kl_entropy_agg_kind },
  { "kl_f32",        1, kl_f32_func,      0, 0 },
  { "kl_f64",        1, kl_f64_func,      0, 0 },
  { "kl_json",       1, kl_json_func,     0, 0 },
  { "kl_dims",       1, kl_dims_func,     0, 0 },
  { "kl_version",    0, kl_version_func,  0, 0 },
};

#if defined(_WIN32)
__declspec(dllexport)
#elif defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int sqlite3_kl_init(sqlite3 *db, char **pzErrMsg,
                    const sqlite3_api_routines *pApi){
  size_t i;
  int rc = SQLITE_OK;
  SQLITE_EXTENSION_INIT2(pApi);
  for(i=0; rc==SQLITE_OK && i<sizeof(kl_funcs)/sizeof(kl_funcs[0]); i++){
    const struct kl_func_def *f = &kl_funcs[i];
    if( f->window ){
      rc = sqlite3_create_window_function(db, f->name, f->nArg, KL_FLAGS,
                                          (void*)f->pApp, f->window->xStep, f->window->xFinal,
                                          f->window->xValue,
                                          f->window->xInverse, 0);
    }else{
      rc = sqlite3_create_function_v2(db, f->name, f->nArg, KL_FLAGS,
                                      (void*)f->pApp, f->xFunc, 0, 0, 0);
    }
    if( rc!=SQLITE_OK && pzErrMsg ){
      *pzErrMsg = sqlite3_mprintf("sqlite-kl: cannot register %s/%d: %s",
                                  f->name, f->nArg, sqlite3_errstr(rc));
    }
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_create_module(db, "kl_gauss_each", &kl_gauss_each_module, 0);
    if( rc!=SQLITE_OK && pzErrMsg ){
      *pzErrMsg = sqlite3_mprintf("sqlite-kl: cannot register kl_gauss_each: "
                                  "%s", sqlite3_errstr(rc));
    }
  }
  return rc;
}
