-- wasserstein, energy_distance and their aggregates over many rows: the
-- CDFs that cancel as up to 200 000 rows, and 10^6 rows per sample, against
-- the same references as tests/transport.sql (tests/data/transport_ref.sql,
-- tests/gen_transport_ref.py).  A script of tests/big/: make test runs it;
-- the valgrind phase of make check leaves it out (the same code as
-- tests/transport.sql on 10^6 rows, 30-50x slower there), and
-- AddressSanitizer runs it.
.read tests/data/transport_ref.sql

-- The CDFs that cancel, as m + n rows with no weight (up to 200000 rows).
WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < (SELECT max(max(m, n)) FROM tr_grouped))
SELECT expect('tr.grouped.w.' || id, got_w, w_want, 1e-13), expect('tr.grouped.e.' || id, got_e, e_want, 1e-13)
FROM (SELECT s.id, g.w_want, g.e_want, wasserstein_agg(s.x, s.r) AS got_w, energy_distance_agg(s.x, s.r) AS got_e
      FROM (SELECT g.id, (c.k > g.a) AS x, 0 AS r FROM tr_grouped g JOIN c ON c.k <= g.m
            UNION ALL SELECT g.id, (c.k > g.b), 1 FROM tr_grouped g JOIN c ON c.k <= g.n) s
      JOIN tr_grouped g USING (id) GROUP BY s.id) ORDER BY id;
-- 10^6 rows per sample, from the generator's formula (IEEE operations
-- only: SQLite and Python form the same doubles).
CREATE TEMP TABLE tr_big_rows AS
  WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000)
  SELECT (i * 7919 % 1000003) / 1000003.0 AS x, 0 AS r, 1 + i % 7 AS w FROM c
  UNION ALL
  SELECT (i * 104729 % 999983) / 999983.0 + 1 / 1024.0, 1, 1 + (i % 5) * 0.5 FROM c WHERE i < 1000000;
SELECT expect('tr.big.rows', (SELECT count(*) FROM tr_big_rows), 1999999);
SELECT expect('tr.big.unweighted.w', (SELECT wasserstein_agg(x, r) FROM tr_big_rows),
              (SELECT w_want FROM tr_big WHERE id = 'big.unweighted'), 1e-13);
SELECT expect('tr.big.unweighted.e', (SELECT energy_distance_agg(x, r) FROM tr_big_rows),
              (SELECT e_want FROM tr_big WHERE id = 'big.unweighted'), 1e-13);
SELECT expect('tr.big.weighted.w', (SELECT wasserstein_agg(x, r, w) FROM tr_big_rows),
              (SELECT w_want FROM tr_big WHERE id = 'big.weighted'), 1e-13);
SELECT expect('tr.big.weighted.e', (SELECT energy_distance_agg(x, r, w) FROM tr_big_rows),
              (SELECT e_want FROM tr_big WHERE id = 'big.weighted'), 1e-13);
SELECT expect('tr.big.scipy.' || id, w_scipy, w_want, 1e-12) FROM tr_big ORDER BY id;
