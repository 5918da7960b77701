/*
** dump.c — prints the lists derived from the function catalogue
** (src/catalogue.h), one per mode.  tests/catalogue/check.sh compares each
** with its committed copy (make test) or rewrites it (make catalogue).
**
**   dump functions   tests/data/functions.txt: name/nArg/kind/enc/flags
**                    of every registration (as pragma_function_list says)
**   dump modules     tests/data/modules.txt: the table-valued functions
**   dump dispatch    tests/include/dispatch.sql: a view that calls any
**                    numeric scalar function by name
**   dump fuzz        tests/catalogue/fuzz.h: one statement per function
**                    and arity, arguments bound by the SQL fuzzer
**   dump examples    tests/catalogue/examples.h: each function's example
**                    call (with a unit, as an aggregate and as a window),
**                    run by the OOM and thread hosts
**   dump oracle      tests/catalogue_oracle.sql: the declared properties
**                    checked on each function's example
**   dump index       docs/functions.md's function index (a Markdown list)
**   dump table       README.md's function table
**
** Only the strings and numbers of the catalogue are used here, so nothing
** of the extension is linked.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"   /* the definitions; the entries come below */

enum { SCALAR, WINDOW, TABLE, AGG };
/* an aggregate: a window function (WINDOW) or a plain one (AGG) */
#define IS_AGG(k) ((k)==WINDOW || (k)==AGG)

typedef struct entry {
  const char *name, *args;
  int kind, props;
  double upper, bound;
  const char *summary, *example;
  int nshared, unit;            /* a family (args NULL): its spec's parts */
  const char *doms;             /* a family's parameter domains */
  const char *names[4];
} entry;

#define KL_SCALAR(n, a, f, app, p, u, b, s, e) { n, a, SCALAR, p, u, b, s, e, 0, 0, 0, {0} },
#define KL_WINDOW(n, a, f, app, p, u, b, s, e) { n, a, WINDOW, p, u, b, s, e, 0, 0, 0, {0} },
#define KL_AGG(n, a, f, app, p, u, b, s, e)    { n, a, AGG, p, u, b, s, e, 0, 0, 0, {0} },
#define KL_TABLE(n, a, m, p, u, b, s, e)       { n, a, TABLE, p, u, b, s, e, 0, 0, 0, {0} },
#define KL_FAMILY(n, ns, d, t, fin, p, u, b, s, e, ...) \
  { n, 0, SCALAR, p, u, b, s, e, ns, \
    (fin)==KL_FIN_SUM || (fin)==KL_FIN_GAUSS, d, { __VA_ARGS__ } },
static const entry CAT[] = {
#include "catalogue.h"
};

/* A family's argument spec, as KL_SCALAR would write it:
** "shared : p-params | q-params [unit]". */
static const char *args_of(const entry *e, char *buf, size_t cap){
  int n = 0, k, half;
  size_t u = 0;
  if( e->args ) return e->args;
  while( n<4 && e->names[n] ) n++;
  half = (n - e->nshared)/2;
  buf[0] = 0;
  for(k=0; k<n; k++){
    const char *sep = k==0 ? "" : k==e->nshared && e->nshared ? " : "
                    : k==e->nshared + half ? " | " : " ";
    u += (size_t)snprintf(buf + u, cap - u, "%s%s", sep, e->names[k]);
  }
  if( e->unit ) snprintf(buf + u, cap - u, " [unit]");
  return buf;
}
#define NCAT (int)(sizeof(CAT)/sizeof(CAT[0]))

/* ------------------------------------------------ the argument spec */

#define MAXA 8
typedef struct spec {
  int n, nmin;              /* arguments, of which required */
  char name[MAXA][24];      /* argument names, in call order */
  int role[MAXA];           /* 's' shared, 'p' first, 'q' second, 'o' other */
  int has_unit;             /* the last optional argument is the unit */
  int paired;               /* has a "|" */
} spec;

static void parse_spec(const char *z, spec *s){
  int side = 'p', shared = strchr(z, ':')!=0;
  memset(s, 0, sizeof *s);
  s->paired = strchr(z, '|')!=0;
  if( shared ) side = 's';
  while( *z ){
    size_t len;
    int opt = 0;
    while( *z==' ' ) z++;
    if( *z==0 ) break;
    if( *z==':' ){ side = 'p'; z++; continue; }
    if( *z=='|' ){ side = 'q'; z++; continue; }
    if( *z=='[' ){ opt = 1; z++; }
    len = strcspn(z, " ]");
    if( s->n>=MAXA || len>=sizeof s->name[0] ) abort();
    memcpy(s->name[s->n], z, len);
    s->name[s->n][len] = 0;
    s->role[s->n] = opt ? 'o' : (s->paired ? side : 'o');
    if( !opt ) s->nmin = s->n + 1;
    if( opt && strcmp(s->name[s->n], "unit")==0 ) s->has_unit = 1;
    s->n++;
    z += len;
    if( *z==']' ) z++;
  }
}

/* The parsed argument spec of an entry. */
static void spec_of(const entry *e, spec *s){
  char sb[128];
  parse_spec(args_of(e, sb, sizeof sb), s);
}

/* The example split at its top-level commas into at most MAXA arguments. */
static int split_example(const char *z, char arg[][128]){
  int n = 0, depth = 0, quote = 0;
  size_t k = 0;
  if( *z==0 ) return 0;
  for(;; z++){
    char c = *z;
    if( c==0 || (c==',' && depth==0 && !quote) ){
      while( k>0 && arg[n][k-1]==' ' ) k--;
      arg[n][k] = 0;
      n++;
      k = 0;
      if( c==0 ) return n;
      while( z[1]==' ' ) z++;
      if( n>=MAXA ) abort();
      continue;
    }
    if( c=='\'' ) quote = !quote;
    else if( !quote && (c=='(' || c=='[') ) depth++;
    else if( !quote && (c==')' || c==']') ) depth--;
    if( k+1>=128 ) abort();
    arg[n][k++] = c;
  }
}

/* "mu1, sd1, mu2, sd2 [, unit]" */
static void signature(const spec *s, char *out, size_t cap){
  size_t used = 0;
  int i;
  out[0] = 0;
  for(i=0; i<s->n; i++){
    int opt = i>=s->nmin;
    used += (size_t)snprintf(out + used, cap - used, "%s%s%s%s",
                             opt ? " [" : "", i ? ", " : "", s->name[i],
                             opt ? "]" : "");
    if( used>=cap ) abort();
  }
}

/* Arguments of a call from the example's pieces, with the roles swapped
** (swap), or the second distribution replaced by the first (same). */
static void call(const char *name, const spec *s, char ex[][128], int nex,
                 int swap, int same, const char *unit, char *out,
                 size_t cap){
  int i, np = 0, nq = 0, ip[MAXA], iq[MAXA];
  size_t used;
  for(i=0; i<nex; i++){
    if( s->role[i]=='p' ) ip[np++] = i;
    if( s->role[i]=='q' ) iq[nq++] = i;
  }
  used = (size_t)snprintf(out, cap, "%s(", name);
  for(i=0; i<nex; i++){
    int j = i, k;
    if( s->role[i]=='q' && (swap || same) ){
      for(k=0; k<nq && iq[k]!=i; k++){}
      j = ip[k];
    }else if( s->role[i]=='p' && swap ){
      for(k=0; k<np && ip[k]!=i; k++){}
      j = iq[k];
    }
    used += (size_t)snprintf(out + used, cap - used, "%s%s", i ? ", " : "",
                             ex[j]);
  }
  if( unit ) used += (size_t)snprintf(out + used, cap - used, "%s'%s'",
                                      nex ? ", " : "", unit);
  snprintf(out + used, cap - used, ")");
}

/* ------------------------------------------------------------ modes */

static int cmp_str(const void *a, const void *b){
  return strcmp(*(char *const*)a, *(char *const*)b);
}

static void functions(void){
  char *line[256];
  int i, a, n = 0;
  for(i=0; i<NCAT; i++){
    spec s;
    if( CAT[i].kind==TABLE ) continue;
    spec_of(&CAT[i], &s);
    for(a=s.nmin; a<=s.n; a++){
      line[n] = malloc(96);
      /* flags: SQLITE_DETERMINISTIC 0x800 | SQLITE_INNOCUOUS 0x200000 */
      snprintf(line[n], 96, "%s/%d/%c/utf8/2099200", CAT[i].name, a,
               CAT[i].kind==WINDOW ? 'w' : CAT[i].kind==AGG ? 'a' : 's');
      n++;
    }
  }
  qsort(line, (size_t)n, sizeof line[0], cmp_str);
  for(i=0; i<n; i++){ puts(line[i]); free(line[i]); }
}

static void modules(void){
  int i;
  for(i=0; i<NCAT; i++) if( CAT[i].kind==TABLE ) puts(CAT[i].name);
}

static void dispatch(void){
  int i, k;
  puts("-- tests/include/dispatch.sql — generated from src/catalogue.h by\n"
       "-- tests/catalogue/dump.c (make catalogue); do not edit.  Calls any\n"
       "-- numeric scalar function by name, for the tests that compare many\n"
       "-- functions with reference tables.  Expects TEMP TABLE calls(fn, id,\n"
       "-- a1, a2, a3, a4, unit); defines TEMP VIEW dispatched(fn, id, unit,\n"
       "-- got).  (A function without a unit argument gives NULL for any\n"
       "-- unit but 'nats'; a table-valued function gives the sum of kl.)");
  printf("CREATE TEMP VIEW dispatched AS SELECT fn, id, unit, CASE fn\n");
  for(i=0; i<NCAT; i++){
    spec s;
    int nreq;
    if( IS_AGG(CAT[i].kind) || !(CAT[i].props & 1) ) continue;
    spec_of(&CAT[i], &s);
    nreq = s.nmin;
    printf("  WHEN '%s' THEN ", CAT[i].name);
    if( !s.has_unit ) printf("CASE unit WHEN 'nats' THEN ");
    if( CAT[i].kind==TABLE ) printf("(SELECT sum(kl) FROM ");
    printf("%s(", CAT[i].name);
    for(k=0; k<nreq; k++) printf("%sa%d", k ? ", " : "", k + 1);
    if( s.has_unit ) printf(", unit)");
    else printf(") END");
    if( CAT[i].kind==TABLE ) printf(")");
    printf("\n");
  }
  puts("  END AS got\n  FROM calls;");
  puts("-- The aggregates over TEMP TABLE agg_calls(fn, id, k, a1, a2, a3, a4,\n"
       "-- unit), one row per row of the group: TEMP VIEW\n"
       "-- dispatched_agg(fn, id, unit, got).");
  printf("CREATE TEMP VIEW dispatched_agg AS SELECT fn, id, unit, CASE fn\n");
  for(i=0; i<NCAT; i++){
    spec s;
    if( !IS_AGG(CAT[i].kind) || !(CAT[i].props & 1) ) continue;
    spec_of(&CAT[i], &s);
    printf("  WHEN '%s' THEN %s(", CAT[i].name, CAT[i].name);
    for(k=0; k<s.nmin; k++) printf("%sa%d", k ? ", " : "", k + 1);
    printf("%s) FILTER (WHERE fn = '%s')\n", s.has_unit ? ", unit" : "",
           CAT[i].name);
  }
  puts("  END AS got\n  FROM agg_calls GROUP BY fn, id, unit;");
}

static void c_string(const char *z){
  putchar('"');
  for(; *z; z++){
    if( *z=='"' || *z=='\\' ) putchar('\\');
    putchar(*z);
  }
  putchar('"');
}

#define ROWS3 " FROM (SELECT 1 k UNION ALL SELECT 2 UNION ALL SELECT 3)"

static void fuzz(void){
  int i, a, k;
  puts("/* tests/catalogue/fuzz.h — generated from src/catalogue.h by\n"
       "** tests/catalogue/dump.c (make catalogue); do not edit.  One\n"
       "** statement per function and arity; the fuzzer binds ?N. */");
  for(i=0; i<NCAT; i++){
    spec s;
    spec_of(&CAT[i], &s);
    for(a=s.nmin; a<=s.n; a++){
      char sql[512];
      size_t u = 0;
      if( CAT[i].kind==SCALAR ){
        u += (size_t)snprintf(sql + u, sizeof sql - u, "SELECT %s(",
                              CAT[i].name);
        for(k=0; k<a; k++) u += (size_t)snprintf(sql + u, sizeof sql - u,
                                                  "%s?%d", k ? ", " : "", k+1);
        snprintf(sql + u, sizeof sql - u, ")");
      }else if( CAT[i].kind==TABLE ){
        u += (size_t)snprintf(sql + u, sizeof sql - u, "SELECT count(*), "
                              "sum(kl), max(i) FROM %s(", CAT[i].name);
        for(k=0; k<a; k++) u += (size_t)snprintf(sql + u, sizeof sql - u,
                                                  "%s?%d", k ? ", " : "", k+1);
        snprintf(sql + u, sizeof sql - u, ")");
      }else{
        /* three rows: ?1.., ?(a+1).., ?1..; as a window and as a group */
        char args[128];
        size_t v = 0;
        int r;
        for(k=0; k<a; k++) v += (size_t)snprintf(args + v, sizeof args - v,
                                                 "%sc%d", k ? ", " : "", k);
        if( CAT[i].kind==AGG ){
          u += (size_t)snprintf(sql + u, sizeof sql - u, "SELECT %s(%s) "
                                "FROM (", CAT[i].name, args);
        }else{
          u += (size_t)snprintf(sql + u, sizeof sql - u, "SELECT %s(%s) OVER "
                                "(ROWS 1 PRECEDING), %s(%s) OVER () FROM (",
                                CAT[i].name, args, CAT[i].name, args);
        }
        for(r=0; r<3; r++){
          u += (size_t)snprintf(sql + u, sizeof sql - u, "%sSELECT ",
                                r ? " UNION ALL " : "");
          for(k=0; k<a; k++){
            u += (size_t)snprintf(sql + u, sizeof sql - u, "%s?%d c%d",
                                  k ? ", " : "", (r==1 ? a : 0) + k + 1, k);
          }
        }
        snprintf(sql + u, sizeof sql - u, ")");
      }
      printf("  ");
      c_string(sql);
      printf(",\n");
    }
  }
}

static void examples(void){
  int i;
  puts("/* tests/catalogue/examples.h — generated from src/catalogue.h by\n"
       "** tests/catalogue/dump.c (make catalogue); do not edit.  Each\n"
       "** function's example call, also with a unit, as a group and as a\n"
       "** window. */");
  for(i=0; i<NCAT; i++){
    const entry *e = &CAT[i];
    spec s;
    char ex[MAXA][128], c[512], sql[1200];
    int nex;
    spec_of(e, &s);
    nex = split_example(e->example, ex);
    call(e->name, &s, ex, nex, 0, 0, 0, c, sizeof c);
    if( e->kind==SCALAR ){
      snprintf(sql, sizeof sql, "SELECT %s", c);
    }else if( e->kind==TABLE ){
      snprintf(sql, sizeof sql, "SELECT i, kl FROM %s", c);
    }else if( e->kind==AGG ){
      snprintf(sql, sizeof sql, "SELECT %s" ROWS3, c);
    }else{
      snprintf(sql, sizeof sql, "SELECT %s OVER (ORDER BY k ROWS 1 PRECEDING)"
               ", %s OVER ()" ROWS3, c, c);
    }
    printf("  ");
    c_string(sql);
    printf(",\n");
    if( s.has_unit ){
      call(e->name, &s, ex, nex, 0, 0, "bits", c, sizeof c);
      if( e->kind==SCALAR ) snprintf(sql, sizeof sql, "SELECT %s", c);
      else if( e->kind==TABLE ) snprintf(sql, sizeof sql, "SELECT sum(kl) "
                                         "FROM %s", c);
      else snprintf(sql, sizeof sql, "SELECT %s" ROWS3, c);
      printf("  ");
      c_string(sql);
      printf(",\n");
    }
  }
}

/* The value of function e's example call, as SQL (a group's for an
** aggregate, the sum of the rows for a table). */
static void value_sql(const entry *e, const char *c, char *out, size_t cap){
  if( e->kind==SCALAR ) snprintf(out, cap, "%s", c);
  else if( e->kind==TABLE ) snprintf(out, cap, "(SELECT sum(kl) FROM %s)", c);
  else snprintf(out, cap, "(SELECT %s" ROWS3 ")", c);
}

/* The extreme-input grid (tests/oracle/grid.sql, made by tests/oracle/
** gen.py with mpmath): each case's outcome, judged by the function's
** declared properties and bound. */
static void grid_checks(void){
  int i;
  puts(".read tests/oracle/grid.sql\n"
       "CREATE TEMP TABLE grid_bound(fn TEXT PRIMARY KEY, bound REAL, "
       "nonneg INT);");
  for(i=0; i<NCAT; i++){
    if( !(CAT[i].props & 1) ) continue;
    printf("INSERT INTO grid_bound VALUES('%s', %.17g, %d);\n", CAT[i].name,
           CAT[i].bound, (CAT[i].props & 2)!=0);
  }
  puts("CREATE TEMP TABLE grid_got AS SELECT g.*, b.bound, b.nonneg,\n"
       "  try_value('SELECT ' || g.sql) AS got FROM grid g JOIN grid_bound b\n"
       "  USING(fn);\n"
       "-- why a case is wrong (NULL: it is right).  A finite truth is met\n"
       "-- within bound relative, plus 1e-318 absolute (a result in the\n"
       "-- subnormal range has few digits to give), 0 exactly, an infinite\n"
       "-- truth (beyond DBL_MAX) by +Inf.  case_bound: a bound that depends\n"
       "-- on the input (kl_mvn's, ACCURACY.md); case_abs: an absolute part\n"
       "-- that does (the streaming histogram aggregates', core/stream.h).\n"
       "CREATE TEMP VIEW grid_bad AS SELECT fn, id, got, want, CASE\n"
       "  WHEN got IS NULL THEN 'NULL'\n"
       "  WHEN typeof(got) = 'text' THEN got\n"
       "  WHEN typeof(got) NOT IN ('real', 'integer') THEN 'not a number'\n"
       "  WHEN nonneg AND got < 0 THEN 'negative'\n"
       "  WHEN outcome = 'zero' AND got <> 0 THEN 'not 0'\n"
       "  WHEN outcome = 'inf' AND got < 9e999 THEN 'finite, truth beyond "
       "DBL_MAX'\n"
       "  WHEN outcome = 'finite' AND got >= 9e999 THEN '+Inf for a finite "
       "truth'\n"
       "  WHEN outcome = 'finite' AND abs(got - want) > coalesce(case_bound, "
       "bound) * abs(want)\n    + coalesce(case_abs, 0) + 1e-318\n"
       "    THEN printf('relative error %.2e', abs(got - want) / want)\n"
       "  END AS why FROM grid_got;");
  for(i=0; i<NCAT; i++){
    const char *n = CAT[i].name;
    if( !(CAT[i].props & 1) ) continue;
    printf("SELECT expect('grid.%s.cases', (SELECT count(*) >= 300 FROM "
           "grid_got WHERE fn = '%s'), 1);\n", n, n);
    printf("SELECT expect('grid.%s', (SELECT count(*) || ' wrong' || "
           "coalesce(': ' || (SELECT group_concat(id || ' ' || why || ' (got ' "
           "|| quote(got) || ', want ' || want || ')', '; ') FROM (SELECT * "
           "FROM grid_bad WHERE fn = '%s' AND why IS NOT NULL LIMIT 3)), '') "
           "FROM grid_bad WHERE fn = '%s' AND why IS NOT NULL), '0 wrong');\n",
           n, n, n);
  }
}

static void oracle(void){
  int i;
  puts("-- tests/catalogue_oracle.sql — generated from src/catalogue.h by\n"
       "-- tests/catalogue/dump.c (make catalogue); do not edit.  Checks\n"
       "-- the properties each function declares, on its example: a REAL\n"
       "-- (never NULL), never negative, within its upper bound, 0 for two\n"
       "-- identical distributions, the same with the two swapped, and bits\n"
       "-- = nats / ln 2 (nats / sqrt(ln 2) for a square root); then the\n"
       "-- extreme-input grid of every numeric function (tests/oracle/).");
  for(i=0; i<NCAT; i++){
    const entry *e = &CAT[i];
    spec s;
    char ex[MAXA][128], c[512], v[600], v2[600];
    int nex;
    if( !(e->props & 1) ) continue;
    spec_of(e, &s);
    nex = split_example(e->example, ex);
    call(e->name, &s, ex, nex, 0, 0, 0, c, sizeof c);
    value_sql(e, c, v, sizeof v);
    printf("SELECT expect('oracle.%s.real', typeof(%s), 'real');\n",
           e->name, v);
    if( e->props & 2 ){
      printf("SELECT expect('oracle.%s.nonneg', %s >= 0, 1);\n", e->name, v);
    }
    if( e->upper > 0 ){
      printf("SELECT expect('oracle.%s.upper', %s <= %.17g, 1);\n", e->name,
             v, e->upper);
    }
    if( e->props & 4 ){
      call(e->name, &s, ex, nex, 0, 1, 0, c, sizeof c);
      value_sql(e, c, v2, sizeof v2);
      printf("SELECT expect('oracle.%s.zero', %s, 0.0);\n", e->name, v2);
    }
    if( e->props & 8 ){
      call(e->name, &s, ex, nex, 1, 0, 0, c, sizeof c);
      value_sql(e, c, v2, sizeof v2);
      printf("SELECT expect('oracle.%s.symmetric', %s, %s, %.0e);\n",
             e->name, v2, v, e->bound);
    }
    if( s.has_unit ){
      call(e->name, &s, ex, nex, 0, 0, "bits", c, sizeof c);
      value_sql(e, c, v2, sizeof v2);
      printf("SELECT expect('oracle.%s.bits', %s, %s / %s, 4e-16);\n",
             e->name, v2, v, (e->props & 32) ? "0.832554611157697756353165"
                                              : "0.693147180559945309417232");
    }
  }
  grid_checks();
}

/* One statement of the oracle fuzzer with ?N in place of the arguments:
** the call itself (how 0), P in place of Q (1), P and Q swapped (2), or
** the call in bits (3).  The first nreq parameters are the arguments. */
static void oracle_stmt(const entry *e, const spec *s, int how, char *out,
                        size_t cap){
  char ex[MAXA][128];
  char c[512];
  int k;
  for(k=0; k<s->nmin; k++) snprintf(ex[k], sizeof ex[k], "?%d", k + 1);
  call(e->name, s, ex, s->nmin, how==2, how==1, how==3 ? "bits" : 0, c,
       sizeof c);
  if( e->kind==TABLE ) snprintf(out, cap, "SELECT sum(kl) FROM %s", c);
  else if( IS_AGG(e->kind) ) snprintf(out, cap, "SELECT %s FROM (SELECT 1 "
                                      "UNION ALL SELECT 2)", c);
  else snprintf(out, cap, "SELECT %s", c);
}

static void fuzz_oracle(void){
  int i;
  puts("/* tests/catalogue/fuzz_oracle.h — generated from src/catalogue.h by\n"
       "** tests/catalogue/dump.c (make catalogue); do not edit.  Per numeric\n"
       "** function: its call, the call with P for Q, with P and Q swapped\n"
       "** and in bits (or NULL), then props, upper (nats), bound, and\n"
       "** whether rows are added by SQLite's sum() (a table). */");
  for(i=0; i<NCAT; i++){
    const entry *e = &CAT[i];
    spec s;
    char q[4][600];
    int h;
    if( !(e->props & 1) ) continue;
    spec_of(e, &s);
    for(h=0; h<4; h++) oracle_stmt(e, &s, h, q[h], sizeof q[h]);
    printf("  { { ");
    for(h=0; h<4; h++){
      if( (h==1 && !(e->props & 4)) || (h==2 && !(e->props & 8))
       || (h==3 && !s.has_unit) || (h>0 && !s.paired && h<3) ){
        printf("0, ");
      }else{
        c_string(q[h]);
        printf(", ");
      }
    }
    printf("}, %d, %.17g, %.17g, %d },\n", e->props, e->upper, e->bound,
           e->kind==TABLE);
  }
}

/* GitHub's anchor of a "### name" heading is the name itself. */
static void index_md(int table){
  int i;
  if( table ){
    puts("| function | what it computes |\n| --- | --- |");
  }
  for(i=0; i<NCAT; i++){
    spec s;
    char sig[160];
    spec_of(&CAT[i], &s);
    signature(&s, sig, sizeof sig);
    if( table ){
      printf("| [`%s(%s)`](docs/functions.md#%s) | %s%s |\n", CAT[i].name,
             sig, CAT[i].name, CAT[i].summary,
             CAT[i].kind==WINDOW ? " (aggregate, window)" :
             CAT[i].kind==AGG ? " (aggregate)" :
             CAT[i].kind==TABLE ? " (table-valued)" : "");
    }else{
      printf("- [`%s(%s)`](#%s): %s\n", CAT[i].name, sig, CAT[i].name,
             CAT[i].summary);
    }
  }
}

int main(int argc, char **argv){
  const char *m = argc>1 ? argv[1] : "";
  if( strcmp(m, "functions")==0 ) functions();
  else if( strcmp(m, "modules")==0 ) modules();
  else if( strcmp(m, "dispatch")==0 ) dispatch();
  else if( strcmp(m, "fuzz")==0 ) fuzz();
  else if( strcmp(m, "examples")==0 ) examples();
  else if( strcmp(m, "oracle")==0 ) oracle();
  else if( strcmp(m, "fuzz_oracle")==0 ) fuzz_oracle();
  else if( strcmp(m, "index")==0 ) index_md(0);
  else if( strcmp(m, "table")==0 ) index_md(1);
  else if( strcmp(m, "specs")==0 ){
    /* for the reference generators and the fuzz seeds: name, kind, args,
    ** props, upper, bound, family domains (or -), example */
    int i;
    for(i=0; i<NCAT; i++){
      char sb[128];
      printf("%s\t%s\t%s\t%d\t%.17g\t%.17g\t%s\t%s\n", CAT[i].name,
             CAT[i].kind==SCALAR ? "scalar" : CAT[i].kind==WINDOW ? "window"
                                 : CAT[i].kind==AGG ? "aggregate"
                                 : "table",
             args_of(&CAT[i], sb, sizeof sb), CAT[i].props, CAT[i].upper,
             CAT[i].bound, CAT[i].doms ? CAT[i].doms : "-", CAT[i].example);
    }
  }else if( strcmp(m, "names")==0 ){
    int i;
    for(i=0; i<NCAT; i++) puts(CAT[i].name);
  }else{
    fprintf(stderr, "usage: dump functions|modules|dispatch|fuzz|examples|"
            "oracle|index|table|names\n");
    return 2;
  }
  return 0;
}
