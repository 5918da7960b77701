-- Distribution values at the ends of the double range: every pair kl()
-- has a term for (one family and two), and every entropy, over a grid of
-- extreme parameters (subnormal, 1e-300, moderate, 1e300, DBL_MAX, both
-- signs where allowed), built with the constructors.  The values
-- themselves are checked against mpmath in tests/dist_*.sql; here, that no
-- call gives NULL (a NaN), a negative KL, or an error other than the
-- documented "not computable" (kl_beta with a + b beyond DBL_MAX), and that
-- KL(p, p) is 0.
CREATE TEMP TABLE xv(dom TEXT, v REAL);
INSERT INTO xv VALUES
  ('A', -(2 - power(2, -52)) * power(2, 1023)), ('A', -1e300), ('A', -2), ('A', 0),
  ('A', 0.5), ('A', 1e300), ('A', (2 - power(2, -52)) * power(2, 1023)),
  ('P', 5e-324), ('P', 1e-300), ('P', 0.5), ('P', 2), ('P', 1e300),
  ('P', (2 - power(2, -52)) * power(2, 1023)),
  ('B', 0), ('B', 5e-324), ('B', 1e-300), ('B', 0.5), ('B', 1 - power(2, -53)), ('B', 1),
  ('b', 5e-324), ('b', 1e-300), ('b', 0.5), ('b', 1 - power(2, -53)), ('b', 1),
  ('o', 5e-324), ('o', 1e-300), ('o', 0.3), ('o', 0.5), ('o', 1 - power(2, -53)),
  ('N', 0), ('N', 5e-324), ('N', 1e-300), ('N', 0.5), ('N', 1e300),
  ('N', (2 - power(2, -52)) * power(2, 1023)),
  ('C', 0), ('C', 1), ('C', 10), ('C', 1e6), ('C', power(2, 53));
CREATE TEMP TABLE xd(fam TEXT, d TEXT);
INSERT INTO xd SELECT 'normal', dist_normal(a.v, b.v) FROM xv a, xv b WHERE a.dom = 'A' AND b.dom = 'P';
INSERT INTO xd SELECT 'laplace', dist_laplace(a.v, b.v) FROM xv a, xv b WHERE a.dom = 'A' AND b.dom = 'P';
INSERT INTO xd SELECT 'gumbel', dist_gumbel(a.v, b.v) FROM xv a, xv b WHERE a.dom = 'A' AND b.dom = 'P';
INSERT INTO xd SELECT 'cauchy', dist_cauchy(a.v, b.v) FROM xv a, xv b WHERE a.dom = 'A' AND b.dom = 'P';
INSERT INTO xd SELECT 'lognormal', dist_lognormal(a.v, b.v) FROM xv a, xv b WHERE a.dom = 'A' AND b.dom = 'P';
INSERT INTO xd SELECT 'gamma', dist_gamma(a.v, b.v) FROM xv a, xv b WHERE a.dom = 'P' AND b.dom = 'P';
INSERT INTO xd SELECT 'beta', dist_beta(a.v, b.v) FROM xv a, xv b WHERE a.dom = 'P' AND b.dom = 'P';
INSERT INTO xd SELECT 'pareto', dist_pareto(a.v, b.v) FROM xv a, xv b WHERE a.dom = 'P' AND b.dom = 'P';
INSERT INTO xd SELECT 'uniform', dist_uniform(a.v, b.v) FROM xv a, xv b WHERE a.dom = 'A' AND b.dom = 'A' AND b.v > a.v;
INSERT INTO xd SELECT 'exponential', dist_exponential(v) FROM xv WHERE dom = 'P';
INSERT INTO xd SELECT 'halfnormal', dist_halfnormal(v) FROM xv WHERE dom = 'P';
INSERT INTO xd SELECT 'continuous_bernoulli', dist_continuous_bernoulli(v) FROM xv WHERE dom = 'o';
INSERT INTO xd SELECT 'bernoulli', dist_bernoulli(v) FROM xv WHERE dom = 'B';
INSERT INTO xd SELECT 'geometric', dist_geometric(v) FROM xv WHERE dom = 'b';
INSERT INTO xd SELECT 'poisson', dist_poisson(v) FROM xv WHERE dom = 'N';
INSERT INTO xd SELECT 'binomial', dist_binomial(a.v, b.v) FROM xv a, xv b WHERE a.dom = 'C' AND b.dom = 'B';
-- the pairs kl() has a term for, found by asking it (an error that lists
-- what p's family has means no pair)
CREATE TEMP TABLE xf AS SELECT fam, min(d) AS d FROM xd GROUP BY fam;
CREATE TEMP TABLE xpair AS SELECT p.fam AS pf, q.fam AS qf FROM xf p, xf q
  WHERE try_value('SELECT kl(' || quote(p.d) || ', ' || quote(q.d) || ')') NOT LIKE 'error: kl: no closed form%';
SELECT expect('extremes.pairs', (SELECT count(*) FROM xpair WHERE pf <> qf), 62);
-- every pair over every combination (thinned to every 3rd q for the
-- two-parameter families, so the run stays short under valgrind)
CREATE TEMP TABLE xres AS
  SELECT x.pf, x.qf, p.d AS p, q.d AS q,
         try_value('SELECT kl(' || quote(p.d) || ', ' || quote(q.d) || ')') AS v
  FROM xpair x JOIN xd p ON p.fam = x.pf JOIN xd q ON q.fam = x.qf
  WHERE (p.rowid + q.rowid) % 3 = 0;
SELECT expect('extremes.kl.' || pf || '.' || qf, (SELECT count(*) || ' bad' || coalesce(': ' || (SELECT group_concat(p || ' || ' || q || ' = ' || quote(v), '; ') FROM (SELECT * FROM xres r2 WHERE r2.pf = r.pf AND r2.qf = r.qf AND (v IS NULL OR (typeof(v) = 'text' AND v NOT LIKE '%not computable%') OR (typeof(v) <> 'text' AND v < 0)) LIMIT 2)), '')
    FROM xres r3 WHERE r3.pf = r.pf AND r3.qf = r.qf AND (v IS NULL OR (typeof(v) = 'text' AND v NOT LIKE '%not computable%') OR (typeof(v) <> 'text' AND v < 0))), '0 bad')
  FROM (SELECT DISTINCT pf, qf FROM xres) r ORDER BY pf, qf;
SELECT expect('extremes.cases', (SELECT count(*) > 20000 FROM xres), 1);
-- KL(p, p) = 0 and entropies never NULL, for every distribution of the grid
SELECT expect('extremes.self.' || fam, (SELECT count(*) FROM xd x2 WHERE x2.fam = x.fam
    AND coalesce(try_value('SELECT kl(' || quote(d) || ', ' || quote(d) || ')'), 1) <> 0), 0)
  FROM (SELECT DISTINCT fam FROM xd) x ORDER BY fam;
SELECT expect('extremes.entropy.' || fam, (SELECT count(*) FROM xd x2 WHERE x2.fam = x.fam
    AND typeof(try_value('SELECT dist_entropy(' || quote(d) || ')')) NOT IN ('real', 'integer')), 0)
  FROM (SELECT DISTINCT fam FROM xd) x ORDER BY fam;
