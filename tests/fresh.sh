#!/bin/sh
# tests/fresh.sh — the README's two commands, `make demo` and `make test`,
# on a machine that has a C compiler, make, sqlite3 and libsqlite3-0 but
# not libsqlite3-dev: no sqlite3.h, no sqlite3ext.h, no libsqlite3.so
# symlink, no libsqlite3.a.
#
# CI's machine has libsqlite3-dev (make check needs it), so this hides it
# without uninstalling anything: in a private mount namespace (unshare -m;
# root, as in CI), every directory that the compiler searches for headers
# or libraries and that holds one of those files is covered by a copy of
# itself, made of symbolic links to the real entries, less those files.
# The namespace ends with this script; nothing outside sees the change.
# The two commands then run in a clean copy of the tracked files
# (git ls-files), so nothing built before is reused.
#
# Prints "ok ID" / "FAIL ID: reason": fresh.hidden.sqlite3.h,
# fresh.hidden.sqlite3ext.h, fresh.hidden.libsqlite3 (the hiding works:
# `#include <sqlite3.h>` and `-lsqlite3` fail), fresh.demo, fresh.test.
# Run from the repository root.
set -u
CC=${CC:-cc}

if [ "${KL_FRESH_NS:-}" != 1 ]; then
  if ! unshare -m true 2> /dev/null; then
    echo "FAIL fresh.namespace: unshare -m (a private mount namespace) is not permitted here; it needs root (CAP_SYS_ADMIN), as CI has"
    exit 1
  fi
  command -v git > /dev/null 2>&1 && git rev-parse --git-dir > /dev/null 2>&1 ||
    { echo "FAIL fresh.copy: needs a git checkout (the tracked files are copied)"; exit 1; }
  T=$(mktemp -d "${TMPDIR:-/tmp}/kl-fresh.XXXXXX") || exit 1
  KL_FRESH_NS=1 KL_FRESH_T=$T unshare -m --propagation private sh "$0" "$@"
  status=$?
  # The namespace, and with it every bind mount, is gone now; the real
  # directories' mount points are empty, so rmdir (never rm -r) removes
  # them, and fails loudly if one is not.
  rm -rf "$T/src" "$T"/cover* "$T/t" "$T/t.c" "$T"/*.out
  for d in "$T"/real*; do [ -d "$d" ] && rmdir "$d"; done
  rmdir "$T"
  exit "$status"
fi

T=$KL_FRESH_T
ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }

# The directories the compiler searches: headers, then libraries.
incdirs=$(echo | "$CC" -x c -E -v - 2>&1 |
  sed -n '/^#include <...> search starts here:/,/^End of search list\./p' |
  sed -n 's/^ \(\/.*\)$/\1/p')
libdirs=$("$CC" -print-search-dirs | sed -n 's/^libraries: =//p' | tr ':' '\n')
# and the linker's own default directories (/usr/local/lib and the like)
libdirs="$libdirs $(ld --verbose 2> /dev/null | grep -o 'SEARCH_DIR("[^"]*")' |
  sed 's/SEARCH_DIR("=\{0,1\}\(.*\)")/\1/')"

# hide DIR: DIR covered by symbolic links to its entries, less SQLite's
# development files.  The real DIR stays reachable under $T (bound there
# first), so the links, and programs that load libraries through them,
# still work.
n=0
hide() {
  dir=$1
  n=$((n + 1))
  mkdir -p "$T/real$n" "$T/cover$n"
  mount --bind "$dir" "$T/real$n" || return 1
  for e in "$T/real$n"/* "$T/real$n"/.[!.]*; do
    [ -e "$e" ] || [ -L "$e" ] || continue
    case ${e##*/} in
      sqlite3.h|sqlite3ext.h|libsqlite3.so|libsqlite3.a|libsqlite3.la) ;;
      *) ln -s "$e" "$T/cover$n/" ;;
    esac
  done
  mount --bind "$T/cover$n" "$dir"
}

seen=""
for d in $incdirs $libdirs; do
  [ -d "$d" ] || continue
  d=$(cd "$d" && pwd -P)
  case " $seen " in *" $d "*) continue ;; esac
  seen="$seen $d"
  if [ -e "$d/sqlite3.h" ] || [ -e "$d/sqlite3ext.h" ] || [ -e "$d/libsqlite3.so" ] ||
     [ -e "$d/libsqlite3.a" ] || [ -e "$d/libsqlite3.la" ]; then
    hide "$d" || { fail fresh.hide "could not cover $d"; exit 1; }
  fi
done

# The hiding works: what needed libsqlite3-dev now fails.
for h in sqlite3.h sqlite3ext.h; do
  if printf '#include <%s>\n' "$h" | "$CC" -x c -E -o /dev/null - > /dev/null 2>&1; then
    fail "fresh.hidden.$h" "the compiler still finds <$h>"
  else
    ok "fresh.hidden.$h"
  fi
done
printf 'int main(void) { return 0; }\n' > "$T/t.c"
if "$CC" -o "$T/t" "$T/t.c" -lsqlite3 > /dev/null 2>&1; then
  fail fresh.hidden.libsqlite3 "-lsqlite3 still links"
else
  ok fresh.hidden.libsqlite3
fi

# A clean copy of the tracked files, and the two commands in it.
mkdir -p "$T/src"
git ls-files -z | xargs -0 cp --parents -t "$T/src" || { fail fresh.copy "git ls-files | cp failed"; exit 1; }
cd "$T/src" || exit 1
# As typed at a prompt: nothing inherited from a make that runs this one.
unset MAKEFLAGS MFLAGS MAKELEVEL
# -j2: the builds on CI's two cores; the suites themselves run one file at
# a time whatever -j says.
if make -j2 demo CC="$CC" > "$T/demo.out" 2>&1 && grep -q '0\.6669851763185995' "$T/demo.out" &&
   ! grep -q -E 'Error|error:' "$T/demo.out"; then
  ok fresh.demo
else
  fail fresh.demo "$(grep -m3 -E 'Error|error:|No such|cannot' "$T/demo.out" || tail -3 "$T/demo.out")"
fi
make -j2 test CC="$CC" > "$T/test.out" 2>&1
status=$?
last=$(tail -n 1 "$T/test.out")
case $last in
  *" passed, 0 failed") [ "$status" -eq 0 ] && ok "fresh.test ($last)" || fail fresh.test "exit status $status" ;;
  *) fail fresh.test "$(grep -m3 -E 'FAIL|error:|cannot find|Error' "$T/test.out" || echo "$last")" ;;
esac
