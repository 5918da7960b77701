#!/bin/sh
# tests/node/run.sh DIR — the npm packages, from their tarballs: `make npm`
# packs sqlite-kl and sqlite-kl-<platform> (bundling ./kl.so) into DIR;
# better-sqlite3 12.11.1 comes from the npm registry and is built (npm 11
# runs no install scripts by itself: `npm rebuild` compiles the addon with
# node-gyp); both tarballs are installed beside it with npm install; then
# node's own test runner runs kl.test.mjs (import) and kl.test.cjs
# (require), every test loading the extension with load(db), and tsc
# (Debian's node-typescript) checks the type declarations from types.mts
# and types.cts.  Prints "ok node.NAME" / "FAIL node.NAME: ..."; if node,
# npm, the registry or the addon's build is unavailable, prints a "# SKIP"
# line saying which, and no check.  Run from the repository root after
# `make`.
set -u
DIR=$1
ROOT=$(pwd)
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
