-- sqlite-kl demo: run with   make demo
-- (or: sqlite3 :memory: -cmd '.load ./kl' < sql/demo.sql)
.mode box
.print "The article's example in nats and bits (its printed 0.1486 is a log10 bug)."
.print "The shell shows 15 significant digits; printf('%.16g') shows the double."
SELECT kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]') AS nats,
       printf('%.16g', kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]')) AS nats_16,
       kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]', 'bits') AS bits;

-- Per-row Gaussian posteriors, as a model might have written them.
CREATE TABLE models(id INTEGER PRIMARY KEY, name TEXT, mu TEXT, sd TEXT);
INSERT INTO models(name, mu, sd) VALUES
  ('reference', '[0.1, 0.0, 0.0, 0.2]', '[1.0, 1.0, 1.1, 1.0]'),
  ('baseline',  '[0.1, -0.2, 0.0, 0.3]', '[1.1, 0.9, 1.0, 1.2]'),
  ('drifted',   '[1.5, -0.5, 0.8, 0.0]', '[0.7, 1.3, 1.0, 2.0]'),
  ('collapsed', '[0.0, 0.0, 0.0, 0.0]', '[0.05, 0.05, 0.05, 0.05]');

.print
.print "Models ranked by KL divergence from the reference posterior:"
SELECT m.name, round(kl_gauss(m.mu, m.sd, r.mu, r.sd), 6) AS kl_nats
FROM models m, models r
WHERE r.name = 'reference' AND m.id <> r.id
ORDER BY kl_nats DESC;

.print
.print "KL to the standard normal (the VAE regulariser); numbers broadcast:"
SELECT name, round(kl_gauss(mu, sd, 0, 1), 6) AS kl_to_prior FROM models;

.print
.print "Long format: one row per dimension, summed by the aggregate:"
CREATE TABLE dims(k INTEGER, mu1 REAL, sd1 REAL, mu2 REAL, sd2 REAL);
INSERT INTO dims VALUES (0, 2, 1, 3, 1.5), (1, 4, 2, 5, 2.5), (2, 6, 3, 8, 4);
SELECT k, round(kl_gauss(mu1, sd1, mu2, sd2), 6) AS term,
       round(kl_gauss_agg(mu1, sd1, mu2, sd2) OVER (ORDER BY k), 6) AS running
FROM dims;

.print
.print "Compact storage: float32 blobs, and back to JSON:"
SELECT kl_dims(kl_f32(mu)) AS dims, length(kl_f32(mu)) AS f32_bytes,
       length(kl_f64(mu)) AS f64_bytes, kl_json(kl_f32(mu)) AS json
FROM models WHERE name = 'drifted';
