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

/* The minimum SQLite: SQLITE_INNOCUOUS and SQLITE_VTAB_INNOCUOUS are 3.31.0. */
#define KL_SQLITE_MIN      3031000
#define KL_SQLITE_MIN_TEXT "3.31.0"

/* The core term of each family, declared from the catalogue. */
#define KL_SCALAR(...)
#define KL_WINDOW(...)
#define KL_AGG(...)
#define KL_TABLE(...)
#define KL_FAMILY(name, nshared, doms, term, fin, props, upper, bound, \
                  summary, ex, ...) double term(const double *x);
#include "catalogue.h"
#undef KL_SCALAR
#undef KL_WINDOW
#undef KL_AGG
#undef KL_TABLE
#undef KL_FAMILY

/* The registration table, from the catalogue (src/catalogue.h): one row
** per SQL name; each optional argument adds one registration. */
typedef struct kl_func_def {
  const char *name;
  const char *args;               /* the catalogue's argument spec, or NULL
                                  ** for a family (nparam, unit) */
  kl_xfunc xFunc;                 /* scalar functions */
  const kl_window_impl *window;   /* aggregate and window functions */
  const sqlite3_module *module;   /* table-valued functions */
  const void *pApp;               /* user data: which variant */
  int nparam, unit;               /* a family's parameters; takes a unit */
} kl_func_def;

#define KL_NARGS(...) KL_NARGS_(__VA_ARGS__, 4, 3, 2, 1, 0)
#define KL_NARGS_(a, b, c, d, n, ...) n

#define KL_SCALAR(name, args, xFunc, app, props, upper, bound, summary, ex) \
  { name, args, xFunc, 0, 0, app, 0, 0 },
#define KL_WINDOW(name, args, impl, app, props, upper, bound, summary, ex) \
  { name, args, 0, impl, 0, app, 0, 0 },
#define KL_AGG(name, args, impl, app, props, upper, bound, summary, ex) \
  { name, args, 0, impl, 0, app, 0, 0 },
#define KL_TABLE(name, args, module, props, upper, bound, summary, ex) \
  { name, args, 0, 0, module, 0, 0, 0 },
#define KL_FAMILY(name, nshared, doms, term, fin, props, upper, bound, \
                  summary, ex, ...) \
  { name, 0, kl_family_func, 0, 0, \
    &(const kl_family){ name, doms, term, fin, KL_NARGS(__VA_ARGS__), \
                        { __VA_ARGS__ } }, \
    KL_NARGS(__VA_ARGS__), (fin)==KL_FIN_SUM || (fin)==KL_FIN_GAUSS },
static const kl_func_def kl_funcs[] = {
#include "catalogue.h"
};

/* The fewest and most arguments of an argument spec ("a b | c d [unit]":
** names separated by spaces, "[x]" optional, "|" and ":" separators). */
static int kl_name_char(char c){
  return c!=' ' && c!='|' && c!=':' && c!='[' && c!=']';
}
static void kl_arity(const char *z, int *nmin, int *nmax){
  char prev = ' ';
  *nmin = *nmax = 0;
  for(; *z; prev = *z++){
    if( kl_name_char(*z) && !kl_name_char(prev) ){
      (*nmax)++;
      if( prev!='[' ) *nmin = *nmax;
    }
  }
}

static int kl_register(sqlite3 *db, const kl_func_def *f, int nArg){
  if( f->module ) return sqlite3_create_module(db, f->name, f->module, 0);
  if( f->window ){
    return sqlite3_create_window_function(db, f->name, nArg, KL_FLAGS,
                                          (void*)f->pApp, f->window->xStep,
                                          f->window->xFinal,
                                          f->window->xValue,
                                          f->window->xInverse, 0);
  }
  return sqlite3_create_function_v2(db, f->name, nArg, KL_FLAGS,
                                    (void*)f->pApp, f->xFunc, 0, 0, 0);
}

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
  /* The oldest SQLite the functions run on (docs/install.md, Versions and
  ** compatibility; tests/sqlite_floor.sh derives it from what this code
  ** calls and passes): an older one gets a message, instead of calls
  ** through entries its API table does not have, or flags it ignores. */
  if( sqlite3_libversion_number()<KL_SQLITE_MIN ){
    if( pzErrMsg ){
      *pzErrMsg = sqlite3_mprintf("sqlite-kl needs SQLite %s or later, not %s",
                                  KL_SQLITE_MIN_TEXT, sqlite3_libversion());
    }
    return SQLITE_ERROR;
  }
  for(i=0; rc==SQLITE_OK && i<sizeof(kl_funcs)/sizeof(kl_funcs[0]); i++){
    const kl_func_def *f = &kl_funcs[i];
    int nArg, nmin, nmax;
    if( f->args ){
      kl_arity(f->args, &nmin, &nmax);
    }else{
      nmin = f->nparam;
      nmax = f->nparam + f->unit;
    }
    if( f->module ) nmin = nmax;   /* a module is registered once */
    for(nArg=nmin; rc==SQLITE_OK && nArg<=nmax; nArg++){
      rc = kl_register(db, f, nArg);
      if( rc!=SQLITE_OK && pzErrMsg ){
        *pzErrMsg = sqlite3_mprintf("sqlite-kl: cannot register %s/%d: %s",
                                    f->name, nArg, sqlite3_errstr(rc));
      }
    }
  }
  return rc;
}
