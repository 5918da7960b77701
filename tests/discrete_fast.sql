-- The fast path of kl_div, js_div, js_dist, cross_entropy and entropy
-- (src/core/disc_kernel.h) against mpmath (tests/data/discrete_fast_ref.sql,
-- from tests/gen_discrete_fast.py): every kernel variant, both sides of each
-- per-bin choice, bins for the careful term, the exact totals' slow roads.
.read tests/data/discrete_fast_ref.sql
SELECT expect('fast.count', (SELECT count(*) FROM discrete_fast_ref),
              (SELECT n FROM discrete_fast_ref_count));
SELECT expect('fast.kl.' || id, kl_div(p, q), kl, 1e-14) FROM discrete_fast_ref ORDER BY id;
SELECT expect('fast.js.' || id, js_div(p, q), js, 1e-14) FROM discrete_fast_ref ORDER BY id;
SELECT expect('fast.jsd.' || id, js_dist(p, q), jsd, 1e-14) FROM discrete_fast_ref ORDER BY id;
SELECT expect('fast.xent.' || id, cross_entropy(p, q), xent, 1e-14) FROM discrete_fast_ref ORDER BY id;
SELECT expect('fast.h.' || id, entropy(p), h, 1e-14) FROM discrete_fast_ref ORDER BY id;

-- float32 blobs of different lengths, or one of them refused, leave the
-- in-place road for the chunked one, which words the error
SELECT expect_error('fast.f32-lengths', 'SELECT kl_div(X''0000803F00000040'', X''0000803F'')',
  'kl_div: q has 1 element but p has 2');
SELECT expect_error('fast.f32-negative', 'SELECT entropy(X''0000803F000000C0'')',
  'entropy: p[1] must be >= 0 (got -2)');
SELECT expect_error('fast.f32-inf', 'SELECT cross_entropy(X''0000803F'', X''0000807F'')',
  'cross_entropy: q[0] must be finite (got Inf)');
-- -0 in a float32 blob is a weight of 0 (the in-place road leaves it to
-- the chunked one): [1, -0] against [1, 1] is ln 2
SELECT expect('fast.f32-negzero', kl_div(X'0000803F00000080', X'0000803F0000803F'),
  0.693147180559945309417232121458, 1e-15);
SELECT expect_error('fast.f32-zero-total', 'SELECT entropy(X''0000000000000000'')',
  'entropy: p sums to 0, so it is not a distribution');
-- js_dist of identical float32 blobs (found by fuzz_oracle): the divergence
-- is 0, below the rescaling threshold, so the terms are added again at
-- scale from totals the float32 road had left half made (hand: 0)
SELECT expect('fast.jsd.identical-f32-rescaled', js_dist(X'5b316534', X'5b316534'), 0.0);
SELECT expect('fast.jsd.identical-f32-rescaled-2', js_dist(kl_f32('[1e-30,1,2]'), kl_f32('[1e-30,1,2]')), 0.0);
