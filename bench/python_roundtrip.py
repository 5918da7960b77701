#!/usr/bin/python3
"""What users do instead of sqlite-kl: fetch the rows into Python and compute
the KL in numpy (float64, vectorised).  Prints two lines:
  numpy SECONDS      end to end: query, fetch, decode the blobs, compute
  torch SECONDS      torch.distributions.kl_divergence on tensors already in
                     memory (compute only), or 'torch unavailable'
Usage: python_roundtrip.py DB TABLE REPS"""
import sqlite3
import sys
import time

import numpy as np

db, table, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])


def numpy_kl():
    con = sqlite3.connect(db)
    rows = con.execute('SELECT mu1, sd1, mu2, sd2 FROM %s' % table).fetchall()
    con.close()
    a = [np.frombuffer(b''.join(r[k] for r in rows), dtype='<f4').astype(np.float64)
         for k in range(4)]
    mu1, sd1, mu2, sd2 = a
    return float(np.sum(np.log(sd2 / sd1) + (sd1 ** 2 + (mu1 - mu2) ** 2) / (2 * sd2 ** 2) - 0.5))


times = []
for _ in range(reps):
    t0 = time.perf_counter()
    value = numpy_kl()
    times.append(time.perf_counter() - t0)
times.sort()
print('numpy %.6f %.17g' % (times[len(times) // 2], value))

try:
    import torch
    from torch.distributions import Normal, kl_divergence
    con = sqlite3.connect(db)
    rows = con.execute('SELECT mu1, sd1, mu2, sd2 FROM %s' % table).fetchall()
    con.close()
    t = [torch.from_numpy(np.frombuffer(b''.join(r[k] for r in rows), dtype='<f4')
                          .astype(np.float64)) for k in range(4)]
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        float(kl_divergence(Normal(t[0], t[1]), Normal(t[2], t[3])).sum())
        times.append(time.perf_counter() - t0)
    times.sort()
    print('torch %.6f' % times[len(times) // 2])
except ImportError:
    print('torch unavailable')
