-- kl_f64(x, format): to move to tests/ once src/catalogue.h lists kl_f64's
-- optional argument ("x [format]") and `make catalogue` has registered it.
-- Until then tests/jsonb_host.c registers the 2-argument form itself and
-- runs the same checks (make check, host phase).
SELECT expect('f64fmt.raw', kl_f64(X'000000000000004000000000000010400000000000001840', 'f64'),
              kl_f64('[2,4,6]'));
SELECT expect('f64fmt.raw-case', kl_f64(X'000000000000F03F', 'F64'), kl_f64('[1]'));
SELECT expect('f64fmt.f32', kl_f64(X'0000803F', 'f32'), kl_f64('[1]'));
SELECT expect('f64fmt.header-wins', kl_f64(kl_f64('[1,2]'), 'f64'), kl_f64('[1,2]'));
SELECT expect('f64fmt.json', kl_f64('[1,2]', 'f64'), kl_f64('[1,2]'));
SELECT expect('f64fmt.number', kl_f64(3, 'f64'), kl_f64(3));
SELECT expect('f64fmt.null-format', kl_f64('[1]', NULL), NULL);
SELECT expect('f64fmt.null-x-bad-format', kl_f64(NULL, 'bad'), NULL);
SELECT expect('f64fmt.neginf', kl_json(kl_f64(X'000000000000F0FF', 'f64')), '[-1e999]');
SELECT expect_error('f64fmt.unknown', 'SELECT kl_f64(''[1]'', ''f16'')',
  'kl_f64: unknown format ''f16'' (use ''f32'' or ''f64'')');
SELECT expect_error('f64fmt.unknown-nul', 'SELECT kl_f64(''[1]'', ''f64'' || char(0))',
  'kl_f64: unknown format ''f64\x00'' (use ''f32'' or ''f64'')');
SELECT expect_error('f64fmt.size', 'SELECT kl_f64(X''000000000000F03F0000'', ''f64'')',
  'kl_f64: x is a 10-byte blob, not a whole number of 8-byte float64 values');
SELECT expect_error('f64fmt.nan', 'SELECT kl_f64(X''000000000000F87F'', ''f64'')',
  'kl_f64: x[0] must be finite (got NaN)');
