-- The argument layer of the functions over raw samples (sql/args_samples.c):
-- the two-sample convention of the aggregates, the options text, the NULL
-- rule, empty groups, row-numbered errors, the length limit, and the
-- refusal of window use.  The values of each function are checked against
-- scipy / mpmath in its own script (transport.sql, ks.sql, dentropy.sql,
-- knn.sql, psi.sql); here, values are hand derivations.

CREATE TEMP TABLE s(id INTEGER PRIMARY KEY, x, r, w);
-- the first sample (r = 0) is [0, 1, 3], the reference (r = 1) [5, 6, 8]:
-- one is the other moved by 5, so the Wasserstein distance is 5 and the
-- KS statistic 1
INSERT INTO s(x, r, w) VALUES (0, 0, 1), (5, 1, 1), (1, 0, 1), (6, 1, 1), (3, 0, 1), (8, 1, 1);

-- is_reference routes the rows: 0 is the first sample, 1 the second
SELECT expect('sagg.route', (SELECT wasserstein_agg(x, r) FROM s), 5.0, 1e-15);
SELECT expect('sagg.route.cmp', (SELECT wasserstein_agg(x, x >= 5) FROM s), 5.0, 1e-15);
SELECT expect('sagg.route.real', (SELECT wasserstein_agg(x, r * 1.0) FROM s), 5.0, 1e-15);
SELECT expect('sagg.ks', (SELECT ks_stat_agg(x, r) FROM s), 1.0);
-- rows with a NULL anywhere are skipped, as SUM skips them
INSERT INTO s(x, r, w) VALUES (NULL, 0, 1), (100, NULL, 1), (100, 0, NULL);
SELECT expect('sagg.null.skip', (SELECT wasserstein_agg(x, r) FROM s WHERE w IS NOT NULL), 5.0, 1e-15);
SELECT expect('sagg.null.skip.w', (SELECT wasserstein_agg(x, r, w) FROM s), 5.0, 1e-15);
DELETE FROM s WHERE x IS NULL OR r IS NULL OR w IS NULL;
-- a group without one of its samples gives NULL
SELECT expect('sagg.empty.group', (SELECT wasserstein_agg(x, r) FROM s WHERE 0), NULL);
SELECT expect('sagg.empty.ref', (SELECT wasserstein_agg(x, r) FROM s WHERE r = 0), NULL);
SELECT expect('sagg.empty.cur', (SELECT wasserstein_agg(x, r) FROM s WHERE r = 1), NULL);
SELECT expect('sagg.empty.nulls', (SELECT wasserstein_agg(NULL, r) FROM s), NULL);
SELECT expect('sagg.empty.one', (SELECT differential_entropy_agg(x) FROM s WHERE 0), NULL);
SELECT expect('sagg.group.by',
  (SELECT group_concat(v, ',') FROM (SELECT g, wasserstein_agg(x, r) AS v FROM
     (SELECT x, r, 1 AS g FROM s UNION ALL SELECT x * 2, r, 2 FROM s) GROUP BY g ORDER BY g)),
  '5.0,10.0');

-- is_reference is the number 0 or 1
SELECT expect_error('sagg.ref.2', 'SELECT wasserstein_agg(x, 2) FROM s',
  'wasserstein_agg: row 1: is_reference must be 0 or 1 (got 2)');
SELECT expect_error('sagg.ref.half', 'SELECT wasserstein_agg(x, 0.5) FROM s',
  'wasserstein_agg: row 1: is_reference must be 0 or 1 (got 0.5)');
SELECT expect_error('sagg.ref.text', 'SELECT wasserstein_agg(x, ''yes'') FROM s',
  'wasserstein_agg: row 1: is_reference must be 0 or 1 (got ''yes'')');
SELECT expect_error('sagg.ref.blob', 'SELECT ks_stat_agg(x, x''01'') FROM s',
  'ks_stat_agg: row 1: is_reference must be 0 or 1 (got a blob)');
SELECT expect_error('sagg.ref.long', 'SELECT ks_stat_agg(x, printf(''%.100c'', ''a'')) FROM s',
  'ks_stat_agg: row 1: is_reference must be 0 or 1 (got ''aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'')');
-- x: one finite number per row (a text holding one number is read as one)
SELECT expect('sagg.x.text', (SELECT wasserstein_agg(CAST(x AS TEXT), r) FROM s), 5.0, 1e-15);
SELECT expect_error('sagg.x.inf', 'SELECT wasserstein_agg(CASE WHEN id = 4 THEN 1e999 ELSE x END, r) FROM s ORDER BY id',
  'wasserstein_agg: row 4: x must be finite (got Inf)');
SELECT expect_error('sagg.x.ninf', 'SELECT energy_distance_agg(-1e999, r) FROM s',
  'energy_distance_agg: row 1: x must be finite (got -Inf)');
SELECT expect_error('sagg.x.vector', 'SELECT wasserstein_agg(''[1,2]'', r) FROM s',
  'wasserstein_agg: row 1: x must be one number (got a vector of 2)');
SELECT expect_error('sagg.x.text.bad', 'SELECT wasserstein_agg(''abc'', r) FROM s',
  'wasserstein_agg: row 1: x is not valid JSON: expected a JSON array of numbers at offset 0, found ''a''');
-- the weight: > 0, one number
SELECT expect_error('sagg.w.zero', 'SELECT wasserstein_agg(x, r, CASE WHEN id = 3 THEN 0 ELSE 1 END) FROM s ORDER BY id',
  'wasserstein_agg: row 3: weight must be > 0 (got 0)');
SELECT expect_error('sagg.w.neg', 'SELECT energy_distance_agg(x, r, -2.5) FROM s',
  'energy_distance_agg: row 1: weight must be > 0 (got -2.5)');
SELECT expect_error('sagg.w.inf', 'SELECT energy_distance_agg(x, r, 1e999) FROM s',
  'energy_distance_agg: row 1: weight must be finite (got Inf)');
SELECT expect_error('sagg.w.vector', 'SELECT wasserstein_agg(x, r, ''[1,2]'') FROM s',
  'wasserstein_agg: row 1: weight must be one number (got a vector of 2)');
-- equal weights change nothing; a weight of 3 is three copies
SELECT expect('sagg.w.equal', (SELECT wasserstein_agg(x, r, 7.5) FROM s), 5.0, 1e-15);
SELECT expect('sagg.w.copies',
  (SELECT wasserstein_agg(x, r, CASE WHEN x = 0 THEN 3 ELSE 1 END) FROM s),
  (SELECT wasserstein_agg(x, r) FROM (SELECT x, r FROM s UNION ALL SELECT 0, 0 UNION ALL SELECT 0, 0)), 1e-15);

-- the options of an aggregate are the same on every row
SELECT expect_error('sagg.opt.same', 'SELECT differential_entropy_agg(x, CASE WHEN id = 2 THEN ''unit=bits'' ELSE ''unit=nats'' END) FROM s ORDER BY id',
  'differential_entropy_agg: row 2: the options must be the same on every row');
SELECT expect('sagg.opt.bits', (SELECT differential_entropy_agg(x, 'unit=bits') FROM s),
  (SELECT differential_entropy_agg(x) FROM s) / ln(2.0), 1e-15);

-- the length limit: a sample of more values than SQLite's length limit
-- allows bytes / 8 is an error, never a truncation
SELECT set_length_limit(1000);
SELECT expect_error('sagg.limit',
  'WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 300) SELECT wasserstein_agg(i, i % 2) FROM c',
  'wasserstein_agg: row 251: a sample of more than 125 values (the aggregate keeps its samples, each at most SQLite''s length limit of 1000 bytes)');
SELECT expect('sagg.limit.fits',
  (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 250) SELECT ks_stat_agg(i, i % 2) FROM c),
  1.0 / 125, 1e-15);
SELECT set_length_limit(1000000000);

-- not window functions: SQLite refuses them in an OVER clause
WITH f(name) AS (VALUES ('wasserstein_agg'), ('energy_distance_agg'), ('ks_stat_agg'),
  ('ks_pvalue_agg'), ('kl_knn_agg'), ('psi_samples_agg'), ('js_samples_agg'), ('kl_samples_agg'),
  ('psi_agg'))
SELECT expect_error('sagg.window.' || name, 'SELECT ' || name || '(x, r) OVER () FROM s',
  name || '() may not be used as a window function') FROM f;
SELECT expect_error('sagg.window.differential_entropy_agg', 'SELECT differential_entropy_agg(x) OVER () FROM s',
  'differential_entropy_agg() may not be used as a window function');

-- ------------------------------------------------------------ options
-- each option alone, together, in any order, any letter case, spaced
SELECT expect('opt.none', differential_entropy('[1,2,4,8,16]', ''), differential_entropy('[1,2,4,8,16]'));
SELECT expect('opt.spaces', differential_entropy('[1,2,4,8,16]', '   '), differential_entropy('[1,2,4,8,16]'));
SELECT expect('opt.unit', differential_entropy('[1,2,4,8,16]', 'unit=bits'),
  differential_entropy('[1,2,4,8,16]') / ln(2.0), 1e-15);
SELECT expect('opt.case', differential_entropy('[1,2,4,8,16]', ' UNIT = Bits '),
  differential_entropy('[1,2,4,8,16]', 'unit=bits'));
SELECT expect('opt.order', differential_entropy('[1,2,4,8,16,32,64]', 'unit=bans,method=van es,window_length=2'),
  differential_entropy('[1,2,4,8,16,32,64]', 'method=VAN ES, window_length=2, unit=bans'));
-- the shorthand: a number is the first numeric option (window_length here)
SELECT expect('opt.number', differential_entropy('[1,2,4,8,16,32,64]', 2),
  differential_entropy('[1,2,4,8,16,32,64]', 'window_length=2'));
SELECT expect('opt.number.real', differential_entropy('[1,2,4,8,16,32,64]', 2.0),
  differential_entropy('[1,2,4,8,16,32,64]', 'window_length=2'));
-- and a text starting with '[' is the edges
SELECT expect('opt.edges', psi_samples('[0.5,1.5,2.5,3.5]', '[0.5,1.5,1.6,3.5]', '[1,2,3]'),
  psi_samples('[0.5,1.5,2.5,3.5]', '[0.5,1.5,1.6,3.5]', 'edges=[1,2,3]'));
SELECT expect('opt.null', differential_entropy('[1,2,4]', NULL), NULL);

SELECT expect_error('opt.unknown', 'SELECT differential_entropy(''[1,2,4,8]'', ''foo=1'')',
  'differential_entropy: options: unknown option ''foo'' (use method, window_length, unit)');
SELECT expect_error('opt.twice', 'SELECT differential_entropy(''[1,2,4,8]'', ''unit=bits, unit=nats'')',
  'differential_entropy: options: option ''unit'' given twice');
SELECT expect_error('opt.word', 'SELECT differential_entropy(''[1,2,4,8]'', ''method=fast'')',
  'differential_entropy: options: method must be one of vasicek, van es, ebrahimi, correa, auto (got ''fast'')');
SELECT expect_error('opt.unit.bad', 'SELECT differential_entropy(''[1,2,4,8]'', ''unit=kb'')',
  'differential_entropy: options: unit must be ''nats'', ''bits'' or ''bans'' (got ''kb'')');
SELECT expect_error('opt.count.zero', 'SELECT differential_entropy(''[1,2,4,8]'', ''window_length=0'')',
  'differential_entropy: options: window_length must be a whole number >= 1 (got ''0'')');
SELECT expect_error('opt.count.frac', 'SELECT differential_entropy(''[1,2,4,8]'', 1.5)',
  'differential_entropy: options: window_length must be a whole number >= 1 (got ''1.5'')');
SELECT expect_error('opt.count.text', 'SELECT differential_entropy(''[1,2,4,8]'', ''window_length=two'')',
  'differential_entropy: options: window_length must be a whole number >= 1 (got ''two'')');
SELECT expect_error('opt.nokey', 'SELECT differential_entropy(''[1,2,4,8]'', ''bits'')',
  'differential_entropy: options: expected key=value, got ''bits''');
SELECT expect_error('opt.noeq', 'SELECT differential_entropy(''[1,2,4,8]'', ''=bits'')',
  'differential_entropy: options: expected key=value, got ''=bits''');
SELECT expect_error('opt.trailing', 'SELECT differential_entropy(''[1,2,4,8]'', ''unit=bits,'')',
  'differential_entropy: options: an option must follow '',''');
SELECT expect_error('opt.empty.item', 'SELECT differential_entropy(''[1,2,4,8]'', ''unit=bits,,method=auto'')',
  'differential_entropy: options: expected key=value, got ''''');
SELECT expect_error('opt.nocomma', 'SELECT differential_entropy(''[1,2,4,8]'', ''unit=bits method=auto'')',
  'differential_entropy: options: unit must be ''nats'', ''bits'' or ''bans'' (got ''bits method=auto'')');
SELECT expect_error('opt.blob', 'SELECT differential_entropy(''[1,2,4,8]'', x''00'')',
  'differential_entropy: options must be a text of key=value options');
SELECT expect_error('opt.long', 'SELECT differential_entropy(''[1,2,4,8]'', ''method='' || printf(''%.200c'', ''x''))',
  'differential_entropy: options: method must be one of vasicek, van es, ebrahimi, correa, auto (got ''xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'')');
SELECT expect_error('opt.utf8', 'SELECT differential_entropy(''[1,2,4,8]'', ''m'' || char(233) || ''thod=1'')',
  'differential_entropy: options: expected key=value, got ''m' || char(233) || 'thod=1''');
SELECT expect_error('opt.control', 'SELECT differential_entropy(''[1,2,4,8]'', ''unit='' || char(10) || ''x'')',
  'differential_entropy: options: unit must be ''nats'', ''bits'' or ''bans'' (got ''x'')');
-- edges: a JSON array of at least 2 finite, strictly increasing numbers
SELECT expect_error('opt.edges.order', 'SELECT psi_samples(''[1,2]'', ''[1,2]'', ''edges=[0,2,2]'')',
  'psi_samples: options: edges[2] must be > edges[1] (got 2 <= 2)');
SELECT expect_error('opt.edges.one', 'SELECT psi_samples(''[1,2]'', ''[1,2]'', ''[0]'')',
  'psi_samples: options: edges must be a JSON array of at least 2 finite, strictly increasing numbers (got ''[0]'')');
SELECT expect_error('opt.edges.json', 'SELECT psi_samples(''[1,2]'', ''[1,2]'', ''edges=[0,x]'')',
  'psi_samples: options: edges is not valid JSON: expected a number at offset 9, found ''x''');
SELECT expect_error('opt.edges.open', 'SELECT psi_samples(''[1,2]'', ''[1,2]'', ''edges=[0,1'')',
  'psi_samples: options: edges is not valid JSON: expected '','' or '']'' at offset 10, found end of text');
SELECT expect_error('opt.edges.number', 'SELECT psi_samples(''[1,2]'', ''[1,2]'', ''edges=5'')',
  'psi_samples: options: edges must be a JSON array of at least 2 finite, strictly increasing numbers (got ''5'')');
SELECT expect_error('opt.edges.inf', 'SELECT psi_samples(''[1,2]'', ''[1,2]'', ''[0,1e999]'')',
  'psi_samples: options: edges[1] is beyond the double range (offset 3)');

-- scalar samples: NULL in, NULL out; empty and non-finite are errors
SELECT expect('scalar.null.u', wasserstein(NULL, '[1]'), NULL);
SELECT expect('scalar.null.w', wasserstein('[1]', '[2]', NULL, '[1]'), NULL);
SELECT expect('scalar.number', wasserstein(1, 4), 3.0);
SELECT expect_error('scalar.empty', 'SELECT wasserstein(''[]'', ''[1]'')', 'wasserstein: u is an empty vector');
SELECT expect_error('scalar.inf', 'SELECT ks_stat(''[1, 1e999]'', ''[1]'')',
  'ks_stat: u[1] is beyond the double range (offset 4)');
SELECT expect_error('scalar.w.len', 'SELECT wasserstein(''[1,2]'', ''[1]'', ''[1]'', ''[1]'')',
  'wasserstein: u_weights has 1 elements but u has 2');
SELECT expect_error('scalar.w.zero', 'SELECT energy_distance(''[1,2]'', ''[1]'', ''[1,0]'', ''[1]'')',
  'energy_distance: u_weights[1] must be > 0 (got 0)');
-- a whole number beyond 2^53 is refused as it was written (not rounded)
SELECT expect_error('opt.count.huge', 'SELECT differential_entropy(''[1,2,4,8]'', 9223372036854775807)',
  'differential_entropy: options: window_length must be a whole number >= 1 (got ''9223372036854775807'')');
SELECT expect_error('opt.count.neg', 'SELECT differential_entropy(''[1,2,4,8]'', -3)',
  'differential_entropy: options: window_length must be a whole number >= 1 (got ''-3'')');
SELECT expect_error('opt.after.edges', 'SELECT psi_samples(''[1,2]'', ''[1,2]'', ''edges=[1,2] x'')',
  'psi_samples: options: expected '','' after ''edges=[1,2] ''');
SELECT expect_error('opt.edges.empty', 'SELECT psi_samples(''[1,2]'', ''[1,2]'', ''edges=[]'')',
  'psi_samples: options: edges is an empty vector');
SELECT expect_error('opt.edges.none', 'SELECT differential_entropy(''[1,2,4,8]'', '' [1,2]'')',
  'differential_entropy: options: expected key=value, got '' [1,2]''');
SELECT expect_error('opt.count.big', 'SELECT psi_samples(''[1,2]'', ''[1,2]'', ''bins=1e17'')',
  'psi_samples: options: bins must be a whole number >= 1 (got ''1e17'')');
SELECT expect('opt.spaces.all', differential_entropy('[1,2,4,8,16]', char(9) || 'unit' || char(13) || '=' || char(10) || 'bits '),
  differential_entropy('[1,2,4,8,16]', 'unit=bits'));
-- an aggregate's options: a number on every row is the same option; a
-- number on one row and a text on the next are not the same
SELECT expect('sagg.opt.number', (SELECT kl_knn_agg(x, r, 1) FROM s), (SELECT kl_knn_agg(x, r, 'k=1') FROM s));
SELECT expect_error('sagg.opt.type', 'SELECT kl_knn_agg(x, r, CASE WHEN id = 2 THEN ''k=1'' ELSE 1 END) FROM s ORDER BY id',
  'kl_knn_agg: row 2: the options must be the same on every row');
SELECT expect_error('sagg.opt.value', 'SELECT kl_knn_agg(x, r, CASE WHEN id = 3 THEN 2 ELSE 1 END) FROM s ORDER BY id',
  'kl_knn_agg: row 3: the options must be the same on every row');
