-- In a UTF-16 database, text arguments reach the functions converted to
-- UTF-8 (SQLite allocates for that); results and messages are the same.
PRAGMA encoding = 'UTF-16le';
CREATE TABLE v(mu, sd, p, q);
INSERT INTO v VALUES ('[2,4,6]', '[1,2,3]', '[10,20,70]', '[30,30,40]');
SELECT expect('utf16.encoding', (SELECT encoding FROM pragma_encoding), 'UTF-16le');
SELECT expect('utf16.gauss', kl_gauss(mu, sd, '[3,5,8]', '[1.5,2.5,4]', 'bits'),
  0.962256206221294, 1e-14) FROM v;
SELECT expect('utf16.kl_div', kl_div(p, q), 0.20077680106635172, 1e-14) FROM v;
SELECT expect('utf16.json', kl_json(kl_f32(mu)), '[2,4,6]') FROM v;
SELECT expect('utf16.dims', kl_dims(p), 3) FROM v;
SELECT expect_error('utf16.error', 'SELECT kl_gauss(mu, ''[1,2,-3]'', 0, 1) FROM v',
  'kl_gauss: sd1[2] must be > 0 (got -3)');
SELECT expect_error('utf16.unit', 'SELECT kl_gauss(0, 1, 0, 1, 7)',
  'kl_gauss: unknown unit ''7'' (use ''nats'', ''bits'' or ''bans'')');
