-- psi_samples_agg, js_samples_agg and kl_samples_agg over 10^6 rows,
-- against the same references as tests/psi.sql (tests/data/psi_ref.sql,
-- tests/gen_psi_ref.py).  A script of tests/big/: make test runs it; the
-- valgrind phase of make check leaves it out (the same code as
-- tests/psi.sql on 10^6 rows, 30-50x slower there), and AddressSanitizer
-- runs it.
.read tests/data/psi_ref.sql

-- --------------------------------------------------------------- 10^6 rows
-- Values made by the formula of tests/gen_psi_ref.py's big_rows().
CREATE TEMP TABLE psi_big_got AS
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 1000000)
SELECT count(*) AS rows,
  psi_samples_agg(CASE WHEN n % 2 = 0 THEN ((n * 7919) % 100003) * 0.001
    ELSE ((n * 104729) % 100019) * 0.001 + (n % 5) * 0.25 END, n % 2 = 0) AS psi,
  js_samples_agg(CASE WHEN n % 2 = 0 THEN ((n * 7919) % 100003) * 0.001
    ELSE ((n * 104729) % 100019) * 0.001 + (n % 5) * 0.25 END, n % 2 = 0) AS js,
  kl_samples_agg(CASE WHEN n % 2 = 0 THEN ((n * 7919) % 100003) * 0.001
    ELSE ((n * 104729) % 100019) * 0.001 + (n % 5) * 0.25 END, n % 2 = 0) AS kl
FROM i;
SELECT expect('big.rows', (SELECT rows FROM psi_big_got), (SELECT n FROM psi_big));
SELECT expect('big.psi', (SELECT psi FROM psi_big_got), (SELECT psi FROM psi_big), 1e-14);
SELECT expect('big.js', (SELECT js FROM psi_big_got), (SELECT js FROM psi_big), 1e-14);
SELECT expect('big.kl', (SELECT kl FROM psi_big_got), (SELECT kl FROM psi_big), 1e-14);
SELECT expect('big.np.psi', (SELECT psi FROM psi_big_got), (SELECT np_psi FROM psi_big), 1e-12);
