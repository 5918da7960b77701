-- tests/include/dispatch.sql — generated from src/catalogue.h by
-- tests/catalogue/dump.c (make catalogue); do not edit.  Calls any
-- numeric scalar function by name, for the tests that compare many
-- functions with reference tables.  Expects TEMP TABLE calls(fn, id,
-- a1, a2, a3, a4, unit); defines TEMP VIEW dispatched(fn, id, unit,
-- got).  (A function without a unit argument gives NULL for any
-- unit but 'nats'; a table-valued function gives the sum of kl.)
CREATE TEMP VIEW dispatched AS SELECT fn, id, unit, CASE fn
  WHEN 'kl_gauss' THEN kl_gauss(a1, a2, a3, a4, unit)
  WHEN 'kl_gauss_var' THEN kl_gauss_var(a1, a2, a3, a4, unit)
  WHEN 'kl_gauss_logvar' THEN kl_gauss_logvar(a1, a2, a3, a4, unit)
  WHEN 'kl_gauss_sym' THEN kl_gauss_sym(a1, a2, a3, a4, unit)
  WHEN 'bhattacharyya_gauss' THEN bhattacharyya_gauss(a1, a2, a3, a4, unit)
  WHEN 'hellinger_gauss' THEN CASE unit WHEN 'nats' THEN hellinger_gauss(a1, a2, a3, a4) END
  WHEN 'w2_gauss' THEN CASE unit WHEN 'nats' THEN w2_gauss(a1, a2, a3, a4) END
  WHEN 'kl_mvn' THEN kl_mvn(a1, a2, a3, a4, unit)
  WHEN 'kl_gauss_each' THEN (SELECT sum(kl) FROM kl_gauss_each(a1, a2, a3, a4, unit))
  WHEN 'kl_div' THEN kl_div(a1, a2, unit)
  WHEN 'js_div' THEN js_div(a1, a2, unit)
  WHEN 'js_dist' THEN js_dist(a1, a2, unit)
  WHEN 'cross_entropy' THEN cross_entropy(a1, a2, unit)
  WHEN 'entropy' THEN entropy(a1, unit)
  WHEN 'kl_div_logits' THEN kl_div_logits(a1, a2, unit)
  WHEN 'kl_bernoulli' THEN kl_bernoulli(a1, a2, unit)
  WHEN 'kl_binomial' THEN kl_binomial(a1, a2, a3, unit)
  WHEN 'kl_geometric' THEN kl_geometric(a1, a2, unit)
  WHEN 'kl_poisson' THEN kl_poisson(a1, a2, unit)
  WHEN 'kl_exponential' THEN kl_exponential(a1, a2, unit)
  WHEN 'kl_gamma' THEN kl_gamma(a1, a2, a3, a4, unit)
  WHEN 'kl_beta' THEN kl_beta(a1, a2, a3, a4, unit)
  WHEN 'kl_laplace' THEN kl_laplace(a1, a2, a3, a4, unit)
  WHEN 'kl_cauchy' THEN kl_cauchy(a1, a2, a3, a4, unit)
  WHEN 'kl_lognormal' THEN kl_lognormal(a1, a2, a3, a4, unit)
  WHEN 'kl_gumbel' THEN kl_gumbel(a1, a2, a3, a4, unit)
  WHEN 'kl_pareto' THEN kl_pareto(a1, a2, a3, a4, unit)
  WHEN 'kl_halfnormal' THEN kl_halfnormal(a1, a2, unit)
  WHEN 'kl_uniform' THEN kl_uniform(a1, a2, a3, a4, unit)
  WHEN 'kl_dirichlet' THEN kl_dirichlet(a1, a2, unit)
  WHEN 'kl' THEN kl(a1, a2, unit)
  WHEN 'dist_entropy' THEN dist_entropy(a1, unit)
  WHEN 'dist_cross_entropy' THEN dist_cross_entropy(a1, a2, unit)
  WHEN 'wasserstein' THEN CASE unit WHEN 'nats' THEN wasserstein(a1, a2) END
  WHEN 'energy_distance' THEN CASE unit WHEN 'nats' THEN energy_distance(a1, a2) END
  WHEN 'ks_stat' THEN CASE unit WHEN 'nats' THEN ks_stat(a1, a2) END
  WHEN 'ks_pvalue' THEN CASE unit WHEN 'nats' THEN ks_pvalue(a1, a2) END
  WHEN 'differential_entropy' THEN CASE unit WHEN 'nats' THEN differential_entropy(a1) END
  WHEN 'kl_knn' THEN CASE unit WHEN 'nats' THEN kl_knn(a1, a2) END
  WHEN 'psi' THEN CASE unit WHEN 'nats' THEN psi(a1, a2) END
  WHEN 'psi_samples' THEN CASE unit WHEN 'nats' THEN psi_samples(a1, a2) END
  WHEN 'js_samples' THEN CASE unit WHEN 'nats' THEN js_samples(a1, a2) END
  WHEN 'kl_samples' THEN CASE unit WHEN 'nats' THEN kl_samples(a1, a2) END
  END AS got
  FROM calls;
-- The aggregates over TEMP TABLE agg_calls(fn, id, k, a1, a2, a3, a4,
-- unit), one row per row of the group: TEMP VIEW
-- dispatched_agg(fn, id, unit, got).
CREATE TEMP VIEW dispatched_agg AS SELECT fn, id, unit, CASE fn
  WHEN 'kl_gauss_agg' THEN kl_gauss_agg(a1, a2, a3, a4, unit) FILTER (WHERE fn = 'kl_gauss_agg')
  WHEN 'kl_div_agg' THEN kl_div_agg(a1, a2, unit) FILTER (WHERE fn = 'kl_div_agg')
  WHEN 'js_div_agg' THEN js_div_agg(a1, a2, unit) FILTER (WHERE fn = 'js_div_agg')
  WHEN 'cross_entropy_agg' THEN cross_entropy_agg(a1, a2, unit) FILTER (WHERE fn = 'cross_entropy_agg')
  WHEN 'entropy_agg' THEN entropy_agg(a1, unit) FILTER (WHERE fn = 'entropy_agg')
  WHEN 'wasserstein_agg' THEN wasserstein_agg(a1, a2) FILTER (WHERE fn = 'wasserstein_agg')
  WHEN 'energy_distance_agg' THEN energy_distance_agg(a1, a2) FILTER (WHERE fn = 'energy_distance_agg')
  WHEN 'ks_stat_agg' THEN ks_stat_agg(a1, a2) FILTER (WHERE fn = 'ks_stat_agg')
  WHEN 'ks_pvalue_agg' THEN ks_pvalue_agg(a1, a2) FILTER (WHERE fn = 'ks_pvalue_agg')
  WHEN 'differential_entropy_agg' THEN differential_entropy_agg(a1) FILTER (WHERE fn = 'differential_entropy_agg')
  WHEN 'kl_knn_agg' THEN kl_knn_agg(a1, a2) FILTER (WHERE fn = 'kl_knn_agg')
  WHEN 'psi_agg' THEN psi_agg(a1, a2) FILTER (WHERE fn = 'psi_agg')
  WHEN 'psi_samples_agg' THEN psi_samples_agg(a1, a2) FILTER (WHERE fn = 'psi_samples_agg')
  WHEN 'js_samples_agg' THEN js_samples_agg(a1, a2) FILTER (WHERE fn = 'js_samples_agg')
  WHEN 'kl_samples_agg' THEN kl_samples_agg(a1, a2) FILTER (WHERE fn = 'kl_samples_agg')
  END AS got
  FROM agg_calls GROUP BY fn, id, unit;
