// sqlite-kl in Node.js: better-sqlite3's db.loadExtension(), run with
// node's own test runner by tests/node/run.sh (KL_SO: path of kl.so).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';

const KL = process.env.KL_SO;

function open() {
  const db = new Database(':memory:');
  db.loadExtension(KL);
  return db;
}

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
