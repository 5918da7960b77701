-- sql/demo_data.sql — builds the example database, reproducibly (a fixed
-- linear congruential generator in SQL; the same bytes every run):
--
--   models     1 000 diagonal Gaussian posteriors of dimension 16 (JSON
--              arrays mu, sd), from two cohorts: 'v1' models and 'v2'
--              models trained later, whose dimensions 3 and 11 drift;
--   histogram  60 days of a 20-bin feature histogram whose mass slides to
--              the right from day 30 on (the drift the demo finds);
--   priors     a small Bayesian model's parameters, each with its prior
--              and its fitted posterior as distribution values (text),
--              of different families;
--   features   14 days of raw feature values, 300 rows a day for each of
--              three features: days 1-7 are the reference week, days 8-14
--              this week, in which 'latency' shifts and widens, 'basket'
--              gains a heavier tail and 'age' stays as it was.
--
--   sqlite3 demo.db < sql/demo_data.sql      (make demo does this)
DROP TABLE IF EXISTS models;
DROP TABLE IF EXISTS histogram;
DROP TABLE IF EXISTS priors;
DROP TABLE IF EXISTS features;

-- 4 uniforms per normal variate (Irwin-Hall, rescaled to variance 1), two
-- variates (mean, log-sd) per dimension.
CREATE TEMP TABLE rnd AS
  WITH RECURSIVE lcg(n, x) AS (
    SELECT 0, 20261124
    UNION ALL
    SELECT n + 1, (x * 1103515245 + 12345) % 2147483648 FROM lcg
    WHERE n < 1000 * 16 * 2 * 4 - 1)
  SELECT n, x / 2147483648.0 AS u FROM lcg;
CREATE TEMP TABLE z AS
  SELECT n / 4 AS k, (sum(u) - 2.0) * 1.7320508075688772 AS z FROM rnd GROUP BY n / 4;
CREATE TEMP TABLE cell AS
  SELECT k / 32 + 1 AS id, (k % 32) / 2 AS dim,
         max(CASE WHEN k % 2 = 0 THEN z END) AS z_mu,
         max(CASE WHEN k % 2 = 1 THEN z END) AS z_sd
  FROM z GROUP BY k / 2;

CREATE TABLE models(
  id INTEGER PRIMARY KEY,
  cohort TEXT NOT NULL,          -- 'v1' (ids 1-500) or 'v2' (501-1000)
  mu TEXT NOT NULL,              -- JSON array of 16 means
  sd TEXT NOT NULL               -- JSON array of 16 standard deviations
);
INSERT INTO models
  SELECT id, CASE WHEN id <= 500 THEN 'v1' ELSE 'v2' END,
         '[' || group_concat(printf('%.4f', mu), ',') || ']',
         '[' || group_concat(printf('%.4f', sd), ',') || ']'
  FROM (SELECT id, dim,
               0.3 * z_mu + CASE WHEN id > 500 AND dim IN (3, 11) THEN 0.8 ELSE 0.0 END AS mu,
               exp(-0.4 + 0.15 * z_sd) AS sd
        FROM cell ORDER BY id, dim)
  GROUP BY id;

CREATE TABLE histogram(
  day INTEGER NOT NULL,          -- 1 .. 60
  bin INTEGER NOT NULL,          -- 0 .. 19
  n INTEGER NOT NULL,            -- count in that bin that day
  PRIMARY KEY(day, bin)
);
INSERT INTO histogram
  WITH RECURSIVE d(day) AS (SELECT 1 UNION ALL SELECT day + 1 FROM d WHERE day < 60),
       b(bin) AS (SELECT 0 UNION ALL SELECT bin + 1 FROM b WHERE bin < 19)
  SELECT day, bin,
         -- a bump centred at bin 8, sliding to 12 over days 30..60, with
         -- day-to-day wobble from the same generator
         CAST(1000 * exp(-0.5 * ((bin - (8.0 + max(0, day - 30) * 4.0 / 30)) / 3.0)
                          * ((bin - (8.0 + max(0, day - 30) * 4.0 / 30)) / 3.0))
              * (0.9 + 0.2 * (SELECT u FROM rnd WHERE n = day * 20 + bin)) + 1 AS INTEGER)
  FROM d, b;

DROP TABLE rnd;
DROP TABLE z;
DROP TABLE cell;

-- Priors and posteriors as distribution values (kl(), docs/functions.md).
CREATE TABLE priors(param TEXT PRIMARY KEY, prior TEXT, posterior TEXT);
INSERT INTO priors VALUES
  ('arrival_rate',  'exponential(0.5)',         'gamma(30, 12)'),
  ('click_prob',    'uniform(0, 1)',            'beta(3, 9)'),
  ('effect',        'laplace(0, 2)',            'normal(0.3, 0.5)'),
  ('weight',        'normal(0, 1)',             'laplace(0.2, 0.4)'),
  ('latent',        'normal(0, 1)',             'diag_normal([0.5,-1,0.1], [0.8,1.2,0.3])'),
  ('share',         'continuous_bernoulli(0.3)', 'beta(2, 5)'),
  ('converted',     'poisson(0.5)',             'bernoulli(0.3)'),
  ('successes',     'binomial(20, 0.5)',        'binomial(10, 0.3)'),
  ('wait_time',     'normal(0, 1)',             'exponential(2)');

-- Raw feature values, for the drift functions over samples (wasserstein_agg,
-- psi_samples_agg, ...): one row per observation.  Normal variates from the
-- same kind of generator (Irwin-Hall of 4 uniforms, variance 1).
CREATE TABLE features(
  day INTEGER NOT NULL,          -- 1 .. 14; days 1-7 are the reference week
  feature TEXT NOT NULL,         -- 'age', 'basket', 'latency'
  value REAL NOT NULL
);
CREATE TEMP TABLE frnd AS
  WITH RECURSIVE lcg(n, x) AS (
    SELECT 0, 20261129
    UNION ALL
    SELECT n + 1, (x * 1103515245 + 12345) % 2147483648 FROM lcg
    WHERE n < 14 * 3 * 300 * 4 - 1)
  SELECT n, x / 2147483648.0 AS u FROM lcg;
CREATE TEMP TABLE fz AS
  SELECT n / 4 AS k, (sum(u) - 2.0) * 1.7320508075688772 AS z FROM frnd GROUP BY n / 4;
INSERT INTO features
  SELECT 1 + k / 900 AS day,
         CASE (k / 300) % 3 WHEN 0 THEN 'age' WHEN 1 THEN 'basket' ELSE 'latency' END,
         CASE (k / 300) % 3
           WHEN 0 THEN round(40 + 12 * z)
           WHEN 1 THEN round(exp(3 + (CASE WHEN k / 900 >= 7 THEN 0.8 ELSE 0.5 END) * z), 2)
           ELSE round(120 + (CASE WHEN k / 900 >= 7 THEN 30 ELSE 20 END) * z
                      + (CASE WHEN k / 900 >= 7 THEN 25 ELSE 0 END), 1)
         END
  FROM fz ORDER BY k;
DROP TABLE frnd;
DROP TABLE fz;
