/*
** host.c — tests that need a C host around SQLite:
**
**  1. Locale independence: the host switches to a locale whose decimal
**     separator is a comma (de_DE.UTF-8, made by tests/run.sh with
**     localedef) before it loads the extension; parsing and printing of
**     numbers must not change.
**  2. The exact set of functions the extension registers: the function list
**     of a connection with the extension, minus that of one without it.
**
** Prints "ok ID" or "FAIL ID: ..." per check.
** Usage: host LOCALE [EXTENSION]   (EXTENSION defaults to ./kl)
*/
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *ext_path = "./kl";

static sqlite3 *open_db(int with_kl){
  sqlite3 *db = 0;
  char *err = 0;
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){
    printf("FAIL open: %s\n", sqlite3_errmsg(db));
    exit(1);
  }
  if( with_kl ){
    sqlite3_enable_load_extension(db, 1);
    if( sqlite3_load_extension(db, ext_path, 0, &err)!=SQLITE_OK ){
      printf("FAIL load: %s\n", err ? err : "?");
      exit(1);
    }
  }
  return db;
}

/* The first column of the first row of sql, as text (static buffer). */
static const char *query(sqlite3 *db, const char *sql){
  static char buf[65536];
  sqlite3_stmt *st;
  int rc;
  buf[0] = 0;
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0)!=SQLITE_OK ){
    snprintf(buf, sizeof buf, "error: %s", sqlite3_errmsg(db));
    return buf;
  }
  rc = sqlite3_step(st);
  if( rc==SQLITE_ROW ){
    const unsigned char *t = sqlite3_column_text(st, 0);
    snprintf(buf, sizeof buf, "%s", t ? (const char*)t : "NULL");
  }else if( rc!=SQLITE_DONE ){
    snprintf(buf, sizeof buf, "error: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(st);
  return buf;
}

static void expect(sqlite3 *db, const char *id, const char *sql,
                   const char *want){
  const char *got = query(db, sql);
  if( strcmp(got, want)==0 ) printf("ok %s\n", id);
  else printf("FAIL %s: got '%s' want '%s'\n", id, got, want);
}

static const char *LIST =
  "SELECT group_concat(f, ' ') FROM (SELECT name || '/' || narg || '/' || "
  "type || '/' || enc || '/' || flags f FROM pragma_function_list "
  "ORDER BY 1)";

int main(int argc, char **argv){
  const char *loc = argc>1 ? argv[1] : "de_DE.UTF-8";
  struct lconv *lc;
  sqlite3 *db, *plain;
  char before[65536], want[65536] = "", *p, *q, added[65536] = "";
  FILE *wf;
  char num[32];

  if( argc>2 ) ext_path = argv[2];
  if( setlocale(LC_ALL, loc)==0 ){
    printf("FAIL locale.set: cannot switch to %s (is it generated?)\n", loc);
    return 1;
  }
  lc = localeconv();
  if( strcmp(lc->decimal_point, ",")==0 ) printf("ok locale.comma\n");
  else printf("FAIL locale.comma: decimal point is '%s'\n", lc->decimal_point);
  snprintf(num, sizeof num, "%.1f", 2.5);
  if( strcmp(num, "2,5")==0 ) printf("ok locale.printf\n");
  else printf("FAIL locale.printf: %s\n", num);

  db = open_db(1);
  /* 0.66698517631859951 is mpmath's value rounded to 17 digits */
  expect(db, "locale.article",
         "SELECT abs(kl_gauss('[2.0,4.0,6.0]','[1.0,2.0,3.0]','[3.0,5.0,8.0]',"
         "'[1.5,2.5,4.0]') - 0.66698517631859951) < 1e-15", "1");
  expect(db, "locale.article-decimals",
         "SELECT abs(kl_gauss('[0.5e1]','[2.5]','[5.25]','[2.5]') - "
         "0.005) < 1e-17", "1");
  expect(db, "locale.json-out", "SELECT kl_json('[0.5, 1e-3, 2.25]')",
         "[0.5,0.001,2.25]");
  expect(db, "locale.json-f32", "SELECT kl_json(X'CDCCCC3D')", "[0.1]");
  expect(db, "locale.f64-bytes", "SELECT hex(kl_f64('[2.5]'))",
         "4B4CC07F663634010000000000000440");
  expect(db, "locale.comma-is-separator", "SELECT kl_dims('[1,5]')", "2");
  expect(db, "locale.message",
         "SELECT kl_gauss(0, -0.5, 0, 1)",
         "error: kl_gauss: sd1 must be > 0 (got -0.5)");
  expect(db, "locale.parse-long",
         "SELECT hex(kl_f64('[1.00000000000000011102230246251565404236316680"
         "908203126]'))", "4B4CC07F66363401010000000000F03F");

  /* the registered set, as the difference of the two function lists */
  plain = open_db(0);
  snprintf(before, sizeof before, " %s ", query(plain, LIST));
  p = (char*)query(db, LIST);
  while( p && *p ){
    char item[256], probe[260];
    size_t n;
    q = strchr(p, ' ');
    n = q ? (size_t)(q - p) : strlen(p);
    if( n >= sizeof item ) n = sizeof item - 1;
    memcpy(item, p, n);
    item[n] = 0;
    snprintf(probe, sizeof probe, " %s ", item);
    if( strstr(before, probe)==0 ){
      if( added[0] ) strncat(added, " ", sizeof added - strlen(added) - 1);
      strncat(added, item, sizeof added - strlen(added) - 1);
    }
    p = q ? q + 1 : 0;
  }
  /* the expected set: tests/data/functions.txt, one per line, sorted */
  wf = fopen("tests/data/functions.txt", "r");
  if( wf ){
    char line[256];
    while( fgets(line, sizeof line, wf) ){
      line[strcspn(line, "\n")] = 0;
      if( line[0]==0 ) continue;
      if( want[0] ) strncat(want, " ", sizeof want - strlen(want) - 1);
      strncat(want, line, sizeof want - strlen(want) - 1);
    }
    fclose(wf);
  }
  {
    if( strcmp(added, want)==0 ) printf("ok registry.exact-set\n");
    else printf("FAIL registry.exact-set: got '%s' want '%s'\n", added, want);
  }
  sqlite3_close(plain);
  sqlite3_close(db);
  return 0;
}
