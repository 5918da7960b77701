-- The accuracy report's guard (ACCURACY.md; grid and references in
-- tests/accuracy/grid.sql, written by tests/accuracy/gen.py): per function,
-- our largest relative error against mpmath stays within its bound, +Inf
-- exactly where the true value exceeds the double range, never NaN.
.read tests/accuracy/grid.sql

SELECT expect('count', (SELECT count(*) FROM acc), (SELECT n FROM acc_count));
CREATE TEMP TABLE acc_got AS SELECT fn, id, want, bound, CASE fn
  WHEN 'kl_gauss' THEN kl_gauss(a1, a2, a3, a4)
  WHEN 'kl_gauss_var' THEN kl_gauss_var(a1, a2, a3, a4)
  WHEN 'kl_gauss_logvar' THEN kl_gauss_logvar(a1, a2, a3, a4)
  WHEN 'kl_gauss_sym' THEN kl_gauss_sym(a1, a2, a3, a4)
  WHEN 'bhattacharyya_gauss' THEN bhattacharyya_gauss(a1, a2, a3, a4)
  WHEN 'hellinger_gauss' THEN hellinger_gauss(a1, a2, a3, a4)
  WHEN 'w2_gauss' THEN w2_gauss(a1, a2, a3, a4)
  WHEN 'kl_mvn' THEN kl_mvn(a1, a2, a3, a4)
  WHEN 'kl_div' THEN kl_div(a1, a2)
  WHEN 'js_div' THEN js_div(a1, a2)
  WHEN 'js_dist' THEN js_dist(a1, a2)
  WHEN 'cross_entropy' THEN cross_entropy(a1, a2)
  WHEN 'entropy' THEN entropy(a1)
  WHEN 'kl_div_logits' THEN kl_div_logits(a1, a2)
  WHEN 'kl_bernoulli' THEN kl_bernoulli(a1, a2)
  WHEN 'kl_binomial' THEN kl_binomial(a1, a2, a3)
  WHEN 'kl_geometric' THEN kl_geometric(a1, a2)
  WHEN 'kl_poisson' THEN kl_poisson(a1, a2)
  WHEN 'kl_exponential' THEN kl_exponential(a1, a2)
  WHEN 'kl_gamma' THEN kl_gamma(a1, a2, a3, a4)
  WHEN 'kl_beta' THEN kl_beta(a1, a2, a3, a4)
  WHEN 'kl_laplace' THEN kl_laplace(a1, a2, a3, a4)
  WHEN 'kl_cauchy' THEN kl_cauchy(a1, a2, a3, a4)
  WHEN 'kl_lognormal' THEN kl_lognormal(a1, a2, a3, a4)
  WHEN 'kl_gumbel' THEN kl_gumbel(a1, a2, a3, a4)
  WHEN 'kl_pareto' THEN kl_pareto(a1, a2, a3, a4)
  WHEN 'kl_halfnormal' THEN kl_halfnormal(a1, a2)
  WHEN 'kl_uniform' THEN kl_uniform(a1, a2, a3, a4)
  WHEN 'kl_dirichlet' THEN kl_dirichlet(a1, a2) END AS got
  FROM acc;
-- Relative error; +Inf must meet +Inf; NULL (NaN) is an infinite error.
CREATE TEMP VIEW acc_err AS SELECT fn, id, bound, CASE
  WHEN got IS NULL THEN 9e999
  WHEN want >= 9e999 OR got >= 9e999 THEN CASE WHEN got = want THEN 0.0 ELSE 9e999 END
  WHEN want = 0 THEN abs(got)
  ELSE abs(got - want) / abs(want) END AS err FROM acc_got;
-- One check per function: its largest error, within the bound.
SELECT expect('max-rel-err.' || fn || ' (bound ' || printf('%.0e', bound) || ')',
              (SELECT max(err) FROM acc_err e WHERE e.fn = f.fn), 0.0, bound)
  FROM (SELECT DISTINCT fn, bound FROM acc) f ORDER BY fn;
SELECT expect('functions-covered', (SELECT count(DISTINCT fn) FROM acc), 29);
SELECT expect('inf-exactly', (SELECT count(*) FROM acc_got WHERE (want >= 9e999) <> (got >= 9e999)), 0);
SELECT expect('inf-cases', (SELECT count(*) FROM acc WHERE want >= 9e999) >= 3, 1);
SELECT expect('never-nan', (SELECT count(*) FROM acc_got WHERE got IS NULL), 0);
