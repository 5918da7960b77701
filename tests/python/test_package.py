#!/usr/bin/python3
"""The installed sqlite_kl package, tested from a virtual environment by
tests/python/run.sh: load() and loadable_path(), __version__ against
src/kl.h and kl_version(), the blob helpers against the bytes that
kl_f32()/kl_f64() write, their refusals, and load()'s error on a Python
without extension loading (a stand-in connection here; run.sh also tries a
real one when the machine has it).  Prints "ok wheel.NAME" / "FAIL
wheel.NAME: ..." lines; argument: the path of src/kl.h."""
import os
import re
import sqlite3
import sys

import numpy as np
import pandas as pd

import sqlite_kl

failed = 0


def check(name, ok, detail=''):
    global failed
    print(('ok wheel.' if ok else 'FAIL wheel.') + name + ('' if ok else ': ' + detail))
    failed += not ok


def raises(name, exc, pattern, fn, *args):
    try:
        fn(*args)
    except exc as e:
        check(name, re.search(pattern, str(e)) is not None, 'message: %s' % e)
    except Exception as e:  # noqa: BLE001 - any other exception is the failure
        check(name, False, 'raised %s: %s' % (type(e).__name__, e))
    else:
        check(name, False, 'no exception')


with open(sys.argv[1]) as f:
    want_version = re.search(r'#define SQLITE_KL_VERSION "([^"]+)"', f.read()).group(1)

# The package and its library are the installed ones, not the source tree.
path = sqlite_kl.loadable_path()
check('installed-in-venv', path.startswith(sys.prefix) and os.path.basename(path) == 'kl.so',
      '%s not under %s' % (path, sys.prefix))

conn = sqlite3.connect(':memory:')
sqlite_kl.load(conn)
got = conn.execute("SELECT printf('%.16g', kl_gauss('[2,4,6]', '[1,2,3]', '[3,5,8]', '[1.5,2.5,4]'))").fetchone()[0]
check('load.article', got == '0.6669851763185995', got)
check('version', sqlite_kl.__version__ == want_version == conn.execute('SELECT kl_version()').fetchone()[0],
      '%s, src/kl.h %s' % (sqlite_kl.__version__, want_version))
raises('load.disables-loading-again', sqlite3.OperationalError, 'not authorized',
       conn.load_extension, path)

# Helpers: the same bytes as the SQL conversions.
x = [1.5, -2.0, 3.25e-3]
check('f32-bytes', sqlite_kl.f32(x) == conn.execute('SELECT kl_f32(?)', ('[1.5,-2,3.25e-3]',)).fetchone()[0])
check('f64-bytes', sqlite_kl.f64(np.array(x)) == conn.execute('SELECT kl_f64(?)', ('[1.5,-2,3.25e-3]',)).fetchone()[0])
check('f64-header', sqlite_kl.f64([0.0])[:8] == bytes.fromhex('4B4CC07F66363401'))
a32 = sqlite_kl.to_numpy(conn.execute("SELECT kl_f32('[1.5,-2,0.1]')").fetchone()[0])
check('to_numpy-f32', a32.dtype == np.float32 and a32.tolist() == np.array([1.5, -2, 0.1], np.float32).tolist(),
      repr(a32))
a64 = sqlite_kl.to_numpy(conn.execute("SELECT gauss_mean(kl_f64(v)) FROM (SELECT '[1,2]' v UNION ALL SELECT '[2,5]')").fetchone()[0])
check('to_numpy-f64', a64.dtype == np.float64 and a64.tolist() == [1.5, 3.5], repr(a64))
check('to_numpy-writable', a64.flags.writeable and sqlite_kl.to_numpy(memoryview(sqlite_kl.f32([1]))).tolist() == [1.0])
v = np.random.default_rng(17).normal(size=33)
check('f64-round-trip', np.array_equal(sqlite_kl.to_numpy(sqlite_kl.f64(v)), v))
got = conn.execute('SELECT kl_gauss(?, ?, ?, ?)', (sqlite_kl.f64([2, 4, 6]), sqlite_kl.f32([1, 2, 3]),
                                                  sqlite_kl.f64([3, 5, 8]), sqlite_kl.f64([1.5, 2.5, 4]))).fetchone()[0]
check('helpers-in-sql', got == 0.6669851763185995, repr(got))

raises('f32-overflow', ValueError, r'element 1 \(1e\+39\) is beyond the float32 range', sqlite_kl.f32, [1.0, 1e39])
raises('f32-two-dimensional', ValueError, 'one-dimensional', sqlite_kl.f32, np.ones((2, 2)))
raises('f64-not-numbers', TypeError, 'must be numbers', sqlite_kl.f64, ['a', 'b'])
raises('to_numpy-f64-length', ValueError, '12 bytes after the header, not a multiple of 8',
       sqlite_kl.to_numpy, sqlite_kl.f64([1.0]) + b'\0' * 4)
raises('to_numpy-f32-length', ValueError, '6 bytes, not a multiple of 4', sqlite_kl.to_numpy, b'\0' * 6)
raises('to_numpy-jsonb', ValueError, 'JSONB array', sqlite_kl.to_numpy, bytes.fromhex('7B13311332233334'))
raises('to_numpy-not-a-blob', TypeError, 'expects a BLOB', sqlite_kl.to_numpy, '[1,2]')


class NoLoading:
    """A connection like pyenv's default build makes: no enable_load_extension."""

    def execute(self, sql):
        raise AssertionError('not reached')


raises('load-without-extension-loading', sqlite_kl.ExtensionLoadingUnavailable,
       r'built without extension loading.*--enable-loadable-sqlite-extensions', sqlite_kl.load, NoLoading())

# pandas through a connection that load() prepared.
df = pd.read_sql_query('SELECT i, kl FROM kl_gauss_each(?, ?, ?, ?) ORDER BY kl DESC', conn,
                       params=(sqlite_kl.f64([2, 4, 6]), sqlite_kl.f64([1, 2, 3]),
                               sqlite_kl.f64([3, 5, 8]), sqlite_kl.f64([1.5, 2.5, 4])))
check('pandas-each', list(df.i) == [0, 2, 1] and abs(df.kl.sum() - 0.6669851763185995) < 1e-15, df.to_string())
sys.exit(1 if failed else 0)
