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
SELECT expect('jsonb.12.float32', kl_dims(X'3B133100'), 1);
SELECT expect('jsonb.13.bytes', hex(X'AB4B133113324B13331334'), (SELECT hex FROM jsonb_cases WHERE json='[[1,2],[3,4]]'));
SELECT expect_error('jsonb.13.float32', 'SELECT kl_dims(X''AB4B133113324B13331334'')', 'kl_dims: x is a 11-byte blob, not a whole number of 4-byte float32 values');
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
-- The other side of the rule: almost-JSONB is float32.
SELECT expect_error('jsonb.not.size-short', 'SELECT kl_dims(X''7B133113322333'')',
  'kl_dims: x is a 7-byte blob, not a whole number of 4-byte float32 values');
SELECT expect('jsonb.not.size-long', kl_dims(X'6B13311332233334'), 2);
SELECT expect('jsonb.not.leading-zero', kl_dims(X'3B233031'), 1);
SELECT expect('jsonb.not.int-with-dot', kl_dims(X'3B23312E'), 1);
SELECT expect('jsonb.not.float-bare-dot', kl_dims(X'3B25312E'), 1);
SELECT expect('jsonb.not.text', kl_dims(X'3B273131'), 1);
SELECT expect('jsonb.not.object', kl_dims(X'3C133113'), 1);
SELECT expect_error('jsonb.not.int5-no-x', 'SELECT kl_dims(X''5B4430303130'')',
  'kl_dims: x is a 6-byte blob, not a whole number of 4-byte float32 values');
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
-- not numbers of their type: then not JSONB (read as float32, or refused)
-- "5a" is no INT: the 4 bytes are the float32 3B 23 35 61 (Python's struct:
-- 2.088374562597739e+20)
SELECT expect('jsonb.not.int-letter', json_extract(kl_json(X'3B233561'), '$[0]'),
  2.088374562597739e+20, 1e-15);
SELECT expect_error('jsonb.not.int5-bad-digit', 'SELECT kl_dims(X''4B34307847'')',
  'kl_dims: x is a 5-byte blob, not a whole number of 4-byte float32 values');
SELECT expect_error('jsonb.not.empty-number', 'SELECT kl_dims(X''1B03'')',
  'kl_dims: x is a 2-byte blob, not a whole number of 4-byte float32 values');
SELECT expect_error('jsonb.not.int-minus-only', 'SELECT kl_dims(X''2B132D'')',
  'kl_dims: x is a 3-byte blob, not a whole number of 4-byte float32 values');
