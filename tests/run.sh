#!/bin/sh
# tests/run.sh — runs every test and counts the checks.
#
# Each SQL test script runs in the sqlite3 shell with the extension and
# the test harness (tests/harness.c) loaded; each C host in TEST_HOSTS runs
# as a program.  Both print one line per check, "ok ID" or "FAIL ID: ...".
# A file fails as a whole (and counts one failure) when it prints anything
# else, writes to stderr, exits non-zero, or runs no check at all.
# tests/selftest/*.sql must fail every check: that proves the harness can.
#
# Ends with the line "N passed, N failed"; exits 1 on any failure.
#
# Environment (used by make check for the sanitizer and valgrind runs):
#   BUILD    a directory holding kl.so, harness.so, unit_core and host built
#            another way (default: ./kl.so and tests/)
#   WRAP     a command prefix for every program run, e.g. valgrind
#   PRELOAD  LD_PRELOAD for the sqlite3 shell only (a sanitizer runtime)
#   SQL      the SQL scripts to run (default: tests/*.sql tests/big/*.sql;
#            tests/big/ holds the scripts on samples of 10^5 to 10^6 rows,
#            which the valgrind phase and the emulated builds leave out)

SQLITE=${SQLITE:-sqlite3}
if [ -n "${BUILD:-}" ]; then
  KL=$BUILD/kl HARNESS=$BUILD/harness UNIT=$BUILD/unit_core HOST=$BUILD/host
else
  KL=./kl HARNESS=tests/harness UNIT=tests/unit_core HOST=tests/host
fi
# A directory of this run's own: two runs in one checkout do not collide.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kl-run.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
WRAP=${WRAP:-}
SQL=${SQL:-tests/*.sql tests/big/*.sql}
. tests/lib.sh

run_sql() {
  f=$1
  LD_PRELOAD=${PRELOAD:-} $WRAP "$SQLITE" -batch :memory: -cmd ".load $KL" \
    -cmd ".load $HARNESS" < "$f" > "$TMP/out" 2> "$TMP/err"
  echo $?
}

for f in $SQL; do
  [ -e "$f" ] || continue
  status=$(run_sql "$f")
  tally "$f" "$TMP/out" "$TMP/err" "$status"
done

for f in tests/selftest/*.sql; do
  [ -e "$f" ] || continue
  status=$(run_sql "$f")
  tally "$f" "$TMP/out" "$TMP/err" "$status" invert
done

# The README's sqlite3 sessions, executed and compared with what it shows.
# Not under WRAP: valgrind computes long double as double, and SQLite's own
# printf('%.16g') then prints a different last digit of the same double.
WRAP= KL=$KL PRELOAD=${PRELOAD:-} sh tests/readme.sh > "$TMP/out" 2> "$TMP/err"
tally docs "$TMP/out" "$TMP/err" $?

# The lists derived from the catalogue (src/catalogue.h) are up to date.
sh tests/catalogue/check.sh check > "$TMP/out" 2> "$TMP/err"
tally tests/catalogue "$TMP/out" "$TMP/err" $?

$WRAP "$UNIT" > "$TMP/out" 2> "$TMP/err"
tally "$UNIT" "$TMP/out" "$TMP/err" $?

# A locale with a decimal comma, made here so no system locale is needed
# (localedef and the de_DE source come with Debian's 'locales' package).
rm -rf "$TMP/locale" && mkdir -p "$TMP/locale"
if localedef -i de_DE -f UTF-8 "$TMP/locale/de_DE.UTF-8" > "$TMP/err" 2>&1; then
  : > "$TMP/err"
else
  echo "localedef failed: install Debian's 'locales' package" >> "$TMP/err"
fi
LOCPATH="$TMP/locale" $WRAP "$HOST" de_DE.UTF-8 "$KL" > "$TMP/out" 2>> "$TMP/err"
tally "$HOST" "$TMP/out" "$TMP/err" $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
