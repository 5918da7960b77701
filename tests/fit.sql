-- gauss_mean and gauss_sd: values against mpmath (tests/data/fit_ref.sql,
-- written by tests/gen_fit_ref.py, which cross-checks against numpy), the
-- output form, windows and bad input.
.read tests/data/fit_ref.sql

CREATE TEMP TABLE fit_got AS SELECT r.id, r.form, r.ddof, r.mean AS want_mean, r.sd AS want_sd,
  (SELECT gauss_mean(v) FROM (SELECT v FROM fit_rows WHERE id = r.id ORDER BY k)) AS mean,
  (SELECT gauss_sd(v, r.ddof) FROM (SELECT v FROM fit_rows WHERE id = r.id
     AND r.sd IS NOT 'overflow' ORDER BY k)) AS sd
  FROM fit_ref r;
SELECT expect('ref.count', (SELECT count(DISTINCT id) FROM fit_got) >= 20, 1);
-- Element by element, within 2 ulps (float32 outputs: within one float32 ulp).
SELECT expect('mean.' || g.id || '.' || g.ddof || '[' || w.key || ']', o.value, w.value,
              CASE g.form WHEN 'f32' THEN 1.2e-7 ELSE 4.5e-16 END)
  FROM fit_got g, json_each(g.want_mean) w, json_each(kl_json(g.mean)) o
  WHERE o.key = w.key ORDER BY g.id, g.ddof, w.key;
SELECT expect('sd.' || g.id || '.' || g.ddof || '[' || w.key || ']', o.value, w.value,
              CASE g.form WHEN 'f32' THEN 1.2e-7 ELSE 4.5e-16 END)
  FROM fit_got g, json_each(g.want_sd) w, json_each(kl_json(g.sd)) o
  WHERE o.key = w.key AND g.want_sd <> 'overflow' ORDER BY g.id, g.ddof, w.key;
-- A standard deviation beyond the double range is an error, not Inf.
SELECT expect_error('overflow.' || id || '.' || ddof, 'SELECT gauss_sd(v, ' || ddof || ') FROM (SELECT v FROM fit_rows
  WHERE id = ''' || id || ''' ORDER BY k)', 'gauss_sd: result[1] is beyond the double range')
  FROM fit_ref WHERE sd = 'overflow';
SELECT expect('overflow.cases', (SELECT count(*) FROM fit_ref WHERE sd = 'overflow'), 1);
-- Every expected element was compared (no silent short output).
SELECT expect('count.' || id || '.' || ddof, kl_dims(mean), json_array_length(want_mean))
  FROM fit_got ORDER BY id, ddof;
SELECT expect('count-sd.' || id || '.' || ddof, kl_dims(sd), json_array_length(want_sd))
  FROM fit_got WHERE want_sd IS NOT NULL AND want_sd <> 'overflow' ORDER BY id, ddof;
-- rows - ddof <= 0 gives NULL: one row with ddof 1, two rows with ddof 2.5.
SELECT expect('null-sd.' || id || '.' || ddof, sd, NULL) FROM fit_got
  WHERE want_sd IS NULL ORDER BY id, ddof;
SELECT expect('null-sd.cases', (SELECT count(*) FROM fit_got WHERE want_sd IS NULL) >= 3, 1);
-- The output has the input's form.
SELECT expect('form.' || id || '.' || ddof, CASE form
    WHEN 'json' THEN typeof(mean) = 'text' AND substr(mean, 1, 1) = '['
    WHEN 'num' THEN typeof(mean) = 'real'
    WHEN 'f32' THEN typeof(mean) = 'blob' AND length(mean) = 4 * kl_dims(mean)
    WHEN 'f64' THEN typeof(mean) = 'blob' AND substr(hex(mean), 1, 16) = '4B4CC07F66363401' END, 1)
  FROM fit_got ORDER BY id, ddof;

-- Hand derivations: [1,2],[3,5],[5,11]: mean [3,6]; sd (ddof 1) [2, sqrt(21)].
CREATE TEMP TABLE hand(v); INSERT INTO hand VALUES ('[1,2]'), ('[3,5]'), ('[5,11]');
SELECT expect('hand.mean', (SELECT gauss_mean(v) FROM hand), '[3,6]');
SELECT expect('hand.sd0', (SELECT json_extract(gauss_sd(v), '$[0]') FROM hand), 2.0);
SELECT expect('hand.sd1', (SELECT json_extract(gauss_sd(v), '$[1]') FROM hand), sqrt(21), 2.3e-16);
SELECT expect('hand.default-ddof-1', (SELECT gauss_sd(v) = gauss_sd(v, 1) FROM hand), 1);
SELECT expect('hand.numbers', (SELECT gauss_sd(x, 0) FROM (SELECT 2 x UNION ALL SELECT 4 UNION ALL SELECT 4
  UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 5 UNION ALL SELECT 7 UNION ALL SELECT 9)), 2.0);
SELECT expect('hand.empty-mean', (SELECT gauss_mean(v) FROM hand WHERE 0), NULL);
SELECT expect('hand.empty-sd', (SELECT gauss_sd(v) FROM hand WHERE 0), NULL);
SELECT expect('hand.one-row-sd', (SELECT gauss_sd(v) FROM (SELECT v FROM hand LIMIT 1)), NULL);
SELECT expect('hand.one-row-sd0', (SELECT gauss_sd(v, 0) FROM (SELECT v FROM hand LIMIT 1)), '[0,0]');
SELECT expect('hand.nulls-skipped', (SELECT gauss_mean(v) FROM (SELECT v FROM hand UNION ALL SELECT NULL)), '[3,6]');
SELECT expect('hand.null-ddof-skipped',
  (SELECT gauss_sd(v, CASE WHEN v = '[5,11]' THEN NULL ELSE 0 END) FROM hand), '[1,1.5]');
SELECT expect('hand.group-by', (SELECT group_concat(g || '=' || m, ' ') FROM (SELECT g, gauss_mean(v) m FROM
  (SELECT 'a' g, '[1]' v UNION ALL SELECT 'a', '[3]' UNION ALL SELECT 'b', '[10]') GROUP BY g ORDER BY g)),
  'a=[2] b=[10]');
-- The issue's one-query cohort comparison.
--   A: mean [1,2], sd [1,1]; B: mean [2,3], sd [1,2]:
--   KL = 1/2 (dimension 0) + ln 2 + (1 + 1)/8 - 1/2 (dimension 1).
CREATE TEMP TABLE emb(cohort TEXT, e TEXT);
INSERT INTO emb VALUES ('A', '[0,1]'), ('A', '[2,3]'), ('A', '[1,2]'),
                       ('B', '[1,1]'), ('B', '[3,5]'), ('B', '[2,3]');
SELECT expect('cohorts', (SELECT kl_gauss(a.m, a.s, b.m, b.s)
  FROM (SELECT gauss_mean(e) m, gauss_sd(e) s FROM emb WHERE cohort='A') a,
       (SELECT gauss_mean(e) m, gauss_sd(e) s FROM emb WHERE cohort='B') b),
  0.5 + 0.693147180559945309 + 0.25 - 0.5, 1e-15);

-- Windows: a sliding frame of 50 numbers over 2000 rows with a giant 1e15
-- every 500th row; exact sums, so each result equals mpmath's (and the
-- giant leaves no trace once it is out of the frame).
CREATE TEMP TABLE wrows AS WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 2000)
  SELECT i, CASE WHEN i % 500 = 0 THEN 1e15 ELSE 1e9 + (i % 17) / 8.0 END AS x FROM c;
CREATE TEMP TABLE wgot AS SELECT i, gauss_mean(x) OVER w AS m, gauss_sd(x) OVER w AS s FROM wrows
  WINDOW w AS (ORDER BY i ROWS BETWEEN 49 PRECEDING AND CURRENT ROW);
SELECT expect('window.mean.' || r.i, g.m, r.mean, 2.3e-16) FROM fit_window_ref r JOIN wgot g USING (i) ORDER BY r.i;
SELECT expect('window.sd.' || r.i, g.s, r.sd, 4.5e-16) FROM fit_window_ref r JOIN wgot g USING (i) ORDER BY r.i;
-- Every window equals the plain aggregate of its rows, to the bit.
SELECT expect('window.bits', (SELECT count(*) FROM wgot g WHERE g.i >= 50 AND (
  g.s IS NOT (SELECT gauss_sd(x) FROM wrows w WHERE w.i BETWEEN g.i - 49 AND g.i) OR
  g.m IS NOT (SELECT gauss_mean(x) FROM wrows w WHERE w.i BETWEEN g.i - 49 AND g.i))), 0);
SELECT expect('window.vectors', (SELECT group_concat(s, ' ') FROM (SELECT gauss_sd(v, 0)
  OVER (ORDER BY rowid ROWS 1 PRECEDING) s FROM hand)), '[0,0] [1,1.5] [1,3]');

-- Bad input.
SELECT expect_error('err.length', 'SELECT gauss_mean(v) FROM (SELECT ''[1,2]'' v UNION ALL SELECT ''[1,2,3]'')',
  'gauss_mean: v has 3 elements on this row but 2 on earlier rows');
SELECT expect_error('err.form', 'SELECT gauss_sd(v) FROM (SELECT ''[1,2]'' v UNION ALL SELECT kl_f32(''[1,2]''))',
  'gauss_sd: v is a float32 blob on this row but JSON text on earlier rows');
SELECT expect_error('err.form-number', 'SELECT gauss_mean(v) FROM (SELECT 1 v UNION ALL SELECT kl_f64(''[1]''))',
  'gauss_mean: v is a kl_f64 blob on this row but a number on earlier rows');
SELECT expect_error('err.json', 'SELECT gauss_mean(''[1,'')',
  'gauss_mean: v is not valid JSON: expected a number at offset 3, found end of text');
SELECT expect_error('err.nan', 'SELECT gauss_sd(X''0000C07F'')',
  'gauss_sd: v[0] must be finite (got NaN)');
SELECT expect_error('err.inf', 'SELECT gauss_sd(9e999)',
  'gauss_sd: v must be finite (got Inf)');
SELECT expect_error('err.empty', 'SELECT gauss_mean(''[]'')',
  'gauss_mean: v is an empty vector');
SELECT expect_error('err.ddof-negative', 'SELECT gauss_sd(1, -1)',
  'gauss_sd: ddof must be a finite number >= 0 (got -1)');
SELECT expect_error('err.ddof-text', 'SELECT gauss_sd(1, ''one'')',
  'gauss_sd: ddof must be a finite number >= 0 (got one)');
SELECT expect_error('err.ddof-varies', 'SELECT gauss_sd(v, d) FROM (SELECT 1 v, 0 d UNION ALL SELECT 2, 1)',
  'gauss_sd: ddof must be the same on every row');
SELECT expect_error('err.f32-range', 'SELECT gauss_sd(v) FROM (SELECT X''FFFF7F7F'' v UNION ALL SELECT X''FFFF7FFF'')',
  'gauss_sd: result[0] is outside the float32 range (got 4.812319096523503e+38)');
