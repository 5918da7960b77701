-- The checks of tests/data/ks_ref.sql's cases, over the TEMP TABLE ks_ref
-- as the including script leaves it: tests/ks.sql runs the cases up to
-- 4·10^6 value pairs, tests/big/ks.sql the larger ones.
-- ---------------------------------------------------------------- scalars
-- All of ks_ref is on the exact road (max size <= 10000): scipy's statistic
-- is then h / lcm(n1, n2) rounded once, as ours: equal to the bit.  The
-- p-value within 1e-12 relative (0 where scipy's is 0: both underflow).
CREATE TEMP TABLE ks_res AS
  SELECT id, stat, pvalue, u, v,
         ks_stat(u, v) AS s, ks_pvalue(u, v) AS p,
         ks_stat(v, u) AS s_swap, ks_pvalue(v, u) AS p_swap
  FROM ks_ref;
SELECT expect('ks.road.' || id, road, 'exact') FROM ks_ref ORDER BY id;
-- (to the bit natively; 4e-16 because valgrind reads a 17-digit literal of
-- the data through SQLite's long-double parser as a double, 1 ulp off)
SELECT expect('ks.stat.' || id, s, stat, 4e-16) FROM ks_res ORDER BY id;
SELECT expect('ks.p.' || id, p, pvalue, 1e-12) FROM ks_res ORDER BY id;
-- D and the p-value are symmetric, exactly.
SELECT expect('ks.stat.sym.' || id, s_swap, s) FROM ks_res ORDER BY id;
SELECT expect('ks.p.sym.' || id, p_swap, p) FROM ks_res ORDER BY id;
SELECT expect('ks.p.range.' || id, p >= 0 AND p <= 1, 1) FROM ks_res ORDER BY id;

-- The kl_f64 and float32 forms read the same samples (float32 where the
-- values are float32: small integers).
SELECT expect('ks.f64.stat.' || id, ks_stat(kl_f64(u), kl_f64(v)), stat, 4e-16)
  FROM ks_ref WHERE id LIKE 'rand.%' OR id LIKE 'mag.%' ORDER BY id;
SELECT expect('ks.f64.p.' || id, ks_pvalue(kl_f64(u), kl_f64(v)), pvalue, 1e-12)
  FROM ks_ref WHERE id LIKE 'rand.%' OR id LIKE 'mag.%' ORDER BY id;
SELECT expect('ks.f32.p.' || id, ks_pvalue(kl_f32(u), kl_f32(v)), pvalue, 1e-12)
  FROM ks_ref WHERE id LIKE 'ties.%' ORDER BY id;

-- ------------------------------------------------------------- aggregates
-- The same samples as rows: is_reference 0 for u, 1 for v.
CREATE TEMP TABLE ks_rows AS
  SELECT r.id, j.value AS x, 0 AS isref FROM ks_ref r, json_each(r.u) j
  UNION ALL
  SELECT r.id, j.value, 1 FROM ks_ref r, json_each(r.v) j;
CREATE TEMP TABLE ks_agg AS
  SELECT id, ks_stat_agg(x, isref) AS s, ks_pvalue_agg(x, isref) AS p
  FROM ks_rows GROUP BY id;
SELECT expect('ks.agg.count', (SELECT count(*) FROM ks_agg), (SELECT count(*) FROM ks_ref));
SELECT expect('ks.agg.stat.' || a.id, a.s, r.stat, 4e-16) FROM ks_agg a JOIN ks_ref r USING (id) ORDER BY id;
SELECT expect('ks.agg.p.' || a.id, a.p, r.pvalue, 1e-12) FROM ks_agg a JOIN ks_ref r USING (id) ORDER BY id;
-- The aggregate equals the scalar on the same values, to the bit.
SELECT expect('ks.agg.same.' || a.id, a.p, k.p) FROM ks_agg a JOIN ks_res k USING (id) ORDER BY id;
