-- The closed-form family KLs: values against mpmath (tests/data/families_ref.sql,
-- written by tests/gen_families_ref.py), agreement with torch where torch is
-- accurate, hand derivations and bad input.
.read tests/data/families_ref.sql

SELECT expect('ref.count', (SELECT count(*) FROM fam_ref), (SELECT n FROM fam_ref_count));
CREATE TEMP TABLE calls AS SELECT fn, id, a1, a2, a3, a4, u.unit FROM fam_ref,
  (SELECT 'nats' AS unit UNION ALL SELECT 'bits') u;
.read tests/include/dispatch.sql
CREATE TEMP TABLE fam_res AS SELECT r.fn, r.id, r.want, r.want_bits, r.torch, r.torch_err,
  n.got, b.got AS got_bits
  FROM fam_ref r JOIN dispatched n ON n.fn = r.fn AND n.id = r.id AND n.unit = 'nats'
  JOIN dispatched b ON b.fn = r.fn AND b.id = r.id AND b.unit = 'bits';
-- Within 1e-13 of mpmath everywhere, +Inf exactly where the truth is.
SELECT expect(fn || '.' || id, got, want, 1e-13) FROM fam_res ORDER BY fn, id;
SELECT expect(fn || '.bits.' || id, got_bits, want_bits, 1e-13) FROM fam_res ORDER BY fn, id;
SELECT expect('sign.' || fn || '.' || id, got >= 0, 1) FROM fam_res ORDER BY fn, id;
-- torch agrees where it is accurate (its error below 1e-12) ...
SELECT expect('torch.' || fn || '.' || id, got, torch, 1e-12) FROM fam_res
  WHERE torch_err <= 1e-12 ORDER BY fn, id;
-- ... and where it is not, the id records by how much (mpmath is the truth);
-- we are within 1e-13 there too.
SELECT expect('torch-off.' || fn || '.' || id || '.torch-rel-err=' || printf('%.1e', torch_err),
              abs(got - want) <= 1e-13 * want OR got = want, 1)
  FROM fam_res WHERE torch_err > 1e-12 ORDER BY fn, id;

-- Hand derivations (natural log).
SELECT expect('hand.bernoulli', kl_bernoulli(0.5, 0.25), 0.5 * ln(4.0 / 3.0), 1e-15);
SELECT expect('hand.bernoulli.one', kl_bernoulli(1, 0.5), ln(2.0), 1e-15);
SELECT expect('hand.bernoulli.zero-zero', kl_bernoulli(0, 0), 0.0);
SELECT expect('hand.bernoulli.no-mass', kl_bernoulli(0.5, 0), 9e999);
SELECT expect('hand.bernoulli.no-mass-1', kl_bernoulli(0.5, 1), 9e999);
SELECT expect('hand.binomial', kl_binomial(10, 1, 0.5), 10 * ln(2.0), 1e-15);
SELECT expect('hand.binomial.n0', kl_binomial(0, 1, 0), 0.0);
SELECT expect('hand.geometric', kl_geometric(1, 0.5), ln(2.0), 1e-15);
SELECT expect('hand.geometric.no-mass', kl_geometric(0.5, 1), 9e999);
SELECT expect('hand.poisson', kl_poisson(2, 1), 2 * ln(2.0) - 1, 1e-15);
SELECT expect('hand.poisson.zero', kl_poisson(0, 3), 3.0);
SELECT expect('hand.poisson.no-mass', kl_poisson(1, 0), 9e999);
SELECT expect('hand.exponential', kl_exponential(1, 2), 1 - ln(2.0), 1e-15);
SELECT expect('hand.gamma.is-exponential', kl_gamma(1, 1, 1, 2), 1 - ln(2.0), 1e-15);
SELECT expect('hand.gamma.same', kl_gamma(2.5, 1.5, 2.5, 1.5), 0.0);
--   Beta(2,1) || U(0,1): E[ln 2x] = ln 2 + digamma(2) - digamma(3) = ln 2 - 1/2.
SELECT expect('hand.beta', kl_beta(2, 1, 1, 1), ln(2.0) - 0.5, 1e-15);
SELECT expect('hand.beta.same', kl_beta(0.3, 7, 0.3, 7), 0.0);
SELECT expect('hand.laplace', kl_laplace(1, 1, 0, 1), exp(-1.0), 1e-15);
SELECT expect('hand.cauchy', kl_cauchy(0, 1, 0, 2), ln(9.0 / 8.0), 1e-15);
SELECT expect('hand.lognormal.is-gauss', kl_lognormal('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'),
              0.666985176318599, 1e-14);
SELECT expect('hand.halfnormal', kl_halfnormal(1, 2), ln(2.0) + 0.125 - 0.5, 1e-15);
--   Gumbel, equal scales, locations 1 apart: e^1 - 1 - 1.
SELECT expect('hand.gumbel', kl_gumbel(0, 1, 1, 1), exp(1.0) - 2, 1e-15);
SELECT expect('hand.pareto', kl_pareto(2, 3, 1, 2), ln(1.5) + 2 * ln(2.0) + 2.0 / 3 - 1, 1e-15);
SELECT expect('hand.pareto.outside', kl_pareto(1, 2, 2, 3), 9e999);
SELECT expect('hand.uniform', kl_uniform(0, 1, -1, 3), ln(4.0), 1e-15);
SELECT expect('hand.uniform.outside', kl_uniform(0, 2, 0.5, 3), 9e999);
SELECT expect('hand.dirichlet.same', kl_dirichlet('[1,1]', '[1,1]'), 0.0);
SELECT expect('hand.dirichlet.beta', kl_dirichlet('[2,1]', '[1,1]'), ln(2.0) - 0.5, 1e-15);
SELECT expect('hand.dirichlet.is-beta', kl_dirichlet('[0.5,2]', '[1,3]'), kl_beta(0.5, 2, 1, 3), 1e-15);
SELECT expect('hand.dirichlet.broadcast', kl_dirichlet('[1,1,1]', 1), 0.0);
SELECT expect('hand.dirichlet.f32', kl_dirichlet(kl_f32('[2,1]'), kl_f64('[1,1]')), ln(2.0) - 0.5, 1e-15);
SELECT expect('hand.units', kl_poisson(2, 1, 'BITS'), (2 * ln(2.0) - 1) / ln(2.0), 1e-15);
SELECT expect('hand.vector-sum', kl_exponential('[1,2]', '[2,2]'), 1 - ln(2.0), 1e-15);

-- NULL in, NULL out; bad input names the function, the argument and the index.
SELECT expect('null.p', kl_bernoulli(NULL, 0.5), NULL);
SELECT expect('null.unit', kl_gamma(1, 1, 1, 1, NULL), NULL);
SELECT expect('null.dirichlet', kl_dirichlet('[1,2]', NULL), NULL);
SELECT expect_error('err.bernoulli', 'SELECT kl_bernoulli(''[0.5,1.5]'', 0.5)',
  'kl_bernoulli: p1[1] must be in [0, 1] (got 1.5)');
SELECT expect_error('err.bernoulli-neg', 'SELECT kl_bernoulli(0.5, -0.1)',
  'kl_bernoulli: p2 must be in [0, 1] (got -0.1)');
SELECT expect_error('err.binomial-n', 'SELECT kl_binomial(2.5, 0.5, 0.5)',
  'kl_binomial: n must be a whole number >= 0 (got 2.5)');
SELECT expect_error('err.binomial-n-neg', 'SELECT kl_binomial(''[3,-1]'', 0.5, 0.5)',
  'kl_binomial: n[1] must be a whole number >= 0 (got -1)');
SELECT expect_error('err.geometric', 'SELECT kl_geometric(0, 0.5)',
  'kl_geometric: p1 must be in (0, 1] (got 0)');
SELECT expect_error('err.poisson', 'SELECT kl_poisson(1, -1)',
  'kl_poisson: rate2 must be >= 0 (got -1)');
SELECT expect_error('err.exponential', 'SELECT kl_exponential(0, 1)',
  'kl_exponential: rate1 must be > 0 (got 0)');
SELECT expect_error('err.gamma', 'SELECT kl_gamma(''[1,0]'', 1, 1, 1)',
  'kl_gamma: shape1[1] must be > 0 (got 0)');
SELECT expect_error('err.beta', 'SELECT kl_beta(1, 1, 1, ''[2,3,-4]'')',
  'kl_beta: b2[2] must be > 0 (got -4)');
SELECT expect_error('err.laplace', 'SELECT kl_laplace(0, 1, 0, 0)',
  'kl_laplace: scale2 must be > 0 (got 0)');
SELECT expect_error('err.cauchy', 'SELECT kl_cauchy(9e999, 1, 0, 1)',
  'kl_cauchy: loc1 must be finite (got Inf)');
SELECT expect_error('err.lognormal', 'SELECT kl_lognormal(0, -1, 0, 1)',
  'kl_lognormal: sigma1 must be > 0 (got -1)');
SELECT expect_error('err.gumbel', 'SELECT kl_gumbel(0, 1, ''[0,'', 1)',
  'kl_gumbel: loc2 is not valid JSON: expected a number at offset 3, found end of text');
SELECT expect_error('err.pareto', 'SELECT kl_pareto(1, 1, 1, X''0000C07F'')',
  'kl_pareto: alpha2[0] must be finite (got NaN)');
SELECT expect_error('err.halfnormal', 'SELECT kl_halfnormal(''[1,2]'', ''[1,2,3]'')',
  'kl_halfnormal: scale2 has 3 elements but scale1 has 2');
SELECT expect_error('err.uniform', 'SELECT kl_uniform(2, 1, 0, 3)',
  'kl_uniform: high1 must be > low1 (got 1 <= 2)');
SELECT expect_error('err.uniform-vec', 'SELECT kl_uniform(0, 1, ''[0,5]'', ''[2,5]'')',
  'kl_uniform: high2[1] must be > low2[1] (got 5 <= 5)');
SELECT expect_error('err.uniform-mixed', 'SELECT kl_uniform(''[0,3]'', 2, 0, 4)',
  'kl_uniform: high1 must be > low1[1] (got 2 <= 3)');
SELECT expect_error('err.dirichlet', 'SELECT kl_dirichlet(''[1,2,0]'', ''[1,1,1]'')',
  'kl_dirichlet: alpha1[2] must be > 0 (got 0)');
SELECT expect_error('err.dirichlet-dims', 'SELECT kl_dirichlet(''[1,2]'', ''[1,1,1]'')',
  'kl_dirichlet: alpha2 has 3 elements but alpha1 has 2');
SELECT expect_error('err.dirichlet-sum', 'SELECT kl_dirichlet(''[1e308,1e308]'', ''[1,1]'')',
  'kl_dirichlet: the sum of alpha1 exceeds the double range');
SELECT expect_error('err.dirichlet-unit', 'SELECT kl_dirichlet(''[1,2]'', ''[1,1]'', ''nat'')',
  'kl_dirichlet: unknown unit ''nat'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('err.unit', 'SELECT kl_poisson(1, 2, 3)',
  'kl_poisson: unknown unit ''3'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('err.empty', 'SELECT kl_beta(''[]'', 1, 1, 1)',
  'kl_beta: a1 is an empty vector');
-- Extremes whose intermediates overflow (hand derivations).
--   Laplace, means 2e308 apart with scale2 = 1: |m1-m2|/b2 dominates.
SELECT expect('extreme.laplace-gap', kl_laplace(1e308, 1e-10, -1e308, 1), 9e999);
--   ln(b2/b1) + |m1-m2|/b2 + ... = 46 + 2e290 - 1: 2e290 to double precision.
SELECT expect('extreme.laplace-far', kl_laplace(1e300, 1e-10, -1e300, 1e10), 2e290, 1e-15);
--   Gumbel, means 2e308 apart, scale2 1e300: d = 2e8, r = 1e-300:
--   e^-d - 1 + d + (-ln r + euler (r - 1)) = 2e8 - 1 + 690.7755278982137 - 0.5772156649015329.
SELECT expect('extreme.gumbel-gap', kl_gumbel(1e308, 1e-300 * 1e300, -1e308, 1e300),
              2e8 - 1 + 690.7755278982137 - 0.5772156649015329, 1e-15);
SELECT expect('extreme.gumbel-ratio', kl_gumbel(0, 1e300, 0, 1e-300), 9e999);
--   Uniform: Q's extra width beyond DBL_MAX, P's width 2: ln(width2/2).
SELECT expect('extreme.uniform-wide', kl_uniform(-1, 1, -1e308, 1e308), ln(1e308), 1e-15);
--   Dirichlet with the largest alpha1 twice; alpha2's sum beyond the range.
SELECT expect('dirichlet.tied-max', kl_dirichlet('[2,2,1]', '[1,1,1]'),
              kl_dirichlet('[2,1,2]', '[1,1,1]'), 1e-15);
SELECT expect_error('err.dirichlet-sum2', 'SELECT kl_dirichlet(''[1,1]'', ''[1e308,1e308]'')',
  'kl_dirichlet: the sum of alpha2 exceeds the double range');
