-- kl_div, js_div, js_dist, cross_entropy, entropy against mpmath
-- (tests/data/discrete_ref.sql, from tests/gen_discrete_ref.py, which also
-- checks its values against scipy.stats.entropy and jensenshannon).
.read tests/data/discrete_ref.sql
SELECT expect('ref.count', (SELECT count(*) FROM discrete_ref),
              (SELECT n FROM discrete_ref_count));
SELECT expect('kl.' || id, kl_div(p, q), kl, 1e-14) FROM discrete_ref ORDER BY id;
SELECT expect('kl-bits.' || id, kl_div(p, q, 'bits'), kl_bits, 1e-14) FROM discrete_ref ORDER BY id;
SELECT expect('js.' || id, js_div(p, q), js, 1e-14) FROM discrete_ref ORDER BY id;
SELECT expect('js-bits.' || id, js_div(p, q, 'bits'), js_bits, 1e-14) FROM discrete_ref ORDER BY id;
SELECT expect('jsd.' || id, js_dist(p, q), jsd, 1e-14) FROM discrete_ref ORDER BY id;
SELECT expect('xent.' || id, cross_entropy(p, q), xent, 1e-14) FROM discrete_ref ORDER BY id;
SELECT expect('h.' || id, entropy(p), h, 1e-14) FROM discrete_ref ORDER BY id;
SELECT expect('h-bans.' || id, entropy(p, 'bans'), h_bans, 1e-14) FROM discrete_ref ORDER BY id;
SELECT expect('nonnegative', (SELECT count(*) FROM discrete_ref WHERE kl_div(p, q) < 0
  OR js_div(p, q) < 0 OR entropy(p) < 0 OR cross_entropy(p, q) < 0), 0);

-- Hand derivations: KL([1/2,1/2] || [9/10,1/10]) = ln(5/3) - ln(3)/2 ... in
-- closed form 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1) = 0.5 ln(25/9) = ln(5/3).
SELECT expect('hand.kl', kl_div('[0.5,0.5]', '[0.9,0.1]'), 0.510825623765990683, 1e-15);
SELECT expect('hand.js-disjoint', js_div('[1,0]', '[0,1]'), 0.693147180559945309, 1e-15);
SELECT expect('hand.jsd-bits', js_dist('[1,0]', '[0,1]', 'bits'), 1.0, 1e-15);
SELECT expect('hand.entropy-bits', entropy('[1,1,1,1]', 'bits'), 2.0, 1e-15);
SELECT expect('hand.inf', kl_div('[1,1]', '[1,0]'), 9e999);
SELECT expect('hand.xent-inf', cross_entropy('[1,1]', '[0,1]'), 9e999);
SELECT expect('hand.zero-p-bin', kl_div('[0,1]', '[1,0]'), 9e999);
SELECT expect('hand.zero-p-only', kl_div('[0,1]', '[1,1]'), 0.693147180559945309, 1e-15);
SELECT expect('hand.counts-normalised', kl_div('[2,2]', '[1,1]'), 0.0);
SELECT expect('hand.broadcast-uniform', kl_div('[1,3]', 1),
              0.25 * ln(0.5) + 0.75 * ln(1.5), 1e-15);

-- Bad input.
SELECT expect('null.p', kl_div(NULL, '[1]'), NULL);
SELECT expect('null.unit', js_div('[1]', '[1]', NULL), NULL);
SELECT expect_error('neg', 'SELECT kl_div(''[1,-0.5]'', ''[1,1]'')',
  'kl_div: p[1] must be >= 0 (got -0.5)');
SELECT expect_error('neg.q', 'SELECT js_div(''[1,1]'', X''0000803F000080BF'')',
  'js_div: q[1] must be >= 0 (got -1)');
SELECT expect_error('zero', 'SELECT cross_entropy(''[1,1]'', ''[0,0]'')',
  'cross_entropy: q sums to 0, so it is not a distribution');
SELECT expect_error('zero.entropy', 'SELECT entropy(''[0]'')',
  'entropy: p sums to 0, so it is not a distribution');
-- A total beyond the double range is no error: only the ratios matter
-- (more in tests/discrete_edges.sql).
SELECT expect('overflow', kl_div('[1e308,1e308]', '[1,1]'), 0.0);
SELECT expect_error('nan', 'SELECT kl_div(X''0000C07F'', 1)',
  'kl_div: p[0] must be finite (got NaN)');
SELECT expect_error('mismatch', 'SELECT js_dist(''[1,2]'', ''[1,2,3]'')',
  'js_dist: q has 3 elements but p has 2');
SELECT expect_error('empty', 'SELECT entropy(''[]'')', 'entropy: p is an empty vector');
SELECT expect_error('unit', 'SELECT entropy(''[1]'', ''nit'')',
  'entropy: unknown unit ''nit'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('json', 'SELECT kl_div(''[1,2'', ''[1,2]'')',
  'kl_div: p is not valid JSON: expected '','' or '']'' at offset 4, found end of text');

-- kl_div_logits: softmax inside, against mpmath (at as many digits as each
-- case needs).
SELECT expect('logits.count', (SELECT count(*) FROM logits_ref), 20);
SELECT expect(id, kl_div_logits(a, b), kl, 1e-14) FROM logits_ref ORDER BY id;
SELECT expect('bits.' || id, kl_div_logits(a, b, 'bits'), kl / 0.693147180559945309, 1e-14)
  FROM logits_ref ORDER BY id;
SELECT expect('logits.matches-kl_div', kl_div_logits('[1,2,3]', '[3,2,1]'),
  kl_div('[0.09003057317038046,0.24472847105479764,0.6652409557748219]',
         '[0.6652409557748219,0.24472847105479764,0.09003057317038046]'), 1e-14);
SELECT expect('logits.json-neginf', kl_div_logits('[0,-1e999,1]', '[0.5,0.25,1]'),
  (SELECT kl FROM logits_ref WHERE id='logits.neginf-a'), 1e-14);
SELECT expect('logits.uniform-b', kl_div_logits('[0,0,0,0]', 7), 0.0);
SELECT expect('logits.nonnegative', (SELECT count(*) FROM logits_ref WHERE kl_div_logits(a, b) < 0), 0);
SELECT expect_error('logits.nan', 'SELECT kl_div_logits(X''0000C07F'', 0)',
  'kl_div_logits: a[0] must be finite (got NaN)');
SELECT expect_error('logits.posinf', 'SELECT kl_div_logits(0, X''0000807F'')',
  'kl_div_logits: b[0] must be finite (got Inf)');
SELECT expect_error('logits.all-neginf', 'SELECT kl_div_logits(X''000080FF000080FF'', 0)',
  'kl_div_logits: a has no finite entry, so it is not a distribution');
SELECT expect_error('logits.mismatch', 'SELECT kl_div_logits(''[1,2]'', ''[1]'')',
  'kl_div_logits: b has 1 element but a has 2');
SELECT expect('logits.null', kl_div_logits(NULL, '[1]'), NULL);

-- 1 000 000 bins (the same formula as tests/gen_discrete_ref.py).
CREATE TEMP TABLE bigbins AS WITH RECURSIVE c(i) AS (
  SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 999999)
SELECT '[' || group_concat(1 + i % 7) || ']' p, '[' || group_concat(1 + i % 11) || ']' q,
  '[1.000000000001' || group_concat(',1', '') FILTER (WHERE i > 0) || ']' qnear,
  '[' || group_concat('1') || ']' ones FROM c;
SELECT expect('big.dims', kl_dims(p) + kl_dims(qnear), 2000000) FROM bigbins;
SELECT expect('big.kl', kl_div(p, q), (SELECT want FROM big_discrete_ref WHERE what='kl'), 1e-14) FROM bigbins;
SELECT expect('big.js', js_div(p, q), (SELECT want FROM big_discrete_ref WHERE what='js'), 1e-14) FROM bigbins;
SELECT expect('big.xent', cross_entropy(p, q), (SELECT want FROM big_discrete_ref WHERE what='xent'), 1e-14) FROM bigbins;
SELECT expect('big.entropy', entropy(p), (SELECT want FROM big_discrete_ref WHERE what='h'), 1e-14) FROM bigbins;
SELECT expect('big.f32', kl_div(kl_f32(p), kl_f32(q)), (SELECT want FROM big_discrete_ref WHERE what='kl'), 1e-14) FROM bigbins;
SELECT expect('big.near', kl_div(ones, qnear), (SELECT want FROM big_discrete_ref WHERE what='near'), 1e-14) FROM bigbins;

-- Aggregates: one row per bin, or chunks, normalised at the end.
CREATE TEMP TABLE hist(bin INTEGER, week INTEGER, n REAL);
INSERT INTO hist VALUES (0, 1, 10), (1, 1, 20), (2, 1, 70), (0, 2, 30), (1, 2, 30), (2, 2, 40);
CREATE TEMP VIEW pairs AS SELECT a.bin, a.n p, b.n q FROM hist a JOIN hist b
  ON a.bin = b.bin AND a.week = 1 AND b.week = 2;
SELECT expect('agg.kl', (SELECT kl_div_agg(p, q) FROM pairs),
  (SELECT kl FROM discrete_ref WHERE id='hand.counts'), 1e-14);
SELECT expect('agg.kl-bits', (SELECT kl_div_agg(p, q, 'bits') FROM pairs),
  (SELECT kl_bits FROM discrete_ref WHERE id='hand.counts'), 1e-14);
SELECT expect('agg.js', (SELECT js_div_agg(p, q) FROM pairs),
  (SELECT js FROM discrete_ref WHERE id='hand.counts'), 1e-14);
SELECT expect('agg.xent', (SELECT cross_entropy_agg(p, q) FROM pairs),
  (SELECT xent FROM discrete_ref WHERE id='hand.counts'), 1e-14);
SELECT expect('agg.entropy', (SELECT entropy_agg(p) FROM pairs),
  (SELECT h FROM discrete_ref WHERE id='hand.counts'), 1e-14);
SELECT expect('agg.entropy-bans', (SELECT entropy_agg(p, 'bans') FROM pairs),
  (SELECT h_bans FROM discrete_ref WHERE id='hand.counts'), 1e-14);
SELECT expect('agg.chunks', (SELECT kl_div_agg(p, q) FROM (SELECT '[10,20]' p, X'0000F0410000F041' q
  UNION ALL SELECT 70, 40)), (SELECT kl FROM discrete_ref WHERE id='hand.counts'), 1e-14);
-- kl_div_agg keeps O(1) state: its bound (src/core/stream.h) is 1e-14 plus
-- 2^-99 M / KL, which the generator computes for each group
SELECT expect('agg.per-row.' || id, kl_div_agg(p, q), kl, kl_agg_tol) FROM discrete_ref GROUP BY id ORDER BY id;
SELECT expect('agg.js-per-row.' || id, js_div_agg(p, q), js, 1e-14) FROM discrete_ref GROUP BY id ORDER BY id;
SELECT expect('agg.skips-null', (SELECT kl_div_agg(p, q) FROM (SELECT * FROM pairs
  UNION ALL SELECT 3, NULL, 5 UNION ALL SELECT 4, 5, NULL)),
  (SELECT kl FROM discrete_ref WHERE id='hand.counts'), 1e-14);
SELECT expect('agg.empty', (SELECT kl_div_agg(p, q) FROM pairs WHERE 0), NULL);
SELECT expect('agg.all-null', (SELECT entropy_agg(NULL) FROM pairs), NULL);
SELECT expect('agg.inf', (SELECT kl_div_agg(p, q) FROM (SELECT 1 p, 0 q UNION ALL SELECT 1, 1)), 9e999);
SELECT expect_error('agg.negative', 'SELECT kl_div_agg(p, q) FROM (SELECT 1 p, 1 q UNION ALL SELECT -1, 1)',
  'kl_div_agg: p must be >= 0 (got -1)');
SELECT expect_error('agg.zero', 'SELECT js_div_agg(p, q) FROM (SELECT 0 p, 1 q)',
  'js_div_agg: p sums to 0, so it is not a distribution');
SELECT expect_error('agg.unit', 'SELECT entropy_agg(p, u) FROM (SELECT 1 p, ''bits'' u UNION ALL SELECT 2, ''nats'')',
  'entropy_agg: unit must be the same on every row');
SELECT expect_error('agg.bad-unit', 'SELECT cross_entropy_agg(1, 1, ''x'')',
  'cross_entropy_agg: unknown unit ''x'' (use ''nats'', ''bits'' or ''bans'')');

-- Sliding windows of 200 rows over 100 000 histogram rows, against mpmath
-- (hist_window_ref) and against recomputing every 97th frame.  Every 10007th
-- row is a giant bin (1e12).
CREATE TEMP TABLE hrows(i INTEGER PRIMARY KEY, p REAL, q REAL);
INSERT INTO hrows WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100000)
  SELECT i, CASE WHEN i % 10007 = 0 THEN 1e12 ELSE i % 97 END, 1 + i % 89 FROM c;
CREATE TEMP TABLE hwin AS SELECT i,
  kl_div_agg(p, q) OVER w kl, js_div_agg(p, q) OVER w js,
  cross_entropy_agg(p, q) OVER w xent, entropy_agg(p) OVER w h
  FROM hrows WINDOW w AS (ORDER BY i ROWS BETWEEN 199 PRECEDING AND CURRENT ROW);
SELECT expect('hwin.rows', (SELECT count(*) FROM hwin), 100000);
SELECT expect('hwin.ref-count', (SELECT count(*) FROM hist_window_ref), 10);
SELECT expect('hwin.kl.' || r.i, w.kl, r.kl, 1e-14) FROM hist_window_ref r JOIN hwin w USING (i) ORDER BY r.i;
SELECT expect('hwin.js.' || r.i, w.js, r.js, 1e-14) FROM hist_window_ref r JOIN hwin w USING (i) ORDER BY r.i;
SELECT expect('hwin.xent.' || r.i, w.xent, r.xent, 1e-14) FROM hist_window_ref r JOIN hwin w USING (i) ORDER BY r.i;
SELECT expect('hwin.h.' || r.i, w.h, r.h, 1e-14) FROM hist_window_ref r JOIN hwin w USING (i) ORDER BY r.i;
SELECT expect('hwin.recompute', (SELECT count(*) FROM hwin w WHERE w.i % 97 = 0 AND w.i >= 200
  AND (w.kl, w.js, w.xent, w.h) IS NOT (SELECT kl_div_agg(p, q), js_div_agg(p, q),
       cross_entropy_agg(p, q), entropy_agg(p) FROM hrows WHERE i BETWEEN w.i - 199 AND w.i)), 0);
SELECT expect('hwin.growing-frame', (SELECT count(*) FROM (SELECT i, kl_div_agg(p, q) OVER
  (ORDER BY i) k FROM hrows WHERE i <= 300) w WHERE k IS NOT (SELECT kl_div_agg(p, q)
  FROM hrows WHERE i <= w.i)), 0);

-- More refusals, and NULL rows inside sliding windows.
SELECT expect_error('logits.b-neginf-number', 'SELECT kl_div_logits(''[0,1]'', -9e999)',
  'kl_div_logits: b has no finite entry, so it is not a distribution');
SELECT expect_error('logits.posinf-number', 'SELECT kl_div_logits(9e999, 0)',
  'kl_div_logits: a must be finite (got Inf)');
SELECT expect_error('logits.unit', 'SELECT kl_div_logits(''[1]'', ''[1]'', ''x'')',
  'kl_div_logits: unknown unit ''x'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('agg.bad-json', 'SELECT kl_div_agg(p, 1) FROM (SELECT ''[1,'' p)',
  'kl_div_agg: p is not valid JSON: expected a number at offset 3, found end of text');
CREATE TEMP TABLE nrows(i INTEGER PRIMARY KEY, p, q, u);
INSERT INTO nrows VALUES (1, 1, 2, 'bits'), (2, NULL, 1, 'bits'), (3, 3, NULL, 'bits'),
  (4, '[2,5]', '[1,1]', 'bits'), (5, 4, 4, NULL), (6, 1, 9, 'bits'), (7, 2, 3, 'bits');
SELECT expect('agg.window-nulls.' || w.i, w.k, (SELECT kl_div_agg(p, q, u) FROM nrows
  WHERE i BETWEEN w.i - 2 AND w.i), 0) FROM (SELECT i, kl_div_agg(p, q, u)
  OVER (ORDER BY i ROWS 2 PRECEDING) k FROM nrows) w ORDER BY w.i;
SELECT expect('agg.window-nulls-js.' || w.i, w.k, (SELECT js_div_agg(p, q) FROM nrows
  WHERE i BETWEEN w.i - 3 AND w.i), 0) FROM (SELECT i, js_div_agg(p, q)
  OVER (ORDER BY i ROWS 3 PRECEDING) k FROM nrows) w ORDER BY w.i;
-- the streaming aggregates refuse a total of 0 as the scalar functions do
SELECT expect_error('agg.p-zero', 'SELECT kl_div_agg(p, q) FROM (SELECT 0 p, 1 q UNION ALL SELECT 0, 2)',
  'kl_div_agg: p sums to 0, so it is not a distribution');
SELECT expect_error('agg.q-zero', 'SELECT cross_entropy_agg(p, q) FROM (SELECT 1 p, 0 q)',
  'cross_entropy_agg: q sums to 0, so it is not a distribution');
SELECT expect_error('agg.h-zero', 'SELECT entropy_agg(p) FROM (SELECT 0 p)',
  'entropy_agg: p sums to 0, so it is not a distribution');
