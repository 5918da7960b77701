#!/usr/bin/python3
"""Writes tests/data/psi_ref.sql: reference values for psi, psi_agg and the
drift functions over raw samples (psi_samples, js_samples, kl_samples and
their aggregates; core/psi.c states the rules).

Two references per case:
  - numpy / scipy 1.10.1 running the documented lines (core/psi.c, rules
    2, 3, 5 and 6) on the case: what a user reproducing a result gets;
  - the exact value: the same bins and counts, and the divergence evaluated
    with mpmath at 60 digits from the exact proportions (fractions.Fraction
    of the doubles), where numpy loses digits (nearly equal histograms,
    totals beyond DBL_MAX, subnormal weights) and also everywhere else.
The counts themselves come from the documented numpy lines (np.quantile,
np.unique, np.searchsorted); where np.quantile overflows (x[j+1] - x[j]
beyond DBL_MAX) the cut point is numpy's formula on halves, doubled
(rule 5), computed here by quantile() below, which also reproduces
np.quantile bit for bit everywhere else (asserted).

Tables (see tests/refgen.py, write_counted_table):
  psi_hist(id, p, q, p_f32, q_f32, p_f64, q_f64, eps, want, np, np_err)
      histograms as JSON text (and float32 / kl_f64 blobs where every
      weight is a float32, else NULL); eps NULL = the default 1e-4; want
      the exact PSI in nats (9e999: +Inf); np numpy's value (NULL where
      numpy gives NaN) and its relative error against want.
  psi_samp(id, x, ref, opts, nbins, psi, js, kl, np_psi, np_js, np_kl)
      raw samples as JSON text; opts the options argument ('' for none;
      a number or an edges text for the shorthands); nbins the number of
      bins; psi, js, kl exact (nats); np_* numpy/scipy's.
  psi_big(n, psi, js, kl, nbins): the 10^6-row case, its values made in SQL
      by the formula in big_rows() (the same double operations in SQLite
      and here), is_reference = (i % 2 = 0).

    /usr/bin/python3 tests/gen_psi_ref.py
"""
import json
import math
import random
import sys
import warnings
from fractions import Fraction

import numpy as np
from mpmath import mp, mpf, log
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy

sys.path.insert(0, 'tests')
from refgen import write_counted_table, real, f32_lit, f64_lit

warnings.filterwarnings('ignore')
mp.dps = 60
EPS_DEFAULT = 1e-4
OUT = 'tests/data/psi_ref.sql'


# ------------------------------------------------------------ exact values
def props(c, eps):
    """Exact proportions of weights c (doubles), zeros replaced by eps
    (rule 2: no renormalisation)."""
    tot = sum(Fraction(x) for x in c)
    return [Fraction(x) / tot if x > 0 else Fraction(eps) for x in c]


def psi_exact(p, q, eps):
    a, b = props(p, eps), props(q, eps)
    s = mpf(0)
    for x, y in zip(a, b):
        if x == 0 and y == 0:
            continue
        if x == 0 or y == 0:
            return math.inf
        s += (mpf(x.numerator) / x.denominator - mpf(y.numerator) / y.denominator) \
            * (log(mpf(x.numerator) / x.denominator) - log(mpf(y.numerator) / y.denominator))
    return float(s)


def renorm(a):
    t = sum(a)
    return [x / t for x in a]


def m(x):
    return mpf(x.numerator) / x.denominator


def kl_exact(p, q, eps):
    a, b = renorm(props(p, eps)), renorm(props(q, eps))
    s = mpf(0)
    for x, y in zip(a, b):
        if x == 0:
            continue
        if y == 0:
            return math.inf
        s += m(x) * (log(m(x)) - log(m(y)))
    return float(s)


def js_exact(p, q, eps):
    a, b = renorm(props(p, eps)), renorm(props(q, eps))
    s = mpf(0)
    for x, y in zip(a, b):
        mid = (x + y) / 2
        if x > 0:
            s += m(x) * (log(m(x)) - log(m(mid)))
        if y > 0:
            s += m(y) * (log(m(y)) - log(m(mid)))
    return float(s / 2)


# ---------------------------------------------------------- numpy's lines
def np_psi(p, q, eps):
    p = np.array(p, dtype=float)
    q = np.array(q, dtype=float)
    a = p / p.sum()
    b = q / q.sum()
    a[a == 0] = eps
    b[b == 0] = eps
    return float(np.sum((a - b) * np.log(a / b)))


def np_props(c, eps):
    a = np.array(c, dtype=float)
    a = a / a.sum()
    a[a == 0] = eps
    return a


def np_js(cp, cq, eps):
    return float(jensenshannon(np_props(cp, eps), np_props(cq, eps)) ** 2)


def np_kl(cp, cq, eps):
    return float(entropy(np_props(cp, eps), np_props(cq, eps)))


def quantile(xs, level):
    """np.quantile(xs, level) for sorted xs, as core/psi.c computes it:
    numpy's operations, and on halves where x[j+1] - x[j] overflows."""
    n = len(xs)
    h = (n - 1) * level
    if n < 2 or not h < n - 1:
        return xs[-1]
    j = math.floor(h)
    g = h - j
    a, b = xs[j], xs[j + 1]
    d = b - a
    if math.isinf(d):
        ha, hb = a * 0.5, b * 0.5
        hd = hb - ha
        return 2.0 * (ha + hd * g if g < 0.5 else hb - hd * (1.0 - g))
    return a + d * g if g < 0.5 else b - d * (1.0 - g)


def cuts_of(ref, bins):
    """Rule 5, as documented: np.unique(np.quantile(ref, np.arange(1, B)/B)),
    with quantile() standing in where numpy overflows."""
    if bins < 2:
        return np.array([])
    levels = np.arange(1, bins) / bins
    srt = sorted(ref)
    mine = np.array([quantile(srt, float(lv)) for lv in levels])
    with np.errstate(all='ignore'):
        theirs = np.quantile(np.array(ref, dtype=float), levels)
    ok = np.isfinite(theirs)
    assert np.array_equal(mine[ok], theirs[ok]), (mine, theirs)
    # where numpy overflows: numpy itself on the halves, doubled (exact)
    with np.errstate(all='ignore'):
        halves = 2.0 * np.quantile(0.5 * np.array(ref, dtype=float), levels)
    assert np.array_equal(mine[~ok], halves[~ok]), (mine, halves)
    return np.unique(mine)


def counts(cut, x):
    return np.bincount(np.searchsorted(cut, np.array(x, dtype=float),
                                       side='right'),
                       minlength=len(cut) + 1).astype(float)


# ------------------------------------------------------------- histograms
def hist_cases(rng):
    cases = []
    for i in range(24):
        n = rng.randint(2, 40)
        if i % 3 == 0:
            p = [float(rng.randint(0, 50)) for _ in range(n)]
            q = [float(rng.randint(0, 50)) for _ in range(n)]
        else:
            p = [rng.random() for _ in range(n)]
            q = [rng.random() * rng.choice([1, 1, 3, 0.1]) for _ in range(n)]
        if sum(p) == 0:
            p[0] = 1.0
        if sum(q) == 0:
            q[0] = 1.0
        eps = [None, 0.0, 1e-3, 1e-6][i % 4]
        if eps == 0.0:
            # no empty bin on one side only (that is +Inf, tested apart)
            for k in range(n):
                if (p[k] == 0) != (q[k] == 0):
                    p[k] = q[k] = 0.0 if rng.random() < 0.5 else 1.0
                    if p[k] == 0 and sum(p) == 0:
                        p[k] = q[k] = 1.0
        cases.append(('random.%02d' % i, p, q, eps))
    # nearly equal histograms: numpy's (a - b) * log(a / b) cancels
    for i in range(8):
        n = rng.randint(3, 30)
        p = [float(rng.randint(10**8, 10**9)) for _ in range(n)]
        q = list(p)
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(n)
            q[k] += rng.choice([1.0, -1.0, 7.0])
        cases.append(('near.%02d' % i, p, q, None))
    cases.append(('near.ulp', [1.0, 1.0], [1.0, 1.0000000000000002], None))
    # huge totals (numpy's sums overflow), subnormal weights
    cases.append(('huge.sum', [1e308, 1.5e308, 5e307], [1.7e308, 1e308, 1e308], None))
    cases.append(('huge.mixed', [1e308, 1.0, 0.0], [1e300, 1e308, 2.0], None))
    cases.append(('tiny.sub', [5e-324, 1e-323, 2.5e-320], [1e-320, 5e-324, 5e-324], None))
    cases.append(('tiny.mixed', [1e-310, 3e-300, 0.0], [2e-300, 5e-324, 1e-320], None))
    # a proportion next to epsilon: (eps - b) ln(eps / b) with b ~ eps
    cases.append(('eps.near', [0.0, 9999.0], [1.0, 9998.0], None))
    cases.append(('eps.equal', [0.0, 1.0], [1.0, 9999.0], None))
    cases.append(('eps.tiny', [0.0, 3.0, 4.0], [1.0, 2.0, 0.0], 5e-324))
    cases.append(('eps.one', [0.0, 3.0, 4.0], [1.0, 2.0, 0.0], 1.0))
    # one bin; proportional histograms; empty both sides
    cases.append(('one.bin', [3.0], [5.0], None))
    cases.append(('proportional', [1.0, 2.0, 3.0], [2.0, 4.0, 6.0], 0.0))
    cases.append(('empty.both', [0.0, 1.0, 2.0], [0.0, 2.0, 1.0], 0.0))
    cases.append(('inf.p0', [0.0, 1.0, 2.0], [1.0, 2.0, 1.0], 0.0))
    cases.append(('inf.q0', [1.0, 1.0, 2.0], [0.0, 2.0, 1.0], 0.0))
    return cases


def is_f32(v):
    return all(float(np.float32(x)) == x for x in v)


def hist_rows(rng):
    rows = []
    for cid, p, q, eps in hist_cases(rng):
        e = EPS_DEFAULT if eps is None else eps
        want = psi_exact(p, q, e)
        got = np_psi(p, q, e)
        err = None
        if math.isfinite(got) and math.isfinite(want) and want != 0:
            err = abs(got - want) / abs(want)
        f32 = is_f32(p) and is_f32(q)
        jp = "'[" + ','.join(repr(x) for x in p) + "]'"
        jq = "'[" + ','.join(repr(x) for x in q) + "]'"
        rows.append(["'%s'" % cid, jp, jq,
                     f32_lit(p) if f32 else 'NULL', f32_lit(q) if f32 else 'NULL',
                     f64_lit(p), f64_lit(q), real(eps), real(want), real(got),
                     real(err)])
    return rows


# ---------------------------------------------------------------- samples
def samp_cases(rng):
    cases = []
    nrand = np.random.default_rng(20261129)
    for i in range(16):
        n = int(nrand.integers(20, 2000))
        mref = int(nrand.integers(20, 2000))
        shift = [0.0, 0.1, 0.5, 2.0][i % 4]
        x = [float(v) for v in nrand.normal(shift, 1.0 + 0.1 * (i % 3), n)]
        ref = [float(v) for v in nrand.normal(0.0, 1.0, mref)]
        opts = ['', 'bins=5', 20, 'bins = 7, epsilon = 1e-3, unit = bits',
                'epsilon=0, bins=4', 'BINS=10', 'bins=1', 'unit=bans'][i % 8]
        cases.append(('random.%02d' % i, x, ref, opts))
    # many bins (the selection of many ranks); sorted and reversed references
    x = [float(v) for v in nrand.normal(0.2, 1.0, 3000)]
    ref = [float(v) for v in nrand.normal(0.0, 1.0, 2500)]
    cases.append(('many.bins997', x, ref, 'bins=997'))
    cases.append(('many.sorted', x, sorted(ref), 'bins=64'))
    cases.append(('many.reversed', x, sorted(ref, reverse=True), 'bins=33'))
    cases.append(('many.ties', [float(v) for v in np.round(x)], [float(v) for v in np.round(ref)], 'bins=50'))
    # fixed edges
    x = [float(v) for v in nrand.normal(0.3, 1.2, 500)]
    ref = [float(v) for v in nrand.normal(0.0, 1.0, 700)]
    cases.append(('edges.text', x, ref, 'edges=[-2,-1,0,1,2]'))
    cases.append(('edges.short', x, ref, '[-1.5, -0.5, 0.5, 1.5, 2.5]'))
    cases.append(('edges.two', x, ref, 'edges=[-5, 0.25]'))
    cases.append(('edges.outside', x, ref, 'edges=[10, 11, 12]'))
    cases.append(('edges.eps0', [0.1, 0.2, 3.5], [0.5, 1.5, 2.5, 2.6], 'edges=[0,1,2,3], epsilon=0'))
    # ties: quantile cut points coincide
    ref = [float(v) for v in np.round(nrand.exponential(0.3, 900))]
    x = [float(v) for v in np.round(nrand.exponential(0.5, 800))]
    cases.append(('ties.round', x, ref, 'bins=10'))
    cases.append(('ties.allsame', [1.0, 2.0, 2.0, 3.0], [2.0] * 9, ''))
    cases.append(('ties.mostly', [0.0] * 30 + [1.0, 2.0, 5.0], [0.0] * 80 + [1.0, 3.0, 4.0, 7.0], 'bins=20'))
    cases.append(('ties.eps0', [0.0] * 30 + [1.0, 2.0, 5.0], [0.0] * 80 + [1.0, 3.0, 4.0, 7.0], 'bins=20, epsilon=0'))
    # one-element samples
    cases.append(('one.both', [3.0], [5.0], ''))
    cases.append(('one.same', [5.0], [5.0], ''))
    cases.append(('one.ref', [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [3.5], 'bins=4'))
    cases.append(('one.x', [3.5], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 'bins=4'))
    cases.append(('same', [1.0, 2.0, 3.0, 4.0, 5.0], [5.0, 4.0, 3.0, 2.0, 1.0], 'bins=3'))
    # huge and tiny magnitudes: the quantiles' differences overflow
    cases.append(('huge.overflow', [-1e308, 0.0, 1e308, 1.5e308, -1.7e308, 3.0],
                  [-1.7e308, -1e308, 1e308, 1.7e308, 1.2e308, -5e307], 'bins=4'))
    cases.append(('huge.scale', [v * 1e300 for v in (0.1, -2.0, 3.0, 0.5, 1.25, 7.0)],
                  [v * 1e300 for v in (1.0, -1.0, 2.0, 0.25, 0.75, -3.0, 5.0)], 'bins=3'))
    cases.append(('tiny.sub', [5e-324, 1e-323, 2e-322, -5e-324, 0.0, 3e-320],
                  [1e-323, 5e-324, 4e-322, -1e-323, 1e-321, 2e-320, 0.0], 'bins=3'))
    cases.append(('tiny.mixed', [1e-310, -1e-300, 2e-305, 5e-300],
                  [2e-310, -3e-300, 1e-305, 4e-300, 0.0], 'bins=2'))
    # the differences overflow at levels below, at and above 1/2 (the
    # halved formula's two sides): cut points -0.75e308, 0, 0.75e308
    cases.append(('huge.lerp', [-1.6e308, -1e308, -7.5e307, -1e307, 0.0, 1e307, 5e307,
                                7.5e307, 1e308, 1.7e308, -5e-324],
                  [-1.5e308, 1.5e308], 'bins=4'))
    # a reference ordered against the selection's median-of-three
    # partitions (McIlroy's adversary, killer() below): the depth limit
    # is reached, the rest heapsorted
    # the reference's values are a grid, the current sample's a finer grid
    # over the cut point (a quarter or a half of its step), so that a cut
    # point off by a rank (a wrong selection) moves current values to the
    # other bin; the current sample is off-centre, so that numpy keeps its
    # digits (nearly equal halves would make its JS lose some)
    ranks = killer(64, [31, 32])
    ref = [r * 0.5 - 7.0 for r in ranks]
    x = [i * 0.125 - 7.0 for i in range(0, 180)]
    cases.append(('adversary.select', x, ref, 'bins=2'))
    ranks = killer(200, [99, 100])
    ref = [float(r) for r in ranks]
    x = [i * 0.25 for i in range(200, 500, 2)]
    cases.append(('adversary.select200', x, ref, 2))
    return cases


def killer(n, ranks):
    """McIlroy's adversary ("A killer adversary for quicksort", 1999)
    against core/psi.c's selection (psi_select: Hoare partitions around the
    median of three, the ranks' side followed, 16 elements or fewer
    insertion-sorted), simulated here: the comparisons are answered lazily
    ('gas' values frozen as late as possible) so that every partition is as
    unbalanced as can be.  Returns the values' ranks, position by position
    (a permutation of 0 .. n-1), once the depth limit is reached."""
    gas = n
    val = [gas] * n
    st = {'solid': 0, 'cand': 0}

    def cmp(a, b):
        if val[a] == gas and val[b] == gas:
            c = a if a == st['cand'] else b
            val[c] = st['solid']
            st['solid'] += 1
        if val[a] == gas:
            st['cand'] = a
        elif val[b] == gas:
            st['cand'] = b
        return val[a] - val[b]

    x = list(range(n))

    def swap(i, j):
        x[i], x[j] = x[j], x[i]

    def partition(lo, hi):
        mid, i, j = lo + (hi - lo) // 2, lo, hi
        if cmp(x[mid], x[lo]) < 0:
            swap(mid, lo)
        if cmp(x[hi], x[lo]) < 0:
            swap(hi, lo)
        if cmp(x[hi], x[mid]) < 0:
            swap(hi, mid)
        pivot = x[mid]
        while True:
            i += 1
            while cmp(x[i], pivot) < 0:
                i += 1
            j -= 1
            while cmp(x[j], pivot) > 0:
                j -= 1
            if i >= j:
                return j
            swap(i, j)

    depth, m = 0, n
    while m > 1:
        depth, m = depth + 2, m >> 1
    lo, hi, a, b = 0, n - 1, 0, len(ranks)
    while a < b and hi - lo + 1 > 16:
        if depth == 0:
            break
        depth -= 1
        j = partition(lo, hi)
        inleft = sum(1 for r in ranks[a:b] if r <= j)
        assert inleft in (0, b - a), 'the ranks split: no longer adversarial'
        if inleft == 0:
            lo = j + 1
        else:
            hi = j
    assert depth == 0 and hi - lo + 1 > 16, (depth, lo, hi)
    # the rest: any order above the frozen ones; a shuffled one, so that
    # the heapsort has work to do
    rest = [i for i in range(n) if val[i] == gas]
    above = list(range(st['solid'], n))
    random.Random(n).shuffle(above)
    for i, v in zip(rest, above):
        val[i] = v
    assert sorted(val) == list(range(n))
    return val


LN = {'nats': 1.0, 'bits': math.log(2), 'bans': math.log(10)}


def parse_opts(opts):
    """The options text of the cases (the grammar of sql/args.h, the
    subset the cases use): bins, edges, epsilon and unit."""
    o = {'bins': 10, 'edges': None, 'epsilon': EPS_DEFAULT, 'unit': 'nats'}
    if isinstance(opts, int):
        o['bins'] = opts
        return o
    t = opts.strip()
    if t.startswith('['):
        o['edges'] = json.loads(t)
        return o
    while t:
        k, rest = t.split('=', 1)
        rest = rest.strip()
        if rest.startswith('['):
            v, rest = rest[:rest.index(']') + 1], rest[rest.index(']') + 1:]
        else:
            v, _, rest = rest.partition(',')
            rest = ',' + rest if _ else ''
        rest = rest.strip()
        if rest.startswith(','):
            rest = rest[1:].strip()
        k, v = k.strip().lower(), v.strip()
        o[k] = json.loads(v) if k == 'edges' else (
            int(v) if k == 'bins' else float(v) if k == 'epsilon' else v)
        t = rest
    return o


def drift_ref(x, ref, opts):
    o = parse_opts(opts)
    eps, unit = o['epsilon'], LN[o['unit']]
    if o['edges'] is not None:
        cut = np.array(o['edges'][1:-1], dtype=float)
    else:
        cut = cuts_of(ref, o['bins'])
    cp, cq = counts(cut, x), counts(cut, ref)
    vals = (psi_exact(list(cp), list(cq), eps), js_exact(list(cp), list(cq), eps),
            kl_exact(list(cp), list(cq), eps),
            np_psi(cp, cq, eps), np_js(cp, cq, eps), np_kl(cp, cq, eps))
    return len(cut) + 1, [v / unit for v in vals]


def jlist(v):
    return "'[" + ','.join(repr(float(t)) for t in v) + "]'"


def samp_rows(rng):
    rows = []
    for cid, x, ref, opts in samp_cases(rng):
        nb, vals = drift_ref(x, ref, opts)
        olit = str(opts) if isinstance(opts, int) else "'" + opts + "'"
        rows.append(["'%s'" % cid, jlist(x), jlist(ref), olit, str(nb)]
                    + [real(v) for v in vals])
    return rows


# -------------------------------------------------------------- 10^6 rows
BIG_N = 1000000


def big_rows():
    """The values of rows i = 1 .. BIG_N, as tests/psi.sql makes them:
      i % 2 = 0 (reference): ((i * 7919) % 100003) * 0.001
      else (current):        ((i * 104729) % 100019) * 0.001 + (i % 5) * 0.25
    """
    x, ref = [], []
    for i in range(1, BIG_N + 1):
        if i % 2 == 0:
            ref.append(float((i * 7919) % 100003) * 0.001)
        else:
            x.append(float((i * 104729) % 100019) * 0.001 + float(i % 5) * 0.25)
    return x, ref


def main():
    rng = random.Random(19)
    with open(OUT, 'w') as out:
        out.write('-- Generated by tests/gen_psi_ref.py (numpy %s, scipy 1.10.1 '
                  'lines; exact values by mpmath at 60 digits). Do not edit.\n'
                  % np.__version__)
        write_counted_table(out, 'psi_hist', 'id TEXT PRIMARY KEY, p TEXT, '
                            'q TEXT, p_f32 BLOB, q_f32 BLOB, p_f64 BLOB, '
                            'q_f64 BLOB, eps REAL, want REAL, np REAL, '
                            'np_err REAL', hist_rows(rng))
        write_counted_table(out, 'psi_samp', 'id TEXT PRIMARY KEY, x TEXT, '
                            'ref TEXT, opts, nbins INTEGER, psi REAL, js REAL, '
                            'kl REAL, np_psi REAL, np_js REAL, np_kl REAL',
                            samp_rows(rng))
        x, ref = big_rows()
        nb, vals = drift_ref(x, ref, '')
        write_counted_table(out, 'psi_big', 'n INTEGER, nbins INTEGER, '
                            'psi REAL, js REAL, kl REAL, np_psi REAL, '
                            'np_js REAL, np_kl REAL',
                            [[str(BIG_N), str(nb)] + [real(v) for v in vals]])


if __name__ == '__main__':
    main()
