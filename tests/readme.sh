#!/bin/sh
# tests/readme.sh — the sqlite3 sessions shown in the documentation are
# executed and their printed output compared with what the page shows, so
# the docs cannot drift.  Pages: README.md, ARCHITECTURE.md and every
# docs/*.md (DOCS overrides the list).  Every ``` block holding "sqlite> "
# lines is one session on a fresh database; each statement runs as
# `sqlite3 -cmd '.load ./kl' DB "SQL"` (the way the pages' errors read
# "Error: stepping, ...").  "   ...> " lines continue a statement; the lines
# after a statement, up to the next statement or the end of the block, are
# its expected output.  Prints "ok FILE:LINE" / "FAIL FILE:LINE: ...", LINE
# being the line of the statement's "sqlite> ".
# KL, PRELOAD and WRAP as in tests/run.sh.
set -u
KL=${KL:-./kl}
T=$(mktemp -d "${TMPDIR:-/tmp}/kl-readme.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
files=""
for f in ${DOCS:-README.md ARCHITECTURE.md docs/*.md}; do
  [ -f "$f" ] && files="$files $f"
done
[ -n "$files" ] || { echo "readme.sh: no page to read" >&2; exit 1; }
# One pass over all pages; blocks are numbered across them, so each block,
# whatever page it is on, gets a database of its own.
# shellcheck disable=SC2086
awk -v dir="$T" '
  FNR == 1 { inblock = 0; cur = "" }
  /^```/ { inblock = !inblock; block++; cur = ""; next }
  !inblock { next }
  /^sqlite> / {
    n++; f = dir "/" n;
    print block > (f ".block"); print FILENAME ":" FNR > (f ".id");
    close(f ".block"); close(f ".id");
    sub(/^sqlite> /, ""); printf "%s", $0 > (f ".sql");
    printf "" > (f ".want");
    if (cur != "") { close(cur ".sql"); close(cur ".want") }
    cur = f; next }
  /^   \.\.\.> / && cur != "" {
    sub(/^   \.\.\.> /, ""); printf "\n%s", $0 > (cur ".sql"); next }
  cur != "" { print > (cur ".want") }
' $files
n=1
last=""
while [ -f "$T/$n.sql" ]; do
  block=$(cat "$T/$n.block")
  [ "$block" != "$last" ] && rm -f "$T/db" && last=$block
  LD_PRELOAD=${PRELOAD:-} ${WRAP:-} sqlite3 -cmd ".load $KL" "$T/db" \
    "$(cat "$T/$n.sql")" > "$T/$n.got" 2>&1
  id=$(cat "$T/$n.id")
  if cmp -s "$T/$n.got" "$T/$n.want"; then
    echo "ok $id"
  else
    echo "FAIL $id: got '$(tr '\n' '|' < "$T/$n.got")' want '$(tr '\n' '|' < "$T/$n.want")'"
  fi
  n=$((n + 1))
done
