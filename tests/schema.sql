-- The functions in schema objects: CHECK constraints, generated columns and
-- expression indexes, also with PRAGMA trusted_schema=OFF (which refuses
-- functions not registered SQLITE_INNOCUOUS).
PRAGMA trusted_schema = OFF;
CREATE TABLE post(id INTEGER PRIMARY KEY, mu TEXT, sd TEXT,
  dims INTEGER GENERATED ALWAYS AS (kl_dims(mu)) STORED,
  prior_kl REAL GENERATED ALWAYS AS (kl_gauss(mu, sd, 0, 1)) VIRTUAL,
  CHECK (kl_dims(mu) <= 2));
CREATE INDEX post_kl ON post(kl_gauss(mu, sd, 0, 1));
INSERT INTO post(mu, sd) VALUES ('[1,0]', '[1,1]'), ('[0,0]', '[1,1]'), ('[2]', '[1]');
SELECT expect('schema.generated', (SELECT group_concat(dims || ':' || prior_kl, ' ')
  FROM (SELECT * FROM post ORDER BY id)), '2:0.5 2:0.0 1:2.0');
-- INDEXED BY fails the statement unless the index can serve the query.
SELECT expect('schema.index-query', (SELECT id FROM post INDEXED BY post_kl
  WHERE kl_gauss(mu, sd, 0, 1) > 1), 3);
SELECT expect_error('schema.check', 'INSERT INTO post(mu, sd) VALUES (''[1,2,3]'', ''[1,1,1]'')',
  'CHECK constraint failed: kl_dims(mu) <= 2');
SELECT expect_error('schema.bad-generated', 'INSERT INTO post(mu, sd) VALUES (''[1]'', ''[-1]'')',
  'kl_gauss: sd1[0] must be > 0 (got -1)');
SELECT expect('schema.rows', (SELECT count(*) FROM post), 3);
