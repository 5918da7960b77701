-- Bad input: every case is an SQL error whose message starts with the
-- function name and names the argument and the 0-based index; NULL in
-- gives NULL out.  The connection stays usable after each error (every
-- check here runs on the same connection).

-- NULL in, NULL out; NULL wins over a bad argument elsewhere.
SELECT expect('null.mu1', kl_gauss(NULL, 1, 0, 1), NULL);
SELECT expect('null.sd2', kl_gauss('[1,2]', '[1,1]', '[0,0]', NULL), NULL);
SELECT expect('null.beats-bad', kl_gauss('[1,', NULL, 0, -1), NULL);
SELECT expect('null.unit', kl_gauss(0, 1, 0, 1, NULL), NULL);
SELECT expect('null.f32', kl_f32(NULL), NULL);
SELECT expect('null.f64', kl_f64(NULL), NULL);
SELECT expect('null.json', kl_json(NULL), NULL);
SELECT expect('null.dims', kl_dims(NULL), NULL);

-- Mismatched dimensions, also past the first decoding chunk (256).
SELECT expect_error('dims.short', 'SELECT kl_gauss(''[1,2]'', ''[1,2,3]'', 0, 1)',
  'kl_gauss: sd1 has 3 elements but mu1 has 2');
SELECT expect_error('dims.blob', 'SELECT kl_gauss(X''0000803F'', 1, ''[0,0]'', 1)',
  'kl_gauss: mu2 has 2 elements but mu1 has 1');
CREATE TEMP TABLE longvec AS WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 301)
  SELECT '[' || group_concat('1', ',') || ']' v301,
         '[' || group_concat('1', ',') FILTER (WHERE i <= 300) || ']' v300,
         '[' || group_concat(CASE WHEN i = 300 THEN '-2' ELSE '1' END, ',') || ']' neg300 FROM c;
SELECT expect_error('dims.long', 'SELECT kl_gauss(v300, v301, 0, 1) FROM longvec',
  'kl_gauss: sd1 has 301 elements but mu1 has 300');
SELECT expect_error('dims.long-blob', 'SELECT kl_gauss(v301, 1, kl_f32(v300), 1) FROM longvec',
  'kl_gauss: mu2 has 300 elements but mu1 has 301');
SELECT expect_error('dims.agg', 'SELECT kl_gauss_agg(''[1,2]'', 1, ''[1]'', 1)',
  'kl_gauss_agg: mu2 has 1 element but mu1 has 2');

-- sd <= 0, with the index, also past the first chunk.
SELECT expect_error('sd.neg', 'SELECT kl_gauss(''[1,2,3]'', ''[1,2,-1]'', 0, 1)',
  'kl_gauss: sd1[2] must be > 0 (got -1)');
SELECT expect_error('sd.zero', 'SELECT kl_gauss(0, 1, 0, 0)',
  'kl_gauss: sd2 must be > 0 (got 0)');
SELECT expect_error('sd.negzero', 'SELECT kl_gauss(0, 1, 0, ''[-0.0]'')',
  'kl_gauss: sd2[0] must be > 0 (got -0)');
SELECT expect_error('sd.scalar', 'SELECT kl_gauss(''[1,2]'', -0.5, 0, 1)',
  'kl_gauss: sd1 must be > 0 (got -0.5)');
SELECT expect_error('sd.blob', 'SELECT kl_gauss(0, 1, 0, X''0000803F000000BF'')',
  'kl_gauss: sd2[1] must be > 0 (got -0.5)');
SELECT expect_error('sd.chunk2', 'SELECT kl_gauss(0, neg300, 0, 1) FROM longvec',
  'kl_gauss: sd1[299] must be > 0 (got -2)');
SELECT expect_error('sd.agg', 'SELECT kl_gauss_agg(0, 1, 0, -1)',
  'kl_gauss_agg: sd2 must be > 0 (got -1)');

-- NaN and infinities, in each form.
SELECT expect_error('nan.f32', 'SELECT kl_gauss(X''0000803F0000C07F'', 1, 0, 1)',
  'kl_gauss: mu1[1] must be finite (got NaN)');
SELECT expect_error('inf.f32', 'SELECT kl_gauss(0, X''0000807F'', 0, 1)',
  'kl_gauss: sd1[0] must be finite (got Inf)');
SELECT expect_error('ninf.f32', 'SELECT kl_gauss(0, 1, X''000080FF'', 1)',
  'kl_gauss: mu2[0] must be finite (got -Inf)');
SELECT expect_error('inf.f64', 'SELECT kl_gauss(0, 1, 0, X''4B4CC07F66363401000000000000F07F'')',
  'kl_gauss: sd2[0] must be finite (got Inf)');
SELECT expect_error('inf.number', 'SELECT kl_gauss(0, 1, 1e999, 1)',
  'kl_gauss: mu2 must be finite (got Inf)');
SELECT expect_error('inf.json', 'SELECT kl_gauss(''[1e999]'', 1, 0, 1)',
  'kl_gauss: mu1[0] is beyond the double range (offset 1)');
SELECT expect_error('inf.json-neg', 'SELECT kl_gauss(''[1, -2e308]'', 1, 0, 1)',
  'kl_gauss: mu1[1] is beyond the double range (offset 4)');
SELECT expect_error('inf.json-scalar', 'SELECT kl_gauss(''1e400'', 1, 0, 1)',
  'kl_gauss: mu1 is beyond the double range (offset 0)');

-- Strict, locale-independent JSON: each with its offset.
SELECT expect_error('json.spaces', 'SELECT kl_gauss(''[1 2 3]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected '','' or '']'' at offset 3, found ''2''');
SELECT expect_error('json.double-comma', 'SELECT kl_gauss(''[1,,2]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a number at offset 3, found '',''');
SELECT expect_error('json.trailing', 'SELECT kl_gauss(''[1,2]x'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected end of text at offset 5, found ''x''');
SELECT expect_error('json.unclosed', 'SELECT kl_gauss(''[1,2'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected '','' or '']'' at offset 4, found end of text');
SELECT expect_error('json.hex', 'SELECT kl_gauss(''[0x10]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected '','' or '']'' at offset 2, found ''x''');
SELECT expect_error('json.leading-zero', 'SELECT kl_gauss(''[01]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected ''.'', ''e'' or the end of the number (no leading zeros) at offset 2, found ''1''');
SELECT expect_error('json.bare-dot', 'SELECT kl_gauss(''[1.]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a digit at offset 3, found '']''');
SELECT expect_error('json.dot-first', 'SELECT kl_gauss(''[.5]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a number at offset 1, found ''.''');
SELECT expect_error('json.plus', 'SELECT kl_gauss(''[+1]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a number at offset 1, found ''+''');
SELECT expect_error('json.minus', 'SELECT kl_gauss(''[-]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a digit at offset 2, found '']''');
SELECT expect_error('json.exp', 'SELECT kl_gauss(''[1e]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a digit at offset 3, found '']''');
SELECT expect_error('json.trailing-comma', 'SELECT kl_gauss(''[1,]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a number at offset 3, found '']''');
SELECT expect_error('json.nan-word', 'SELECT kl_gauss(''[NaN]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a number at offset 1, found ''N''');
SELECT expect_error('json.infinity-word', 'SELECT kl_gauss(''[Infinity]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a number at offset 1, found ''I''');
SELECT expect_error('json.comma-decimal', 'SELECT kl_gauss(''[1,5;2]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected '','' or '']'' at offset 4, found '';''');
SELECT expect_error('json.empty-text', 'SELECT kl_gauss('''', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a JSON array of numbers at offset 0, found end of text');
SELECT expect_error('json.not-json', 'SELECT kl_gauss(0, ''abc'', 0, 1)',
  'kl_gauss: sd1 is not valid JSON: expected a JSON array of numbers at offset 0, found ''a''');
SELECT expect_error('json.object', 'SELECT kl_gauss(0, 1, ''{"a":1}'', 1)',
  'kl_gauss: mu2 is not valid JSON: expected a JSON array of numbers at offset 0, found ''{''');
SELECT expect_error('json.scalar-trailing', 'SELECT kl_gauss(''1 2'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected end of text at offset 2, found ''2''');
SELECT expect_error('json.nul-byte', 'SELECT kl_gauss(CAST(X''5B3100315D'' AS TEXT), 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected '','' or '']'' at offset 2, found byte 0x00');
SELECT expect_error('json.nested', 'SELECT kl_gauss(''[[1,2],[3,4]]'', 1, 0, 1)',
  'kl_gauss: mu1[0] is a nested array (offset 1); vectors are flat arrays of numbers');
SELECT expect_error('json.nested-later', 'SELECT kl_gauss(0, ''[1, [2]]'', 0, 1)',
  'kl_gauss: sd1[1] is a nested array (offset 4); vectors are flat arrays of numbers');
SELECT expect_error('json.string', 'SELECT kl_gauss(''["1",2]'', 1, 0, 1)',
  'kl_gauss: mu1[0] is not a number (offset 1)');
SELECT expect_error('json.true', 'SELECT kl_gauss(''[1,true]'', 1, 0, 1)',
  'kl_gauss: mu1[1] is not a number (offset 3)');
SELECT expect_error('json.null', 'SELECT kl_gauss(''[null]'', 1, 0, 1)',
  'kl_gauss: mu1[0] is not a number (offset 1)');

-- Empty vectors.
SELECT expect_error('empty.json', 'SELECT kl_gauss(''[]'', 1, 0, 1)',
  'kl_gauss: mu1 is an empty vector');
SELECT expect_error('empty.json-ws', 'SELECT kl_gauss(0, '' [ ] '', 0, 1)',
  'kl_gauss: sd1 is an empty vector');
SELECT expect_error('empty.blob', 'SELECT kl_gauss(0, 1, X'''', 1)',
  'kl_gauss: mu2 is an empty vector');
SELECT expect_error('empty.f64', 'SELECT kl_gauss(0, 1, 0, X''4B4CC07F66363401'')',
  'kl_gauss: sd2 is an empty vector');

-- Blob sizes and the kl_f64 header.
SELECT expect_error('blob.size', 'SELECT kl_gauss(X''0000803F00'', 1, 0, 1)',
  'kl_gauss: mu1 is a 5-byte blob, not a whole number of 4-byte float32 values');
SELECT expect_error('blob.size-f64', 'SELECT kl_gauss(0, X''4B4CC07F663634010000803F'', 0, 1)',
  'kl_gauss: sd1 is a 12-byte blob, not a whole number of 8-byte float64 values');
SELECT expect_error('blob.bare-size-f64', 'SELECT kl_f64(X''000000000000F03F0000'')',
  'kl_f64: x is a 10-byte blob, not a whole number of 4-byte float32 values');
SELECT expect_error('blob.f64-size', 'SELECT kl_f64(X''4B4CC07F66363401000000000000F03F0000'')',
  'kl_f64: x is a 18-byte blob, not a whole number of 8-byte float64 values');
SELECT expect_error('blob.header', 'SELECT kl_gauss(X''4B4CC07F00000000'', 1, 0, 1)',
  'kl_gauss: mu1 starts like a kl_f64 blob but its 8-byte header is damaged');
SELECT expect_error('blob.header-short', 'SELECT kl_gauss(X''4B4CC07F'', 1, 0, 1)',
  'kl_gauss: mu1 starts like a kl_f64 blob but its 8-byte header is damaged');

-- Units and argument counts.
SELECT expect_error('unit.unknown', 'SELECT kl_gauss(0, 1, 0, 1, ''nat'')',
  'kl_gauss: unknown unit ''nat'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('unit.number', 'SELECT kl_gauss(0, 1, 0, 1, 2)',
  'kl_gauss: unknown unit ''2'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('unit.agg', 'SELECT kl_gauss_agg(0, 1, 0, 1, ''log10'')',
  'kl_gauss_agg: unknown unit ''log10'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('unit.agg-changes',
  'SELECT kl_gauss_agg(0, 1, 0, 1, u) FROM (SELECT ''bits'' u UNION ALL SELECT ''nats'')',
  'kl_gauss_agg: unit must be the same on every row');
-- What a message echoes of the input stays valid UTF-8 and short: bytes that
-- are not UTF-8, control characters and DEL as \xHH, a backslash doubled,
-- at most 40 characters and then '...'.
SELECT expect_error('echo.byte-ff', 'SELECT kl_gauss(1, 1, 0, 1, X''FF'')',
  'kl_gauss: unknown unit ''\xFF'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('echo.control', 'SELECT kl_gauss(1, 1, 0, 1, ''a'' || char(10, 9, 127) || ''b'')',
  'kl_gauss: unknown unit ''a\x0A\x09\x7Fb'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('echo.backslash', 'SELECT kl_gauss(1, 1, 0, 1, ''a\xFFb'')',
  'kl_gauss: unknown unit ''a\\xFFb'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('echo.utf8-kept', 'SELECT kl_gauss(1, 1, 0, 1, ''Nät€𝄞'')',
  'kl_gauss: unknown unit ''Nät€𝄞'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('echo.truncated-sequence', 'SELECT kl_gauss(1, 1, 0, 1, X''61C3'')',
  'kl_gauss: unknown unit ''a\xC3'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('echo.overlong', 'SELECT kl_gauss(1, 1, 0, 1, X''C0AFE08080'')',
  'kl_gauss: unknown unit ''\xC0\xAF\xE0\x80\x80'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('echo.surrogate', 'SELECT kl_gauss(1, 1, 0, 1, X''EDA080F4908080'')',
  'kl_gauss: unknown unit ''\xED\xA0\x80\xF4\x90\x80\x80'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('echo.long', 'SELECT kl_gauss(1, 1, 0, 1, printf(''%.*c'', 10000, ''x''))',
  'kl_gauss: unknown unit ''' || printf('%.*c', 40, 'x') || '...'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('echo.long-utf8', 'SELECT kl_gauss(1, 1, 0, 1, replace(printf(''%.*c'', 50, ''x''), ''x'', ''é''))',
  'kl_gauss: unknown unit ''' || replace(printf('%.*c', 40, 'x'), 'x', 'é') || '...'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('echo.exactly-40', 'SELECT kl_gauss(1, 1, 0, 1, printf(''%.*c'', 40, ''y''))',
  'kl_gauss: unknown unit ''' || printf('%.*c', 40, 'y') || ''' (use ''nats'', ''bits'' or ''bans'')');
-- The unit is the whole value: a NUL byte does not end it.
SELECT expect_error('unit.nul', 'SELECT kl_gauss(1, 1, 0, 1, ''nats'' || char(0) || ''x'')',
  'kl_gauss: unknown unit ''nats\x00x'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect_error('unit.nul-end', 'SELECT kl_gauss_agg(1, 1, 0, 1, ''bits'' || char(0))',
  'kl_gauss_agg: unknown unit ''bits\x00'' (use ''nats'', ''bits'' or ''bans'')');
SELECT expect('unit.case', kl_gauss(0, 1, 1, 1, 'BiTs'), kl_gauss(0, 1, 1, 1, 'bits'));
SELECT expect_error('unit.prefix', 'SELECT kl_gauss(1, 1, 0, 1, ''nat'' || ''s '')',
  'kl_gauss: unknown unit ''nats '' (use ''nats'', ''bits'' or ''bans'')');
-- NULL wins over every error, the unit's included (tests/null_rule.sql has
-- the rule for every function).
SELECT expect('null.beats-unit', kl_gauss(NULL, 1, 0, 1, 'bad'), NULL);
SELECT expect('null.unit-beats-vectors', kl_gauss('[1,', 1, 0, 1, NULL), NULL);
SELECT expect('null.agg-beats-unit', kl_gauss_agg(NULL, 1, 0, 1, 'bad'), NULL);
SELECT expect('null.family-beats-unit', kl_poisson(NULL, 1, 'bad'), NULL);
SELECT expect('null.dirichlet-beats-unit', kl_dirichlet('[1]', NULL, 'bad'), NULL);
-- Messages name no index for a plain number, and count in the singular.
SELECT expect_error('scalar.no-index', 'SELECT kl_gauss(0, ''1e999'', 0, 1)',
  'kl_gauss: sd1 is beyond the double range (offset 0)');
-- a REAL argument (2^186, exact: SQLite's own parser rounds some
-- literals differently under valgrind)
SELECT expect_error('scalar.f32-range', 'SELECT kl_f32(power(2, 186))',
  'kl_f32: x is outside the float32 range (got 9.807971461541689e+55)');
SELECT expect_error('scalar.f32-range-json', 'SELECT kl_f32(''1e300'')',
  'kl_f32: x is outside the float32 range (got 1e+300)');
SELECT expect_error('vector.f32-range', 'SELECT kl_f32(''[1e300]'')',
  'kl_f32: x[0] is outside the float32 range (got 1e+300)');
SELECT expect_error('dims.singular', 'SELECT kl_gauss(''[1,2]'', ''[1]'', 0, 1)',
  'kl_gauss: sd1 has 1 element but mu1 has 2');
SELECT expect_error('dims.singular-first', 'SELECT kl_gauss(''[1]'', ''[1,2]'', 0, 1)',
  'kl_gauss: sd1 has 2 elements but mu1 has 1');
-- Offsets point at the offending character.
SELECT expect_error('json.exp-sign', 'SELECT kl_gauss(''[1e+]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a digit at offset 4, found '']''');
SELECT expect_error('json.exp-letter', 'SELECT kl_gauss(''[2, 1.5Ex]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a digit at offset 8, found ''x''');
SELECT expect_error('json.minus-dot', 'SELECT kl_gauss(''[-.5]'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a digit at offset 2, found ''.''');
SELECT expect_error('json.negative-leading-zero', 'SELECT kl_gauss(''-007'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected ''.'', ''e'' or the end of the number (no leading zeros) at offset 2, found ''0''');
SELECT expect_error('json.dot-end', 'SELECT kl_gauss('' 3.'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a digit at offset 3, found end of text');
SELECT expect_error('json.exp-byte', 'SELECT kl_gauss(''[1e'' || char(233) || '']'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a digit at offset 3, found byte 0xc3');
SELECT expect_error('argc.3', 'SELECT kl_gauss(1, 2, 3)',
  'wrong number of arguments to function kl_gauss()');
SELECT expect_error('argc.6', 'SELECT kl_gauss(1, 2, 3, 4, ''nats'', 6)',
  'wrong number of arguments to function kl_gauss()');
SELECT expect_error('argc.agg', 'SELECT kl_gauss_agg(1)',
  'wrong number of arguments to function kl_gauss_agg()');
SELECT expect_error('argc.f32', 'SELECT kl_f32(1, 2)',
  'wrong number of arguments to function kl_f32()');
SELECT expect_error('argc.version', 'SELECT kl_version(1)',
  'wrong number of arguments to function kl_version()');

-- The vector functions refuse the same inputs, and kl_f32 out-of-range values.
SELECT expect_error('f32.range', 'SELECT kl_f32(''[1, 1e300]'')',
  'kl_f32: x[1] is outside the float32 range (got 1e+300)');
SELECT expect_error('f32.bad-json', 'SELECT kl_f32(''[1,,]'')',
  'kl_f32: x is not valid JSON: expected a number at offset 3, found '',''');
SELECT expect_error('f64.nan', 'SELECT kl_f64(X''4B4CC07F66363401000000000000F87F'')',
  'kl_f64: x[0] must be finite (got NaN)');
SELECT expect_error('f64.bare-nan', 'SELECT kl_f64(X''000000000000F87F'')',
  'kl_f64: x[1] must be finite (got NaN)');
SELECT expect_error('f64.nan', 'SELECT kl_f64(X''4B4CC07F66363401000000000000F87F'')',
  'kl_f64: x[0] must be finite (got NaN)');
-- The conversions keep -Inf but not +Inf or NaN; every other function still
-- refuses -Inf (kl_div_logits excepted), with its usual message.
SELECT expect_error('posinf.f64', 'SELECT kl_f64(''[1e999]'')',
  'kl_f64: x[0] is beyond the double range (offset 1)');
SELECT expect_error('posinf.f32-blob', 'SELECT kl_json(X''0000807F'')',
  'kl_json: x[0] must be finite (got Inf)');
SELECT expect_error('posinf.number', 'SELECT kl_f32(1e999)',
  'kl_f32: x must be finite (got Inf)');
SELECT expect_error('posinf.text-number', 'SELECT kl_json(''1e999'')',
  'kl_json: x is beyond the double range (offset 0)');
SELECT expect_error('neginf.text-trailing', 'SELECT kl_json(''-1e999 x'')',
  'kl_json: x is beyond the double range (offset 0)');
SELECT expect_error('neginf.gauss-json', 'SELECT kl_gauss(''[-1e999]'', 1, 0, 1)',
  'kl_gauss: mu1[0] is beyond the double range (offset 1)');
SELECT expect_error('neginf.gauss-f32', 'SELECT kl_gauss(kl_f32(''[-1e999]''), 1, 0, 1)',
  'kl_gauss: mu1[0] must be finite (got -Inf)');
SELECT expect_error('neginf.gauss-f64', 'SELECT kl_gauss(0, kl_f64(''[1, -1e999]''), 0, 1)',
  'kl_gauss: sd1[1] must be finite (got -Inf)');
SELECT expect_error('neginf.kl_div', 'SELECT kl_div(kl_json(''[-1e999, 1]''), ''[1,1]'')',
  'kl_div: p[0] is beyond the double range (offset 1)');
SELECT expect_error('neginf.gauss-text-number', 'SELECT kl_gauss(''-1e999'', 1, 0, 1)',
  'kl_gauss: mu1 is beyond the double range (offset 0)');
SELECT expect_error('json.nan', 'SELECT kl_json(X''0000C07F'')',
  'kl_json: x[0] must be finite (got NaN)');
SELECT expect_error('dims.empty', 'SELECT kl_dims(''[]'')', 'kl_dims: x is an empty vector');
SELECT expect_error('dims.bad', 'SELECT kl_dims(''[1,2,x]'')',
  'kl_dims: x is not valid JSON: expected a number at offset 5, found ''x''');

-- Results longer than SQLITE_LIMIT_LENGTH are refused (SQLITE_TOOBIG = 18).
CREATE TEMP TABLE lim AS SELECT '[' || replace(hex(zeroblob(30)), '00', '1,') || '1]' j30,
  X'FFFF7F7FFFFF7F7FFFFF7F7FFFFF7F7FFFFF7F7FFFFF7F7FFFFF7F7FFFFF7F7FFFFF7F7FFFFF7F7F' big10;
CREATE TEMP TABLE lim_case(id, sql, msg);
INSERT INTO lim_case VALUES
  ('limit.f32', 'SELECT kl_f32(j30) FROM lim',
   'kl_f32: the result would exceed SQLite''s length limit of 100 bytes'),
  ('limit.f64', 'SELECT kl_f64(j30) FROM lim',
   'kl_f64: the result would exceed SQLite''s length limit of 100 bytes'),
  ('limit.json', 'SELECT kl_json(big10) FROM lim',
   'kl_json: the result would exceed SQLite''s length limit of 100 bytes'),
  ('limit.f64-header', 'SELECT kl_f64(substr(j30, 1, 24) || ''1]'') FROM lim',
   'kl_f64: the result would exceed SQLite''s length limit of 100 bytes');
SELECT set_length_limit(100);
SELECT expect_error(id, sql, msg, 18) FROM lim_case;
SELECT expect('limit.f32-fits', length(kl_f32(substr(j30, 1, 40) || '1]')), 80) FROM lim;
SELECT expect('limit.f64-fits', length(kl_f64(substr(j30, 1, 22) || '1]')), 96) FROM lim;
SELECT set_length_limit(1000000000);
SELECT expect('limit.restored', length(kl_f32(j30)), 124) FROM lim;

-- A length mismatch found in the first chunk, where the longer vector turns
-- out to be malformed further on: the malformation is what is reported.
CREATE TEMP TABLE bad300 AS WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < 299)
  SELECT '[' || group_concat(CASE WHEN i = 280 THEN 'x' ELSE '1' END, ',') || ']' v FROM c;
SELECT expect_error('dims.then-bad-json', 'SELECT kl_gauss(''[1]'', v, 0, 1) FROM bad300',
  'kl_gauss: sd1 is not valid JSON: expected a number at offset 561, found ''x''');
SELECT expect_error('json.scalar-minus', 'SELECT kl_gauss(''-'', 1, 0, 1)',
  'kl_gauss: mu1 is not valid JSON: expected a digit at offset 1, found end of text');
SELECT expect_error('json.huge-exponent', 'SELECT kl_gauss(''[1e100000]'', 1, 0, 1)',
  'kl_gauss: mu1[0] is beyond the double range (offset 1)');
SELECT expect('json.tiny-exponent', kl_json('[1e-100000, -1e-99999999999999999999]'), '[0,-0]');
SELECT expect('json.carriage-return', kl_json(char(13) || '[1' || char(13, 9, 10) || ',2]' || char(13)), '[1,2]');

-- Empty frames after non-empty ones.
SELECT expect('window.frame-empties', (SELECT group_concat(coalesce(kl, 'NULL'), ' ') FROM (
  SELECT kl_gauss_agg(m, 1, 0, 1) OVER (ORDER BY m ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) kl
  FROM (SELECT 1 m UNION ALL SELECT 2))), '2.0 NULL');
-- Messages of gauss_sd and kl_mvn: "1 element", a ddof echoed as valid
-- UTF-8, a JSONB row named as such.
SELECT expect_error('mvn.one-element', 'SELECT kl_mvn(''[1]'', ''[[1,0],[0,1]]'', 0, 1)',
  'kl_mvn: mu1 has 1 element but cov1 is 2x2');
SELECT expect_error('sd.ddof-utf8', 'SELECT gauss_sd(1, X''FF41'') FROM (SELECT 1)',
  'gauss_sd: ddof must be a finite number >= 0 (got \xFFA)');
SELECT expect_error('sd.one-element-row', 'SELECT gauss_sd(v) FROM (SELECT ''[1,2]'' v UNION ALL SELECT ''[3]'')',
  'gauss_sd: v has 1 element on this row but 2 on earlier rows');
SELECT expect_error('sd.jsonb-kind', 'SELECT gauss_sd(v) FROM (SELECT ''[1,2,3]'' v UNION ALL SELECT X''7B13311332233334'')',
  'gauss_sd: v is a JSONB array on this row but JSON text on earlier rows');
-- Error offsets of malformed numbers, each checked by hand: the offset
-- (0-based) is that of the character named.
SELECT expect_error('offset.minus-only', 'SELECT kl_dims(''[-]'')',
  'kl_dims: x is not valid JSON: expected a digit at offset 2, found '']''');
SELECT expect_error('offset.dot-end', 'SELECT kl_dims(''[1.]'')',
  'kl_dims: x is not valid JSON: expected a digit at offset 3, found '']''');
SELECT expect_error('offset.exp-sign-end', 'SELECT kl_dims(''[1e+]'')',
  'kl_dims: x is not valid JSON: expected a digit at offset 4, found '']''');
SELECT expect_error('offset.minus-letter', 'SELECT kl_dims(''[-x]'')',
  'kl_dims: x is not valid JSON: expected a digit at offset 2, found ''x''');
SELECT expect_error('offset.exp-end', 'SELECT kl_dims(''[1.5e]'')',
  'kl_dims: x is not valid JSON: expected a digit at offset 5, found '']''');
SELECT expect_error('offset.leading-zero-2', 'SELECT kl_dims(''[01]'')',
  'kl_dims: x is not valid JSON: expected ''.'', ''e'' or the end of the number (no leading zeros) at offset 2, found ''1''');
SELECT expect_error('offset.dot-exp', 'SELECT kl_dims(''[1.e5]'')',
  'kl_dims: x is not valid JSON: expected a digit at offset 3, found ''e''');
SELECT expect_error('offset.lead-dot', 'SELECT kl_dims(''[.5]'')',
  'kl_dims: x is not valid JSON: expected a number at offset 1, found ''.''');
SELECT expect_error('offset.cap-exp-end', 'SELECT kl_dims(''[1E]'')',
  'kl_dims: x is not valid JSON: expected a digit at offset 3, found '']''');
SELECT expect_error('offset.neg-leading-zero', 'SELECT kl_dims(''[-01]'')',
  'kl_dims: x is not valid JSON: expected ''.'', ''e'' or the end of the number (no leading zeros) at offset 3, found ''1''');
-- Domains and element kinds at their edges (each message checked by hand:
-- offsets are 0-based character positions).
SELECT expect_error('dom.geometric-zero', 'SELECT kl_geometric(0, 0.5)',
  'kl_geometric: p1 must be in (0, 1] (got 0)');
SELECT expect_error('kind.true', 'SELECT kl_dims(''[true]'')', 'kl_dims: x[0] is not a number (offset 1)');
SELECT expect_error('kind.string', 'SELECT kl_dims(''["a"]'')', 'kl_dims: x[0] is not a number (offset 1)');
SELECT expect_error('kind.object', 'SELECT kl_dims(''[{}]'')', 'kl_dims: x[0] is not a number (offset 1)');
SELECT expect_error('kind.null', 'SELECT kl_dims(''[null]'')', 'kl_dims: x[0] is not a number (offset 1)');
SELECT expect_error('kind.false', 'SELECT kl_dims(''[false]'')', 'kl_dims: x[0] is not a number (offset 1)');
SELECT expect_error('mvn.row-not-array', 'SELECT kl_mvn(0, ''[[1],2]'', 0, 1)',
  'kl_mvn: cov1 is not valid JSON: expected ''['' (a row) at offset 5, found ''2''');
SELECT expect_error('mvn.row-no-comma', 'SELECT kl_mvn(0, ''[[1] [2]]'', 0, 1)',
  'kl_mvn: cov1 is not valid JSON: expected '','' or '']'' at offset 5, found ''[''');
SELECT expect_error('mvn.rows-unclosed', 'SELECT kl_mvn(0, ''[[1,0],[0,1]'', 0, 1)',
  'kl_mvn: cov1 is not valid JSON: expected '','' or '']'' at offset 12, found end of text');
