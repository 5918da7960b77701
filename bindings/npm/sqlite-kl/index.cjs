'use strict';
// sqlite-kl for Node.js: the path of the compiled extension, which lives in
// the optional package sqlite-kl-<platform>-<arch> that npm installs for the
// machine's platform, and load(db) for drivers with db.loadExtension().
const fs = require('node:fs');
const path = require('node:path');
const { version } = require('./package.json');
const platforms = require('./platforms.json');

function getLoadablePath() {
  const key = `${process.platform}-${process.arch}`;
  const file = platforms[key];
  if (!file) {
    throw new Error(`sqlite-kl: no build for ${key}; the packaged platforms are ` +
      `${Object.keys(platforms).join(', ')}. Build kl from source (make) and pass ` +
      'its path to db.loadExtension()');
  }
  const name = `sqlite-kl-${key}`;
  let manifest;
  try {
    manifest = require.resolve(`${name}/package.json`);
  } catch {
    throw new Error(`sqlite-kl: the package ${name}, which holds the library for ` +
      `${key}, is not installed (npm leaves optional dependencies out with ` +
      `--omit=optional); install it: npm install ${name}@${version}`);
  }
  const theirs = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
  if (theirs !== version) {
    throw new Error(`sqlite-kl: ${name} is version ${theirs}, sqlite-kl is ` +
      `${version}; install the same version of both: npm install ${name}@${version}`);
  }
  const lib = path.join(path.dirname(manifest), file);
  if (!fs.existsSync(lib)) {
    throw new Error(`sqlite-kl: ${lib} is missing from ${name}; reinstall it`);
  }
  return lib;
}

function load(db) {
  if (!db || typeof db.loadExtension !== 'function') {
    throw new TypeError('sqlite-kl: load(db) needs a database object with ' +
      "loadExtension(path), such as better-sqlite3's Database");
  }
  db.loadExtension(getLoadablePath());
}

module.exports = { getLoadablePath, load, version };
