-- kl_gauss_each: the per-dimension table.  Values against mpmath
-- (tests/data/gauss_ref.sql: the article's dimensions, and the random
-- vectors whose row sums must give kl_gauss's reference).
.read tests/data/gauss_ref.sql

-- The article's per-component table, correctly: all terms >= 0.
SELECT expect('article.rows', (SELECT count(*) FROM kl_gauss_each('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]')), 3);
SELECT expect('article.dim' || e.i, e.kl, r.want, 1e-14)
  FROM kl_gauss_each('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]') e
  JOIN gauss_ref r ON r.id = 'article.dim' || e.i ORDER BY e.i;
SELECT expect('article.params', (SELECT group_concat(i || ':' || mu1 || ',' || sd1 || ',' || mu2 || ',' || sd2, ' ')
  FROM kl_gauss_each('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]')),
  '0:2.0,1.0,3.0,1.5 1:4.0,2.0,5.0,2.5 2:6.0,3.0,8.0,4.0');
-- The dimension that drives the divergence.
SELECT expect('article.top', (SELECT i FROM kl_gauss_each('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]')
  ORDER BY kl DESC LIMIT 1), 0);
SELECT expect('article.bits', (SELECT sum(kl) FROM kl_gauss_each('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]', 'bits')),
  0.962256206221294, 1e-14);

-- Row sums equal kl_gauss's reference on every vector case, in every form.
SELECT expect('sum.' || r.id, (SELECT sum(kl) FROM kl_gauss_each(r.mu1, r.sd1, r.mu2, r.sd2)), r.want, 1e-13)
  FROM gauss_ref r WHERE r.id LIKE 'random.%' OR r.id LIKE 'article.%' OR r.id LIKE 'bcast.%'
  ORDER BY r.id;
SELECT expect('count.' || r.id, (SELECT count(*) FROM kl_gauss_each(r.mu1, r.sd1, r.mu2, r.sd2)),
              max(kl_dims(r.mu1), kl_dims(r.sd1), kl_dims(r.mu2), kl_dims(r.sd2)))
  FROM gauss_ref r WHERE r.id LIKE 'random.%' ORDER BY r.id;

-- Broadcasting, numbers, hidden columns.
SELECT expect('bcast.rows', (SELECT group_concat(i || ':' || sd2, ' ') FROM kl_gauss_each('[1,2]', 1, 0, 2)), '0:2.0 1:2.0');
SELECT expect('number.one-row', (SELECT count(*) || ':' || sum(kl) FROM kl_gauss_each(1, 1, 0, 1)), '1:0.5');
SELECT expect('hidden.args', (SELECT arg_mu1 || '|' || arg_sd2 || '|' || unit FROM kl_gauss_each('[1,2]', 1, 0, 2, 'bans') LIMIT 1),
  '[1,2]|2|bans');
SELECT expect('hidden.named', (SELECT count(*) FROM kl_gauss_each WHERE arg_mu1 = '[1,2,3]'
  AND arg_sd1 = 1 AND arg_mu2 = 0 AND arg_sd2 = 1), 3);
-- A lateral join over a table: the dimensions of every row.
CREATE TEMP TABLE models(id INTEGER PRIMARY KEY, mu TEXT, sd TEXT);
INSERT INTO models VALUES (1, '[0,0,3]', '[1,1,1]'), (2, '[1,0,0]', '[1,2,1]'), (3, NULL, '[1,1,1]');
SELECT expect('lateral.top', (SELECT group_concat(id || ':' || i, ' ') FROM (
  SELECT m.id, e.i FROM models m, kl_gauss_each(m.mu, m.sd, 0, 1) e
  WHERE e.kl = (SELECT max(kl) FROM kl_gauss_each(m.mu, m.sd, 0, 1)) ORDER BY m.id)), '1:2 2:1');
SELECT expect('null.no-rows', (SELECT count(*) FROM kl_gauss_each(NULL, 1, 0, 1)), 0);
SELECT expect('null.unit', (SELECT count(*) FROM kl_gauss_each(1, 1, 0, 1, NULL)), 0);
-- In a view, with trusted_schema=OFF (the module is innocuous).
CREATE VIEW each_view AS SELECT i, kl FROM kl_gauss_each('[1,2]', 1, 0, 1);
PRAGMA trusted_schema = OFF;
SELECT expect('view.untrusted', (SELECT sum(kl) FROM each_view), 2.5);
PRAGMA trusted_schema = ON;

-- Bad input: the messages of kl_gauss, under this name.
SELECT expect_error('err.args', 'SELECT * FROM kl_gauss_each(1, 2, 3)',
  'kl_gauss_each: needs the arguments mu1, sd1, mu2, sd2 (and an optional unit)');
SELECT expect_error('err.no-args', 'SELECT * FROM kl_gauss_each',
  'kl_gauss_each: needs the arguments mu1, sd1, mu2, sd2 (and an optional unit)');
SELECT expect_error('err.too-many', 'SELECT * FROM kl_gauss_each(1, 1, 1, 1, ''nats'', 6)',
  'too many arguments on kl_gauss_each() - max 5');
SELECT expect_error('err.sd', 'SELECT * FROM kl_gauss_each(''[0,0]'', ''[1,-1]'', 0, 1)',
  'kl_gauss_each: sd1[1] must be > 0 (got -1)');
SELECT expect_error('err.sd-number', 'SELECT * FROM kl_gauss_each(0, 1, 0, 0)',
  'kl_gauss_each: sd2 must be > 0 (got 0)');
SELECT expect_error('err.dims', 'SELECT * FROM kl_gauss_each(''[0,0]'', 1, ''[0,0,0]'', 1)',
  'kl_gauss_each: mu2 has 3 elements but mu1 has 2');
SELECT expect_error('err.json', 'SELECT * FROM kl_gauss_each(''[0,'', 1, 0, 1)',
  'kl_gauss_each: mu1 is not valid JSON: expected a number at offset 3, found end of text');
SELECT expect_error('err.blob', 'SELECT * FROM kl_gauss_each(0, X''0000'', 0, 1)',
  'kl_gauss_each: sd1 is a 2-byte blob, not a whole number of 4-byte float32 values');
SELECT expect_error('err.nan-blob', 'SELECT * FROM kl_gauss_each(0, X''0000C07F'', 0, 1)',
  'kl_gauss_each: sd1[0] must be finite (got NaN)');
SELECT expect_error('err.inf', 'SELECT * FROM kl_gauss_each(9e999, 1, 0, 1)',
  'kl_gauss_each: mu1 must be finite (got Inf)');
SELECT expect_error('err.empty', 'SELECT * FROM kl_gauss_each(''[]'', 1, 0, 1)',
  'kl_gauss_each: mu1 is an empty vector');
SELECT expect_error('err.unit', 'SELECT * FROM kl_gauss_each(0, 1, 0, 1, ''nat'')',
  'kl_gauss_each: unknown unit ''nat'' (use ''nats'', ''bits'' or ''bans'')');
-- Constraints on other columns are left to SQLite.
SELECT expect('where.i', (SELECT group_concat(i) FROM kl_gauss_each('[1,2,3]', 1, 0, 1) WHERE i > 0), '1,2');
SELECT expect('where.kl', (SELECT i FROM kl_gauss_each('[1,2,3]', 1, 0, 1) WHERE kl = 2.0), 1);
SELECT expect('hidden.no-unit', (SELECT unit FROM kl_gauss_each(1, 1, 0, 1)), NULL);
SELECT expect_error('err.neg-inf', 'SELECT * FROM kl_gauss_each(-9e999, 1, 0, 1)',
  'kl_gauss_each: mu1 must be finite (got -Inf)');
