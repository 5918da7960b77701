#!/bin/sh
# tests/catalogue/check.sh — the lists derived from src/catalogue.h.
#
#   check.sh check   one "ok catalogue.NAME" / "FAIL catalogue.NAME: ..."
#                    line per derived file: it must equal what
#                    build/catalogue_dump prints now (make test)
#   check.sh write   rewrites them (make catalogue)
#
# Whole files, and regions of hand-written files between the lines
# "<!-- NAME:begin -->" and "<!-- NAME:end -->".
set -u
mode=${1:-check}
DUMP=${DUMP:-build/catalogue_dump}
T=$(mktemp -d "${TMPDIR:-/tmp}/kl-catalogue.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT

FILES="functions:tests/data/functions.txt modules:tests/data/modules.txt
dispatch:tests/include/dispatch.sql fuzz:tests/catalogue/fuzz.h
examples:tests/catalogue/examples.h oracle:tests/catalogue_oracle.sql
fuzz_oracle:tests/catalogue/fuzz_oracle.h"
REGIONS="index:docs/functions.md:index table:README.md:functions
pairs:docs/functions.md:pairs"

# region FILE NAME: the lines between the markers (exit 1 without them)
region() {
  awk -v b="<!-- $2:begin -->" -v e="<!-- $2:end -->" '
    $0 == e { inside = 0; done = 1 }
    inside { print }
    $0 == b { inside = 1; seen = 1 }
    END { exit !(seen && done) }' "$1"
}

# splice FILE NAME NEWFILE: FILE with the region replaced by NEWFILE
splice() {
  awk -v b="<!-- $2:begin -->" -v e="<!-- $2:end -->" -v new="$3" '
    $0 == e { inside = 0 }
    !inside { print }
    $0 == b { inside = 1; while ((getline l < new) > 0) print l }' "$1"
}

for pair in $FILES; do
  what=${pair%%:*} file=${pair#*:}
  "$DUMP" "$what" > "$T/new" || { echo "FAIL catalogue.$what: dump failed"; continue; }
  if [ "$mode" = write ]; then
    cmp -s "$T/new" "$file" || { cp "$T/new" "$file"; echo "wrote $file"; }
  elif cmp -s "$T/new" "$file"; then
    echo "ok catalogue.$what"
  else
    echo "FAIL catalogue.$what: $file differs from src/catalogue.h (run make catalogue)"
  fi
done

for triple in $REGIONS; do
  what=${triple%%:*} rest=${triple#*:}
  file=${rest%%:*} name=${rest#*:}
  if [ "$what" = pairs ]; then
    # the pairs' table comes from the code's tables (tests/catalogue/pairs.c)
    "${PAIRS:-build/pairs_dump}" > "$T/new" || { echo "FAIL catalogue.$what: dump failed"; continue; }
  else
    "$DUMP" "$what" > "$T/new" || { echo "FAIL catalogue.$what: dump failed"; continue; }
  fi
  if ! region "$file" "$name" > "$T/old"; then
    echo "FAIL catalogue.$what: $file has no <!-- $name:begin/end --> region"
  elif [ "$mode" = write ]; then
    if ! cmp -s "$T/new" "$T/old"; then
      splice "$file" "$name" "$T/new" > "$T/spliced" && cp "$T/spliced" "$file"
      echo "wrote $file ($name)"
    fi
  elif cmp -s "$T/new" "$T/old"; then
    echo "ok catalogue.$what"
  else
    echo "FAIL catalogue.$what: the $name region of $file differs from src/catalogue.h (run make catalogue)"
  fi
done

# Every function has its own section in the reference (a "### name"
# heading, whose anchor the index and README's table link to).
if [ "$mode" = check ]; then
  for name in $("$DUMP" names); do
    if grep -q "^### $name\$\|^### $name[ (]" docs/functions.md; then
      echo "ok catalogue.doc.$name"
    else
      echo "FAIL catalogue.doc.$name: docs/functions.md has no '### $name' section"
    fi
  done
fi
