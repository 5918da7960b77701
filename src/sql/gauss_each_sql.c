/*
** sql/gauss_each_sql.c — the per-dimension breakdown of kl_gauss, as a table-valued
** function (an eponymous virtual table, like json_each):
**
**   SELECT i, kl FROM kl_gauss_each('[2,4,6]', '[1,2,3]', '[3,5,8]',
**                                   '[1.5,2.5,4]');
**   0|0.349909552552609
**   1|0.12314355131421
**   2|0.193932072451781
**
** Columns: i (0-based dimension), mu1, sd1, mu2, sd2 (that dimension's
** parameters) and kl (its term of kl_gauss, >= 0).  The arguments are those
** of kl_gauss, with the optional unit: kl_gauss_each(mu1, sd1, mu2, sd2
** [, unit]); they are the hidden columns arg_mu1, arg_sd1, arg_mu2,
** arg_sd2 and unit.  The sum of kl over the rows is kl_gauss (up to the
** rounding of the sum), so ORDER BY kl DESC LIMIT 5 names the dimensions
** that drive a divergence.
**
** Rules: the arguments are read and checked as kl_gauss does, by the same
** argument layer (sql/args.h: same forms, broadcasting, order of checks
** and error messages, under the name kl_gauss_each; the messages go to
** the virtual table's zErrMsg); a NULL
** argument gives no rows (as json_each(NULL) does); fewer than four
** arguments is an error.  The vectors are held in memory while the rows
** are read (memory linear in the dimension).
*/
#include "args.h"
#include "gauss.h"
SQLITE_EXTENSION_INIT3

#include "functions.h"

#include <math.h>
#include <string.h>

#define EACH_FNAME "kl_gauss_each"

enum { COL_I, COL_MU1, COL_SD1, COL_MU2, COL_SD2, COL_KL,
       COL_ARG_MU1, COL_ARG_SD1, COL_ARG_MU2, COL_ARG_SD2, COL_UNIT };
#define NARGS 5
#define REQUIRED 0x0F   /* the four distributions' arguments */

static const char *const arg_names[4] = { "mu1", "sd1", "mu2", "sd2" };

typedef struct each_cursor {
  sqlite3_vtab_cursor base;
  kl_dbuf v[4];           /* the four vectors, whole */
  int is_num[4];          /* plain numbers broadcast */
  size_t n, i;            /* rows, current row */
  kl_unit unit;
  sqlite3_value *arg[NARGS];  /* the arguments, for the hidden columns */
} each_cursor;

static int each_connect(sqlite3 *db, void *pAux, int argc,
                        const char *const *argv, sqlite3_vtab **ppVtab,
                        char **pzErr){
  sqlite3_vtab *vt;
  int rc;
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  rc = sqlite3_declare_vtab(db, "CREATE TABLE x(i INTEGER, mu1 REAL, "
                            "sd1 REAL, mu2 REAL, sd2 REAL, kl REAL, "
                            "arg_mu1 HIDDEN, arg_sd1 HIDDEN, arg_mu2 HIDDEN, "
                            "arg_sd2 HIDDEN, unit HIDDEN)");
  if( rc ) return rc;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  vt = (sqlite3_vtab*)sqlite3_malloc(sizeof(*vt));
  if( vt==0 ) return SQLITE_NOMEM;
  memset(vt, 0, sizeof(*vt));
  *ppVtab = vt;
  return SQLITE_OK;
}

static int each_disconnect(sqlite3_vtab *vt){
  sqlite3_free(vt);
  return SQLITE_OK;
}

static int each_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **ppCur){
  each_cursor *c = (each_cursor*)sqlite3_malloc(sizeof(*c));
  (void)vt;
  if( c==0 ) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  *ppCur = &c->base;
  return SQLITE_OK;
}

static void each_reset(each_cursor *c){
  int k;
  for(k=0; k<4; k++){
    sqlite3_free(c->v[k].p);
    memset(&c->v[k], 0, sizeof c->v[k]);
  }
  for(k=0; k<NARGS; k++){
    sqlite3_value_free(c->arg[k]);
    c->arg[k] = 0;
  }
  c->n = c->i = 0;
}

static int each_close(sqlite3_vtab_cursor *cur){
  each_reset((each_cursor*)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/*
** The arguments are equality constraints on the hidden columns; idxNum
** has bit k set when argument k is given, and they are passed to xFilter
** in argument order.
*/
static int each_best_index(sqlite3_vtab *vt, sqlite3_index_info *info){
  int pos[NARGS], k, i, seen = 0, unusable = 0, n = 0;
  (void)vt;
  for(k=0; k<NARGS; k++) pos[k] = -1;
  for(i=0; i<info->nConstraint; i++){
    const struct sqlite3_index_constraint *p = &info->aConstraint[i];
    int col = p->iColumn - COL_ARG_MU1;
    if( col<0 || col>=NARGS || p->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( !p->usable ){
      unusable |= 1 << col;
      continue;
    }
    pos[col] = i;
    seen |= 1 << col;
  }
  /* an argument that exists but is not usable yet: ask for another plan */
  if( unusable & ~seen ) return SQLITE_CONSTRAINT;
  for(k=0; k<NARGS; k++){
    if( pos[k]<0 ) continue;
    info->aConstraintUsage[pos[k]].argvIndex = ++n;
    info->aConstraintUsage[pos[k]].omit = 1;
  }
  info->idxNum = seen;
  info->estimatedCost = (seen & REQUIRED)==REQUIRED ? 100.0 : 1e12;
  info->estimatedRows = 100;
  return SQLITE_OK;
}

/*
** Reads the arguments as kl_gauss does, through the same argument layer
** (sql/args.h): lock-step, with broadcasting, and sd1, sd2 > 0 checked
** chunk by chunk; the vectors are kept whole in c->v (a plain number as
** one element).  Errors are the layer's messages, in *pzErr.
*/
static int each_read(each_cursor *c, sqlite3_value **argv, char **pzErr){
  kl_argv *a;
  size_t n;
  int k, rc;
  a = (kl_argv*)sqlite3_malloc(sizeof(*a));   /* 8 KiB of chunk buffers */
  if( a==0 ) return SQLITE_NOMEM;
  rc = kl_args_open(a, EACH_FNAME, arg_names, 4, argv, 0, pzErr);
  for(k=0; k<4 && rc==SQLITE_OK; k++){
    c->is_num[k] = a->v[k].kind==KL_NUM;
    if( c->is_num[k] ) rc = kl_dbuf_append(&c->v[k], &a->v[k].num, 1);
  }
  while( rc==SQLITE_OK ){
    rc = kl_args_next(a, &n, pzErr);
    if( rc || n==0 ) break;
    rc = kl_args_check(a, 1, n, KL_DOM_POS, 0, pzErr);
    if( rc==SQLITE_OK ) rc = kl_args_check(a, 3, n, KL_DOM_POS, 0, pzErr);
    for(k=0; k<4 && rc==SQLITE_OK; k++){
      if( !c->is_num[k] ) rc = kl_dbuf_append(&c->v[k], a->buf[k], n);
    }
  }
  c->n = a->done;
  sqlite3_free(a);
  return rc;
}

static int each_filter(sqlite3_vtab_cursor *cur, int idxNum,
                       const char *idxStr, int argc, sqlite3_value **argv){
  each_cursor *c = (each_cursor*)cur;
  char **pzErr = &cur->pVtab->zErrMsg;
  int k, a, rc = SQLITE_OK;
  (void)idxStr;
  each_reset(c);
  c->unit = KL_NATS;
  if( (idxNum & REQUIRED)!=REQUIRED ){
    return kl_fail(pzErr, sqlite3_mprintf("%s: needs the arguments mu1, sd1, "
                                          "mu2, sd2 (and an optional unit)",
                                          EACH_FNAME));
  }
  for(k=0, a=0; k<NARGS; k++){
    if( (idxNum & (1 << k))==0 ) continue;
    c->arg[k] = sqlite3_value_dup(argv[a++]);
    if( c->arg[k]==0 ){
      each_reset(c);
      return SQLITE_NOMEM;
    }
  }
  /* NULL anywhere gives no rows, as json_each(NULL) does */
  for(k=0; k<argc; k++){
    if( sqlite3_value_type(argv[k])==SQLITE_NULL ) return SQLITE_OK;
  }
  /* the unit first, then the vectors: kl_gauss's order */
  if( idxNum & (1 << 4) ) rc = kl_arg_unit(EACH_FNAME, argv[4], &c->unit, pzErr);
  if( rc==SQLITE_OK ) rc = each_read(c, argv, pzErr);
  if( rc ) each_reset(c);
  return rc;
}

static int each_next(sqlite3_vtab_cursor *cur){
  ((each_cursor*)cur)->i++;
  return SQLITE_OK;
}

static int each_eof(sqlite3_vtab_cursor *cur){
  each_cursor *c = (each_cursor*)cur;
  return c->i >= c->n;
}

/* Element i of argument k (numbers broadcast). */
static double each_at(const each_cursor *c, int k){
  return c->is_num[k] ? c->v[k].p[0] : c->v[k].p[c->i];
}

static int each_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx,
                       int col){
  each_cursor *c = (each_cursor*)cur;
  switch( col ){
    case COL_I:
      sqlite3_result_int64(ctx, (sqlite3_int64)c->i);
      break;
    case COL_MU1: case COL_SD1: case COL_MU2: case COL_SD2:
      sqlite3_result_double(ctx, each_at(c, col - COL_MU1));
      break;
    case COL_KL:
      sqlite3_result_double(ctx, kl_unit_scale(
        kl_gauss_term(each_at(c, 0), each_at(c, 1), each_at(c, 2),
                      each_at(c, 3)), c->unit));
      break;
    default:
      /* the hidden columns: the arguments as given */
      if( c->arg[col - COL_ARG_MU1] ){
        sqlite3_result_value(ctx, c->arg[col - COL_ARG_MU1]);
      }
      break;
  }
  return SQLITE_OK;
}

static int each_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = (sqlite3_int64)((each_cursor*)cur)->i;
  return SQLITE_OK;
}

/* Eponymous only (no xCreate): it exists in every schema, as json_each. */
const sqlite3_module kl_gauss_each_module = {
  .iVersion = 0,
  .xConnect = each_connect,
  .xBestIndex = each_best_index,
  .xDisconnect = each_disconnect,
  .xOpen = each_open,
  .xClose = each_close,
  .xFilter = each_filter,
  .xNext = each_next,
  .xEof = each_eof,
  .xColumn = each_column,
  .xRowid = each_rowid,
};
