-- kl_knn and kl_knn_agg on large samples: convergence to the closed-form
-- Gaussian KL on 20 000 points a sample (1-D and 3-D), and agreement with
-- scipy's cKDTree on the same points (tests/data/knn_ref.sql,
-- tests/gen_knn_ref.py).  A script of tests/big/: make test runs it; the
-- valgrind phase of make check leaves it out (the same code as
-- tests/knn.sql on many more points, 30-50x slower there), and
-- AddressSanitizer runs it.
.read tests/data/knn_ref.sql

-- --------------------------------------- convergence on large samples
-- The samples of tests/gen_knn_ref.py (knn_sample): a 32-bit integer hash
-- (xor as (a | b) - (a & b)) and Box-Muller, 20000 points each.
CREATE TEMP TABLE knn_keys AS
  WITH RECURSIVE i(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM i WHERE i < 19999)
  SELECT i, s, c, j, i*64 + s*32 + c*2 + j AS v
  FROM i, (SELECT 0 AS s UNION ALL SELECT 1), (SELECT 0 AS c UNION ALL SELECT 1 UNION ALL SELECT 2),
       (SELECT 0 AS j UNION ALL SELECT 1);
CREATE TEMP TABLE knn_u AS
  SELECT i, s, c, j, ((((a2 >> 16) | a2) - ((a2 >> 16) & a2)) + 0.5) / 4294967296.0 AS u
  FROM (SELECT i, s, c, j, (((((a1 >> 16) | a1) - ((a1 >> 16) & a1)) * 73244475) & 4294967295) AS a2
        FROM (SELECT i, s, c, j, (((((v >> 16) | v) - ((v >> 16) & v)) * 73244475) & 4294967295) AS a1
              FROM knn_keys));
CREATE TEMP TABLE knn_z AS
  SELECT a.i, a.s, a.c, sqrt(-2*ln(a.u)) * cos(2*pi()*b.u) AS z
  FROM knn_u a JOIN knn_u b ON b.i = a.i AND b.s = a.s AND b.c = a.c AND b.j = 1
  WHERE a.j = 0;
-- x ~ N(0, 1); y ~ N(1, 2^2) (1-D) and N((0.5, 0, -0.3), diag(1.5, 1, 0.8)^2)
CREATE TEMP TABLE knn_pts AS
  SELECT z0.i, z0.s,
         CASE z0.s WHEN 0 THEN z0.z ELSE 1.0 + 2.0*z0.z END AS p1,
         CASE z0.s WHEN 0 THEN printf('[%!.17g,%!.17g,%!.17g]', z0.z, z1.z, z2.z)
              ELSE printf('[%!.17g,%!.17g,%!.17g]', 0.5 + 1.5*z0.z, 0.0 + 1.0*z1.z, -0.3 + 0.8*z2.z) END AS p3
  FROM knn_z z0 JOIN knn_z z1 ON z1.i = z0.i AND z1.s = z0.s AND z1.c = 1
                JOIN knn_z z2 ON z2.i = z0.i AND z2.s = z0.s AND z2.c = 2
  WHERE z0.c = 0;
SELECT expect('knn.conv.rows', (SELECT count(*) FROM knn_pts), 40000);
CREATE TEMP TABLE knn_conv_res AS
  SELECT c.*, (SELECT kl_knn_agg(CASE c.d WHEN 1 THEN p1 ELSE p3 END, s,
                                 'k=' || c.k || ', estimator=' || CASE c.est WHEN 1 THEN 'adaptive' ELSE 'fixed' END)
               FROM knn_pts) AS got
  FROM knn_conv c;
-- the same estimate as cKDTree's neighbours on the same points (3-D points
-- pass through 17-digit text: a few ulps)
SELECT expect('knn.' || id, got, want, 1e-11) FROM knn_conv_res ORDER BY id;
-- and within the stated tolerance of the closed form (tests/gen_knn_ref.py,
-- CONV_TOL: 5 standard deviations of the estimate at this size)
SELECT expect('knn.closed.' || id, abs(got - closed) <= tol, 1) FROM knn_conv_res ORDER BY id;
SELECT expect('knn.closed-value.1d', (SELECT closed FROM knn_conv WHERE d = 1 LIMIT 1),
  ln(2.0) + (1 + 1)/8.0 - 0.5, 1e-15);
-- the scalar form on the same samples (the 1-D points as 17-digit text)
SELECT expect('knn.conv.scalar.1d',
  kl_knn((SELECT '[' || group_concat(printf('%!.17g', p1), ',') || ']' FROM (SELECT p1 FROM knn_pts WHERE s = 0 ORDER BY i)),
         (SELECT '[' || group_concat(printf('%!.17g', p1), ',') || ']' FROM (SELECT p1 FROM knn_pts WHERE s = 1 ORDER BY i)), 5),
  (SELECT want FROM knn_conv WHERE id = 'conv.d1.k5.fx'), 1e-11);
SELECT expect('knn.conv.scalar.3d',
  kl_knn((SELECT '[' || group_concat(p3, ',') || ']' FROM (SELECT p3 FROM knn_pts WHERE s = 0 ORDER BY i)),
         (SELECT '[' || group_concat(p3, ',') || ']' FROM (SELECT p3 FROM knn_pts WHERE s = 1 ORDER BY i)),
         'k=5, estimator=adaptive'),
  (SELECT want FROM knn_conv WHERE id = 'conv.d3.k5.ad'), 1e-11);
