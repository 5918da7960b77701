-- differential_entropy and its aggregate on a sample of 10^6 values, every
-- method, against the same references as tests/dentropy.sql
-- (tests/data/dentropy_ref.sql, tests/gen_dentropy_ref.py).  A script of
-- tests/big/: make test runs it; the valgrind phase of make check leaves
-- it out (the same code as tests/dentropy.sql on 10^6 rows, 30-50x slower
-- there), and AddressSanitizer runs it.
.read tests/data/dentropy_ref.sql

-- The 10^6-value sample x_k = r / (1000003 - r), r = 7919 k mod 1000003
-- (integers, then one correctly rounded division: the generator makes the
-- same doubles); mpmath over the same formula, and scipy beside.
CREATE TEMP TABLE de_bigx AS
  WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < 1000000)
  SELECT (k * 7919) % 1000003 AS r FROM c;
CREATE TEMP TABLE de_bigres AS
  SELECT b.method, b.want, b.scipy,
         (SELECT differential_entropy_agg(r * 1.0 / (1000003 - r), 'method=' || b.method)
          FROM de_bigx) AS got
  FROM de_big b;
SELECT expect('de.big.' || method, got, want, 1e-14) FROM de_bigres ORDER BY method;
SELECT expect('de.big.scipy.' || method, got, scipy, 1e-12) FROM de_bigres ORDER BY method;
-- The scalar over the same 10^6 values as one JSON text (17 digits: the
-- same doubles) and as a kl_f64 blob.
CREATE TEMP TABLE de_bigtext AS
  SELECT '[' || group_concat(printf('%!.17g', r * 1.0 / (1000003 - r)), ',') || ']' AS x FROM de_bigx;
SELECT expect('de.big.scalar-json', (SELECT differential_entropy(x) FROM de_bigtext),
              (SELECT want FROM de_big WHERE method = 'vasicek'), 1e-14);
SELECT expect('de.big.scalar-f64', (SELECT differential_entropy(kl_f64(x), 'method=ebrahimi') FROM de_bigtext),
              (SELECT want FROM de_big WHERE method = 'ebrahimi'), 1e-14);
SELECT expect('de.big.auto-is-vasicek',
              (SELECT differential_entropy_agg(r * 1.0 / (1000003 - r)) FROM de_bigx),
              (SELECT got FROM de_bigres WHERE method = 'vasicek'));
