-- Distributions as values (sql/dist_sql.c): the text form, dist(), the
-- constructors, and kl() / dist_entropy() / dist_cross_entropy() on one
-- family.  The cross-family terms and the entropies have their own
-- scripts against mpmath (tests/dist_cross.sql, dist_cbern.sql,
-- dist_ddisc.sql, dist_ent.sql).

-- 1. kl() of one family is the family's own function on the same numbers:
--    the same bits, on every case of the families' mpmath reference
--    (tests/data/families_ref.sql), and so within 1e-13 of mpmath.
.read tests/data/families_ref.sql
CREATE TEMP TABLE calls AS SELECT fn, id, a1, a2, a3, a4, u.unit FROM fam_ref,
  (SELECT 'nats' AS unit UNION ALL SELECT 'bits') u;
.read tests/include/dispatch.sql
CREATE TEMP TABLE dv AS SELECT fn, id, want, CASE fn
    WHEN 'kl_bernoulli' THEN dist_bernoulli(a1)
    WHEN 'kl_binomial' THEN dist_binomial(a1, a2)
    WHEN 'kl_geometric' THEN dist_geometric(a1)
    WHEN 'kl_poisson' THEN dist_poisson(a1)
    WHEN 'kl_exponential' THEN dist_exponential(a1)
    WHEN 'kl_gamma' THEN dist_gamma(a1, a2)
    WHEN 'kl_beta' THEN dist_beta(a1, a2)
    WHEN 'kl_laplace' THEN dist_laplace(a1, a2)
    WHEN 'kl_cauchy' THEN dist_cauchy(a1, a2)
    WHEN 'kl_lognormal' THEN dist_lognormal(a1, a2)
    WHEN 'kl_gumbel' THEN dist_gumbel(a1, a2)
    WHEN 'kl_pareto' THEN dist_pareto(a1, a2)
    WHEN 'kl_halfnormal' THEN dist_halfnormal(a1)
    WHEN 'kl_uniform' THEN dist_uniform(a1, a2)
    WHEN 'kl_dirichlet' THEN dist_dirichlet(a1) END AS p, CASE fn
    WHEN 'kl_bernoulli' THEN dist_bernoulli(a2)
    WHEN 'kl_binomial' THEN dist_binomial(a1, a3)
    WHEN 'kl_geometric' THEN dist_geometric(a2)
    WHEN 'kl_poisson' THEN dist_poisson(a2)
    WHEN 'kl_exponential' THEN dist_exponential(a2)
    WHEN 'kl_gamma' THEN dist_gamma(a3, a4)
    WHEN 'kl_beta' THEN dist_beta(a3, a4)
    WHEN 'kl_laplace' THEN dist_laplace(a3, a4)
    WHEN 'kl_cauchy' THEN dist_cauchy(a3, a4)
    WHEN 'kl_lognormal' THEN dist_lognormal(a3, a4)
    WHEN 'kl_gumbel' THEN dist_gumbel(a3, a4)
    WHEN 'kl_pareto' THEN dist_pareto(a3, a4)
    WHEN 'kl_halfnormal' THEN dist_halfnormal(a2)
    WHEN 'kl_uniform' THEN dist_uniform(a3, a4)
    WHEN 'kl_dirichlet' THEN dist_dirichlet(a2) END AS q
  FROM fam_ref;
SELECT expect('same.count', (SELECT count(*) FROM dv WHERE p IS NOT NULL AND q IS NOT NULL),
              (SELECT n FROM fam_ref_count));
SELECT expect('same-bits.' || d.fn || '.' || d.id, kl(d.p, d.q), x.got)
  FROM dv d JOIN dispatched x ON x.fn = d.fn AND x.id = d.id AND x.unit = 'nats' ORDER BY d.fn, d.id;
SELECT expect('same-bits.bits.' || d.fn || '.' || d.id, kl(d.p, d.q, 'bits'), x.got)
  FROM dv d JOIN dispatched x ON x.fn = d.fn AND x.id = d.id AND x.unit = 'bits' ORDER BY d.fn, d.id;
SELECT expect('same.mpmath.' || fn || '.' || id, kl(p, q), want, 1e-13) FROM dv ORDER BY fn, id;
--    The families kl_<family> is not a KL_FAMILY of: normal, mvn, categorical.
SELECT expect('same-bits.normal', kl('normal(2, 1)', 'normal(3, 1.5)'), kl_gauss(2, 1, 3, 1.5));
SELECT expect('same-bits.diag_normal', kl('diag_normal([2,4,6], [1,2,3])', 'diag_normal([3,5,8], [1.5,2.5,4])'),
              kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'));
SELECT expect('article', kl('diag_normal([2,4,6], [1,2,3])', 'diag_normal([3,5,8], [1.5,2.5,4])'),
              0.666985176318599, 1e-14);
SELECT expect('same-bits.vae-prior', kl('diag_normal([0.5,-1,2], [0.8,1.2,0.1])', 'normal(0, 1)'),
              kl_gauss('[0.5,-1,2]', '[0.8,1.2,0.1]', 0, 1));
SELECT expect('same-bits.mvn', kl('mvn([1,2], [[2,0.5],[0.5,1]])', 'mvn(0, [[1,0],[0,1]])'),
              kl_mvn('[1,2]', '[[2,0.5],[0.5,1]]', 0, '[[1,0],[0,1]]'));
SELECT expect('same-bits.mvn.flat', kl('mvn([1,2], [2,0.5,0.5,1])', 'mvn([0,0], [1,0,0,1])'),
              kl_mvn('[1,2]', '[2,0.5,0.5,1]', 0, '[1,0,0,1]'));
SELECT expect('same-bits.categorical', kl('categorical([1,2,3,4])', 'categorical([4,3,2,1])'),
              kl_div('[1,2,3,4]', '[4,3,2,1]'));
SELECT expect('same-bits.categorical.tiny', kl('categorical([1e-300,1])', 'categorical([2e-300,1])', 'bans'),
              kl_div('[1e-300,1]', '[2e-300,1]', 'bans'));
SELECT expect('same-bits.dirichlet', kl('dirichlet([0.5,2,3.5])', 'dirichlet([1,1,7])'),
              kl_dirichlet('[0.5,2,3.5]', '[1,1,7]'));
--    Hand derivations: KL(N(0,1) || N(0,2)) = ln 2 + 1/8 - 1/2.
SELECT expect('hand.normal', kl('normal(0, 1)', 'normal(0, 2)'), ln(2.0) + 0.125 - 0.5, 1e-15);
SELECT expect('hand.self.zero', kl('gamma([2,3], 4)', 'gamma([2,3], [4,4])'), 0.0);

-- 2. The entropies the value layer computes itself (the others:
--    tests/dist_ent.sql, tests/dist_ddisc.sql).
--    categorical: the entropy function; H of 4 equal weights is 2 bits.
SELECT expect('entropy.categorical', dist_entropy('categorical([1,1,1,1])', 'bits'), 2.0, 1e-15);
SELECT expect('entropy.categorical.same', dist_entropy('categorical([1,2,3,4])'), entropy('[1,2,3,4]'));
--    mvn: 1/2 ln det(2 pi e cov); for cov = diag(4, 9): ln(2 pi e) + ln 6.
SELECT expect('entropy.mvn.diag', dist_entropy('mvn([0,0], [[4,0],[0,9]])'),
              1 + ln(2 * pi()) + ln(6.0), 1e-15);
--    det [[2,0.5],[0.5,1]] = 1.75.
SELECT expect('entropy.mvn.full', dist_entropy('mvn(0, [[2,0.5],[0.5,1]])'),
              1 + ln(2 * pi()) + 0.5 * ln(1.75), 1e-15);
--    extreme scales: cov = 1e-300 I_2, 1e300 I_2 (no overflow in the determinant).
SELECT expect('entropy.mvn.tiny', dist_entropy('mvn(0, [[1e-300,0],[0,1e-300]])'),
              1 + ln(2 * pi()) + ln(1e-300), 1e-15);
SELECT expect('entropy.mvn.huge', dist_entropy('mvn(0, [[1e300,0],[0,1e300]])'),
              1 + ln(2 * pi()) + ln(1e300), 1e-15);
--    cross-entropy of categoricals is cross_entropy.
SELECT expect('xent.categorical', dist_cross_entropy('categorical([1,2,3,4])', 'categorical([4,3,2,1])'),
              cross_entropy('[1,2,3,4]', '[4,3,2,1]'));
--    mvn: H(p, q) = H(p) + KL(p || q).
SELECT expect('xent.mvn', dist_cross_entropy('mvn([1,2], [[2,0.5],[0.5,1]])', 'mvn(0, [[1,0],[0,1]])'),
              dist_entropy('mvn([1,2], [[2,0.5],[0.5,1]])') + kl_mvn('[1,2]', '[[2,0.5],[0.5,1]]', 0, '[[1,0],[0,1]]'), 1e-15);

-- 3. The text form and dist(): canonical spelling, idempotent.
SELECT expect('canon.gamma', dist('Gamma( 2.50 , 3e0 )'), 'gamma(2.5, 3)');
SELECT expect('canon.ws', dist(char(9) || 'beta' || char(10) || '(' || char(13) || '2,5)  '), 'beta(2, 5)');
SELECT expect('canon.broadcast', dist('normal([1,2], 1)'), 'diag_normal([1,2], [1,1])');
SELECT expect('canon.diag-name', dist('DIAG_NORMAL(0, 1)'), 'normal(0, 1)');
SELECT expect('canon.one-element', dist('gamma([2], 3)'), 'gamma([2], [3])');
SELECT expect('canon.mvn', dist('mvn(0, [[1, 0.5], [0.5, 2]])'), 'mvn([0,0], [[1,0.5],[0.5,2]])');
SELECT expect('canon.mvn.flat', dist('mvn([1,2], [1,0,0,1])'), 'mvn([1,2], [[1,0],[0,1]])');
SELECT expect('canon.mvn.scalar', dist('mvn(0, 2)'), 'mvn([0], [[2]])');
SELECT expect('canon.categorical', dist('categorical([ 0.2 , 0.8 ])'), 'categorical([0.2,0.8])');
SELECT expect('canon.negzero', dist('normal(-0, 1)'), dist(dist('normal(-0, 1)')));
SELECT expect('canon.idempotent.' || x, dist(dist(x)), dist(x)) FROM (SELECT column1 AS x FROM (VALUES
  ('normal(0.1, 1e-300)'), ('uniform(-1e308, 1e308)'), ('binomial([1,2,3], 0.5)'), ('dirichlet([1e-300,5])'),
  ('continuous_bernoulli(0.3)'), ('pareto(1, [2, 3])'), ('mvn([1,2], [[2,0.5],[0.5,1]])')));
--    shortest round trip: the numbers of the canonical text read back as the
--    same doubles (kl_f64 bytes compared); '||' keeps 15 digits in older
--    SQLite versions (3.40), round-trip ones in newer (3.54), so the test
--    does not use it.
SELECT expect('digits.constructor', dist_normal(0.1 + 0.2, 1), 'normal(0.30000000000000004, 1)');
WITH v(x) AS (VALUES ('[0.1,1e-300,5e-324,1.7976931348623157e308,-2.2250738585072014e-308,3.141592653589793,0.30000000000000004,123456789012345680]')),
     t(z) AS (SELECT dist_normal(kl_f64(x), 1) FROM v)
SELECT expect('digits.roundtrip', kl_f64(substr(z, 13, instr(z, ']') - 12)), (SELECT kl_f64(x) FROM v)) FROM t;
--    a float32 blob's values are written as the doubles they are.
SELECT expect('digits.f32', dist_normal(kl_f32('[0.1]'), 1), 'diag_normal([0.10000000149011612], [1])');
SELECT expect('constructor.mvn.jsonb-free', dist_mvn('[0,0]', kl_f64('[1,0.5,0.5,2]')), 'mvn([0,0], [[1,0.5],[0.5,2]])');
SELECT expect('constructor.all', (SELECT count(*) FROM (VALUES
  (dist_normal(0, 1)), (dist_bernoulli(0.3)), (dist_binomial(10, 0.3)), (dist_geometric(0.3)),
  (dist_poisson(2)), (dist_exponential(2)), (dist_gamma(2, 3)), (dist_beta(2, 5)),
  (dist_laplace(0, 1)), (dist_cauchy(0, 1)), (dist_lognormal(0, 1)), (dist_gumbel(0, 1)),
  (dist_pareto(1, 3)), (dist_halfnormal(2)), (dist_uniform(0, 1)), (dist_continuous_bernoulli(0.3)),
  (dist_categorical('[1,2]')), (dist_dirichlet('[1,2]')), (dist_mvn(0, 1))) WHERE dist(column1) = column1), 19);
--    a text form is usable in a CHECK constraint.
CREATE TABLE models(id INTEGER PRIMARY KEY, prior TEXT CHECK (dist(prior) = prior));
INSERT INTO models(prior) VALUES ('normal(0, 1)');
SELECT expect_error('check.constraint', 'INSERT INTO models(prior) VALUES (''normal(0,1)'')',
  'CHECK constraint failed: dist(prior) = prior');
SELECT expect_error('check.constraint.bad', 'INSERT INTO models(prior) VALUES (''normal(0, -1)'')',
  'dist: normal: scale must be > 0 (got -1)');

-- 4. NULL in, NULL out.
SELECT expect('null.kl.p', kl(NULL, 'normal(0, 1)'), NULL);
SELECT expect('null.kl.q', kl('bad', NULL), NULL);
SELECT expect('null.kl.unit', kl('bad', 'bad', NULL), NULL);
SELECT expect('null.dist', dist(NULL), NULL);
SELECT expect('null.constructor', dist_gamma(NULL, -1), NULL);
SELECT expect('null.entropy', dist_entropy(NULL, 'bad'), NULL);

-- 5. Errors: the function, the argument, the family, the parameter, the
--    index or offset; valid UTF-8; never more than 40 characters of input.
SELECT expect_error('err.domain', 'SELECT kl(''gamma(2, -3)'', ''gamma(5, 7)'')',
  'kl: p: gamma: rate must be > 0 (got -3)');
SELECT expect_error('err.domain.index', 'SELECT kl(''gamma(5, 7)'', ''gamma([2,1], [3,-1])'')',
  'kl: q: gamma: rate[1] must be > 0 (got -1)');
SELECT expect_error('err.domain.above', 'SELECT dist(''uniform([0,2], [1,1])'')',
  'dist: uniform: high[1] must be > low[1] (got 1 <= 2)');
SELECT expect_error('err.domain.open', 'SELECT dist(''continuous_bernoulli(1)'')',
  'dist: continuous_bernoulli: p must be in (0, 1) (got 1)');
SELECT expect_error('err.domain.count', 'SELECT dist(''binomial(2.5, 0.5)'')',
  'dist: binomial: n must be a whole number >= 0 (got 2.5)');
SELECT expect_error('err.syntax.end', 'SELECT kl(''gamma(2, 3'', ''gamma(5, 7)'')',
  'kl: p: gamma: expected '','' or '')'' at offset 10 (found the end of the text)');
SELECT expect_error('err.syntax.paren', 'SELECT dist(''gamma 2, 3)'')',
  'dist: gamma: expected ''('' at offset 6 (found ''2'')');
SELECT expect_error('err.syntax.trailing', 'SELECT dist(''gamma(2, 3) x'')',
  'dist: gamma: expected the end of the text at offset 12 (found ''x'')');
SELECT expect_error('err.syntax.param', 'SELECT dist(''gamma(2, +3)'')',
  'dist: gamma: expected a number or ''['' at offset 9 (found ''+'')');
SELECT expect_error('err.syntax.empty', 'SELECT dist(''gamma()'')',
  'dist: gamma: expected a number or ''['' at offset 6 (found '')'')');
SELECT expect_error('err.name', 'SELECT dist(''(1)'')',
  'dist: expected a family name at offset 0 (found ''('')');
SELECT expect_error('err.name.empty', 'SELECT dist('''')',
  'dist: expected a family name at offset 0 (found the end of the text)');
SELECT expect_error('err.number', 'SELECT dist(''gamma(2, 01)'')',
  'dist: gamma: malformed number at offset 10: expected ''.'', ''e'' or the end of the number (no leading zeros) (found ''1'')');
SELECT expect_error('err.range', 'SELECT dist(''gamma(2, 1e999)'')',
  'dist: gamma: rate is beyond the double range (offset 9)');
SELECT expect_error('err.range.vector', 'SELECT dist(''gamma([2,1e999], 3)'')',
  'dist: gamma: shape[1] is beyond the double range (offset 9)');
SELECT expect_error('err.json', 'SELECT dist(''gamma([2,1x], 3)'')',
  'dist: gamma: shape is not valid JSON: expected '','' or '']'' at offset 10, found ''x''');
SELECT expect_error('err.brackets', 'SELECT dist(''gamma([2,3, 3)'')',
  'dist: gamma: expected a number, '','' or '']'' at offset 13 (found '')'')');
SELECT expect_error('err.nargs', 'SELECT dist(''gamma(2, 3, 4)'')',
  'dist: gamma takes 2 parameters (shape, rate), not 3');
SELECT expect_error('err.nargs.one', 'SELECT dist(''poisson(2, 3)'')',
  'dist: poisson takes 1 parameter (rate), not 2');
SELECT expect_error('err.family', 'SELECT dist(''gama(2, 3)'')',
  'dist: unknown family ''gama'' (the families: normal, diag_normal, bernoulli, binomial, geometric, poisson, exponential, gamma, beta, laplace, cauchy, lognormal, gumbel, pareto, halfnormal, uniform, continuous_bernoulli, categorical, dirichlet, mvn)');
SELECT expect_error('err.family.long', 'SELECT dist(''' || replace(printf('%.100c', 'x'), ' ', 'x') || '(1)'')',
  'dist: unknown family ''xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'' (the families: normal, diag_normal, bernoulli, binomial, geometric, poisson, exponential, gamma, beta, laplace, cauchy, lognormal, gumbel, pareto, halfnormal, uniform, continuous_bernoulli, categorical, dirichlet, mvn)');
SELECT expect_error('err.blob', 'SELECT kl(X''00'', ''normal(0, 1)'')',
  'kl: p: a distribution is text, such as ''normal(0, 1)'' (got a blob)');
SELECT expect_error('err.number-arg', 'SELECT kl(''normal(0, 1)'', 3)',
  'kl: q: a distribution is text, such as ''normal(0, 1)'' (got a number)');
SELECT expect_error('err.dims', 'SELECT kl(''gamma([1,2], 1)'', ''gamma([1,2,3], 1)'')',
  'kl: p has 2 dimensions but q has 3');
SELECT expect_error('err.dims.within', 'SELECT dist(''gamma([1,2], [1,2,3])'')',
  'dist: gamma: rate has 3 elements but shape has 2');
SELECT expect_error('err.no-pair', 'SELECT kl(''cauchy(0, 1)'', ''gamma(5, 7)'')',
  'kl: no closed form for cauchy || gamma; cauchy has one against: cauchy');
SELECT expect_error('err.categorical.scalar', 'SELECT dist(''categorical(1)'')',
  'dist: categorical: probs is a vector (a JSON array)');
SELECT expect_error('err.categorical.zero', 'SELECT dist(''categorical([0,0])'')',
  'dist: categorical: probs sums to 0, so it is not a distribution');
SELECT expect_error('err.categorical.negative', 'SELECT dist(''categorical([1,-1])'')',
  'dist: categorical: probs[1] must be >= 0 (got -1)');
SELECT expect_error('err.mvn.pd', 'SELECT dist(''mvn([0, 0], [[1, 2], [2, 1]])'')',
  'dist: mvn: cov is not positive definite (Cholesky fails at row 1)');
SELECT expect_error('err.mvn.sym', 'SELECT dist(''mvn(0, [[1, 0.5], [0.7, 2]])'')',
  'dist: mvn: cov is not symmetric: cov[0][1] is 0.5 but cov[1][0] is 0.7');
SELECT expect_error('err.mvn.mu', 'SELECT dist(''mvn([0, 0, 0], [[1, 0], [0, 1]])'')',
  'dist: mvn: mu has 3 elements but cov is 2x2');
SELECT expect_error('err.mvn.square', 'SELECT dist(''mvn(0, [[1, 0, 0], [0, 1, 0]])'')',
  'dist: mvn: cov has 2 rows of 3 elements; a covariance matrix is square');
SELECT expect_error('err.constructor', 'SELECT dist_gamma(2, ''[3,-1]'')',
  'dist_gamma: rate[1] must be > 0 (got -1)');
SELECT expect_error('err.constructor.mvn', 'SELECT dist_mvn(0, ''[[1,2],[2,1]]'')',
  'dist_mvn: cov is not positive definite (Cholesky fails at row 1)');
SELECT expect_error('err.unit', 'SELECT kl(''normal(0, 1)'', ''normal(0, 1)'', ''nat'')',
  'kl: unknown unit ''nat'' (use ''nats'', ''bits'' or ''bans'')');
--    invalid UTF-8 in a family name is echoed as \xHH (valid UTF-8 out).
SELECT expect('err.utf8', try_value('SELECT dist(CAST(X''67616D6D61FF28312C3129'' AS TEXT))'),
  'error: dist: gamma: expected ''('' at offset 5 (found ''\xFF'')');
--    offsets inside a vector or a covariance are offsets in the whole text.
SELECT expect_error('err.offset.vector', 'SELECT dist(''normal([1, 2, 3x], 1)'')',
  'dist: normal: loc is not valid JSON: expected '','' or '']'' at offset 15, found ''x''');
SELECT expect_error('err.offset.cov', 'SELECT dist(''mvn(0, [[1, 0], [0, 1x]])'')',
  'dist: mvn: cov[1] is not valid JSON: expected '','' or '']'' at offset 21, found ''x''');
SELECT expect_error('err.cov.rows', 'SELECT dist(''mvn(0, [[1, 0], [0]])'')',
  'dist: mvn: cov[1] has 1 element but cov[0] has 2');

-- 6. mvn and categorical entropies and cross-entropies against mpmath
--    (tests/data/dist_ref.sql, from tests/gen_dist_ref.py), and torch
--    where torch is accurate.
.read tests/data/dist_ref.sql
SELECT expect('ref.count', (SELECT count(*) FROM dist_ref), (SELECT n FROM dist_ref_count));
SELECT expect('ref.' || id, CASE what WHEN 'entropy' THEN dist_entropy(p) ELSE dist_cross_entropy(p, q) END,
              want, 1e-13) FROM dist_ref ORDER BY id;
SELECT expect('ref.bits.' || id, CASE what WHEN 'entropy' THEN dist_entropy(p, 'bits') ELSE dist_cross_entropy(p, q, 'bits') END,
              want / ln(2.0), 1e-13) FROM dist_ref ORDER BY id;
SELECT expect('torch.' || id, dist_entropy(p), torch, 1e-12) FROM dist_ref
  WHERE what = 'entropy' AND torch_err <= 1e-12 ORDER BY id;
SELECT expect('torch-off.' || id || '.torch-rel-err=' || printf('%.1e', torch_err),
              abs(dist_entropy(p) - want) <= 1e-13 * abs(want), 1)
  FROM dist_ref WHERE what = 'entropy' AND (torch_err > 1e-12 OR torch IS NULL) ORDER BY id;

-- 7. Beta with a + b beyond DBL_MAX: kl_beta cannot form its parts there,
--    and says so (it gave a false +Inf before); the Beta's KL to the
--    uniform (its negative entropy) has its own road and stays a value:
--    -H(Beta(a, a)) -> 1/2 ln(4 a / (pi e)) + O(1/a) for huge a (Beta(a, a)
--    tends to the normal of variance 1/(8a)).
SELECT expect_error('beta.sum-overflow', 'SELECT kl_beta(1e308, 1e308, 1.0000286681806755e308, 1e308)',
  'kl_beta: not computable at these parameters (an intermediate is beyond the double range)');
SELECT expect('beta.sum-overflow.uniform', kl('beta(1e308, 1e308)', 'uniform(0, 1)'),
  0.5 * (ln(4.0) + ln(1e308) - ln(pi()) - 1), 1e-13);
SELECT expect('beta.sum-overflow.entropy', dist_entropy('beta(1e308, 1e308)'),
  -0.5 * (ln(4.0) + ln(1e308) - ln(pi()) - 1), 1e-13);

-- 8. The remaining roads of the parser and the value layer.
SELECT expect_error('err.end-after-name', 'SELECT dist(''gamma'')',
  'dist: gamma: expected ''('' at offset 5 (found the end of the text)');
SELECT expect_error('err.end-after-paren', 'SELECT dist(''gamma('')',
  'dist: gamma: expected a number or ''['' at offset 6 (found the end of the text)');
SELECT expect_error('err.end-in-array', 'SELECT dist(''gamma([1,2'')',
  'dist: gamma: expected '']'' at offset 10 (found the end of the text)');
SELECT expect_error('err.quote-in-array', 'SELECT dist(''gamma(["x"], 1)'')',
  'dist: gamma: expected a number, '','' or '']'' at offset 7 (found ''"'')');
SELECT expect_error('err.number-at-end', 'SELECT dist(''gamma(2, 1.'')',
  'dist: gamma: malformed number at offset 11: expected a digit (found the end of the text)');
SELECT expect_error('err.digit-name', 'SELECT dist(''g9_x(1)'')',
  'dist: unknown family ''g9_x'' (the families: normal, diag_normal, bernoulli, binomial, geometric, poisson, exponential, gamma, beta, laplace, cauchy, lognormal, gumbel, pareto, halfnormal, uniform, continuous_bernoulli, categorical, dirichlet, mvn)');
SELECT expect_error('err.empty-vector', 'SELECT dist(''gamma([], 1)'')',
  'dist: gamma: shape is an empty vector');
SELECT expect_error('err.mvn.mu-one', 'SELECT dist(''mvn([0], [[1,0],[0,1]])'')',
  'dist: mvn: mu has 1 element but cov is 2x2');
SELECT expect_error('err.mvn.mu-json', 'SELECT dist(''mvn([0,x], [[1,0],[0,1]])'')',
  'dist: mvn: mu is not valid JSON: expected a number at offset 7, found ''x''');
SELECT expect_error('err.constructor.categorical', 'SELECT dist_categorical(1)',
  'dist_categorical: probs is a vector');
SELECT expect_error('err.constructor.dirichlet', 'SELECT dist_dirichlet(2)',
  'dist_dirichlet: alpha is a vector');
SELECT expect_error('err.no-pair.list', 'SELECT kl(''gamma(1, 1)'', ''cauchy(0, 1)'')',
  'kl: no closed form for gamma || cauchy; gamma has one against: normal, exponential, gamma, beta, gumbel, pareto, uniform, continuous_bernoulli');
SELECT expect_error('err.dims.one', 'SELECT kl(''gamma([1], 1)'', ''gamma([1,2], 1)'')',
  'kl: p has 1 dimension but q has 2');
SELECT expect_error('err.xent.categorical-dims', 'SELECT dist_cross_entropy(''categorical([1,2])'', ''categorical([1,2,3])'')',
  'dist_cross_entropy: p has 2 dimensions but q has 3');
SELECT expect('same-bits.mvn.p-number', kl('mvn(0, [[2,0.5],[0.5,1]])', 'mvn([1,2], [[1,0],[0,1]])'),
              kl_mvn(0, '[[2,0.5],[0.5,1]]', '[1,2]', '[[1,0],[0,1]]'));
SELECT expect('same-bits.normal.p-number', kl('normal(0, 1)', 'diag_normal([0,1], [1,2])'),
              kl_gauss(0, 1, '[0,1]', '[1,2]'));
--    a number-only p against a vector q is d copies of p: H(p) counts d times.
SELECT expect('xent.broadcast', dist_cross_entropy('normal(0, 1)', 'diag_normal([0,1], [1,2])'),
              2 * 0.5 * (1 + ln(2 * pi())) + kl_gauss(0, 1, '[0,1]', '[1,2]'), 1e-15);
SELECT expect('xent.inf', dist_cross_entropy('normal(0, 1)', 'exponential(1)'), 9e999);
--    a text beyond the length limit is refused, not truncated (the calls
--    are in a table first: under the limit, no literal may exceed it).
CREATE TEMP TABLE big_case AS SELECT 'SELECT dist_normal(''[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]'', 1)' AS sql;
SELECT set_length_limit(100);
SELECT expect_error('toobig', sql, 'string or blob too big', 18) FROM big_case;
SELECT set_length_limit(1000000000);
SELECT expect('toobig.fits', length(dist_normal('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]', 1)), 108);
