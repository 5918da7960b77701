/*
** examples/static_demo.c — sqlite-kl compiled into a program, linked
** statically against the system SQLite (libsqlite3.a).  Build and run:
**
**   make examples/static_demo && ./examples/static_demo
**
** It registers the extension for every connection with
** sqlite3_auto_extension(), opens an in-memory database and prints the
** article's example: 0.6669851763185995 nats.
*/
#include <stdio.h>
#include <sqlite3.h>
#include "kl.h"

int main(void){
  sqlite3 *db;
  sqlite3_stmt *st;
  int rc;
  if( sqlite3_auto_extension((void(*)(void))sqlite3_kl_init)!=SQLITE_OK ){
    fprintf(stderr, "cannot register sqlite-kl\n");
    return 1;
  }
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){
    fprintf(stderr, "cannot open a database\n");
    return 1;
  }
  rc = sqlite3_prepare_v2(db,
    "SELECT kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'), "
    "kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]', 'bits'), "
    "kl_version(), sqlite_version()", -1, &st, 0);
  if( rc!=SQLITE_OK || sqlite3_step(st)!=SQLITE_ROW ){
    fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  printf("nats %.16g\nbits %.15g\nsqlite-kl %s on SQLite %s\n",
         sqlite3_column_double(st, 0), sqlite3_column_double(st, 1),
         (const char*)sqlite3_column_text(st, 2),
         (const char*)sqlite3_column_text(st, 3));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return 0;
}
