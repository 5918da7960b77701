# tests/lib.sh — the check tally shared by tests/run.sh and tests/check.sh.
# Sourced; sets and updates $passed and $failed.

passed=0
failed=0

# tally FILE OUT ERR STATUS [expect_fail]
tally() {
  file=$1 out=$2 err=$3 status=$4 invert=${5:-}
  n=0
  while IFS= read -r line; do
    case $line in
      "ok "*)
        n=$((n + 1))
        if [ -n "$invert" ]; then
          failed=$((failed + 1)); echo "FAIL $file: self-test check passed: $line"
        else
          passed=$((passed + 1))
        fi ;;
      "FAIL "*)
        n=$((n + 1))
        if [ -n "$invert" ]; then
          passed=$((passed + 1))
        else
          failed=$((failed + 1)); echo "$file: $line"
        fi ;;
      ""|"#"*) ;;
      *)
        failed=$((failed + 1)); echo "FAIL $file: unexpected output: $line" ;;
    esac
  done < "$out"
  if [ -s "$err" ]; then
    failed=$((failed + 1))
    echo "FAIL $file: wrote to stderr:"; sed 's/^/    /' "$err" | head -20
  fi
  if [ "$status" -ne 0 ]; then
    failed=$((failed + 1)); echo "FAIL $file: exit status $status"
  fi
  if [ "$n" -eq 0 ]; then
    failed=$((failed + 1)); echo "FAIL $file: ran no check"
  fi
}

