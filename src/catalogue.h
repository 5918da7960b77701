/*
** catalogue.h — every SQL function of sqlite-kl, declared once.
**
** Each entry is one macro call; the file that includes this one defines
** the three macros to take what it needs.  src/kl.c builds the
** registration table from it; tests/catalogue/dump.c prints every list
** that the tests and the docs need (the registry check, the dispatch view,
** the fuzzer's statements, the OOM and thread hosts' statements, the
** oracle checks, the docs' function index), and `make test` fails when a
** committed copy of one of them is out of date (tests/catalogue/check.sh;
** `make catalogue` rewrites them).  No other file lists functions.
**
**   KL_SCALAR(name, args, xFunc, app, props, upper, bound, summary, example)
**   KL_WINDOW(name, args, impl,  app, props, upper, bound, summary, example)
**   KL_AGG   (name, args, impl,  app, props, upper, bound, summary, example)
**   KL_TABLE (name, args, module,     props, upper, bound, summary, example)
**   KL_FAMILY(name, nshared, doms, term, fin, props, upper, bound, summary,
**             example, parameter names...)
**
** name     the SQL name.
** args     the argument names, space separated.  "[x]" is optional (each
**          optional argument adds one registration, e.g. kl_gauss/4 and
**          kl_gauss/5).  The arguments of the first distribution come
**          before "|", those of the second after it, in the same order;
**          arguments shared by both come first, ended by ":".  An optional
**          last argument named "unit" is the unit ('nats', 'bits', 'bans').
** xFunc    the scalar function; impl: its kl_window_impl (aggregate and
**          window callbacks; a KL_AGG's xValue and xInverse are NULL: a
**          plain aggregate, which SQLite refuses in an OVER clause);
**          module: the sqlite3_module.
** app      the user data: which variant the shared implementation runs.
** KL_FAMILY declares an element-wise family (sql/families_sql.c runs them
**          all): its parameters are named last, the first nshared shared
**          by both distributions, then the first's, then the second's; the
**          optional unit follows unless fin is KL_FIN_HELLINGER or
**          KL_FIN_W2.  doms (a letter per parameter) and fin are those of
**          kl_family (sql/functions.h); term is the core function of one
**          component over the parameters in call order (src/core/; it is
**          declared from here, so a family needs no other list).
** props    what a value oracle may check of every successful result
**          (KL_NUMERIC is a real-number result, the others say more):
**            KL_NONNEG   never negative
**            KL_ZERO     exactly 0 when both distributions are the same
**            KL_SYM      the same with the two distributions swapped
**            KL_MAYNULL  NULL by design for some non-NULL arguments
**                        (gauss_sd of one row)
**            KL_ROOT     the square root of a divergence (js_dist): in
**                        bits it is the value in nats / sqrt(ln 2)
** upper    the largest value in nats (js_div: ln 2), or 0 for no bound.
** bound    the relative accuracy bound against an exact reference, where
**          the problem is well conditioned (0: not a numeric result).
**          kl_div_logits: 1e-13, as each probability is the exp of a
**          difference of logits of up to about 745 in size, which carries
**          the rounding of that difference (about 745 ulps relative).
** summary  one line for the docs' function index.
** example  the arguments of one valid call, as SQL; an aggregate's may use
**          the column k (1, 2, 3 over three rows).
*/
#ifndef KL_CATALOGUE_PROPS
#define KL_CATALOGUE_PROPS
#define KL_NUMERIC 1
#define KL_NONNEG  2
#define KL_ZERO    4
#define KL_SYM     8
#define KL_MAYNULL 16
#define KL_ROOT    32
#define KL_DIV     (KL_NUMERIC | KL_NONNEG | KL_ZERO)   /* a divergence */
#ifndef KL_LN2
#define KL_LN2     0.693147180559945309417232121458176568
#endif

/* How a family's component terms become its value (KL_FAMILY's fin). */
typedef enum {
  KL_FIN_SUM,        /* the sum of the terms, in the unit */
  KL_FIN_HELLINGER,  /* sqrt(1 - exp(-sum)) */
  KL_FIN_W2,         /* a Euclidean norm of the differences (w2_gauss;
                     ** the term is not called) */
  KL_FIN_GAUSS       /* the term is kl_gauss_kl, summed by kl_gauss's
                     ** vectorised kernel */
} kl_fin;
#endif

/* The entries, for a file that defines the four macros (without them,
** only the definitions above are included). */
#ifdef KL_SCALAR

/* ------------------------------------------------------------ Gaussian */
KL_SCALAR("kl_gauss", "mu1 sd1 | mu2 sd2 [unit]", kl_gauss_func, 0,
  KL_DIV, 0, 1e-14,
  "KL between diagonal Gaussians given means and standard deviations",
  "'[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'")

KL_WINDOW("kl_gauss_agg", "mu1 sd1 | mu2 sd2 [unit]", &kl_gauss_agg_impl, 0,
  KL_DIV, 0, 1e-14,
  "kl_gauss over the dimensions held by the rows of a group or window",
  "k, 1 + k, 2*k, 2 + k")
KL_FAMILY("kl_gauss_var", 0, "APAP", kl_gauss_var_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-14,
  "KL between diagonal Gaussians given variances",
  "'[0,1]', '[1,4]', 0, 1",
  "mu1", "var1", "mu2", "var2")
KL_FAMILY("kl_gauss_logvar", 0, "AAAA", kl_gauss_logvar_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-14,
  "KL between diagonal Gaussians given log-variances (VAE latents)",
  "'[0.5,-1]', '[-0.2,0.3]', 0, 0",
  "mu1", "logvar1", "mu2", "logvar2")
KL_FAMILY("kl_gauss_sym", 0, "APAP", kl_gauss_sym_kl, KL_FIN_SUM,
  KL_DIV | KL_SYM, 0, 1e-14,
  "symmetrised KL (Jeffreys divergence) between diagonal Gaussians",
  "'[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'",
  "mu1", "sd1", "mu2", "sd2")
KL_FAMILY("bhattacharyya_gauss", 0, "APAP", kl_bhatt_gauss_kl, KL_FIN_SUM,
  KL_DIV | KL_SYM, 0, 1e-14,
  "Bhattacharyya distance between diagonal Gaussians",
  "'[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'",
  "mu1", "sd1", "mu2", "sd2")
KL_FAMILY("hellinger_gauss", 0, "APAP", kl_bhatt_gauss_kl, KL_FIN_HELLINGER,
  KL_DIV | KL_SYM, 1, 1e-14,
  "Hellinger distance between diagonal Gaussians, in [0, 1]",
  "'[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'",
  "mu1", "sd1", "mu2", "sd2")
KL_FAMILY("w2_gauss", 0, "APAP", kl_gauss_kl, KL_FIN_W2,
  KL_DIV | KL_SYM, 0, 1e-14,
  "2-Wasserstein distance between diagonal Gaussians",
  "'[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'",
  "mu1", "sd1", "mu2", "sd2")
KL_SCALAR("kl_mvn", "mu1 cov1 | mu2 cov2 [unit]", kl_mvn_func, 0,
  KL_DIV, 0, 1e-10,
  "KL between multivariate normals with full covariance matrices",
  "'[1,2]', '[[2,0.5],[0.5,1]]', 0, '[[1,0],[0,1]]'")

KL_TABLE("kl_gauss_each", "mu1 sd1 | mu2 sd2 [unit]", &kl_gauss_each_module,
  KL_DIV, 0, 1e-14,
  "kl_gauss per dimension, as a table (i, mu1, sd1, mu2, sd2, kl)",
  "'[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'")
KL_WINDOW("gauss_mean", "x", &kl_gauss_mean_impl, 0,
  KL_MAYNULL, 0, 0,
  "element-wise mean of the vectors of a group or window",
  "json_array(k, 2*k)")
KL_WINDOW("gauss_sd", "x [ddof]", &kl_gauss_sd_impl, 0,
  KL_MAYNULL, 0, 0,
  "element-wise standard deviation of the vectors of a group or window",
  "json_array(k, k*k)")

/* ------------------------------------------------------------ discrete */
KL_SCALAR("kl_div", "p | q [unit]", kl_discrete_func, &kl_div_kind,
  KL_DIV, 0, 1e-14,
  "KL between discrete distributions (histograms, normalised inside)",
  "'[1,2,3,4]', '[4,3,2,1]'")

KL_SCALAR("js_div", "p | q [unit]", kl_discrete_func, &kl_js_div_kind,
  KL_DIV | KL_SYM, KL_LN2, 1e-14,
  "Jensen-Shannon divergence between discrete distributions",
  "'[1,2,3,4]', '[4,3,2,1]'")

KL_SCALAR("js_dist", "p | q [unit]", kl_discrete_func, &kl_js_dist_kind,
  KL_DIV | KL_SYM | KL_ROOT, 0.832554611157697756353165, 1e-14,
  "Jensen-Shannon distance (the square root of js_div)",
  "'[1,2,3,4]', '[4,3,2,1]'")

KL_SCALAR("cross_entropy", "p | q [unit]", kl_discrete_func, &kl_xent_kind,
  KL_NUMERIC | KL_NONNEG, 0, 1e-14,
  "cross-entropy H(p, q) between discrete distributions",
  "'[1,2,3,4]', '[4,3,2,1]'")

KL_SCALAR("entropy", "p [unit]", kl_discrete_func, &kl_entropy_kind,
  KL_NUMERIC | KL_NONNEG, 0, 1e-14,
  "Shannon entropy of a discrete distribution",
  "'[1,2,3,4]'")

KL_SCALAR("kl_div_logits", "a | b [unit]", kl_div_logits_func, 0,
  KL_DIV, 0, 1e-13,
  "KL between categorical distributions given as logits (softmax inside)",
  "'[1e4,-1e4,3]', '[-2,5,1]'")

KL_WINDOW("kl_div_agg", "p | q [unit]", &kl_discrete_agg_impl,
  &kl_div_agg_kind, KL_DIV, 0, 1e-14,
  "kl_div over a histogram held one bin (or chunk) per row",
  "k, 4 - k")
KL_WINDOW("js_div_agg", "p | q [unit]", &kl_discrete_agg_impl,
  &kl_js_div_agg_kind, KL_DIV | KL_SYM, KL_LN2, 1e-14,
  "js_div over a histogram held one bin (or chunk) per row",
  "k, 4 - k")
KL_WINDOW("cross_entropy_agg", "p | q [unit]", &kl_discrete_agg_impl,
  &kl_xent_agg_kind, KL_NUMERIC | KL_NONNEG, 0, 1e-14,
  "cross_entropy over a histogram held one bin (or chunk) per row",
  "k, 4 - k")
KL_WINDOW("entropy_agg", "p [unit]", &kl_discrete_agg_impl,
  &kl_entropy_agg_kind, KL_NUMERIC | KL_NONNEG, 0, 1e-14,
  "entropy of a histogram held one bin (or chunk) per row",
  "k")

/* ------------------------------------------------------------ families */
KL_FAMILY("kl_bernoulli", 0, "BB", kl_bernoulli_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between Bernoulli distributions",
  "0.3, 0.6",
  "p1", "p2")
KL_FAMILY("kl_binomial", 1, "CBB", kl_binomial_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between binomial distributions with the same n",
  "10, 0.3, 0.6",
  "n", "p1", "p2")
KL_FAMILY("kl_geometric", 0, "bb", kl_geometric_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between geometric distributions",
  "0.3, 0.6",
  "p1", "p2")
KL_FAMILY("kl_poisson", 0, "NN", kl_poisson_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between Poisson distributions",
  "2, 3.5",
  "rate1", "rate2")
KL_FAMILY("kl_exponential", 0, "PP", kl_exponential_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between exponential distributions",
  "2, 3.5",
  "rate1", "rate2")
KL_FAMILY("kl_gamma", 0, "PPPP", kl_gamma_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between gamma distributions (shape, rate)",
  "2, 3, 5, 7",
  "shape1", "rate1", "shape2", "rate2")
KL_FAMILY("kl_beta", 0, "PPPP", kl_beta_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between beta distributions",
  "2, 3, 5, 7",
  "a1", "b1", "a2", "b2")
KL_FAMILY("kl_laplace", 0, "APAP", kl_laplace_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between Laplace distributions",
  "0, 1, 2, 3",
  "loc1", "scale1", "loc2", "scale2")
KL_FAMILY("kl_cauchy", 0, "APAP", kl_cauchy_kl, KL_FIN_SUM,
  KL_DIV | KL_SYM, 0, 1e-13,
  "KL between Cauchy distributions",
  "0, 1, 2, 3",
  "loc1", "scale1", "loc2", "scale2")
KL_FAMILY("kl_lognormal", 0, "APAP", kl_gauss_kl, KL_FIN_GAUSS,
  KL_DIV, 0, 1e-13,
  "KL between log-normal distributions",
  "0, 1, 2, 3",
  "mu1", "sigma1", "mu2", "sigma2")
KL_FAMILY("kl_gumbel", 0, "APAP", kl_gumbel_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between Gumbel distributions",
  "0, 1, 2, 3",
  "loc1", "scale1", "loc2", "scale2")
KL_FAMILY("kl_pareto", 0, "PPPP", kl_pareto_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between Pareto distributions (+Inf where the supports differ)",
  "2, 3, 1, 2",
  "scale1", "alpha1", "scale2", "alpha2")
KL_FAMILY("kl_halfnormal", 0, "PP", kl_halfnormal_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between half-normal distributions",
  "1, 2",
  "scale1", "scale2")
KL_FAMILY("kl_uniform", 0, "A0A2", kl_uniform_kl, KL_FIN_SUM,
  KL_DIV, 0, 1e-13,
  "KL between uniform distributions (+Inf where the supports differ)",
  "1, 2, 0, 3",
  "low1", "high1", "low2", "high2")
KL_SCALAR("kl_dirichlet", "alpha1 | alpha2 [unit]", kl_dirichlet_func, 0,
  KL_DIV, 0, 1e-13,
  "KL between Dirichlet distributions", "'[0.5,2,3.5]', '[1,1,7]'")

/* ---------------------------------------------- distributions as values */
KL_SCALAR("kl", "p | q [unit]", kl_dist_value_func, 0,
  KL_DIV, 0, 1e-13,
  "KL between two distribution values, of one family or of two",
  "'laplace(0, 1)', 'normal(0, 1)'")
KL_SCALAR("dist_entropy", "p [unit]", kl_dist_value_func,
  &kl_dist_entropy_what, KL_NUMERIC, 0, 1e-13,
  "entropy of a distribution value (differential ones may be < 0)",
  "'mvn([1,2], [[2,0.5],[0.5,1]])'")
KL_SCALAR("dist_cross_entropy", "p | q [unit]", kl_dist_value_func,
  &kl_dist_xent_what, KL_NUMERIC, 0, 1e-13,
  "cross-entropy H(p) + KL(p || q) of two distribution values",
  "'mvn([1,2], [[2,0.5],[0.5,1]])', 'mvn(0, [[1,0],[0,1]])'")
KL_SCALAR("dist", "d", kl_dist_func, 0, 0, 0, 0,
  "the canonical text of a distribution value (checks it)",
  "'Gamma( 2.50 , 3e0 )'")
KL_SCALAR("dist_normal", "loc scale", kl_dist_make_func,
  &kl_dfams[KL_D_NORMAL], 0, 0, 0,
  "a normal distribution (vectors: a diagonal normal, diag_normal)",
  "0.1 + 0.2, 1")
KL_SCALAR("dist_bernoulli", "p", kl_dist_make_func,
  &kl_dfams[KL_D_BERNOULLI], 0, 0, 0,
  "a Bernoulli distribution",
  "0.3")
KL_SCALAR("dist_binomial", "n p", kl_dist_make_func,
  &kl_dfams[KL_D_BINOMIAL], 0, 0, 0,
  "a binomial distribution",
  "10, 0.3")
KL_SCALAR("dist_geometric", "p", kl_dist_make_func,
  &kl_dfams[KL_D_GEOMETRIC], 0, 0, 0,
  "a geometric distribution (failures before the first success)",
  "0.3")
KL_SCALAR("dist_poisson", "rate", kl_dist_make_func,
  &kl_dfams[KL_D_POISSON], 0, 0, 0,
  "a Poisson distribution",
  "2.5")
KL_SCALAR("dist_exponential", "rate", kl_dist_make_func,
  &kl_dfams[KL_D_EXPONENTIAL], 0, 0, 0,
  "an exponential distribution",
  "2")
KL_SCALAR("dist_gamma", "shape rate", kl_dist_make_func,
  &kl_dfams[KL_D_GAMMA], 0, 0, 0,
  "a gamma distribution",
  "2, 3")
KL_SCALAR("dist_beta", "a b", kl_dist_make_func,
  &kl_dfams[KL_D_BETA], 0, 0, 0,
  "a beta distribution",
  "2, 5")
KL_SCALAR("dist_laplace", "loc scale", kl_dist_make_func,
  &kl_dfams[KL_D_LAPLACE], 0, 0, 0,
  "a Laplace distribution",
  "0, 1")
KL_SCALAR("dist_cauchy", "loc scale", kl_dist_make_func,
  &kl_dfams[KL_D_CAUCHY], 0, 0, 0,
  "a Cauchy distribution",
  "0, 1")
KL_SCALAR("dist_lognormal", "mu sigma", kl_dist_make_func,
  &kl_dfams[KL_D_LOGNORMAL], 0, 0, 0,
  "a log-normal distribution",
  "0, 1")
KL_SCALAR("dist_gumbel", "loc scale", kl_dist_make_func,
  &kl_dfams[KL_D_GUMBEL], 0, 0, 0,
  "a Gumbel distribution",
  "0, 1")
KL_SCALAR("dist_pareto", "scale alpha", kl_dist_make_func,
  &kl_dfams[KL_D_PARETO], 0, 0, 0,
  "a Pareto distribution",
  "1, 3")
KL_SCALAR("dist_halfnormal", "scale", kl_dist_make_func,
  &kl_dfams[KL_D_HALFNORMAL], 0, 0, 0,
  "a half-normal distribution",
  "2")
KL_SCALAR("dist_uniform", "low high", kl_dist_make_func,
  &kl_dfams[KL_D_UNIFORM], 0, 0, 0,
  "a uniform distribution",
  "0, 1")
KL_SCALAR("dist_continuous_bernoulli", "p", kl_dist_make_func,
  &kl_dfams[KL_D_CBERN], 0, 0, 0,
  "a continuous Bernoulli distribution",
  "0.3")
KL_SCALAR("dist_categorical", "probs", kl_dist_make_func,
  &kl_dfams[KL_D_CATEGORICAL], 0, 0, 0,
  "a categorical distribution (weights, normalised)",
  "'[0.2,0.8]'")
KL_SCALAR("dist_dirichlet", "alpha", kl_dist_make_func,
  &kl_dfams[KL_D_DIRICHLET], 0, 0, 0,
  "a Dirichlet distribution",
  "'[1,2,3]'")
KL_SCALAR("dist_mvn", "mu cov", kl_dist_make_func,
  &kl_dfams[KL_D_MVN], 0, 0, 0,
  "a multivariate normal distribution",
  "'[0,0]', '[[1,0.5],[0.5,2]]'")


/* ------------------------------------------- divergences from raw samples
** Two-sample functions f(u, v) and their aggregates f_agg(x, is_reference):
** is_reference = 0 rows are the first sample, 1 rows the second (the
** reference); sql/args_samples.c keeps the rows. */
/* #19 transport */
KL_SCALAR("wasserstein", "u | v [u_weights] [v_weights]", kl_transport_func,
  &kl_tr_wasserstein_kind, KL_NUMERIC | KL_NONNEG | KL_ZERO | KL_SYM, 0,
  1e-13,
  "first Wasserstein distance between two 1-D samples (weights optional)",
  "'[0,1,3]', '[5,6,8]'")
KL_SCALAR("energy_distance", "u | v [u_weights] [v_weights]",
  kl_transport_func, &kl_tr_energy_kind,
  KL_NUMERIC | KL_NONNEG | KL_ZERO | KL_SYM, 0, 1e-13,
  "energy distance between two 1-D samples (weights optional)",
  "'[0,1,3]', '[5,6,8]'")
KL_AGG("wasserstein_agg", "x is_reference [weight]",
  &kl_transport_agg_impl, &kl_tr_wasserstein_kind, KL_NUMERIC | KL_NONNEG | KL_MAYNULL,
  0, 1e-13,
  "wasserstein between the rows with is_reference 0 and those with 1",
  "k, k % 2")
KL_AGG("energy_distance_agg", "x is_reference [weight]",
  &kl_transport_agg_impl, &kl_tr_energy_kind, KL_NUMERIC | KL_NONNEG | KL_MAYNULL,
  0, 1e-13,
  "energy_distance between the rows with is_reference 0 and those with 1",
  "k, k % 2")

/* #19 ks */
KL_SCALAR("ks_stat", "u | v", kl_ks_func, &kl_ks_stat_what,
  KL_NUMERIC | KL_NONNEG | KL_ZERO | KL_SYM, 1, 4e-16,
  "two-sample Kolmogorov-Smirnov statistic D, as scipy's ks_2samp",
  "'[0.1, 0.5, 2.5, 3]', '[0.2, 1.5, 2, 4, 5]'")
KL_SCALAR("ks_pvalue", "u | v", kl_ks_func, &kl_ks_pvalue_what,
  KL_NUMERIC | KL_NONNEG | KL_SYM, 1, 1e-12,
  "two-sided p-value of the two-sample Kolmogorov-Smirnov test",
  "'[0.1, 0.5, 2.5, 3]', '[0.2, 1.5, 2, 4, 5]'")
KL_AGG("ks_stat_agg", "x is_reference", &kl_ks_agg_impl, &kl_ks_stat_what,
  KL_NUMERIC | KL_NONNEG | KL_MAYNULL, 1, 4e-16,
  "ks_stat over rows: is_reference 0 rows against 1 rows",
  "k, k > 1")
KL_AGG("ks_pvalue_agg", "x is_reference", &kl_ks_agg_impl,
  &kl_ks_pvalue_what, KL_NUMERIC | KL_NONNEG | KL_MAYNULL, 1, 1e-12,
  "ks_pvalue over rows: is_reference 0 rows against 1 rows",
  "k, k > 1")

/* #19 dentropy */
KL_SCALAR("differential_entropy", "x [options]", kl_dentropy_func, 0,
  KL_NUMERIC, 0, 1e-13,
  "differential entropy of a sample (scipy's spacing estimators; may be < 0)",
  "'[0.1, 0.7, 1.3, 2.2, 2.9, 3.5]'")
KL_AGG("differential_entropy_agg", "x [options]", &kl_dentropy_agg_impl,
  0, KL_NUMERIC, 0, 1e-13,
  "differential_entropy of the values of a group, one per row",
  "k, 'window_length=1'")

/* #19 knn */
KL_SCALAR("kl_knn", "x | y [options]", kl_knn_func, 0,
  KL_NUMERIC, 0, 1e-12,
  "k-nearest-neighbour estimate of KL between two samples of points "
  "(1-D or d-dimensional)",
  "'[0.1,0.5,1.3,2.0]', '[0.2,0.9,2.5]'")
KL_AGG("kl_knn_agg", "x is_reference [options]", &kl_knn_agg_impl, 0,
  KL_NUMERIC | KL_MAYNULL, 0, 1e-12,
  "kl_knn over the points held by the rows of a group (is_reference = 0: "
  "the current sample, 1: the reference)",
  "k, k = 2")

/* #19 psi */
KL_SCALAR("psi", "p | q [options]", kl_psi_func, 0,
  KL_DIV | KL_SYM, 0, 1e-14,
  "population stability index of two histograms (empty bins: epsilon)",
  "'[10,20,30]', '[20,20,20]'")
KL_AGG("psi_agg", "p | q [options]", &kl_psi_agg_impl, 0,
  KL_DIV | KL_SYM, 0, 1e-14,
  "psi over a histogram held one bin (or chunk) per row (aggregate only)",
  "k, 4 - k")
KL_SCALAR("psi_samples", "x | ref [options]", kl_drift_func,
  &kl_drift_psi_def, KL_DIV, 0, 1e-14,
  "PSI of two raw samples binned on the reference's quantiles",
  "'[1,2,3,4,5,6]', '[2,3,4,5,6,7,8]', 'bins=3'")
KL_SCALAR("js_samples", "x | ref [options]", kl_drift_func,
  &kl_drift_js_def, KL_DIV, KL_LN2, 1e-14,
  "Jensen-Shannon divergence of two raw samples binned on the reference",
  "'[1,2,3,4,5,6]', '[2,3,4,5,6,7,8]', 'bins=3'")
KL_SCALAR("kl_samples", "x | ref [options]", kl_drift_func,
  &kl_drift_kl_def, KL_DIV, 0, 1e-14,
  "KL(current || reference) of two raw samples binned on the reference",
  "'[1,2,3,4,5,6]', '[2,3,4,5,6,7,8]', 'bins=3'")
KL_AGG("psi_samples_agg", "x is_reference [options]", &kl_drift_agg_impl,
  &kl_drift_psi_def, KL_NUMERIC | KL_NONNEG | KL_MAYNULL, 0, 1e-14,
  "psi_samples over rows: is_reference 0 the current sample, 1 the reference",
  "k, k > 1")
KL_AGG("js_samples_agg", "x is_reference [options]", &kl_drift_agg_impl,
  &kl_drift_js_def, KL_NUMERIC | KL_NONNEG | KL_MAYNULL, KL_LN2, 1e-14,
  "js_samples over rows: is_reference 0 the current sample, 1 the reference",
  "k, k > 1")
KL_AGG("kl_samples_agg", "x is_reference [options]", &kl_drift_agg_impl,
  &kl_drift_kl_def, KL_NUMERIC | KL_NONNEG | KL_MAYNULL, 0, 1e-14,
  "kl_samples over rows: is_reference 0 the current sample, 1 the reference",
  "k, k > 1")


/* ------------------------------------------------------------- vectors */
KL_SCALAR("kl_f32", "x", kl_f32_func, 0, 0, 0, 0,
  "a vector as a float32 blob (sqlite-vec's layout)", "'[0.5,1e-3,2.25]'")

KL_SCALAR("kl_f64", "x [format]", kl_f64_func, 0, 0, 0, 0,
  "a vector as a kl_f64 blob (float64 with an 8-byte header); format 'f32' "
  "or 'f64' reads a bare blob as that",
  "'[1e-300,5]'")

KL_SCALAR("kl_json", "x", kl_json_func, 0, 0, 0, 0,
  "a vector as JSON text (shortest round-trip numbers)",
  "X'0000803F00000040'")

KL_SCALAR("kl_dims", "x", kl_dims_func, 0, 0, 0, 0,
  "the number of elements of a vector", "'[1,2,3,4]'")

KL_SCALAR("kl_version", "", kl_version_func, 0, 0, 0, 0,
  "the extension's version", "")

#endif /* KL_SCALAR */
