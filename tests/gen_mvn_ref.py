#!/usr/bin/python3
"""Writes tests/data/mvn_ref.sql: reference values for kl_mvn.

The reference is the textbook formula
    KL = ( tr(S2^-1 S1) + (m2-m1)^T S2^-1 (m2-m1) - d + ln det S2 - ln det S1 ) / 2
evaluated with mpmath from the exact double inputs: for d <= 32 with
mpmath's own matrix routines (inverse, det), above with a 40-digit
Cholesky written here (S2^-1 applied by two triangular solves).  At that
precision the formula's cancellation costs nothing.  torch's float64
MultivariateNormal KL is stored beside it, and the generator insists the two
agree to 1e-9 on every case (a cross-check of the reference).

Matrices up to d = 64 are written into the data file; the d = 128, 256 and
512 ones follow a recipe of exact binary fractions that tests/mvn.sql
rebuilds in SQL (see recipe() below and its twin there).

    /usr/bin/python3 tests/gen_mvn_ref.py

Needs Debian's python3-mpmath, python3-numpy and python3-torch (minutes).
"""
import random
import sys

import numpy as np
from mpmath import mp, mpf, fdot, sqrt, log, matrix

sys.path.insert(0, 'tests')
from refgen import write_counted_table, real, as_double, json_lit, f32_lit, f64_lit

import torch
from torch.distributions import MultivariateNormal, kl_divergence

mp.dps = 40
LN2 = log(2)


from refmath import mvn_kl as kl_ref  # noqa: E402


def torch_kl(mu1, S1, mu2, S2):
    t = lambda x: torch.tensor(x, dtype=torch.float64)
    p = MultivariateNormal(t(mu1), covariance_matrix=t(S1))
    q = MultivariateNormal(t(mu2), covariance_matrix=t(S2))
    return float(kl_divergence(p, q))


def rows_lit(S):
    return "'[" + ','.join('[' + ','.join(repr(float(x)) for x in r) + ']' for r in S) + "]'"


def flat(S):
    return [x for r in S for x in r]


def spd(rng, d, scale=1.0, ridge=0.5):
    """A well-conditioned symmetric positive definite matrix of doubles."""
    B = np.array([[rng.gauss(0, 1) for _ in range(d)] for _ in range(d)])
    A = (B @ B.T) / d + ridge * np.eye(d)
    A = np.tril(A) + np.tril(A, -1).T     # exactly symmetric
    return [[float(x) * scale for x in r] for r in A]


def recipe(d, which):
    """Exact binary fractions, diagonally dominant; twin in tests/mvn.sql."""
    S = [[0.0] * d for _ in range(d)]
    for i in range(d):
        for j in range(d):
            if i != j:
                a, b = min(i, j), max(i, j)
                S[i][j] = ((a * 7 + b * 3 + which * 5) % 11 - 5) / 64.0
    for i in range(d):
        S[i][i] = sum(abs(x) for x in S[i]) + 1.0 + (i % 7) / 4.0
    mu = [((i * (which + 2)) % 13 - 6) / 8.0 for i in range(d)]
    return mu, S


rows = []


def add(case_id, mu1, S1, mu2, S2, form='rows', cross=True):
    want = kl_ref(mu1, S1, mu2, S2)
    tv = torch_kl(mu1, S1, mu2, S2)
    if cross and abs(mpf(tv) - want) > 1e-9 * abs(want):
        sys.exit('%s: torch %r vs mpmath %s' % (case_id, tv, mp.nstr(want, 20)))
    if form == 'rows':
        lits = [json_lit(mu1), rows_lit(S1), json_lit(mu2), rows_lit(S2)]
    elif form == 'f64':
        lits = [f64_lit(mu1), f64_lit(flat(S1)), f64_lit(mu2), f64_lit(flat(S2))]
    elif form == 'f32':
        lits = [f32_lit(mu1), f32_lit(flat(S1)), f32_lit(mu2), f32_lit(flat(S2))]
    else:
        lits = [json_lit(mu1), json_lit(flat(S1)), json_lit(mu2), json_lit(flat(S2))]
    rows.append((case_id, len(mu1), lits, as_double(want), as_double(want / LN2), tv))


def diag(v):
    return [[v[i] if i == j else 0.0 for j in range(len(v))] for i in range(len(v))]


# The article's example as full matrices: the same 0.666985... as kl_gauss.
add('article', [2.0, 4.0, 6.0], diag([1.0, 4.0, 9.0]), [3.0, 5.0, 8.0],
    diag([2.25, 6.25, 16.0]))
add('article.f64', [2.0, 4.0, 6.0], diag([1.0, 4.0, 9.0]), [3.0, 5.0, 8.0],
    diag([2.25, 6.25, 16.0]), 'f64')
add('two', [0.0, 0.0], [[1.0, 0.5], [0.5, 2.0]], [1.0, 0.0], [[2.0, 0.0], [0.0, 2.0]])
add('two.flat', [0.0, 0.0], [[1.0, 0.5], [0.5, 2.0]], [1.0, 0.0],
    [[2.0, 0.0], [0.0, 2.0]], 'flat')
add('one', [1.0], [[2.0]], [0.0], [[1.0]])
add('equal', [1.0, 2.0], [[2.0, 0.3], [0.3, 1.0]], [1.0, 2.0], [[2.0, 0.3], [0.3, 1.0]],
    cross=False)

rng = random.Random(20261125)
for k, d in enumerate([2, 3, 4, 5, 8, 12, 16, 24, 32, 48, 64]):
    mu1 = [rng.gauss(0, 1) for _ in range(d)]
    mu2 = [rng.gauss(0, 1) for _ in range(d)]
    S1, S2 = spd(rng, d), spd(rng, d)
    form = ['rows', 'f64', 'flat'][k % 3]
    add('random.%02d.d%d' % (k, d), mu1, S1, mu2, S2, form)
    if d <= 16:
        f = lambda v: [float(np.float32(x)) for x in v]
        S1f = [f(r) for r in S1]
        S2f = [f(r) for r in S2]
        add('random.%02d.d%d.f32' % (k, d), f(mu1), S1f, f(mu2), S2f, 'f32')

# Scaled far from 1 (the Cholesky sums would overflow without scaling).
for k, (sc, ms) in enumerate([(1e300, 1e150), (1e-300, 1e-150), (1e200, 1.0)]):
    d = 4
    S1, S2 = spd(rng, d, sc), spd(rng, d, sc)
    mu1 = [rng.gauss(0, 1) * ms for _ in range(d)]
    mu2 = [rng.gauss(0, 1) * ms for _ in range(d)]
    add('scaled.%d' % k, mu1, S1, mu2, S2, 'f64', cross=(k == 2))

# Nearly equal: S2 = S1 with one off-diagonal pair moved by 1e-6 (the KL is
# about 1e-12; a naive formula loses it all).
d = 6
S1 = spd(rng, d)
S2 = [r[:] for r in S1]
S2[3][1] *= 1 + 1e-6
S2[1][3] = S2[3][1]
mu = [rng.gauss(0, 1) for _ in range(d)]
add('near.1e-6', mu, S1, mu, S2, cross=False)

# The recipe matrices, d = 128 .. 512, built by tests/mvn.sql.
big = []
for d in (128, 256, 512):
    mu1, S1 = recipe(d, 1)
    mu2, S2 = recipe(d, 2)
    want = kl_ref(mu1, S1, mu2, S2)
    tv = torch_kl(mu1, S1, mu2, S2)
    if abs(mpf(tv) - want) > 1e-9 * want:
        sys.exit('recipe %d: torch %r vs mpmath %s' % (d, tv, mp.nstr(want, 20)))
    big.append((d, as_double(want), tv))
    print('recipe d=%d done' % d, file=sys.stderr)

with open('tests/data/mvn_ref.sql', 'w') as out:
    out.write('-- Generated by tests/gen_mvn_ref.py (mpmath 40 digits; torch '
              'float64 beside). Do not edit.\n')
    write_counted_table(out, 'mvn_ref', 'id TEXT PRIMARY KEY, d INTEGER, mu1, cov1, mu2, '
                        'cov2, want REAL, want_bits REAL, torch REAL',
                        [["'%s'" % case_id, '%d' % d] + lits + [real(w), real(wb), real(tv)]
                         for case_id, d, lits, w, wb, tv in rows])
    out.write('CREATE TEMP TABLE mvn_recipe_ref(d INTEGER PRIMARY KEY, want REAL, '
              'torch REAL);\n')
    for d, w, tv in big:
        out.write('INSERT INTO mvn_recipe_ref VALUES(%d,%s,%s);\n' % (d, real(w), real(tv)))

print('wrote %d cases + %d recipe sizes' % (len(rows), len(big)))
