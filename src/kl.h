/*
** kl.h — the public interface of sqlite-kl, for programs that compile the
** extension in (static embedding) instead of loading kl.so.
**
**   cc -DSQLITE_CORE -Isrc -Isrc/core -Isrc/sql app.c src/kl.c \
**      (every .c file of src/core and src/sql) -lsqlite3 -lm
**   #include "kl.h"
**   sqlite3_auto_extension((void(*)(void))sqlite3_kl_init);
**
** after which every connection the program opens has the functions; or
** call sqlite3_kl_init(db, &zErrMsg, 0) on one connection.  With
** SQLITE_CORE the third argument is unused.  Loaded as an extension
** (.load ./kl), SQLite calls the same entry point itself.
*/
#ifndef KL_H
#define KL_H

#include <sqlite3.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version: the only place it is written.  kl_version() returns it;
** tests/vectors.sql checks that debian/changelog says the same. */
#define SQLITE_KL_VERSION "0.5.0"

/* Registers every function and the kl_gauss_each module on db. */
int sqlite3_kl_init(sqlite3 *db, char **pzErrMsg,
                    const sqlite3_api_routines *pApi);

#ifdef __cplusplus
}
#endif

#endif /* KL_H */
