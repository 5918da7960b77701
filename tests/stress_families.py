#!/usr/bin/python3
"""Random stress of the family functions at extreme parameters, against
mpmath (not part of make test: it takes minutes).

Parameters are drawn log-uniform over the whole double range (subnormals to
1e308, locations of either sign), as near-equal pairs (relative
differences 1e-15 ... 1e-3) and as identical pairs (which must give exactly
0).  Each result is checked against the textbook formula (tests/refmath.py)
evaluated by mpmath at a precision raised until two evaluations agree
(the reference of tests/gen_family_edges.py):
a finite truth must come out within TOL relative (and never NULL/NaN,
negative, -Inf or +Inf), +Inf only where the truth exceeds DBL_MAX.

    make kl.so && /usr/bin/python3 tests/stress_families.py [N per family] [seed]

Prints one line per failure and a summary per function (cases, max error).
"""
import math
import random
import sqlite3
import sys

from mpmath import mpf

sys.path.insert(0, 'tests')

TOL = 1e-13
DMAX = 1.7976931348623157e308

N = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] != 'grid' else 300
SEED = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[1] != 'grid' else 1
rng = random.Random(SEED)

db = sqlite3.connect(':memory:')
db.enable_load_extension(True)
db.load_extension('./kl')


def lu_pos():
    """A positive double log-uniform over the whole range, subnormals too."""
    while True:
        e = rng.uniform(-323.5, 308.25)
        x = 10.0 ** e if e < 308 else rng.uniform(1e308, DMAX)
        if e < -307:
            x = float(mpf(10) ** e)
        if 0 < x < math.inf:
            return x


def lu_loc():
    k = rng.random()
    if k < 0.1:
        return 0.0
    x = lu_pos()
    return -x if rng.random() < 0.5 else x


def near(x, lo=-15, hi=-3):
    """x moved by a relative 10^U(lo, hi) either way (never to x itself
    unless the step is below its ulp)."""
    d = 10 ** rng.uniform(lo, hi)
    y = x * (1 + d) if rng.random() < 0.5 else x * (1 - d)
    if math.isinf(y):
        y = x * (1 - d)
    return y


def unit():
    return rng.random()


from gen_family_edges import reference, as_double


FUNCS = {   # name: the kinds of its parameters
    'kl_gauss': 'APAP', 'kl_gauss_var': 'APAP', 'kl_gauss_logvar': 'LLLL',
    'kl_gauss_sym': 'APAP', 'bhattacharyya_gauss': 'APAP', 'hellinger_gauss': 'APAP',
    'w2_gauss': 'APAP', 'kl_lognormal': 'APAP', 'kl_halfnormal': 'PP',
    'kl_bernoulli': 'UU', 'kl_binomial': 'CUU', 'kl_geometric': 'UU',
    'kl_poisson': 'PP', 'kl_exponential': 'PP', 'kl_gamma': 'PPPP', 'kl_beta': 'PPPP',
    'kl_laplace': 'APAP', 'kl_cauchy': 'APAP', 'kl_gumbel': 'APAP', 'kl_pareto': 'PPPP',
    'kl_uniform': 'UNIF',
}


def draw(kind):
    if kind == 'P':
        return lu_pos()
    if kind == 'A':
        return lu_loc()
    if kind == 'L':
        # log-variances: mostly moderate, sometimes anywhere
        return lu_loc() if rng.random() < 0.3 else rng.uniform(-1500, 1500)
    if kind == 'U':
        k = rng.random()
        if k < 0.3:
            return float(mpf(10) ** rng.uniform(-323.5, 0)) or 5e-324
        if k < 0.5:
            return 1 - 10 ** rng.uniform(-16, 0)
        if k < 0.55:
            return rng.choice([0.0, 1.0])
        return rng.random()
    if kind == 'C':
        return float(rng.choice([0, 1, 2, 10, 1e6, 1e15, 2 ** 53]))
    raise ValueError(kind)


def sample(fn, mode):
    kinds = FUNCS[fn]
    if kinds == 'UNIF':
        while True:
            a, b = sorted([lu_loc(), lu_loc()])
            if not a < b:
                continue
            if mode == 'same':
                return [a, b, a, b]
            if mode == 'near':
                c, d = near(a), near(b)
                c, d = min(a, c), max(b, d)
                return [a, b, c, d]
            c = min(a, lu_loc())
            d = max(b, lu_loc())
            if a < b:
                return [a, b, c, d]
    shared = 1 if fn == 'kl_binomial' else 0
    x = [draw(k) for k in kinds]
    if fn == 'kl_geometric':
        x = [v if v > 0 else 0.5 for v in x]
    half = (len(x) - shared) // 2
    first = x[shared:shared + half]
    if mode == 'same':
        x[shared + half:] = first
    elif mode == 'near':
        second = []
        for k, v in zip(kinds[shared:shared + half], first):
            w = near(v) if rng.random() < 0.7 else v
            if k == 'U':
                w = min(max(w, 0.0), 1.0)
                if fn == 'kl_geometric' and w == 0:
                    w = v
            second.append(w)
        if second == first:
            second[-1] = near(second[-1])
            if kinds[-1] == 'U':
                second[-1] = min(max(second[-1], 0.0), 1.0)
        x[shared + half:] = second
    return x


def check(fn, x, stats, fails):
    sql = 'SELECT %s(%s)' % (fn, ','.join('?' * len(x)))
    try:
        got = db.execute(sql, x).fetchone()[0]
    except sqlite3.Error as e:
        got = 'error: %s' % e
    want = reference(fn, x)
    w = as_double(want)
    st = stats.setdefault(fn, [0, 0.0, 0])
    st[0] += 1
    bad = None
    if not isinstance(got, float) and not isinstance(got, int):
        bad = 'got %r' % (got,)
    elif math.isinf(w):
        if got != math.inf:
            bad = 'got %r want +Inf' % got
    elif math.isinf(got) or got < 0:
        bad = 'got %r want %r' % (got, w)
    elif w == 0:
        if got != 0:
            bad = 'got %r want 0' % got
    else:
        err = float(abs(mpf(got) - want) / abs(want))
        if err > st[1] and abs(want) >= mpf(2) ** -1022:
            st[1] = err   # the max error is over normal-range results
        # a result in the subnormal range has an absolute precision of
        # 2^-1074: allow two of those beside the relative tolerance
        if abs(mpf(got) - want) > TOL * abs(want) + mpf(2) ** -1073:
            bad = 'got %r want %r (rel %.2e)' % (got, w, err)
    if bad:
        st[2] += 1
        fails.append('%s(%s): %s' % (fn, ', '.join(repr(t) for t in x), bad))


EXTREME = [5e-324, 1e-310, 1e-300, 1e-200, 1e-100, 1e-20, 1e-8, 0.5, 1.0, 3.0, 10.0,
           1e8, 1e15, 1e22, 1e40, 1e100, 1e200, 1e300, 1.7e308]
RATES = [5e-324, 1e-300, 1e-8, 1.0, 1e8, 1e300, 1.7e308]


def grid(fns):
    """Every combination of extreme shapes and rates (Gamma, Beta) and of
    extreme locations and scales (the location-scale families)."""
    stats, fails = {}, []
    for fn in fns:
        if fn == 'kl_gamma':
            cases = [[a1, r1, a2, r2] for a1 in EXTREME for a2 in EXTREME
                     for r1 in RATES for r2 in RATES]
        elif fn == 'kl_beta':
            cases = [[a, b, c, d] for a in EXTREME[::2] for b in EXTREME[::2]
                     for c in EXTREME[::2] for d in EXTREME[::2]]
        else:
            locs = [0.0, 1e-300, -1.0, 1e8, -1e300, 1.7e308, -1.7e308]
            cases = [[m1, s1, m2, s2] for m1 in locs for m2 in locs
                     for s1 in EXTREME[::3] for s2 in EXTREME[::3]]
        for x in cases:
            check(fn, x, stats, fails)
    return stats, fails


def main():
    if len(sys.argv) > 1 and sys.argv[1] == 'grid':
        report(*grid(sys.argv[2:]))
        return
    stats, fails = {}, []
    only = [a for a in sys.argv[3:]]
    for fn in FUNCS:
        if only and fn not in only:
            continue
        for k in range(N):
            mode = ('far', 'near', 'same')[k % 3]
            x = sample(fn, mode)
            check(fn, x, stats, fails)
    report(stats, fails)


def report(stats, fails):
    for f in fails:
        print('FAIL', f)
    tot = 0
    for fn, (n, mx, nf) in stats.items():
        tot += n
        print('%-20s %5d cases  max rel err %.2e  failures %d' % (fn, n, mx, nf))
    print('%d cases, %d failures' % (tot, len(fails)))


main()
