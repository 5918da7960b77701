-- Every check here must FAIL: it shows the harness can tell wrong from right.
-- tests/run.sh counts each FAIL here as a pass and each ok as a failure.
SELECT expect('self.value', 1.0, 1.0000000000001, 1e-14);
SELECT expect('self.exact', 0.1 + 0.2, 0.3);
SELECT expect('self.null', NULL, 0);
SELECT expect('self.type', '1', 1);
SELECT expect('self.blob', X'00', X'01');
SELECT expect('self.inf', 9e999, 1e308, 1.0);
SELECT expect('self.nan-never', NULL, NULL, 1.0);
SELECT expect_error('self.no-error', 'SELECT kl_gauss(0, 1, 0, 1)', 'anything');
SELECT expect_error('self.other-message', 'SELECT kl_gauss(0, 1, 0, -1)', 'kl_gauss: something else');
SELECT expect_error('self.wrong-code', 'SELECT kl_gauss(0, 1, 0, -1)',
  'kl_gauss: sd2 must be > 0 (got -1)', 18);
