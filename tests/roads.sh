#!/bin/sh
# tests/roads.sh — every road a user takes to sqlite-kl, tested for real:
# make install into a staging DESTDIR (and uninstall), static embedding,
# Python (sqlite3 + numpy + pandas), sqlite-utils, and Node.js
# (better-sqlite3).  Prints "ok ID" / "FAIL ID: ..." lines; a road whose
# tool is missing fails with the package to install, except Node, which is
# skipped with a message when npm cannot fetch or build better-sqlite3.
# Run from the repository root after `make` (make check runs it).
set -u
T=${TMPDIR:-/tmp}/kl-roads.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
ARTICLE="SELECT kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]')"

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }

# ---- make install / uninstall, into a staging directory
if make -s install DESTDIR="$T/stage" PREFIX=/usr > "$T/log" 2>&1; then
  so="$T/stage/usr/lib/sqlite3/kl.so"; h="$T/stage/usr/include/kl.h"
  if [ -f "$so" ] && [ -f "$h" ]; then ok install.files; else fail install.files "$(ls -R "$T/stage")"; fi
  got=$(sqlite3 -cmd ".load ${so%.so}" :memory: "SELECT printf('%.16g', ($ARTICLE))" 2>&1)
  [ "$got" = 0.6669851763185995 ] && ok install.load-by-path || fail install.load-by-path "$got"
  printf '#include <kl.h>\nint main(void){ return sqlite3_kl_init == 0; }\n' > "$T/h.c"
  if cc -I"$T/stage/usr/include" -o "$T/h" "$T/h.c" "$so" 2> "$T/log"; then
    ok install.header
  else
    fail install.header "$(cat "$T/log")"
  fi
  make -s uninstall DESTDIR="$T/stage" PREFIX=/usr > "$T/log" 2>&1
  if [ ! -e "$so" ] && [ ! -e "$h" ]; then ok uninstall; else fail uninstall "files left"; fi
else
  fail install "$(cat "$T/log")"
fi

# ---- static embedding: examples/static_demo, linked with libsqlite3.a
if make -s examples/static_demo > "$T/log" 2>&1; then
  got=$(./examples/static_demo | head -1)
  [ "$got" = "nats 0.6669851763185995" ] && ok static.article || fail static.article "$got"
else
  fail static.build "$(tail -3 "$T/log")"
fi

# ---- Python: sqlite3, numpy blobs, pandas.read_sql_query (prints ok/FAIL)
if /usr/bin/python3 -c 'import numpy, scipy, pandas' 2> /dev/null; then
  /usr/bin/python3 examples/python_demo.py ./kl > "$T/py" 2>&1
  grep -E '^(ok|FAIL) ' "$T/py"
  grep -q '^ok python.gauss_sd' "$T/py" || fail python.ran "$(tail -3 "$T/py")"
else
  fail python "needs Debian's python3-numpy, python3-scipy and python3-pandas"
fi

# ---- the Python package: wheel, sdist, venv install, load() (tests/python/run.sh)
sh tests/python/run.sh "$T/python"

# ---- sqlite-utils: query with --load-extension
if command -v sqlite-utils > /dev/null 2>&1; then
  got=$(sqlite-utils query "$T/su.db" "$ARTICLE AS kl" --load-extension ./kl.so 2>&1)
  [ "$got" = '[{"kl": 0.6669851763185995}]' ] && ok sqlite-utils.query || fail sqlite-utils.query "$got"
else
  fail sqlite-utils "needs Debian's sqlite-utils"
fi

# ---- the demo: builds demo.db reproducibly and runs sql/demo.sql
if make -s demo > "$T/demo.out" 2>&1 && ! grep -q -i 'error' "$T/demo.out"; then
  ok demo.runs
  got=$(md5sum < demo.db | cut -c1-32)
  rm -f demo.db; make -s demo.db > /dev/null 2>&1
  [ "$(md5sum < demo.db | cut -c1-32)" = "$got" ] && ok demo.reproducible || fail demo.reproducible "two builds differ"
  got=$(sqlite3 -cmd ".load ./kl" demo.db "SELECT group_concat(i) FROM (SELECT e.i FROM
    (SELECT gauss_mean(mu) m, gauss_sd(mu) s FROM models WHERE cohort = 'v1') a,
    (SELECT gauss_mean(mu) m, gauss_sd(mu) s FROM models WHERE cohort = 'v2') b,
    kl_gauss_each(b.m, b.s, a.m, a.s) e ORDER BY e.kl DESC LIMIT 2)")
  [ "$got" = "11,3" ] && ok demo.finds-drifted-dimensions || fail demo.finds-drifted-dimensions "$got"
else
  fail demo.runs "$(grep -i -m3 error "$T/demo.out")"
fi

# ---- the Debian package (debian/): built with dpkg-buildpackage from the
# tracked files; lintian (no error or warning, no hardening-no-* tag, no
# stale override) and blhc (dpkg-buildflags on every compile line); then
# installed, kl.so loaded by its bare name (the shell and Python),
# kl_preload.so under LD_PRELOAD, kl.h from sqlite3-kl-dev compiled into a
# program, and removal and purge leaving none of the packages' paths.
if command -v dpkg-buildpackage > /dev/null 2>&1 && command -v dh > /dev/null 2>&1 &&
   command -v lintian > /dev/null 2>&1 && command -v blhc > /dev/null 2>&1; then
  mkdir -p "$T/deb/src"
  git ls-files -z | xargs -0 cp --parents -t "$T/deb/src"
  version=$(dpkg-parsechangelog -l debian/changelog -S Version)
  arch=$(dpkg-architecture -qDEB_HOST_ARCH)
  multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
  deb="$T/deb/sqlite3-kl_${version}_${arch}.deb"
  devdeb="$T/deb/sqlite3-kl-dev_${version}_${arch}.deb"
  # Without the calling make's flags (make -s would hide the compile
  # lines that blhc reads).
  (cd "$T/deb/src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL dpkg-buildpackage -us -uc -b) \
    > "$T/deb.log" 2>&1
  if [ -f "$deb" ] && [ -f "$devdeb" ]; then
    ok deb.build
    # Error and warning tags fail; so do the info tags that name missing
    # hardening, and overrides that no longer match anything.
    lintian --info --show-overrides "$T/deb/sqlite3-kl_${version}_${arch}.changes" > "$T/lintian" 2>&1
    bad=$(grep -E '^(E|W): |hardening-no-|unused-override|mismatched-override' "$T/lintian")
    if [ -z "$bad" ] && grep -q '^O: ' "$T/lintian"; then
      ok deb.lintian
    else
      fail deb.lintian "$(printf '%s' "${bad:-no override applied: $(tail -3 "$T/lintian")}" | tr '\n' '|')"
    fi
    if blhc --all "$T/deb.log" > "$T/blhc" 2>&1; then
      ok deb.hardening-flags
    else
      fail deb.hardening-flags "$(head -3 "$T/blhc" | cut -c1-200 | tr '\n' '|')"
    fi
    # Start from a machine without the packages, and note which of their
    # paths exist already (shared directories), for the purge check.
    dpkg -P sqlite3-kl-dev sqlite3-kl > /dev/null 2>&1
    for d in "$deb" "$devdeb"; do dpkg-deb -c "$d"; done |
      awk '{ sub(/^\./, "", $6); sub(/\/$/, "", $6); if ($6 != "") print $6 }' |
      sort -u > "$T/deb.paths"
    while read -r p; do
      if [ -e "$p" ] || [ -L "$p" ]; then echo "$p"; fi
    done < "$T/deb.paths" > "$T/deb.before"
    if [ "$(id -u)" -ne 0 ]; then
      fail deb.install "dpkg -i needs root"
    elif dpkg -i "$deb" "$devdeb" > "$T/log" 2>&1; then
      ok deb.install
      so=/usr/lib/$multiarch/kl.so
      preload=/usr/lib/$multiarch/sqlite3-kl/kl_preload.so
      # By its bare name, from a directory without kl.so and with no
      # LD_LIBRARY_PATH: dlopen finds it on the loader's default path.
      got=$(cd "$T" && env -u LD_LIBRARY_PATH sqlite3 -cmd ".load kl" :memory: \
        "SELECT printf('%.16g', ($ARTICLE))" 2>&1)
      [ "$got" = 0.6669851763185995 ] && ok deb.load-by-name || fail deb.load-by-name "$got"
      got=$(cd "$T" && env -u LD_LIBRARY_PATH /usr/bin/python3 -c "
import sqlite3
c = sqlite3.connect(':memory:')
c.enable_load_extension(True); c.load_extension('kl')
print(repr(c.execute(\"$ARTICLE\").fetchone()[0]))" 2>&1)
      [ "$got" = 0.6669851763185995 ] && ok deb.python-load-by-name || fail deb.python-load-by-name "$got"
      if command -v sqlite-utils > /dev/null 2>&1; then
        got=$(cd "$T" && env -u LD_LIBRARY_PATH sqlite-utils query :memory: "$ARTICLE AS kl" --load-extension kl 2>&1)
        [ "$got" = '[{"kl": 0.6669851763185995}]' ] && ok deb.sqlite-utils-load-by-name ||
          fail deb.sqlite-utils-load-by-name "$got"
      fi
      # kl_preload.so: the shell has the functions without any .load, and
      # has not without the preload.
      kv=$(sed -n 's/^#define SQLITE_KL_VERSION "\(.*\)"$/\1/p' src/kl.h)
      got=$(LD_PRELOAD=$preload sqlite3 :memory: "SELECT kl_version(), printf('%.16g', ($ARTICLE))" 2>&1)
      none=$(sqlite3 :memory: "SELECT kl_version()" 2>&1)
      if [ "$got" = "$kv|0.6669851763185995" ] && [ "${none#*no such function}" != "$none" ]; then
        ok deb.preload
      else
        fail deb.preload "with: $got; without: $none"
      fi
      # sqlite3-kl-dev: /usr/include/kl.h is src/kl.h, and a program built
      # with it and linked with the installed module (-l:kl.so) registers
      # the functions as an auto-extension.
      cat > "$T/dev.c" << 'EOF'
#include <stdio.h>
#include <kl.h>
int main(void){
  sqlite3 *db; sqlite3_stmt *st;
  if( sqlite3_auto_extension((void(*)(void))sqlite3_kl_init) ) return 1;
  if( sqlite3_open(":memory:", &db) ) return 1;
  if( sqlite3_prepare_v2(db, "SELECT printf('%.16g', kl_gauss('[2,4,6]', "
      "'[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'))", -1, &st, 0) ){
    printf("%s\n", sqlite3_errmsg(db)); return 1;
  }
  if( sqlite3_step(st) != SQLITE_ROW ) return 1;
  printf("%s %s\n", SQLITE_KL_VERSION, (const char*)sqlite3_column_text(st, 0));
  sqlite3_finalize(st); sqlite3_close(db);
  return 0;
}
EOF
      if ! cmp -s /usr/include/kl.h src/kl.h; then
        fail deb.dev-header "/usr/include/kl.h missing or not src/kl.h"
      elif cc -o "$T/dev" "$T/dev.c" -l:kl.so -lsqlite3 2> "$T/log"; then
        got=$("$T/dev" 2>&1)
        [ "$got" = "$kv 0.6669851763185995" ] && ok deb.dev-header || fail deb.dev-header "$got"
      else
        fail deb.dev-header "$(head -3 "$T/log")"
      fi
      dpkg -r sqlite3-kl-dev sqlite3-kl > "$T/log" 2>&1
      got=$(cd "$T" && sqlite3 -cmd ".load kl" :memory: "SELECT 1" 2>&1)
      if [ ! -e "$so" ] && [ ! -e "$preload" ] && [ ! -e /usr/include/kl.h ] && [ "$got" != 1 ]; then
        ok deb.remove
      else
        fail deb.remove "$(tail -3 "$T/log") / .load kl after removal: $got"
      fi
      dpkg -P sqlite3-kl-dev sqlite3-kl > "$T/log" 2>&1
      left=$(while read -r p; do
               if [ -e "$p" ] || [ -L "$p" ]; then echo "$p"; fi
             done < "$T/deb.paths" | grep -vxF -f "$T/deb.before")
      status=$(dpkg-query -W -f '${db:Status-Abbrev}' sqlite3-kl sqlite3-kl-dev 2> /dev/null)
      if [ -z "$left" ] && [ -z "$status" ]; then
        ok deb.purge
      else
        fail deb.purge "left: $(echo "$left" | tr '\n' ' ') status: $status"
      fi
    else
      fail deb.install "$(tail -3 "$T/log")"
    fi
  else
    fail deb.build "$(tail -5 "$T/deb.log")"
  fi
else
  fail deb "needs Debian's dpkg-dev, debhelper, lintian and blhc"
fi

# ---- Node.js: better-sqlite3 12.11.1 from npm, node's own test runner
# (and the npm packages, also around the aarch64 kl.so tests/python/run.sh built)
sh tests/node/run.sh "$T/node" "$T/python/a64/kl.so"
