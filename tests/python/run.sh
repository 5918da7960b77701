#!/bin/sh
# tests/python/run.sh DIR — the Python package, from its artifacts: `make
# wheel` (bundling ./kl.so) and its sdist into DIR; the wheel's tag and the
# bundled library's CPU (ELF header); a fresh virtual environment (Debian's
# python3 -m venv --system-site-packages, for numpy and pandas) where the
# wheel is installed with pip and used: tests/python/test_package.py and
# examples/python_demo.py through sqlite_kl.load(); the sdist built into a
# wheel offline (it compiles the library) and loaded; an aarch64 wheel from
# a cross-compiled kl.so when aarch64-linux-gnu-gcc is there.  Prints
# "ok wheel.NAME" / "FAIL wheel.NAME: ..." lines, and "# SKIP" for a check
# this machine cannot make.  Run from the repository root after `make`.
set -u
DIR=$1
PY=/usr/bin/python3
ROOT=$(pwd)
ok() { echo "ok wheel.$1"; }
fail() { echo "FAIL wheel.$1: $2"; }
mkdir -p "$DIR"
if ! $PY -c 'import setuptools, wheel, ensurepip' 2> /dev/null || ! $PY -m pip --version > /dev/null 2>&1; then
  fail build "needs Debian's python3-pip, python3-setuptools, python3-wheel and python3-venv"
  exit 0
fi
version=$(sed -n 's/^#define SQLITE_KL_VERSION "\(.*\)"$/\1/p' src/kl.h)

# the CPU a wheel's bundled library is built for, from its ELF header
# (e_machine): x86_64, aarch64, or the number
elf_cpu() {
  $PY - "$1" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
b = z.read('sqlite_kl/kl.so')
if b[:4] != b'\x7fELF' or b[4] != 2 or b[5] != 1:
    print('not a 64-bit little-endian ELF: %r' % b[:6])
else:
    m = int.from_bytes(b[18:20], 'little')
    print({0x3E: 'x86_64', 0xB7: 'aarch64'}.get(m, 'machine 0x%x' % m))
PY
}
# the Tag line of a wheel's WHEEL file
wheel_tag() {
  $PY -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(next(l[5:] for l in z.read([n for n in z.namelist() if n.endswith(".dist-info/WHEEL")][0]).decode().splitlines() if l.startswith("Tag: ")))' "$1"
}

# A cross-compiled aarch64 kl.so, built in the background meanwhile
# (only src/ and the Makefile are needed for `make kl.so`).
if command -v aarch64-linux-gnu-gcc > /dev/null 2>&1; then
  mkdir -p "$DIR/a64"
  cp -R src Makefile "$DIR/a64/"
  make -s -C "$DIR/a64" kl.so CC=aarch64-linux-gnu-gcc > "$DIR/a64.log" 2>&1 &
  a64=$!
else
  a64=
fi

# ---- the wheel and the sdist
if make -s wheel DIST="$DIR/dist" > "$DIR/wheel.log" 2>&1; then
  ok build
else
  fail build "$(tail -3 "$DIR/wheel.log")"
  exit 0
fi
arch=$(uname -m)
whl=$DIR/dist/sqlite_kl-$version-py3-none-linux_$arch.whl
sdist=$DIR/dist/sqlite-kl-$version.tar.gz
if [ -f "$whl" ] && [ "$(wheel_tag "$whl")" = "py3-none-linux_$arch" ]; then
  ok tag-linux_$arch
else
  fail tag-linux_$arch "$(ls "$DIR/dist")"
fi
got=$(elf_cpu "$whl")
[ "$got" = "$arch" ] && ok "elf-$arch" || fail "elf-$arch" "$got"

# ---- installed into a fresh virtual environment, used from elsewhere
$PY -m venv --system-site-packages "$DIR/venv" > "$DIR/venv.log" 2>&1
if "$DIR/venv/bin/pip" install -q --no-index --no-deps "$whl" > "$DIR/pip.log" 2>&1; then
  ok install
else
  fail install "$(tail -3 "$DIR/pip.log")"
fi
VPY=$DIR/venv/bin/python
(cd "$DIR" && "$VPY" "$ROOT/tests/python/test_package.py" "$ROOT/src/kl.h") > "$DIR/unit.out" 2>&1
grep -E '^(ok|FAIL) ' "$DIR/unit.out"
grep -q '^ok wheel.pandas-each' "$DIR/unit.out" || fail package.ran "$(tail -3 "$DIR/unit.out")"
(cd "$DIR" && "$VPY" "$ROOT/examples/python_demo.py") > "$DIR/demo.out" 2>&1
if grep -q '^# loaded by sqlite_kl.load() from '"$DIR"/venv "$DIR/demo.out"; then
  sed -n 's/^\(ok\|FAIL\) python\./\1 wheel.demo./p' "$DIR/demo.out"
  grep -q '^ok python.gauss_sd' "$DIR/demo.out" || fail demo.ran "$(tail -3 "$DIR/demo.out")"
else
  fail demo.load "$(tail -3 "$DIR/demo.out")"
fi

# ---- load() on a Python whose sqlite3 cannot load extensions, for real
# where this machine has one (pyenv's default build, often first on PATH)
nol=
for d in $(echo "$PATH" | tr ':' ' '); do
  p=$d/python3
  [ -x "$p" ] || continue
  if "$p" -c 'import sqlite3, sys; sys.exit(hasattr(sqlite3.Connection, "enable_load_extension"))' 2> /dev/null; then
    nol=$p; break
  fi
done
if [ -n "$nol" ]; then
  site=$("$VPY" -c 'import sysconfig; print(sysconfig.get_path("platlib"))')
  got=$(cd "$DIR" && PYTHONPATH=$site "$nol" -c 'import sqlite3, sqlite_kl
try:
    sqlite_kl.load(sqlite3.connect(":memory:"))
except sqlite_kl.ExtensionLoadingUnavailable as e:
    print(e)' 2>&1)
  case $got in
    *"built without extension loading"*enable-loadable-sqlite-extensions*) ok load-without-extension-loading.real ;;
    *) fail load-without-extension-loading.real "$nol: $got" ;;
  esac
else
  echo "# SKIP wheel.load-without-extension-loading.real: every python3 here can load extensions (the stand-in connection of wheel.load-without-extension-loading tests it)"
fi

# ---- the sdist builds a wheel (compiling the library) that loads
if (cd "$DIR" && $PY -m pip wheel -q --no-index --no-build-isolation --no-deps -w "$DIR/from-sdist" "$sdist") > "$DIR/sdist.log" 2>&1 \
   && [ -f "$DIR/from-sdist/sqlite_kl-$version-py3-none-linux_$arch.whl" ]; then
  ok sdist.build
  "$DIR/venv/bin/pip" install -q --no-index --no-deps --force-reinstall "$DIR/from-sdist/"*.whl > "$DIR/pip.log" 2>&1
  got=$(cd "$DIR" && "$VPY" -c 'import sqlite3, sqlite_kl
c = sqlite3.connect(":memory:"); sqlite_kl.load(c)
print(c.execute("SELECT printf(\"%.16g\", kl_gauss(\"[2,4,6]\", \"[1,2,3]\", \"[3,5,8]\", \"[1.5,2.5,4]\"))").fetchone()[0], sqlite_kl.__version__)' 2>&1)
  [ "$got" = "0.6669851763185995 $version" ] && ok sdist.load || fail sdist.load "$got"
else
  fail sdist.build "$(tail -3 "$DIR/sdist.log")"
fi

# ---- aarch64: the cross-compiled library in a linux_aarch64 wheel; a tag
# that does not match the library is refused
if [ -n "$a64" ]; then
  if wait "$a64" && make -s wheel KL_LIB="$DIR/a64/kl.so" KL_PLAT=linux_aarch64 DIST="$DIR/dist-a64" > "$DIR/wheel-a64.log" 2>&1; then
    w=$DIR/dist-a64/sqlite_kl-$version-py3-none-linux_aarch64.whl
    if [ -f "$w" ] && [ "$(wheel_tag "$w")" = py3-none-linux_aarch64 ]; then ok tag-linux_aarch64; else fail tag-linux_aarch64 "$(ls "$DIR/dist-a64")"; fi
    got=$(elf_cpu "$w")
    [ "$got" = aarch64 ] && ok elf-aarch64 || fail elf-aarch64 "$got"
  else
    fail aarch64.build "$(tail -3 "$DIR/a64.log" "$DIR/wheel-a64.log")"
  fi
else
  echo "# SKIP wheel.aarch64: no aarch64-linux-gnu-gcc (Debian's gcc-aarch64-linux-gnu)"
fi
other=aarch64; [ "$arch" = aarch64 ] && other=x86_64
if make -s wheel KL_PLAT=linux_$other DIST="$DIR/dist-wrong" > "$DIR/wrong.log" 2>&1; then
  fail plat-mismatch-refused "a linux_$other wheel was built around ./kl.so"
else
  grep -q "KL_PLAT=linux_$other does not match" "$DIR/wrong.log" && ok plat-mismatch-refused ||
    fail plat-mismatch-refused "$(tail -2 "$DIR/wrong.log")"
fi
