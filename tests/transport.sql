-- wasserstein(), energy_distance() and their aggregates (core/transport.c,
-- sql/transport_sql.c): values against exact rationals and scipy 1.10.1
-- (tests/data/transport_ref.sql, written by tests/gen_transport_ref.py) in
-- every vector form and as aggregates over the same samples as rows, 10^6
-- rows, the NULL rule, errors, window refusal, and the identities
-- (symmetry, scaling, translation, 0 for the same sample).
.read tests/data/transport_ref.sql

SELECT expect('tr.ref.count', (SELECT count(*) FROM tr_ref), (SELECT n FROM tr_ref_count));
SELECT expect('tr.grouped.count', (SELECT count(*) FROM tr_grouped), (SELECT n FROM tr_grouped_count));
SELECT expect('tr.big.count', (SELECT count(*) FROM tr_big), (SELECT n FROM tr_big_count));
SELECT expect('tr.ref.cases', (SELECT count(*) >= 100 FROM tr_ref), 1);

-- ------------------------------------------------------------ scalars
-- w_json: JSON text; w_f64: kl_f64 blobs of the same text; w_blob: kl_f64
-- blobs packed by the generator (samples of at most 64 values); w_jsonb:
-- JSONB arrays packed by the generator (the same samples); w_mixed: u as
-- JSON and v as a blob; w_swap: the samples swapped.
CREATE TEMP TABLE tr_res AS
  SELECT id, kind, w_want, e_want, w_tol, e_tol, w_scipy, e_scipy, w_scipy_err,
         e_scipy_err, uw IS NOT NULL AS weighted,
    CASE WHEN uw IS NULL THEN wasserstein(u, v) ELSE wasserstein(u, v, uw, vw) END AS w_json,
    CASE WHEN uw IS NULL THEN energy_distance(u, v) ELSE energy_distance(u, v, uw, vw) END AS e_json,
    CASE WHEN uw IS NULL THEN wasserstein(kl_f64(u), kl_f64(v))
         ELSE wasserstein(kl_f64(u), kl_f64(v), kl_f64(uw), kl_f64(vw)) END AS w_f64,
    CASE WHEN uw IS NULL THEN energy_distance(kl_f64(u), kl_f64(v))
         ELSE energy_distance(kl_f64(u), kl_f64(v), kl_f64(uw), kl_f64(vw)) END AS e_f64,
    CASE WHEN u_f64 IS NULL OR v_f64 IS NULL THEN NULL
         WHEN uw IS NULL THEN wasserstein(u_f64, v_f64)
         ELSE wasserstein(u_f64, v_f64, uw, kl_f64(vw)) END AS w_blob,
    CASE WHEN u_f64 IS NULL OR v_f64 IS NULL THEN NULL
         WHEN uw IS NULL THEN energy_distance(u_f64, v_f64)
         ELSE energy_distance(u_f64, v_f64, kl_f64(uw), vw) END AS e_blob,
    CASE WHEN u_jsonb IS NULL OR v_jsonb IS NULL THEN NULL
         WHEN uw IS NULL THEN wasserstein(u_jsonb, v_jsonb)
         ELSE wasserstein(u_jsonb, v_jsonb, uw_jsonb, vw_jsonb) END AS w_jsonb,
    CASE WHEN u_jsonb IS NULL OR v_jsonb IS NULL THEN NULL
         WHEN uw IS NULL THEN energy_distance(u_jsonb, v_jsonb)
         ELSE energy_distance(u_jsonb, v_jsonb, uw_jsonb, vw_jsonb) END AS e_jsonb,
    CASE WHEN uw IS NULL THEN wasserstein(u, kl_f64(v)) ELSE wasserstein(kl_f64(u), v, uw, vw) END AS w_mixed,
    CASE WHEN uw IS NULL THEN wasserstein(v, u) ELSE wasserstein(v, u, vw, uw) END AS w_swap,
    CASE WHEN uw IS NULL THEN energy_distance(v, u) ELSE energy_distance(v, u, vw, uw) END AS e_swap,
    CASE WHEN uw IS NULL THEN wasserstein(u, u) ELSE wasserstein(u, u, uw, uw) END AS w_self,
    CASE WHEN uw IS NULL THEN energy_distance(v, v) ELSE energy_distance(v, v, vw, vw) END AS e_self,
    u_f64 IS NOT NULL AND v_f64 IS NOT NULL AS has_blob
  FROM tr_ref;

-- Within w_tol / e_tol of the exact value (1e-13; absolute for 0 and for a
-- subnormal value), +Inf exactly where the exact value is beyond DBL_MAX.
SELECT expect('tr.w.' || id, w_json, w_want, w_tol) FROM tr_res ORDER BY id;
SELECT expect('tr.e.' || id, e_json, e_want, e_tol) FROM tr_res ORDER BY id;
SELECT expect('tr.real.' || id, typeof(w_json) || typeof(e_json), 'realreal') FROM tr_res ORDER BY id;

-- Every vector form holds the same doubles: the same result, to the bit.
SELECT expect('tr.f64.w.' || id, w_f64, w_json) FROM tr_res ORDER BY id;
SELECT expect('tr.f64.e.' || id, e_f64, e_json) FROM tr_res ORDER BY id;
SELECT expect('tr.blob.w.' || id, w_blob, w_json) FROM tr_res WHERE has_blob ORDER BY id;
SELECT expect('tr.blob.e.' || id, e_blob, e_json) FROM tr_res WHERE has_blob ORDER BY id;
SELECT expect('tr.jsonb.w.' || id, w_jsonb, w_json) FROM tr_res WHERE has_blob ORDER BY id;
SELECT expect('tr.jsonb.e.' || id, e_jsonb, e_json) FROM tr_res WHERE has_blob ORDER BY id;
SELECT expect('tr.mixed.' || id, w_mixed, w_json) FROM tr_res ORDER BY id;
SELECT expect('tr.blob.cases', (SELECT count(*) >= 50 FROM tr_res WHERE has_blob), 1);
-- float32 blobs: the samples of small integers (exact in float32)
SELECT expect('tr.f32.' || r.id,
              CASE WHEN r.uw IS NULL THEN wasserstein(kl_f32(r.u), kl_f32(r.v))
                   ELSE wasserstein(kl_f32(r.u), kl_f32(r.v), kl_f32(r.uw), kl_f32(r.vw)) END,
              t.w_json)
  FROM tr_ref r JOIN tr_res t USING (id)
  WHERE r.id LIKE 'random.ties.%' AND r.id NOT LIKE '%.uniform' ORDER BY r.id;
-- a plain number is a sample of one value (and a weight of one)
SELECT expect('tr.number.w', wasserstein(3, '[1,5]'), 2.0);
SELECT expect('tr.number.w.weights', wasserstein(3, 4, 1, 2), 1.0);
SELECT expect('tr.number.e', energy_distance(0, 1), sqrt(2.0), 1e-16);
SELECT expect('tr.number.text', wasserstein('3', '[1,5]'), 2.0);

-- scipy agrees to 1e-12 on the random samples ...
SELECT expect('tr.scipy.w.' || id, w_json, w_scipy, 1e-12) FROM tr_res WHERE kind = 'random' ORDER BY id;
SELECT expect('tr.scipy.e.' || id, e_json, e_scipy, 1e-12) FROM tr_res WHERE kind = 'random' ORDER BY id;
-- ... and where it does not (adversarial samples), the id says by how much
-- (the exact value is the truth; the checks above hold there too):
-- differences beyond DBL_MAX (scipy: +Inf), subnormal products, CDFs that
-- cancel (U - V = 1/(m n) near 1/2: scipy keeps ~1e-16 / |U - V| of it),
-- weights that are nearly proportional.
SELECT expect('tr.scipy-off.w.' || id || '.scipy-rel-err=' || printf('%.1e', w_scipy_err),
              abs(w_json - w_want) <= w_tol * abs(w_want) OR w_json = w_want
                OR (w_want = 0 AND abs(w_json) <= w_tol), 1)
  FROM tr_res WHERE kind = 'adversarial' AND w_scipy_err > 1e-13 ORDER BY id;
SELECT expect('tr.scipy-off.e.' || id || '.scipy-rel-err=' || printf('%.1e', e_scipy_err),
              abs(e_json - e_want) <= e_tol * abs(e_want) OR e_json = e_want
                OR (e_want = 0 AND abs(e_json) <= e_tol), 1)
  FROM tr_res WHERE kind = 'adversarial' AND e_scipy_err > 1e-13 ORDER BY id;
SELECT expect('tr.scipy-off.cases', (SELECT count(*) >= 6 FROM tr_res
              WHERE kind = 'adversarial' AND (w_scipy_err > 1e-9 OR e_scipy_err > 1e-9)), 1);
-- scipy refuses weights whose sum is beyond DBL_MAX; we take them
SELECT expect('tr.scipy-refuses.' || id, w_scipy IS NULL AND w_json IS NOT NULL, 1)
  FROM tr_res WHERE id = 'weights.huge';

-- Symmetric to the bit, 0 for a sample against itself, never negative,
-- E <= sqrt(2 W) (|U - V| <= 1).
SELECT expect('tr.sym.w.' || id, w_swap, w_json) FROM tr_res ORDER BY id;
SELECT expect('tr.sym.e.' || id, e_swap, e_json) FROM tr_res ORDER BY id;
SELECT expect('tr.self.w.' || id, w_self, 0.0) FROM tr_res ORDER BY id;
SELECT expect('tr.self.e.' || id, e_self, 0.0) FROM tr_res ORDER BY id;
SELECT expect('tr.nonneg.' || id, w_json >= 0 AND e_json >= 0, 1) FROM tr_res ORDER BY id;
-- (a W in the subnormal range is rounded to that grid, within a subnormal
-- ulp 2^-1074 of the exact W: wide.oracle.ulp's exact W is 2^-1075, rounded
-- to 0, beside an E of 1.6e-162, wide.ulp.3's W is 1.5 ulps rounded to 2)
SELECT expect('tr.e-le-sqrt2w.' || id,
              e_json <= sqrt(2 * (w_json + CASE WHEN w_json < 2.2250738585072014e-308
                                                THEN 4.9406564584124654e-324 ELSE 0 END))
                        * (1 + 1e-15), 1)
  FROM tr_res WHERE w_json < 1e300 ORDER BY id;

-- ------------------------------------------------------------ aggregates
-- The same samples as rows (values and weights decoded by kl_gauss_each,
-- the extension's own reader: mu1 is a sample's value, sd1 its weight).
CREATE TEMP TABLE tr_rows AS
  SELECT r.id, e.i, e.mu1 AS x, 0 AS is_ref, CASE WHEN r.uw IS NULL THEN NULL ELSE e.sd1 END AS w
    FROM tr_ref r, kl_gauss_each(r.u, coalesce(r.uw, 1), 0, 1) e
  UNION ALL
  SELECT r.id, e.i, e.mu1, 1, CASE WHEN r.vw IS NULL THEN NULL ELSE e.sd1 END
    FROM tr_ref r, kl_gauss_each(r.v, coalesce(r.vw, 1), 0, 1) e;
SELECT expect('tr.rows', (SELECT count(*) FROM tr_rows),
              (SELECT sum(kl_dims(u) + kl_dims(v)) FROM tr_ref));

CREATE TEMP TABLE tr_agg AS
  SELECT id, max(w IS NOT NULL) AS weighted,
    CASE WHEN max(w IS NOT NULL) THEN wasserstein_agg(x, is_ref, w) ELSE wasserstein_agg(x, is_ref) END AS w_agg,
    CASE WHEN max(w IS NOT NULL) THEN energy_distance_agg(x, is_ref, w) ELSE energy_distance_agg(x, is_ref) END AS e_agg,
    -- the samples swapped (is_reference = 1 - is_reference)
    CASE WHEN max(w IS NOT NULL) THEN wasserstein_agg(x, 1 - is_ref, w) ELSE wasserstein_agg(x, 1 - is_ref) END AS w_swap
  FROM tr_rows GROUP BY id;
-- The identities, on the random samples (no overflow):
CREATE TEMP TABLE tr_prop AS
  SELECT id, max(w IS NOT NULL) AS weighted,
    CASE WHEN max(w IS NOT NULL) THEN wasserstein_agg(x, is_ref, w) ELSE wasserstein_agg(x, is_ref) END AS w_agg,
    CASE WHEN max(w IS NOT NULL) THEN energy_distance_agg(x, is_ref, w) ELSE energy_distance_agg(x, is_ref) END AS e_agg,
    -- values times 4, weights times 2: W times 4 and E times 2, to the bit
    CASE WHEN max(w IS NOT NULL) THEN wasserstein_agg(x * 4, is_ref, w * 2) ELSE wasserstein_agg(x * 4, is_ref) END AS w_x4,
    CASE WHEN max(w IS NOT NULL) THEN energy_distance_agg(x * 4, is_ref, w * 2) ELSE energy_distance_agg(x * 4, is_ref) END AS e_x4,
    -- values times 10 (rounded): W times 10, E times sqrt(10)
    CASE WHEN max(w IS NOT NULL) THEN wasserstein_agg(x * 10, is_ref, w) ELSE wasserstein_agg(x * 10, is_ref) END AS w_x10,
    CASE WHEN max(w IS NOT NULL) THEN energy_distance_agg(x * 10, is_ref, w) ELSE energy_distance_agg(x * 10, is_ref) END AS e_x10,
    -- translated by 1000 (exact for the samples of small integers)
    CASE WHEN max(w IS NOT NULL) THEN wasserstein_agg(x + 1000, is_ref, w) ELSE wasserstein_agg(x + 1000, is_ref) END AS w_t,
    CASE WHEN max(w IS NOT NULL) THEN energy_distance_agg(x + 1000, is_ref, w) ELSE energy_distance_agg(x + 1000, is_ref) END AS e_t
  FROM tr_rows WHERE id LIKE 'random.%' GROUP BY id;
SELECT expect('tr.prop.count', (SELECT count(*) FROM tr_prop), (SELECT count(*) FROM tr_ref WHERE kind = 'random'));

SELECT expect('tr.agg.count', (SELECT count(*) FROM tr_agg), (SELECT count(*) FROM tr_ref));
SELECT expect('tr.agg.w.' || a.id, a.w_agg, r.w_want, r.w_tol) FROM tr_agg a JOIN tr_res r USING (id) ORDER BY a.id;
SELECT expect('tr.agg.e.' || a.id, a.e_agg, r.e_want, r.e_tol) FROM tr_agg a JOIN tr_res r USING (id) ORDER BY a.id;
-- the rows in their given order are the scalar's vectors: the same bits
SELECT expect('tr.agg.same.w.' || a.id, a.w_agg, r.w_json) FROM tr_agg a JOIN tr_res r USING (id) ORDER BY a.id;
SELECT expect('tr.agg.same.e.' || a.id, a.e_agg, r.e_json) FROM tr_agg a JOIN tr_res r USING (id) ORDER BY a.id;
SELECT expect('tr.agg.sym.' || id, w_swap, w_agg) FROM tr_agg ORDER BY id;
SELECT expect('tr.scale4.w.' || id, w_x4, 4 * w_agg) FROM tr_prop ORDER BY id;
SELECT expect('tr.scale4.e.' || id, e_x4, 2 * e_agg) FROM tr_prop ORDER BY id;
SELECT expect('tr.scale10.w.' || id, w_x10, 10 * w_agg, 1e-13) FROM tr_prop ORDER BY id;
SELECT expect('tr.scale10.e.' || id, e_x10, sqrt(10.0) * e_agg, 1e-13) FROM tr_prop ORDER BY id;
SELECT expect('tr.translate.w.' || id, w_t, w_agg) FROM tr_prop WHERE id LIKE 'random.ties.%' ORDER BY id;
SELECT expect('tr.translate.e.' || id, e_t, e_agg) FROM tr_prop WHERE id LIKE 'random.ties.%' ORDER BY id;
-- (translation by 1000 rounds N(0, 1) values to ~1e-13: the distance moves
-- by about that much)
SELECT expect('tr.translate.approx.' || id, w_t, w_agg, 1e-11) FROM tr_prop
  WHERE id LIKE 'random.normal.%' OR id LIKE 'random.shifted.%' ORDER BY id;

-- rows in another order, and NULL rows (skipped): the same value
SELECT expect('tr.agg.shuffled.' || id, got, want, tol) FROM (
  SELECT s.id, r.w_want AS want, r.w_tol AS tol,
         CASE WHEN r.weighted THEN wasserstein_agg(s.x, s.is_ref, s.w) ELSE wasserstein_agg(s.x, s.is_ref) END AS got
  FROM (SELECT * FROM tr_rows ORDER BY i DESC, is_ref) s JOIN tr_res r USING (id)
  GROUP BY s.id) ORDER BY id;
SELECT expect('tr.agg.null-rows.' || id, got, want) FROM (
  SELECT s.id, r.w_json AS want, wasserstein_agg(s.x, s.is_ref) AS got
  FROM (SELECT id, i, x, is_ref FROM tr_rows
        UNION ALL SELECT id, -1, NULL, 0 FROM tr_ref
        UNION ALL SELECT id, -2, 5.0, NULL FROM tr_ref) s JOIN tr_res r USING (id)
  WHERE NOT r.weighted GROUP BY s.id ORDER BY s.id) ORDER BY id;
SELECT expect('tr.agg.null-weight', (SELECT wasserstein_agg(x, r, w) FROM (
  SELECT 0 AS x, 0 AS r, 1 AS w UNION ALL SELECT 1, 1, 1 UNION ALL SELECT 7, 0, NULL)), 1.0);
-- is_reference as a boolean expression, as in a drift query
SELECT expect('tr.agg.boolean', (SELECT wasserstein_agg(x, week = 'ref') FROM (
  SELECT 1 AS x, 'ref' AS week UNION ALL SELECT 4, 'now' UNION ALL SELECT 2, 'ref')), 2.5);

-- ... and the weighted scalar of the same samples agrees with the rows
SELECT expect('tr.grouped.scalar.' || g.id, r.w_json, g.w_want, 1e-13)
  FROM tr_grouped g JOIN tr_res r ON r.id = replace(g.id, 'cancel.rows.', 'cancel.counts.') ORDER BY g.id;


-- ------------------------------------------------------------ NULL rule
SELECT expect('tr.null.u', wasserstein(NULL, '[1]'), NULL);
SELECT expect('tr.null.v', energy_distance('[1]', NULL), NULL);
SELECT expect('tr.null.uw', wasserstein('[1]', '[2]', NULL, '[1]'), NULL);
SELECT expect('tr.null.vw', energy_distance('[1]', '[2]', '[1]', NULL), NULL);
SELECT expect('tr.null.before-error', wasserstein('[]', NULL), NULL);
SELECT expect('tr.null.three-args', wasserstein('[1]', '[2]', NULL), NULL);
SELECT expect('tr.agg.empty', (SELECT wasserstein_agg(x, r) FROM (SELECT 1 AS x, 0 AS r) WHERE 0), NULL);
SELECT expect('tr.agg.no-reference', (SELECT wasserstein_agg(x, r) FROM (SELECT 1 AS x, 0 AS r UNION ALL SELECT 2, 0)), NULL);
SELECT expect('tr.agg.no-current', (SELECT energy_distance_agg(x, r) FROM (SELECT 1 AS x, 1 AS r)), NULL);
SELECT expect('tr.agg.all-null', (SELECT energy_distance_agg(x, r) FROM (SELECT NULL AS x, 0 AS r UNION ALL SELECT 1, NULL)), NULL);
SELECT expect('tr.agg.group-null', (SELECT group_concat(quote(d), ',') FROM (
  SELECT g, wasserstein_agg(x, r) AS d FROM (SELECT 'a' AS g, 1 AS x, 0 AS r UNION ALL SELECT 'a', 3, 1
                                            UNION ALL SELECT 'b', 1, 0) GROUP BY g ORDER BY g)), '2.0,NULL');

-- ------------------------------------------------------------ errors
SELECT expect_error('tr.err.empty.u', 'SELECT wasserstein(''[]'', ''[1]'')', 'wasserstein: u is an empty vector');
SELECT expect_error('tr.err.empty.v', 'SELECT energy_distance(''[1]'', ''[]'')', 'energy_distance: v is an empty vector');
SELECT expect_error('tr.err.element', 'SELECT wasserstein(''[1,"a"]'', ''[1]'')', 'wasserstein: u[1] is not a number (offset 3)');
SELECT expect_error('tr.err.inf.json', 'SELECT wasserstein(''[1]'', ''[1e999]'')', 'wasserstein: v[0] is beyond the double range (offset 1)');
SELECT expect_error('tr.err.inf.number', 'SELECT energy_distance(1e999, 1)', 'energy_distance: u must be finite (got Inf)');
SELECT expect_error('tr.err.blob', 'SELECT wasserstein(''[1,2]'', X''00'')', 'wasserstein: v is a 1-byte blob, not a whole number of 4-byte float32 values');
SELECT expect_error('tr.err.weight.zero', 'SELECT wasserstein(''[1,2]'', ''[1]'', ''[1,0]'', ''[1]'')', 'wasserstein: u_weights[1] must be > 0 (got 0)');
SELECT expect_error('tr.err.weight.negative', 'SELECT energy_distance(''[1,2]'', ''[1]'', ''[1,2]'', ''[-1]'')', 'energy_distance: v_weights[0] must be > 0 (got -1)');
SELECT expect_error('tr.err.weight.length.u', 'SELECT wasserstein(''[1,2]'', ''[1]'', ''[1,2,3]'', ''[1]'')', 'wasserstein: u_weights has 3 elements but u has 2');
SELECT expect_error('tr.err.weight.length.v', 'SELECT wasserstein(''[1,2]'', ''[1]'', ''[1,2]'', ''[1,2]'')', 'wasserstein: v_weights has 2 elements but v has 1');
SELECT expect_error('tr.err.weight.inf', 'SELECT wasserstein(''[1]'', ''[1]'', ''[1e999]'', ''[1]'')', 'wasserstein: u_weights[0] is beyond the double range (offset 1)');
SELECT expect_error('tr.err.weights.one', 'SELECT energy_distance(''[1,2]'', ''[1]'', ''[1,2]'')', 'energy_distance: v_weights is missing (give weights for both samples or for neither)');
SELECT expect_error('tr.err.agg.ref', 'SELECT wasserstein_agg(x, r) FROM (SELECT 1 AS x, 0 AS r UNION ALL SELECT 2, 2)', 'wasserstein_agg: row 2: is_reference must be 0 or 1 (got 2)');
SELECT expect_error('tr.err.agg.ref.text', 'SELECT energy_distance_agg(x, r) FROM (SELECT 1 AS x, ''yes'' AS r)', 'energy_distance_agg: row 1: is_reference must be 0 or 1 (got ''yes'')');
SELECT expect_error('tr.err.agg.x', 'SELECT wasserstein_agg(x, r) FROM (SELECT 1 AS x, 0 AS r UNION ALL SELECT ''a'', 1)', 'wasserstein_agg: row 2: x is not valid JSON: expected a JSON array of numbers at offset 0, found ''a''');
SELECT expect_error('tr.err.agg.x.inf', 'SELECT wasserstein_agg(x, r) FROM (SELECT 1e999 AS x, 0 AS r)', 'wasserstein_agg: row 1: x must be finite (got Inf)');
SELECT expect_error('tr.err.agg.x.vector', 'SELECT energy_distance_agg(x, r) FROM (SELECT ''[1,2]'' AS x, 0 AS r)', 'energy_distance_agg: row 1: x must be one number (got a vector of 2)');
SELECT expect_error('tr.err.agg.weight', 'SELECT wasserstein_agg(x, r, w) FROM (SELECT 1 AS x, 0 AS r, 1 AS w UNION ALL SELECT 2, 1, 0)', 'wasserstein_agg: row 2: weight must be > 0 (got 0)');
SELECT expect_error('tr.err.agg.weight.negative', 'SELECT energy_distance_agg(x, r, w) FROM (SELECT 1 AS x, 0 AS r, -2.5 AS w)', 'energy_distance_agg: row 1: weight must be > 0 (got -2.5)');
-- plain aggregates: SQLite refuses them as window functions
SELECT expect_error('tr.err.window.w', 'SELECT wasserstein_agg(x, r) OVER () FROM (SELECT 1 AS x, 0 AS r)', 'wasserstein_agg() may not be used as a window function');
SELECT expect_error('tr.err.window.e', 'SELECT energy_distance_agg(x, r) OVER (ORDER BY x) FROM (SELECT 1 AS x, 0 AS r)', 'energy_distance_agg() may not be used as a window function');
-- past SQLite's length limit: an error naming the limit, not a truncation
-- (1000 values fit: u the even numbers, v the odd ones, W = 500 * 1/500)
SELECT set_length_limit(8000);
SELECT expect_error('tr.err.agg.limit', 'WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1001) SELECT wasserstein_agg(i, 0) FROM c',
  'wasserstein_agg: row 1001: a sample of more than 1000 values (the aggregate keeps its samples, each at most SQLite''s length limit of 8000 bytes)');
SELECT expect('tr.agg.limit.ok', (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000)
  SELECT wasserstein_agg(i, 0) IS NULL AND wasserstein_agg(i, i % 2) = 1.0 FROM c), 1);
SELECT set_length_limit(1000000000);

-- ------------------------------------------------------------ hand values
-- u = {0, 1, 3}, v = {5, 6, 8}: v is u moved by 5, so W = 5
SELECT expect('tr.hand.shift', wasserstein('[0,1,3]', '[5,6,8]'), 5.0);
SELECT expect('tr.hand.one.apart', energy_distance('[0]', '[1]'), sqrt(2.0), 1e-16);
SELECT expect('tr.hand.weights', wasserstein('[1,2]', '[3]', '[1,3]', '[2]'), 1.25);
-- two samples 2 DBL_MAX apart: W beyond the range (+Inf), E = 2 sqrt(DBL_MAX)
-- (DBL_MAX as an exact expression: SQLite's literal rounds to +Inf where
-- long double is only double, under valgrind)
SELECT expect('tr.hand.beyond.w', wasserstein('-1.7976931348623157e308', '1.7976931348623157e308'), 9e999);
SELECT expect('tr.hand.beyond.e', energy_distance('-1.7976931348623157e308', '1.7976931348623157e308'),
              2 * sqrt((2 - power(2, -52)) * power(2, 1023)), 1e-15);
