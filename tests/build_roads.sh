#!/bin/sh
# tests/build_roads.sh — the roads that start from the source (tests/roads.sh
# runs it; make check and make test-roads run that):
#
#   sqlite.floor*     the oldest SQLite the code can run on, derived from
#                     what it calls, is the one docs/install.md states
#                     (tests/sqlite_floor.sh)
#   amalgamation.*    the single file (make amalgamation) compiles alone
#                     with GCC in strict C99 and with Clang, rounds as the
#                     Makefile's build (no fused multiply-add), and compiles
#                     into a C program with -DSQLITE_CORE exporting only
#                     kl_* names and sqlite3_kl_init
#   go.*              examples/go: the single file compiled into a Go
#                     program with Debian's golang-go and
#                     golang-github-mattn-go-sqlite3-dev, offline (GOPATH
#                     mode), registering the functions with
#                     sqlite3_auto_extension
#   fresh.*           make demo and make test with libsqlite3-dev hidden
#                     (tests/fresh.sh)
#
# Prints "ok ID" / "FAIL ID: reason", and "# NAME SECONDS" figures (the Go
# build's and the fresh machine's times).  Run from the repository root.
set -u
CC=${CC:-cc}
T=$(mktemp -d "${TMPDIR:-/tmp}/kl-build-roads.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
ARTICLE="kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]')"
ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }

# ---- the minimum SQLite
sh tests/sqlite_floor.sh

# ---- the single file
A=build/amalgamation
mkdir -p "$T/c99" "$T/clang"
if ! make -s amalgamation "$A/kl.so" > "$T/log" 2>&1; then
  fail amalgamation.build "$(tail -5 "$T/log")"
else
  # Alone, strict C99 (what the file says it needs: SQLite's headers, libm)
  if "$CC" -std=c99 -pedantic -Wall -Wextra -Werror -O2 -fPIC -shared -Ivendor/sqlite \
       -o "$T/c99/kl.so" "$A/sqlite-kl.c" -lm > "$T/log" 2>&1; then
    got=$(sqlite3 -cmd ".load $T/c99/kl" :memory: "SELECT printf('%.16g', $ARTICLE)" 2>&1)
    [ "$got" = 0.6669851763185995 ] && ok amalgamation.c99 || fail amalgamation.c99 "$got"
  else
    fail amalgamation.c99 "$(head -5 "$T/log")"
  fi
  # Clang, whose default contracts a*b+c within an expression
  if command -v clang > /dev/null 2>&1; then
    if clang -Wall -Wextra -Werror -O2 -fPIC -shared -Ivendor/sqlite \
         -o "$T/clang/kl.so" "$A/sqlite-kl.c" -lm > "$T/log" 2>&1; then
      got=$(sqlite3 -cmd ".load $T/clang/kl" :memory: "SELECT printf('%.16g', $ARTICLE)" 2>&1)
      [ "$got" = 0.6669851763185995 ] && ok amalgamation.clang || fail amalgamation.clang "$got"
    else
      fail amalgamation.clang "$(head -5 "$T/log")"
    fi
  else
    fail amalgamation.clang "needs Debian's clang"
  fi
  # No fused multiply-add that the Makefile's kl.so (-ffp-contract=off)
  # does not have, in any variant, the AVX2 and AVX-512 clones included,
  # although the file is compiled without -ffp-contract=off: its pragma
  # does that (GCC and Clang).  The Makefile's build has one only where
  # the source calls fma() itself (an exact operation, the same bits).
  if [ "$(uname -m)" = x86_64 ] && [ -f kl.so ]; then
    want=$(objdump -d kl.so | grep -c -E 'vfn?m(add|sub)')
    for b in gcc:"$A/kl.so" clang:"$T/clang/kl.so"; do
      so=${b#*:} name=amalgamation.no-fma.${b%%:*}
      [ -f "$so" ] || continue
      n=$(objdump -d "$so" | grep -c -E 'vfn?m(add|sub)')
      if [ "$n" -le "$want" ]; then ok "$name"
      else fail "$name" "$n fused multiply-add instructions in $so, $want in the Makefile's kl.so"; fi
    done
  fi
  # Compiled in (-DSQLITE_CORE) with sqlite-kl.h, into a C program linked
  # against the system's SQLite
  if "$CC" -O2 -Wall -Wextra -Werror -DSQLITE_CORE -Ivendor/sqlite -c \
       -o "$T/core.o" "$A/sqlite-kl.c" > "$T/log" 2>&1; then
    ok amalgamation.sqlite-core
    others=$(nm -g --defined-only "$T/core.o" | awk '{print $3}' |
             grep -v -e '^kl_' -e '^sqlite3_kl_init$' | tr '\n' ' ')
    [ -z "$others" ] && ok amalgamation.names || fail amalgamation.names "external names outside kl_*: $others"
    cat > "$T/app.c" <<'EOF'
#include <stdio.h>
#include <sqlite3.h>
#include "sqlite-kl.h"
int main(void) {
  sqlite3 *db; sqlite3_stmt *st;
  if (sqlite3_auto_extension((void (*)(void))sqlite3_kl_init) != SQLITE_OK) return 1;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
  if (sqlite3_prepare_v2(db, "SELECT printf('%.16g', kl_gauss('[2,4,6]', '[1,2,3]', "
                         "'[3,5,8]', '[1.5,2.5,4]')), kl_version()", -1, &st, 0) != SQLITE_OK
      || sqlite3_step(st) != SQLITE_ROW) { puts(sqlite3_errmsg(db)); return 1; }
  printf("%s %s\n", (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1));
  sqlite3_finalize(st);
  return sqlite3_close(db);
}
EOF
    version=$(sed -n 's/^#define SQLITE_KL_VERSION "\(.*\)"$/\1/p' src/kl.h)
    if "$CC" -O2 -Wall -Wextra -Werror -Ivendor/sqlite -I"$A" -o "$T/app" "$T/app.c" "$T/core.o" \
         -l:libsqlite3.so.0 -lm > "$T/log" 2>&1; then
      got=$("$T/app" 2>&1)
      [ "$got" = "0.6669851763185995 $version" ] && ok amalgamation.compiled-in || fail amalgamation.compiled-in "$got"
    else
      fail amalgamation.compiled-in "$(head -5 "$T/log")"
    fi
  else
    fail amalgamation.sqlite-core "$(head -5 "$T/log")"
  fi
fi

# ---- Go: examples/go with the single file, Debian's Go and go-sqlite3
MATTN=/usr/share/gocode/src/github.com/mattn/go-sqlite3
if ! command -v go > /dev/null 2>&1 || [ ! -d "$MATTN" ]; then
  fail go "needs Debian's golang-go and golang-github-mattn-go-sqlite3-dev"
elif [ -f "$A/sqlite-kl.c" ]; then
  # A user's layout: the two files next to the program, in a GOPATH.
  P=$T/gopath/src/kl-go
  mkdir -p "$P"
  cp examples/go/main.go "$A/sqlite-kl.c" "$A/sqlite-kl.h" "$P/"
  # GOCACHE under build/: a second run reuses the compiled packages.
  # Debian's go-sqlite3 links Debian's libsqlite3 (no SQLite compiled here).
  cache=$PWD/build/go-cache
  t0=$(date +%s)
  if (cd "$P" && env GO111MODULE=off GOFLAGS= GOPROXY=off GOPATH="$T/gopath:/usr/share/gocode" \
        GOCACHE="$cache" go build -o "$T/kl-go" kl-go) > "$T/log" 2>&1; then
    echo "# go-build-seconds $(( $(date +%s) - t0 ))"
    ok go.build
    "$T/kl-go" > "$T/go.out" 2>&1
    grep -qx 'nats 0.6669851763185995' "$T/go.out" && grep -qx 'printf 0.6669851763185995' "$T/go.out" &&
      ok go.article || fail go.article "$(head -2 "$T/go.out")"
    grep -qx 'bits 0.962256206221294' "$T/go.out" && ok go.bits || fail go.bits "$(sed -n 3p "$T/go.out")"
    grep -qx 'error kl_gauss: sd1 has 3 elements but mu1 has 2' "$T/go.out" &&
      ok go.error || fail go.error "$(tail -1 "$T/go.out")"
  else
    fail go.build "$(tail -5 "$T/log")"
  fi
fi

# ---- the README's two commands without libsqlite3-dev
t0=$(date +%s)
sh tests/fresh.sh
echo "# fresh-machine-seconds $(( $(date +%s) - t0 ))"
