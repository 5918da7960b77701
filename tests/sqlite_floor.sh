#!/bin/sh
# tests/sqlite_floor.sh — the oldest SQLite the extension can run on,
# derived from what the code uses, and compared with the minimum that
# docs/install.md states (its line "Minimum SQLite: **X.Y.Z**").
#
# What the code calls: every sqlite3_api->NAME in the preprocessed sources
# (the loadable build calls SQLite only through that table).  Each member
# of the table is dated by the "Version X.Y.Z and later" comment above it
# in vendor/sqlite/sqlite3ext.h (members above the first such comment are
# older than 3.7.16, the first one dated).  What it passes: every SQLITE_*
# constant in src/, each dated by the table below from SQLite's release
# history, since sqlite3.h does not date them; a constant missing from the
# table fails the check, so a new one cannot slip in undated.
#
# Prints "ok sqlite.floor (...)" or "FAIL sqlite.floor: ...", then
# sqlite.floor-refused (src/kl.c's KL_SQLITE_MIN, below which loading
# fails with a message, is the same version) and sqlite.floor-documented
# (docs/install.md says the same).
set -u
CC=${CC:-cc}
T=$(mktemp -d "${TMPDIR:-/tmp}/kl-floor.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT

# SQLITE_* constants the code uses, with the release that added them.
cat > "$T/constants" <<'EOF'
SQLITE_OK 3.0.0
SQLITE_ERROR 3.0.0
SQLITE_NOMEM 3.0.0
SQLITE_TOOBIG 3.0.0
SQLITE_CONSTRAINT 3.0.0
SQLITE_INTEGER 3.0.0
SQLITE_FLOAT 3.0.0
SQLITE_TEXT 3.0.0
SQLITE_BLOB 3.0.0
SQLITE_NULL 3.0.0
SQLITE_UTF8 3.0.0
SQLITE_STATIC 3.0.0
SQLITE_INDEX_CONSTRAINT_EQ 3.3.7
SQLITE_LIMIT_LENGTH 3.5.8
SQLITE_DETERMINISTIC 3.8.3
SQLITE_INNOCUOUS 3.31.0
SQLITE_VTAB_INNOCUOUS 3.31.0
EOF

# The API table: member name and the version that added it.
awk '
  /^struct sqlite3_api_routines \{/ { inside = 1; v = "3.0.0"; next }
  inside && /^\};/ { exit }
  inside && /Version [0-9.]+ and later/ {
    v = $0; sub(/.*Version /, "", v); sub(/ .*/, "", v); next }
  inside {
    line = $0
    while (match(line, /\(SQLITE_CDECL ?\*[a-z0-9_]+\)|\(\*[a-z0-9_]+\)/)) {
      m = substr(line, RSTART, RLENGTH); gsub(/[()*]|SQLITE_CDECL ?/, "", m)
      print m, v
      line = substr(line, RSTART + RLENGTH)
    }
  }' vendor/sqlite/sqlite3ext.h > "$T/api"
[ -s "$T/api" ] || { echo "FAIL sqlite.floor: no API table read from vendor/sqlite/sqlite3ext.h"; exit 0; }

# What the sources call, through the table, and the constants they name.
: > "$T/called"
for f in src/kl.c src/sql/*.c src/core/*.c; do
  "$CC" -E -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    -Isrc -Isrc/core -Isrc/sql -Ivendor/sqlite "$f" 2> "$T/cpp.err" |
    grep -o 'sqlite3_api->[a-z0-9_]*' | sed 's/sqlite3_api->//' >> "$T/called" ||
    true
  [ -s "$T/cpp.err" ] && { echo "FAIL sqlite.floor: preprocessing $f: $(head -3 "$T/cpp.err")"; exit 0; }
done
sort -u "$T/called" -o "$T/called"
grep -ohE '\bSQLITE_[A-Z0-9_]+' src/*.c src/*.h src/sql/* src/core/* |
  grep -vE '^SQLITE_(CORE|KL_[A-Z0-9_]*|EXTENSION_INIT[0-9])$' | sort -u > "$T/named"

# version comparison: X.Y.Z as one number
awk -v called="$T/called" -v named="$T/named" -v table="$T/constants" '
  function num(v,   a) { split(v, a, "."); return a[1] * 1000000 + a[2] * 1000 + a[3] }
  FILENAME == ARGV[1] { api[$1] = $2; next }
  END {
    while ((getline c < table) > 0) { split(c, p, " "); const[p[1]] = p[2] }
    best = "3.0.0"; why = ""; bad = ""
    while ((getline n < called) > 0) {
      if (!(n in api)) { bad = bad " sqlite3_api->" n " (not in the table)"; continue }
      if (num(api[n]) > num(best)) { best = api[n]; why = "sqlite3_" n }
      else if (api[n] == best) why = why ", sqlite3_" n
    }
    while ((getline n < named) > 0) {
      if (!(n in const)) { bad = bad " " n " (undated: add it to tests/sqlite_floor.sh)"; continue }
      if (num(const[n]) > num(best)) { best = const[n]; why = n }
      else if (const[n] == best) why = why ", " n
    }
    if (bad != "") { print "FAIL sqlite.floor:" bad; exit }
    print best > "/dev/stderr"
    print "ok sqlite.floor (" best ": " why ")"
  }' "$T/api" 2> "$T/floor"
floor=$(cat "$T/floor")
[ -n "$floor" ] || exit 0
# src/kl.c refuses an older SQLite at load time: the same version there.
want=$(echo "$floor" | awk -F. '{ printf "%d", $1 * 1000000 + $2 * 1000 + $3 }')
num=$(sed -n 's/^#define KL_SQLITE_MIN  *\([0-9]*\)$/\1/p' src/kl.c)
text=$(sed -n 's/^#define KL_SQLITE_MIN_TEXT "\(.*\)"$/\1/p' src/kl.c)
if [ "$num" = "$want" ] && [ "$text" = "$floor" ]; then
  echo "ok sqlite.floor-refused ($num)"
else
  echo "FAIL sqlite.floor-refused: src/kl.c refuses SQLite below ${num:-?} ('${text:-?}'); the code needs $floor"
fi
stated=$(sed -n 's/^Minimum SQLite: \*\*\([0-9.]*\)\*\*.*/\1/p' docs/install.md)
if [ "$stated" = "$floor" ]; then
  echo "ok sqlite.floor-documented ($floor)"
else
  echo "FAIL sqlite.floor-documented: the code needs SQLite $floor; docs/install.md states '${stated:-nothing}' (a line 'Minimum SQLite: **X.Y.Z**')"
fi
