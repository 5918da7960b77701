#!/usr/bin/python3
"""Writes tests/data/transport_ref.sql: reference values for wasserstein()
and energy_distance() and their aggregates (core/transport.c).

Every expected value is exact: the definition scipy uses (scipy's
_cdf_distance: the integral of |U - V| and sqrt(2 * integral of (U - V)^2)
over the merged sorted values) evaluated in integers from the exact
rationals of the double inputs (each double is an integer times 2^-1074),
then rounded once to a double (the square root to 2^-119 first, then
rounded).  Beside it, scipy 1.10.1's own values and their relative errors
against the exact ones, so the tests can say where scipy is off and by how
much.

The tables (tests/refgen.py, write_counted_table):
  tr_ref(id, kind, u, v, uw, vw, u_f64, v_f64, w_want, e_want, w_scipy,
         e_scipy, w_scipy_err, e_scipy_err, w_tol, e_tol)
      u, v: the samples as JSON text; uw, vw: the weights (JSON) or NULL;
      u_f64, v_f64: the same samples as kl_f64 blobs packed here with
      struct, u_jsonb ... vw_jsonb as JSONB arrays (SQLite 3.45's format,
      packed here), for samples of at most 64 values, else NULL; kind 'random'
      (random samples: scipy agrees to 1e-12) or 'adversarial' (ties,
      one-element samples, 1e308 beside 1e-300, subnormals, CDFs that
      cancel, weights over 600 decades, gaps of a subnormal ulp beside
      1e308); w_tol, e_tol: the relative bound the test asserts against
      the exact value (1e-13; absolute where the value is 0; a subnormal
      value, which has few digits, one subnormal ulp 2^-1074 absolute).
  tr_grouped(id, a, m, b, n, w_want, e_want): samples of two values
      (0 and 1) with a of m and b of n at 0 and a n - b m = 1, for the
      aggregate over m + n generated rows (no weights).
  tr_big(id, weighted, w_want, e_want, w_scipy, e_scipy): 10^6 values
      per sample from a formula the test evaluates in SQL (IEEE operations
      only, so Python and SQLite get the same doubles):
        u_i = (i*7919 % 1000003) / 1000003.0             i = 1 .. 1000000
        v_j = (j*104729 % 999983) / 999983.0 + 1/1024.0  j = 1 .. 999999
      weighted: u_i's weight 1 + i % 7, v_j's 1 + (j % 5) * 0.5.

    /usr/bin/python3 tests/gen_transport_ref.py

exact(u, v, uw, vw) is importable (the value oracle's grid can use it).

Needs numpy and Debian's python3-scipy (1.10.1).  Runs in about a minute.
"""
import math
import random
import struct
import sys
from fractions import Fraction

import numpy as np
from scipy import stats

sys.path.insert(0, 'tests')
from refgen import write_counted_table, real, F64_HEADER

SH = 1074          # every double is an integer times 2^-1074
DBL_MAX = sys.float_info.max


# ------------------------------------------------------------- exact values
def _int(x):
    n, d = float(x).as_integer_ratio()
    return n * ((1 << SH) // d)


def _fsqrt(p, q):
    """sqrt(p / q) for integers p >= 0, q > 0: to 2^-119, then rounded."""
    if p == 0:
        return 0.0
    t = max(0, (240 - (p.bit_length() - q.bit_length())) // 2 + 2)
    r = math.isqrt((p << (2 * t)) // q)
    try:
        return float(Fraction(r, 1 << t))
    except OverflowError:
        return math.inf


def exact(u, v, uw=None, vw=None):
    """(W, E) exactly as defined, rounded once; inf beyond DBL_MAX."""
    wu = [1] * len(u) if uw is None else [_int(w) for w in uw]
    wv = [1] * len(v) if vw is None else [_int(w) for w in vw]
    U = sorted(zip(u, wu), key=lambda t: t[0])
    V = sorted(zip(v, wv), key=lambda t: t[0])
    SA = sum(wu)
    SB = sum(wv)
    i = j = A = B = sw = se = 0
    prev = None
    m, n = len(U), len(V)
    while i < m or j < n:
        z = U[i][0] if (j >= n or (i < m and U[i][0] <= V[j][0])) else V[j][0]
        Z = _int(z)
        if prev is not None and Z > prev:
            N = A * SB - B * SA
            if N:
                d = Z - prev
                sw += abs(N) * d
                se += N * N * d
        while i < m and U[i][0] == z:
            A += U[i][1]
            i += 1
        while j < n and V[j][0] == z:
            B += V[j][1]
            j += 1
        prev = Z
    D = SA * SB
    try:
        W = float(Fraction(sw, D << SH))
    except OverflowError:
        W = math.inf
    return W, _fsqrt(2 * se, (D * D) << SH)


def scipy_pair(u, v, uw, vw):
    """scipy's values, or None where scipy refuses the input (weights whose
    sum is beyond DBL_MAX)."""
    try:
        with np.errstate(all='ignore'):
            return (float(stats.wasserstein_distance(u, v, uw, vw)),
                    float(stats.energy_distance(u, v, uw, vw)))
    except ValueError:
        return None, None


def rel_err(got, want):
    if got is None:
        return None
    if got == want:
        return 0.0
    if math.isnan(got) or math.isinf(got) or math.isinf(want):
        return math.inf
    if want == 0:
        return abs(got)
    return abs(got - want) / abs(want)


def js(v):
    return "'[" + ','.join(repr(float(x)) for x in v) + "]'"


def f64(v):
    if len(v) > 64:
        return 'NULL'
    return "X'" + (F64_HEADER + b''.join(struct.pack('<d', x) for x in v)).hex().upper() + "'"


def _jsonb_head(size, typ):
    if size <= 11:
        return bytes([(size << 4) | typ])
    if size <= 0xff:
        return bytes([0xC0 | typ, size])
    if size <= 0xffff:
        return bytes([0xD0 | typ]) + size.to_bytes(2, 'big')
    return bytes([0xE0 | typ]) + size.to_bytes(4, 'big')


def jsonb(v):
    """A JSONB array (SQLite 3.45's format, packed here: Debian's SQLite has
    no jsonb()) of the numbers as FLOAT elements, for samples of at most 64
    values, else NULL."""
    if v is None or len(v) > 64:
        return 'NULL'
    body = b''
    for x in v:
        t = repr(float(x)).encode()
        body += _jsonb_head(len(t), 5) + t
    return "X'" + (_jsonb_head(len(body), 11) + body).hex().upper() + "'"


def tol_of(want):
    if want == 0:
        return 1e-300           # exactly 0 (expect's absolute form)
    if want < 2.2250738585072014e-308:
        return max(1e-13, 2.0 ** -1074 / want)
    return 1e-13


def qs_killer(n):
    """McIlroy's adversary ("A killer adversary for quicksort", 1999) run
    against a copy of core/transport.c's quicksort without its depth limit
    (median of three at (n-1)/2, Hoare's partition, insertion sort at 16):
    a permutation of 0 .. n-1 that drives it about n/2 levels deep, so the
    C sort gives up on it and heapsorts (its depth limit is 2 log2 n)."""
    gas = n + 10
    val = [gas] * n
    st = {'solid': 0, 'cand': None}

    def freeze(z):
        val[z] = st['solid']
        st['solid'] += 1

    def less(a, b):
        if val[a] == gas and val[b] == gas:
            freeze(a if a == st['cand'] else b)
        if val[a] == gas:
            st['cand'] = a
        elif val[b] == gas:
            st['cand'] = b
        return val[a] < val[b]

    x = list(range(n))
    deepest = [0]

    def sw(a, b):
        x[a], x[b] = x[b], x[a]

    def isort(lo, k):
        for i in range(1, k):
            xi = x[lo + i]
            j = i
            while j > 0 and less(xi, x[lo + j - 1]):
                x[lo + j] = x[lo + j - 1]
                j -= 1
            x[lo + j] = xi

    def qs(lo, k, depth):
        while k > 16:
            deepest[0] = max(deepest[0], depth)
            depth += 1
            mid = (k - 1) // 2
            if less(x[lo + mid], x[lo]):
                sw(lo + mid, lo)
            if less(x[lo + k - 1], x[lo + mid]):
                sw(lo + k - 1, lo + mid)
                if less(x[lo + mid], x[lo]):
                    sw(lo + mid, lo)
            p = x[lo + mid]
            i, j = 0, k - 1
            while True:
                while less(x[lo + i], p):
                    i += 1
                while less(p, x[lo + j]):
                    j -= 1
                if i >= j:
                    break
                sw(lo + i, lo + j)
                i += 1
                j -= 1
            if j + 1 < k - (j + 1):
                qs(lo, j + 1, depth)
                lo += j + 1
                k -= j + 1
            else:
                qs(lo + j + 1, k - (j + 1), depth)
                k = j + 1
        isort(lo, k)

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 4 * n))
    qs(0, n, 0)
    sys.setrecursionlimit(old)
    for z in range(n):
        if val[z] == gas:
            freeze(z)
    assert deepest[0] > 2 * n.bit_length()
    return [float(t) for t in val]


def main():
    rows = []


    def add(id_, kind, u, v, uw=None, vw=None, tol=None):
        u = [float(x) for x in u]
        v = [float(x) for x in v]
        uw = None if uw is None else [float(x) for x in uw]
        vw = None if vw is None else [float(x) for x in vw]
        W, E = exact(u, v, uw, vw)
        sW, sE = scipy_pair(u, v, uw, vw)
        rows.append(dict(id=id_, kind=kind, u=u, v=v, uw=uw, vw=vw, W=W, E=E, sW=sW, sE=sE,
                         sWe=rel_err(sW, W), sEe=rel_err(sE, E),
                         wtol=tol if tol is not None else tol_of(W),
                         etol=tol if tol is not None else tol_of(E)))


    # ----------------------------------------------------------- random samples
    rng = random.Random(20261129)
    SIZES = [(1, 1), (1, 2), (2, 1), (3, 3), (5, 8), (10, 10), (13, 7), (50, 50), (100, 37),
             (200, 300), (1000, 1000), (1200, 900)]
    DISTS = ['normal', 'shifted', 'ties', 'expo', 'dup']
    WEIGHTS = ['none', 'uniform', 'integer']
    k = 0
    for (m, n) in SIZES:
        for dist in DISTS:
            wt = WEIGHTS[k % 3]
            k += 1
            if dist == 'normal':
                u = [rng.gauss(0, 1) for _ in range(m)]
                v = [rng.gauss(0, 1) for _ in range(n)]
            elif dist == 'shifted':
                u = [rng.gauss(0, 1) for _ in range(m)]
                v = [rng.gauss(0.5, 2) for _ in range(n)]
            elif dist == 'ties':
                u = [float(rng.randint(0, 5)) for _ in range(m)]
                v = [float(rng.randint(1, 6)) for _ in range(n)]
            elif dist == 'expo':
                u = [rng.expovariate(1.0) for _ in range(m)]
                v = [rng.expovariate(0.7) for _ in range(n)]
            else:   # duplicates: v drawn from u's values
                u = [rng.gauss(10, 3) for _ in range(m)]
                v = [rng.choice(u) for _ in range(n)]
            uw = vw = None
            if wt == 'uniform':
                uw = [rng.uniform(0.1, 1) for _ in range(m)]
                vw = [rng.uniform(0.1, 1) for _ in range(n)]
            elif wt == 'integer':
                uw = [float(rng.randint(1, 5)) for _ in range(m)]
                vw = [float(rng.randint(1, 5)) for _ in range(n)]
            add('random.%s.%dx%d.%s' % (dist, m, n, wt), 'random', u, v, uw, vw)


    # ------------------------------------------------------ adversarial samples
    A = 'adversarial'
    # one-element samples, ties, duplicates, signed zeros
    add('one.same', A, [3], [3])
    add('one.apart', A, [0], [1])
    add('one.vs.many.same', A, [3], [3, 3, 3])
    add('ties.same.values', A, [1, 1, 1], [1, 1])
    add('ties.mixed', A, [1, 1, 1, 2, 2], [1, 2, 2, 2])
    add('ties.permuted', A, [4, 1, 3, 1, 2], [1, 2, 1, 3, 4])
    add('zero.signed', A, [-0.0], [0.0])
    add('zero.signed.mixed', A, [-0.0, 0.0, 1.0], [0.0, 1.0, -0.0])
    add('dup.weights.split', A, [2, 2, 5], [2, 5], [1, 1, 2], [2, 2])
    # huge: differences beyond DBL_MAX (scipy's np.diff gives +Inf)
    add('huge.opposite', A, [-1e308, 1e308], [0.0])
    add('huge.beyond', A, [-DBL_MAX], [DBL_MAX])          # W beyond DBL_MAX: +Inf
    add('huge.beyond.half', A, [-DBL_MAX, DBL_MAX], [DBL_MAX])
    add('huge.max', A, [DBL_MAX, -DBL_MAX, 0.0], [DBL_MAX, 1.0, 2.0])
    # 1e300 beside 1e-300: the CDFs differ only between the tiny values
    add('mixed.tiny.between.huge', A, [-1e300, 1e-300, 1e300], [-1e300, 3e-300, 1e300])
    add('mixed.all.scales', A, [1e300, -1e300, 1e-300, 5e-324, 1.0],
        [1e300, 2e-300, -1e300, 0.0, 3.0])
    r2 = random.Random(7)
    for t in range(4):
        lu = lambda: r2.choice([-1, 1]) * 10 ** r2.uniform(-300, 300)
        add('mixed.loguniform.%d' % t, A, [lu() for _ in range(40)], [lu() for _ in range(25)])
    for t in range(3):
        lu = lambda: r2.choice([-1, 1]) * 10 ** r2.uniform(300, 308)
        add('huge.loguniform.%d' % t, A, [lu() for _ in range(30)], [lu() for _ in range(30)])
    # subnormal and tiny samples (scipy's products round in the subnormal range)
    add('tiny.subnormal', A, [5e-324, 1e-322], [2e-323])
    add('tiny.subnormal.sum', A, [5e-324, 1e-322, 3e-320], [2e-323, 4e-321])
    for t in range(3):
        lu = lambda: r2.choice([-1, 1]) * 10 ** r2.uniform(-315, -305)
        add('tiny.loguniform.%d' % t, A, [lu() for _ in range(30)], [lu() for _ in range(20)])
    # gaps between subnormal (and tiny) values beside values near +-1e308: no
    # common power-of-two scaling keeps both (the values near 1e308 cannot
    # grow; a gap of one subnormal ulp scaled down becomes 0): the terms take
    # core/transport.c's wide road (rule 6).  The CDFs agree outside the tiny
    # values in the "balanced" cases, so only the tiny gaps count.
    S = 2.0 ** -1074                      # one subnormal ulp
    add('wide.oracle.ulp', A, [-3.0671269746e-313, 1e308], [-3.06712697466e-313, 1e308])
    add('wide.oracle.ulp.weighted', A, [-3.0671269746e-313, 1e308],
        [-3.06712697466e-313, 1e308], [2, 1], [1, 0.5])
    add('wide.ulp.3', A, [0.0, 1e308], [3 * S, 1e308])          # W = 1.5 ulps
    add('wide.ulp.3.max', A, [0.0, DBL_MAX], [3 * S, DBL_MAX])
    add('wide.gaps.balanced', A, [-1e308, 2 * S, 9 * S, 40 * S, 1e308],
        [-1e308, 5 * S, 11 * S, 33 * S, 1e308])
    add('wide.gaps.balanced.weighted', A, [-1e308, 2 * S, 9 * S, 40 * S, 1e308],
        [-1e308, 5 * S, 11 * S, 33 * S, 1e308], [3, 1, 2, 4, 0.5], [3, 4, 1, 2, 0.5])
    add('wide.gaps.signed', A, [-DBL_MAX, -7 * S, -0.0, 2 * S, 1e308, 1.5e308],
        [-DBL_MAX, -6 * S, 0.0, 5 * S, 1e308, 1.5e308])
    add('wide.gaps.unbalanced', A, [-1e308, 2 * S, 9 * S, 1e308], [5 * S, 11 * S, 1e308])
    add('wide.gaps.unbalanced.weighted', A, [-1e308, 2 * S, 9 * S, 1e308],
        [5 * S, 11 * S, 1e308], [1, 2, 3, 4], [0.25, 1e-300, 8])
    add('wide.tiny.normal', A, [-1e308, 1e-200, 1e-200 + 3e-216, 1e308],
        [-1e308, 1e-200 + 1e-216, 1e-200 + 2e-216, 1e308])
    add('wide.tiny.normal.weighted', A, [1e-200, 1e-200 + 3e-216, 1e308],
        [1e-200 + 1e-216, 1e-200 + 2e-216, 1e308], [1, 1e-5, 7], [1e-5, 1, 7])
    # weights that nearly cancel: |U - V| ~ 1e-200, f^2 ~ 1e-400 (below the
    # double range: the wide road carries its exponent), beside 1e308 or not
    add('wide.weights.cancel', A, [0, 1], [0, 1], [1, 1e-200], [1, 2e-200])
    add('wide.weights.cancel.huge', A, [-1e308, 1e308], [-1e308, 1e308], [1, 1e-200], [1, 3e-200])
    add('wide.weights.cancel.subnormal', A, [-1e308, 3 * S, 1e308], [-1e308, 8 * S, 1e308],
        [1, 1e-150, 1], [1, 1e-150, 1])
    r3 = random.Random(1074)
    for t in range(4):
        hm = [r3.choice([-1, 1]) * r3.uniform(1, 1.79) * 1e308 for _ in range(6 + t)]
        nt = 10 + 5 * t
        tu = [r3.choice([-1, 1]) * r3.randint(0, 2 ** (10 + 10 * t)) * S for _ in range(nt)]
        tv = [r3.choice([-1, 1]) * r3.randint(0, 2 ** (10 + 10 * t)) * S for _ in range(nt)]
        add('wide.random.balanced.%d' % t, A, hm + tu, tv + hm)
        hw = [r3.uniform(0.5, 2) for _ in hm]
        tw = [float(r3.randint(1, 9)) for _ in range(nt)]
        tw2 = list(tw)
        r3.shuffle(tw2)
        add('wide.random.balanced.%d.weighted' % t, A, hm + tu, tv + hm, hw + tw, tw2 + hw)
        add('wide.random.mixed.%d' % t, A, hm[:3] + tu, tv + hm[3:])
    # CDFs that cancel: U - V = 1/(m n) where the CDFs are near 1/2; scipy forms
    # U and V apart and keeps ~1e-16 of their difference's absolute value
    add('cancel.third', A, [0, 1, 1], [0, 1], [1, 1, 1], [3333333333333333, 6666666666666667])
    GROUPED = []
    for (m, n) in ((9973, 10007), (99991, 100003), (3, 4)):
        a = pow(n, -1, m)                    # a n = 1 (mod m)
        b = (a * n - 1) // m                 # a n - b m = 1
        assert a * n - b * m == 1 and 0 < a < m and 0 <= b < n
        add('cancel.counts.%dx%d' % (m, n), A, [0, 1], [0, 1], [a, m - a], [b, n - b])
        Wg, Eg = exact([0, 1], [0, 1], [a, m - a], [b, n - b])
        GROUPED.append(('cancel.rows.%dx%d' % (m, n), a, m, b, n, Wg, Eg))
    # the same, unweighted, as whole samples (small enough to write out)
    a, m, b, n = 1, 3, 1, 4
    add('cancel.sample.3x4', A, [0] * a + [1] * (m - a), [0] * b + [1] * (n - b))
    u = [float(i) for i in range(2000)]
    add('cancel.ranges.2000x2001', A, u, u + [2000.0])
    # one value moved by an ulp
    u = [rng.gauss(0, 1) for _ in range(50)]
    v = list(u)
    v[17] = math.nextafter(v[17], math.inf)
    add('near.one.ulp', A, u, v)
    v = [math.nextafter(x, math.inf) for x in u]
    add('near.all.ulp', A, u, v)
    add('near.all.ulp.weighted', A, u, v, [1.0] * 50, [1.0 + 2 ** -52] * 50)
    # weights over many decades
    for t in range(3):
        m_, n_ = 40, 30
        add('weights.decades.%d' % t, A, [r2.gauss(0, 1) for _ in range(m_)],
            [r2.gauss(0.3, 1) for _ in range(n_)],
            [10 ** r2.uniform(-300, 300) for _ in range(m_)],
            [10 ** r2.uniform(-300, 300) for _ in range(n_)])
    add('weights.extremes', A, [0, 1, 2], [0.5, 1.5], [1e-300, 1.0, 1e300], [DBL_MAX, 5e-324])
    add('weights.huge', A, [0, 1, 2], [0, 1, 2], [DBL_MAX, DBL_MAX, DBL_MAX], [1, 1, 2])
    # the same sample, weights proportional: exactly 0 for a factor 2 (the
    # weights are scaled by powers of two); the factor 3 rounds each 3 w, so the
    # CDFs differ by ~1e-17: the exact W is ~1e-17, which scipy misses 40-fold
    u = [r2.gauss(0, 1) for _ in range(30)]
    w = [r2.uniform(0.1, 3) for _ in range(30)]
    add('weights.proportional.2', A, u, u, w, [2 * x for x in w])
    add('weights.proportional.3', A, u, u, w, [3 * x for x in w])
    # a quicksort killer: the sort falls back to heapsort (with the weights)
    u = qs_killer(2000)
    v = [r2.gauss(1000, 500) for _ in range(100)]
    add('sort.killer.2000', A, u, v)
    add('sort.killer.2000.weighted', A, u, v, [1 + t % 7 for t in u],
        [r2.uniform(0.5, 2) for _ in range(100)])
    # samples of 4096 values or more take the radix sort: both signs, -0.0
    # and 0.0, subnormals, 1e-300 beside 1e300, many duplicates
    def short():
        c = r2.random()
        if c < 0.05:
            return r2.choice([0.0, -0.0])
        e = r2.choice([r2.randint(-324, -300), r2.randint(-300, 300), r2.randint(300, 307)])
        return float('%s%de%d' % (r2.choice(['', '-']), r2.randint(1, 9), e))
    pool = [short() for _ in range(3000)]
    u = [r2.choice(pool) for _ in range(4200)]
    v = [r2.choice(pool) for _ in range(4100)]
    add('radix.mixed.4200x4100', A, u, v)
    add('radix.mixed.4200x4100.weighted', A, u, v,
        [float('%de%d' % (r2.randint(1, 9), r2.randint(-5, 5))) for _ in u],
        [float('%de%d' % (r2.randint(1, 9), r2.randint(-5, 5))) for _ in v])
    add('radix.small.vs.large', A, [r2.choice(pool) for _ in range(10)], v)
    # far from 0: the differences of values near 1e16
    add('translated.1e16', A, [1e16 + 2 * i for i in range(20)], [1e16 + 3 * i for i in range(15)])


    # ------------------------------------------------------------------ 10^6
    def big(weighted):
        u = [(i * 7919 % 1000003) / 1000003.0 for i in range(1, 1000001)]
        v = [(j * 104729 % 999983) / 999983.0 + 1 / 1024.0 for j in range(1, 1000000)]
        uw = [float(1 + i % 7) for i in range(1, 1000001)] if weighted else None
        vw = [1 + (j % 5) * 0.5 for j in range(1, 1000000)] if weighted else None
        W, E = exact(u, v, uw, vw)
        sW, sE = scipy_pair(u, v, uw, vw)
        return W, E, sW, sE


    BIG = []
    for weighted in (0, 1):
        W, E, sW, sE = big(weighted)
        BIG.append(('big.%s' % ('weighted' if weighted else 'unweighted'), weighted, W, E, sW, sE))


    # ------------------------------------------------------------------- write
    def lit_or_null(v, f):
        return 'NULL' if v is None else f(v)


    out = open('tests/data/transport_ref.sql', 'w')
    out.write('-- Generated by tests/gen_transport_ref.py (exact rationals, rounded once; '
              'scipy 1.10.1 beside). Do not edit.\n')
    write_counted_table(
        out, 'tr_ref',
        'id TEXT PRIMARY KEY, kind TEXT, u TEXT, v TEXT, uw TEXT, vw TEXT, u_f64 BLOB, '
        'v_f64 BLOB, u_jsonb BLOB, v_jsonb BLOB, uw_jsonb BLOB, vw_jsonb BLOB, '
        'w_want REAL, e_want REAL, w_scipy REAL, e_scipy REAL, '
        'w_scipy_err REAL, e_scipy_err REAL, w_tol REAL, e_tol REAL',
        [["'%s'" % r['id'], "'%s'" % r['kind'], js(r['u']), js(r['v']), lit_or_null(r['uw'], js),
          lit_or_null(r['vw'], js), f64(r['u']), f64(r['v']), jsonb(r['u']), jsonb(r['v']),
          jsonb(r['uw']), jsonb(r['vw']), real(r['W']), real(r['E']),
          real(r['sW']), real(r['sE']), real(r['sWe']), real(r['sEe']), real(r['wtol']), real(r['etol'])]
         for r in rows])
    write_counted_table(
        out, 'tr_grouped',
        'id TEXT PRIMARY KEY, a INTEGER, m INTEGER, b INTEGER, n INTEGER, w_want REAL, '
        'e_want REAL',
        [["'%s'" % g[0], str(g[1]), str(g[2]), str(g[3]), str(g[4]), real(g[5]), real(g[6])]
         for g in GROUPED])
    write_counted_table(
        out, 'tr_big',
        'id TEXT PRIMARY KEY, weighted INTEGER, w_want REAL, e_want REAL, w_scipy REAL, '
        'e_scipy REAL',
        [["'%s'" % b[0], str(b[1]), real(b[2]), real(b[3]), real(b[4]), real(b[5])] for b in BIG])
    out.close()

    # scipy's errors, for the record
    for r in rows:
        if r['sWe'] is None:
            print('%-34s scipy refuses it' % r['id'])
        elif r['sWe'] > 1e-13 or r['sEe'] > 1e-13:
            print('%-34s scipy off: W %.1e, E %.1e' % (r['id'], r['sWe'], r['sEe']))
    for b in BIG:
        print('%-34s W %r (scipy %.1e off), E %r (scipy %.1e off)'
              % (b[0], b[2], rel_err(b[4], b[2]), b[3], rel_err(b[5], b[3])))
    print('%d cases' % len(rows))


if __name__ == '__main__':
    main()
