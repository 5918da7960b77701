#!/bin/sh
# tests/node/run.sh DIR — installs better-sqlite3 12.11.1 from the npm
# registry into DIR, builds it (npm 11 runs no install scripts by itself:
# `npm rebuild` compiles the addon with node-gyp), and runs kl.test.mjs with
# node's own test runner.  Prints "ok node.NAME" / "FAIL node.NAME: ..."; if
# node, npm, the registry or the build is unavailable, prints a "# SKIP"
# line saying which, and no check.
set -u
DIR=$1
KL_SO=$(pwd)/kl.so
skip() { echo "# SKIP node: $1"; exit 0; }
command -v node > /dev/null 2>&1 || skip "node is not installed"
command -v npm > /dev/null 2>&1 || skip "npm is not installed"
mkdir -p "$DIR"
cp tests/node/package.json tests/node/kl.test.mjs "$DIR/"
cd "$DIR" || exit 1
timeout 600 npm install --no-audit --no-fund > npm.log 2>&1 ||
  skip "npm install better-sqlite3@12.11.1 failed: $(tail -1 npm.log)"
timeout 600 npm rebuild better-sqlite3 > rebuild.log 2>&1
node -e "require('better-sqlite3')" > load.log 2>&1 ||
  skip "better-sqlite3 could not be built here: $(grep -m1 -i error rebuild.log load.log)"
KL_SO=$KL_SO node --test --test-reporter=tap kl.test.mjs > tap.log 2>&1
# TAP to our lines: top-level "ok N - name" / "not ok N - name"
sed -n -e 's/^ok [0-9]* - \(.*\)$/ok node.\1/p' \
       -e 's/^not ok [0-9]* - \(.*\)$/FAIL node.\1: see node --test output/p' tap.log |
  tr ' ' '-' | sed -e 's/^ok-/ok /' -e 's/^FAIL-\([^:]*\):-.*/FAIL \1: node --test failed/'
grep -q '^# fail 0' tap.log || { echo "FAIL node.runner: $(grep -m3 -E 'not ok|Error' tap.log | tr '\n' ' ')"; }
