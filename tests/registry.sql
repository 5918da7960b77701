-- The functions the extension registers: tests/data/functions.txt (made
-- from src/catalogue.h by make catalogue) lists
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
-- The table-valued functions are modules, not functions
-- (tests/data/modules.txt, from the catalogue like functions.txt).
CREATE TEMP TABLE want_modules(m TEXT);
.import tests/data/modules.txt want_modules
SELECT expect('modules', (SELECT group_concat(name, ' ') FROM (SELECT name
  FROM pragma_module_list WHERE name LIKE 'kl\_%' ESCAPE '\' ORDER BY name)),
  (SELECT group_concat(m, ' ') FROM (SELECT m FROM want_modules ORDER BY m)));
