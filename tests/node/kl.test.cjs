// sqlite-kl through require() (CommonJS): the same package as kl.test.mjs,
// loaded into better-sqlite3 by load(db); run by tests/node/run.sh.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const Database = require('better-sqlite3');
const kl = require('sqlite-kl');

test('cjs load article', () => {
  const db = new Database(':memory:');
  kl.load(db);
  const v = db.prepare("SELECT kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]')").pluck().get();
  assert.equal(v, 0.6669851763185995);
});

test('cjs and esm are one module', async () => {
  const esm = await import('sqlite-kl');
  assert.equal(esm.load, kl.load);
  assert.equal(esm.getLoadablePath(), kl.getLoadablePath());
});

test('cjs loadExtension by getLoadablePath', () => {
  const db = new Database(':memory:');
  db.loadExtension(kl.getLoadablePath());
  assert.equal(db.prepare('SELECT kl_version()').pluck().get(), kl.version);
});
