#!/bin/sh
# bench/run.sh — make bench: runs bench/bench (ratios measured side by side
# in one process), sqlite-vec from the npm registry when it installs,
# instructions per element under callgrind, and peak memory; writes
# bench/RESULTS.md.  Not part of make test or CI (make check runs only
# `bench --smoke`).
set -u
cd "$(dirname "$0")/.."
B=build/bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

vec=""
if command -v npm > /dev/null 2>&1 \
   && (cd "$tmp" && npm install --silent --no-audit --no-fund \
       sqlite-vec-linux-x64@0.1.9 > /dev/null 2>&1) \
   && [ -f "$tmp/node_modules/sqlite-vec-linux-x64/vec0.so" ]; then
  vec=$tmp/node_modules/sqlite-vec-linux-x64/vec0.so
else
  echo "note: sqlite-vec-linux-x64 could not be installed from npm: skipped"
fi

$B/bench ${vec:+--vec "$vec"} --out "$tmp/table.md" || exit 1

# Instructions per vector element of kl_gauss alone (kl_gauss_func and all
# it calls), at D = 768: stable on noisy machines.
ipe=""
if command -v valgrind > /dev/null 2>&1; then
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
    --toggle-collect=kl_gauss_func $B/bench --callgrind 2000 768 \
    > /dev/null 2>&1
  ir=$(callgrind_annotate "$tmp/cg.out" 2>/dev/null \
       | sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
  [ -n "$ir" ] && ipe=$(awk -v ir="$ir" 'BEGIN { printf "%.1f", ir/(2000*768) }')
  echo "instructions per element (kl_gauss, D=768): ${ipe:-?}"
fi

# Peak RSS of a process that only runs the query, with SQLite's default
# page cache: flat in N (streaming), at most linear in D.
rss() {
  $B/bench --rss make "$1" "$2" && $B/bench --rss query "$1" "$2"
}
r1=$(rss 20000 64); r2=$(rss 200000 64); r3=$(rss 200 768); r4=$(rss 200 100000)
echo "peak RSS KiB: N=20000 ${r1}, N=200000 ${r2} (D=64); D=768 ${r3}, D=100000 ${r4} (N=200)"

# Peak RSS of kl_div_agg over a file database of AGG_ROWS histogram rows
# (20 M; 200 000 for the smoke run) against the floor query sum(p + q) on
# the same file, each in a fresh process: the target is within 10 MB.
agg_rows=${AGG_ROWS:-20000000}
$B/bench --rss-agg make "$agg_rows"
ra=$($B/bench --rss-agg agg "$agg_rows"); rf=$($B/bench --rss-agg floor "$agg_rows")
rm -f "/tmp/kl-bench-agg-$agg_rows.db"
agg_delta=$((ra - rf))
echo "peak RSS KiB, $agg_rows rows: kl_div_agg ${ra}, sum(p+q) ${rf} (difference ${agg_delta})"

# The aggregates over raw samples (#19) against fetch + scipy, 10^6 rows
# (SAMPLE_ROWS), end to end in one Python process: ratios theirs / ours.
samples=""
if /usr/bin/python3 -c 'import scipy' > /dev/null 2>&1; then
  /usr/bin/python3 bench/samples_roundtrip.py ./kl.so "${SAMPLE_ROWS:-1000000}" 3 \
    > "$tmp/samples.md" && samples=yes
  cat "$tmp/samples.md"
else
  echo "note: /usr/bin/python3 has no scipy: the sample aggregates' comparison skipped"
fi

{
  echo "# Benchmark results"
  echo
  echo "Written by \`make bench\` (bench/run.sh). Ratios are ours / theirs,"
  echo "medians of 7 interleaved runs in one process; lower is better."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
  echo "- SQLite: $(sqlite3 --version | cut -d' ' -f1)"
  echo "- compiler: $(${CC:-cc} --version | head -n 1)"
  echo
  echo "| query | against | ours | theirs | ratio | target |"
  echo "| --- | --- | --- | --- | --- | --- |"
  grep '^|' "$tmp/table.md"
  grep -v '^|' "$tmp/table.md" | sed '/^$/d'
  echo
  echo "- instructions per vector element, kl_gauss on float32 blobs, D=768"
  echo "  (callgrind, kl_gauss_func inclusive): ${ipe:-not measured}"
  echo "- peak RSS of a query-only process: N=20 000: ${r1} KiB, N=200 000:"
  echo "  ${r2} KiB (D=64); D=768: ${r3} KiB, D=100 000: ${r4} KiB (N=200)"
  echo "- peak RSS of kl_div_agg over ${agg_rows} histogram rows (a file"
  echo "  database, fresh process): ${ra} KiB, against ${rf} KiB for the floor"
  echo "  query sum(p + q): ${agg_delta} KiB more (target: within 10 240 KiB, $( [ "$agg_delta" -le 10240 ] && echo met || echo missed))"
  [ -z "$vec" ] && echo "- sqlite-vec: not installed (npm unavailable), row skipped"
  echo
  echo "## Aggregates over raw samples against Python"
  echo
  if [ -n "$samples" ]; then
    echo "Each aggregate over ${SAMPLE_ROWS:-1000000} rows of a file database (a value and"
    echo "is_reference), end to end, against fetching the rows into Python and"
    echo "calling scipy / numpy (bench/samples_roundtrip.py; medians of 3)."
    echo "Ratio = theirs / ours, higher is better; the target is >= 5."
    echo
    cat "$tmp/samples.md"
  else
    echo "not measured (no scipy for /usr/bin/python3)"
  fi
  echo
  echo "## Targets in this run"
  echo
  # rows whose last column holds a target "<= X": met, or missed by how much
  awk -F'|' '$7 ~ /<=/ { t = $7; sub(/.*<= */, "", t); r = $6 + 0; t = t + 0;
      gsub(/^ +| +$/, "", $2); gsub(/^ +| +$/, "", $3);
      if (r <= t) printf "- met: %s against %s: %.2f (target <= %.2f)\n", $2, $3, r, t;
      else printf "- missed: %s against %s: %.2f, %.0f%% over the target <= %.2f\n", $2, $3, r, 100*(r/t - 1), t }' \
    "$tmp/table.md"
  [ -n "$samples" ] && awk -F'|' '$2 ~ /_agg/ { r = $5 + 0; n = $2;
      gsub(/^ +| +$/, "", n);
      if (r >= 5) printf "- met: %s against fetch + scipy: %.1fx (target >= 5x)\n", n, r;
      else printf "- missed: %s against fetch + scipy: %.1fx (target >= 5x)\n", n, r }' \
    "$tmp/samples.md"
  echo
  cat bench/ANALYSIS.md
} > bench/RESULTS.md.new
mv bench/RESULTS.md.new bench/RESULTS.md
echo "wrote bench/RESULTS.md"
