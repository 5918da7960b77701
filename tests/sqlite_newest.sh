#!/bin/sh
# tests/sqlite_newest.sh DIR — a sqlite3 shell on the newest SQLite that a
# registry package ships, for make check to run the suite in (the other end
# of the versions tested; Debian's 3.40.1 is the first).
#
#   sqlite_newest.sh DIR          builds DIR/sqlite3 (make does this)
#   sqlite_newest.sh --check DIR  "ok ID" / "FAIL ID: ..." lines:
#       sqlite-newest.version           DIR/sqlite3 runs SQLite 3.54.1
#       sqlite-newest.vendored-headers  vendor/sqlite/ holds that same
#                                       release's sqlite3.h and sqlite3ext.h,
#                                       byte for byte
#
# The library: SQLite 3.54.1's amalgamation (sqlite3.c, .h, ext.h), as npm's
# better-sqlite3 13.2.0 ships it in deps/sqlite3/ (the release vendor/sqlite/
# comes from).  The shell's front end: shell.c of SQLite 3.52.0, from the
# autoconf tarball in npm's sqlite3 6.0.1 (deps/), the newest shell.c a
# registry package ships; it is a client of SQLite's public interface only,
# so it builds on the newer library, and sqlite_version() is the library's.
# Both come with `npm pack` (no install scripts run, nothing else is
# compiled).  No npm or no registry is a failure (exit 1, a message on
# stderr), not a skip, as for tests/jsonb_sqlite.sh.
set -eu
LIB_PKG=better-sqlite3@13.2.0
SHELL_PKG=sqlite3@6.0.1
SHELL_TGZ=sqlite-autoconf-3520000
WANT=3.54.1
CC=${CC:-cc}

if [ "${1:-}" = --check ]; then
  DIR=$2
  got=$("$DIR/sqlite3" :memory: 'SELECT sqlite_version()' 2>&1) || got="the shell failed: $got"
  if [ "$got" = "$WANT" ]; then echo "ok sqlite-newest.version ($got)"
  else echo "FAIL sqlite-newest.version: got '$got', want '$WANT'"; fi
  if cmp -s "$DIR/sqlite3.h" vendor/sqlite/sqlite3.h && cmp -s "$DIR/sqlite3ext.h" vendor/sqlite/sqlite3ext.h; then
    echo "ok sqlite-newest.vendored-headers"
  else
    echo "FAIL sqlite-newest.vendored-headers: vendor/sqlite/ differs from $LIB_PKG's deps/sqlite3/"
  fi
  exit 0
fi

DIR=$1
mkdir -p "$DIR"
command -v npm > /dev/null 2>&1 || { echo "sqlite_newest.sh: npm is not installed (needed for $LIB_PKG and $SHELL_PKG)" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/kl-newest.XXXXXX")
trap 'rm -rf "$T"' EXIT
( cd "$T" && timeout 300 npm pack --silent "$LIB_PKG" "$SHELL_PKG" > pack.log 2>&1 ) ||
  { echo "sqlite_newest.sh: npm pack $LIB_PKG $SHELL_PKG failed: $(tail -3 "$T/pack.log")" >&2; exit 1; }
tar -xzf "$T"/better-sqlite3-*.tgz -C "$T" package/deps/sqlite3 ||
  { echo "sqlite_newest.sh: $LIB_PKG has no deps/sqlite3" >&2; exit 1; }
mv "$T/package" "$T/lib"
tar -xzf "$T"/sqlite3-*.tgz -C "$T" "package/deps/$SHELL_TGZ.tar.gz" ||
  { echo "sqlite_newest.sh: $SHELL_PKG has no deps/$SHELL_TGZ.tar.gz" >&2; exit 1; }
tar -xzf "$T/package/deps/$SHELL_TGZ.tar.gz" -C "$T" "$SHELL_TGZ/shell.c" ||
  { echo "sqlite_newest.sh: no shell.c in $SHELL_TGZ.tar.gz" >&2; exit 1; }
cp "$T/lib/deps/sqlite3/sqlite3.c" "$T/lib/deps/sqlite3/sqlite3.h" \
   "$T/lib/deps/sqlite3/sqlite3ext.h" "$T/$SHELL_TGZ/shell.c" "$DIR/"
# -O1: half the compile time of -O2, and the suite's time is the
# extension's.  Math functions on, as in Debian's shell (the suite's
# references use ln() and friends); no threads (one connection).
"$CC" -O1 -w -DSQLITE_THREADSAFE=0 -DSQLITE_ENABLE_MATH_FUNCTIONS \
  -c -o "$DIR/sqlite3.o" "$DIR/sqlite3.c"
"$CC" -O1 -w -I"$DIR" -c -o "$DIR/shell.o" "$DIR/shell.c"
"$CC" -o "$DIR/sqlite3" "$DIR/shell.o" "$DIR/sqlite3.o" -lm -ldl
