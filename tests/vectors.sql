-- kl_f32, kl_f64, kl_json, kl_dims, kl_version and the number parser.
-- Expected blobs are X'..' literals packed by tests/gen_gauss_ref.py with
-- Python's struct module, never by the extension itself.
.read tests/data/gauss_ref.sql

SELECT expect('f32.article', kl_f32('[2,4,6]'), (SELECT mu1 FROM gauss_ref WHERE id='article.f32'));
SELECT expect('f32.article-sd2', kl_f32('[1.5, 2.5, 4]'), (SELECT sd2 FROM gauss_ref WHERE id='article.f32'));
SELECT expect('f32.number', kl_f32(1), X'0000803F');
SELECT expect('f32.from-f64', kl_f32((SELECT mu1 FROM gauss_ref WHERE id='article.f64')),
              (SELECT mu1 FROM gauss_ref WHERE id='article.f32'));
SELECT expect('f32.identity', kl_f32(X'0000C03F00002040'), X'0000C03F00002040');
SELECT expect('f32.rounds', kl_f32('[0.1]'), X'CDCCCC3D');
SELECT expect('f32.underflow-kept', kl_f32('[1e-50]'), X'00000000');
SELECT expect('f64.article', kl_f64('[2,4,6]'), (SELECT mu1 FROM gauss_ref WHERE id='article.f64'));
-- Raw float64 bytes (numpy '<f8') are float64 only behind the kl_f64 header
-- (since 0.2.0; the header can be prepended in SQL or in the host language).
SELECT expect('f64.raw-with-header',
              CAST(X'4B4CC07F66363401' || X'000000000000004000000000000010400000000000001840' AS BLOB),
              (SELECT mu1 FROM gauss_ref WHERE id='article.f64'));
SELECT expect('f64.raw-with-header-json',
              kl_json(CAST(X'4B4CC07F66363401' || X'000000000000004000000000000010400000000000001840' AS BLOB)),
              '[2,4,6]');
SELECT expect('f64.tagged', kl_f64((SELECT sd1 FROM gauss_ref WHERE id='article.f64')),
              (SELECT sd1 FROM gauss_ref WHERE id='article.f64'));
SELECT expect('f64.number', kl_f64(1.5), X'4B4CC07F66363401000000000000F83F');
SELECT expect('f64.header', hex(substr(kl_f64('[1]'), 1, 8)), '4B4CC07F66363401');
SELECT expect('f64.size', length(kl_f64('[1,2,3,4,5]')), 48);
-- A bare blob is float32 everywhere, kl_f64's input included (since 0.2.0).
SELECT expect('f32.bare-blob', kl_dims(X'000000000000F03F'), 2);
SELECT expect('f64.bare-blob', kl_dims(kl_f64(X'000000000000F03F')), 2);
SELECT expect('f64.bare-blob-is-f32', kl_json(kl_f64(kl_f32('[1,2]'))), '[1,2]');
SELECT expect('f64.bare-blob-bytes', kl_f64(X'0000C03F'), kl_f64('[1.5]'));
SELECT expect('f64.f32-exact', kl_json(kl_f64(kl_f32('[0.1]'))), '[0.10000000149011612]');
SELECT expect('f64.f64-identity', kl_f64(kl_f64('[0.1,3]')), kl_f64('[0.1,3]'));
SELECT expect('f64.null', kl_f64(NULL), NULL);

-- -Inf elements (logits of probability 0) survive the conversions; kl_json
-- writes them as -1e999, which reads back as -Inf.  +Inf and NaN do not.
SELECT expect('neginf.json', kl_json('[-1e999, 0.5]'), '[-1e999,0.5]');
SELECT expect('neginf.json-beyond', kl_json('[1, -2e308]'), '[1,-1e999]');
SELECT expect('neginf.f32', kl_f32('[-1e999, 0.5]'), X'000080FF0000003F');
SELECT expect('neginf.f64', kl_f64('[-1e999, 0.5]'), X'4B4CC07F66363401000000000000F0FF000000000000E03F');
SELECT expect('neginf.json-of-f32', kl_json(X'000080FF0000003F'), '[-1e999,0.5]');
SELECT expect('neginf.json-of-f64', kl_json(kl_f64(X'000080FF')), '[-1e999]');
SELECT expect('neginf.roundtrip', kl_f32(kl_json(kl_f32('[-1e999,2]'))), kl_f32('[-1e999,2]'));
SELECT expect('neginf.number', kl_json(-1e999), '[-1e999]');
SELECT expect('neginf.text-number', kl_json(' -1e999 '), '[-1e999]');
SELECT expect('neginf.f32-number', kl_f32(-1e999), X'000080FF');
SELECT expect('neginf.dims', kl_dims('[-1e999,-1e999,0]'), 3);
SELECT expect('neginf.logits', kl_div_logits(kl_json(kl_f32('[-1e999, 0, 0]')), '[0, 0, 0]'),
              kl_div_logits('[-1e999, 0, 0]', '[0, 0, 0]'));
SELECT expect('neginf.logits-value', kl_div_logits(kl_f64('[-1e999, 0]'), '[0, 0]'), ln(2), 1e-15);

SELECT expect('json.f32-article', kl_json((SELECT mu1 FROM gauss_ref WHERE id='article.f32')), '[2,4,6]');
SELECT expect('json.f64-article', kl_json((SELECT sd2 FROM gauss_ref WHERE id='article.f64')), '[1.5,2.5,4]');
SELECT expect('json.normalises', kl_json(' [ 1 , 2.5e+1 ,' || char(10, 9) || '-3E-2 ] '), '[1,25,-0.03]');
SELECT expect('json.f32-shortest', kl_json(X'CDCCCC3D'), '[0.1]');
SELECT expect('json.f64-tenth', kl_json(kl_f64('[0.1]')), '[0.1]');
SELECT expect('json.f64-17', kl_json('[0.30000000000000004]'), '[0.30000000000000004]');
SELECT expect('json.negzero', kl_json('[-0]'), '[-0]');
SELECT expect('json.number', kl_json(3), '[3]');
SELECT expect('json.subnormal', kl_json('[4.9406564584124654e-324]'), '[5e-324]');
SELECT expect('json.big', kl_json('[1e300]'), '[1e+300]');
-- float32 -> JSON -> float32 is lossless for every reference vector.
SELECT expect('roundtrip.f32.' || id || '.' || a, kl_f32(kl_json(v)), v) FROM (
  SELECT id, 'mu1' a, mu1 v FROM gauss_ref WHERE id LIKE 'random.f32.%'
  UNION ALL SELECT id, 'sd1', sd1 FROM gauss_ref WHERE id LIKE 'random.f32.%');
SELECT expect('roundtrip.f64.' || id, kl_f64(kl_json(mu1)), mu1)
  FROM gauss_ref WHERE id LIKE 'random.f64.%';
SELECT expect('roundtrip.json.' || id, kl_f64(kl_json(sd2)), kl_f64(sd2))
  FROM gauss_ref WHERE id LIKE 'random.json.%';

SELECT expect('dims.json', kl_dims('[1,2,3]'), 3);
SELECT expect('dims.f32', kl_dims(X'0000803F0000803F0000803F'), 3);
SELECT expect('dims.f64', kl_dims((SELECT mu1 FROM gauss_ref WHERE id='article.f64')), 3);
SELECT expect('dims.number', kl_dims(5), 1);
SELECT expect('dims.json-number', kl_dims(' 5e0 '), 1);
-- The version is written once, in src/kl.h; every copy must agree.
CREATE TEMP VIEW kl_h_version AS SELECT substr(t, 1, instr(t, '"') - 1) v
  FROM (SELECT substr(h, instr(h, '#define SQLITE_KL_VERSION "') + 27) t
        FROM (SELECT CAST(readfile('src/kl.h') AS TEXT) h));
SELECT expect('version', kl_version(), (SELECT v FROM kl_h_version));
SELECT expect('version.form', kl_version() GLOB '[0-9]*.[0-9]*.[0-9]*', 1);
SELECT expect('version.debian-changelog',
  CAST(readfile('debian/changelog') AS TEXT) LIKE
  'sqlite3-kl (' || kl_version() || ')%', 1);

-- Correct rounding of decimal text (Python's float() is the reference),
-- including halfway cases, subnormals and 800-digit mantissas.
SELECT expect('parse.count', (SELECT count(*) FROM parse_ref), 25);
SELECT expect('parse.' || id, kl_f64('[' || txt || ']'), f64) FROM parse_ref ORDER BY id;
SELECT expect('parse.scalar.' || id, kl_f64(txt), f64) FROM parse_ref
  WHERE id IN (0, 6, 7, 17) ORDER BY id;
