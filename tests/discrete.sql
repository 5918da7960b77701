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
SELECT expect_error('overflow', 'SELECT kl_div(''[1e308,1e308]'', ''[1,1]'')',
  'kl_div: p sums beyond the double range');
SELECT expect_error('nan', 'SELECT kl_div(X''0000C07F'', 1)',
  'kl_div: p[0] must be finite (got NaN)');
SELECT expect_error('mismatch', 'SELECT js_dist(''[1,2]'', ''[1,2,3]'')',
  'js_dist: q has 3 elements but p has 2');
SELECT expect_error('empty', 'SELECT entropy(''[]'')', 'entropy: p is an empty vector');
SELECT expect_error('unit', 'SELECT entropy(''[1]'', ''nit'')',
  'entropy: unknown unit ''nit'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('json', 'SELECT kl_div(''[1,2'', ''[1,2]'')',
  'kl_div: p is not valid JSON: expected '','' or '']'' at offset 4, found end of text');
