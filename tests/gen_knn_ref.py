#!/usr/bin/python3
"""Writes tests/data/knn_ref.sql: reference values for kl_knn and
kl_knn_agg (core/knn.c), the k-nearest-neighbour estimate of KL(P || Q).

Two kinds of reference:

knn_ref(id, x, y, opts, want, mag): small samples (1-D and d = 2, 3, 5,
    20, up to 150 points (40 in d = 20);
    both estimators; k = 1, 2, 3, 5), ties and duplicates (integer grids),
    x = y exactly, huge and tiny scales.  want is a direct O(n m) numpy
    implementation of the definition (knn_ref below: all pairwise
    distances, sorted; the same tie rule: distances that are 0 are not
    neighbours) with scipy.special.digamma and math.fsum; mag is the mean
    of the terms' sizes plus |ln(m / (n - 1))|, the size the test's 1e-12
    is relative to (the estimate is a sum of signed terms and may be near
    0).  Huge and tiny scales (x and y multiplied by 2^1000 or 2^-1000,
    exact) keep the want of the unscaled samples: the estimator depends on
    ratios of distances only, and numpy's squares would overflow or
    underflow there.

    Rows sub.*: distances in or near the subnormal range (multiples of
    2^-1074, those mixed with normal coordinates, distances near 2^-1022)
    in 1-D, 2-D and 3-D, both estimators; their want is exact
    (knn_exact: squared distances as fractions.Fraction of the doubles,
    the logs in mpmath at 50 digits; numpy's squares would underflow).
    The oracle's case kl_knn x2f002 is sub.hand.d2.*.

knn_conv(id, d, k, est, n, want, closed, tol): large Gaussian samples
    (n = m = 20000 in 1-D and 3-D) that the test builds in SQL from a
    32-bit integer hash and Box-Muller (knn_sample below reproduces them
    bit for bit: the same integer operations, the same libm); want is the
    estimate computed by scipy's cKDTree (an independent neighbour search),
    closed the closed-form KL between the Gaussians, and tol the stated
    tolerance of |estimate - closed| (see CONV_TOL).

    /usr/bin/python3 tests/gen_knn_ref.py
"""
import math
import sys
from fractions import Fraction

import mpmath

import numpy as np
from scipy.special import digamma
from scipy.spatial import cKDTree

sys.path.insert(0, 'tests')
from refgen import write_counted_table, real

OUT = 'tests/data/knn_ref.sql'


# --------------------------------------------------------------- reference
def knn_ref(x, y, k, adaptive):
    """The estimate (core/knn.c rules 1-3) and its magnitude, or
    ('FEW', sample, i)."""
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    if x.ndim == 1:
        x = x[:, None]
    if y.ndim == 1:
        y = y[:, None]
    n, d = x.shape
    m = y.shape[0]
    terms = []
    for i in range(n):
        if d == 1:
            # |x - x_i|: what sqrt((x - x_i)^2) is, without its overflow
            dx = np.abs(x[:, 0] - x[i, 0])
            dy = np.abs(y[:, 0] - x[i, 0])
        else:
            dx = np.sqrt(((x - x[i]) ** 2).sum(axis=1))
            dy = np.sqrt(((y - x[i]) ** 2).sum(axis=1))
        dx = np.sort(dx[dx > 0])
        dy = np.sort(dy[dy > 0])
        if len(dx) < k:
            return ('FEW', 0, i)
        if len(dy) < k:
            return ('FEW', 1, i)
        rho, nu = dx[k - 1], dy[k - 1]
        if not adaptive:
            terms.append(d * math.log(nu / rho))
        else:
            eps = max(rho, nu)
            l = int((dx <= eps).sum())
            kk = int((dy <= eps).sum())
            terms.append(d * math.log(dy[kk - 1] / dx[l - 1])
                         + float(digamma(l) - digamma(kk)))
    c = math.log(m / (n - 1))
    return (math.fsum(terms) / n + c,
            math.fsum(abs(t) for t in terms) / n + abs(c))


# ---------------------------------------------------- the SQL-made samples
M32 = 0xFFFFFFFF


def hash32(v):
    """The hash the test computes in SQL (xor as (a | b) - (a & b))."""
    v = (((v >> 16) ^ v) * 0x45D9F3B) & M32
    v = (((v >> 16) ^ v) * 0x45D9F3B) & M32
    return (v >> 16) ^ v


def unif(key):
    return (hash32(key) + 0.5) / 4294967296.0


def gauss(i, s, c):
    """Standard normal number c of point i of sample s (0: x, 1: y):
    Box-Muller from the uniforms of keys i*64 + s*32 + c*2 + (0, 1)."""
    key = i * 64 + s * 32 + c * 2
    u1, u2 = unif(key), unif(key + 1)
    return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


# The samples: x ~ N(0, I); y's coordinate c is loc[c] + scale[c] * z.
CONV_N = 20000
CONV_Y = {1: ([1.0], [2.0]),
          3: ([0.5, 0.0, -0.3], [1.5, 1.0, 0.8])}


def knn_sample(d):
    x = np.array([[gauss(i, 0, c) for c in range(d)] for i in range(CONV_N)])
    loc, scale = CONV_Y[d]
    y = np.array([[loc[c] + scale[c] * gauss(i, 1, c) for c in range(d)]
                  for i in range(CONV_N)])
    return x, y


def closed_kl(d):
    """KL(N(0, I) || N(loc, diag(scale^2))), the sum over coordinates."""
    loc, scale = CONV_Y[d]
    return math.fsum(math.log(s) + (1 + mu * mu) / (2 * s * s) - 0.5
                     for mu, s in zip(loc, scale))


def tree_estimate(x, y, k, adaptive):
    """The estimate with scipy's cKDTree finding the neighbours (samples
    without duplicates); the distances of the neighbours it finds are
    recomputed as knn_ref computes them, so the counts within eps agree
    with the definition to the bit."""
    n, d = x.shape
    m = y.shape[0]
    tx, ty = cKDTree(x), cKDTree(y)
    _, ix = tx.query(x, k + 1)
    rho = np.sqrt(((x[ix[:, k]] - x) ** 2).sum(axis=1))
    assert (rho > 0).all()
    _, iy = ty.query(x, k)
    iy = iy.reshape(n, k)
    nu = np.sqrt(((y[iy[:, k - 1]] - x) ** 2).sum(axis=1))
    if not adaptive:
        terms = d * np.log(nu / rho)
        return math.fsum(terms) / n + math.log(m / (n - 1))
    eps = np.maximum(rho, nu)
    terms = []
    for i in range(n):
        cx = tx.query_ball_point(x[i], eps[i] * (1 + 1e-9))
        cy = ty.query_ball_point(x[i], eps[i] * (1 + 1e-9))
        dx = np.sqrt(((x[cx] - x[i]) ** 2).sum(axis=1))
        dy = np.sqrt(((y[cy] - x[i]) ** 2).sum(axis=1))
        dx = dx[(dx > 0) & (dx <= eps[i])]
        dy = dy[(dy > 0) & (dy <= eps[i])]
        terms.append(d * math.log(dy.max() / dx.max())
                     + float(digamma(len(dx)) - digamma(len(dy))))
    return math.fsum(terms) / n + math.log(m / (n - 1))


# The tolerance of |estimate - closed form| at n = m = 20000.  Over 40
# independent samples of that size (numpy's generator, --spread), estimate
# minus closed form had (mean, standard deviation):
#   1-D  k=1 fixed (-0.0029, 0.0166)   k=5 fixed (-0.0005, 0.0095)
#        k=1 adapt ( 0.0031, 0.0158)   k=5 adapt ( 0.0024, 0.0086)
#   3-D  k=1 fixed (-0.0074, 0.0180)   k=5 fixed (-0.0221, 0.0076)
#        k=1 adapt (-0.0084, 0.0151)   k=5 adapt (-0.0203, 0.0090)
# tol = the largest |mean| + 5 standard deviations of each dimension,
# rounded up (0.086 -> 0.09, 0.097 -> 0.10): a correct estimator fails it
# with probability below 1e-6; a wrong one (a missing factor d, the wrong
# neighbour, a wrong sign of the correction) fails it.  The SQL samples'
# own deviations are printed when this runs (0.036 at most in 1-D, 0.043
# in 3-D).
CONV_TOL = {1: 0.09, 3: 0.10}
CONV_CASES = [(1, 1, 0), (1, 5, 0), (1, 1, 1), (1, 5, 1),
              (3, 1, 0), (3, 5, 0), (3, 1, 1), (3, 5, 1)]


# ------------------------------------------------------------ small cases
def jtext(a):
    a = np.asarray(a, float)
    if a.ndim == 1:
        return "'[" + ','.join(repr(float(v)) for v in a) + "]'"
    return "'[" + ','.join('[' + ','.join(repr(float(v)) for v in r) + ']'
                           for r in a) + "]'"


def opts_text(k, adaptive):
    return "'k=%d, estimator=%s'" % (k, 'adaptive' if adaptive else 'fixed')


def small_cases():
    rng = np.random.default_rng(20261129)
    cases = []   # (id, x, y, k, adaptive, want from (x0, y0))
    for d in (1, 2, 3, 5, 20):
        for n, m in ((4, 3), (12, 17), (40, 25), (150, 120)):
            for k in (1, 2, 3, 5):
                if k >= n or k > m or (d == 20 and n > 40):
                    continue
                x = rng.normal(size=(n, d))
                y = rng.normal(0.4, 1.3, size=(m, d))
                if d == 1:
                    x, y = x[:, 0], y[:, 0]
                for a in (0, 1):
                    cases.append(('rand.d%d.n%d.m%d.k%d.%s'
                                  % (d, n, m, k, 'ad' if a else 'fx'),
                                  x, y, k, a, x, y))
    # ties and duplicates: integer grids, many equal points and distances
    for d in (1, 2, 3):
        for k in (1, 3):
            x = rng.integers(0, 4, size=(60, d)).astype(float)
            y = rng.integers(-1, 5, size=(45, d)).astype(float)
            if d == 1:
                x, y = x[:, 0], y[:, 0]
            for a in (0, 1):
                cases.append(('ties.d%d.k%d.%s' % (d, k, 'ad' if a else 'fx'),
                              x, y, k, a, x, y))
    # x = y exactly: ln(n / (n - 1)), with and without duplicates
    for d in (1, 3):
        x = rng.normal(size=(30, d))
        g = rng.integers(0, 3, size=(30, d)).astype(float)
        if d == 1:
            x, g = x[:, 0], g[:, 0]
        for a in (0, 1):
            tag = 'ad' if a else 'fx'
            cases.append(('same.d%d.%s' % (d, tag), x, x.copy(), 1, a, x, x))
            cases.append(('same.grid.d%d.%s' % (d, tag), g, g.copy(), 2, a,
                          g, g))
    # huge and tiny: exact power-of-two scalings of one case
    for d in (1, 2, 3):
        x0 = rng.normal(size=(25, d))
        y0 = rng.normal(1, 2, size=(20, d))
        if d == 1:
            x0, y0 = x0[:, 0], y0[:, 0]
        for e in (1000, 1020, -1000, -1020):
            for a in (0, 1):
                tag = 'ad' if a else 'fx'
                cases.append(('scale.2e%d.d%d.%s' % (e, d, tag),
                              x0 * 2.0 ** e, y0 * 2.0 ** e, 2, a, x0, y0))
    # one sample spanning 1e-300 .. 1e300: distances from 1e-300 to 1e300
    x = np.array([1e-300, 3e-300, 7e-300, 1.0, 2.5, 1e300, 1.5e300])
    y = np.array([2e-300, 1.7, 1.2e300, 5e-300])
    for a in (0, 1):
        cases.append(('span.%s' % ('ad' if a else 'fx'), x, y, 1, a, x, y))
    return cases


# --------------------------------------------- exact reference: subnormals
def knn_exact(x, y, k, adaptive):
    """The estimate (core/knn.c rules 1-3) from exact squared distances
    (fractions.Fraction of the doubles) and logs in mpmath at 50 digits:
    (value, mag), or None when a point lacks k neighbours or, for the
    adaptive estimator, a count within eps_i hangs on a distance within
    1e-12 of eps_i without equalling it (ill-posed: any rounding of a
    distance may change the count)."""
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    if x.ndim == 1:
        x = x[:, None]
    if y.ndim == 1:
        y = y[:, None]
    n, d = x.shape
    m = y.shape[0]
    X = [[Fraction(float(c)) for c in p] for p in x]
    Y = [[Fraction(float(c)) for c in p] for p in y]

    def d2(a, b):
        return sum(((s - t) * (s - t) for s, t in zip(a, b)), Fraction(0))

    def mlog(f):
        return mpmath.log(mpmath.mpf(f.numerator)) - \
            mpmath.log(mpmath.mpf(f.denominator))
    with mpmath.workdps(50):
        terms = []
        for i in range(n):
            dx = sorted(t for t in (d2(X[i], X[j]) for j in range(n)
                                    if j != i) if t > 0)
            dy = sorted(t for t in (d2(X[i], q) for q in Y) if t > 0)
            if len(dx) < k or len(dy) < k:
                return None
            r2, v2 = dx[k - 1], dy[k - 1]
            psi = 0
            if adaptive:
                e2 = max(r2, v2)
                tol = e2 * Fraction(1, 10 ** 12)
                if any(t != e2 and abs(t - e2) <= tol for t in dx + dy):
                    return None
                li = sum(1 for t in dx if t <= e2)
                ki = sum(1 for t in dy if t <= e2)
                r2, v2 = dx[li - 1], dy[ki - 1]
                psi = mpmath.digamma(li) - mpmath.digamma(ki)
            terms.append(d * (mlog(v2) - mlog(r2)) / 2 + psi)
        c = mpmath.log(mpmath.mpf(m) / (n - 1))
        return (float(mpmath.fsum(terms) / n + c),
                float(mpmath.fsum(abs(t) for t in terms) / n + abs(c)))


def subnormal_cases():
    """Samples whose distances lie in or near the subnormal range (where a
    distance as a double keeps few bits; core/knn.c rule 6 keeps squared
    distances as keys instead), in 1-D, 2-D and 3-D, with exact truths
    (knn_exact).  (id, x, y, k, adaptive)."""
    T = 2.0 ** -1074
    cases = []
    # the oracle's case x2f002 (nu = sqrt(5) 2^-1074) and 3-D variants
    hand = [
        ('hand.d2', [[0.0, 0.0], [1e-300, 0.0]], [[5e-324, 1e-323]]),
        ('hand.d3', [[0.0, 0.0, 0.0], [1e-300, 0.0, 0.0]],
         [[5e-324, 1e-323, 5e-324]]),
        ('hand.d3b', [[0.0, 0.0, 0.0], [0.0, 3 * T, 4 * T], [1e-310, 0, 0]],
         [[T, T, T], [2 * T, 0.0, 7 * T]]),
        ('hand.d1', [0.0, 1e-300], [5e-324]),
        ('hand.d1b', [0.0, 3 * T, 1e-310], [T, 7 * T]),
    ]
    hand.append(('hand.d2b', [[0.0, 0.0], [3 * T, 4 * T], [T, 0.0]],
                 [[2 * T, 2 * T], [-T, 5 * T], [1e-310, 1e-310]]))
    for cid, x, y in hand:
        for a in (0, 1):
            if a and knn_exact(x, y, 1, a) is None:
                continue   # (x's far point: ill-posed counts, as above)
            cases.append(('sub.%s.%s' % (cid, 'ad' if a else 'fx'),
                          np.array(x), np.array(y), 1, a))
    rng = np.random.default_rng(19002)
    styles = ('lattice', 'mixed', 'edge')
    for d in (1, 2, 3):
        for style in styles:
            for n, m in ((5, 4), (14, 11), (40, 30)):
                for k in (1, 3):
                    if k >= n or k > m:
                        continue
                    # (mixed: a far point sees the lattice points at
                    # distances within 1e-12 of each other, so the
                    # adaptive estimator's counts are ill-posed there)
                    for a in ((0,) if style == 'mixed' else (0, 1)):
                        for _ in range(200):
                            if style == 'lattice':
                                # multiples of 2^-1074: every distance
                                # subnormal, many exact ties
                                x = rng.integers(-60, 61, size=(n, d)) * T
                                y = rng.integers(-50, 71, size=(m, d)) * T
                            elif style == 'mixed':
                                # subnormal lattice plus normal coordinates
                                # (1e-305 .. 1): distances across 2^-1022
                                def pts(c):
                                    p = rng.integers(-60, 61, size=(c, d)) * T
                                    msk = rng.random(size=(c, d)) < 0.25
                                    big = rng.normal(size=(c, d)) * \
                                        10.0 ** rng.integers(-305, 1, size=(c, d))
                                    return np.where(msk, big, p)
                                x, y = pts(n), pts(m)
                            else:
                                # distances near 2^-1022 (the plain squared
                                # sum underflows), random 53-bit values
                                x = rng.normal(size=(n, d)) * 2.0 ** -1020
                                y = rng.normal(0.3, 1.5, size=(m, d)) * \
                                    2.0 ** -1020
                            r = knn_exact(x, y, k, a)
                            if r is not None:
                                break
                        else:
                            raise SystemExit('no case for %s %d' % (style, d))
                        if d == 1:
                            x, y = x[:, 0], y[:, 0]
                        cases.append(('sub.%s.d%d.n%d.m%d.k%d.%s'
                                      % (style, d, n, m, k,
                                         'ad' if a else 'fx'), x, y, k, a))
    return cases


def main():
    spread = '--spread' in sys.argv
    out = open(OUT, 'w')
    out.write('-- Generated by tests/gen_knn_ref.py (numpy %s, scipy %s); '
              'reference values for kl_knn and kl_knn_agg.  Do not edit.\n'
              % (np.__version__, __import__('scipy').__version__))
    rows = []
    for cid, x, y, k, a, x0, y0 in small_cases():
        r = knn_ref(x0, y0, k, a)
        assert r[0] != 'FEW', cid
        rows.append(["'%s'" % cid, jtext(x), jtext(y), opts_text(k, a),
                     real(r[0]), real(r[1])])
    for cid, x, y, k, a in subnormal_cases():
        r = knn_exact(x, y, k, a)
        rows.append(["'%s'" % cid, jtext(x), jtext(y), opts_text(k, a),
                     real(r[0]), real(r[1])])
    write_counted_table(out, 'knn_ref',
                        'id TEXT, x TEXT, y TEXT, opts TEXT, want REAL, '
                        'mag REAL', rows)
    rows = []
    for d in (1, 3):
        x, y = knn_sample(d)
        for dd, k, a in CONV_CASES:
            if dd != d:
                continue
            want = tree_estimate(x, y, k, a)
            cid = 'conv.d%d.k%d.%s' % (d, k, 'ad' if a else 'fx')
            rows.append(["'%s'" % cid, str(d), str(k), str(a), str(CONV_N),
                         real(want), real(closed_kl(d)), real(CONV_TOL[d])])
            print(cid, want, closed_kl(d), want - closed_kl(d))
    write_counted_table(out, 'knn_conv',
                        'id TEXT, d INTEGER, k INTEGER, est INTEGER, '
                        'n INTEGER, want REAL, closed REAL, tol REAL', rows)
    out.close()
    if spread:
        # the spread behind CONV_TOL: 40 samples of other keys (offset i)
        rng = np.random.default_rng(7)
        for d in (1, 3):
            loc, scale = CONV_Y[d]
            for k, a in ((1, 0), (5, 0), (1, 1), (5, 1)):
                ests = []
                for _ in range(40):
                    x = rng.normal(size=(CONV_N, d))
                    y = np.array(loc) + np.array(scale) * \
                        rng.normal(size=(CONV_N, d))
                    ests.append(tree_estimate(x, y, k, a) - closed_kl(d))
                print('spread d=%d k=%d est=%d: mean %.4f sd %.4f' % (
                    d, k, a, np.mean(ests), np.std(ests)))


if __name__ == '__main__':
    main()
