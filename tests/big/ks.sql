-- ks_stat, ks_pvalue and their aggregates on large samples (10^4 to 10^6
-- values: both roads of the p-value and scipy's switch between them, and
-- Pelz-Good's road at N > 100000), against the same references as
-- tests/ks.sql (tests/data/ks_ref.sql, tests/gen_ks_ref.py).  A script of
-- tests/big/: make test runs it; the valgrind phase of make check leaves
-- it out (the same code as tests/ks.sql on 10^6 rows, 30-50x slower
-- there), and AddressSanitizer runs it.
.read tests/data/ks_ref.sql

-- tests/data/ks_ref.sql's cases of more than 4·10^6 value pairs (the rest
-- are in tests/ks.sql), with the same checks.
DELETE FROM ks_ref WHERE json_array_length(u) * json_array_length(v) <= 4000000;
SELECT expect('ks.ref.large.count', (SELECT count(*) FROM ks_ref), 4);
.read tests/include/ks_ref_checks.sql

-- -------------------------------------------------- sizes 10^4 .. 10^6
-- Samples made in SQL from a formula (the generator computes the same
-- values in Python).  D: equal to the exact rational rounded once (scipy's
-- float i/n1 - j/n2 differs by up to 2e-12 on the asymptotic road: see
-- the generator); scipy's statistic within that.
CREATE TEMP TABLE ks_bres AS
  SELECT id, road, stat, dexact, pvalue, p_at_d, mp,
         try_value(sql_stat) AS s, try_value(sql_p) AS p
  FROM ks_big;
SELECT expect('ks.big.stat.' || id, s, dexact) FROM ks_bres ORDER BY id;
SELECT expect('ks.big.stat.scipy.' || id, s, stat, 3e-12) FROM ks_bres ORDER BY id;
-- The p-value: scipy's at the exact statistic within 1e-12 (the exact road:
-- ks_2samp's own), and ks_2samp's own within what its statistic's rounding
-- moves it (4e-13 at most here).
SELECT expect('ks.big.p.' || id, p, p_at_d, 1e-12) FROM ks_bres WHERE mp IS NULL ORDER BY id;
SELECT expect('ks.big.p.scipy.' || id, p, pvalue, 1e-12) FROM ks_bres WHERE mp IS NULL ORDER BY id;
-- At N <= 140 with 0.754693 < N D^2 <= 4 scipy forms 1 - cdf by Pomeranz's
-- recursion in doubles and keeps 11 to 13 digits of a p-value near 1e-3;
-- Durbin's matrix in mpmath at 60 digits is the truth there.  Ours (Durbin
-- in double-double, 1 - cdf formed before rounding) within 1e-15 of it;
-- scipy within 1e-11.
SELECT expect('ks.big.mp.' || id, p, mp, 1e-15) FROM ks_bres WHERE mp IS NOT NULL ORDER BY id;
SELECT expect('ks.big.mp.scipy.' || id, p, p_at_d, 1e-11) FROM ks_bres WHERE mp IS NOT NULL ORDER BY id;
SELECT expect('ks.big.mp.count', (SELECT count(*) FROM ks_bres WHERE mp IS NOT NULL), 6);
-- Both roads are exercised, on both sides of the switch.
SELECT expect('ks.big.roads', (SELECT count(DISTINCT road) FROM ks_big), 2);
SELECT expect('ks.big.switch.exact', (SELECT road FROM ks_big WHERE id = 'switch.10000x10000.shift'), 'exact');
SELECT expect('ks.big.switch.asymp', (SELECT road FROM ks_big WHERE id = 'switch.10001x10000.shift'), 'asymp');

-- Pelz-Good's road (N = 100002 > 100000) at N D = 3/2: 1 .. 200004 against
-- 4 .. 200007, D = 3/200004, z^2 = N D^2 = 2.2e-5, the series' q =
-- exp(-pi^2/(8 z^2)) below e^-708: the cdf is 0 (scipy's _kolmogn_PelzGood
-- returns 0 there too; the true cdf is below n! (2/n)^n, about e^-30700:
-- each U_(i) within an interval of length 2D - 1/n = 2/n),
-- the p-value 1 (scipy: kstwo.sf(3/200004, 100002) = 1.0).
CREATE TEMP TABLE ks_pg AS
  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < 200004)
  SELECT ks_stat_agg(x, r) AS st, ks_pvalue_agg(x, r) AS p
  FROM (SELECT i AS x, 0 AS r FROM s UNION ALL SELECT i + 3, 1 FROM s);
SELECT expect('ks.edge.pelzgood.tiny.stat', (SELECT st FROM ks_pg), 3.0 / 200004);
SELECT expect('ks.edge.pelzgood.tiny.p', (SELECT p FROM ks_pg), 1.0);
