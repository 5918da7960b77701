-- kl_mvn: values against mpmath (tests/data/mvn_ref.sql, written by
-- tests/gen_mvn_ref.py, which cross-checks its reference against torch's
-- MultivariateNormal KL), hand derivations and bad input.
.read tests/data/mvn_ref.sql

SELECT expect('ref.count', (SELECT count(*) FROM mvn_ref), (SELECT n FROM mvn_ref_count));
-- Well-conditioned matrices: within 1e-10 (in practice far closer).
SELECT expect('ref.' || id, kl_mvn(mu1, cov1, mu2, cov2), want, 1e-10)
  FROM mvn_ref WHERE id NOT LIKE 'near.%' ORDER BY id;
SELECT expect('ref.bits.' || id, kl_mvn(mu1, cov1, mu2, cov2, 'bits'), want_bits, 1e-10)
  FROM mvn_ref WHERE id NOT LIKE 'near.%' ORDER BY id;
-- Nearly equal covariances (KL ~ 1e-12): every term is non-negative, so
-- the value keeps 9 or more digits where the textbook formula (torch: 4e-3
-- relative error here) keeps few.
SELECT expect('ref.' || id, kl_mvn(mu1, cov1, mu2, cov2), want, 1e-9)
  FROM mvn_ref WHERE id LIKE 'near.%';
-- The diagonal case is kl_gauss (the article's example), to the bit or two.
SELECT expect('article.is-kl_gauss', kl_mvn('[2,4,6]', '[[1,0,0],[0,4,0],[0,0,9]]',
  '[3,5,8]', '[[2.25,0,0],[0,6.25,0],[0,0,16]]'),
  kl_gauss('[2,4,6]','[1,2,3]','[3,5,8]','[1.5,2.5,4]'), 1e-15);
SELECT expect('article.nats', kl_mvn('[2,4,6]', '[[1,0,0],[0,4,0],[0,0,9]]',
  '[3,5,8]', '[[2.25,0,0],[0,6.25,0],[0,0,16]]'), 0.666985176318599, 1e-14);

-- The recipe matrices, d = 128, 256 and 512 (twin of recipe() in
-- tests/gen_mvn_ref.py): exact binary fractions, diagonally dominant.
CREATE TEMP TABLE ix AS WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM n WHERE i < 511)
  SELECT i FROM n;
CREATE TEMP TABLE off AS
  SELECT s.d, w.w, a.i, b.i AS j,
         CASE WHEN a.i = b.i THEN NULL
              ELSE ((min(a.i, b.i) * 7 + max(a.i, b.i) * 3 + w.w * 5) % 11 - 5) / 64.0 END AS v
  FROM mvn_recipe_ref s, (SELECT 1 w UNION ALL SELECT 2) w, ix a, ix b
  WHERE a.i < s.d AND b.i < s.d;
CREATE TEMP TABLE diag AS SELECT d, w, i, sum(abs(v)) + 1.0 + (i % 7) / 4.0 AS v
  FROM off GROUP BY d, w, i;
CREATE TEMP TABLE cell AS
  SELECT d, w, i, j, v FROM off WHERE v IS NOT NULL
  UNION ALL SELECT d, w, i, i, v FROM diag
  ORDER BY d, w, i, j;
CREATE TEMP TABLE rowtext AS
  SELECT d, w, i, '[' || group_concat(v, ',') || ']' AS r FROM cell GROUP BY d, w, i;
CREATE TEMP TABLE recipe AS
  SELECT m.d, m.w,
    (SELECT '[' || group_concat(r, ',') || ']' FROM rowtext t WHERE t.d = m.d AND t.w = m.w) AS rows,
    (SELECT '[' || group_concat(v, ',') || ']' FROM cell c WHERE c.d = m.d AND c.w = m.w) AS flat,
    (SELECT '[' || group_concat(((x.i * (m.w + 2)) % 13 - 6) / 8.0, ',') || ']'
       FROM ix x WHERE x.i < m.d) AS mu
  FROM (SELECT DISTINCT d, w FROM diag) m;
SELECT expect('recipe.dims.' || d || '.' || w, kl_dims(flat), d * d) FROM recipe ORDER BY d, w;
SELECT expect('recipe.rows.d' || r.d, kl_mvn(a.mu, a.rows, b.mu, b.rows), r.want, 1e-10)
  FROM mvn_recipe_ref r JOIN recipe a ON a.d = r.d AND a.w = 1 JOIN recipe b ON b.d = r.d AND b.w = 2
  ORDER BY r.d;
SELECT expect('recipe.f64.d' || r.d, kl_mvn(kl_f64(a.mu), kl_f64(a.flat), kl_f64(b.mu), kl_f64(b.flat)),
              r.want, 1e-10)
  FROM mvn_recipe_ref r JOIN recipe a ON a.d = r.d AND a.w = 1 JOIN recipe b ON b.d = r.d AND b.w = 2
  ORDER BY r.d;

-- Hand derivations.  One dimension: the variances' KL.
SELECT expect('hand.one', kl_mvn(1, 2, 0, 1), kl_gauss_var(1, 2, 0, 1), 1e-15);
--   N(0, S) vs N(0, S): 0.  Broadcast zero means.
SELECT expect('hand.equal', kl_mvn(0, '[[2,0.5],[0.5,1]]', 0, '[[2,0.5],[0.5,1]]'), 0.0);
--   S1 = [[1,r],[r,1]] vs I, equal means: (tr S1 - 2 - ln det S1)/2 = -ln(1-r^2)/2.
SELECT expect('hand.corr', kl_mvn(0, '[[1,0.6],[0.6,1]]', 0, '[[1,0],[0,1]]'),
              -0.5 * ln(1 - 0.36), 1e-15);
--   a shift of (1,1) against I: |d|^2/2 = 1.
SELECT expect('hand.shift', kl_mvn('[1,1]', '[[1,0],[0,1]]', 0, '[[1,0],[0,1]]'), 1.0);
SELECT expect('hand.null', kl_mvn(0, NULL, 0, 1), NULL);
SELECT expect('hand.null-unit', kl_mvn(0, 1, 0, 1, NULL), NULL);
-- Within the symmetry tolerance (1e-9 relative): the symmetric part is used.
SELECT expect('hand.nearly-symmetric', kl_mvn(0, '[[1,0.6],[0.6000000000001,1]]', 0, '[[1,0],[0,1]]'),
              -0.5 * ln(1 - 0.6 * 0.60000000000005), 1e-12);

-- Bad input.
SELECT expect_error('err.asymmetric', 'SELECT kl_mvn(0, ''[[1,0.5],[0.7,2]]'', 0, ''[[1,0],[0,1]]'')',
  'kl_mvn: cov1 is not symmetric: cov1[0][1] is 0.5 but cov1[1][0] is 0.7');
SELECT expect_error('err.not-pd', 'SELECT kl_mvn(0, ''[[1,0],[0,1]]'', 0, ''[[1,2],[2,1]]'')',
  'kl_mvn: cov2 is not positive definite (Cholesky fails at row 1)');
SELECT expect_error('err.diag', 'SELECT kl_mvn(0, ''[[0,0],[0,1]]'', 0, ''[[1,0],[0,1]]'')',
  'kl_mvn: cov1 is not positive definite (Cholesky fails at row 0)');
SELECT expect_error('err.semidefinite', 'SELECT kl_mvn(0, ''[[1,1],[1,1]]'', 0, ''[[1,0],[0,1]]'')',
  'kl_mvn: cov1 is not positive definite (Cholesky fails at row 1)');
SELECT expect_error('err.mu-size', 'SELECT kl_mvn(''[1,2,3]'', ''[[1,0],[0,1]]'', 0, ''[[1,0],[0,1]]'')',
  'kl_mvn: mu1 has 3 elements but cov1 is 2x2');
SELECT expect_error('err.cov-size', 'SELECT kl_mvn(0, ''[[1,0],[0,1]]'', 0, 1)',
  'kl_mvn: cov2 is 1x1 but cov1 is 2x2');
SELECT expect_error('err.ragged', 'SELECT kl_mvn(0, ''[[1,0],[0,1,2]]'', 0, ''[[1,0],[0,1]]'')',
  'kl_mvn: cov1[1] has 3 elements but cov1[0] has 2');
SELECT expect_error('err.not-square', 'SELECT kl_mvn(0, ''[[1,0,0],[0,1,0]]'', 0, 1)',
  'kl_mvn: cov1 has 2 rows of 3 elements; a covariance matrix is square');
SELECT expect_error('err.flat-count', 'SELECT kl_mvn(0, ''[1,0,0]'', 0, 1)',
  'kl_mvn: cov1 has 3 elements, not d*d for a d x d covariance (row-major)');
SELECT expect_error('err.json', 'SELECT kl_mvn(0, ''[[1,0],[0,1]'', 0, 1)',
  'kl_mvn: cov1 is not valid JSON: expected '','' or '']'' at offset 12, found end of text');
SELECT expect_error('err.json-row', 'SELECT kl_mvn(0, ''[[1,0],[0,"x"]]'', 0, 1)',
  'kl_mvn: cov1[1][1] is not a number (offset 10)');
SELECT expect_error('err.nested', 'SELECT kl_mvn(0, ''[[1,[0]],[0,1]]'', 0, 1)',
  'kl_mvn: cov1 is not valid JSON: expected a number (rows are flat) at offset 4, found ''[''');
SELECT expect_error('err.trailing', 'SELECT kl_mvn(0, ''[[1]] x'', 0, 1)',
  'kl_mvn: cov1 is not valid JSON: expected end of text at offset 6, found ''x''');
SELECT expect_error('err.empty-row', 'SELECT kl_mvn(0, ''[[]]'', 0, 1)',
  'kl_mvn: cov1[0] is an empty vector');
SELECT expect_error('err.inf', 'SELECT kl_mvn(0, ''[[1,0],[0,1e999]]'', 0, 1)',
  'kl_mvn: cov1[1][1] is beyond the double range (offset 10)');
SELECT expect_error('err.nan-blob', 'SELECT kl_mvn(0, X''0000C07F'', 0, 1)',
  'kl_mvn: cov1[0] must be finite (got NaN)');
SELECT expect_error('err.blob-size', 'SELECT kl_mvn(0, X''000000'', 0, 1)',
  'kl_mvn: cov1 is a 3-byte blob, not a whole number of 4-byte float32 values');
SELECT expect_error('err.unit', 'SELECT kl_mvn(0, 1, 0, 1, ''nits'')',
  'kl_mvn: unknown unit ''nits'' (use ''nats'', ''bits'' or ''bans'')');

-- JSON white space anywhere between tokens, and more malformed matrices.
SELECT expect('ws.all-kinds', kl_mvn(0, ' [ [1,' || char(10) || '0],' || char(9) || '[0,1] ]' || char(13), 0,
  '[[1,0],[0,1]]'), 0.0);
SELECT expect('number-text.1x1', kl_mvn(1, '2', 0, 1), kl_gauss_var(1, 2, 0, 1), 1e-15);
SELECT expect_error('err.open-only', 'SELECT kl_mvn(0, ''['', 0, 1)',
  'kl_mvn: cov1 is not valid JSON: expected a number at offset 1, found end of text');
SELECT expect_error('err.row-not-array', 'SELECT kl_mvn(0, ''[[1],2]'', 0, 1)',
  'kl_mvn: cov1 is not valid JSON: expected ''['' (a row) at offset 5, found ''2''');
SELECT expect_error('err.row-unterminated', 'SELECT kl_mvn(0, ''[[1,2'', 0, 1)',
  'kl_mvn: cov1 is not valid JSON: expected '']'' at offset 5, found end of text');
SELECT expect_error('err.rows-unterminated', 'SELECT kl_mvn(0, ''[[1]'', 0, 1)',
  'kl_mvn: cov1 is not valid JSON: expected '','' or '']'' at offset 4, found end of text');
SELECT expect_error('err.asymmetric-cov2', 'SELECT kl_mvn(0, ''[[1,0],[0,1]]'', 0, ''[[1,0.1],[0.2,1]]'')',
  'kl_mvn: cov2 is not symmetric: cov2[0][1] is 0.1 but cov2[1][0] is 0.2');
SELECT expect_error('err.all-negative', 'SELECT kl_mvn(0, -1, 0, -2)',
  'kl_mvn: cov1 is not positive definite (Cholesky fails at row 0)');
SELECT expect_error('err.mu2-size', 'SELECT kl_mvn(0, ''[[1,0],[0,1]]'', ''[1,2,3]'', ''[[1,0],[0,1]]'')',
  'kl_mvn: mu2 has 3 elements but cov1 is 2x2');
