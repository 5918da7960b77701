-- psi, psi_agg, psi_samples, js_samples, kl_samples and their aggregates
-- against tests/data/psi_ref.sql (tests/gen_psi_ref.py: the exact values
-- by mpmath from the documented numpy binning, and numpy/scipy's own).
.read tests/data/psi_ref.sql
SELECT expect('ref.hist.count', (SELECT count(*) FROM psi_hist),
              (SELECT n FROM psi_hist_count));
SELECT expect('ref.samp.count', (SELECT count(*) FROM psi_samp),
              (SELECT n FROM psi_samp_count));
SELECT expect('ref.big.count', (SELECT count(*) FROM psi_big),
              (SELECT n FROM psi_big_count));

-- ------------------------------------------------------------ histograms
-- Exact values (mpmath) to 1e-14; the default epsilon when eps is NULL.
CREATE TEMP VIEW psi_h AS SELECT *, coalesce(eps, 1e-4) AS e FROM psi_hist;
SELECT expect('psi.' || id, psi(p, q, e), want, 1e-14) FROM psi_h ORDER BY id;
SELECT expect('psi.default.' || id, psi(p, q), want, 1e-14)
  FROM psi_h WHERE eps IS NULL ORDER BY id;
SELECT expect('psi.text.' || id, psi(p, q, 'epsilon=' || printf('%!.17g', e)),
              want, 1e-14) FROM psi_h ORDER BY id;
-- numpy's value to 1e-12 where it keeps its digits (np_err below 1e-13:
-- the ordinary cases); where it does not, the id says numpy's error.
SELECT expect('psi.numpy.' || id, psi(p, q, e), np, 1e-12)
  FROM psi_h WHERE np_err < 1e-13 ORDER BY id;
SELECT expect('psi.numpy-loses.' || id || '.numpy-err-' || printf('%.1e', np_err),
              psi(p, q, e), want, 1e-14)
  FROM psi_h WHERE np_err >= 1e-13 OR (np IS NULL AND want < 9e999)
  OR (np >= 9e999 AND want < 9e999) ORDER BY id;
-- every vector form: float32 blobs (where exact), kl_f64 blobs, mixed
SELECT expect('psi.f32.' || id, psi(p_f32, q_f32, e), want, 1e-14)
  FROM psi_h WHERE p_f32 IS NOT NULL ORDER BY id;
SELECT expect('psi.f64.' || id, psi(p_f64, q_f64, e), want, 1e-14)
  FROM psi_h ORDER BY id;
SELECT expect('psi.mixed.' || id, psi(p_f64, q, e), want, 1e-14)
  FROM psi_h ORDER BY id;
-- symmetric
SELECT expect('psi.sym.' || id, psi(q, p, e), want, 1e-14) FROM psi_h ORDER BY id;
-- bits and bans
SELECT expect('psi.bits.' || id, psi(p, q, 'unit=bits, epsilon=' || printf('%!.17g', e)),
              want / 0.693147180559945309417232, 1e-14)
  FROM psi_h WHERE want < 9e999 ORDER BY id;
SELECT expect('psi.bans', psi('[10,20,30]', '[20,20,20]', 'UNIT = Bans'),
              (0.693147180559945309 + 0.405465108108164382) / 6 / 2.302585092994045684, 1e-14);

-- psi = kl(p||q) + kl(q||p) with epsilon = 0 and positive bins
SELECT expect('psi.is-2kl.' || id, psi(p, q, 0), kl_div(p, q) + kl_div(q, p), 1e-14)
  FROM psi_hist WHERE NOT p LIKE '%[0.0,%' AND NOT p LIKE '%,0.0,%'
  AND NOT p LIKE '%,0.0]%' AND NOT q LIKE '%[0.0,%' AND NOT q LIKE '%,0.0,%'
  AND NOT q LIKE '%,0.0]%' ORDER BY id;
SELECT expect('psi.is-2kl.count', (SELECT count(*) FROM psi_hist WHERE NOT p LIKE '%[0.0,%'
  AND NOT p LIKE '%,0.0,%' AND NOT p LIKE '%,0.0]%' AND NOT q LIKE '%[0.0,%'
  AND NOT q LIKE '%,0.0,%' AND NOT q LIKE '%,0.0]%') >= 20, 1);

-- Hand values.  numpy: a = [1/6,1/3,1/2], b = [1/3,1/3,1/3]:
-- (1/6-1/3) ln(1/2) + (1/2-1/3) ln(3/2) = ln(2)/6 + ln(1.5)/6
SELECT expect('hand.psi', psi('[10,20,30]', '[20,20,20]'),
              (0.693147180559945309 + 0.405465108108164382) / 6, 1e-15);
-- broadcast: q = 1 is the uniform histogram
SELECT expect('hand.broadcast', psi('[10,20,30]', 1),
              (0.693147180559945309 + 0.405465108108164382) / 6, 1e-15);
SELECT expect('hand.same', psi('[1,2,3]', '[1,2,3]'), 0.0);
SELECT expect('hand.proportional', psi('[1,2,3]', '[2,4,6]'), 0.0);
-- an empty bin: a = [0 -> 1e-4, 1], b = [1/2, 1/2] (not renormalised):
-- (1e-4 - 1/2) ln(2e-4) + (1/2) ln 2
SELECT expect('hand.eps', psi('[0,1]', '[1,1]'),
              (1e-4 - 0.5) * ln(2e-4) + 0.5 * 0.693147180559945309, 1e-14);
SELECT expect('hand.eps-shorthand', psi('[0,1]', '[1,1]', 1e-3),
              (1e-3 - 0.5) * ln(2e-3) + 0.5 * 0.693147180559945309, 1e-14);
SELECT expect('hand.eps-int', psi('[0,1]', '[1,1]', 1),
              (1 - 0.5) * ln(2) + 0.5 * 0.693147180559945309, 1e-14);
SELECT expect('hand.eps0-inf', psi('[0,1]', '[1,1]', 0), 9e999);
SELECT expect('hand.eps0-both-empty', psi('[0,1,1]', '[0,1,1]', 'epsilon=0'), 0.0);
SELECT expect('hand.one-bin', psi(3, 5), 0.0);

-- ------------------------------------------------------------- psi_agg
-- one bin per row
SELECT expect('agg.bins.' || h.id,
  (SELECT psi_agg(a.value, b.value, h.e) FROM json_each(h.p) a
     JOIN json_each(h.q) b ON a.key = b.key),
  h.want, 1e-14) FROM psi_h h WHERE h.want < 9e999 AND h.id NOT LIKE 'huge%'
  AND h.id NOT LIKE 'tiny%' ORDER BY h.id;
-- the whole histogram in one row, in each form
SELECT expect('agg.one-row.' || id, (SELECT psi_agg(a, b, c) FROM (SELECT p_f64 a, q b, e c)), want, 1e-14)
  FROM psi_h ORDER BY id;
-- chunks: the histogram split into rows of vectors
SELECT expect('agg.chunks', (SELECT psi_agg(column1, column2) FROM (VALUES
  ('[10,20]', '[20,20]'), (30, 20))), (0.693147180559945309 + 0.405465108108164382) / 6, 1e-15);
SELECT expect('agg.f32-rows', (SELECT psi_agg(kl_f32(column1), kl_f32(column2)) FROM (VALUES
  ('[10]', '[20]'), ('[20,30]', '[20,20]'))), (0.693147180559945309 + 0.405465108108164382) / 6, 1e-15);
SELECT expect('agg.options', (SELECT psi_agg(column1, column2, 'epsilon=0.001, unit=bits')
  FROM (VALUES (0, 1), (1, 1))), ((1e-3 - 0.5) * ln(2e-3) + 0.5 * 0.693147180559945309)
  / 0.693147180559945309, 1e-14);
SELECT expect('agg.eps0', (SELECT psi_agg(column1, column2, 0) FROM (VALUES (0, 1), (1, 1))), 9e999);
SELECT expect('agg.null-rows', (SELECT psi_agg(column1, column2) FROM (VALUES
  ('[10,20]', '[20,20]'), (NULL, 5), (7, NULL), (30, 20))),
  (0.693147180559945309 + 0.405465108108164382) / 6, 1e-15);
SELECT expect('agg.empty', (SELECT psi_agg(p, q) FROM (SELECT 1 p, 1 q) WHERE 0), NULL);
SELECT expect('agg.all-null', (SELECT psi_agg(column1, column2) FROM (VALUES (NULL, 1), (2, NULL))), NULL);
SELECT expect('agg.groups', (SELECT group_concat(printf('%.12f', v), ' ') FROM
  (SELECT column1 AS g, psi_agg(column2, column3) v FROM (VALUES (1, 10, 20), (1, 20, 20), (1, 30, 20),
   (2, 1, 1), (2, 2, 2)) GROUP BY g ORDER BY g)),
  '0.183102048111 0.000000000000');
SELECT expect_error('agg.window', 'SELECT psi_agg(1, 2) OVER () FROM (SELECT 1)',
  'psi_agg() may not be used as a window function');
SELECT expect_error('agg.neg', 'WITH t(p, q) AS (VALUES (1, 1), (-1, 2)) SELECT psi_agg(p, q) FROM t',
  'psi_agg: p must be >= 0 (got -1)');
SELECT expect_error('agg.zero', 'WITH t(p, q) AS (VALUES (0, 1), (0, 2)) SELECT psi_agg(p, q) FROM t',
  'psi_agg: p sums to 0, so it is not a distribution');
SELECT expect_error('agg.opts-differ', 'WITH t(p, q, o) AS (VALUES (1, 1, 0.1), (1, 2, 0.2)) SELECT psi_agg(p, q, o) FROM t',
  'psi_agg: the options must be the same on every row');
SELECT expect_error('agg.opts-bad', 'WITH t(p, q) AS (VALUES (1, 1)) SELECT psi_agg(p, q, ''bins=3'') FROM t',
  'psi_agg: options: unknown option ''bins'' (use epsilon, unit)');
SELECT expect_error('agg.mismatch', 'SELECT psi_agg(''[1,2]'', ''[1,2,3]'')',
  'psi_agg: q has 3 elements but p has 2');
SELECT expect(id, got, NULL) FROM (
  SELECT 'agg.limit' AS id, set_length_limit(800) AS got);
SELECT expect_error('agg.length-limit', 'WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 101) SELECT psi_agg(n, 1) FROM i',
  'psi_agg: a histogram of more than 100 bins (the aggregate keeps its bins, at most SQLite''s length limit of 800 bytes each for p and q)');
SELECT expect('agg.at-limit', (WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 100) SELECT psi_agg(n, n) FROM i), 0.0);
SELECT expect(id, got, NULL) FROM (
  SELECT 'agg.limit-back' AS id, set_length_limit(1000000000) AS got);

-- -------------------------------------------------------- psi: errors, NULL
SELECT expect('null.p', psi(NULL, '[1]'), NULL);
SELECT expect('null.q', psi('[1]', NULL), NULL);
SELECT expect('null.opts', psi('[1]', '[1]', NULL), NULL);
SELECT expect('null.before-error', psi('[-1]', '[1]', NULL), NULL);
SELECT expect_error('err.neg', 'SELECT psi(''[1,-0.5]'', ''[1,1]'')',
  'psi: p[1] must be >= 0 (got -0.5)');
SELECT expect_error('err.zero', 'SELECT psi(''[0,0]'', ''[1,1]'')',
  'psi: p sums to 0, so it is not a distribution');
SELECT expect_error('err.zero.q', 'SELECT psi(''[1,1]'', ''[0,0]'')',
  'psi: q sums to 0, so it is not a distribution');
SELECT expect_error('err.empty', 'SELECT psi(''[]'', ''[1]'')', 'psi: p is an empty vector');
SELECT expect_error('err.nan', 'SELECT psi(X''0000C07F'', 1)',
  'psi: p[0] must be finite (got NaN)');
SELECT expect_error('err.mismatch', 'SELECT psi(''[1,2]'', ''[1,2,3]'')',
  'psi: q has 3 elements but p has 2');
SELECT expect_error('err.eps-neg', 'SELECT psi(''[1]'', ''[1]'', -1)',
  'psi: options: epsilon must be a finite number >= 0 (got ''-1'')');
SELECT expect_error('err.eps-big', 'SELECT psi(''[1]'', ''[1]'', ''epsilon=2'')',
  'psi: options: epsilon must be <= 1 (got 2)');
SELECT expect_error('err.unit', 'SELECT psi(''[1]'', ''[1]'', ''unit=furlongs'')',
  'psi: options: unit must be ''nats'', ''bits'' or ''bans'' (got ''furlongs'')');
SELECT expect_error('err.unknown', 'SELECT psi(''[1]'', ''[1]'', ''bins=3'')',
  'psi: options: unknown option ''bins'' (use epsilon, unit)');
SELECT expect_error('err.twice', 'SELECT psi(''[1]'', ''[1]'', ''epsilon=0, epsilon=1'')',
  'psi: options: option ''epsilon'' given twice');
SELECT expect_error('err.blob-opts', 'SELECT psi(''[1]'', ''[1]'', X''00'')',
  'psi: options must be a text of key=value options');

-- ------------------------------------------------------ sample functions
-- exact values to 1e-14 (the counts are numpy's; the divergences mpmath's)
SELECT expect('samp.psi.' || id, psi_samples(x, ref, opts), psi, 1e-14) FROM psi_samp ORDER BY id;
SELECT expect('samp.js.' || id, js_samples(x, ref, opts), js, 1e-14) FROM psi_samp ORDER BY id;
SELECT expect('samp.kl.' || id, kl_samples(x, ref, opts), kl, 1e-14) FROM psi_samp ORDER BY id;
-- numpy/scipy's values to 1e-12
SELECT expect('samp.np.psi.' || id, psi_samples(x, ref, opts), np_psi, 1e-12) FROM psi_samp
  WHERE np_psi IS NOT NULL ORDER BY id;  -- NULL: numpy's 0 * log(0/0) (a bin empty in both, epsilon = 0)
SELECT expect('samp.np.js.' || id, js_samples(x, ref, opts), np_js, 1e-12) FROM psi_samp ORDER BY id;
SELECT expect('samp.np.kl.' || id, kl_samples(x, ref, opts), np_kl, 1e-12) FROM psi_samp ORDER BY id;
-- without the options argument
SELECT expect('samp.noopt.' || id, psi_samples(x, ref) || js_samples(x, ref) || kl_samples(x, ref),
  psi_samples(x, ref, '') || js_samples(x, ref, '') || kl_samples(x, ref, ''))
  FROM psi_samp WHERE opts = '' ORDER BY id;
-- other vector forms of the samples
SELECT expect('samp.f64.' || id, psi_samples(kl_f64(x), kl_f64(ref), opts), psi, 1e-14)
  FROM psi_samp ORDER BY id;
SELECT expect('samp.number', psi_samples(3, '[1,2,3,4,5,6]', 4), psi_samples('[3]', '[1,2,3,4,5,6]', 4));
-- the aggregates: one row per value, is_reference saying which sample
CREATE TEMP VIEW psi_rows AS
  SELECT s.id, a.value AS v, 0 AS r, s.opts FROM psi_samp s, json_each(s.x) a
  UNION ALL SELECT s.id, b.value, 1, s.opts FROM psi_samp s, json_each(s.ref) b;
CREATE TEMP TABLE psi_aggs AS SELECT id, psi_samples_agg(v, r, opts) AS psi,
  js_samples_agg(v, r, opts) AS js, kl_samples_agg(v, r, opts) AS kl
  FROM psi_rows GROUP BY id;
SELECT expect('samp.agg.count', (SELECT count(*) FROM psi_aggs), (SELECT count(*) FROM psi_samp));
SELECT expect('samp.agg.psi.' || id, a.psi, s.psi, 1e-14) FROM psi_aggs a JOIN psi_samp s USING(id) ORDER BY id;
SELECT expect('samp.agg.js.' || id, a.js, s.js, 1e-14) FROM psi_aggs a JOIN psi_samp s USING(id) ORDER BY id;
SELECT expect('samp.agg.kl.' || id, a.kl, s.kl, 1e-14) FROM psi_aggs a JOIN psi_samp s USING(id) ORDER BY id;
SELECT expect('samp.agg.noopt', (SELECT psi_samples_agg(v, r) FROM psi_rows WHERE id = 'random.00'),
  (SELECT psi FROM psi_samp WHERE id = 'random.00'), 1e-14);

-- properties: JS at most ln 2, all >= 0, 0 for the same sample
SELECT expect('samp.js-bound', (SELECT count(*) FROM psi_samp
  WHERE js_samples(x, ref, opts) > 0.693147180559945309 OR js_samples(x, ref, opts) < 0), 0);
SELECT expect('samp.zero.' || id, psi_samples(ref, ref, opts) + js_samples(ref, ref, opts)
  + kl_samples(ref, ref, opts), 0.0) FROM psi_samp ORDER BY id;
-- hand values.  ref [1..8] quantiles at 1/2: 4.5; x [1, 2, 9, 10]:
-- counts [2, 2] and [4, 4]: everything 0
SELECT expect('hand.samp.zero', psi_samples('[1,2,9,10]', '[1,2,3,4,5,6,7,8]', 2), 0.0);
-- x all below the reference: bins [4, 0] vs [4, 4] (quantile 4.5):
-- a = [1, 1e-4], b = [1/2, 1/2]
SELECT expect('hand.samp.psi', psi_samples('[0,0,0,0]', '[1,2,3,4,5,6,7,8]', 2),
  0.5 * ln(2) + (1e-4 - 0.5) * ln(2e-4), 1e-14);
-- KL renormalises: a = [1, 1e-4] / 1.0001, b = [1/2, 1/2]
SELECT expect('hand.samp.kl', kl_samples('[0,0,0,0]', '[1,2,3,4,5,6,7,8]', 2),
  (1 / 1.0001) * ln(2 / 1.0001) + (1e-4 / 1.0001) * ln(2e-4 / 1.0001), 1e-14);
SELECT expect('hand.samp.kl-eps0', kl_samples('[0,0,0,0]', '[1,2,3,4,5,6,7,8]', 'bins=2, epsilon=0'),
  0.693147180559945309, 1e-15);
SELECT expect('hand.samp.kl-inf', kl_samples('[1,2,3,4,5,6,7,8]', '[0,0,0,0]', 'edges=[0,1,2], epsilon=0'), 9e999);
SELECT expect('hand.samp.js-eps0', js_samples('[0,0,0,0]', '[1,2,3,4,5,6,7,8]', 'bins=2, epsilon=0'),
  (ln(4.0 / 3) + 0.5 * ln(2.0 / 3) + 0.5 * ln(2.0)) / 2, 1e-14);
-- the direction: kl_samples is KL(current || reference)
SELECT expect('hand.samp.direction', kl_samples('[0,0,0,0]', '[1,2,3,4,5,6,7,8]', 'edges=[0,4.5,9], epsilon=0'),
  kl_div('[4,0]', '[4,4]'), 1e-15);
-- edges: the outer edges are open (value 100 falls in the last bin)
SELECT expect('hand.samp.open-edges', psi_samples('[-100,100]', '[0.5,1.5]', 'edges=[0,1,2]'),
  psi_samples('[0.5,1.5]', '[0.5,1.5]', 'edges=[0,1,2]'));
-- equal proportions with different sample sizes and an empty bin on both
-- sides: exactly 0 (the renormalised proportions are exact ratios; a
-- rounded epsilon * n would leave about 1e-38)
SELECT expect('hand.samp.equal-props.js', js_samples('[0,2e111,1.6e-76]', '[-1e-252]'), 0.0);
SELECT expect('hand.samp.equal-props.kl', kl_samples('[0,2e111,1.6e-76]', '[-1e-252]'), 0.0);
SELECT expect('hand.samp.equal-props.psi', psi_samples('[0,2e111,1.6e-76]', '[-1e-252]'), 0.0);
SELECT expect('hand.samp.equal-props.edges', js_samples('[0.5,0.5,1.5,1.5,1.5,1.5]', '[0.5,1.5,1.5]',
  'edges=[0,1,2,3,4,5]'), 0.0);
SELECT expect('hand.samp.bins1', psi_samples('[1,2,3]', '[7,8,9]', 1), 0.0);

-- -------------------------------------------------- samples: NULL, errors
SELECT expect('samp.null.x', psi_samples(NULL, '[1]'), NULL);
SELECT expect('samp.null.ref', js_samples('[1]', NULL), NULL);
SELECT expect('samp.null.opts', kl_samples('[1]', '[1]', NULL), NULL);
SELECT expect('samp.null.first', kl_samples('[NaN]', '[1]', NULL), NULL);
SELECT expect('samp.agg.null-rows', (SELECT psi_samples_agg(column1, column2, 2) FROM (VALUES
  (0, 0), (NULL, 1), (1, NULL), (5, 1), (6, 1), (7, 1))), psi_samples('[0]', '[5,6,7]', 2));
SELECT expect('samp.agg.empty', (SELECT psi_samples_agg(v, r) FROM (SELECT 1 v, 0 r) WHERE 0), NULL);
SELECT expect('samp.agg.no-ref', (SELECT js_samples_agg(column1, column2) FROM (VALUES (1, 0), (2, 0))), NULL);
SELECT expect('samp.agg.no-current', (SELECT kl_samples_agg(column1, column2) FROM (VALUES (1, 1), (2, 1), (NULL, 0))), NULL);
SELECT expect('samp.agg.groups', (SELECT group_concat(CASE WHEN v IS NULL THEN 'NULL' ELSE printf('%.12f', v) END, ' ') FROM
  (SELECT column1 AS g, psi_samples_agg(column2, column3, 2) v FROM (VALUES (1, 0, 0), (1, 0, 0), (1, 1, 1), (1, 2, 1),
   (2, 5, 1), (3, 1, 0), (3, 1, 1)) GROUP BY g ORDER BY g)),
  printf('%.12f', psi_samples('[0,0]', '[1,2]', 2)) || ' NULL 0.000000000000');
SELECT expect_error('samp.agg.window', 'SELECT psi_samples_agg(1, 0) OVER () FROM (SELECT 1)',
  'psi_samples_agg() may not be used as a window function');
SELECT expect_error('samp.agg.window.js', 'SELECT js_samples_agg(1, 0) OVER (ORDER BY 1) FROM (SELECT 1)',
  'js_samples_agg() may not be used as a window function');
SELECT expect_error('samp.agg.window.kl', 'SELECT kl_samples_agg(1, 0) OVER () FROM (SELECT 1)',
  'kl_samples_agg() may not be used as a window function');
SELECT expect_error('samp.agg.isref', 'WITH t(x, r) AS (VALUES (1, 0), (2, 1), (3, 2)) SELECT psi_samples_agg(x, r) FROM t',
  'psi_samples_agg: row 3: is_reference must be 0 or 1 (got 2)');
SELECT expect_error('samp.agg.x', 'WITH t(x, r) AS (VALUES (1, 0), (''[1,2]'', 1)) SELECT js_samples_agg(x, r) FROM t',
  'js_samples_agg: row 2: x must be one number (got a vector of 2)');
SELECT expect_error('samp.agg.inf', 'WITH t(x) AS (VALUES (1), (9e999)) SELECT kl_samples_agg(x, 0) FROM t',
  'kl_samples_agg: row 2: x must be finite (got Inf)');
SELECT expect_error('samp.agg.opts-differ', 'WITH t(x, r, o) AS (VALUES (1, 0, 3), (2, 1, 4)) SELECT psi_samples_agg(x, r, o) FROM t',
  'psi_samples_agg: row 2: the options must be the same on every row');
SELECT expect_error('samp.agg.opts-bad', 'WITH t(x, r) AS (VALUES (1, 0), (2, 1)) SELECT psi_samples_agg(x, r, ''bins=0'') FROM t',
  'psi_samples_agg: options: bins must be a whole number >= 1 (got ''0'')');
SELECT expect_error('samp.empty.x', 'SELECT psi_samples(''[]'', ''[1]'')', 'psi_samples: x is an empty vector');
SELECT expect_error('samp.empty.ref', 'SELECT js_samples(''[1]'', ''[]'')', 'js_samples: ref is an empty vector');
SELECT expect_error('samp.nan', 'SELECT kl_samples(X''0000C07F'', ''[1]'')', 'kl_samples: x[0] must be finite (got NaN)');
SELECT expect_error('samp.bins-edges', 'SELECT psi_samples(''[1]'', ''[1]'', ''bins=3, edges=[0,1]'')',
  'psi_samples: options: bins and edges cannot both be given');
SELECT expect_error('samp.bins-frac', 'SELECT psi_samples(''[1]'', ''[1]'', 2.5)',
  'psi_samples: options: bins must be a whole number >= 1 (got ''2.5'')');
SELECT expect_error('samp.edges-order', 'SELECT js_samples(''[1]'', ''[1]'', ''[0, 2, 1]'')',
  'js_samples: options: edges[2] must be > edges[1] (got 1 <= 2)');
SELECT expect_error('samp.edges-one', 'SELECT js_samples(''[1]'', ''[1]'', ''edges=[0]'')',
  'js_samples: options: edges must be a JSON array of at least 2 finite, strictly increasing numbers (got ''[0]'')');
SELECT expect_error('samp.eps-big', 'SELECT kl_samples(''[1]'', ''[1]'', ''epsilon=1.5'')',
  'kl_samples: options: epsilon must be <= 1 (got 1.5)');
SELECT expect_error('samp.unknown', 'SELECT kl_samples(''[1]'', ''[1]'', ''bin=3'')',
  'kl_samples: options: unknown option ''bin'' (use bins, edges, epsilon, unit)');
SELECT expect(id, got, NULL) FROM (SELECT 'samp.limit' AS id, set_length_limit(800) AS got);
SELECT expect_error('samp.bins-limit', 'SELECT psi_samples(''[1]'', ''[1]'', 101)',
  'psi_samples: options: bins must be at most 100 (got 101): the bins are kept as doubles, within SQLite''s length limit of 800 bytes');
SELECT expect('samp.bins-at-limit', psi_samples('[1]', '[1]', 100), 0.0);
SELECT expect_error('samp.agg.length-limit', 'SELECT psi_samples_agg(value, 0) FROM json_each((WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 101) SELECT json_group_array(n) FROM i))',
  'psi_samples_agg: row 101: a sample of more than 100 values (the aggregate keeps its samples, each at most SQLite''s length limit of 800 bytes)');
SELECT expect(id, got, NULL) FROM (SELECT 'samp.limit-back' AS id, set_length_limit(1000000000) AS got);

