-- kl(p, q) between members of different continuous families (src/core/cross.c):
-- values against mpmath (tests/data/cross_ref.sql, written by
-- tests/gen_cross_ref.py), agreement with torch where torch is accurate, the
-- sign, and hand derivations.
.read tests/data/cross_ref.sql

SELECT expect('cross.ref.count', (SELECT count(*) FROM cross_ref), (SELECT n FROM cross_ref_count));
CREATE TEMP TABLE cross_res AS
  SELECT id, p, q, want, torch, torch_err, kl(p, q) AS got, kl(p, q, 'bits') AS got_bits
  FROM cross_ref;
-- Within 1e-13 of mpmath everywhere, +Inf exactly where the truth is (the
-- supports do not nest, or a Pareto's mean/variance the KL needs is infinite).
SELECT expect('cross.' || id, got, want, 1e-13) FROM cross_res
  WHERE id NOT LIKE '%.limit-%' ORDER BY id;
SELECT expect('cross.bits.' || id, got_bits, want / ln(2.0), 1e-13) FROM cross_res
  WHERE id NOT LIKE '%.limit-%' ORDER BY id;
-- (Beta || Gamma near the gamma of the Beta's own mean and variance with
-- a, b >= 1e5, once held to 1e-7, is now held to 1e-13 with the rest: ids
-- beta_gamma.moments.*, beta_gamma.near-moments.*; no id has '.limit-'.)
SELECT expect('cross.ref.no-limits', (SELECT count(*) FROM cross_ref WHERE id LIKE '%.limit-%'), 0);
SELECT expect('cross.sign.' || id, got >= 0, 1) FROM cross_res ORDER BY id;
-- torch agrees where it is accurate (its error at most 1e-12) ...
SELECT expect('cross.torch.' || id, got, torch, 1e-12) FROM cross_res
  WHERE torch_err <= 1e-12 ORDER BY id;
-- ... and where it is not, the id records by how much (mpmath is the truth;
-- 'torch-overflow' / 'torch-nan' in an id: torch's float64 intermediates
-- overflow where the KL is finite); we are within 1e-13 there too.
SELECT expect('cross.torch-off.' || id || '.torch-rel-err=' || printf('%.1e', torch_err),
              abs(got - want) <= 1e-13 * want OR got = want, 1)
  FROM cross_res WHERE (torch_err > 1e-12 OR torch IS NULL) AND id NOT LIKE '%.limit-%'
  ORDER BY id;

-- Hand derivations (natural log).  KL = E_P[ln p] - E_P[ln q].
--   Beta(1,1) is U(0,1): against U(0,1) 0, against U(-1,1) ln 2.
SELECT expect('cross.hand.beta-uniform.zero', kl('beta(1.0, 1.0)', 'uniform(0.0, 1.0)'), 0.0);
SELECT expect('cross.hand.beta-uniform', kl('beta(1.0, 1.0)', 'uniform(-1.0, 1.0)'), ln(2.0), 1e-15);
SELECT expect('cross.hand.beta-uniform.outside', kl('beta(1.0, 1.0)', 'uniform(0.0, 0.5)'), 9e999);
--   U(0,1) against Beta(1,1): 0; against Beta(2,1) (density 2x):
--   -E ln 2x = -ln 2 + 1.
SELECT expect('cross.hand.uniform-beta.zero', kl('uniform(0.0, 1.0)', 'beta(1.0, 1.0)'), 0.0);
SELECT expect('cross.hand.uniform-beta', kl('uniform(0.0, 1.0)', 'beta(2.0, 1.0)'), 1 - ln(2.0), 1e-15);
SELECT expect('cross.hand.uniform-beta.outside', kl('uniform(0.5, 1.5)', 'beta(2.0, 1.0)'), 9e999);
--   Beta(1,1) against Exp(1): -H = 0, -E ln e^-x = E x = 1/2.
SELECT expect('cross.hand.beta-exponential', kl('beta(1.0, 1.0)', 'exponential(1.0)'), 0.5, 1e-15);
SELECT expect('cross.hand.beta-gamma', kl('beta(1.0, 1.0)', 'gamma(1.0, 1.0)'), 0.5, 1e-15);
--   Exp(r) is Gamma(1, r): 0 both ways.
SELECT expect('cross.hand.exponential-gamma.zero', kl('exponential(3.5)', 'gamma(1.0, 3.5)'), 0.0);
SELECT expect('cross.hand.gamma-exponential.zero', kl('gamma(1.0, 3.5)', 'exponential(3.5)'), 0.0);
--   Exp(1) || Gamma(2,1): E ln p = -1, E ln q = E ln x - E x = -euler - 1:
--   euler.
SELECT expect('cross.hand.exponential-gamma', kl('exponential(1.0)', 'gamma(2.0, 1.0)'),
              0.5772156649015329, 1e-15);
--   Gamma(2,1) (density x e^-x) || Exp(1): E ln x - E x + E x = psi(2) = 1 - euler
--   ... minus E ln q = -E x: (1 - euler - 2) + 2 = 1 - euler.
SELECT expect('cross.hand.gamma-exponential', kl('gamma(2.0, 1.0)', 'exponential(1.0)'),
              1 - 0.5772156649015329, 1e-15);
--   Exp(1) || Gumbel(0,1): -1 + (E x + E e^-x) = -1 + 1 + 1/2.
SELECT expect('cross.hand.exponential-gumbel', kl('exponential(1.0)', 'gumbel(0.0, 1.0)'), 0.5, 1e-15);
--   Normal(0,1) || Gumbel(0,1): -ln(2 pi e)/2 + E[x + e^-x] = e^(1/2) - 1/2 - ln(2 pi)/2.
SELECT expect('cross.hand.normal-gumbel', kl('normal(0.0, 1.0)', 'gumbel(0.0, 1.0)'),
              exp(0.5) - 0.5 - ln(2 * pi()) / 2, 1e-15);
--   Normal(0,1) || Laplace(0, b), b = sqrt(2/pi) = E|x|: -ln(2 pi e)/2 + ln 2b + 1
--   = 1/2 + ln(2/pi).
SELECT expect('cross.hand.normal-laplace', kl('normal(0.0, 1.0)', 'laplace(0.0, 0.7978845608028654)'),
              0.5 + ln(2 / pi()), 1e-14);
--   Laplace(0,1) || Normal(0, sqrt2) (variance 2): -1 - ln 2 + ln(2 sqrt(pi)) + 1/2
--   = (ln pi - 1)/2.
SELECT expect('cross.hand.laplace-normal', kl('laplace(0.0, 1.0)', 'normal(0.0, 1.4142135623730951)'),
              (ln(pi()) - 1) / 2, 1e-14);
--   U(0,1) || Normal(1/2, 1/sqrt12): (1 + ln(pi/6))/2.
SELECT expect('cross.hand.uniform-normal', kl('uniform(0.0, 1.0)', 'normal(0.5, 0.28867513459481287)'),
              (1 + ln(pi() / 6)) / 2, 1e-14);
--   U(0,2) || Exp(1): -ln 2 + E x = 1 - ln 2; U(0,1) || Gamma(1,1): 1/2.
SELECT expect('cross.hand.uniform-exponential', kl('uniform(0.0, 2.0)', 'exponential(1.0)'), 1 - ln(2.0), 1e-15);
SELECT expect('cross.hand.uniform-exponential.outside', kl('uniform(-1.0, 2.0)', 'exponential(1.0)'), 9e999);
SELECT expect('cross.hand.uniform-gamma', kl('uniform(0.0, 1.0)', 'gamma(1.0, 1.0)'), 0.5, 1e-15);
--   U(1,2) || Pareto(1,1) (density x^-2): 2 E ln x = 2 (2 ln 2 - 1).
SELECT expect('cross.hand.uniform-pareto', kl('uniform(1.0, 2.0)', 'pareto(1.0, 1.0)'), 4 * ln(2.0) - 2, 1e-15);
SELECT expect('cross.hand.uniform-pareto.outside', kl('uniform(0.5, 2.0)', 'pareto(1.0, 1.0)'), 9e999);
--   Pareto(1,2) (density 2 x^-3, E x = 2, E ln x = 1/2) || Exp(1):
--   ln 2 - 3/2 + 2 = ln 2 + 1/2.  With alpha = 1 the mean is infinite: +Inf
--   (torch 1.13 gives a finite number).
SELECT expect('cross.hand.pareto-exponential', kl('pareto(1.0, 2.0)', 'exponential(1.0)'), ln(2.0) + 0.5, 1e-15);
SELECT expect('cross.hand.pareto-exponential.alpha1', kl('pareto(1.0, 1.0)', 'exponential(1.0)'), 9e999);
SELECT expect('cross.hand.pareto-gamma.alpha1', kl('pareto(1.0, 1.0)', 'gamma(2.0, 1.0)'), 9e999);
SELECT expect('cross.hand.pareto-normal.alpha2', kl('pareto(1.0, 2.0)', 'normal(0.0, 1.0)'), 9e999);
--   Gumbel(0,1) || Normal(euler, pi/sqrt6): ln(pi^3/3)/2 - euler - 1/2.
SELECT expect('cross.hand.gumbel-normal', kl('gumbel(0.0, 1.0)', 'normal(0.5772156649015329, 1.282549830161864)'),
              ln(pi() * pi() * pi() / 3) / 2 - 0.5772156649015329 - 0.5, 1e-14);
-- The pairs whose supports never nest are +Inf whatever the parameters.
SELECT expect('cross.hand.normal-uniform', kl('normal(0.0, 1e-300)', 'uniform(-1e308, 1e308)'), 9e999);
SELECT expect('cross.hand.beta-pareto', kl('beta(2.0, 3.0)', 'pareto(1e-300, 1.0)'), 9e999);
SELECT expect('cross.hand.pareto-uniform', kl('pareto(1.0, 2.0)', 'uniform(0.0, 1e308)'), 9e999);
