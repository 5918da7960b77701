-- sqlite-kl demo: run with   make demo
-- (which builds demo.db from sql/demo_data.sql, then runs this file:
--  sqlite3 demo.db -cmd '.load ./kl' < sql/demo.sql)
.mode box
.print "The article's example in nats and bits (its printed 0.1486 is a log10 bug)."
.print "The shell shows 15 significant digits; printf('%.16g') shows the double."
SELECT kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]') AS nats,
       printf('%.16g', kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]')) AS nats_16,
       kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]', 'bits') AS bits;
.print "... and its per-component table, correctly (every term >= 0):"
SELECT i, mu1, sd1, mu2, sd2, round(kl, 4) AS kl
FROM kl_gauss_each('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]');

.print
.print "demo.db: 1000 models (16-dimensional diagonal Gaussian posteriors) in two cohorts."
SELECT cohort, count(*) AS models, min(id) AS first, max(id) AS last,
       kl_dims(min(mu)) AS dims FROM models GROUP BY cohort;

.print
.print "The five models furthest from model 1 (KL in nats):"
SELECT m.id, m.cohort, round(kl_gauss(m.mu, m.sd, r.mu, r.sd), 3) AS kl
FROM models m, models r
WHERE r.id = 1 AND m.id <> r.id
ORDER BY kl DESC LIMIT 5;

.print
.print "Which dimensions drive the furthest one's divergence:"
SELECT e.i AS dim, round(e.kl, 3) AS kl
FROM (SELECT m.mu, m.sd FROM models m, models r WHERE r.id = 1 AND m.id <> 1
      ORDER BY kl_gauss(m.mu, m.sd, r.mu, r.sd) DESC LIMIT 1) AS top,
     models r, kl_gauss_each(top.mu, top.sd, r.mu, r.sd) AS e
WHERE r.id = 1
ORDER BY e.kl DESC LIMIT 5;

.print
.print "Cohorts: fit a Gaussian to each cohort's means (gauss_mean, gauss_sd) and compare."
CREATE TEMP TABLE fit AS
  SELECT cohort, gauss_mean(mu) AS m, gauss_sd(mu) AS s FROM models GROUP BY cohort;
SELECT round(kl_gauss(b.m, b.s, a.m, a.s), 3) AS kl_v2_from_v1,
       round(kl_gauss_sym(a.m, a.s, b.m, b.s), 3) AS jeffreys,
       round(hellinger_gauss(a.m, a.s, b.m, b.s), 3) AS hellinger
FROM fit a, fit b WHERE a.cohort = 'v1' AND b.cohort = 'v2';
.print "... and the dimensions where the cohorts differ (the drift is in 3 and 11):"
SELECT e.i AS dim, round(e.kl, 3) AS kl
FROM fit a, fit b, kl_gauss_each(b.m, b.s, a.m, a.s) AS e
WHERE a.cohort = 'v1' AND b.cohort = 'v2'
ORDER BY e.kl DESC LIMIT 3;

.print
.print "Feature drift: each day's 20-bin histogram against day 1 (kl_div_agg over"
.print "the bins), with a 7-day moving average (a window over the daily values):"
SELECT day, round(kl, 4) AS kl_vs_day1, round(avg_7d, 4) AS avg_7d,
       round(js, 4) AS js_dist_bits
FROM (SELECT day, kl, js, avg(kl) OVER (ORDER BY day ROWS 6 PRECEDING) AS avg_7d
      FROM (SELECT h.day, kl_div_agg(h.n, r.n) AS kl,
                   sqrt(js_div_agg(h.n, r.n, 'bits')) AS js
            FROM histogram h JOIN histogram r ON r.bin = h.bin AND r.day = 1
            GROUP BY h.day))
WHERE day % 6 = 0;

.print
.print "Compact storage: float32 blobs, and back to JSON:"
SELECT kl_dims(kl_f32(mu)) AS dims, length(kl_f32(mu)) AS f32_bytes,
       length(kl_f64(mu)) AS f64_bytes, kl_json(kl_f32(mu)) AS json
FROM models WHERE id = 1;

.print
.print "Priors and posteriors of different families, held as distribution values"
.print "(text): how far each posterior moved from its prior, KL(posterior || prior):"
SELECT param, posterior, prior, round(kl(posterior, prior), 4) AS kl,
       round(dist_entropy(posterior), 4) AS h_posterior,
       round(dist_cross_entropy(posterior, prior), 4) AS h_cross
FROM priors ORDER BY kl(posterior, prior) DESC;

.print
.print "Drift of raw values (the features table: one row per observation), this"
.print "week (days 8-14) against the reference week (days 1-7): day <= 7 is"
.print "is_reference.  PSI and JS on the reference week's deciles, Wasserstein in"
.print "the values' unit, and the two-sample KS test's p-value:"
SELECT feature, round(psi_samples_agg(value, day <= 7), 4) AS psi,
       round(js_samples_agg(value, day <= 7), 4) AS js,
       round(wasserstein_agg(value, day <= 7), 3) AS wasserstein,
       printf('%.3g', ks_pvalue_agg(value, day <= 7)) AS ks_p
FROM features GROUP BY feature ORDER BY psi DESC;
