#!/usr/bin/python3
"""sqlite-kl from Python: Debian's python3 sqlite3 module, numpy arrays as
float32 blobs and float64 blobs (the kl_f64 header + '<f8' bytes), and a pandas DataFrame
read with pandas.read_sql_query.  The numbers are checked against numpy and
scipy computed here, so the script doubles as a test (it prints "ok ..." /
"FAIL ..." lines and exits 1 on a failure).

    pip install sqlite-kl && python3 examples/python_demo.py
    make && /usr/bin/python3 examples/python_demo.py path/to/kl

With the sqlite-kl package installed and no argument, the extension comes
from sqlite_kl.load() and the blobs from sqlite_kl.f32()/f64()/to_numpy();
with a path (or without the package), from that compiled library and numpy
alone.  Needs Debian's python3-numpy, python3-scipy and python3-pandas.
"""
import sqlite3
import sys

import numpy as np
import pandas as pd
import scipy.stats

try:
    import sqlite_kl
except ImportError:
    sqlite_kl = None
KL = sys.argv[1] if len(sys.argv) > 1 else None if sqlite_kl else './kl'
# The 8-byte kl_f64 header: a blob that starts with it is float64 for every
# function (a blob without it is float32, kl_f64()'s input included).
KL_F64 = b'KL\xc0\x7ff64\x01'
if sqlite_kl:
    f32, f64, to_numpy = sqlite_kl.f32, sqlite_kl.f64, sqlite_kl.to_numpy
else:
    def f32(a):
        return np.asarray(a).astype('<f4').tobytes()

    def f64(a):
        return KL_F64 + np.asarray(a).astype('<f8').tobytes()

    def to_numpy(blob):  # for the blobs gauss_mean/gauss_sd return here
        assert blob[:8] == KL_F64
        return np.frombuffer(blob[8:], dtype='<f8')
failed = 0


def check(name, ok, detail=''):
    global failed
    print(('ok ' if ok else 'FAIL ') + name + ('' if ok else ': ' + detail))
    failed += not ok


conn = sqlite3.connect(':memory:')
if KL is None:
    sqlite_kl.load(conn)  # the library the package bundles
    print('# loaded by sqlite_kl.load() from', sqlite_kl.loadable_path())
else:
    conn.enable_load_extension(True)
    conn.load_extension(KL)
    conn.enable_load_extension(False)

# 200 diagonal Gaussian posteriors of dimension 16, as a model wrote them.
rng = np.random.default_rng(2026)
N, D = 200, 16
mu = rng.normal(size=(N, D))
sd = rng.uniform(0.5, 2.0, size=(N, D))
conn.execute('CREATE TABLE models(id INTEGER PRIMARY KEY, mu32 BLOB, sd32 BLOB, '
             'mu64 BLOB, sd64 BLOB)')
conn.executemany(
    'INSERT INTO models VALUES(?, ?, ?, ?, ?)',
    [(i + 1, f32(mu[i]), f32(sd[i]), f64(mu[i]), f64(sd[i])) for i in range(N)])
# The header is what kl_f64() writes too.
got = conn.execute("SELECT kl_f64('[0.5, -2]')").fetchone()[0]
check('python.f64-header', got == KL_F64 + np.array([0.5, -2]).astype('<f8').tobytes(), repr(got))

# Every model against model 1, in SQL, into a DataFrame.
df = pd.read_sql_query(
    'SELECT m.id, kl_gauss(m.mu64, m.sd64, r.mu64, r.sd64) AS kl64, '
    'kl_gauss(m.mu32, m.sd32, r.mu32, r.sd32) AS kl32 '
    'FROM models m, models r WHERE r.id = 1 ORDER BY m.id', conn)
print(df.head(3).to_string(index=False))


def kl_numpy(m1, s1, m2, s2):
    return np.sum(np.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5, axis=-1)


want64 = kl_numpy(mu, sd, mu[0], sd[0])
m32, s32 = mu.astype(np.float32).astype(np.float64), sd.astype(np.float32).astype(np.float64)
want32 = kl_numpy(m32, s32, m32[0], s32[0])
check('python.rows', len(df) == N, '%d rows' % len(df))
check('python.kl-float64', np.allclose(df.kl64, want64, rtol=1e-12, atol=1e-15),
      'max diff %g' % np.max(np.abs(df.kl64 - want64)))
check('python.kl-float32-blobs', np.allclose(df.kl32, want32, rtol=1e-12, atol=1e-15),
      'max diff %g' % np.max(np.abs(df.kl32 - want32)))
check('python.self-is-zero', df.kl64[0] == 0.0, repr(df.kl64[0]))

# The top 5 dimensions that drive model 2's divergence, from kl_gauss_each.
top = pd.read_sql_query(
    'SELECT e.i, e.kl FROM models m, models r, kl_gauss_each(m.mu64, m.sd64, r.mu64, r.sd64) e '
    'WHERE m.id = 2 AND r.id = 1 ORDER BY e.kl DESC LIMIT 5', conn)
terms = np.log(sd[0] / sd[1]) + (sd[1] ** 2 + (mu[1] - mu[0]) ** 2) / (2 * sd[0] ** 2) - 0.5
check('python.top-dimensions', list(top.i) == list(np.argsort(-terms)[:5]),
      '%s vs %s' % (list(top.i), list(np.argsort(-terms)[:5])))

# Histograms: kl_div against scipy.stats.entropy(p, q).
p, q = rng.integers(1, 100, size=50), rng.integers(1, 100, size=50)
got = conn.execute('SELECT kl_div(?, ?)', ('[%s]' % ','.join(map(str, p)),
                                          '[%s]' % ','.join(map(str, q)))).fetchone()[0]
want = scipy.stats.entropy(p, q)
check('python.kl_div-vs-scipy', abs(got - want) <= 1e-12 * want, '%r vs %r' % (got, want))

# The cohort comparison: gauss_mean / gauss_sd over rows, back into numpy.
row = conn.execute('SELECT gauss_mean(mu64), gauss_sd(mu64) FROM models').fetchone()
mean = to_numpy(row[0])
std = to_numpy(row[1])
check('python.gauss_mean', np.allclose(mean, mu.mean(axis=0), rtol=1e-13, atol=1e-15),
      'max diff %g' % np.max(np.abs(mean - mu.mean(axis=0))))
check('python.gauss_sd', np.allclose(std, mu.std(axis=0, ddof=1), rtol=1e-13),
      'max diff %g' % np.max(np.abs(std - mu.std(axis=0, ddof=1))))

sys.exit(1 if failed else 0)
