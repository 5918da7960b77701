#!/bin/sh
# tests/sqlite_shell.sh newest|oldest DIR — a sqlite3 shell on another SQLite
# than Debian's 3.40.1, built from an amalgamation that an npm package
# ships, for make check to run the suite in: the two ends of the SQLite
# versions tested (docs/install.md, Versions and compatibility).
#
#   sqlite_shell.sh KIND DIR          builds DIR/sqlite3 (make does this);
#                                     KIND is newest, oldest or below
#   sqlite_shell.sh --check KIND DIR  "ok ID" / "FAIL ID: ..." lines:
#       sqlite-KIND.version           DIR/sqlite3 runs the SQLite below
#       sqlite-newest.vendored-headers  vendor/sqlite/ holds that same
#                                     release's sqlite3.h and sqlite3ext.h,
#                                     byte for byte
#
# newest: SQLite 3.54.1, the newest a registry package ships: the library
#   is the amalgamation (sqlite3.c, .h, ext.h) in npm's better-sqlite3
#   13.2.0 (deps/sqlite3/, where vendor/sqlite/ comes from); the shell's
#   front end is shell.c of SQLite 3.52.0, from the autoconf tarball in
#   npm's sqlite3 6.0.1 (deps/), the newest shell.c a registry package
#   ships.  shell.c is a client of SQLite's public interface only, so it
#   builds on the newer library; sqlite_version() is the library's.
# oldest: SQLite 3.31.1, the first release of the minimum's minor version
#   (3.31.0, tests/sqlite_floor.sh), library and shell from the autoconf
#   tarball in npm's sqlite3 4.2.0.
# below: SQLite 3.30.1, older than the minimum, from npm's sqlite3 4.1.1:
#   --check also loads ./kl (KL) and wants the refusal's message
#   (sqlite-below.refused).  Compiled at -O0: it runs one statement.
#
# Packages come with `npm pack` (no install scripts run, nothing else is
# compiled).  No npm or no registry is a failure (exit 1, a message on
# stderr), not a skip, as for tests/jsonb_sqlite.sh.
set -eu
CC=${CC:-cc}

kind() {
  case $1 in
    newest) LIB_PKG=better-sqlite3@13.2.0 SHELL_PKG=sqlite3@6.0.1
            TGZ=sqlite-autoconf-3520000 WANT=3.54.1 ;;
    oldest) LIB_PKG= SHELL_PKG=sqlite3@4.2.0
            TGZ=sqlite-autoconf-3310100 WANT=3.31.1 ;;
    below)  LIB_PKG= SHELL_PKG=sqlite3@4.1.1
            TGZ=sqlite-autoconf-3300100 WANT=3.30.1 ;;
    *) echo "sqlite_shell.sh: newest, oldest or below, not '$1'" >&2; exit 2 ;;
  esac
}

if [ "${1:-}" = --check ]; then
  kind "$2"
  DIR=$3
  got=$("$DIR/sqlite3" :memory: 'SELECT sqlite_version()' 2>&1) || got="the shell failed: $got"
  if [ "$got" = "$WANT" ]; then echo "ok sqlite-$2.version ($got)"
  else echo "FAIL sqlite-$2.version: got '$got', want '$WANT'"; fi
  if [ "$2" = below ]; then
    # Loading refuses this SQLite with a message, and registers nothing.
    got=$("$DIR/sqlite3" -cmd ".load ${KL:-./kl}" :memory: "SELECT 1" 2>&1 | head -1)
    want="Error: error during initialization: sqlite-kl needs SQLite 3.31.0 or later, not $WANT"
    if [ "$got" = "$want" ]; then echo "ok sqlite-below.refused"
    else echo "FAIL sqlite-below.refused: got '$got', want '$want'"; fi
  fi
  if [ "$2" = newest ]; then
    if cmp -s "$DIR/sqlite3.h" vendor/sqlite/sqlite3.h && cmp -s "$DIR/sqlite3ext.h" vendor/sqlite/sqlite3ext.h; then
      echo "ok sqlite-newest.vendored-headers"
    else
      echo "FAIL sqlite-newest.vendored-headers: vendor/sqlite/ differs from $LIB_PKG's deps/sqlite3/"
    fi
  fi
  exit 0
fi

kind "$1"
DIR=$2
mkdir -p "$DIR"
command -v npm > /dev/null 2>&1 || { echo "sqlite_shell.sh: npm is not installed (needed for $LIB_PKG $SHELL_PKG)" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/kl-sqlite-shell.XXXXXX")
trap 'rm -rf "$T"' EXIT
# shellcheck disable=SC2086
( cd "$T" && timeout 300 npm pack --silent $LIB_PKG "$SHELL_PKG" > pack.log 2>&1 ) ||
  { echo "sqlite_shell.sh: npm pack $LIB_PKG $SHELL_PKG failed: $(tail -3 "$T/pack.log")" >&2; exit 1; }
tar -xzf "$T"/sqlite3-*.tgz -C "$T" "package/deps/$TGZ.tar.gz" ||
  { echo "sqlite_shell.sh: $SHELL_PKG has no deps/$TGZ.tar.gz" >&2; exit 1; }
tar -xzf "$T/package/deps/$TGZ.tar.gz" -C "$T" ||
  { echo "sqlite_shell.sh: $TGZ.tar.gz did not unpack" >&2; exit 1; }
cp "$T/$TGZ/shell.c" "$T/$TGZ/sqlite3.c" "$T/$TGZ/sqlite3.h" "$T/$TGZ/sqlite3ext.h" "$DIR/"
if [ -n "$LIB_PKG" ]; then
  rm -rf "$T/package"
  tar -xzf "$T"/better-sqlite3-*.tgz -C "$T" package/deps/sqlite3 ||
    { echo "sqlite_shell.sh: $LIB_PKG has no deps/sqlite3" >&2; exit 1; }
  cp "$T/package/deps/sqlite3/sqlite3.c" "$T/package/deps/sqlite3/sqlite3.h" \
     "$T/package/deps/sqlite3/sqlite3ext.h" "$DIR/"
fi
# -O1: half the compile time of -O2, and the suite's time is the
# extension's.  Math functions (3.35 on) and JSON (built in from 3.38,
# JSON1 before) on, as in Debian's shell; no threads (one connection).
O=-O1
[ "$1" = below ] && O=-O0
"$CC" $O -w -DSQLITE_THREADSAFE=0 -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_ENABLE_JSON1 \
  -c -o "$DIR/sqlite3.o" "$DIR/sqlite3.c"
"$CC" $O -w -I"$DIR" -c -o "$DIR/shell.o" "$DIR/shell.c"
"$CC" -o "$DIR/sqlite3" "$DIR/shell.o" "$DIR/sqlite3.o" -lm -ldl
