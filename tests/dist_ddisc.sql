-- The discrete cross pairs (Bernoulli||Poisson, Poisson||Bernoulli,
-- Poisson||Binomial, Binomial||Binomial with different n) and the discrete
-- entropies (Bernoulli, Binomial, Geometric, Poisson) of
-- src/core/dist_discrete.c, through kl() and dist_entropy(): values against
-- mpmath (tests/data/ddisc_ref.sql, written by tests/gen_ddisc_ref.py),
-- agreement with torch 1.13 where torch is accurate, hand derivations.
.read tests/data/ddisc_ref.sql

SELECT expect('ddisc.ref.count', (SELECT count(*) FROM ddisc_ref), (SELECT n FROM ddisc_ref_count));
SELECT expect('ddisc.ent.count', (SELECT count(*) FROM ddisc_ent_ref), (SELECT n FROM ddisc_ent_ref_count));

CREATE TEMP TABLE ddisc_res AS SELECT id, p, q, want, torch, torch_err,
  kl(p, q) AS got, kl(p, q, 'bits') AS got_bits FROM ddisc_ref;
CREATE TEMP TABLE ddisc_ent_res AS SELECT id, p, want, torch, torch_err,
  dist_entropy(p) AS got, dist_entropy(p, 'bits') AS got_bits FROM ddisc_ent_ref;

-- Within 1e-13 of mpmath everywhere, +Inf exactly where the truth is.
SELECT expect('ddisc.' || id, got, want, 1e-13) FROM ddisc_res ORDER BY id;
SELECT expect('ddisc.bits.' || id, got_bits, want / ln(2.0), 1e-13) FROM ddisc_res ORDER BY id;
SELECT expect('ddisc.sign.' || id, got >= 0, 1) FROM ddisc_res ORDER BY id;
SELECT expect('ddisc.ent.' || id, got, want, 1e-13) FROM ddisc_ent_res ORDER BY id;
SELECT expect('ddisc.ent.bits.' || id, got_bits, want / ln(2.0), 1e-13) FROM ddisc_ent_res ORDER BY id;
SELECT expect('ddisc.ent.sign.' || id, got >= 0, 1) FROM ddisc_ent_res ORDER BY id;

-- torch agrees where it is accurate (its error below 1e-12) ...
SELECT expect('ddisc.torch.' || id, got, torch, 1e-12) FROM ddisc_res
  WHERE torch_err <= 1e-12 ORDER BY id;
SELECT expect('ddisc.ent.torch.' || id, got, torch, 1e-12) FROM ddisc_ent_res
  WHERE torch_err <= 1e-12 ORDER BY id;
-- ... and where it is not, the id records by how much (mpmath is the truth;
-- e.g. torch's +Inf for Poisson(0) || Bernoulli and Binomial(n1 > n2, p1 = 0),
-- its Bernoulli||Poisson near p = rate -> 0); we are within 1e-13 there too.
SELECT expect('ddisc.torch-off.' || id || '.torch-rel-err=' || printf('%.1e', torch_err),
              abs(got - want) <= 1e-13 * want OR got = want, 1)
  FROM ddisc_res WHERE torch_err > 1e-12 ORDER BY id;
SELECT expect('ddisc.ent.torch-off.' || id || '.torch-rel-err=' || printf('%.1e', torch_err),
              abs(got - want) <= 1e-13 * want OR got = want, 1)
  FROM ddisc_ent_res WHERE torch_err > 1e-12 ORDER BY id;

-- Binomial with equal n is the family's own KL.
SELECT expect('ddisc.same-n', kl('binomial(10.0, 0.3)', 'binomial(10.0, 0.5)'),
              kl_binomial(10, 0.3, 0.5), 1e-13);
SELECT expect('ddisc.same-n.huge', kl('binomial(1e15, 0.5)', 'binomial(1e15, 0.5000001)'),
              kl_binomial(1e15, 0.5, 0.5000001), 1e-13);

-- Hand derivations (natural log).
--   Bin(1, 1/2) || Bin(2, 1/2): P = (1/2, 1/2), Q = (1/4, 1/2, 1/4):
--   1/2 ln 2 + 1/2 ln 1.
SELECT expect('ddisc.hand.bin-1-2', kl('binomial(1.0, 0.5)', 'binomial(2.0, 0.5)'),
              0.5 * ln(2.0), 1e-15);
--   Bin(2, 1) is the point mass at 2; Bin(3, 1/2)(2) = 3/8.
SELECT expect('ddisc.hand.bin-point', kl('binomial(2.0, 1.0)', 'binomial(3.0, 0.5)'),
              ln(8.0 / 3.0), 1e-15);
--   Bin(0, p) and Bin(n, 0) are the point mass at 0: -ln Q(0) = -n2 ln q2,
--   also when n1 > n2 (torch: +Inf).
SELECT expect('ddisc.hand.bin-n0', kl('binomial(0.0, 0.7)', 'binomial(3.0, 0.5)'),
              3 * ln(2.0), 1e-15);
SELECT expect('ddisc.hand.bin-p0-bigger-n', kl('binomial(5.0, 0.0)', 'binomial(3.0, 0.5)'),
              3 * ln(2.0), 1e-15);
SELECT expect('ddisc.hand.bin-bigger-n', kl('binomial(5.0, 0.3)', 'binomial(3.0, 0.3)'), 9e999);
SELECT expect('ddisc.hand.bin-q-p0', kl('binomial(5.0, 0.3)', 'binomial(6.0, 0.0)'), 9e999);
SELECT expect('ddisc.hand.bin-q-p1', kl('binomial(5.0, 0.3)', 'binomial(6.0, 1.0)'), 9e999);
SELECT expect('ddisc.hand.bin-q-p1-point', kl('binomial(6.0, 1.0)', 'binomial(6.0, 1.0)'), 0.0);
--   Bernoulli(p) || Poisson(l) = l - p ln l - H(p): at p = 0, l; at p = 1,
--   l - ln l; at l = 0 finite only for p = 0.
SELECT expect('ddisc.hand.bp-0', kl('bernoulli(0.0)', 'poisson(2.5)'), 2.5, 1e-15);
SELECT expect('ddisc.hand.bp-1', kl('bernoulli(1.0)', 'poisson(2.0)'), 2 - ln(2.0), 1e-15);
SELECT expect('ddisc.hand.bp-half', kl('bernoulli(0.5)', 'poisson(1.0)'), 1 - ln(2.0), 1e-15);
SELECT expect('ddisc.hand.bp-rate0', kl('bernoulli(0.5)', 'poisson(0.0)'), 9e999);
SELECT expect('ddisc.hand.bp-rate0-p0', kl('bernoulli(0.0)', 'poisson(0.0)'), 0.0);
--   Poisson(0) is the point mass at 0 (torch: +Inf).
SELECT expect('ddisc.hand.pb', kl('poisson(0.0)', 'bernoulli(0.5)'), ln(2.0), 1e-15);
SELECT expect('ddisc.hand.pb-1', kl('poisson(0.0)', 'bernoulli(1.0)'), 9e999);
SELECT expect('ddisc.hand.pb-rate', kl('poisson(0.5)', 'bernoulli(0.5)'), 9e999);
SELECT expect('ddisc.hand.pbin', kl('poisson(0.0)', 'binomial(3.0, 0.5)'), 3 * ln(2.0), 1e-15);
SELECT expect('ddisc.hand.pbin-rate', kl('poisson(1e-300)', 'binomial(3.0, 0.5)'), 9e999);
--   Entropies: Bernoulli(1/2) ln 2; Geometric(1/2): P(k) = 2^-(k+1),
--   sum (k+1) ln 2 2^-(k+1) = 2 ln 2; Binomial(2, 1/2): (1/4, 1/2, 1/4),
--   3/2 ln 2; the point masses 0.
SELECT expect('ddisc.hand.h-bern', dist_entropy('bernoulli(0.5)'), ln(2.0), 1e-15);
SELECT expect('ddisc.hand.h-geom', dist_entropy('geometric(0.5)'), 2 * ln(2.0), 1e-15);
SELECT expect('ddisc.hand.h-bin', dist_entropy('binomial(2.0, 0.5)'), 1.5 * ln(2.0), 1e-15);
SELECT expect('ddisc.hand.h-bin-bits', dist_entropy('binomial(2.0, 0.5)', 'bits'), 1.5, 1e-15);
SELECT expect('ddisc.hand.h-point-bin', dist_entropy('binomial(7.0, 1.0)'), 0.0);
SELECT expect('ddisc.hand.h-point-geom', dist_entropy('geometric(1.0)'), 0.0);
SELECT expect('ddisc.hand.h-point-pois', dist_entropy('poisson(0.0)'), 0.0);
--   Poisson(l) for l -> 0: l (1 - ln l) + O(l^2).
SELECT expect('ddisc.hand.h-pois-tiny', dist_entropy('poisson(1e-300)'),
              1e-300 * (1 + 300 * ln(10.0)), 1e-14);
