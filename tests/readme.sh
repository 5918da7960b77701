#!/bin/sh
# tests/readme.sh — the README's sqlite3 sessions are executed and their
# printed output compared with what the README shows, so the docs cannot
# drift.  Every ``` block holding "sqlite> " lines is one session on a fresh
# database; each statement runs as `sqlite3 -cmd '.load ./kl' DB "SQL"` (the
# way the README's errors read "Error: stepping, ...").  "   ...> " lines
# continue a statement.  Prints "ok README:LINE" / "FAIL README:LINE: ...".
# KL, PRELOAD and WRAP as in tests/run.sh.
set -u
KL=${KL:-./kl}
T=${TMPDIR:-/tmp}/kl-readme.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
awk -v dir="$T" '
  /^```/ { inblock = !inblock; block++; cur = ""; next }
  !inblock { next }
  /^sqlite> / {
    n++; f = dir "/" n;
    print block > (f ".block"); print NR > (f ".line");
    sub(/^sqlite> /, ""); printf "%s", $0 > (f ".sql");
    printf "" > (f ".want"); cur = f; next }
  /^   \.\.\.> / && cur != "" {
    sub(/^   \.\.\.> /, ""); printf "\n%s", $0 > (cur ".sql"); next }
  cur != "" { print > (cur ".want") }
' README.md
n=1
last=""
while [ -f "$T/$n.sql" ]; do
  block=$(cat "$T/$n.block")
  [ "$block" != "$last" ] && rm -f "$T/db" && last=$block
  LD_PRELOAD=${PRELOAD:-} ${WRAP:-} sqlite3 -cmd ".load $KL" "$T/db" \
    "$(cat "$T/$n.sql")" > "$T/$n.got" 2>&1
  line=$(cat "$T/$n.line")
  if cmp -s "$T/$n.got" "$T/$n.want"; then
    echo "ok README:$line"
  else
    echo "FAIL README:$line: got '$(tr '\n' '|' < "$T/$n.got")' want '$(tr '\n' '|' < "$T/$n.want")'"
  fi
  n=$((n + 1))
done
