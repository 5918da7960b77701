-- ks_stat, ks_pvalue, ks_stat_agg, ks_pvalue_agg (core/ks.c, sql/ks_sql.c):
-- values against scipy 1.10.1's ks_2samp, exact lattice-path counts and
-- mpmath (tests/data/ks_ref.sql, written by tests/gen_ks_ref.py), in every
-- input form and as aggregates; the NULL rule, empty groups, errors and the
-- refusal of window use.
.read tests/data/ks_ref.sql

SELECT expect('ks.ref.count', (SELECT count(*) FROM ks_ref), (SELECT n FROM ks_ref_count));
SELECT expect('ks.big.count', (SELECT count(*) FROM ks_big), (SELECT n FROM ks_big_count));
SELECT expect('ks.tail.count', (SELECT count(*) FROM ks_tail), (SELECT n FROM ks_tail_count));

-- The cases of more than 4·10^6 value pairs (fallback.10000.*,
-- rand.4000x2500.*: the exact road costs n1·n2) are in tests/big/ks.sql.
DELETE FROM ks_ref WHERE json_array_length(u) * json_array_length(v) > 4000000;
.read tests/include/ks_ref_checks.sql
-- A plain number is a sample of one value.
SELECT expect('ks.number.stat', ks_stat(1, '[0, 2]'), 0.5);
SELECT expect('ks.number.p', ks_pvalue(3, 4), 1.0);
SELECT expect('ks.number.both', ks_stat(3.5, 3.5), 0.0);
-- NULL rows (in x or in is_reference) are skipped.
SELECT expect('ks.agg.nulls', (SELECT ks_pvalue_agg(x, isref) FROM (
    SELECT x, isref FROM ks_rows WHERE id = 'rand.30x45.s0.3'
    UNION ALL SELECT NULL, 0 UNION ALL SELECT NULL, 1 UNION ALL SELECT 99.0, NULL)),
  (SELECT pvalue FROM ks_ref WHERE id = 'rand.30x45.s0.3'), 1e-12);

-- ------------------------------------------------- tails, exact reference
-- p-values down to 1e-149 against the lattice-path count in integers.
SELECT expect('ks.tail.' || id, ks_pvalue(u, v), want, 1e-13) FROM ks_tail ORDER BY id;
SELECT expect('ks.tail.agg.' || id,
  (SELECT ks_pvalue_agg(x, r) FROM (SELECT value AS x, 0 AS r FROM json_each(t.u)
                                    UNION ALL SELECT value, 1 FROM json_each(t.v))),
  want, 1e-13) FROM ks_tail t ORDER BY id;

-- ------------------------------------------------------ the roads' edges
-- Samples built for the edges of the p-value's roads (tests/gen_ks_ref.py,
-- edge_cases): D to the bit, the p-value against exact rationals (3/16 by
-- hand too: x = 1/2, n = 4: 1/2 (C(4,0) (1/2)^4 (1/2)^-1 + C(4,1) (1/4)^3),
-- twice, the j = 2 term exactly 0), mpmath's Durbin matrix (N = 100, N D an
-- integer or 3/2; Durbin's road at N = 148) or scipy's kstwo.sf where it
-- returns 0.
SELECT expect('ks.edge.count', (SELECT count(*) FROM ks_edge), (SELECT n FROM ks_edge_count));
SELECT expect('ks.edge.count.want', (SELECT count(*) FROM ks_edge), 9);
SELECT expect('ks.edge.stat.' || id, ks_stat(u, v), dexact) FROM ks_edge ORDER BY id;
SELECT expect('ks.edge.p.' || id, ks_pvalue(u, v), want, 1e-15) FROM ks_edge ORDER BY id;
SELECT expect('ks.edge.p.scipy.' || id, ks_pvalue(u, v), scipy, 1e-12) FROM ks_edge ORDER BY id;
SELECT expect('ks.edge.hand.n4', (SELECT want FROM ks_edge WHERE id = 'n4.half'), 3.0 / 16);
SELECT expect('ks.edge.hand.disjoint', (SELECT want FROM ks_edge WHERE id = 'square.disjoint.1000'), 0.0);

-- ------------------------------------------------------ hand derivations
-- Disjoint samples of 3 and 3: D = 1, and 2 of the C(6, 3) = 20 orderings
-- are that extreme: p = 1/10.
SELECT expect('ks.hand.disjoint.stat', ks_stat('[1,2,3]', '[4,5,6]'), 1.0);
SELECT expect('ks.hand.disjoint.p', ks_pvalue('[1,2,3]', '[4,5,6]'), 0.1, 1e-15);
-- Interleaved 1 3 5 7 | 2 4 6 8: D = 1/4; every path with |i - j| >= 1
-- somewhere: all of them, p = 1.
SELECT expect('ks.hand.interleaved.stat', ks_stat('[1,3,5,7]', '[2,4,6,8]'), 0.25);
SELECT expect('ks.hand.interleaved.p', ks_pvalue('[1,3,5,7]', '[2,4,6,8]'), 1.0);
-- Ties: all values equal, D = 0, p = 1; -0 equals +0.
SELECT expect('ks.hand.ties', ks_stat('[2,2,2]', '[2,2]'), 0.0);
SELECT expect('ks.hand.ties.p', ks_pvalue('[2,2,2]', '[2,2]'), 1.0);
SELECT expect('ks.hand.zero-signs', ks_stat('[-0.0]', '[0.0]'), 0.0);
-- Samples of 7 and 5 (pooled order v u u u v v u u v u v u): D is at
-- i = 3, j = 1, 3/7 - 1/5 = 8/35, computed from integer counts; the
-- difference of the rounded fractions is 0.22857142857142854, an ulp low.
SELECT expect('ks.hand.rational', ks_stat('[2,3,4,7,8,10,12]', '[1,5,6,9,11]'),
              8.0 / 35);
SELECT expect('ks.hand.rational.naive', 3.0 / 7 - 1.0 / 5 <> 8.0 / 35, 1);

-- ------------------------------------------------------------- NULL rule
SELECT expect('ks.null.u', ks_stat(NULL, '[1]'), NULL);
SELECT expect('ks.null.v', ks_pvalue('[1]', NULL), NULL);
-- NULL wins over an error elsewhere.
SELECT expect('ks.null.first', ks_stat(NULL, 'not a vector'), NULL);
SELECT expect('ks.null.second', ks_pvalue('[]', NULL), NULL);

-- An aggregate without a row of each sample gives NULL.
CREATE TEMP TABLE ks_t(x REAL, r INT);
SELECT expect('ks.empty.none', (SELECT ks_stat_agg(x, r) FROM ks_t), NULL);
SELECT expect('ks.empty.none.p', (SELECT ks_pvalue_agg(x, r) FROM ks_t), NULL);
INSERT INTO ks_t VALUES (1, 0), (2, 0);
SELECT expect('ks.empty.no-reference', (SELECT ks_stat_agg(x, r) FROM ks_t), NULL);
SELECT expect('ks.empty.no-reference.p', (SELECT ks_pvalue_agg(x, r) FROM ks_t), NULL);
SELECT expect('ks.empty.no-current', (SELECT ks_pvalue_agg(x, 1) FROM ks_t), NULL);
SELECT expect('ks.empty.all-null', (SELECT ks_stat_agg(NULL, r) FROM ks_t), NULL);
INSERT INTO ks_t VALUES (NULL, 1), (5, NULL);
SELECT expect('ks.empty.null-rows', (SELECT ks_stat_agg(x, r) FROM ks_t), NULL);
INSERT INTO ks_t VALUES (3, 1);
SELECT expect('ks.agg.small.stat', (SELECT ks_stat_agg(x, r) FROM ks_t), 1.0);
-- 1 2 | 3: the C(3, 1) = 3 orderings, 2 with D = 1: p = 2/3.
SELECT expect('ks.agg.small.p', (SELECT ks_pvalue_agg(x, r) FROM ks_t), 2.0 / 3, 1e-15);
-- GROUP BY: a group with one sample only is NULL, the others are computed.
SELECT expect('ks.agg.groups', (SELECT group_concat(coalesce(s, 'null'), ' ') FROM (
    SELECT g, ks_stat_agg(x, r) AS s FROM (
      SELECT 1 AS g, 1.0 AS x, 0 AS r UNION ALL SELECT 1, 2.0, 1
      UNION ALL SELECT 2, 1.0, 0) GROUP BY g ORDER BY g)), '1.0 null');

-- ----------------------------------------------------------------- errors
SELECT expect_error('ks.err.empty.u', 'SELECT ks_stat(''[]'', ''[1]'')', 'ks_stat: u is an empty vector');
SELECT expect_error('ks.err.empty.v', 'SELECT ks_pvalue(''[1]'', ''[]'')', 'ks_pvalue: v is an empty vector');
SELECT expect_error('ks.err.element', 'SELECT ks_pvalue(''[1]'', ''[1,"a"]'')',
                    'ks_pvalue: v[1] is not a number (offset 3)');
SELECT expect_error('ks.err.inf', 'SELECT ks_stat(''[1e999]'', ''[1]'')',
                    'ks_stat: u[0] is beyond the double range (offset 1)');
SELECT expect_error('ks.err.json', 'SELECT ks_stat(''x'', ''[1]'')',
                    'ks_stat: u is not valid JSON: expected a JSON array of numbers at offset 0, found ''x''');
SELECT expect_error('ks.err.agg.isref', 'SELECT ks_stat_agg(x, r) FROM (SELECT 1 AS x, 0 AS r UNION ALL SELECT 2, 2)',
                    'ks_stat_agg: row 2: is_reference must be 0 or 1 (got 2)');
SELECT expect_error('ks.err.agg.isref.real', 'SELECT ks_pvalue_agg(x, r) FROM (SELECT 1 AS x, 0 AS r UNION ALL SELECT 3, 0.5)',
                    'ks_pvalue_agg: row 2: is_reference must be 0 or 1 (got 0.5)');
SELECT expect_error('ks.err.agg.isref.text', 'SELECT ks_pvalue_agg(x, r) FROM (SELECT 1 AS x, 0 AS r UNION ALL SELECT 2, 1 UNION ALL SELECT 3, ''1'')',
                    'ks_pvalue_agg: row 3: is_reference must be 0 or 1 (got ''1'')');
SELECT expect_error('ks.err.agg.inf', 'SELECT ks_stat_agg(x, r) FROM (SELECT 1 AS x, 0 AS r UNION ALL SELECT 1e999, 1)',
                    'ks_stat_agg: row 2: x must be finite (got Inf)');
SELECT expect_error('ks.err.agg.text', 'SELECT ks_stat_agg(x, r) FROM (SELECT 1 AS x, 0 AS r UNION ALL SELECT ''a'', 1)',
                    'ks_stat_agg: row 2: x is not valid JSON: expected a JSON array of numbers at offset 0, found ''a''');
-- Plain aggregates: SQLite refuses window use.
SELECT expect_error('ks.err.window.stat', 'SELECT ks_stat_agg(x, r) OVER () FROM ks_t',
                    'ks_stat_agg() may not be used as a window function');
SELECT expect_error('ks.err.window.p', 'SELECT ks_pvalue_agg(x, r) OVER (ORDER BY x) FROM ks_t',
                    'ks_pvalue_agg() may not be used as a window function');

-- ------------------------------------------------------- SQLite's limits
-- A sample past SQLite's length limit (here 800 bytes: 100 doubles) is an
-- error naming the row, never a truncation; at the limit it is computed.
SELECT set_length_limit(800);
SELECT expect_error('ks.err.limit',
  'WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < 300) SELECT ks_stat_agg(i, i % 2) FROM s',
  'ks_stat_agg: row 201: a sample of more than 100 values (the aggregate keeps its samples, each at most SQLite''s length limit of 800 bytes)');
-- evens against odds, 100 each: the ECDFs never differ by more than 1/100
SELECT expect('ks.limit.at',
  (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < 200) SELECT ks_stat_agg(i, i % 2) FROM s),
  0.01);
SELECT set_length_limit(1000000000);
