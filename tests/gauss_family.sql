-- The diagonal Gaussian family beside kl_gauss: kl_gauss_var,
-- kl_gauss_logvar, kl_gauss_sym, bhattacharyya_gauss, hellinger_gauss,
-- w2_gauss.  Values against mpmath (tests/data/gauss_family_ref.sql,
-- written by tests/gen_gauss_family_ref.py, which also cross-checks the
-- reference against torch) and against hand derivations.
.read tests/data/gauss_family_ref.sql

SELECT expect('ref.count', (SELECT count(*) FROM gfam_ref),
              (SELECT n FROM gfam_ref_count));
CREATE TEMP TABLE calls AS SELECT fn, id, a1, a2, a3, a4, u.unit FROM gfam_ref,
  (SELECT 'nats' AS unit UNION ALL SELECT 'bits') u;
.read tests/include/dispatch.sql
CREATE TEMP TABLE gfam_got AS SELECT r.fn, r.id, r.want, r.want_bits, n.got, b.got AS got_bits
  FROM gfam_ref r JOIN dispatched n ON n.fn = r.fn AND n.id = r.id AND n.unit = 'nats'
  JOIN dispatched b ON b.fn = r.fn AND b.id = r.id AND b.unit = 'bits';
SELECT expect(fn || '.' || id, got, want, 1e-14) FROM gfam_got ORDER BY fn, id;
SELECT expect(fn || '.bits.' || id, got_bits, want_bits, 1e-14) FROM gfam_got
  WHERE fn NOT IN ('hellinger_gauss', 'w2_gauss') ORDER BY fn, id;
-- Never negative, never NaN, on every reference case.
SELECT expect('sign.' || fn || '.' || id, got >= 0, 1) FROM gfam_got ORDER BY fn, id;
SELECT expect('hellinger.in-unit.' || id, got <= 1, 1) FROM gfam_got
  WHERE fn = 'hellinger_gauss' ORDER BY id;
-- log-variances in +-700: finite wherever the true value is.
SELECT expect('logvar.finite-700.' || id, got < 9e999, 1) FROM gfam_got
  WHERE fn = 'kl_gauss_logvar' AND want < 9e999 AND id LIKE 'logvar.%';

-- Hand derivations (natural log):
--   var: N(1,1)||N(0,1) = 1/2; N(0,4)||N(0,1) = (4-1)/2 - ln 2.
SELECT expect('hand.var.shift', kl_gauss_var(1, 1, 0, 1), 0.5);
SELECT expect('hand.var.wide', kl_gauss_var(0, 4, 0, 1), 1.5 - 0.693147180559945309, 1e-15);
--   logvar: logvar 2 ln 2 is sd 2, the same KL.
SELECT expect('hand.logvar.wide', kl_gauss_logvar(0, 2*0.693147180559945309, 0, 0),
              1.5 - 0.693147180559945309, 1e-15);
SELECT expect('hand.logvar.equal', kl_gauss_logvar('[1,2]', '[-700,700]', '[1,2]', '[-700,700]'), 0.0);
--   logvar 0 vs -700: the mean term is 1/2 e^700 (e^700 = 1.0142320547350045e304).
SELECT expect('hand.logvar.e700', kl_gauss_logvar(1, -700, 0, -700), 0.5 * 1.0142320547350045e304, 1e-15);
--   sym: a shift by one sd both ways, 1/2 + 1/2.
SELECT expect('hand.sym.shift', kl_gauss_sym(0, 1, 1, 1), 1.0);
--   sym with sd ratio 2: (2 - 1/2)^2 / 2 = 9/8.
SELECT expect('hand.sym.ratio', kl_gauss_sym(0, 2, 0, 1), 1.125, 1e-15);
--   Bhattacharyya, equal sd 1, means 1 apart: 1/(4*2) = 1/8.
SELECT expect('hand.bhatt.shift', bhattacharyya_gauss(0, 1, 1, 1), 0.125, 1e-15);
SELECT expect('hand.hellinger.shift', hellinger_gauss(0, 1, 1, 1),
              sqrt(1 - exp(-0.125)), 1e-14);
SELECT expect('hand.hellinger.same', hellinger_gauss('[1,2]', 1, '[1,2]', 1), 0.0);
--   W2: (3,0) vs (0,4) with equal sds is 5; sds 1 vs 3 alone give 2.
SELECT expect('hand.w2.345', w2_gauss('[3,0]', 1, '[0,4]', 1), 5.0);
SELECT expect('hand.w2.sd', w2_gauss(0, 1, 0, 3), 2.0);
SELECT expect('hand.w2.huge', w2_gauss('[3e300,0]', 1, '[0,-4e300]', 1), 5e300, 1e-15);
SELECT expect('hand.w2.tiny', w2_gauss('[3e-320,0]', 1, '[0,4e-320]', 1), 5e-320, 1e-2);
--   kl_gauss_var agrees with kl_gauss on the squared sds.
SELECT expect('var.vs.sd', kl_gauss_var('[2,4,6]', '[1,4,9]', '[3,5,8]', '[2.25,6.25,16]'),
              kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'), 1e-15);
SELECT expect('units.bans', kl_gauss_sym(0, 1, 1, 1, 'bans'), 1 / 2.302585092994045684, 1e-15);

-- Bad input: the function, the argument and the index.
SELECT expect('null.var', kl_gauss_var(0, NULL, 0, 1), NULL);
SELECT expect('null.w2', w2_gauss(0, 1, 0, NULL), NULL);
SELECT expect('null.unit', kl_gauss_sym(0, 1, 0, 1, NULL), NULL);
SELECT expect_error('var.zero', 'SELECT kl_gauss_var(0, ''[1,0]'', 0, 1)',
  'kl_gauss_var: var1[1] must be > 0 (got 0)');
SELECT expect_error('var.neg-number', 'SELECT kl_gauss_var(0, 1, 0, -2.5)',
  'kl_gauss_var: var2 must be > 0 (got -2.5)');
SELECT expect_error('logvar.inf', 'SELECT kl_gauss_logvar(0, 9e999, 0, 1)',
  'kl_gauss_logvar: logvar1 must be finite (got Inf)');
SELECT expect_error('logvar.json', 'SELECT kl_gauss_logvar(0, ''[1,2'', 0, 1)',
  'kl_gauss_logvar: logvar1 is not valid JSON: expected '','' or '']'' at offset 4, found end of text');
SELECT expect_error('sym.sd', 'SELECT kl_gauss_sym(0, 1, 0, ''[1,2,-3]'')',
  'kl_gauss_sym: sd2[2] must be > 0 (got -3)');
SELECT expect_error('bhatt.dims', 'SELECT bhattacharyya_gauss(''[1,2]'', 1, ''[1,2,3]'', 1)',
  'bhattacharyya_gauss: mu2 has 3 elements but mu1 has 2');
SELECT expect_error('hellinger.sd', 'SELECT hellinger_gauss(0, 0, 0, 1)',
  'hellinger_gauss: sd1 must be > 0 (got 0)');
SELECT expect_error('w2.blob', 'SELECT w2_gauss(X''000000'', 1, 0, 1)',
  'w2_gauss: mu1 is a 3-byte blob, not a whole number of 4-byte float32 values');
SELECT expect_error('w2.empty', 'SELECT w2_gauss(''[]'', 1, 0, 1)',
  'w2_gauss: mu1 is an empty vector');
SELECT expect_error('unit.unknown', 'SELECT kl_gauss_var(0, 1, 0, 1, ''nat'')',
  'kl_gauss_var: unknown unit ''nat'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('hellinger.no-unit', 'SELECT hellinger_gauss(0, 1, 0, 1, ''bits'')',
  'wrong number of arguments to function hellinger_gauss()');
SELECT expect_error('w2.no-unit', 'SELECT w2_gauss(0, 1, 0, 1, ''bits'')',
  'wrong number of arguments to function w2_gauss()');
