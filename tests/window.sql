-- kl_gauss_agg as a sliding window over 100 000 rows, against mpmath
-- (window_ref, from tests/gen_gauss_ref.py) and against recomputing each
-- frame from scratch.  Every 10007th row is a giant term (~2e17) that a
-- running sum with subtraction could not remove without wrecking the small
-- sums that follow it.
.read tests/data/gauss_ref.sql
CREATE TEMP TABLE long(i INTEGER PRIMARY KEY, mu1, sd1, mu2, sd2);
INSERT INTO long WITH RECURSIVE c(i) AS (
  SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100000)
SELECT i, (i % 1000) / 100.0 mu1,
  CASE WHEN i % 10007 = 0 THEN 1e9 ELSE 1.0 + (i % 13) / 10.0 END sd1,
  (i % 997) / 50.0 mu2, 0.5 + (i % 11) / 8.0 sd2 FROM c;
CREATE TEMP TABLE win AS SELECT i, kl_gauss_agg(mu1, sd1, mu2, sd2)
  OVER (ORDER BY i ROWS BETWEEN 999 PRECEDING AND CURRENT ROW) kl FROM long;
SELECT expect('window.rows', (SELECT count(*) FROM win), 100000);
SELECT expect('window.ref-count', (SELECT count(*) FROM window_ref), 10);
SELECT expect('window.mpmath.' || r.i, w.kl, r.want, 1e-14)
  FROM window_ref r JOIN win w USING (i) ORDER BY r.i;
-- Every 97th frame, and the frames around the giants, bit for bit equal to
-- a fresh aggregate over the same rows.
SELECT expect('window.recompute', (SELECT count(*) FROM win w
  WHERE (w.i % 97 = 0 OR w.i % 10007 < 3 OR (w.i - 1000) % 10007 < 3)
    AND w.kl IS NOT (SELECT kl_gauss_agg(mu1, sd1, mu2, sd2) FROM long l
                     WHERE l.i BETWEEN w.i - 999 AND w.i)), 0);
