-- The functions named kl_* that the extension registers, with argument counts,
-- kinds (s = scalar, w = window aggregate) and flags
-- (2099200 = SQLITE_DETERMINISTIC 0x800 | SQLITE_INNOCUOUS 0x200000).
SELECT expect('functions', (SELECT group_concat(f, ' ') FROM (
  SELECT name || '/' || narg || '/' || type || '/' || enc || '/' || flags f
  FROM pragma_function_list
  WHERE name LIKE 'kl\_%' ESCAPE '\'
  ORDER BY name, narg)),
  'kl_dims/1/s/utf8/2099200 kl_div/2/s/utf8/2099200 kl_div/3/s/utf8/2099200 kl_f32/1/s/utf8/2099200 kl_f64/1/s/utf8/2099200 '
  || 'kl_gauss/4/s/utf8/2099200 kl_gauss/5/s/utf8/2099200 '
  || 'kl_gauss_agg/4/w/utf8/2099200 kl_gauss_agg/5/w/utf8/2099200 '
  || 'kl_json/1/s/utf8/2099200 kl_version/0/s/utf8/2099200');
