-- JSONB (SQLite 3.45+ jsonb()) blobs: a JSONB array of numbers whose header
-- spans the whole blob is read as that array; any other blob without the
-- kl_f64 header is float32.  Debian's SQLite (3.40) has no jsonb(), so the
-- bytes are written out here; tests/data/jsonb_cases.txt pairs each with its
-- JSON text, and tests/jsonb_host.c (make check) checks there that jsonb()
-- of a newer SQLite makes exactly these bytes and that every function reads
-- them as it reads the JSON text.
.separator |
CREATE TEMP TABLE jsonb_cases(json TEXT, hex TEXT, want TEXT);
.import tests/data/jsonb_cases.txt jsonb_cases

SELECT expect('jsonb.0.bytes', hex(X'7B13311332233334'), (SELECT hex FROM jsonb_cases WHERE json='[1,2,34]'));
SELECT expect('jsonb.0.json', kl_json(X'7B13311332233334'), '[1,2,34]');
SELECT expect('jsonb.0.dims', kl_dims(X'7B13311332233334'), kl_dims('[1,2,34]'));
SELECT expect('jsonb.1.bytes', hex(X'CB0E1331133213331334133513361337'), (SELECT hex FROM jsonb_cases WHERE json='[1,2,3,4,5,6,7]'));
SELECT expect('jsonb.1.json', kl_json(X'CB0E1331133213331334133513361337'), '[1,2,3,4,5,6,7]');
SELECT expect('jsonb.1.dims', kl_dims(X'CB0E1331133213331334133513361337'), kl_dims('[1,2,3,4,5,6,7]'));
SELECT expect('jsonb.2.bytes', hex(X'6B133213341336'), (SELECT hex FROM jsonb_cases WHERE json='[2,4,6]'));
SELECT expect('jsonb.2.json', kl_json(X'6B133213341336'), '[2,4,6]');
SELECT expect('jsonb.2.dims', kl_dims(X'6B133213341336'), kl_dims('[2,4,6]'));
SELECT expect('jsonb.3.bytes', hex(X'AB35312E3535322E351334'), (SELECT hex FROM jsonb_cases WHERE json='[1.5,2.5,4]'));
SELECT expect('jsonb.3.json', kl_json(X'AB35312E3535322E351334'), '[1.5,2.5,4]');
SELECT expect('jsonb.3.dims', kl_dims(X'AB35312E3535322E351334'), kl_dims('[1.5,2.5,4]'));
SELECT expect('jsonb.4.bytes', hex(X'CB10552D302E32354531652D334533452B32'), (SELECT hex FROM jsonb_cases WHERE json='[-0.25, 1e-3, 3E+2]'));
SELECT expect('jsonb.4.json', kl_json(X'CB10552D302E32354531652D334533452B32'), '[-0.25,0.001,300]');
SELECT expect('jsonb.4.dims', kl_dims(X'CB10552D302E32354531652D334533452B32'), kl_dims('[-0.25,0.001,300]'));
SELECT expect('jsonb.5.bytes', hex(X'BB4430783146542D30786666'), (SELECT hex FROM jsonb_cases WHERE json='[0x1F, -0xff]'));
SELECT expect('jsonb.5.json', kl_json(X'BB4430783146542D30786666'), '[31,-255]');
SELECT expect('jsonb.5.dims', kl_dims(X'BB4430783146542D30786666'), kl_dims('[31,-255]'));
SELECT expect('jsonb.6.bytes', hex(X'CB0D262E3526352E662D2E32356531'), (SELECT hex FROM jsonb_cases WHERE json='[.5, 5., -.25e1]'));
SELECT expect('jsonb.6.json', kl_json(X'CB0D262E3526352E662D2E32356531'), '[0.5,5,-2.5]');
SELECT expect('jsonb.6.dims', kl_dims(X'CB0D262E3526352E662D2E32356531'), kl_dims('[0.5,5,-2.5]'));
SELECT expect('jsonb.7.bytes', hex(X'9B652D39653939391330'), (SELECT hex FROM jsonb_cases WHERE json='[-Infinity, 0]'));
SELECT expect('jsonb.7.json', kl_json(X'9B652D39653939391330'), '[-1e999,0]');
SELECT expect('jsonb.7.dims', kl_dims(X'9B652D39653939391330'), kl_dims('[-1e999,0]'));
SELECT expect('jsonb.8.bytes', hex(X'7B652D3165393939'), (SELECT hex FROM jsonb_cases WHERE json='[-1e999]'));
SELECT expect('jsonb.8.json', kl_json(X'7B652D3165393939'), '[-1e999]');
SELECT expect('jsonb.8.dims', kl_dims(X'7B652D3165393939'), kl_dims('[-1e999]'));
SELECT expect('jsonb.9.bytes', hex(X'4B35302E31'), (SELECT hex FROM jsonb_cases WHERE json='[0.1]'));
SELECT expect('jsonb.9.json', kl_json(X'4B35302E31'), '[0.1]');
SELECT expect('jsonb.9.dims', kl_dims(X'4B35302E31'), kl_dims('[0.1]'));
SELECT expect('jsonb.10.bytes', hex(X'5B45312E3530'), (SELECT hex FROM jsonb_cases WHERE json='[1.50]'));
SELECT expect('jsonb.10.json', kl_json(X'5B45312E3530'), '[1.5]');
SELECT expect('jsonb.10.dims', kl_dims(X'5B45312E3530'), kl_dims('[1.5]'));
SELECT expect('jsonb.11.bytes', hex(X'CB321330133113321333133413351336133713381339233130233131233132233133233134233135233136233137233138233139'), (SELECT hex FROM jsonb_cases WHERE json='[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]'));
SELECT expect('jsonb.11.json', kl_json(X'CB321330133113321333133413351336133713381339233130233131233132233133233134233135233136233137233138233139'), '[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]');
SELECT expect('jsonb.11.dims', kl_dims(X'CB321330133113321333133413351336133713381339233130233131233132233133233134233135233136233137233138233139'), kl_dims('[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]'));
SELECT expect('jsonb.12.bytes', hex(X'3B133100'), (SELECT hex FROM jsonb_cases WHERE json='[1,null]'));
SELECT expect_error('jsonb.12.refused', 'SELECT kl_dims(X''3B133100'')',
  'kl_dims: x is a JSONB array and x[1] is null, not a number (offset 3); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
SELECT expect('jsonb.12.forced-f32', kl_dims(kl_f64(X'3B133100', 'f32')), 1);
SELECT expect('jsonb.13.bytes', hex(X'AB4B133113324B13331334'), (SELECT hex FROM jsonb_cases WHERE json='[[1,2],[3,4]]'));
SELECT expect_error('jsonb.13.refused', 'SELECT kl_dims(X''AB4B133113324B13331334'')',
  'kl_dims: x is a JSONB array and x[0] is an array, not a number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
SELECT expect('jsonb.14.bytes', hex(X'4C17611331'), (SELECT hex FROM jsonb_cases WHERE json='{"a":1}'));
SELECT expect_error('jsonb.14.float32', 'SELECT kl_dims(X''4C17611331'')', 'kl_dims: x is a 5-byte blob, not a whole number of 4-byte float32 values');
SELECT expect('jsonb.15.bytes', hex(X'1337'), (SELECT hex FROM jsonb_cases WHERE json='7'));
SELECT expect_error('jsonb.15.float32', 'SELECT kl_dims(X''1337'')', 'kl_dims: x is a 2-byte blob, not a whole number of 4-byte float32 values');
-- Every function reads them as it reads the JSON text.
SELECT expect('jsonb.gauss', kl_gauss(X'6B133213341336', X'AB35312E3535322E351334', '[3,5,8]', 1),
              kl_gauss('[2,4,6]', '[1.5,2.5,4]', '[3,5,8]', 1));
SELECT expect('jsonb.gauss-agg', (SELECT kl_gauss_agg(m, 1, 0, 1) FROM (SELECT X'7B13311332233334' m UNION ALL SELECT X'4B35302E31')),
              (SELECT kl_gauss_agg(m, 1, 0, 1) FROM (SELECT '[1,2,34]' m UNION ALL SELECT '[0.1]')));
SELECT expect('jsonb.kl_div', kl_div(X'7B13311332233334', '[3,2,1]'), kl_div('[1,2,34]', '[3,2,1]'));
SELECT expect('jsonb.logits-neginf', kl_div_logits(X'9B652D39653939391330', '[0,0]'), ln(2), 1e-15);
SELECT expect('jsonb.f32', kl_f32(X'7B13311332233334'), kl_f32('[1,2,34]'));
SELECT expect('jsonb.f64', kl_f64(X'CB0E1331133213331334133513361337'), kl_f64('[1,2,3,4,5,6,7]'));
SELECT expect('jsonb.poisson', kl_poisson(X'6B133213341336', 3), kl_poisson('[2,4,6]', 3));
SELECT expect('jsonb.gauss_mean', (SELECT gauss_mean(v) FROM (SELECT X'6B133213341336' v UNION ALL SELECT X'6B133413361338')),
              '[3,5,7]');
SELECT expect('jsonb.hex-int', kl_json(X'5B4430784646'), '[255]');
SELECT expect('jsonb.hex-long', kl_json(X'CB18C41630784646464646464646464646464646464646464646'), '[1.2089258196146292e+24]');
SELECT expect('jsonb.float5-dot', kl_json(X'3B262E35'), '[0.5]');
SELECT expect('jsonb.non-minimal-header', kl_json(X'CB021331'), '[1]');
-- Errors name the element and its byte offset in the blob.
SELECT expect_error('jsonb.posinf', 'SELECT kl_gauss(X''6B553965393939'', 1, 0, 1)',
  'kl_gauss: mu1[0] is beyond the double range (offset 2)');
SELECT expect_error('jsonb.neginf-gauss', 'SELECT kl_gauss(0, X''9B652D39653939391330'', 0, 1)',
  'kl_gauss: sd1[0] is beyond the double range (offset 2)');
SELECT expect_error('jsonb.empty', 'SELECT kl_json(X''0B'')', 'kl_json: x is an empty vector');
SELECT expect_error('jsonb.domain', 'SELECT kl_gauss(0, X''3B232D32'', 0, 1)',
  'kl_gauss: sd1[0] must be > 0 (got -2)');
-- The other side of the rule: almost-JSONB (not well formed) is float32.
SELECT expect_error('jsonb.not.size-short', 'SELECT kl_dims(X''7B133113322333'')',
  'kl_dims: x is a 7-byte blob, not a whole number of 4-byte float32 values');
SELECT expect('jsonb.not.size-long', kl_dims(X'6B13311332233334'), 2);
SELECT expect_error('jsonb.badnum.leading-zero', 'SELECT kl_dims(X''3B233031'')',
  'kl_dims: x is a JSONB array and x[0] is not a valid number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
SELECT expect_error('jsonb.badnum.int-with-dot', 'SELECT kl_dims(X''3B23312E'')',
  'kl_dims: x is a JSONB array and x[0] is not a valid number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
SELECT expect_error('jsonb.badnum.float-bare-dot', 'SELECT kl_dims(X''3B25312E'')',
  'kl_dims: x is a JSONB array and x[0] is not a valid number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
-- a well-formed JSONB array holding anything but numbers is refused
SELECT expect_error('jsonb.refused.text', 'SELECT kl_gauss(X''3B273131'', 1, 0, 1)',
  'kl_gauss: mu1 is a JSONB array and mu1[0] is a string, not a number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(mu1, ''f32'')');
SELECT expect_error('jsonb.refused.true', 'SELECT kl_div(''[1,1]'', X''3B133101'')',
  'kl_div: q is a JSONB array and q[1] is true, not a number (offset 3); to read a blob as float32 whatever its bytes, pass kl_f64(q, ''f32'')');
SELECT expect_error('jsonb.refused.false-first', 'SELECT entropy(X''3B021331'')',
  'entropy: p is a JSONB array and p[0] is false, not a number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(p, ''f32'')');
SELECT expect_error('jsonb.refused.object', 'SELECT kl_json(X''7B1331' || '4C17611331'')',
  'kl_json: x is a JSONB array and x[1] is an object, not a number (offset 3); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
SELECT expect_error('jsonb.refused.textraw', 'SELECT kl_json(X''3B2A0A22'')',
  'kl_json: x is a JSONB array and x[0] is a string, not a number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
SELECT expect_error('jsonb.refused.utf8', 'SELECT kl_json(X''4B37C3A931'')',
  'kl_json: x is a JSONB array and x[0] is a string, not a number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
SELECT expect_error('jsonb.refused.deep', 'SELECT kl_json(X''4B3B2B1B00'')',
  'kl_json: x is a JSONB array and x[0] is an array, not a number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
-- not well-formed inside: float32 (each of these four bytes is a float32)
SELECT expect('jsonb.not.text-ctrl', kl_dims(X'3B270A31'), 1);
SELECT expect('jsonb.not.text-quote', kl_dims(X'3B272231'), 1);
-- SQLite does not check a string's UTF-8: nor does the rule
SELECT expect_error('jsonb.refused.text-bad-utf8', 'SELECT kl_dims(X''3B27C331'')',
  'kl_dims: x is a JSONB array and x[0] is a string, not a number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
SELECT expect('jsonb.not.null-with-size', kl_dims(X'3B100000'), 1);
SELECT expect('jsonb.not.reserved-type', kl_dims(X'3B0D0D0D'), 1);
SELECT expect('jsonb.not.object-odd', kl_dims(X'3B1C1331'), 1);
SELECT expect('jsonb.not.object-key-number', kl_dims(X'3B2C1331'), 1);
SELECT expect('jsonb.not.inner-overrun', kl_dims(X'3B3B1331'), 1);
SELECT expect('jsonb.not.object', kl_dims(X'3C133113'), 1);
SELECT expect_error('jsonb.badnum.int5-no-x', 'SELECT kl_dims(X''5B4430303130'')',
  'kl_dims: x is a JSONB array and x[0] is not a valid number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
-- JSON5 numbers (INT5, FLOAT5) and the edges of each number type; bytes
-- by hand: an element header is (size << 4) | type, 0x?B an array.
SELECT expect('jsonb.int5.hex', kl_json(X'5B4430783146'), '[31]');
SELECT expect('jsonb.int5.neg', kl_json(X'6B542D30783130'), '[-16]');
SELECT expect('jsonb.int5.leading-zeros', kl_json(X'7B64307830303031'), '[1]');
-- 0x1234567890ABCDEF123: 19 hex digits, rounded once (a 1-byte size field)
SELECT expect('jsonb.int5.long', kl_json(X'CB17C415307831323334353637383930414243444546313233'),
  '[5.373003642039909e+21]');
SELECT expect('jsonb.int.neg', kl_json(X'3B232D35'), '[-5]');
SELECT expect('jsonb.float5.lead-dot', kl_json(X'3B262E35'), '[0.5]');
SELECT expect('jsonb.float5.trail-dot', kl_json(X'3B26352E'), '[5]');
SELECT expect('jsonb.float5.neg-dot', kl_json(X'4B362D2E35'), '[-0.5]');
SELECT expect('jsonb.float.exp', kl_json(X'4B35316535'), '[100000]');
SELECT expect('jsonb.float.exp-neg', kl_json(X'5B4531452D35'), '[0.00001]');
SELECT expect('jsonb.float.exp-plus', kl_json(X'5B4531652B35'), '[100000]');
-- a number text that is not a number of its type but is made of number
-- characters (SQLite's own check lets "01" through) is refused; any other
-- byte in it, and the blob is not JSONB: float32 (or refused for its size)
SELECT expect_error('jsonb.badnum.int-letter', 'SELECT kl_dims(X''3B233561'')',
  'kl_dims: x is a JSONB array and x[0] is not a valid number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
-- "5z" is not even number characters: the float32 3B 23 35 7A (Python's
-- struct: 2.3513007254813e+35)
SELECT expect('jsonb.not.int-letter', json_extract(kl_json(X'3B23357A'), '$[0]'),
  2.3513007254813e+35, 1e-7);
SELECT expect_error('jsonb.not.int5-bad-digit', 'SELECT kl_dims(X''4B34307847'')',
  'kl_dims: x is a 5-byte blob, not a whole number of 4-byte float32 values');
SELECT expect_error('jsonb.not.empty-number', 'SELECT kl_dims(X''1B03'')',
  'kl_dims: x is a 2-byte blob, not a whole number of 4-byte float32 values');
SELECT expect_error('jsonb.badnum.minus-only', 'SELECT kl_dims(X''2B132D'')',
  'kl_dims: x is a JSONB array and x[0] is not a valid number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
-- kl_mvn reads a JSONB matrix (an array of rows) as its JSON text:
-- jsonb('[[2,0.5],[0.5,1]]'), and jsonb('[[1,0],[0,null]]') refused by entry
SELECT expect('jsonb.mvn.matrix', kl_mvn(0, X'CB0E6B133235302E356B35302E351331', '[1,0]', '[[2,0],[0,2]]'),
              kl_mvn(0, '[[2,0.5],[0.5,1]]', '[1,0]', '[[2,0],[0,2]]'));
SELECT expect('jsonb.mvn.both', kl_mvn(0, X'CB0E6B133235302E356B35302E351331', '[1,0]', X'CB0E6B133235302E356B35302E351331'),
              kl_mvn(0, '[[2,0.5],[0.5,1]]', '[1,0]', '[[2,0.5],[0.5,1]]'));
SELECT expect_error('jsonb.mvn.null-entry', 'SELECT kl_mvn(0, X''9B4B133113303B133000'', 0, 1)',
  'kl_mvn: cov1[1][1] is not a number (offset 9)');
SELECT expect_error('jsonb.mvn.ragged', 'SELECT kl_mvn(0, X''8B4B133113302B1330'', 0, 1)',
  'kl_mvn: cov1[1] has 1 element but cov1[0] has 2');
-- more of the well-formedness rule (each four bytes: float32 when broken)
SELECT expect('jsonb.not.object-key-array', kl_dims(X'3B2C0B00'), 1);
SELECT expect('jsonb.not.object-key-only', kl_dims(X'3B2C1761'), 1);
SELECT expect('jsonb.not.text-backslash', kl_dims(X'3B275C31'), 1);
SELECT expect_error('jsonb.refused.object-pair', 'SELECT kl_dims(X''5B4C17611331'')',
  'kl_dims: x is a JSONB array and x[0] is an object, not a number (offset 1); to read a blob as float32 whatever its bytes, pass kl_f64(x, ''f32'')');
SELECT expect_error('jsonb.mvn.nested-entry', 'SELECT kl_mvn(0, X''BB4B133113305B13302B1330'', 0, 1)',
  'kl_mvn: cov1[1][1] is a nested array (offset 9); vectors are flat arrays of numbers');
SELECT expect_error('jsonb.mvn.empty-blob', 'SELECT kl_mvn(0, X'''', 0, 1)',
  'kl_mvn: cov1 is an empty vector');
