-- differential_entropy() and differential_entropy_agg() (core/dentropy.c,
-- sql/dentropy_sql.c): values against mpmath evaluating scipy 1.10's own
-- formulas over the same doubles, and against scipy 1.10.1 itself where it
-- is accurate (tests/data/dentropy_ref.sql, written by
-- tests/gen_dentropy_ref.py); the vector forms and the aggregate; every
-- option alone and together; the errors; the NULL rule; window refusal;
-- units; hand derivations; a 10^6-row sample.
.read tests/data/dentropy_ref.sql

SELECT expect('de.sample.count', (SELECT count(*) FROM de_sample), (SELECT n FROM de_sample_count));
SELECT expect('de.ref.count', (SELECT count(*) FROM de_ref), (SELECT n FROM de_ref_count));
SELECT expect('de.big.count', (SELECT count(*) FROM de_big), (SELECT n FROM de_big_count));
SELECT expect('de.ref.samples', (SELECT count(*) FROM de_ref JOIN de_sample USING (sid)),
              (SELECT n FROM de_ref_count));

-- Every case: JSON text and a kl_f64 blob; '' is no options, the one-argument
-- form where the case gives none.  Tolerance 1e-13 of mag (|want|, or the
-- terms' magnitude where the estimate is near 0: core/dentropy.c rule 6).
CREATE TEMP TABLE de_res AS
  SELECT r.id, r.sid, r.opts, r.want, r.scipy, r.scipy_err, r.mag, s.x, s.n,
         CASE WHEN r.opts = '' THEN differential_entropy(s.x)
              ELSE differential_entropy(s.x, r.opts) END AS got,
         differential_entropy(kl_f64(s.x), r.opts) AS got_f64,
         differential_entropy(s.x, CASE WHEN r.opts = '' THEN 'unit=bits'
                                        ELSE r.opts || ', unit=bits' END) AS got_bits,
         differential_entropy(s.x, CASE WHEN r.opts = '' THEN 'UNIT = bans'
                                        ELSE 'unit=bans,' || r.opts END) AS got_bans,
         1e-13 * max(r.mag, abs(r.want)) / abs(r.want) AS tol
  FROM de_ref r JOIN de_sample s USING (sid);

SELECT expect('de.' || id, got, want, tol) FROM de_res ORDER BY id;
SELECT expect('de.f64.' || id, got_f64, got) FROM de_res ORDER BY id;
SELECT expect('de.bits.' || id, got_bits, want / ln(2.0), tol + 1e-15) FROM de_res ORDER BY id;
SELECT expect('de.bans.' || id, got_bans, want / ln(10.0), tol + 1e-15) FROM de_res ORDER BY id;

-- scipy agrees to 1e-12 wherever it is accurate (every ord.* case) ...
SELECT expect('de.scipy.' || id, got, scipy, 1e-12) FROM de_res
  WHERE scipy_err <= 1e-12 ORDER BY id;
SELECT expect('de.scipy.ordinary-all-accurate',
              (SELECT count(*) FROM de_res WHERE id LIKE 'ord.%' AND NOT scipy_err <= 1e-12), 0);
-- ... and where it is not, the id records by how much (mpmath is the truth,
-- checked above): spacings beyond the double range (scipy: inf), subnormal
-- spacings (n/(2m) * d rounds), correa's x - mean at a large offset,
-- estimates near 0.
SELECT expect('de.scipy-off.' || id || '.scipy-rel-err=' || printf('%.1e', scipy_err),
              abs(got - want) <= tol * abs(want), 1)
  FROM de_res WHERE NOT scipy_err <= 1e-12 ORDER BY id;

-- The aggregate over the same values, one row each (kl_gauss_each reads them
-- with the extension's own parser): the scalar's bits, whatever the order.
CREATE TEMP TABLE de_agg AS
  SELECT r.id, differential_entropy_agg(e.mu1, r.opts) AS got,
         differential_entropy_agg(-e.mu1, r.opts) AS got_neg
  FROM de_ref r JOIN de_sample s USING (sid), kl_gauss_each(s.x, 1, 0, 1) e
  GROUP BY r.id;
SELECT expect('de.agg.count', (SELECT count(*) FROM de_agg), (SELECT n FROM de_ref_count));
SELECT expect('de.agg.' || a.id, a.got, r.got) FROM de_agg a JOIN de_res r USING (id) ORDER BY a.id;
-- x -> -x reverses the sorted sample: vasicek, van es, ebrahimi and correa
-- are symmetric in that (the same spacings, in reverse order)
SELECT expect('de.agg.neg.' || a.id, a.got_neg, r.want, r.tol)
  FROM de_agg a JOIN de_res r USING (id) ORDER BY a.id;
-- in reverse row order too (the sort makes it the same bits)
SELECT expect('de.agg.rev.' || r.id,
              (SELECT differential_entropy_agg(e.mu1, r.opts)
               FROM (SELECT mu1 FROM kl_gauss_each(r.x, 1, 0, 1) ORDER BY i DESC) e),
              r.got)
  FROM de_res r WHERE r.n <= 100 ORDER BY r.id;

-- An aggregate over a table of (feature, value) rows, GROUP BY feature.
CREATE TEMP TABLE de_obs AS
  SELECT s.sid AS feature, e.mu1 AS v FROM de_sample s, kl_gauss_each(s.x, 1, 0, 1) e
  WHERE s.sid LIKE 'ord.%.100' OR s.sid LIKE 'ord.%.1001' OR s.sid LIKE 'adv.%';
CREATE INDEX de_obs_v ON de_obs(v);
SELECT expect('de.table.' || o.feature, o.h, differential_entropy(s.x, 'method=ebrahimi, window_length=2'))
  FROM (SELECT feature, differential_entropy_agg(v, 'method=ebrahimi, window_length=2') h
        FROM de_obs GROUP BY feature) o JOIN de_sample s ON s.sid = o.feature ORDER BY o.feature;
SELECT expect('de.table.groups', (SELECT count(DISTINCT feature) FROM de_obs), 26);


-- Hand derivations.  x = 1..5, n = 5, default window 2, auto = van es:
-- every x_{i+2} - x_i is 2, so H = ln 2 + (1/2 + 1/3 + 1/4 + 1/5).
SELECT expect('de.hand.van_es', differential_entropy('[1,2,3,4,5]'), ln(2.0) + 77/60.0, 1e-15);
-- vasicek, m = 2: D = 2, 3, 4, 3, 2 (padded), H = ln(5/4) + ln(144)/5.
SELECT expect('de.hand.vasicek', differential_entropy('[5,4,3,2,1]', 'method=vasicek'),
              ln(5/4.0) + ln(144.0)/5, 1e-15);
-- ebrahimi, m = 2: c_i m = 2, 3, 4, 3, 2 against D = 2, 3, 4, 3, 2: every
-- term is ln(n D / (c m)) = ln 5.
SELECT expect('de.hand.ebrahimi', differential_entropy('[1,2,3,4,5]', 'method=ebrahimi'),
              ln(5.0), 1e-15);
-- correa, m = 1, on 1..5: windows (1,1,2) (1,2,3) (2,3,4) (3,4,5) (4,5,5);
-- S1 = 1, 2, 2, 2, 1 and S2 = 2/3, 2, 2, 2, 2/3: H = ln 5 + (2 ln(2/3) + 3 ln 1)/5.
SELECT expect('de.hand.correa', differential_entropy('[1,2,3,4,5]', 'method=correa, window_length=1'),
              ln(5.0) + 2 * ln(2/3.0) / 5, 1e-15);
-- Location and power-of-two scale: H(a x + b) = H(x) + ln a.
SELECT expect('de.hand.shift', differential_entropy('[1025,1026,1027,1028,1029]'),
              differential_entropy('[1,2,3,4,5]'));
SELECT expect('de.hand.scale', differential_entropy('[0.25,0.5,0.75,1,1.25]', 'method=correa, window_length=2'),
              differential_entropy('[1,2,3,4,5]', 'method=correa, window_length=2') - 2 * ln(2.0), 1e-14);
-- May be negative: a narrow sample.
SELECT expect('de.hand.negative', differential_entropy('[1e-3,2e-3,3e-3,4e-3,5e-3]') < 0, 1);
-- The vector forms and a plain number's text.
SELECT expect('de.form.f32', differential_entropy(kl_f32('[1,2,3,4,5]')), ln(2.0) + 77/60.0, 1e-15);
SELECT expect('de.form.json-spaces', differential_entropy(' [ 1 , 2 , 3 , 4 , 5 ] '),
              differential_entropy('[1,2,3,4,5]'));

-- Options: each alone, together, shorthands, spelling.
SELECT expect('de.opt.none-is-auto', differential_entropy('[1,2,4,8,16,32,64]'),
              differential_entropy('[1,2,4,8,16,32,64]', 'method=van es, window_length=3'));
SELECT expect('de.opt.empty', differential_entropy('[1,2,4,8,16,32,64]', ''),
              differential_entropy('[1,2,4,8,16,32,64]'));
SELECT expect('de.opt.spaces-only', differential_entropy('[1,2,4,8,16,32,64]', '   '),
              differential_entropy('[1,2,4,8,16,32,64]'));
SELECT expect('de.opt.method-alone', differential_entropy('[1,2,4,8,16,32,64]', 'method=ebrahimi'),
              differential_entropy('[1,2,4,8,16,32,64]', 'window_length=3, method=ebrahimi'));
SELECT expect('de.opt.window-alone', differential_entropy('[1,2,4,8,16,32,64]', 'window_length=2'),
              differential_entropy('[1,2,4,8,16,32,64]', 'method=van es, window_length=2'));
SELECT expect('de.opt.number-is-window', differential_entropy('[1,2,4,8,16,32,64]', 2),
              differential_entropy('[1,2,4,8,16,32,64]', 'window_length=2'));
SELECT expect('de.opt.unit-alone', differential_entropy('[1,2,4,8,16,32,64]', 'unit=bits'),
              differential_entropy('[1,2,4,8,16,32,64]') / ln(2.0), 1e-15);
SELECT expect('de.opt.nats', differential_entropy('[1,2,4,8,16,32,64]', 'unit=nats'),
              differential_entropy('[1,2,4,8,16,32,64]'));
SELECT expect('de.opt.all', differential_entropy('[1,2,4,8,16,32,64]', 'method=ebrahimi, window_length=2, unit=bits'),
              differential_entropy('[1,2,4,8,16,32,64]', 'method=ebrahimi, window_length=2') / ln(2.0), 1e-15);
SELECT expect('de.opt.case-spaces', differential_entropy('[1,2,4,8,16,32,64]', '  METHOD = Van Es ,Window_Length= 2 , Unit =BITS '),
              differential_entropy('[1,2,4,8,16,32,64]', 'method=van es, window_length=2, unit=bits'));
SELECT expect('de.opt.auto-ebrahimi', differential_entropy(json_array(1,2,3,5,8,13,21,34,55,89,144), 'method=auto'),
              differential_entropy(json_array(1,2,3,5,8,13,21,34,55,89,144), 'method=ebrahimi'));
SELECT expect('de.opt.auto-van-es-10', differential_entropy(json_array(1,2,3,5,8,13,21,34,55,89)),
              differential_entropy(json_array(1,2,3,5,8,13,21,34,55,89), 'method=van es'));
SELECT expect('de.opt.methods-differ',
              (SELECT count(DISTINCT differential_entropy('[1,2,4,8,16,32,64]', 'method=' || m))
               FROM (SELECT 'vasicek' m UNION ALL SELECT 'van es' UNION ALL SELECT 'ebrahimi'
                     UNION ALL SELECT 'correa')), 4);
SELECT expect('de.opt.agg-all',
              (SELECT differential_entropy_agg(value, 'method=correa, window_length=2, unit=bans')
               FROM json_each('[64,1,32,2,16,4,8]')),
              differential_entropy('[1,2,4,8,16,32,64]', 'method=correa, window_length=2') / ln(10.0), 1e-15);
SELECT expect('de.opt.agg-number', (SELECT differential_entropy_agg(value, 1) FROM json_each('[3,1,2]')),
              differential_entropy('[1,2,3]', 'window_length=1'));

-- Option errors.
SELECT expect_error('de.err.unknown', 'SELECT differential_entropy(''[1,2,3,4,5]'', ''foo=1'')',
  'differential_entropy: options: unknown option ''foo'' (use method, window_length, unit)');
SELECT expect_error('de.err.word', 'SELECT differential_entropy(''[1,2,3,4,5]'', ''method=kde'')',
  'differential_entropy: options: method must be one of vasicek, van es, ebrahimi, correa, auto (got ''kde'')');
SELECT expect_error('de.err.twice', 'SELECT differential_entropy(''[1,2,3,4,5]'', ''window_length=1, Window_Length=2'')',
  'differential_entropy: options: option ''window_length'' given twice');
SELECT expect_error('de.err.window0', 'SELECT differential_entropy(''[1,2,3,4,5]'', ''window_length=0'')',
  'differential_entropy: options: window_length must be a whole number >= 1 (got ''0'')');
SELECT expect_error('de.err.window-real', 'SELECT differential_entropy(''[1,2,3,4,5]'', 2.5)',
  'differential_entropy: options: window_length must be a whole number >= 1 (got ''2.5'')');
SELECT expect_error('de.err.unit', 'SELECT differential_entropy(''[1,2,3,4,5]'', ''unit=dits'')',
  'differential_entropy: options: unit must be ''nats'', ''bits'' or ''bans'' (got ''dits'')');
SELECT expect_error('de.err.window-large', 'SELECT differential_entropy(''[1,2,3,4,5,6]'', ''window_length=3'')',
  'differential_entropy: options: window_length must be less than half the sample size (got 3 with 6 values)');
SELECT expect_error('de.err.window-large-shorthand', 'SELECT differential_entropy(''[1,2,3,4,5]'', 3)',
  'differential_entropy: options: window_length must be less than half the sample size (got 3 with 5 values)');
SELECT expect_error('de.err.window-huge', 'SELECT differential_entropy(''[1,2,3,4,5]'', ''window_length=4000000000'')',
  'differential_entropy: options: window_length must be less than half the sample size (got 4000000000 with 5 values)');
SELECT expect_error('de.err.default-window', 'SELECT differential_entropy(''[1,2,3,4]'')',
  'differential_entropy: the default window_length floor(sqrt(n) + 0.5) = 2 is not less than half the sample size (4 values): give window_length=1');
SELECT expect('de.err.default-window-fix', differential_entropy('[1,2,3,4]', 1) IS NOT NULL, 1);
SELECT expect_error('de.err.too-small', 'SELECT differential_entropy(''[1,2]'')',
  'differential_entropy: a sample of 2 values is too small (2 window_length < n needs at least 3 values)');
SELECT expect_error('de.err.one', 'SELECT differential_entropy(7)',
  'differential_entropy: a sample of 1 value is too small (2 window_length < n needs at least 3 values)');
SELECT expect_error('de.err.too-small-window1', 'SELECT differential_entropy(''[1,2]'', 1)',
  'differential_entropy: options: window_length must be less than half the sample size (got 1 with 2 values)');
SELECT expect_error('de.err.agg-window-large',
  'SELECT differential_entropy_agg(value, 2) FROM json_each(''[1,2,3,4]'')',
  'differential_entropy_agg: options: window_length must be less than half the sample size (got 2 with 4 values)');

-- Ties: an error naming the value, how often it occurs, the window and the
-- method (scipy: -inf, or NaN for correa).  m+1 equal at an end, 2m+1
-- inside (m+1 anywhere for van es); fewer are fine.
SELECT expect_error('de.ties.end', 'SELECT differential_entropy(''[1,1,2,3,4]'', ''method=vasicek, window_length=1'')',
  'differential_entropy: the sample has ties wider than the window (log of a zero spacing): 2 values equal to 1, window_length 1, method vasicek');
SELECT expect_error('de.ties.top', 'SELECT differential_entropy(''[1,2,3,4,4]'', ''method=ebrahimi, window_length=1'')',
  'differential_entropy: the sample has ties wider than the window (log of a zero spacing): 2 values equal to 4, window_length 1, method ebrahimi');
SELECT expect_error('de.ties.inside', 'SELECT differential_entropy(''[1,2.5,2.5,2.5,3,4,5]'', ''method=vasicek, window_length=1'')',
  'differential_entropy: the sample has ties wider than the window (log of a zero spacing): 3 values equal to 2.5, window_length 1, method vasicek');
SELECT expect('de.ties.inside-pair', differential_entropy('[1,2.5,2.5,3,4,5]', 'method=vasicek, window_length=1') IS NOT NULL, 1);
SELECT expect_error('de.ties.van-es', 'SELECT differential_entropy(''[1,2,2,3,4]'', 1)',
  'differential_entropy: the sample has ties wider than the window (log of a zero spacing): 2 values equal to 2, window_length 1, method van es');
SELECT expect_error('de.ties.correa', 'SELECT differential_entropy(''[-1,-2,0,0,0,3,4]'', ''method=correa, window_length=1'')',
  'differential_entropy: the sample has ties wider than the window (log of a zero spacing): 3 values equal to 0, window_length 1, method correa');
SELECT expect('de.ties.correa-pair', differential_entropy('[-1,2,0,0,3,4]', 'method=correa, window_length=1') IS NOT NULL, 1);
SELECT expect_error('de.ties.all-equal', 'SELECT differential_entropy(''[7,7,7,7,7,7,7,7,7,7,7]'')',
  'differential_entropy: the sample has ties wider than the window (log of a zero spacing): 11 values equal to 7, window_length 3, method ebrahimi');
SELECT expect_error('de.ties.agg',
  'SELECT differential_entropy_agg(value % 3) FROM json_each(''[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]'')',
  'differential_entropy_agg: the sample has ties wider than the window (log of a zero spacing): 7 values equal to 0, window_length 4, method ebrahimi');

-- Values: finite numbers only; an empty vector is an error.
SELECT expect_error('de.err.empty', 'SELECT differential_entropy(''[]'')',
  'differential_entropy: x is an empty vector');
SELECT expect_error('de.err.inf', 'SELECT differential_entropy(''[1,2,1e999,4,5]'')',
  'differential_entropy: x[2] is beyond the double range (offset 5)');
SELECT expect_error('de.err.agg-inf', 'SELECT differential_entropy_agg(value) FROM (SELECT 1 value UNION ALL SELECT 9e999)',
  'differential_entropy_agg: row 2: x must be finite (got Inf)');
SELECT expect_error('de.err.agg-text', 'SELECT differential_entropy_agg(value) FROM (SELECT 1 value UNION ALL SELECT ''abc'')',
  'differential_entropy_agg: row 2: x is not valid JSON: expected a JSON array of numbers at offset 0, found ''a''');
SELECT expect_error('de.err.agg-vector', 'SELECT differential_entropy_agg(''[1,2]'')',
  'differential_entropy_agg: row 1: x must be one number (got a vector of 2)');
SELECT expect_error('de.err.opts-blob', 'SELECT differential_entropy(''[1,2,3,4,5]'', x''00'')',
  'differential_entropy: options must be a text of key=value options');

-- NULL rule: a NULL argument gives NULL; the aggregate skips NULL rows and
-- is NULL without a value.
SELECT expect('de.null.x', differential_entropy(NULL), NULL);
SELECT expect('de.null.opts', differential_entropy('[1,2,3,4,5]', NULL), NULL);
SELECT expect('de.null.both-bad', differential_entropy('[]', NULL), NULL);
SELECT expect('de.null.agg-skips',
              (SELECT differential_entropy_agg(value) FROM json_each('[5,null,1,4,null,2,3]')),
              differential_entropy('[1,2,3,4,5]'));
SELECT expect('de.null.agg-skips-opts',
              (SELECT differential_entropy_agg(v, o) FROM (SELECT 1 v, 1 o UNION ALL SELECT 2, NULL
               UNION ALL SELECT 3, 1 UNION ALL SELECT 9, 1)),
              differential_entropy('[1,3,9]', 1));
SELECT expect('de.null.agg-all-null', (SELECT differential_entropy_agg(value) FROM json_each('[null,null]')), NULL);
SELECT expect('de.null.agg-no-rows', (SELECT differential_entropy_agg(1) WHERE 0), NULL);
SELECT expect('de.null.agg-groups',
              (SELECT group_concat(coalesce(h, 'null'), ' ') FROM
                 (SELECT g, differential_entropy_agg(v, 1) h FROM
                    (SELECT 1 g, 1 v UNION ALL SELECT 1, 2 UNION ALL SELECT 1, 4 UNION ALL SELECT 2, NULL)
                  GROUP BY g ORDER BY g)),
              differential_entropy('[1,2,4]', 1) || ' null');
SELECT expect_error('de.err.agg-opts-differ',
  'SELECT differential_entropy_agg(value, ''method='' || CASE WHEN value < 3 THEN ''vasicek'' ELSE ''correa'' END) FROM json_each(''[1,2,3,4,5]'')',
  'differential_entropy_agg: row 3: the options must be the same on every row');

-- Not a window function.
SELECT expect_error('de.window', 'SELECT differential_entropy_agg(value) OVER () FROM json_each(''[1,2,3,4,5]'')',
  'differential_entropy_agg() may not be used as a window function');

-- The aggregate keeps its values within SQLite's length limit: an error past
-- it, never a truncation (800 bytes: 100 doubles).
SELECT set_length_limit(800);
SELECT expect('de.limit.at', (WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < 100)
                              SELECT differential_entropy_agg(k * k) FROM c) IS NOT NULL, 1);
SELECT expect_error('de.limit.past',
  'WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < 101) SELECT differential_entropy_agg(k * k) FROM c',
  'differential_entropy_agg: row 101: a sample of more than 100 values (the aggregate keeps its samples, each at most SQLite''s length limit of 800 bytes)');
SELECT expect('de.limit.nulls-free',
              (WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < 150)
               SELECT differential_entropy_agg(CASE WHEN k % 3 = 0 THEN NULL ELSE k * k END) FROM c) IS NOT NULL, 1);
SELECT set_length_limit(1000000000);
