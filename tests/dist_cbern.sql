-- The continuous Bernoulli family (core/cbern.c) through kl() and
-- dist_entropy(): its own KL, its entropy and its cross pairs against
-- mpmath (tests/data/cbern_ref.sql, written by tests/gen_cbern_ref.py),
-- agreement with torch 1.13 where torch is accurate, hand derivations,
-- the support edges and bad input.
.read tests/data/cbern_ref.sql

SELECT expect('cbern.ref.count', (SELECT count(*) FROM cbern_ref), (SELECT n FROM cbern_ref_count));
SELECT expect('cbern.ent-ref.count', (SELECT count(*) FROM cbern_ent_ref),
              (SELECT n FROM cbern_ent_ref_count));

CREATE TEMP TABLE cbern_res AS
  SELECT id, want, torch, torch_err, kl(p, q) AS got, kl(p, q, 'bits') AS got_bits FROM cbern_ref;
CREATE TEMP TABLE cbern_ent_res AS
  SELECT id, want, torch, torch_err, dist_entropy(p) AS got, dist_entropy(p, 'bans') AS got_bans
  FROM cbern_ent_ref;

-- Within 1e-13 of mpmath everywhere, +Inf exactly where the truth is,
-- including CB(lambda) || Exponential(r) with lambda from 5e-324 to 1e-20
-- and r the double nearest 1/mean (the 'tiny.near' and 'fit' cases: the
-- KL is then (r m - 1)^2/2 ~ 1e-33, with r m - 1 ~ 1e-17 formed from exact
-- parts in core/cbern.c's tiny-lambda road).
SELECT expect('cbern.' || id, got, want, 1e-13) FROM cbern_res ORDER BY id;
SELECT expect('cbern.bits.' || id, got_bits, want / ln(2.0), 1e-13) FROM cbern_res ORDER BY id;
SELECT expect('cbern.sign.' || id, got >= 0, 1) FROM cbern_res ORDER BY id;
SELECT expect('cbern.' || id, got, want, 1e-13) FROM cbern_ent_res ORDER BY id;
SELECT expect('cbern.bans.' || id, got_bans, want / ln(10.0), 1e-13) FROM cbern_ent_res ORDER BY id;
-- a CB's entropy is <= 0 (it is -KL(CB || U(0, 1)))
SELECT expect('cbern.sign.' || id, got <= 0, 1) FROM cbern_ent_res ORDER BY id;

-- torch agrees where it is accurate (its error below 1e-12) ...
SELECT expect('cbern.torch.' || id, got, torch, 1e-12) FROM cbern_res
  WHERE torch_err <= 1e-12 ORDER BY id;
SELECT expect('cbern.torch.' || id, got, torch, 1e-12) FROM cbern_ent_res
  WHERE torch_err <= 1e-12 ORDER BY id;
-- ... and where it is not, the id records by how much (mpmath is the
-- truth; torch's Taylor polynomial near lambda = 1/2 and its cancelling
-- closed forms lose digits, and it returns +Inf for CB || U(0, b) and
-- U(0, b) || CB, U(a, 1) || CB, whose supports nest).  We are within 1e-13
-- there too.
SELECT expect('cbern.torch-off.' || id || '.torch-rel-err=' || printf('%.1e', torch_err),
              abs(got - want) <= 1e-13 * abs(want) OR got = want, 1)
  FROM cbern_res WHERE torch_err > 1e-12 ORDER BY id;
SELECT expect('cbern.torch-off.' || id || '.torch-rel-err=' || printf('%.1e', torch_err),
              abs(got - want) <= 1e-13 * abs(want) OR got = want, 1)
  FROM cbern_ent_res WHERE torch_err > 1e-12 ORDER BY id;

-- Hand derivations (natural log).  CB(lambda) has the density
-- C lambda^x (1-lambda)^(1-x) = exp(eta x - A(eta)) on [0, 1],
-- eta = logit(lambda), A(eta) = ln((e^eta - 1)/eta), A(0) = 0: CB(1/2) is
-- U(0, 1), with mean 1/2 and variance 1/12.
SELECT expect('cbern.hand.same', kl('continuous_bernoulli(0.3)', 'continuous_bernoulli(0.3)'), 0.0);
SELECT expect('cbern.hand.same-tiny', kl('continuous_bernoulli(1e-300)', 'continuous_bernoulli(1e-300)'), 0.0);
SELECT expect('cbern.hand.entropy-half', dist_entropy('continuous_bernoulli(0.5)'), 0.0);
SELECT expect('cbern.hand.cb-uniform01', kl('continuous_bernoulli(0.5)', 'uniform(0, 1)'), 0.0);
SELECT expect('cbern.hand.uniform01-cb', kl('uniform(0, 1)', 'continuous_bernoulli(0.5)'), 0.0);
SELECT expect('cbern.hand.beta11-cb', kl('beta(1, 1)', 'continuous_bernoulli(0.5)'), 0.0);
-- KL(CB(1/2) || U(-1, 1)) = ln 2 (0 - ln(1/2)); KL(U(0, 1/2) || CB(1/2)) = -ln(1/2)
SELECT expect('cbern.hand.cb-uniform', kl('continuous_bernoulli(0.5)', 'uniform(-1, 1)'), ln(2.0), 1e-15);
SELECT expect('cbern.hand.uniform-cb', kl('uniform(0, 0.5)', 'continuous_bernoulli(0.5)'), ln(2.0), 1e-15);
-- KL(U(0,1) || Exp(r)) = -ln r + r/2: r = 1 gives 1/2, r = 2 gives 1 - ln 2
SELECT expect('cbern.hand.cb-exp1', kl('continuous_bernoulli(0.5)', 'exponential(1)'), 0.5, 1e-15);
SELECT expect('cbern.hand.cb-exp2', kl('continuous_bernoulli(0.5)', 'exponential(2)'), 1 - ln(2.0), 1e-15);
-- KL(U(0,1) || N(1/2, s^2 = 1/12)) = ln s + ln(2 pi)/2 + (1/12)/(2 s^2) = ln(pi e/6)/2
SELECT expect('cbern.hand.cb-normal', kl('continuous_bernoulli(0.5)', 'normal(0.5, 0.28867513459481287)'),
              0.5 * ln(pi() * exp(1.0) / 6), 1e-14);
-- Beta(2, 1) has density 2x: -H = E ln(2x) = ln 2 + psi(2) - psi(3) = ln 2 - 1/2
SELECT expect('cbern.hand.beta21-cb', kl('beta(2, 1)', 'continuous_bernoulli(0.5)'), ln(2.0) - 0.5, 1e-15);
-- lambda = e/(1+e), eta = 1: A = ln(e - 1), mean = 1/(e - 1),
-- H = A - eta mean = ln(e - 1) - 1/(e - 1) (lambda's rounding moves H by 6e-16)
SELECT expect('cbern.hand.entropy-eta1', dist_entropy('continuous_bernoulli(0.7310585786300049)'),
              ln(exp(1.0) - 1) - 1 / (exp(1.0) - 1), 1e-14);
-- CB(lambda) and CB(1 - lambda) are mirror images (x -> 1 - x)
SELECT expect('cbern.hand.mirror',
              kl('continuous_bernoulli(0.25)', 'continuous_bernoulli(0.625)'),
              kl('continuous_bernoulli(0.75)', 'continuous_bernoulli(0.375)'), 1e-15);
SELECT expect('cbern.hand.mirror-entropy', dist_entropy('continuous_bernoulli(0.25)'),
              dist_entropy('continuous_bernoulli(0.75)'), 1e-15);
-- cross entropy = entropy + KL
SELECT expect('cbern.hand.cross-entropy',
              dist_cross_entropy('continuous_bernoulli(0.2)', 'exponential(3)'),
              dist_entropy('continuous_bernoulli(0.2)') + kl('continuous_bernoulli(0.2)', 'exponential(3)'), 1e-15);

-- The support edges: KL(CB || U(a, b)) is finite exactly when [0, 1] is in
-- [a, b], KL(U(a, b) || CB) exactly when [a, b] is in [0, 1].
SELECT expect('cbern.edge.cb-u.low0', kl('continuous_bernoulli(0.3)', 'uniform(0, 2)') < 9e999, 1);
SELECT expect('cbern.edge.cb-u.high1', kl('continuous_bernoulli(0.3)', 'uniform(-2, 1)') < 9e999, 1);
SELECT expect('cbern.edge.cb-u.low-tiny', kl('continuous_bernoulli(0.3)', 'uniform(5e-324, 2)'), 9e999);
SELECT expect('cbern.edge.cb-u.high-below1', kl('continuous_bernoulli(0.3)', 'uniform(-2, 0.9999999999999999)'), 9e999);
SELECT expect('cbern.edge.u-cb.whole', kl('uniform(0, 1)', 'continuous_bernoulli(0.3)') < 9e999, 1);
SELECT expect('cbern.edge.u-cb.below0', kl('uniform(-5e-324, 1)', 'continuous_bernoulli(0.3)'), 9e999);
SELECT expect('cbern.edge.u-cb.above1', kl('uniform(0, 1.0000000000000002)', 'continuous_bernoulli(0.3)'), 9e999);
SELECT expect('cbern.edge.u-cb.outside', kl('uniform(2, 3)', 'continuous_bernoulli(0.3)'), 9e999);
-- the pairs whose supports never nest
SELECT expect('cbern.edge.cb-pareto', kl('continuous_bernoulli(0.3)', 'pareto(5e-324, 1)'), 9e999);
SELECT expect('cbern.edge.exp-cb', kl('exponential(1e300)', 'continuous_bernoulli(0.3)'), 9e999);
SELECT expect('cbern.edge.gamma-cb', kl('gamma(1e300, 1e300)', 'continuous_bernoulli(0.3)'), 9e999);
SELECT expect('cbern.edge.normal-cb', kl('normal(0.5, 1e-300)', 'continuous_bernoulli(0.3)'), 9e999);
SELECT expect('cbern.edge.pareto-cb', kl('pareto(1e-300, 1e300)', 'continuous_bernoulli(0.3)'), 9e999);
SELECT expect('cbern.edge.gumbel-cb', kl('gumbel(0.5, 1e-300)', 'continuous_bernoulli(0.3)'), 9e999);
SELECT expect('cbern.edge.laplace-cb', kl('laplace(0.5, 1e-300)', 'continuous_bernoulli(0.3)'), 9e999);

-- Bad input: lambda must be in (0, 1).
SELECT expect_error('cbern.bad.zero', 'SELECT kl(''continuous_bernoulli(0)'', ''uniform(0, 1)'')',
                    'kl: p: continuous_bernoulli: p must be in (0, 1) (got 0)');
SELECT expect_error('cbern.bad.one', 'SELECT dist_entropy(''continuous_bernoulli(1)'')',
                    'dist_entropy: p: continuous_bernoulli: p must be in (0, 1) (got 1)');
