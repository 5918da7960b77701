/*
** preload/preload.c — makes the kl functions available on every connection of a
** program that links SQLite dynamically, without changing the program:
**
**   LD_PRELOAD=./kl_preload.so program
**
** It defines sqlite3_open, sqlite3_open_v2 and sqlite3_open16, which the
** dynamic linker binds ahead of libsqlite3's: each calls the real function
** (found with dlsym(RTLD_NEXT, ...)) and then registers the extension on the
** new connection.  Registering through sqlite3_auto_extension() from a
** library constructor would initialise SQLite before a program that calls
** sqlite3_config() at start can do so (go-dqlite does, and panics);
** interposing the opens leaves initialisation to the program.
**
** Rules: (1) the real open's return code and handle are passed through
** untouched; (2) if registration fails the connection is still returned
** open, without the functions (the program's open must not break);
** (3) if the real function cannot be found, the call fails with
** SQLITE_ERROR and *ppDb = 0, as an open that could not start.
**
** Built by make as kl_preload.so from the extension's sources compiled with
** -DSQLITE_CORE, linked against the system libsqlite3.
*/
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <sqlite3.h>
#include <stddef.h>

int sqlite3_kl_init(sqlite3 *db, char **pzErrMsg,
                    const sqlite3_api_routines *pApi);

#define KL_EXPORT __attribute__((visibility("default")))

static void register_kl(sqlite3 *db){
  char *err = 0;
  if( db ) sqlite3_kl_init(db, &err, 0);
  sqlite3_free(err);   /* rule (2): a failure leaves the connection as is */
}

typedef int (*open_fn)(const char*, sqlite3**);
typedef int (*open_v2_fn)(const char*, sqlite3**, int, const char*);
typedef int (*open16_fn)(const void*, sqlite3**);

KL_EXPORT int sqlite3_open(const char *zFilename, sqlite3 **ppDb){
  open_fn real = (open_fn)dlsym(RTLD_NEXT, "sqlite3_open");
  int rc;
  if( real==0 ){ *ppDb = 0; return SQLITE_ERROR; }
  rc = real(zFilename, ppDb);
  if( rc==SQLITE_OK ) register_kl(*ppDb);
  return rc;
}

KL_EXPORT int sqlite3_open_v2(const char *zFilename, sqlite3 **ppDb,
                              int flags, const char *zVfs){
  open_v2_fn real = (open_v2_fn)dlsym(RTLD_NEXT, "sqlite3_open_v2");
  int rc;
  if( real==0 ){ *ppDb = 0; return SQLITE_ERROR; }
  rc = real(zFilename, ppDb, flags, zVfs);
  if( rc==SQLITE_OK ) register_kl(*ppDb);
  return rc;
}

KL_EXPORT int sqlite3_open16(const void *zFilename, sqlite3 **ppDb){
  open16_fn real = (open16_fn)dlsym(RTLD_NEXT, "sqlite3_open16");
  int rc;
  if( real==0 ){ *ppDb = 0; return SQLITE_ERROR; }
  rc = real(zFilename, ppDb);
  if( rc==SQLITE_OK ) register_kl(*ppDb);
  return rc;
}
