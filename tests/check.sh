#!/bin/sh
# tests/check.sh — make check: the test suite, then the same suite and more
# under the reliability tools.  Usage: check.sh all | fuzz | coverage | cluster
# | roads
#
# Parts, each counted into one total:
#   test      tests/run.sh on the plain build
#   asan      tests/run.sh on build/asan (ASan + UBSan, leak checking on;
#             the sanitizer runtime is preloaded into the sqlite3 shell)
#   valgrind  tests/run.sh with every program under valgrind memcheck
#   hosts     allocation-failure injection, limits, threads (plain and
#             ThreadSanitizer), from build/check
#   fuzz      each libFuzzer target: its regression inputs, then
#             FUZZ_SECONDS of fuzzing from the committed seeds
#   bench     the benchmark at tiny sizes, only to see that it still runs
#   cluster   tests/cluster.sh: three dqlite nodes, a leader lost and back
#   roads     tests/roads.sh: make install/uninstall, static embedding,
#             Python + pandas, sqlite-utils, Node (better-sqlite3), the
#             Debian package
#   coverage  tests/run.sh and the hosts on build/cov, then gcov: at least
#             95% of the branches in src/ must be taken
# Ends with "N passed, N failed"; exits 1 on any failure.

set -u
. tests/lib.sh
CC=${CC:-cc}
FUZZ_SECONDS=${FUZZ_SECONDS:-30}
mkdir -p build
T=$(mktemp -d build/tmp.XXXXXX) || exit 1
trap 'rm -rf "$T"' EXIT
what=${1:-all}

# suite NAME [env assignments...]: tests/run.sh, its summary folded in
suite() {
  name=$1
  shift
  echo "== $name"
  env "$@" sh tests/run.sh > "$T/suite.out" 2>&1
  grep -v '^[0-9]* passed, [0-9]* failed$' "$T/suite.out"
  line=$(tail -n 1 "$T/suite.out")
  p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then
    failed=$((failed + 1)); echo "FAIL $name: the suite did not finish"
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
  status=$?
  grep -v '^ok ' "$T/host.out"
  tally "$name" "$T/host.out" "$T/host.err" "$status"
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
  [ -n "$runs" ] || echo "the fuzzer did not report its runs" >> "$T/fuzz.err"
  cat "$T/fuzz.out"
  tally "fuzz.$target" "$T/fuzz.out" "$T/fuzz.err" 0
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
  if awk -v p="$pct" 'BEGIN { exit !(p >= 95) }'; then
    echo "ok coverage.branches ($pct%)" > "$T/cov.out"
  else
    echo "FAIL coverage.branches: $pct% of the branches in src/, below 95%" > "$T/cov.out"
  fi
  cat "$T/cov.out"
  : > "$T/cov.err"
  tally coverage "$T/cov.out" "$T/cov.err" 0
}

case $what in
  all)
    suite test SQLITE="${SQLITE:-sqlite3}"
    suite asan BUILD=build/asan \
      PRELOAD="$($CC -print-file-name=libasan.so) $($CC -print-file-name=libubsan.so)" \
      ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    suite valgrind \
      WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
    host oom build/check/oom_host
    host limits build/check/limits_host
    host threads build/check/threads_host 2
    host threads-tsan env TSAN_OPTIONS=halt_on_error=1 build/check/threads_tsan 2
    fuzz_one fuzz_sql tests/fuzz/seeds_sql
    fuzz_one fuzz_decode tests/fuzz/seeds_decode
    bench_smoke
    cluster
    host roads sh tests/roads.sh
    coverage ;;
  roads)
    host roads sh tests/roads.sh ;;
  fuzz)
    fuzz_one fuzz_sql tests/fuzz/seeds_sql
    fuzz_one fuzz_decode tests/fuzz/seeds_decode ;;
  coverage)
    coverage ;;
  cluster)
    cluster ;;
esac

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
