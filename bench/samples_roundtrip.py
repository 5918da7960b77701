#!/usr/bin/python3
"""The aggregates over raw samples (issue #19) against what users do
without them: fetch the rows into Python and call scipy / numpy.

Builds a file database of N rows (default 10^6): a value x and a flag
is_reference (half the rows each; the current sample is shifted and
wider), then times, end to end in one process and interleaved:
  ours    SELECT f_agg(x, is_reference) FROM t   (sqlite3 module, kl.so)
  theirs  SELECT x, is_reference FROM t; fetchall; numpy arrays; scipy
and prints one markdown row per aggregate: medians of REPS runs, the ratio
theirs / ours (higher is better; the target is >= 5), and the two values'
relative difference (a sanity check that both computed the same thing).
Usage: samples_roundtrip.py KL_SO [N] [REPS]"""
import os
import sqlite3
import sys
import tempfile
import time

import numpy as np
from scipy import stats
from scipy.spatial import cKDTree

so = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
reps = int(sys.argv[3]) if len(sys.argv) > 3 else 3

tmp = tempfile.mkdtemp()
db = os.path.join(tmp, 'samples.db')
rng = np.random.default_rng(20261129)
ref = rng.standard_normal(n // 2)
cur = 0.1 + 1.1 * rng.standard_normal(n - n // 2)
con = sqlite3.connect(db)
con.execute('CREATE TABLE t(x REAL, is_reference INTEGER)')
con.executemany('INSERT INTO t VALUES (?, 1)', ((float(v),) for v in ref))
con.executemany('INSERT INTO t VALUES (?, 0)', ((float(v),) for v in cur))
con.commit()
con.close()


def fetch():
    c = sqlite3.connect(db)
    rows = c.execute('SELECT x, is_reference FROM t').fetchall()
    c.close()
    a = np.array(rows, dtype=np.float64)
    return a[a[:, 1] == 0, 0], a[a[:, 1] == 1, 0]


def quantile_bins(u, v, bins=10):
    e = np.unique(np.quantile(v, np.linspace(0, 1, bins + 1)))
    e[0], e[-1] = -np.inf, np.inf
    p = np.histogram(u, e)[0] / len(u)
    q = np.histogram(v, e)[0] / len(v)
    return p, q


def psi(u, v):
    p, q = quantile_bins(u, v)
    p, q = np.where(p == 0, 1e-4, p), np.where(q == 0, 1e-4, q)
    return float(np.sum((p - q) * np.log(p / q)))


def js(u, v):
    p, q = quantile_bins(u, v)
    m = (p + q) / 2
    return float(0.5 * np.sum(p * np.log(p / m)) + 0.5 * np.sum(q * np.log(q / m)))


def kl_knn(u, v, k=1):
    xs, ys = u.reshape(-1, 1), v.reshape(-1, 1)
    rho = cKDTree(xs).query(xs, k + 1)[0][:, k]
    nu = cKDTree(ys).query(xs, k)[0]
    nu = nu if k == 1 else nu[:, k - 1]
    return float(np.mean(np.log(nu / rho)) + np.log(len(v) / (len(u) - 1)))


CASES = [
    ('wasserstein_agg(x, is_reference)', lambda u, v: stats.wasserstein_distance(u, v)),
    ('energy_distance_agg(x, is_reference)', lambda u, v: stats.energy_distance(u, v)),
    ('ks_stat_agg(x, is_reference)', lambda u, v: stats.ks_2samp(u, v).statistic),
    ('ks_pvalue_agg(x, is_reference)', lambda u, v: stats.ks_2samp(u, v).pvalue),
    ("differential_entropy_agg(x)", lambda u, v: stats.differential_entropy(np.concatenate([u, v]))),
    ('kl_knn_agg(x, is_reference)', kl_knn),
    ('psi_samples_agg(x, is_reference)', psi),
    ('js_samples_agg(x, is_reference)', js),
]


def ours(expr):
    c = sqlite3.connect(db)
    c.enable_load_extension(True)
    c.load_extension(so)
    v = c.execute('SELECT %s FROM t' % expr).fetchone()[0]
    c.close()
    return v


print('| aggregate, %d rows | ours (s) | fetch + scipy (s) | ratio | rel. diff |' % n)
print('| --- | --- | --- | --- | --- |')
for expr, py in CASES:
    t_ours, t_py = [], []
    for _ in range(reps):
        t0 = time.perf_counter()
        a = ours(expr)
        t_ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        u, v = fetch()
        b = py(u, v)
        t_py.append(time.perf_counter() - t0)
    to, tp = sorted(t_ours)[reps // 2], sorted(t_py)[reps // 2]
    diff = abs(a - b) / max(abs(b), 1e-300) if a is not None else float('nan')
    print('| `%s` | %.3f | %.3f | %.1f | %.1e |' % (expr, to, tp, tp / to, diff))
os.remove(db)
os.rmdir(tmp)
