-- The accuracy report's guard (ACCURACY.md; grid and references in
-- tests/accuracy/grid.sql, written by tests/accuracy/gen.py): per function,
-- our largest relative error against mpmath stays within its bound, +Inf
-- exactly where the true value exceeds the double range, never NaN.
.read tests/accuracy/grid.sql

SELECT expect('count', (SELECT count(*) FROM acc), (SELECT n FROM acc_count));
CREATE TEMP TABLE calls AS SELECT fn, id, a1, a2, a3, a4, 'nats' AS unit FROM acc;
.read tests/include/dispatch.sql
CREATE TEMP TABLE acc_got AS SELECT a.fn, a.id, a.want, a.bound, d.got
  FROM acc a JOIN dispatched d ON d.fn = a.fn AND d.id = a.id;
-- Relative error; +Inf must meet +Inf; NULL (NaN) is an infinite error.
CREATE TEMP VIEW acc_err AS SELECT fn, id, bound, CASE
  WHEN got IS NULL THEN 9e999
  WHEN want >= 9e999 OR got >= 9e999 THEN CASE WHEN got = want THEN 0.0 ELSE 9e999 END
  WHEN want = 0 THEN abs(got)
  ELSE abs(got - want) / abs(want) END AS err FROM acc_got;
-- One check per function: its largest error, within the bound.
SELECT expect('max-rel-err.' || fn || ' (bound ' || printf('%.0e', bound) || ')',
              (SELECT max(err) FROM acc_err e WHERE e.fn = f.fn), 0.0, bound)
  FROM (SELECT DISTINCT fn, bound FROM acc) f ORDER BY fn;
SELECT expect('functions-covered', (SELECT count(DISTINCT fn) FROM acc), 29);
SELECT expect('inf-exactly', (SELECT count(*) FROM acc_got WHERE (want >= 9e999) <> (got >= 9e999)), 0);
SELECT expect('inf-cases', (SELECT count(*) FROM acc WHERE want >= 9e999) >= 3, 1);
SELECT expect('never-nan', (SELECT count(*) FROM acc_got WHERE got IS NULL), 0);
