-- dist_entropy() of the continuous families and the Dirichlet (core/
-- entropy.c): values against mpmath (tests/data/ent_ref.sql, written by
-- tests/gen_ent_ref.py), agreement with torch 1.13 where torch is accurate,
-- signs, and hand derivations.
.read tests/data/ent_ref.sql

SELECT expect('ent.ref.count', (SELECT count(*) FROM ent_ent_ref), (SELECT n FROM ent_ent_ref_count));
SELECT expect('ent.mag.count', (SELECT count(*) FROM ent_ent_mag), (SELECT n FROM ent_ent_mag_count));
SELECT expect('ent.mag.ids', (SELECT count(*) FROM ent_ent_ref JOIN ent_ent_mag USING (id)),
              (SELECT n FROM ent_ent_ref_count));

CREATE TEMP TABLE ent_res AS
  SELECT r.id, r.p, r.want, r.torch, r.torch_err, m.mag,
         dist_entropy(r.p) AS got, dist_entropy(r.p, 'bits') AS got_bits,
         dist_entropy(r.p, 'bans') AS got_bans,
         -- the tolerance expect() takes: relative to |want|, so 1e-13 mag
         -- becomes 1e-13 mag / |want|; absolute where want is 0 (and then 0:
         -- exactly 0, beta(1, 1))
         -- (NULL for +-Inf: expect() then wants the same value)
         CASE WHEN abs(r.want) = 9e999 THEN NULL
              WHEN r.want = 0 THEN 1e-13 * m.mag
              ELSE 1e-13 * max(m.mag, abs(r.want)) / abs(r.want) END AS tol
  FROM ent_ent_ref r JOIN ent_ent_mag m USING (id);

-- Within 1e-13 of mag (|want|, or the larger term where the value crosses 0:
-- see core/entropy.c and the generator), +-Inf exactly where the truth is
-- beyond the range.
SELECT expect('ent.' || id, got, want, tol) FROM ent_res ORDER BY id;
SELECT expect('ent.bits.' || id, got_bits, want / ln(2.0), tol + 1e-15) FROM ent_res ORDER BY id;
SELECT expect('ent.bans.' || id, got_bans, want / ln(10.0), tol + 1e-15) FROM ent_res ORDER BY id;
SELECT expect('ent.not-null.' || id, got IS NOT NULL, 1) FROM ent_res ORDER BY id;

-- torch agrees where it is accurate (its error below 1e-12) ...
SELECT expect('ent.torch.' || id, got, torch, 1e-12) FROM ent_res
  WHERE torch_err <= 1e-12 ORDER BY id;
-- ... and where it is not, the id records by how much (mpmath is the truth;
-- the check above holds there too): near the zero of the location-scale
-- entropies (ln s + c rounds c), huge shapes (gamma, beta, dirichlet:
-- lgamma - (a-1) digamma cancels), and overflow (uniform(-1e308, 1e308),
-- pareto scale/alpha) where torch gives +-Inf or NaN.
SELECT expect('ent.torch-off.' || id || '.torch-rel-err=' || printf('%.1e', torch_err),
              abs(got - want) <= tol * abs(want) OR got = want
                OR (want = 0 AND abs(got) <= tol), 1)
  FROM ent_res WHERE torch_err > 1e-12 ORDER BY id;

-- Signs: a Beta is on [0, 1], so its entropy is <= 0 (= 0 only for the
-- uniform); a Dirichlet of k >= 3 components is <= -ln((k-1)!) <= -ln 2.
SELECT expect('ent.sign.' || id, got <= 0, 1) FROM ent_res WHERE p LIKE 'beta(%' ORDER BY id;
SELECT expect('ent.sign.' || id, got <= -ln(2.0), 1) FROM ent_res
  WHERE p LIKE 'dirichlet([%,%,%' ORDER BY id;

-- Hand derivations (natural log).
--   normal: H = ln(s sqrt(2 pi e)); s = 1: (1 + ln(2 pi))/2.
SELECT expect('ent.hand.normal', dist_entropy('normal(0, 1)'), 0.5 * (1 + ln(2 * pi())), 1e-15);
SELECT expect('ent.hand.normal.loc', dist_entropy('normal(1e300, 2)'),
              0.5 * (1 + ln(2 * pi())) + ln(2.0), 1e-15);
--   lognormal(mu, s) = normal(s) + mu (ln X = Y normal: H(X) = H(Y) + E[Y]).
SELECT expect('ent.hand.lognormal', dist_entropy('lognormal(3, 1)'),
              3 + 0.5 * (1 + ln(2 * pi())), 1e-15);
--   halfnormal: the normal folded in two, so H(normal) - ln 2.
SELECT expect('ent.hand.halfnormal', dist_entropy('halfnormal(1)'),
              0.5 * (1 + ln(2 * pi())) - ln(2.0), 1e-15);
--   exponential(rate): -E[ln(rate e^(-rate x))] = 1 - ln rate; rate 1: 1.
SELECT expect('ent.hand.exponential', dist_entropy('exponential(1)'), 1.0, 1e-15);
SELECT expect('ent.hand.exponential.e', dist_entropy('exponential(2)'), 1 - ln(2.0), 1e-15);
--   gamma(1, rate) is exponential(rate).
SELECT expect('ent.hand.gamma.is-exponential', dist_entropy('gamma(1, 2)'), 1 - ln(2.0), 1e-15);
--   gamma(2, 1): 2 + lnGamma(2) - digamma(2) = 2 + 0 - (1 - euler) = 1 + euler.
SELECT expect('ent.hand.gamma.2', dist_entropy('gamma(2, 1)'), 1.5772156649015329, 1e-15);
--   laplace(., b): E|x|/b + ln 2b = 1 + ln 2b.
SELECT expect('ent.hand.laplace', dist_entropy('laplace(0, 1)'), 1 + ln(2.0), 1e-15);
--   cauchy(., g): ln(4 pi g).
SELECT expect('ent.hand.cauchy', dist_entropy('cauchy(5, 1)'), ln(4 * pi()), 1e-15);
--   gumbel(., b): ln b + 1 + euler.
SELECT expect('ent.hand.gumbel', dist_entropy('gumbel(0, 1)'), 1.5772156649015329, 1e-15);
--   pareto(1, 1): density x^-2 on [1, inf): E[2 ln x] = 2 (ln x ~ exp(1)): 2.
SELECT expect('ent.hand.pareto', dist_entropy('pareto(1, 1)'), 2.0, 1e-15);
--   uniform: ln(width); width 1: 0 exactly; a width beyond DBL_MAX is finite.
SELECT expect('ent.hand.uniform', dist_entropy('uniform(-1, 3)'), ln(4.0), 1e-15);
SELECT expect('ent.hand.uniform.unit', dist_entropy('uniform(2, 3)'), 0.0);
SELECT expect('ent.hand.uniform.wide', dist_entropy('uniform(-1e308, 1e308)'),
              ln(2.0) + 308 * ln(10.0), 1e-15);
--   beta(1, 1) is uniform(0, 1): 0 exactly; beta(2, 1), density 2x:
--   -E[ln 2x] = -ln 2 - (digamma(2) - digamma(3)) = 1/2 - ln 2.
SELECT expect('ent.hand.beta.uniform', dist_entropy('beta(1, 1)'), 0.0);
SELECT expect('ent.hand.beta', dist_entropy('beta(2, 1)'), 0.5 - ln(2.0), 1e-15);
--   dirichlet(1, ..., 1) of k components: uniform on the simplex, whose
--   volume is 1/(k-1)!: -ln((k-1)!); k = 2 is beta(1, 1); k = 1 a point: 0.
SELECT expect('ent.hand.dirichlet.3', dist_entropy('dirichlet([1,1,1])'), -ln(2.0), 1e-15);
SELECT expect('ent.hand.dirichlet.4', dist_entropy('dirichlet([1,1,1,1])'), -ln(6.0), 1e-15);
SELECT expect('ent.hand.dirichlet.2', dist_entropy('dirichlet([2,1])'), 0.5 - ln(2.0), 1e-15);
SELECT expect('ent.hand.dirichlet.1', dist_entropy('dirichlet([2.5])'), 0.0);
--   units: bits and bans divide by ln 2 and ln 10.
SELECT expect('ent.hand.bits', dist_entropy('uniform(0, 8)', 'bits'), 3.0, 1e-15);
SELECT expect('ent.hand.bans', dist_entropy('uniform(0, 100)', 'bans'), 2.0, 1e-15);
