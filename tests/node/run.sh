#!/bin/sh
# tests/node/run.sh DIR [A64_LIB] — the npm packages, from their tarballs: `make npm`
# packs sqlite-kl and sqlite-kl-<platform> (bundling ./kl.so) into DIR;
# better-sqlite3 12.11.1 comes from the npm registry and is built (npm 11
# runs no install scripts by itself: `npm rebuild` compiles the addon with
# node-gyp); both tarballs are installed beside it with npm install; then
# node's own test runner runs kl.test.mjs (import) and kl.test.cjs
# (require), every test loading the extension with load(db), and tsc
# (Debian's node-typescript) checks the type declarations from types.mts
# and types.cts.  Given an aarch64 kl.so (A64_LIB), it also packs
# sqlite-kl-linux-arm64 and checks its os/cpu and the library's CPU; a
# platform that does not match the library is refused.  Prints "ok node.NAME" / "FAIL node.NAME: ..."; if node,
# npm, the registry or the addon's build is unavailable, prints a "# SKIP"
# line saying which, and no check.  Run from the repository root after
# `make`.
set -u
DIR=$1
A64_LIB=${2:-}
VERSION=$(sed -n 's/^#define SQLITE_KL_VERSION "\(.*\)"$/\1/p' src/kl.h)
skip() { echo "# SKIP node: $1"; exit 0; }
command -v node > /dev/null 2>&1 || skip "node is not installed"
command -v npm > /dev/null 2>&1 || skip "npm is not installed"
mkdir -p "$DIR"
PLATFORM=$(node -p 'process.platform + "-" + process.arch')
if make -s npm DIST="$DIR/dist" > "$DIR/pack.log" 2>&1 &&
   [ -f "$DIR/dist/npm/sqlite-kl-$VERSION.tgz" ] && [ -f "$DIR/dist/npm/sqlite-kl-$PLATFORM-$VERSION.tgz" ]; then
  echo "ok node.pack"
else
  echo "FAIL node.pack: $(tail -3 "$DIR/pack.log")"
  exit 0
fi
# the other packaged CPU from a cross-compiled library, and a mismatch
if [ -n "$A64_LIB" ] && [ -f "$A64_LIB" ]; then
  if make -s npm KL_LIB="$A64_LIB" NPM_PLATFORM=linux-arm64 DIST="$DIR/dist-a64" > "$DIR/pack-a64.log" 2>&1; then
    got=$(node -e '
      const { execFileSync } = require("node:child_process");
      const t = process.argv[1];
      const pkg = JSON.parse(execFileSync("tar", ["xzOf", t, "package/package.json"]));
      const so = execFileSync("tar", ["xzOf", t, "package/kl.so"], { maxBuffer: 1 << 26 });
      const m = so.readUInt32BE(0) === 0x7f454c46 ? so.readUInt16LE(18) : -1;
      console.log(pkg.name, pkg.os.join(), pkg.cpu.join(), m === 0xb7 ? "aarch64" : "machine " + m);
    ' "$DIR/dist-a64/npm/sqlite-kl-linux-arm64-$VERSION.tgz" 2>&1)
    [ "$got" = "sqlite-kl-linux-arm64 linux arm64 aarch64" ] && echo "ok node.pack-linux-arm64" ||
      echo "FAIL node.pack-linux-arm64: $got"
  else
    echo "FAIL node.pack-linux-arm64: $(tail -2 "$DIR/pack-a64.log")"
  fi
else
  echo "# SKIP node.pack-linux-arm64: no aarch64 kl.so given"
fi
other=linux-arm64; [ "$PLATFORM" = linux-arm64 ] && other=linux-x64
if make -s npm NPM_PLATFORM=$other DIST="$DIR/dist-wrong" > "$DIR/wrong.log" 2>&1; then
  echo "FAIL node.platform-mismatch-refused: a $other package was packed around ./kl.so"
else
  grep -q "PLATFORM $other does not match" "$DIR/wrong.log" && echo "ok node.platform-mismatch-refused" ||
    echo "FAIL node.platform-mismatch-refused: $(tail -2 "$DIR/wrong.log")"
fi
# the scratch project in DIR/project; DIR/bare (outside it, so that node
# does not find the project's node_modules) for the install without the
# platform package
mkdir -p "$DIR/project" "$DIR/bare"
cp tests/node/package.json tests/node/kl.test.mjs tests/node/kl.test.cjs \
   tests/node/types.mts tests/node/types.cts "$DIR/project/"
cd "$DIR/project" || exit 1
timeout 600 npm install --no-audit --no-fund > npm.log 2>&1 ||
  skip "npm install better-sqlite3@12.11.1 failed: $(tail -1 npm.log)"
timeout 600 npm rebuild better-sqlite3 > rebuild.log 2>&1
node -e "require('better-sqlite3')" > load.log 2>&1 ||
  skip "better-sqlite3 could not be built here: $(grep -m1 -i error rebuild.log load.log)"
# the two tarballs, as a user installs them (the other platforms'
# optional packages are not published, and npm passes over them)
if npm install --no-audit --no-fund "../dist/npm/sqlite-kl-$VERSION.tgz" \
     "../dist/npm/sqlite-kl-$PLATFORM-$VERSION.tgz" > install.log 2>&1 &&
   [ -f "node_modules/sqlite-kl-$PLATFORM/kl.so" ]; then
  echo "ok node.install-tarballs"
else
  echo "FAIL node.install-tarballs: $(grep -m3 -i error install.log | tr '\n' ' ')"
fi
KL_VERSION=$VERSION node --test --test-reporter=tap kl.test.mjs kl.test.cjs > tap.log 2>&1
# TAP to our lines: top-level "ok N - name" / "not ok N - name"
sed -n -e 's/^ok [0-9]* - \(.*\)$/ok node.\1/p' \
       -e 's/^not ok [0-9]* - \(.*\)$/FAIL node.\1: see node --test output/p' tap.log |
  tr ' ' '-' | sed -e 's/^ok-/ok /' -e 's/^FAIL-\([^:]*\):-.*/FAIL \1: node --test failed/'
grep -q '^# fail 0' tap.log || { echo "FAIL node.runner: $(grep -m3 -E 'not ok|Error' tap.log | tr '\n' ' ')"; }
# without the platform package (npm install --omit=optional), load() says
# which package to install
(cd ../bare && echo '{"private": true}' > package.json &&
  npm install --no-audit --no-fund --omit=optional "../dist/npm/sqlite-kl-$VERSION.tgz" > npm.log 2>&1)
got=$(cd ../bare && node -e "require('sqlite-kl').load({ loadExtension() {} })" 2>&1)
case $got in
  *"sqlite-kl-$PLATFORM, which holds the library"*"npm install sqlite-kl-$PLATFORM@$VERSION"*) echo "ok node.missing-platform-package" ;;
  *) echo "FAIL node.missing-platform-package: $(echo "$got" | head -3 | tr '\n' ' ')" ;;
esac
# the type declarations, both module views
if command -v tsc > /dev/null 2>&1; then
  if tsc --noEmit --strict --module nodenext --moduleResolution nodenext --target es2020 \
       types.mts types.cts > tsc.log 2>&1; then
    echo "ok node.types"
  else
    echo "FAIL node.types: $(head -3 tsc.log | tr '\n' ' ')"
  fi
else
  echo "FAIL node.types: needs Debian's node-typescript (tsc)"
fi
