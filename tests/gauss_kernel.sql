-- The kl_gauss kernel (core/gauss.c) in every part: its 16 reduction
-- buckets at both ends and the middle, near (k = 0) and far (k != 0),
-- nearly equal scales to the last bit, far-apart float32 scales, partial
-- last vectors and several chunks; values against mpmath
-- (tests/data/gauss_kernel_ref.sql, written by tests/gen_gauss_kernel_ref.py)
-- within 1e-15, ten times inside the stated bound.  Float32 blobs are read
-- in place; JSON of the same values takes the double path: the two give
-- the same bits.
.read tests/data/gauss_kernel_ref.sql

SELECT expect('kernel.ref.count', (SELECT count(*) FROM gk_ref), (SELECT n FROM gk_ref_count));
SELECT expect('kernel.f32.' || id, kl_gauss(mu1, sd1, mu2, sd2), want, 1e-15)
  FROM gk_ref ORDER BY id;
SELECT expect('kernel.json.' || id, kl_gauss(mu1j, sd1j, mu2j, sd2j), want, 1e-15)
  FROM gk_ref ORDER BY id;
SELECT expect('kernel.in-place-same-bits',
  (SELECT count(*) FROM gk_ref WHERE kl_gauss(mu1, sd1, mu2, sd2)
                                  IS NOT kl_gauss(mu1j, sd1j, mu2j, sd2j)), 0);
SELECT expect('kernel.f64-blobs-same-bits',
  (SELECT count(*) FROM gk_ref WHERE kl_gauss(mu1, sd1, mu2, sd2)
     IS NOT kl_gauss(kl_f64(mu1j), kl_f64(sd1j), kl_f64(mu2j), kl_f64(sd2j))), 0);
-- Forms mixed with float32 blobs are not read in place: the same value.
SELECT expect('kernel.mixed-forms', (SELECT count(*) FROM gk_ref WHERE
  kl_gauss(mu1, sd1j, mu2, sd2) IS NOT kl_gauss(mu1, sd1, mu2, sd2)), 0);
-- The aggregate reads each row's blobs in place too.
SELECT expect('kernel.agg', kl_gauss_agg(mu1, sd1, mu2, sd2), sum(want), 1e-15)
  FROM gk_ref WHERE id LIKE 'mixed.%';

-- A bad element in float32 blobs read in place: the general road names it,
-- wherever it is (first vector, tail, a later chunk).
CREATE TEMP TABLE gk_bad AS WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 299)
SELECT i, kl_f32('[' || (SELECT group_concat(CASE WHEN j = i THEN -1 ELSE 1 END) FROM
  (WITH RECURSIVE d(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM d WHERE j < 299) SELECT j FROM d)) || ']') v
FROM c WHERE i IN (0, 7, 8, 255, 256, 299);
SELECT expect_error('kernel.bad-sd2.' || i,
  'SELECT kl_gauss(v, v, v, v) FROM gk_bad WHERE i = ' || i,
  'kl_gauss: sd1[' || i || '] must be > 0 (got -1)') FROM gk_bad;
SELECT expect_error('kernel.nan-mu2',
  'SELECT kl_gauss(X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F'', X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F'','
  || ' X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000C07F0000803F'', X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F'')',
  'kl_gauss: mu2[7] must be finite (got NaN)');
SELECT expect_error('kernel.inf-sd1',
  'SELECT kl_gauss(X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F'', X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000807F'','
  || ' X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F'', X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F'')',
  'kl_gauss: sd1[8] must be finite (got Inf)');
SELECT expect_error('kernel.zero-sd2-in-place',
  'SELECT kl_gauss(X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F'','
  || ' X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F'','
  || ' X''0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F'','
  || ' X''0000803F0000803F0000803F000000000000803F0000803F0000803F0000803F'')',
  'kl_gauss: sd2[3] must be > 0 (got 0)');
SELECT expect_error('kernel.nan-short-in-place',
  'SELECT kl_gauss(X''0000803F0000C07F'', X''0000803F0000803F'', X''0000803F0000803F'', X''0000803F0000803F'')',
  'kl_gauss: mu1[1] must be finite (got NaN)');
-- Four float32 blobs of different lengths: the general road reports it.
SELECT expect_error('kernel.lengths',
  'SELECT kl_gauss(X''0000803F0000803F'', X''0000803F'', X''0000803F0000803F'', X''0000803F0000803F'')',
  'kl_gauss: sd1 has 1 element but mu1 has 2');

-- Four plain numbers, one of them infinite: not the one-dimension short
-- road but the general one, which refuses it by name.
SELECT expect_error('road.inf-mu1', 'SELECT kl_gauss(9e999, 1, 0, 1)',
  'kl_gauss: mu1 must be finite (got Inf)');
SELECT expect_error('road.inf-sd1', 'SELECT kl_gauss(0, 9e999, 0, 1)',
  'kl_gauss: sd1 must be finite (got Inf)');
SELECT expect_error('road.inf-sd2', 'SELECT kl_gauss(0, 1, 0, 9e999)',
  'kl_gauss: sd2 must be finite (got Inf)');
