-- The functions the extension registers, with argument counts, kinds
-- (s = scalar, w = window aggregate) and flags (2099200 =
-- SQLITE_DETERMINISTIC 0x800 | SQLITE_INNOCUOUS 0x200000).  (tests/host.c
-- also compares the whole function list with and without the extension, so
-- a function registered under any other name is caught too.)
SELECT expect('functions', (SELECT group_concat(f, ' ') FROM (
  SELECT name || '/' || narg || '/' || type || '/' || enc || '/' || flags f
  FROM pragma_function_list
  WHERE name LIKE 'kl\_%' ESCAPE '\' OR name IN ('js_div', 'js_dist', 'js_div_agg',
    'cross_entropy', 'cross_entropy_agg', 'entropy', 'entropy_agg')
  ORDER BY 1)),
  'cross_entropy/2/s/utf8/2099200 cross_entropy/3/s/utf8/2099200 cross_entropy_agg/2/w/utf8/2099200 cross_entropy_agg/3/w/utf8/2099200' || ' '
  ||   'entropy/1/s/utf8/2099200 entropy/2/s/utf8/2099200 entropy_agg/1/w/utf8/2099200 entropy_agg/2/w/utf8/2099200' || ' '
  ||   'js_dist/2/s/utf8/2099200 js_dist/3/s/utf8/2099200 js_div/2/s/utf8/2099200 js_div/3/s/utf8/2099200' || ' '
  ||   'js_div_agg/2/w/utf8/2099200 js_div_agg/3/w/utf8/2099200 kl_dims/1/s/utf8/2099200 kl_div/2/s/utf8/2099200' || ' '
  ||   'kl_div/3/s/utf8/2099200 kl_div_agg/2/w/utf8/2099200 kl_div_agg/3/w/utf8/2099200 kl_div_logits/2/s/utf8/2099200' || ' '
  ||   'kl_div_logits/3/s/utf8/2099200 kl_f32/1/s/utf8/2099200 kl_f64/1/s/utf8/2099200 kl_gauss/4/s/utf8/2099200' || ' '
  ||   'kl_gauss/5/s/utf8/2099200 kl_gauss_agg/4/w/utf8/2099200 kl_gauss_agg/5/w/utf8/2099200 kl_json/1/s/utf8/2099200' || ' '
  ||   'kl_version/0/s/utf8/2099200');
