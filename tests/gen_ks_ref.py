#!/usr/bin/python3
"""Writes tests/data/ks_ref.sql: reference values for ks_stat, ks_pvalue
and their aggregates (core/ks.c, sql/ks_sql.c).

The reference is scipy 1.10.1's stats.ks_2samp(u, v) (two-sided,
method='auto'), where it is accurate, and exact or high-precision values
where it is not:

  ks_ref(id, u, v, stat, pvalue, road)  samples as JSON text (every double
      written with repr: read back to the same bits), scipy's statistic and
      p-value, and the road ('exact' when max(n1, n2) <= 10000, else
      'asymp'; 'exact' also where scipy's exact attempt rounds above 1 and
      falls back to the asymptotic value, both 1 within 1e-15).  Random samples of sizes 1 .. 4000, equal and unequal,
      shifted or not, ties (small integers), duplicates, identical samples,
      one-element samples, huge and tiny magnitudes, -0 against +0.
  ks_big(id, n1, n2, a, b, off, stat, dexact, pvalue, p_at_d, mp, road,
      sql_stat, sql_p)  samples
      made in SQL from a deterministic formula (sizes 10^4 .. 10^6): row i
      (1-based) has x_i = ((i*i*7919 + i*104729) % 1000003) / 1000003.0 and
      is_reference = i > n1; the reference rows' value is x_(i-off)*a + b
      (off = 0, or n1 for a reference made of the current rows' values).  The
      same formula in Python gives scipy's reference.  sql_stat and sql_p
      are the aggregate queries (run with the harness's try_value).  Sizes
      around the switch (10000 / 10001), every road of the asymptotic
      p-value (N = 1, N <= 140, Durbin, Pelz-Good, Birnbaum-Tingey) and
      10^6 rows.  stat and pvalue are ks_2samp's; dexact is D from integer
      counts (fractions.Fraction: the double nearest h / lcm), which on the
      asymptotic road differs from scipy's float i/n1 - j/n2 (up to 2e-12
      relative here, where 1 - 0.99995 cancels); p_at_d is scipy's
      kstwo.sf(dexact, N), the asymptotic p-value at the exact statistic
      (scipy's own p-value moves with its statistic's rounding, by up to
      4e-13 here).  mp: where scipy's road is Pomeranz's or Durbin's at
      N <= 140 (1 - cdf: scipy keeps about 11 digits there), Durbin's
      matrix in mpmath at 60 digits (NULL elsewhere); ours is within 1e-16
      of it there.
  ks_tail(id, u, v, want, scipy, scipy_err)  p-values against an exact
      reference: the lattice-path count in integers (fractions.Fraction,
      exact) for the exact road, where the p-value is as small as 1e-200,
      and where scipy's value carries rounding.

    /usr/bin/python3 tests/gen_ks_ref.py

Deterministic (fixed seeds); about a minute.
"""
import math
import sys
import warnings
from fractions import Fraction

import numpy as np
import mpmath as mp
from scipy import stats

sys.path.insert(0, 'tests')
from refgen import write_counted_table, real

warnings.filterwarnings('ignore')
MAX_AUTO_N = 10000


def jlit(v):
    return "'[" + ','.join(repr(float(x)) for x in v) + "]'"


def road(n1, n2):
    return 'exact' if max(n1, n2) <= MAX_AUTO_N else 'asymp'


# ------------------------------------------------------------- ks_ref
def ref_cases():
    rng = np.random.default_rng(19)
    cases = []
    sizes = [(1, 1), (1, 2), (2, 1), (1, 7), (3, 3), (4, 6), (5, 5), (8, 3),
             (10, 10), (12, 18), (25, 25), (30, 45), (64, 64), (100, 99),
             (150, 300), (500, 500), (700, 900), (1000, 1000), (2000, 1500),
             (4000, 2500)]
    for (n1, n2) in sizes:
        for shift in (0.0, 0.3, 1.0):
            u = rng.normal(0, 1, n1).tolist()
            v = rng.normal(shift, 1, n2).tolist()
            cases.append(('rand.%dx%d.s%g' % (n1, n2, shift), u, v))
    for k in (2, 3, 10):
        for (n1, n2) in [(1, 40), (20, 30), (100, 100), (500, 300)]:
            u = [float(x) for x in rng.integers(0, k, n1)]
            v = [float(x) for x in rng.integers(0, k, n2)]
            cases.append(('ties.k%d.%dx%d' % (k, n1, n2), u, v))
    v = rng.normal(0, 1, 50).tolist()
    cases.append(('same.50', v, v))
    cases.append(('same.doubled', v + v, v))
    cases.append(('const.equal', [5.0] * 10, [5.0] * 7))
    cases.append(('const.apart', [1.0] * 5, [2.0] * 5))
    cases.append(('one.one.equal', [3.0], [3.0]))
    cases.append(('one.one.apart', [3.0], [4.0]))
    cases.append(('one.vs.many', [0.5], rng.uniform(0, 1, 200).tolist()))
    cases.append(('many.vs.one', rng.uniform(0, 1, 333).tolist(), [2.0]))
    cases.append(('zero.signs', [-0.0, 1.0], [0.0, 2.0]))
    cases.append(('zero.signs.2', [-0.0, -0.0, 0.0], [0.0]))
    huge = (rng.normal(0, 1, 40) * 1e300).tolist()
    tiny = (rng.normal(0, 1, 40) * 1e-300).tolist()
    sub = [5e-324 * int(x) for x in rng.integers(-50, 50, 30)]
    cases.append(('mag.huge', huge[:20], huge[20:]))
    cases.append(('mag.tiny', tiny[:25], tiny[25:]))
    cases.append(('mag.subnormal', sub[:12], sub[12:]))
    cases.append(('mag.mixed', huge[:10] + tiny[:10], tiny[10:30] + [1.0]))
    cases.append(('mag.max', [1.7976931348623157e308, -1.7976931348623157e308],
                  [0.0, 1.7976931348623157e308, 1e308]))
    # past 512 values the sort is a radix sort of the bits: every sign,
    # binade, zero of either sign, subnormals, ties
    def wide(k):
        out = []
        for _ in range(k):
            r = rng.integers(0, 6)
            if r == 0:
                out.append(float(rng.choice([0.0, -0.0])))
            elif r == 1:
                out.append(5e-324 * int(rng.integers(-3000, 3000)))
            elif r == 2:
                out.append(float(rng.choice([-1.0, 1.0]) * 2.0 ** rng.uniform(-1074, 1023)))
            else:
                out.append(float(rng.normal(0, 1)))
        return out
    cases.append(('mag.wide.600x700', wide(600), wide(700)))
    w = wide(900)
    cases.append(('mag.wide.shared', w[:500] + wide(100), w[400:] + wide(50)))
    a = rng.uniform(0, 1, 300).tolist()
    b = rng.uniform(2, 3, 200).tolist()
    cases.append(('disjoint.300x200', a, b))
    cases.append(('disjoint.reversed', b, a))
    cases.append(('interleaved.exact', [1.0, 3.0, 5.0, 7.0], [2.0, 4.0, 6.0, 8.0]))
    # equal sizes, D = 1/n or 2/n: scipy's reflection series rounds above 1,
    # its exact attempt fails and it falls back to kstwo.sf (1.0); the exact
    # p-value is 1 within 1e-15
    for (n, sh) in [(1000, 0.5), (1000, 1.5), (300, 0.5), (10000, 0.5)]:
        u = [float(i) for i in range(n)]
        cases.append(('fallback.%d.s%g' % (n, sh), u, [x + sh for x in u]))
    rows = []
    for (cid, u, v) in cases:
        r = stats.ks_2samp(u, v)
        rows.append(["'%s'" % cid, jlit(u), jlit(v), real(r.statistic),
                     real(r.pvalue), "'%s'" % road(len(u), len(v))])
    return rows


# ------------------------------------------------------------- ks_big
def formula(i):
    return ((i * i * 7919 + i * 104729) % 1000003) / 1000003.0


def big_sql(n1, n2, a, b, off, fn):
    return ("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s "
            "WHERE i < %d) SELECT %s(CASE WHEN i <= %d THEN x ELSE x*%r + %r "
            "END, i > %d) FROM (SELECT i, ((j*j*7919 + j*104729) %% 1000003) "
            "/ 1000003.0 AS x FROM (SELECT i, CASE WHEN i <= %d THEN i ELSE "
            "i - %d END AS j FROM s))" % (n1 + n2, fn, n1, a, b, n1, n1, off))


def big_cases():
    spec = [
        # around the switch
        ('switch.10000x10000.same', 10000, 10000, 1.0, 0.0, 0),
        ('switch.10000x10000.shift', 10000, 10000, 1.0, 0.02, 0),
        ('switch.10000x9999.shift', 10000, 9999, 1.0, 0.01, 0),
        ('switch.10001x10000.shift', 10001, 10000, 1.0, 0.01, 0),
        ('switch.10000x10001.shift', 10000, 10001, 1.0, 0.01, 0),
        ('switch.10001x10001.scale', 10001, 10001, 1.05, 0.0, 0),
        ('switch.10000x1', 10000, 1, 1.0, 0.0, 0),
        # the asymptotic roads
        ('asymp.N1', 10001, 1, 1.0, 0.3, 0),
        ('asymp.N1.far', 10001, 1, 1.0, 5.0, 0),
        ('asymp.N50', 10001, 50, 1.0, 0.1, 0),
        ('asymp.N50.far', 10001, 50, 1.0, 0.5, 0),
        ('asymp.N99', 10001, 100, 1.0, 0.05, 0),
        ('asymp.N99.b', 10001, 100, 1.0, 0.12, 0),
        ('asymp.N140', 10001, 141, 1.0, 0.3, 0),
        ('asymp.N141', 10001, 143, 1.0, 0.03, 0),
        ('asymp.N300', 10001, 301, 1.1, 0.0, 0),
        ('asymp.N10000.pg', 20000, 20000, 1.0, 0.005, 0),
        ('asymp.N10000.smirnov', 20000, 20000, 1.0, 0.03, 0),
        ('asymp.N10000.half', 20000, 20000, 1.0, 0.6, 0),
        ('asymp.N10000.disjoint', 20000, 20000, 1.0, 2.0, 0),
        ('asymp.N85714.pg', 200000, 150000, 1.0, 0.001, 0),
        ('asymp.N85714.smirnov', 200000, 150000, 1.0, 0.0015, 0),
        # 10^6 rows
        ('rows1e6.pg', 600000, 400000, 1.0, 0.0005, 0),
        ('rows1e6.smirnov', 600000, 400000, 1.01, 0.0, 0),
        # Durbin's road at large N (p near 1), the Ruben-Gambino edge
        ('asymp.N10000.dmtw.near', 20000, 20000, 1.0, 0.001, 20000),
        ('asymp.N10000.t_le_1', 20000, 20000, 1.0, 1e-08, 20000),
        ('asymp.N85714.dmtw.near', 200000, 150000, 1.0, 0.0002, 200000),
        ('asymp.N50.pomeranz', 10001, 50, 1.0, 0.05, 0),
        ('asymp.N99.pomeranz.low', 10001, 100, 1.0, 0.0, 0),
        ('asymp.N120.dmtw', 10001, 121, 1.0, 0.0, 0),
        ('asymp.N120.dmtw.low', 10001, 121, 1.0, 0.0, 10001),
        ('asymp.N1.mid', 10001, 1, 1.0, 0.0, 0),
        ('asymp.N2', 10001, 2, 1.0, 0.2, 0),
        ('asymp.N20.low', 10001, 20, 1.0, 0.0, 10001),
    ]
    rows = []
    for (cid, n1, n2, a, b, off) in spec:
        x = np.array([formula(i) for i in range(1, n1 + 1)] +
                     [formula(i - off) for i in range(n1 + 1, n1 + n2 + 1)])
        u = x[:n1]
        v = x[n1:] * a + b
        r = stats.ks_2samp(u, v)
        d = exact_d(u, v)
        if road(n1, n2) == 'exact':
            p_at_d = r.pvalue
        else:
            p_at_d = float(stats.kstwo.sf(d, np.round(n1 * n2 / (n1 + n2))))
        rows.append(["'%s'" % cid, str(n1), str(n2), repr(a), repr(b), str(off),
                     real(r.statistic), real(d), real(r.pvalue), real(p_at_d),
                     real(durbin_ref(u, v)),
                     "'%s'" % road(n1, n2),
                     "'%s'" % big_sql(n1, n2, a, b, off, 'ks_stat_agg').replace("'", "''"),
                     "'%s'" % big_sql(n1, n2, a, b, off, 'ks_pvalue_agg').replace("'", "''")])
    return rows


def exact_d(u, v):
    """D from integer counts: the double nearest h / lcm(n1, n2)."""
    n1, n2 = len(u), len(v)
    su, sv = np.sort(u), np.sort(v)
    allv = np.concatenate([su, sv])
    i = np.searchsorted(su, allv, side='right').astype(np.int64)
    j = np.searchsorted(sv, allv, side='right').astype(np.int64)
    dnum = int(np.max(np.abs(i * n2 - j * n1)))
    return float(Fraction(dnum, n1 * n2))


def durbin_ref(u, v):
    """Where scipy's asymptotic road is Pomeranz's or Durbin's at N <= 140
    (1 - cdf, which loses up to 1e-11 of scipy's digits): 1 - Durbin's
    matrix value in mpmath at 60 digits, at our D.  None elsewhere."""
    n1, n2 = len(u), len(v)
    if max(n1, n2) <= MAX_AUTO_N:
        return None
    N = int(np.round(n1 * n2 / (n1 + n2)))
    d = exact_d(u, v)
    t = N * d
    if N > 140 or t <= 1 or t >= N - 1 or d >= 0.5 or t * d > 4:
        return None
    mp.mp.dps = 60
    return float(1 - kolm_cdf(N, d))


# ------------------------------------------------------------- ks_tail
def exact_pvalue(u, v):
    """P(D >= d) by counting the lattice paths that stay strictly inside
    the band, in integers: exact."""
    m, n = len(u), len(v)
    su, sv = sorted(u), sorted(v)
    allv = sorted(set(su + sv))
    best = 0
    i = j = 0
    for t in allv:
        while i < m and su[i] <= t:
            i += 1
        while j < n and sv[j] <= t:
            j += 1
        best = max(best, abs(i * n - j * m))
    if best == 0:
        return Fraction(1)
    # inside: |x*n - y*m| < best
    col = [0] * (n + 1)
    for y in range(n + 1):
        col[y] = 1 if (y * m < best and (y == 0 or col[y - 1])) else 0
    for xx in range(1, m + 1):
        new = [0] * (n + 1)
        for y in range(n + 1):
            if abs(xx * n - y * m) >= best:
                continue
            new[y] = col[y] + (new[y - 1] if y else 0)
        col = new
    return 1 - Fraction(col[n], math.comb(m + n, n))


def tail_cases():
    rng = np.random.default_rng(1919)
    cases = []
    for (n1, n2, shift) in [(60, 60, 3.0), (60, 60, 1.5), (200, 200, 4.0),
                            (300, 300, 1.2), (120, 80, 3.0), (250, 150, 2.5),
                            (40, 400, 2.0), (500, 500, 0.15), (400, 300, 0.1),
                            (7, 1000, 3.0)]:
        u = rng.normal(0, 1, n1).tolist()
        v = rng.normal(shift, 1, n2).tolist()
        cases.append(('tail.%dx%d.s%g' % (n1, n2, shift), u, v))
    a = rng.uniform(0, 1, 300).tolist()
    b = rng.uniform(2, 3, 200).tolist()
    cases.append(('tail.disjoint.300x200', a, b))
    a = rng.uniform(0, 1, 250).tolist()
    b = rng.uniform(2, 3, 250).tolist()
    cases.append(('tail.disjoint.250x250', a, b))
    rows = []
    for (cid, u, v) in cases:
        want = exact_pvalue(u, v)
        w = float(want)
        s = stats.ks_2samp(u, v).pvalue
        err = abs(s - w) / w if w else abs(s)
        rows.append(["'%s'" % cid, jlit(u), jlit(v), real(w), real(s),
                     real(err)])
    return rows


# ------------------------------------------------------------- ks_kolm
def kolm_cdf(n, d):
    """P(D_n < d), Durbin's matrix (Marsaglia, Tsang, Wang) in mpmath."""
    d = mp.mpf(d)
    nd = n * d
    k = int(mp.ceil(nd))
    h = k - nd
    m = 2 * k - 1
    H = mp.matrix(m, m)
    for r in range(m):
        for c in range(m):
            e = r - c + 1
            H[r, c] = 1 / mp.factorial(e) if e >= 0 else 0
    for r in range(m - 1):
        H[r, 0] = (1 - h ** (r + 1)) / mp.factorial(r + 1)
    for c in range(1, m):
        H[m - 1, c] = (1 - h ** (m - c)) / mp.factorial(m - c)
    H[m - 1, 0] = (1 - 2 * h ** m + max(0, 2 * h - 1) ** m) / mp.factorial(m)
    P = H ** n
    return P[k - 1, k - 1] * mp.factorial(n) / mp.mpf(n) ** n


# ------------------------------------------------------------- ks_edge
def reflection_exact(n, h):
    """Equal sizes n: P(D >= h/n) = 2 sum_k (-1)^(k-1) C(2n, n-kh) / C(2n, n),
    in integers (exact)."""
    s = sum((-1) ** (k - 1) * math.comb(2 * n, n - k * h)
            for k in range(1, n // h + 1))
    return Fraction(2 * s, math.comb(2 * n, n))


def edge_cases():
    """Samples built by hand to reach the edges of the p-value's roads.
    want: the exact rational (equal sizes: the reflection series in
    integers; disjoint samples: 2 / C(n1+n2, n1), the two extreme orderings)
    on the exact road; on the asymptotic road Durbin's matrix in mpmath at
    60 digits where scipy takes Pomeranz's or Durbin's road, and
    scipy's kstwo.sf where it is exact (a closed form, or 0 beyond N D^2 >=
    370, which scipy returns too)."""
    cases = []
    # rule 4a, x >= 1/2, N = round(40004/10005) = 4, D = 1/2 exactly: the
    # Birnbaum-Tingey sum stops where 1 - x - j/n is exactly 0 (j = 2)
    cases.append(('n4.half', [i / 10002.0 for i in range(1, 10002)],
                  [-2.0, -1.0, 5.0, 6.0], Fraction(3, 16)))
    # rule 4b, N = 100 (10100 x 101, lcm 10100): D = c/100 and N D = c an
    # integer; 0.1 rounds up (n d just above 10: k = 11), 0.15 rounds down
    u = [float(i) for i in range(1, 10101)]
    for (cid, s) in (('n100.nd10', 1011), ('n100.nd15', 1516)):
        cases.append((cid, u, [float(100 * j + s) for j in range(101)], None))
    # rule 4b at N D = 3/2 exactly (h = 1/2): D = 0.375 (dyadic, n d exact)
    # and D = 0.3 (the double 0.3 times 5 is just below 1.5); v evenly
    # spaced after a gap: D = (s-1)/n1
    for (cid, n1, n2, s) in (('n4.nd1.5', 10008, 4, 3754),
                             ('n5.nd1.5', 10010, 5, 3004)):
        q = n1 // n2
        cases.append((cid, [float(i) for i in range(1, n1 + 1)],
                      [float(q * j + s) for j in range(n2)], 'mp'))
    # rule 4c, Durbin's road at N = 148 > 140 with n d = 6.38: h = 0.62 > 1/2
    cases.append(('n148.durbin', [float(i) for i in range(1, 10201)],
                  [float(68 * j + 441) for j in range(150)], 'mp'))
    # rule 4c, N = 3333 > 140, N D^2 >= 370: 0
    x = np.array([formula(i) for i in range(1, 15002)])
    cases.append(('n3333.zero', x[:10001].tolist(), (x[10001:] + 0.4).tolist(),
                  None))
    # rule 3c with n/h = 69 > 64 terms' cap (5000 x 5000, h = 72)
    u = [float(i) for i in range(5000)]
    cases.append(('square.5000.h72', u, [t + 71.5 for t in u],
                  reflection_exact(5000, 72)))
    # rule 3c, disjoint 1000 x 1000: 2 / C(2000, 1000) underflows to 0
    u = [float(i) for i in range(1000)]
    cases.append(('square.disjoint.1000', u, [t + 5000.0 for t in u],
                  Fraction(2, math.comb(2000, 1000))))
    rows = []
    for (cid, u, v, exact) in cases:
        r = stats.ks_2samp(u, v)
        d = exact_d(np.array(u), np.array(v))
        n1, n2 = len(u), len(v)
        if exact == 'mp':
            mp.mp.dps = 60
            want = float(1 - kolm_cdf(int(np.round(n1 * n2 / (n1 + n2))), d))
        elif exact is not None:
            want = float(exact)
        elif road(n1, n2) == 'asymp' and durbin_ref(np.array(u), np.array(v)) is not None:
            want = durbin_ref(np.array(u), np.array(v))
        else:
            want = float(stats.kstwo.sf(d, np.round(n1 * n2 / (n1 + n2))))
        rows.append(["'%s'" % cid, jlit(u), jlit(v), real(d), real(want),
                     real(r.pvalue), "'%s'" % road(n1, n2)])
    return rows


def main():
    out = open('tests/data/ks_ref.sql', 'w')
    out.write('-- Generated by tests/gen_ks_ref.py (scipy 1.10.1 ks_2samp; '
              'exact lattice-path counts in fractions; mpmath). Do not edit.\n')
    write_counted_table(out, 'ks_ref',
                        'id TEXT PRIMARY KEY, u TEXT, v TEXT, stat REAL, '
                        'pvalue REAL, road TEXT', ref_cases())
    write_counted_table(out, 'ks_big',
                        'id TEXT PRIMARY KEY, n1 INT, n2 INT, a REAL, b REAL, off INT, '
                        'stat REAL, dexact REAL, pvalue REAL, p_at_d REAL, mp REAL, road TEXT, '
                        'sql_stat TEXT, '
                        'sql_p TEXT', big_cases())
    write_counted_table(out, 'ks_tail',
                        'id TEXT PRIMARY KEY, u TEXT, v TEXT, want REAL, '
                        'scipy REAL, scipy_err REAL', tail_cases())
    write_counted_table(out, 'ks_edge',
                        'id TEXT PRIMARY KEY, u TEXT, v TEXT, dexact REAL, '
                        'want REAL, scipy REAL, road TEXT', edge_cases())
    out.close()


if __name__ == '__main__':
    main()
