-- kl_knn and kl_knn_agg (core/knn.c, sql/knn_sql.c): the k-nearest-neighbour
-- estimate of KL(P || Q).  Values against a direct numpy implementation of
-- the definition on small samples (tests/data/knn_ref.sql, written by
-- tests/gen_knn_ref.py), large Gaussian samples made here in SQL against
-- scipy's cKDTree and the closed-form KL, ties and duplicates, x = y, the
-- NULL rule, empty groups, errors and the window refusal.
.read tests/data/knn_ref.sql

SELECT expect('knn.ref.count', (SELECT count(*) FROM knn_ref), (SELECT n FROM knn_ref_count));
SELECT expect('knn.conv.count', (SELECT count(*) FROM knn_conv), (SELECT n FROM knn_conv_count));

-- ---------------------------------------------------------------- values
-- Within 1e-12 of mag (the mean size of the terms plus |ln(m/(n-1))|: the
-- estimate is a sum of signed terms and may be near 0).
CREATE TEMP TABLE knn_res AS
  SELECT id, x, y, opts, want, mag, 1e-12 * mag / abs(want) AS tol,
         -- the 1-D samples as one-column arrays of rows ('[[1],[2]]')
         CASE WHEN substr(x, 2, 1) = '[' THEN x
              ELSE '[[' || replace(substr(x, 2, length(x) - 2), ',', '],[') || ']]' END AS xr,
         CASE WHEN substr(y, 2, 1) = '[' THEN y
              ELSE '[[' || replace(substr(y, 2, length(y) - 2), ',', '],[') || ']]' END AS yr,
         kl_knn(x, y, opts) AS got
  FROM knn_ref;
SELECT expect('knn.' || id, got, want, tol) FROM knn_res ORDER BY id;
-- bits and bans
SELECT expect('knn.bits.' || id, kl_knn(x, y, opts || ', unit=bits'), want / ln(2.0), tol + 1e-15)
  FROM knn_res ORDER BY id;
SELECT expect('knn.bans.' || id, kl_knn(x, y, opts || ', unit=BANS'), want / ln(10.0), tol + 1e-15)
  FROM knn_res WHERE id LIKE 'rand.d2.%' ORDER BY id;
-- a vector is a one-column array of rows
SELECT expect('knn.rows.' || id, kl_knn(xr, yr, opts), want, tol)
  FROM knn_res WHERE substr(x, 2, 1) <> '[' ORDER BY id;
-- the aggregate: one point per row (x's rows then y's), the same value
SELECT expect('knn.agg.' || r.id,
  (SELECT kl_knn_agg(j.value, j.s, r.opts) FROM
     (SELECT value, 0 AS s FROM json_each(r.xr) UNION ALL
      SELECT value, 1 FROM json_each(r.yr)) j),
  r.want, r.tol) FROM knn_res r ORDER BY r.id;
-- ... with the rows in the other order (y's first): the same value
SELECT expect('knn.agg.yfirst.' || r.id,
  (SELECT kl_knn_agg(j.value, j.s, r.opts) FROM
     (SELECT value, 1 AS s FROM json_each(r.yr) UNION ALL
      SELECT value, 0 FROM json_each(r.xr)) j),
  r.want, r.tol) FROM knn_res r WHERE r.id LIKE 'rand.d3.%' ORDER BY r.id;
-- 1-D points as plain numbers per row (REAL values, read back exactly)
SELECT expect('knn.agg.num.' || r.id,
  (SELECT kl_knn_agg(j.v, j.s, r.opts) FROM
     (SELECT CAST(json_extract(value, '$[0]') AS REAL) AS v, 0 AS s FROM json_each(r.xr) UNION ALL
      SELECT CAST(json_extract(value, '$[0]') AS REAL), 1 FROM json_each(r.yr)) j),
  r.want, 1e-12 * r.mag / abs(r.want) + 1e-13) FROM knn_res r WHERE r.id LIKE 'rand.d1.%' ORDER BY r.id;

-- the defaults: k = 1, fixed, nats; a plain number as options is k
SELECT expect('knn.default.' || id, kl_knn(x, y), want, tol) FROM knn_res
  WHERE opts = 'k=1, estimator=fixed' ORDER BY id;
SELECT expect('knn.default-empty.' || id, kl_knn(x, y, ''), want, tol) FROM knn_res
  WHERE opts = 'k=1, estimator=fixed' ORDER BY id;
SELECT expect('knn.shorthand.' || id, kl_knn(x, y, 3), want, tol) FROM knn_res
  WHERE opts = 'k=3, estimator=fixed' ORDER BY id;
SELECT expect('knn.case.' || id, kl_knn(x, y, ' K = 2 , Estimator = ADAPTIVE '), want, tol) FROM knn_res
  WHERE opts = 'k=2, estimator=adaptive' ORDER BY id;
-- the estimators differ (each was checked against its own reference above)
SELECT expect('knn.estimators-differ', (SELECT kl_knn(x, y, 'k=2') <> kl_knn(x, y, 'k=2, estimator=adaptive')
  FROM knn_ref WHERE id = 'rand.d2.n40.m25.k2.fx'), 1);

-- ----------------------------------------------------- hand derivations
-- a distance in the subnormal range (the oracle's kl_knn x2f002): x[0]'s
-- nu = |(5e-324, 1e-323)| = sqrt(5) 2^-1074 exactly, rho = 1e-300; x[1]'s
-- nu and rho are 1e-300 to 1e-23: D = (2/2)(ln(sqrt(5) 2^-1074 / 1e-300)
-- + ~0) + ln(1/1), mpmath -52.859825066950507; the distance rounded to the
-- subnormal grid (2^-1073) gave -52.9714.  Scalar and aggregate; in 3-D
-- (a third coordinate 5e-324): nu = sqrt(6) 2^-1074, D = (3/2) ln(nu/rho)
-- (mpmath).  More such cases (1-D, 2-D, 3-D, both estimators): sub.* of
-- tests/data/knn_ref.sql, exact truths.
SELECT expect('knn.subnormal-nu.d2', kl_knn('[[0,0],[1e-300,0]]', '[[5e-324,1e-323]]'), -52.859825066950507, 1e-15);
SELECT expect('knn.subnormal-nu.d2.agg', (SELECT kl_knn_agg(column1, column2) FROM (VALUES ('[0,0]', 0), ('[5e-324,1e-323]', 1), ('[1e-300,0]', 0))), -52.859825066950507, 1e-15);
SELECT expect('knn.subnormal-nu.d3', kl_knn('[[0,0,0],[1e-300,0,0]]', '[[5e-324,1e-323,5e-324]]'), -79.152996432830294, 1e-15);
SELECT expect('knn.subnormal-nu.d3.agg', (SELECT kl_knn_agg(column1, column2, 'estimator=fixed') FROM (VALUES ('[5e-324,1e-323,5e-324]', 1), ('[0,0,0]', 0), ('[1e-300,0,0]', 0))), -79.152996432830294, 1e-15);
-- x = y exactly: every rho = nu, D = ln(n / (n - 1)), not 0
SELECT expect('knn.same.1d', kl_knn('[1,2,3,4]', '[1,2,3,4]'), ln(4.0/3), 1e-15);
SELECT expect('knn.same.1d.adaptive', kl_knn('[1,2,3,4]', '[1,2,3,4]', 'estimator=adaptive'), ln(4.0/3), 1e-15);
SELECT expect('knn.same.2d', kl_knn('[[0,0],[1,0],[0,3],[5,5],[2,2]]', '[[0,0],[1,0],[0,3],[5,5],[2,2]]', 2), ln(5.0/4), 1e-15);
-- duplicates are not neighbours: x = [0,0,1], y = [0,2]: x[0] and x[1]
-- have rho = 1 (the 1; the other 0 is skipped), nu = 2 (y's 0 is skipped);
-- x[2] has rho = 1, nu = 1: D = (1/3)(2 ln 2) + ln(2/2)
SELECT expect('knn.dups.hand', kl_knn('[0,0,1]', '[0,2]'), 2*ln(2.0)/3, 1e-15);
SELECT expect('knn.dups.hand.rows', kl_knn('[[0,0],[0,0],[1,0]]', '[[0,0],[2,0]]'), 4*ln(2.0)/3, 1e-15);
-- ties at the k-th distance: x = [0,1,-1], k = 2: x[0]'s neighbours at 1
-- and 1 (rho_2 = 1); y = [0.5,-0.5,3]: nu_2 = 0.5; x[1]: rho_2 = 2,
-- nu_2 = 1.5; x[2]: rho_2 = 2, nu_2 = 1.5.
SELECT expect('knn.ties.hand', kl_knn('[0,1,-1]', '[0.5,-0.5,3]', 2),
  (ln(0.5) + 2*ln(0.75))/3 + ln(3.0/2), 1e-15);
-- adaptive by hand: x = [0,1,3], y = [0.5,4], k = 1.  x[0]: rho 1, nu 0.5,
-- eps 1: l = 1 (the 1), k = 1 (0.5): ln(0.5/1).  x[1]: rho 1, nu 0.5,
-- eps 1: l = 1 (0; 3 is at 2), k = 1 (0.5; 4 at 3): ln(0.5).  x[2]:
-- rho 2, nu 1, eps 2: l = 1, k = 1 (4 at 1; 0.5 at 2.5): ln(1/2).  So the
-- same as the fixed one: 3 ln(0.5) / 3 + ln(2/2).
SELECT expect('knn.adaptive.hand', kl_knn('[0,1,3]', '[0.5,4]', 'estimator=adaptive'), ln(0.5), 1e-15);
-- ... and where it differs: x = [0,1], y = [0.1,0.2,0.3,5], k = 1.
-- x[0]: rho 1, nu 0.1, eps 1: l = 1 (rho_1 = 1), k = 3 (0.1, 0.2, 0.3;
-- nu_3 = 0.3): ln(0.3/1) + psi(1) - psi(3) = ln 0.3 - 1 - 1/2.
-- x[1]: rho 1, nu 0.7, eps 1: l = 1, k = 3 (0.9, 0.8, 0.7: nu_3 = 0.9):
-- ln 0.9 - 3/2.  D = (ln 0.3 + ln 0.9 - 3)/2 + ln(4/1).
SELECT expect('knn.adaptive.hand2', kl_knn('[0,1]', '[0.1,0.2,0.3,5]', 'estimator=adaptive'),
  (ln(0.3) + ln(1 - 0.1) - 3)/2 + ln(4.0), 1e-14);
-- one dimension beyond the range of squares: 1e200 apart, 1e-200 apart
SELECT expect('knn.huge.1d', kl_knn('[0,1e200,3e200]', '[2e200]'), (ln(2.0) + 0 + ln(1/2.0))/3 + ln(1/2.0), 1e-15);
SELECT expect('knn.tiny.1d', kl_knn('[0,1e-200,3e-200]', '[2e-200]'), (ln(2.0) + 0 + ln(1/2.0))/3 + ln(1/2.0), 1e-15);
SELECT expect('knn.huge.2d', kl_knn('[[0,0],[1e200,0],[3e200,0]]', '[[2e200,0]]'), 2*((ln(2.0) + 0 + ln(1/2.0))/3) + ln(1/2.0), 1e-15);
-- coordinates near the largest double: differences that would overflow
SELECT expect('knn.max.1d', kl_knn('[-1.7e308,0,1.7e308]', '[1e308]'),
  (ln(2.7/1.7) + ln(1/1.7) + ln(0.7/1.7))/3 + ln(1/2.0), 1e-14);
SELECT expect('knn.max.2d', kl_knn('[[-1.7e308,1.7e308],[0,0],[1.7e308,-1.7e308]]', '[[1e308,-1e308]]'),
  2*((ln(2.7/1.7) + ln(1/1.7) + ln(0.7/1.7))/3) + ln(1/2.0), 1e-14);
-- subnormal coordinates
SELECT expect('knn.subnormal.2d', kl_knn('[[0,0],[1e-320,0],[3e-320,0]]', '[[2e-320,0]]'),
  kl_knn('[[0,0],[1,0],[3,0]]', '[[2,0]]'), 1e-3);
-- the estimate may be negative, and it is finite where nu / rho is not
SELECT expect('knn.negative', kl_knn('[0,10]', '[1e-300,9.999999999]') < 0, 1);
-- x[0] = 0: rho = 1e300, nu = 1e-300 (a quotient below the range);
-- x[1] = 1e300: rho = 1e300, nu = 1e300 (y's 1e300 is skipped)
SELECT expect('knn.ratio-beyond-range', kl_knn('[0,1e300]', '[1e-300,1e300]'),
  (ln(1e-300) - ln(1e300))/2 + ln(2.0), 1e-15);
-- a quotient beyond the range: nu / rho = 1e600 for both points
SELECT expect('knn.ratio-overflow', kl_knn('[0,1e-300]', '[1e300]'), ln(1e300) - ln(1e-300), 1e-15);
-- JSONB arrays of rows (built by hand: SQLite before 3.45 has no jsonb()):
-- X'AB 4B1330 1330 4B1331 1330' is jsonb('[[0,0],[1,0]]')
SELECT expect('knn.jsonb', kl_knn(X'AB4B133013304B13311330', '[[0.5,0.5]]'),
  kl_knn('[[0,0],[1,0]]', '[[0.5,0.5]]'), 0);
SELECT expect('knn.jsonb.value', kl_knn(X'AB4B133013304B13311330', '[[0.5,0.5]]'), -ln(2.0), 1e-15);
-- d = 20: beyond the k-d trees' dimension (all pairs), same definition
SELECT expect('knn.d20.same', kl_knn(
  '[[1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],[0,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,3]]',
  '[[1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],[0,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,3]]'),
  ln(3.0/2), 1e-15);

-- ------------------------------------------------------------ NULL rule
SELECT expect('knn.null.x', kl_knn(NULL, '[1,2]'), NULL);
SELECT expect('knn.null.y', kl_knn('[1,2]', NULL), NULL);
SELECT expect('knn.null.options', kl_knn('[1,2]', '[1]', NULL), NULL);
SELECT expect('knn.null.before-errors', kl_knn('[]', NULL, 'bogus'), NULL);
CREATE TEMP TABLE knn_t(g, x, r, o);
INSERT INTO knn_t VALUES
  (1, 0.0, 0, 'k=1'), (1, 1.0, 0, 'k=1'), (1, 3.0, 0, 'k=1'), (1, 0.5, 1, 'k=1'), (1, 4.0, 1, 'k=1'),
  (1, NULL, 0, 'k=1'), (1, 7.0, NULL, 'k=1'), (1, 9.0, 1, NULL), (1, NULL, NULL, NULL),
  (2, 1.0, 0, 'k=1'), (2, 2.0, 0, 'k=1'),                 -- no reference row
  (3, 1.0, 1, 'k=1'), (3, 2.0, 1, 'k=1'),                 -- no current row
  (4, NULL, 0, 'k=1'), (4, 2.0, NULL, 'k=1');             -- all rows NULL
SELECT expect('knn.agg.null-rows-skipped', (SELECT kl_knn_agg(x, r, o) FROM knn_t WHERE g = 1),
  kl_knn('[0,1,3]', '[0.5,4]'), 1e-15);
SELECT expect('knn.agg.group.1', (SELECT v FROM (SELECT g, kl_knn_agg(x, r, o) AS v FROM knn_t GROUP BY g) WHERE g = 1),
  ln(0.5), 1e-15);
SELECT expect('knn.agg.group.' || g, v, NULL)
  FROM (SELECT g, kl_knn_agg(x, r, o) AS v FROM knn_t GROUP BY g) WHERE g > 1 ORDER BY g;
SELECT expect('knn.agg.no-rows', (SELECT kl_knn_agg(x, r) FROM knn_t WHERE g = 99), NULL);
-- without the options argument its NULL is not there: the row (9, 1) counts
SELECT expect('knn.agg.two-args', (SELECT kl_knn_agg(x, r) FROM knn_t WHERE g = 1), ln(0.5) + ln(1.5), 1e-15);

-- ---------------------------------------------------------------- errors
SELECT expect_error('knn.err.ragged', 'SELECT kl_knn(''[[1,2],[3]]'', ''[[1,2]]'')',
  'kl_knn: x[1] has 1 element but x[0] has 2');
SELECT expect_error('knn.err.ragged-y', 'SELECT kl_knn(''[[1,2],[3,4]]'', ''[[1,2],[3,4,5]]'')',
  'kl_knn: y[1] has 3 elements but y[0] has 2');
SELECT expect_error('knn.err.dims', 'SELECT kl_knn(''[[1,2],[3,4]]'', ''[[1,2,3]]'')',
  'kl_knn: the points of y have 3 coordinates but those of x have 2');
SELECT expect_error('knn.err.dims-vector', 'SELECT kl_knn(''[[1,2],[3,4],[5,6]]'', ''[1,2]'')',
  'kl_knn: the points of y have 1 coordinate but those of x have 2');
SELECT expect_error('knn.err.k-n', 'SELECT kl_knn(''[1,2,3]'', ''[1,2,4]'', ''k=3'')',
  'kl_knn: k = 3 must be less than the number of points of x (3)');
SELECT expect_error('knn.err.one-point', 'SELECT kl_knn(1, 2)',
  'kl_knn: k = 1 must be less than the number of points of x (1)');
SELECT expect_error('knn.err.k-m', 'SELECT kl_knn(''[1,2,3,4]'', ''[1,2]'', 3)',
  'kl_knn: k = 3 must be at most the number of points of y (2)');
SELECT expect_error('knn.err.few-x', 'SELECT kl_knn(''[9,1,1,1]'', ''[0,6,7]'', ''k=2'')',
  'kl_knn: x[1] has fewer than k = 2 neighbours at a positive distance in x (points equal to it are not its neighbours)');
SELECT expect_error('knn.err.few-y', 'SELECT kl_knn(''[1,2]'', ''[1,1]'')',
  'kl_knn: x[0] has fewer than k = 1 neighbours at a positive distance in y (points equal to it are not its neighbours)');
SELECT expect_error('knn.err.few-y-2d', 'SELECT kl_knn(''[[0,0],[1,1],[2,2]]'', ''[[3,3],[2,2]]'', 2)',
  'kl_knn: x[2] has fewer than k = 2 neighbours at a positive distance in y (points equal to it are not its neighbours)');
SELECT expect_error('knn.err.few-x-2d', 'SELECT kl_knn(''[[0,0],[0,0],[0,0]]'', ''[[3,3],[2,2]]'')',
  'kl_knn: x[0] has fewer than k = 1 neighbours at a positive distance in x (points equal to it are not its neighbours)');
SELECT expect_error('knn.err.k0', 'SELECT kl_knn(''[1,2]'', ''[1,2]'', ''k=0'')',
  'kl_knn: options: k must be a whole number >= 1 (got ''0'')');
SELECT expect_error('knn.err.k-real', 'SELECT kl_knn(''[1,2]'', ''[1,2]'', 2.5)',
  'kl_knn: options: k must be a whole number >= 1 (got ''2.5'')');
SELECT expect_error('knn.err.estimator', 'SELECT kl_knn(''[1,2]'', ''[1,2]'', ''estimator=foo'')',
  'kl_knn: options: estimator must be one of fixed, adaptive (got ''foo'')');
SELECT expect_error('knn.err.key', 'SELECT kl_knn(''[1,2]'', ''[1,2]'', ''kk=1'')',
  'kl_knn: options: unknown option ''kk'' (use k, estimator, unit)');
SELECT expect_error('knn.err.unit', 'SELECT kl_knn(''[1,2]'', ''[1,2]'', ''unit=nat'')',
  'kl_knn: options: unit must be ''nats'', ''bits'' or ''bans'' (got ''nat'')');
SELECT expect_error('knn.err.twice', 'SELECT kl_knn(''[1,2]'', ''[1,2]'', ''k=1, k=1'')',
  'kl_knn: options: option ''k'' given twice');
SELECT expect_error('knn.err.empty-x', 'SELECT kl_knn(''[]'', ''[1]'')', 'kl_knn: x is an empty vector');
SELECT expect_error('knn.err.empty-y', 'SELECT kl_knn(''[1,2]'', ''[]'')', 'kl_knn: y is an empty vector');
SELECT expect_error('knn.err.inf', 'SELECT kl_knn(''[1,2]'', 9e999)', 'kl_knn: y must be finite (got Inf)');
SELECT expect_error('knn.err.notnum', 'SELECT kl_knn(''[1,"a"]'', ''[1]'')', 'kl_knn: x[1] is not a number (offset 3)');
SELECT expect_error('knn.err.notnum-row', 'SELECT kl_knn(''[[1,2],[3,"a"]]'', ''[1]'')',
  'kl_knn: x[1][1] is not a number (offset 10)');
SELECT expect_error('knn.err.json', 'SELECT kl_knn(''[[1,2],[3,4]'', ''[1]'')',
  'kl_knn: x is not valid JSON: expected '','' or '']'' at offset 12, found end of text');
SELECT expect_error('knn.err.empty-row', 'SELECT kl_knn(''[[1,2],[]]'', ''[1]'')',
  'kl_knn: x[1] is an empty vector');
-- JSONB rows: jsonb('[[0,"a"],[1,0]]'), jsonb('[[0,0],[1]]'),
-- jsonb('[[0,[1]],[1,0]]')
SELECT expect_error('knn.err.jsonb-notnum', 'SELECT kl_knn(X''AB4B133017614B13311330'', ''[[0.5,0.5]]'')',
  'kl_knn: x[0][1] is not a number (offset 4)');
SELECT expect_error('knn.err.jsonb-ragged', 'SELECT kl_knn(X''8B4B133013302B1331'', ''[[0.5,0.5]]'')',
  'kl_knn: x[1] has 1 element but x[0] has 2');
SELECT expect_error('knn.err.jsonb-nested', 'SELECT kl_knn(X''BB5B13302B13314B13311330'', ''[[0.5,0.5]]'')',
  'kl_knn: x[0][1] is a nested array (offset 4); vectors are flat arrays of numbers');
-- the aggregate's
CREATE TEMP TABLE knn_e(x, r, o);
INSERT INTO knn_e VALUES ('[1,2]', 0, 'k=1'), ('[1,2,3]', 1, 'k=1');
SELECT expect_error('knn.err.agg.mixed-dims', 'SELECT kl_knn_agg(x, r, o) FROM knn_e',
  'kl_knn_agg: row 2: x has 3 elements but the first row''s has 2');
SELECT expect_error('knn.err.agg.is-reference', 'SELECT kl_knn_agg(x, r + 1) FROM knn_t WHERE g = 1',
  'kl_knn_agg: row 4: is_reference must be 0 or 1 (got 2)');
SELECT expect_error('knn.err.agg.options-differ',
  'SELECT kl_knn_agg(x, r, CASE WHEN x > 2 THEN ''k=2'' ELSE o END) FROM knn_t WHERE g = 1',
  'kl_knn_agg: row 3: the options must be the same on every row');
SELECT expect_error('knn.err.agg.k-n', 'SELECT kl_knn_agg(x, r, 3) FROM knn_t WHERE g = 1',
  'kl_knn_agg: k = 3 must be less than the number of points of the current sample (3)');
SELECT expect_error('knn.err.agg.k-m', 'SELECT kl_knn_agg(x, r, 2) FROM knn_t WHERE g = 1 AND x < 4',
  'kl_knn_agg: k = 2 must be at most the number of points of the reference sample (1)');
SELECT expect_error('knn.err.agg.few', 'SELECT kl_knn_agg(column1, column2) FROM (VALUES (2.0, 0), (1.0, 1), (2.0, 0))',
  'kl_knn_agg: point 0 of the current sample (0-based, in row order) has fewer than k = 1 neighbours at a positive distance in the current sample (points equal to it are not its neighbours)');
SELECT expect_error('knn.err.agg.few-ref', 'SELECT kl_knn_agg(column1, column2) FROM (VALUES (1.0, 0), (1.0, 1), (2.0, 0), (1.0, 1))',
  'kl_knn_agg: point 0 of the current sample (0-based, in row order) has fewer than k = 1 neighbours at a positive distance in the reference sample (points equal to it are not its neighbours)');
SELECT expect_error('knn.err.agg.bad-x', 'SELECT kl_knn_agg(x, r) FROM (SELECT 1.0 AS x, 0 AS r UNION ALL SELECT ''x'', 1)',
  'kl_knn_agg: row 2: x is not valid JSON: expected a JSON array of numbers at offset 0, found ''x''');
SELECT expect_error('knn.err.agg.options', 'SELECT kl_knn_agg(x, r, ''k=1, foo=2'') FROM knn_t WHERE g = 1',
  'kl_knn_agg: options: unknown option ''foo'' (use k, estimator, unit)');
-- a plain aggregate: the estimate needs every point at once
SELECT expect_error('knn.err.window', 'SELECT kl_knn_agg(x, r) OVER () FROM knn_t',
  'kl_knn_agg() may not be used as a window function');
