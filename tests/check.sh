#!/bin/sh
# tests/check.sh — make check: the test suite, then the same suite and more
# under the reliability tools.  Usage: check.sh all | test | sqlite-ends
# | asan | valgrind | hosts | fuzz | coverage | cluster | roads | cross
#
# Parts, each counted into one total:
#   test      tests/run.sh on the plain build
#   amalgamation  tests/run.sh on build/amalgamation: a kl.so compiled
#             from the single file build/amalgamation/sqlite-kl.c alone
#             (make test is `check.sh test`: these two parts)
#   sqlite-ends  the suite in a shell on SQLite 3.54.1, the newest a
#             registry package ships, and its SQL that 3.31 can run in one
#             on SQLite 3.31.1, the minimum's (build/sqlite-*,
#             tests/sqlite_shell.sh; no npm = a failure, not a skip)
#   asan      tests/run.sh on build/asan (ASan + UBSan, leak checking on;
#             the sanitizer runtime is preloaded into the sqlite3 shell)
#   valgrind  tests/run.sh with every program under valgrind memcheck (not
#             tests/big/: the same code on 10^6 rows, 30-50x slower there)
#   hosts     allocation-failure injection, limits, threads (plain and
#             ThreadSanitizer), JSONB against a SQLite with jsonb() (the
#             amalgamation of npm's better-sqlite3; no npm = a failure, not
#             a skip), from build/check
#   fuzz      each libFuzzer target: its regression inputs, then
#             FUZZ_SECONDS of fuzzing from the committed seeds
#   bench     the benchmark at tiny sizes, only to see that it still runs
#   cluster   tests/cluster.sh: three dqlite nodes, a leader lost and back
#   roads     tests/roads.sh: make install/uninstall, static embedding,
#             Python + pandas, sqlite-utils, Node (better-sqlite3), the
#             Debian package
#   cross     tests/cross.sh: the suite built for Windows (mingw-w64) under
#             wine and for aarch64 under qemu-aarch64, in parallel
#   coverage  tests/run.sh and the hosts on build/cov, then gcov: at least
#             95% of the branches in src/ must be taken
# Ends with "N passed, N failed"; exits 1 on any failure.  A full run (all)
# then writes its figures (date, counts per part, coverage, fuzz runs) into
# docs/testing.md between the lines <!-- figures:begin --> and
# <!-- figures:end -->; nothing else in that file is touched, and the other
# parts (fuzz, coverage, ...) leave it alone unless FIGURES=1.

set -u
. tests/lib.sh
CC=${CC:-cc}
FUZZ_SECONDS=${FUZZ_SECONDS:-30}
mkdir -p build
T=$(mktemp -d build/tmp.XXXXXX) || exit 1
trap 'rm -rf "$T"' EXIT
what=${1:-all}
started=$(date +%s)
: > "$T/phases"
: > "$T/fuzzruns"
: > "$T/notes"

# suite NAME [env assignments...]: tests/run.sh, its summary folded in
suite() {
  name=$1
  shift
  echo "== $name"
  env "$@" sh tests/run.sh > "$T/suite.out" 2>&1
  count_run "$name" "$T/suite.out"
}

# count_run NAME FILE: the lines of a run that ends "N passed, N failed"
# (tests/run.sh, tests/cross.sh), and its counts into the tally.
count_run() {
  grep -v '^[0-9]* passed, [0-9]* failed$' "$2"
  line=$(tail -n 1 "$2")
  p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then
    failed=$((failed + 1)); echo "FAIL $1: the run did not finish"
  else
    passed=$((passed + p)); failed=$((failed + f))
    echo "   $p passed, $f failed"
  fi
}

# host NAME COMMAND...: a C host's ok/FAIL lines
host() {
  name=$1
  shift
  echo "== $name"
  "$@" > "$T/host.out" 2> "$T/host.err"
  host_report "$name" "$T/host.out" "$T/host.err" $?
}

# host_report NAME OUT ERR STATUS: a host's lines, figures and tally.
host_report() {
  grep -v '^ok ' "$2"
  # the hosts' figures: "# 1148 allocation-failure points", "# thread-seconds 64"
  sed -n -e "s/^# \([0-9][0-9]* [a-z -]*\)\$/$1|\1/p" \
    -e "s/^# \([a-z-]*\) \([0-9][0-9.]*\)\$/$1|\2 \1/p" "$2" >> "$T/notes"
  tally "$1" "$2" "$3" "$4"
}

# make check starts the roads (tests/roads.sh: mostly builds and installs,
# about one core) in the background after the valgrind phase, beside the
# hosts, the fuzzers and the cluster (one core each); roads_join waits for
# them and counts.
roads_start() {
  sh tests/roads.sh > "$T/roads.out" 2> "$T/roads.err" &
  roads_pid=$!
}
roads_join() {
  echo "== roads"
  wait "$roads_pid"
  host_report roads "$T/roads.out" "$T/roads.err" $?
}

fuzz_one() {
  target=$1 seeds=$2
  corpus=$T/corpus_$target
  echo "== fuzz $target ($FUZZ_SECONDS s)"
  rm -rf "$corpus" && mkdir -p "$corpus" && cp "$seeds"/* "$corpus"/
  : > "$T/fuzz.err"
  if [ -d "tests/fuzz/regressions_$target" ]; then
    build/check/$target tests/fuzz/regressions_$target/* > "$T/fuzz.log" 2>&1 \
      || cat "$T/fuzz.log" >> "$T/fuzz.err"
  fi
  build/check/$target -max_total_time="$FUZZ_SECONDS" -dict=tests/fuzz/kl.dict \
    -artifact_prefix=build/fuzz- "$corpus" > "$T/fuzz.log" 2>&1 \
    || tail -n 40 "$T/fuzz.log" >> "$T/fuzz.err"
  runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$T/fuzz.log")
  echo "ok fuzz.$target (${runs:-0} runs)" > "$T/fuzz.out"
  echo "$target ${runs:-0}" >> "$T/fuzzruns"
  [ -n "$runs" ] || echo "the fuzzer did not report its runs" >> "$T/fuzz.err"
  cat "$T/fuzz.out"
  tally "fuzz.$target" "$T/fuzz.out" "$T/fuzz.err" 0
}

# The suite in sqlite3 shells on other SQLite versions (build/sqlite-*,
# tests/sqlite_shell.sh).  newest, 3.54.1: the SQL scripts, the hosts and
# the catalogue; the documentation's sessions (tests/readme.sh) stay in
# Debian's shell, whose output the pages show (newer shells print a real
# with 17 digits and no "stepping," in errors).  oldest, 3.31.1: the
# scripts that use no SQL of SQLite's newer than that (ln(), power() and
# the other math functions are 3.35; tests/errors.sql also sets a length
# limit that 3.31 applies to the test's own SQL, and tests/schema.sql
# expects 3.40's CHECK message): the article, every function on its
# example and the oracle grid, the registration flags, windows, the NULL
# rule, the encodings.  below, 3.30.1: loading refuses it with a message.
OLDEST_SQL="tests/gauss.sql tests/gauss_kernel.sql tests/catalogue_oracle.sql
  tests/registry.sql tests/window.sql tests/each.sql tests/null_rule.sql
  tests/encoding.sql tests/f64_format.sql tests/discrete_fast.sql
  tests/accuracy.sql"
sqlite_ends() {
  host sqlite-newest sh tests/sqlite_shell.sh --check newest build/sqlite-newest
  suite sqlite-newest-suite SQLITE=build/sqlite-newest/sqlite3
  host sqlite-oldest sh tests/sqlite_shell.sh --check oldest build/sqlite-oldest
  suite sqlite-oldest-suite SQLITE=build/sqlite-oldest/sqlite3 SQL="$OLDEST_SQL"
  host sqlite-below sh tests/sqlite_shell.sh --check below build/sqlite-below
}

# make test-cluster: its ok/FAIL lines, folded in.
cluster() {
  echo "== cluster"
  timeout 300 sh tests/cluster.sh > "$T/cluster.out" 2> "$T/cluster.err"
  status=$?
  grep -v '^ok ' "$T/cluster.out" | grep -v '^[0-9]* passed, [0-9]* failed$'
  grep -v '^[0-9]* passed, [0-9]* failed$' "$T/cluster.out" > "$T/cluster.lines"
  tally cluster "$T/cluster.lines" "$T/cluster.err" "$status"
}

# make test-cross: Windows under wine, aarch64 under qemu (tests/cross.sh),
# its failures shown and its summary folded in.
# In make check it starts in the background before the valgrind phase
# (cross_start: valgrind keeps one core busy, wine and qemu take the
# other), and its phase only waits for it and counts.
cross_start() {
  sh tests/cross.sh all > "$T/cross.out" 2>&1 &
  cross_pid=$!
}
cross() {
  echo "== cross (Windows under wine, aarch64 under qemu-aarch64)"
  if [ -n "${cross_pid:-}" ]; then
    wait "$cross_pid"
  else
    sh tests/cross.sh all > "$T/cross.out" 2>&1
  fi
  count_run cross "$T/cross.out"
}

# The benchmark at tiny sizes: it still runs (no timing is judged).
bench_smoke() {
  echo "== bench --smoke"
  : > "$T/bench.err"
  if build/bench/bench --smoke > "$T/bench.log" 2>> "$T/bench.err" \
     && grep -q 'kl_div_agg' "$T/bench.log"; then
    echo "ok bench.smoke" > "$T/bench.out"
  else
    echo "FAIL bench.smoke: see below" > "$T/bench.out"
    cat "$T/bench.log" >> "$T/bench.err"
  fi
  cat "$T/bench.out"
  tally bench.smoke "$T/bench.out" "$T/bench.err" 0
}

coverage() {
  find build/cov -name '*.gcda' -delete
  suite coverage-suite BUILD=build/cov SQLITE="${SQLITE:-sqlite3}"
  host coverage-oom build/cov/oom_host
  host coverage-limits build/cov/limits_host
  host coverage-threads build/cov/threads_host 0.2
  echo "== coverage"
  rm -rf "$T/gcov" && mkdir -p "$T/gcov"
  gcov -b -c -o build/cov src/*.c src/core/*.c src/sql/*.c > "$T/gcov/summary" 2>&1
  mv ./*.gcov "$T/gcov/" 2>/dev/null
  awk '/^File /{f=$2} /^Taken at least once:/{
         split($0, a, /[:% ]+/); pct=a[5]; n=a[7];
         taken += pct*n/100; total += n;
         printf "   %-22s %6.2f%% of %d branches taken\n", f, pct, n }
       END { printf "   all of src/            %6.2f%% of %d branches taken\n",
                    100*taken/total, total;
             printf "%.2f\n", 100*taken/total > "/dev/stderr" }' \
    "$T/gcov/summary" 2> "$T/cov.pct"
  pct=$(cat "$T/cov.pct")
  branches=$(awk '/^Taken at least once:/{ n += $NF } END { print n + 0 }' "$T/gcov/summary")
  echo "$pct $branches" > "$T/coverage"
  if awk -v p="$pct" 'BEGIN { exit !(p >= 95) }'; then
    echo "ok coverage.branches ($pct%)" > "$T/cov.out"
  else
    echo "FAIL coverage.branches: $pct% of the branches in src/, below 95%" > "$T/cov.out"
  fi
  cat "$T/cov.out"
  : > "$T/cov.err"
  tally coverage "$T/cov.out" "$T/cov.err" 0
}

# phase NAME COMMAND...: runs one part and notes what it added to the
# tally, for the figures table.
phase() {
  ph_name=$1 ph_p=$passed ph_f=$failed ph_t=$(date +%s)
  shift
  "$@"
  echo "$ph_name $((passed - ph_p)) $((failed - ph_f)) $(( $(date +%s) - ph_t ))" >> "$T/phases"
}

# figures FILE: the figures of this run, as a Markdown table, between the
# marker lines of FILE (the rest of FILE is copied unchanged).
figures() {
  page=$1
  grep -q '^<!-- figures:begin -->$' "$page" && grep -q '^<!-- figures:end -->$' "$page" \
    || { echo "FAIL figures: $page lacks the figures markers"; failed=$((failed + 1)); return; }
  {
    echo "Last \`sh tests/check.sh $what\`: $(date -u '+%Y-%m-%d %H:%M UTC'), $(( $(date +%s) - started )) s, on $(uname -m) with $(nproc 2>/dev/null || echo ?) cores."
    echo
    echo "| part | passed | failed | seconds |"
    echo "| --- | --- | --- | --- |"
    while read -r n p f sec; do echo "| $n | $p | $f | $sec |"; done < "$T/phases"
    echo "| **total** | **$passed** | **$failed** | $(( $(date +%s) - started )) |"
    if [ -s "$T/coverage" ] || [ -s "$T/fuzzruns" ] || [ -s "$T/notes" ]; then
      echo
      echo "| part | figure |"
      echo "| --- | --- |"
      while IFS='|' read -r n note; do
        echo "| $n | $note |"
      done < "$T/notes"
      while read -r target runs; do
        echo "| $target | $runs executions in $FUZZ_SECONDS s |"
      done < "$T/fuzzruns"
      if [ -s "$T/coverage" ]; then
        read -r pct branches < "$T/coverage"
        echo "| coverage | $pct% of the $branches branches in src/ taken |"
      fi
    fi
  } > "$T/figures.md"
  awk -v fig="$T/figures.md" '
    /^<!-- figures:end -->$/ { skip = 0 }
    !skip { print }
    /^<!-- figures:begin -->$/ {
      skip = 1
      while ((getline line < fig) > 0) print line
      close(fig) }
  ' "$page" > "$T/page.md" && mv "$T/page.md" "$page"
  echo "wrote the figures into $page"
}

case $what in
  all)
    phase test suite test SQLITE="${SQLITE:-sqlite3}"
    phase amalgamation suite amalgamation BUILD=build/amalgamation SQLITE="${SQLITE:-sqlite3}"
    phase sqlite-ends sqlite_ends
    phase asan suite asan BUILD=build/asan \
      PRELOAD="$($CC -print-file-name=libasan.so) $($CC -print-file-name=libubsan.so)" \
      ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    cross_start
    phase valgrind suite valgrind SQL="tests/*.sql" \
      WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
    roads_start
    phase oom host oom build/check/oom_host
    phase limits host limits build/check/limits_host
    phase threads host threads build/check/threads_host 2
    phase threads-tsan host threads-tsan env TSAN_OPTIONS=halt_on_error=1 build/check/threads_tsan 2
    phase jsonb host jsonb build/check/jsonb_host
    phase fuzz_sql fuzz_one fuzz_sql tests/fuzz/seeds_sql
    phase fuzz_oracle fuzz_one fuzz_oracle tests/fuzz/seeds_oracle
    phase fuzz_diff fuzz_one fuzz_diff tests/fuzz/seeds_diff
    phase fuzz_decode fuzz_one fuzz_decode tests/fuzz/seeds_decode
    phase bench bench_smoke
    phase cluster cluster
    phase roads roads_join
    phase cross cross
    phase coverage coverage ;;
  test)
    phase test suite test SQLITE="${SQLITE:-sqlite3}"
    phase amalgamation suite amalgamation BUILD=build/amalgamation SQLITE="${SQLITE:-sqlite3}" ;;
  asan)
    phase asan suite asan BUILD=build/asan \
      PRELOAD="$($CC -print-file-name=libasan.so) $($CC -print-file-name=libubsan.so)" \
      ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ;;
  valgrind)
    phase valgrind suite valgrind SQL="tests/*.sql" \
      WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" ;;
  hosts)
    phase oom host oom build/check/oom_host
    phase limits host limits build/check/limits_host
    phase threads host threads build/check/threads_host 2
    phase jsonb host jsonb build/check/jsonb_host ;;
  roads)
    phase roads host roads sh tests/roads.sh ;;
  sqlite-ends)
    phase sqlite-ends sqlite_ends ;;
  fuzz)
    phase fuzz_sql fuzz_one fuzz_sql tests/fuzz/seeds_sql
    phase fuzz_oracle fuzz_one fuzz_oracle tests/fuzz/seeds_oracle
    phase fuzz_diff fuzz_one fuzz_diff tests/fuzz/seeds_diff
    phase fuzz_decode fuzz_one fuzz_decode tests/fuzz/seeds_decode ;;
  coverage)
    phase coverage coverage ;;
  cluster)
    phase cluster cluster ;;
  cross)
    phase cross cross ;;
esac

if [ "$what" = all ] || [ "${FIGURES:-}" = 1 ]; then
  figures docs/testing.md
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
