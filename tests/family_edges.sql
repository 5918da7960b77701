-- The family functions at the edges of the double range: huge and tiny
-- parameters, subnormals, widths and differences beyond DBL_MAX, nearly
-- equal and identical arguments.  Values against mpmath
-- (tests/data/family_edges_ref.sql, written by tests/gen_family_edges.py);
-- the random stress behind these cases is tests/stress_families.py.
.read tests/data/family_edges_ref.sql

SELECT expect('ref.count', (SELECT count(*) FROM edge_ref), (SELECT n FROM edge_ref_count));
CREATE TEMP TABLE calls AS SELECT fn, id, a1, a2, a3, a4, 'nats' AS unit FROM edge_ref;
.read tests/include/dispatch.sql
CREATE TEMP TABLE edge_res AS SELECT r.fn, r.id, r.want, d.got
  FROM edge_ref r JOIN dispatched d ON d.fn = r.fn AND d.id = r.id AND d.unit = 'nats';
-- Within 1e-13 of mpmath, +Inf exactly where the truth exceeds DBL_MAX,
-- exactly 0 for identical distributions; never NULL, negative or -Inf.
SELECT expect(fn || '.' || id, got, want, 1e-13) FROM edge_res WHERE want <> 0 ORDER BY fn, id;
SELECT expect(fn || '.' || id, got, 0.0) FROM edge_res WHERE want = 0 ORDER BY fn, id;
SELECT expect('sign.' || fn || '.' || id, got >= 0, 1) FROM edge_res ORDER BY fn, id;
