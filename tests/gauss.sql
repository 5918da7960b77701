-- kl_gauss and kl_gauss_agg: values against mpmath (tests/data/gauss_ref.sql,
-- written by tests/gen_gauss_ref.py) and against hand derivations.
.read tests/data/gauss_ref.sql

SELECT expect('ref.count', (SELECT count(*) FROM gauss_ref),
              (SELECT n FROM gauss_ref_count));
SELECT expect('nats.' || id, kl_gauss(mu1, sd1, mu2, sd2), want, 1e-14)
  FROM gauss_ref ORDER BY id;
SELECT expect('bits.' || id, kl_gauss(mu1, sd1, mu2, sd2, 'bits'), want_bits, 1e-14)
  FROM gauss_ref ORDER BY id;
SELECT expect('bans.' || id, kl_gauss(mu1, sd1, mu2, sd2, 'bans'), want_bans, 1e-14)
  FROM gauss_ref ORDER BY id;
SELECT expect('unit-case.' || id, kl_gauss(mu1, sd1, mu2, sd2, 'NATS'), want, 1e-14)
  FROM gauss_ref WHERE id LIKE 'article%';
-- One row per group: the aggregate agrees with the scalar function.
SELECT expect('agg.' || id, kl_gauss_agg(mu1, sd1, mu2, sd2), want, 1e-14)
  FROM gauss_ref GROUP BY id ORDER BY id;

-- Hand derivations (natural log):
--   N(0,1)||N(0,1) = 0;  N(1,1)||N(0,1) = 1/2;  N(0,2)||N(0,1) = 3/2 - ln 2.
SELECT expect('hand.equal', kl_gauss(0, 1, 0, 1), 0.0);
SELECT expect('hand.shift', kl_gauss(1, 1, 0, 1), 0.5);
SELECT expect('hand.wide', kl_gauss(0, 2, 0, 1), 1.5 - 0.693147180559945309, 1e-15);
SELECT expect('hand.bits', kl_gauss(1, 1, 0, 1, 'bits'), 0.5 / 0.693147180559945309, 1e-15);
SELECT expect('hand.bans', kl_gauss(1, 1, 0, 1, 'bans'), 0.5 / 2.302585092994045684, 1e-15);
SELECT expect('hand.integers', kl_gauss(1, 1, 0, 1), kl_gauss(1.0, 1.0, 0.0, 1.0));
SELECT expect('hand.json-scalar', kl_gauss('1', ' 1 ', '0e0', '1.0'), 0.5);

-- The article: 0.666985176318599 nats, 0.962256206221294 bits.  Its printed
-- 0.1486 used log10 in the log terms only, which makes a term negative.
SELECT expect('article.nats', kl_gauss('[2,4,6]','[1,2,3]','[3,5,8]','[1.5,2.5,4]'),
              0.666985176318599, 1e-14);
SELECT expect('article.bits', kl_gauss('[2,4,6]','[1,2,3]','[3,5,8]','[1.5,2.5,4]','bits'),
              0.962256206221294, 1e-14);
SELECT expect('article.not-log10',
              abs(kl_gauss('[2,4,6]','[1,2,3]','[3,5,8]','[1.5,2.5,4]') - 0.1486) > 0.5, 1);
SELECT expect('article.term' || k || '.nonnegative', kl_gauss(m1, s1, m2, s2) >= 0, 1)
  FROM (SELECT 0 k, 2 m1, 1 s1, 3 m2, 1.5 s2 UNION ALL SELECT 1, 4, 2, 5, 2.5
        UNION ALL SELECT 2, 6, 3, 8, 4);
-- Every dimension of every reference vector is non-negative too.
SELECT expect('terms.nonnegative', (SELECT count(*) FROM gauss_ref WHERE
              kl_gauss(mu1, sd1, mu2, sd2) < 0), 0);
-- The three terms add up to the whole.
SELECT expect('article.sum-of-terms', kl_gauss(2,1,3,1.5) + kl_gauss(4,2,5,2.5)
              + kl_gauss(6,3,8,4), 0.666985176318599, 1e-14);

-- Broadcasting: a number stands for a vector of that value.
SELECT expect('bcast.same', kl_gauss('[0.5,-1]', '[2,0.5]', 0, 1),
              kl_gauss('[0.5,-1]', '[2,0.5]', '[0,0]', '[1,1]'));
SELECT expect('bcast.blob', kl_gauss(X'0000003F000080BF', X'000000400000003F', 0, 1),
              kl_gauss('[0.5,-1]', '[2,0.5]', 0, 1));
SELECT expect('bcast.mixed-forms', kl_gauss('[2,4,6]', X'0000803F0000004000004040',
              (SELECT mu2 FROM gauss_ref WHERE id='article.f64'), '[1.5,2.5,4]'),
              0.666985176318599, 1e-14);

-- Long format: one row per dimension, and rows of vector chunks.
CREATE TEMP TABLE art(k, mu1, sd1, mu2, sd2);
INSERT INTO art VALUES (0, 2, 1, 3, 1.5), (1, 4, 2, 5, 2.5), (2, 6, 3, 8, 4);
SELECT expect('long.article', kl_gauss_agg(mu1, sd1, mu2, sd2), 0.666985176318599, 1e-14) FROM art;
SELECT expect('long.bits', kl_gauss_agg(mu1, sd1, mu2, sd2, 'bits'), 0.962256206221294, 1e-14) FROM art;
SELECT expect('long.chunks', kl_gauss_agg(mu1, sd1, mu2, sd2), 0.666985176318599, 1e-14)
  FROM (SELECT '[2,4]' mu1, '[1,2]' sd1, '[3,5]' mu2, '[1.5,2.5]' sd2
        UNION ALL SELECT X'0000C040', 3, 8, 4);
SELECT expect('long.f64-chunk', kl_gauss_agg(mu1, sd1, mu2, sd2), 0.666985176318599, 1e-14)
  FROM (SELECT mu1, sd1, mu2, sd2 FROM gauss_ref WHERE id='article.f64');
INSERT INTO art VALUES (3, NULL, 1, 0, 1), (4, 1, NULL, 0, 1), (5, 1, 1, 0, NULL);
SELECT expect('long.skips-null', kl_gauss_agg(mu1, sd1, mu2, sd2), 0.666985176318599, 1e-14) FROM art;
SELECT expect('long.null-unit-skipped', kl_gauss_agg(mu1, sd1, mu2, sd2, NULL), NULL) FROM art;
SELECT expect('long.empty', kl_gauss_agg(mu1, sd1, mu2, sd2), NULL) FROM art WHERE 0;
SELECT expect('long.all-null', kl_gauss_agg(mu1, sd1, mu2, sd2), NULL) FROM art WHERE k >= 3;
SELECT expect('long.grouped.' || g, kl_gauss_agg(mu1, sd1, mu2, sd2), w, 1e-14)
  FROM (SELECT k % 2 g, *, CASE k % 2 WHEN 0 THEN 0.3499095525526088 + 0.19393207245178093
        ELSE 0.12314355131420976 END w FROM art WHERE k < 3) GROUP BY g;
SELECT expect('long.inf-row', kl_gauss_agg(mu1, sd1, mu2, sd2), 9e999)
  FROM (SELECT 0 mu1, 1e200 sd1, 0 mu2, 1e-200 sd2 UNION ALL SELECT 0, 1, 0, 1);

-- Window use: running and sliding sums of the article's three terms
-- (term values from the mpmath reference).
SELECT expect('window.running.' || k, kl, w, 1e-14) FROM (
  SELECT k, kl_gauss_agg(mu1, sd1, mu2, sd2) OVER (ORDER BY k) kl,
         CASE k WHEN 0 THEN 0.3499095525526088
                WHEN 1 THEN 0.3499095525526088 + 0.12314355131420976
                ELSE 0.666985176318599 END w
  FROM art WHERE k < 3);
SELECT expect('window.sliding.' || k, kl, w, 1e-14) FROM (
  SELECT k, kl_gauss_agg(mu1, sd1, mu2, sd2) OVER (ORDER BY k ROWS 1 PRECEDING) kl,
         CASE k WHEN 0 THEN 0.3499095525526088
                WHEN 1 THEN 0.3499095525526088 + 0.12314355131420976
                ELSE 0.12314355131420976 + 0.19393207245178093 END w
  FROM art WHERE k < 3);
SELECT expect('window.inf-leaves', kl, w) FROM (
  SELECT i, kl_gauss_agg(mu1, sd1, mu2, sd2) OVER (ORDER BY i ROWS 1 PRECEDING) kl,
         CASE i WHEN 3 THEN 0.5 ELSE 9e999 END w
  FROM (SELECT 1 i, 0 mu1, 1e200 sd1, 0 mu2, 1e-200 sd2 UNION ALL SELECT 2, 0, 1, 0, 1
        UNION ALL SELECT 3, 1, 1, 0, 1));
SELECT expect('window.empty-frame', kl, NULL) FROM (
  SELECT kl_gauss_agg(mu1, sd1, mu2, sd2) OVER (ORDER BY k ROWS BETWEEN 2 PRECEDING
         AND 1 PRECEDING) kl FROM art WHERE k = 0);

-- 100 000 dimensions, as JSON, float32 and float64 blobs, and long format.
-- Decimal strings built exactly as tests/gen_gauss_ref.py builds them.
CREATE TEMP TABLE bigdims AS WITH RECURSIVE c(i) AS (
  SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 99999)
SELECT i,
  printf('%d.%02d', (i % 1000) / 100, (i % 1000) % 100) mu1,
  printf('%d.%d', 1 + (i % 13) / 10, (i % 13) % 10) sd1,
  printf('%d.%02d', (2 * (i % 997)) / 100, (2 * (i % 997)) % 100) mu2,
  printf('%d.%03d', ((4 + i % 11) * 125) / 1000, ((4 + i % 11) * 125) % 1000) sd2
FROM c;
CREATE TEMP TABLE bigvec AS SELECT '[' || group_concat(mu1) || ']' mu1,
  '[' || group_concat(sd1) || ']' sd1, '[' || group_concat(mu2) || ']' mu2,
  '[' || group_concat(sd2) || ']' sd2 FROM bigdims;
SELECT expect('big.dims', kl_dims(mu1) + kl_dims(sd1) + kl_dims(mu2) + kl_dims(sd2), 400000) FROM bigvec;
SELECT expect('big.json', kl_gauss(mu1, sd1, mu2, sd2), (SELECT want FROM big_ref WHERE kind='f64'), 1e-14) FROM bigvec;
SELECT expect('big.f64', kl_gauss(kl_f64(mu1), kl_f64(sd1), kl_f64(mu2), kl_f64(sd2)),
              (SELECT want FROM big_ref WHERE kind='f64'), 1e-14) FROM bigvec;
SELECT expect('big.f32', kl_gauss(kl_f32(mu1), kl_f32(sd1), kl_f32(mu2), kl_f32(sd2)),
              (SELECT want FROM big_ref WHERE kind='f32'), 1e-14) FROM bigvec;
SELECT expect('big.long', kl_gauss_agg(CAST(mu1 AS REAL), CAST(sd1 AS REAL), CAST(mu2 AS REAL),
              CAST(sd2 AS REAL)), (SELECT want FROM big_ref WHERE kind='f64'), 1e-14) FROM bigdims;
SELECT expect('big.long-json-text', kl_gauss_agg(mu1, sd1, mu2, sd2),
              (SELECT want FROM big_ref WHERE kind='f64'), 1e-14) FROM bigdims;
