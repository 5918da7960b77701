#!/bin/sh
# tests/cross.sh — the extension built for other platforms, tested there
# under an emulator (make test-cross; make check's "cross" part).
#
#   cross.sh fetch DIR   puts SQLite's amalgamation (sqlite3.c, shell.c,
#                        sqlite3.h, sqlite3ext.h) into DIR: the autoconf
#                        tarball that npm's sqlite3 package ships in deps/,
#                        fetched with `npm pack`, both tarballs' sha256
#                        checked.  Fails loudly without npm or the registry.
#   cross.sh win         the suite against build/cross/win (mingw-w64),
#                        every program under wine
#   cross.sh arm64       the suite against build/cross/arm64 (aarch64
#                        Linux), every program under qemu-aarch64
#   cross.sh [all]       both at once (two cores), their failures one after
#                        the other, then tests/fma_soft.c (the exact fma of
#                        the mingw-w64 build, core/port.h, against this
#                        machine's fma()), and "N passed, N failed" over all
#
# The builds come from the Makefile (make cross-build).  The suite is
# tests/run.sh's, counted with its tally (tests/lib.sh): every SQL script
# with the harness (on aarch64 less the three slowest under emulation), the
# self-tests (which must fail), the core unit tests and the C host (the
# decimal-comma locale, the set of registered functions).  Values are
# checked with each test's own tolerance (tests/harness.c's expect), as on
# Linux x86-64.  Not run here: the documentation's sqlite3 sessions (they
# show Debian's sqlite3 3.40, and the 3.52 shell prints REALs with 17
# digits and errors without "stepping, "), and the catalogue lists (the
# same files on every platform).  docs/testing.md says what may differ
# between platforms, and why.
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
what=${1:-all}
. tests/lib.sh

# The pinned amalgamation: npm's sqlite3 6.0.1 bundles SQLite 3.52.0.
PKG=sqlite3@6.0.1
PKG_SHA256=ab8d044a93e05bd031d7ea75547c7fa60387cdc259d27f93c0e3e2832c4b1df9
AUTOCONF=sqlite-autoconf-3520000
AUTOCONF_SHA256=f6b50b0c103392af32a8be15b2b9d25959de9a00a70c3979128aafeaa5338b3f

fetch() {
  dir=$1
  set -e
  mkdir -p "$dir"
  command -v npm > /dev/null 2>&1 ||
    { echo "cross.sh: npm is not installed (needed for $PKG's amalgamation)" >&2; exit 1; }
  t=$(mktemp -d "${TMPDIR:-/tmp}/kl-cross.XXXXXX")
  trap 'rm -rf "$t"' EXIT
  ( cd "$t" && timeout 300 npm pack --silent "$PKG" > pack.log 2>&1 ) ||
    { echo "cross.sh: npm pack $PKG failed: $(tail -3 "$t/pack.log")" >&2; exit 1; }
  sum() { sha256sum "$1" | cut -d' ' -f1; }
  [ "$(sum "$t"/sqlite3-6.0.1.tgz)" = "$PKG_SHA256" ] ||
    { echo "cross.sh: $PKG's tarball has sha256 $(sum "$t"/sqlite3-6.0.1.tgz), not $PKG_SHA256" >&2; exit 1; }
  tar -xzf "$t"/sqlite3-6.0.1.tgz -C "$t" "package/deps/$AUTOCONF.tar.gz"
  [ "$(sum "$t/package/deps/$AUTOCONF.tar.gz")" = "$AUTOCONF_SHA256" ] ||
    { echo "cross.sh: $AUTOCONF.tar.gz has another sha256 than $AUTOCONF_SHA256" >&2; exit 1; }
  tar -xzf "$t/package/deps/$AUTOCONF.tar.gz" -C "$t"
  for f in sqlite3.c shell.c sqlite3.h sqlite3ext.h; do
    cp "$t/$AUTOCONF/$f" "$dir/$f"
  done
  # make's targets: newer than tests/cross.sh
  touch "$dir"/*
}

# sql PLATFORM FILE [invert]: one SQL script in the emulated shell with the
# extension and the harness, counted as tests/run.sh counts it.  The
# Windows shell ends its lines with CR LF: the CRs go.
sql() {
  $emu "$shell" -batch :memory: -cmd ".load $b/kl" -cmd ".load $b/harness" \
    < "$2" > "$t/raw" 2> "$t/err"
  st=$?
  tr -d '\r' < "$t/raw" > "$t/out"
  tally "$1:$2" "$t/out" "$t/err" "$st" ${3:-}
}

# run PLATFORM: the suite on one platform; prints its failures and ends
# "PLATFORM: N passed, N failed".
run() {
  plat=$1
  b=build/cross/$plat
  t=$(mktemp -d "${TMPDIR:-/tmp}/kl-cross-$plat.XXXXXX") || exit 1
  case $plat in
    win)
      # A prefix of our own, made on first use (wineboot: about 10 s); no
      # debug chatter, no Mono or Gecko installers; one wineserver kept up
      # for the whole run (until 60 s after its last program), so each
      # program starts in a fraction of a second.  The decimal-comma
      # locale has its Windows name.
      export WINEPREFIX="${WINEPREFIX:-$ROOT/build/cross/wineprefix}"
      export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
      : > "$t/err"
      if [ ! -f "$WINEPREFIX/system.reg" ]; then
        wineboot -i > "$t/wineboot.log" 2>&1 || cat "$t/wineboot.log" > "$t/err"
        # its services and the prefix's first update finish before the run
        wineserver -w
      fi
      echo "ok $plat:wineboot" > "$t/out"
      tally "$plat:wineboot" "$t/out" "$t/err" 0
      wineserver --persistent=60
      emu=wine shell=$b/sqlite3.exe unit=$b/unit_core.exe host=$b/host.exe
      locale=German_Germany.1252
      skip= ;;
    arm64)
      emu="qemu-aarch64 -L /usr/aarch64-linux-gnu"
      shell=$b/sqlite3 unit=$b/unit_core host=$b/host
      locale=de_DE.UTF-8
      # Under qemu's emulated floating point these take minutes (106, 39
      # and 24 s of the whole run's ~45 on a loaded 2-core machine); wine
      # runs them (native code).
      skip="tests/discrete.sql tests/mvn.sql tests/fit.sql" ;;
  esac
  for f in tests/*.sql; do
    case " $skip " in *" $f "*) continue ;; esac
    sql "$plat" "$f"
  done
  for f in tests/selftest/*.sql; do
    sql "$plat" "$f" invert
  done
  $emu "$unit" > "$t/raw" 2> "$t/err"
  st=$?
  tr -d '\r' < "$t/raw" > "$t/out"
  tally "$plat:unit_core" "$t/out" "$t/err" "$st"
  rm -rf "$t/locale" && mkdir -p "$t/locale"
  if [ "$plat" = arm64 ] &&
     ! localedef -i de_DE -f UTF-8 "$t/locale/de_DE.UTF-8" > "$t/err" 2>&1; then
    echo "localedef failed: install Debian's 'locales' package" >> "$t/err"
  else
    : > "$t/err"
  fi
  LOCPATH="$t/locale" $emu "$host" "$locale" "$b/kl" > "$t/raw" 2>> "$t/err"
  st=$?
  tr -d '\r' < "$t/raw" > "$t/out"
  tally "$plat:host" "$t/out" "$t/err" "$st"
  if [ "$plat" = win ]; then wineserver -k; fi
  rm -rf "$t"
  echo "$plat: $passed passed, $failed failed"
}

case $what in
  fetch) fetch "$2" ;;
  win|arm64) run "$what" ;;
  all)
    o=$(mktemp -d "${TMPDIR:-/tmp}/kl-cross.XXXXXX") || exit 1
    trap 'rm -rf "$o"' EXIT
    run win > "$o/win" 2>&1 &
    run arm64 > "$o/arm64" 2>&1
    wait
    # the exact fma that mingw-w64 builds use, checked on this machine
    build/cross/fma_soft > "$o/fma.out" 2> "$o/fma.err"
    st=$?
    passed=0 failed=0
    tally native:fma_soft "$o/fma.out" "$o/fma.err" "$st" > "$o/native"
    echo "native: $passed passed, $failed failed" >> "$o/native"
    cat "$o/win" "$o/arm64" "$o/native" | grep -v '^[a-z0-9]*: [0-9]* passed, [0-9]* failed$'
    cat "$o/win" "$o/arm64" "$o/native" | sed -n 's/^[a-z0-9]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' |
      awk '{ p += $1; f += $2; n++ }
           END { if (n != 3) { print "FAIL cross: a platform did not finish"; f++ }
                 print p " passed, " f " failed"; exit f > 0 }' ;;
  *) echo "usage: cross.sh fetch DIR | win | arm64 | all" >&2; exit 2 ;;
esac
