// sqlite-kl in Node.js: the npm package sqlite-kl (imported as an ES
// module) loads the library of sqlite-kl-<platform> into better-sqlite3;
// run with node's own test runner by tests/node/run.sh, which installs both
// packages from their npm pack tarballs.  kl.test.cjs does the same through
// require().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import kl, { getLoadablePath, load, version } from 'sqlite-kl';

function open() {
  const db = new Database(':memory:');
  load(db);
  return db;
}

test('esm getLoadablePath is the platform package library', () => {
  const require = createRequire(import.meta.url);
  const pkg = `sqlite-kl-${process.platform}-${process.arch}`;
  const want = join(dirname(require.resolve(`${pkg}/package.json`)),
                    process.platform === 'win32' ? 'kl.dll' : 'kl.so');
  assert.equal(getLoadablePath(), want);
  assert.match(want, /node_modules/);
  assert.equal(kl.getLoadablePath, getLoadablePath);
});

test('esm version is kl_version()', () => {
  const db = open();
  assert.equal(db.prepare('SELECT kl_version()').pluck().get(), version);
  assert.equal(version, process.env.KL_VERSION);
});

test('esm load refuses an object without loadExtension', () => {
  assert.throws(() => load({}), { name: 'TypeError', message: /load\(db\) needs a database object with loadExtension/ });
});

test('article', () => {
  const db = open();
  const row = db.prepare("SELECT kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]') AS v, " +
                         "kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]', 'bits') AS b").get();
  // mpmath: 0.66698517631859950...; the double is 0.6669851763185995
  assert.equal(row.v, 0.6669851763185995);
  assert.ok(Math.abs(row.b - 0.962256206221294) < 1e-14);
});

test('float32 blobs from Float32Array, bound parameters', () => {
  const db = open();
  const f32 = (a) => Buffer.from(new Float32Array(a).buffer);
  const v = db.prepare('SELECT kl_gauss(?, ?, ?, ?) AS v').pluck()
    .get(f32([2, 4, 6]), f32([1, 2, 3]), f32([3, 5, 8]), f32([1.5, 2.5, 4]));
  assert.equal(v, 0.6669851763185995);
});

test('kl_gauss_each rows', () => {
  const db = open();
  const rows = db.prepare("SELECT i, kl FROM kl_gauss_each('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]') " +
                          'ORDER BY kl DESC').all();
  assert.deepEqual(rows.map((r) => r.i), [0, 2, 1]);
});

test('bad input is an SQL error naming the argument', () => {
  const db = open();
  assert.throws(() => db.prepare('SELECT kl_gauss(0, -1, 0, 1)').get(),
                /kl_gauss: sd1 must be > 0 \(got -1\)/);
});
