#!/bin/sh
# tests/jsonb_sqlite.sh DIR — puts a SQLite amalgamation with jsonb()
# (3.45 or later) into DIR/sqlite3.c, sqlite3.h, sqlite3ext.h: the one npm's
# better-sqlite3 12.11.1 ships in deps/sqlite3/ (the version the Node road
# of tests/roads.sh installs), fetched with `npm pack` from the registry.
# No compiling of better-sqlite3 itself.  Fails loudly (exit 1, a message
# on stderr) when npm or the registry is unavailable: make check must not
# skip the JSONB host silently.  `make test` does not use it.
set -eu
DIR=$1
PKG=better-sqlite3@12.11.1
mkdir -p "$DIR"
if [ -s "$DIR/sqlite3.c" ] && [ -s "$DIR/sqlite3.h" ]; then exit 0; fi
command -v npm > /dev/null 2>&1 || { echo "jsonb_sqlite.sh: npm is not installed (needed for $PKG's sqlite3.c)" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/kl-jsonb.XXXXXX")
trap 'rm -rf "$T"' EXIT
( cd "$T" && timeout 300 npm pack --silent "$PKG" > pack.log 2>&1 ) ||
  { echo "jsonb_sqlite.sh: npm pack $PKG failed: $(tail -3 "$T/pack.log")" >&2; exit 1; }
tar -xzf "$T"/better-sqlite3-*.tgz -C "$T" package/deps/sqlite3 ||
  { echo "jsonb_sqlite.sh: $PKG has no deps/sqlite3" >&2; exit 1; }
cp "$T/package/deps/sqlite3/sqlite3.c" "$T/package/deps/sqlite3/sqlite3.h" \
   "$T/package/deps/sqlite3/sqlite3ext.h" "$DIR/"
