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

# ---- the Debian package: build (dpkg-buildpackage), install, load, remove
if command -v dpkg-buildpackage > /dev/null 2>&1 && command -v dh > /dev/null 2>&1; then
  mkdir -p "$T/deb/src"
  git ls-files -z | xargs -0 cp --parents -t "$T/deb/src"
  version=$(dpkg-parsechangelog -l debian/changelog -S Version)
  arch=$(dpkg-architecture -qDEB_HOST_ARCH)
  deb="$T/deb/sqlite3-kl_${version}_${arch}.deb"
  (cd "$T/deb/src" && dpkg-buildpackage -us -uc -b) > "$T/deb.log" 2>&1
  if [ -f "$deb" ]; then
    ok deb.build
    if [ "$(id -u)" -ne 0 ]; then
      fail deb.install "dpkg -i needs root"
    elif dpkg -i "$deb" > "$T/log" 2>&1; then
      ok deb.install
      so=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/sqlite3/kl.so
      got=$(sqlite3 -cmd ".load ${so%.so}" :memory: "SELECT printf('%.16g', ($ARTICLE))" 2>&1)
      [ "$got" = 0.6669851763185995 ] && ok deb.load || fail deb.load "$got"
      dpkg -r sqlite3-kl > "$T/log" 2>&1
      if [ ! -e "$so" ]; then ok deb.remove; else fail deb.remove "$(cat "$T/log")"; fi
    else
      fail deb.install "$(tail -3 "$T/log")"
    fi
  else
    fail deb.build "$(tail -5 "$T/deb.log")"
  fi
else
  fail deb "needs Debian's dpkg-dev and debhelper"
fi

# ---- Node.js: better-sqlite3 12.11.1 from npm, node's own test runner
# (and the npm packages, also around the aarch64 kl.so tests/python/run.sh built)
sh tests/node/run.sh "$T/node" "$T/python/a64/kl.so"
