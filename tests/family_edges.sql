-- The family functions at the edges of the double range: huge and tiny
-- parameters, subnormals, widths and differences beyond DBL_MAX, nearly
-- equal and identical arguments.  Values against mpmath
-- (tests/data/family_edges_ref.sql, written by tests/gen_family_edges.py);
-- the random stress behind these cases is tests/stress_families.py.
.read tests/data/family_edges_ref.sql

SELECT expect('ref.count', (SELECT count(*) FROM edge_ref), (SELECT n FROM edge_ref_count));
CREATE TEMP TABLE calls AS SELECT fn, id, a1, a2, a3, a4, 'nats' AS unit FROM edge_ref;
.read tests/include/dispatch.sql
CREATE TEMP TABLE edge_res AS SELECT r.fn, r.id, r.want, d.got
  FROM edge_ref r JOIN dispatched d ON d.fn = r.fn AND d.id = r.id AND d.unit = 'nats';
-- Within 1e-13 of mpmath, +Inf exactly where the truth exceeds DBL_MAX,
-- exactly 0 for identical distributions; never NULL, negative or -Inf.
SELECT expect(fn || '.' || id, got, want, 1e-13) FROM edge_res WHERE want <> 0 ORDER BY fn, id;
SELECT expect(fn || '.' || id, got, 0.0) FROM edge_res WHERE want = 0 ORDER BY fn, id;
SELECT expect('sign.' || fn || '.' || id, got >= 0, 1) FROM edge_res ORDER BY fn, id;

-- gauss_mean, gauss_sd over rows near DBL_MAX: the exact sum overflows,
-- the mean does not.  Hand values: 1e308 + 1e308 over 2 is 1e308;
-- (1e308 + 1e308 - 1e308)/3 is 1e308/3 rounded (Python:
-- float(Fraction(1e308)/3) = 3.333333333333333e+307); the standard
-- deviation of +-1e308 (ddof 1) is sqrt(2) 1e308 = 1.4142135623730951e+308
-- (mpmath); of +-DBL_MAX with ddof 0 it is DBL_MAX.
CREATE TEMP TABLE huge_rows(k, x, v);
INSERT INTO huge_rows VALUES (1, 1e308, '[1e308,-1.7976931348623157e308,1]'),
  (2, 1e308, '[1e308,-1.7976931348623157e308,2]'),
  (3, -1e308, '[-1e308,-1.7976931348623157e308,4]');
SELECT expect('mean.two-1e308', (SELECT gauss_mean(x) FROM huge_rows WHERE k <= 2), 1e308);
SELECT expect('mean.vector', (SELECT gauss_mean(v) FROM huge_rows),
  '[3.333333333333333e+307,-1.7976931348623157e+308,2.3333333333333335]');
SELECT expect('mean.window', (SELECT group_concat(m, ' ') FROM (SELECT gauss_mean(x)
  OVER (ORDER BY k ROWS 1 PRECEDING) AS m FROM huge_rows)), '1.0e+308 1.0e+308 0.0');
SELECT expect('sd.pm-1e308', (SELECT gauss_sd(x) FROM (SELECT 1e308 AS x UNION ALL SELECT -1e308)),
  1.4142135623730951e+308, 1e-15);
SELECT expect('sd.pm-max-ddof0', (SELECT gauss_sd(x, 0) FROM (SELECT (2 - power(2, -52)) * power(2, 1023) AS x
  UNION ALL SELECT -(2 - power(2, -52)) * power(2, 1023))), (2 - power(2, -52)) * power(2, 1023));
SELECT expect('sd.same-1e308', (SELECT gauss_sd(x) FROM huge_rows WHERE k <= 2), 0.0);
SELECT expect_error('sd.pm-max-ddof1', 'SELECT gauss_sd(x) FROM (SELECT (2 - power(2, -52)) * power(2, 1023) AS x
  UNION ALL SELECT -(2 - power(2, -52)) * power(2, 1023))', 'gauss_sd: result is beyond the double range');

-- kl_beta and kl_dirichlet at extremes their arrangement does not yet
-- handle (an intermediate NaN; the true values are 98.94152044727099 and
-- 1.0407273024534914e+302 by mpmath) are a clear error, never the 0 that
-- fmax(NaN, 0) made of them.
-- (a NaN here once; since the discrete terms handle these scales, a value:
-- mpmath at 200, 400 and 800 digits gives 98.94152044727098632)
SELECT expect('beta.was-nan', kl_beta('5.48870255333022e+101',
  '1.2110625028041083e-271', '1.10740269353e-313', '4.99188025e-315'),
  98.94152044727098632, 1e-13);
SELECT expect_error('dirichlet.nan-is-error', 'SELECT kl_dirichlet(''[2.9867385847628345e-109,
  2.987155438551078e-140]'', ''[3.1079466198760148e+224, 1.1640258563301242e+58]'')',
  'kl_dirichlet: not computable at these parameters (an intermediate is beyond the double range)');

-- kl_beta, kl_dirichlet with a different component dominating each total
-- (a1 >> b1, b2 >> a2): the dominant component's ratio a2/a1 = 1.9e-322 is
-- subnormal, and its logarithm was taken from its few bits (555.05252,
-- off by 1.1e-5 relative; stress seed 12).  mpmath at 200, 400 and 800
-- digits: 555.04623811278970816 (tests/refmath.py beta_kl).
SELECT expect('beta.subnormal-ratio', kl_beta('6.04257672008265e+104',
  '2.884091163013477e+49', '1.1488118409472435e-217', '2.6426069741131234e-26'),
  555.04623811278970816, 1e-13);
SELECT expect('dirichlet.subnormal-ratio', kl_dirichlet('[6.04257672008265e+104,
  2.884091163013477e+49]', '[1.1488118409472435e-217, 2.6426069741131234e-26]'),
  555.04623811278970816, 1e-13);

-- kl_beta with a1 = 2.3e-254 dominating A1 by 1e13: mu'(a1) - mu'(A1) =
-- b1/(2 a1 A1) + ... had a1 A1 underflow to 0 (-Inf, so the dominant
-- component's closed form was never chosen and the B part cancelled at
-- a2/a1 = 1.7e297: 2.56422e+284, off by 1.2e-4; stress seed 14).  mpmath
-- at 200, 400 and 800 digits: 2.563911782171013443969913e+284.
SELECT expect('beta.underflowing-product', kl_beta('2.34152520562809e-254',
  '3.4910595640173925e-267', '4.026646399676252e+43', '1.5838532868947513e-184'),
  2.563911782171013443969913e+284, 1e-13);

-- kl_beta with b1 = b2 = 0.077 against a1, a2 = 2.6e300 (5.6e-14 apart):
-- the categorical KL's term for b, 4e-329 for the probabilities, underflowed
-- to 0 before A2 multiplied it (0; stress seed 14).  mpmath at 400, 800
-- and 1600 digits: 1.18706362720214789552034e-30.
SELECT expect('beta.underflowing-term', kl_beta('2.5681352146084737e+300',
  '0.07683613058167935', '2.568135214608488e+300', '0.07683613058167935'),
  1.18706362720214789552034e-30, 1e-13);

-- kl_beta, kl_dirichlet with a1 = a2 = 3.4e-118 and b1, b2 = 0.036 apart by
-- 5e-13 relative: the lnGamma(1+x) part's dominant-component shift,
-- o (dpsi - d psi'), cancelled its first-order parts to 1e-14 of them
-- (G 1.364e-145 for 1.380e-145: 2.6146476e-141, off by 6e-7); it is now
-- the Bregman divergence of psi term by term at every b, not only >= 9.
-- mpmath at 400, 800 and 1600 digits: 2.61464920679346968006926e-141.
SELECT expect('beta.tiny-equal-a-shift', kl_beta('3.38201620293975e-118',
  '0.03642861246133345', '3.38201620293975e-118', '0.03642861246135278'),
  2.61464920679346968006926e-141, 1e-13);
SELECT expect('beta.tiny-equal-b-shift', kl_beta('0.03642861246133345',
  '3.38201620293975e-118', '0.03642861246135278', '3.38201620293975e-118'),
  2.61464920679346968006926e-141, 1e-13);
SELECT expect('dirichlet.tiny-equal-shift', kl_dirichlet('[3.38201620293975e-118,
  0.03642861246133345]', '[3.38201620293975e-118, 0.03642861246135278]'),
  2.61464920679346968006926e-141, 1e-13);
-- Poisson(1) against Poisson(0): P has mass where Q has none (by definition).
SELECT expect('poisson.to-zero-rate', kl_poisson(1, 0), 9e999);
