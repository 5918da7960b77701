-- The functions the extension registers: tests/data/functions.txt lists
-- each as name/arguments/kind/encoding/flags (kind s = scalar, w = window
-- aggregate; flags 2099200 = SQLITE_DETERMINISTIC 0x800 |
-- SQLITE_INNOCUOUS 0x200000).  tests/host.c compares the whole function
-- list with and without the extension against the same file, so a
-- function registered under any other name is caught too.
CREATE TEMP TABLE want_funcs(f TEXT);
.import tests/data/functions.txt want_funcs
SELECT expect('functions.count', (SELECT count(*) FROM want_funcs) > 30, 1);
SELECT expect('functions.' || f, (SELECT count(*) FROM pragma_function_list
  WHERE name || '/' || narg || '/' || type || '/' || enc || '/' || flags = f), 1)
  FROM want_funcs ORDER BY f;
-- Every registration of a name we own is in the list (no stray arity/flags).
SELECT expect('functions.no-stray', (SELECT group_concat(g, ' ') FROM (
  SELECT name || '/' || narg || '/' || type || '/' || enc || '/' || flags g
  FROM pragma_function_list
  WHERE name IN (SELECT substr(f, 1, instr(f, '/') - 1) FROM want_funcs)
  EXCEPT SELECT f FROM want_funcs)), NULL);
-- The table-valued function is a module, not a function.
SELECT expect('modules', (SELECT group_concat(name, ' ') FROM pragma_module_list
  WHERE name LIKE 'kl\_%' ESCAPE '\'), 'kl_gauss_each');
