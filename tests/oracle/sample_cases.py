"""The value oracle's grid for the functions over raw samples (#19), used by
tests/oracle/gen.py: wasserstein, energy_distance, ks_stat, ks_pvalue,
differential_entropy, kl_knn, psi, psi_samples, js_samples, kl_samples and
their aggregates.

Every function gets CASES cases, drawn by a generator of its own (a
random.Random seeded from the function's name, so that adding a function
changes no other function's cases).  The samples cover the whole double
range: values mixing 1e-300 and 1e300, subnormals, both signs, ties and
duplicates, one-element samples where the function allows them,
near-equal samples (one value moved by a few ulps), identical samples,
weights spanning the whole exponent range, and a few long samples.  A
scalar case passes its samples as JSON text (sometimes as kl_f64 blobs);
an aggregate case passes the same samples as rows of VALUES (x,
is_reference[, weight]), x and the weight as text (read by the extension's
own correctly rounded parser), the rows of the two samples interleaved.

The truths are exact, never taken from our output nor from scipy's doubles:
- wasserstein: the integral of |U - V| over the pooled values, a rational
  of the doubles (fractions.Fraction), rounded once;
- energy_distance: sqrt(2) times the square root of the integral of
  (U - V)^2, a rational: its square root in mpmath at 60 digits;
- ks_stat: max |i/n - j/m|, a rational;
- ks_pvalue, the exact road (max(n, m) <= 10000, as scipy's method='auto'):
  the proportion of the C(n+m, n) lattice paths that leave the band
  |i m - j n| < D n m, counted in integers; the asymptotic road
  (max(n, m) > 10000): scipy's kstwo.sf(D, N), N = round(n m / (n + m))
  (half to even, as np.round), by the Durbin matrix (Marsaglia, Tsang and
  Wang 2003) in exact rationals for small N, and for D >= 1/2 by Smirnov's
  one-sided sum doubled (exact there: the two one-sided events are
  disjoint);
- differential_entropy: each estimator of scipy (vasicek, van es,
  ebrahimi, correa, auto) on the same doubles, the spacings and Correa's
  regression sums exact (Fraction), the logs in mpmath at 60 digits;
- kl_knn: the estimator of core/knn.c by brute force over all pairs, on
  small samples (d = 1, 2, 3): squared distances exact (Fraction), their
  ordering exact, the tie rule theirs (neighbours at a positive distance,
  counted with multiplicity), both estimators (the adaptive one's counts
  within eps_i exact; cases where a count hangs on a distance within
  1e-12 of eps_i are left out: any rounding of a distance may change it);
- psi, psi_agg: the exact proportions of the histograms (Fraction), the
  empty-bin rule theirs (a zero proportion becomes epsilon, not
  renormalised), the logs in mpmath;
- psi_samples, js_samples, kl_samples (+ _agg): the cut points are
  numpy's quantiles ('linear', np.quantile itself: the documented
  definition; where a difference of neighbours overflows, the halves
  doubled), the counts exact comparisons (bisect_right), the proportions
  exact, zeros to epsilon then renormalised for js and kl, the divergence
  in mpmath.

Bounds: the catalogue's relative bound, and an absolute part (case_abs)
where a function's value is a sum that may cancel or its stated accuracy
is not relative: the weighted wasserstein and energy_distance (the CDFs
of weights are double-double: (n + m) 2^-104 of the range), and the sums
of logs of differential_entropy (4e-15 of the terms' mean size + 1) and
kl_knn (1e-14 of the terms' mean size).  Cases of ids x000... are hand-made, before the random ones.
"""
import math
import zlib
from fractions import Fraction

from mpmath import mp, mpf, sqrt, log

CASES = 312
DBL_MAX = 1.7976931348623157e308

TRANSPORT = ('wasserstein', 'energy_distance', 'wasserstein_agg', 'energy_distance_agg')
KS = ('ks_stat', 'ks_pvalue', 'ks_stat_agg', 'ks_pvalue_agg')
DENT = ('differential_entropy', 'differential_entropy_agg')
FNS = TRANSPORT + KS + DENT


# ----------------------------------------------------------------- numbers
class Draw:
    """The random draws of one function's cases."""

    def __init__(self, name):
        import random
        self.r = random.Random(20261129 + zlib.crc32(name.encode()))

    def mag(self, lo=-1074, hi=1023):
        while True:
            x = math.ldexp(self.r.uniform(1.0, 2.0), self.r.randint(lo, hi))
            if 0 < x < math.inf:
                return x

    def signed(self, lo=-1074, hi=1023):
        return self.mag(lo, hi) * self.r.choice((-1.0, 1.0))

    def moderate(self):
        return self.r.uniform(-4, 4) * 10 ** self.r.randint(-3, 3)

    def near(self, x):
        """x moved by a few ulps up to 1e-13 relative (a different double)."""
        if self.r.random() < 0.4:
            y = x
            for _ in range(self.r.randint(1, 4)):
                y = math.nextafter(y, self.r.choice((-math.inf, math.inf)))
            if y != x and math.isfinite(y):
                return y
        for _ in range(50):
            d = 10 ** self.r.uniform(-16, -13) * self.r.choice((-1.0, 1.0))
            y = x * (1.0 + d)
            if y != x and math.isfinite(y):
                return y
        return math.nextafter(x, math.inf)

    def values(self, n, style):
        r = self.r
        if style == 'wide':
            return [self.signed() if r.random() < 0.9 else 0.0 for _ in range(n)]
        if style == 'huge':
            return [self.signed(1000, 1023) for _ in range(n)]
        if style == 'tiny':
            return [self.signed(-1074, -1000) for _ in range(n)]
        if style == 'mixed':
            # 1e-300 and 1e300 together
            return [self.signed(-1000, -990) if r.random() < 0.5 else self.signed(990, 1020)
                    for _ in range(n)]
        if style == 'edge':
            # near +-DBL_MAX: differences and sums beyond the double range
            return [r.choice((-1.0, 1.0)) * r.uniform(0.5, 1.0) * DBL_MAX
                    if r.random() < 0.8 else self.signed() for _ in range(n)]
        if style == 'ties':
            pool = [self.signed(-60, 60) for _ in range(r.randint(1, 3))]
            return [r.choice(pool) for _ in range(n)]
        if style == 'int':
            return [float(r.randint(-3, 3)) for _ in range(n)]
        if style == 'positive':
            return [self.mag() for _ in range(n)]
        return [self.moderate() for _ in range(n)]

    def weights(self, n, style):
        r = self.r
        if style == 'wide':
            # every exponent (the total stays finite: n is small)
            return [self.mag(-1074, 1015) for _ in range(n)]
        if style == 'decades':
            return [self.mag(-200, 200) for _ in range(n)]
        if style == 'int':
            return [float(r.randint(1, 5)) for _ in range(n)]
        return [r.uniform(0.1, 10) for _ in range(n)]


STYLES = ['wide'] * 5 + ['huge', 'tiny', 'mixed'] * 2 + ['ties', 'int'] * 2 + ['moderate'] * 3 \
    + ['positive', 'edge']


def two_samples(dr, kind, nmin=1):
    """(u, v, what): two samples of a case kind."""
    r = dr.r
    n = r.choice((1, 1, 2, 3, 4, 5, 7, 10, 16)) if kind != 'long' else r.randint(100, 200)
    n = max(n, nmin)
    style = r.choice(STYLES)
    u = dr.values(n, style)
    if kind == 'same':
        v = list(u)
        r.shuffle(v)
    elif kind == 'near':
        v = list(u)
        i = r.randrange(n)
        v[i] = dr.near(v[i]) if v[i] else dr.signed(-1074, -1070)
        r.shuffle(v)
    elif kind == 'dup':
        # v: u's values repeated (the same distribution, other sizes)
        v = [x for x in u for _ in range(r.randint(1, 3))]
        if r.random() < 0.5 and n > 1:
            v[r.randrange(len(v))] = r.choice(u)
    else:
        m = r.choice((1, 1, 2, 3, 4, 5, 7, 10, 16)) if kind != 'long' else r.randint(100, 200)
        m = max(m, nmin)
        v = dr.values(m, style if r.random() < 0.6 else r.choice(STYLES))
        if r.random() < 0.3:
            # shared values (ties across the samples)
            for _ in range(r.randint(1, min(n, m))):
                v[r.randrange(m)] = r.choice(u)
    return u, v


KINDS = ['wide'] * 10 + ['near'] * 4 + ['same'] * 2 + ['dup'] * 2


# ----------------------------------------------------------------- output
def num(x):
    return repr(float(x))


def vec_sql(x, blob=False):
    t = "'[" + ','.join(num(a) for a in x) + "]'"
    return 'kl_f64(%s)' % t if blob else t


def sq(s):
    return "'" + s.replace("'", "''") + "'"


def rows_sql(fn, samples, weights=None, tail=''):
    """The aggregate over VALUES rows (x, is_reference[, weight]) of samples
    [u, v] (or [x] for a one-sample aggregate), rows interleaved."""
    rows = []
    for s, xs in enumerate(samples):
        for i, x in enumerate(xs):
            row = [sq(num(x))]
            if len(samples) == 2:
                row.append(str(s))
            if weights:
                row.append(sq(num(weights[s][i])))
            rows.append(row)
    # interleave deterministically: by a key from the values' order
    rng = __import__('random').Random(len(rows) * 7919 + len(samples))
    rng.shuffle(rows)
    ncol = len(rows[0])
    cols = ', '.join('column%d' % (i + 1) for i in range(ncol))
    return '(SELECT %s(%s%s) FROM (VALUES %s))' % (
        fn, cols, tail, ','.join('(' + ','.join(r) + ')' for r in rows))


def mpq(q):
    """A Fraction as an mpf at the working precision."""
    return mpf(q.numerator) / q.denominator


def want_of(gen, v):
    return gen.want_lit(v), gen.outcome(v)


# ------------------------------------------------------- wasserstein, energy
def cdf_steps(u, v, uw=None, vw=None):
    """[(U - V, delta)] over the pooled sorted values: the exact CDFs' difference
    on [a_k, a_k+1) and the exact width (Fractions)."""
    def cum(xs, ws):
        pairs = sorted(zip(xs, ws if ws else [1.0] * len(xs)))
        tot = Fraction(0)
        out = []
        for x, w in pairs:
            tot += Fraction(w)
            out.append((x, tot))
        return out, tot
    cu, tu = cum(u, uw)
    cv, tv = cum(v, vw)
    allv = sorted(set(u) | set(v))
    res = []
    iu = iv = 0
    fu = fv = Fraction(0)
    for k in range(len(allv) - 1):
        a = allv[k]
        while iu < len(cu) and cu[iu][0] <= a:
            fu = cu[iu][1]
            iu += 1
        while iv < len(cv) and cv[iv][0] <= a:
            fv = cv[iv][1]
            iv += 1
        res.append((fu / tu - fv / tv, Fraction(allv[k + 1]) - Fraction(a)))
    return res


def wasserstein_exact(u, v, uw=None, vw=None):
    return sum((abs(d) * w for d, w in cdf_steps(u, v, uw, vw)), Fraction(0))


def energy_exact(u, v, uw=None, vw=None):
    q = sum((d * d * w for d, w in cdf_steps(u, v, uw, vw)), Fraction(0))
    with mp.workdps(60):
        return sqrt(2 * mpq(q))


def transport_weighted_abs(base, u, v, uw, vw, val):
    """The absolute part of the bound with weights (the functions' stated
    accuracy, the docs of wasserstein): the CDFs are ratios of
    double-double partial sums of the weights, each off by up to about
    2^-104, so that wasserstein's sum of |U - V| times the widths is off by
    up to e (max - min), e = (n + m) 2^-104 (the stated n 2^-104 for the
    two samples' sizes together); energy's integral S of (U - V)^2 by
    dS = 2 e W + e^2 (max - min) (W the weighted wasserstein, exact), and
    its value sqrt(2 S) by min(2 dS / sqrt(2 S), sqrt(2 dS)).  Without
    weights the CDF differences are exact: no absolute part."""
    with mp.workdps(60):
        e = mpf(len(u) + len(v)) * mpf(2) ** -104
        rng_ = mpf(max(u + v)) - mpf(min(u + v))
        if base == 'wasserstein':
            a = e * rng_
        else:
            ds = 2 * e * mpq(wasserstein_exact(u, v, uw, vw)) + e * e * rng_
            a = min(2 * ds / val, sqrt(2 * ds)) if val else sqrt(2 * ds)
        return float(min(a, mpf(DBL_MAX)))


# Hand-made cases first (ids x000...): the edges of the double range, CDFs
# that nearly cancel, subnormal gaps beside huge values.
TRANSPORT_SPECIAL = [
    ([-DBL_MAX, DBL_MAX], [DBL_MAX], None, None),           # W = DBL_MAX, finite
    ([-DBL_MAX], [DBL_MAX], None, None),                    # W = 2 DBL_MAX: +Inf
    ([-DBL_MAX, -DBL_MAX], [DBL_MAX], [1.0, 3.0], [2.0]),
    ([0.0, 1.0, 1.0], [0.0, 1.0], [1.0, 1.0, 1.0], [3333333333333333.0, 6666666666666667.0]),
    ([-3.0671269746e-313, 1e308], [-3.06712697466e-313, 1e308], None, None),
    ([1e-300, 1e308], [math.nextafter(1e-300, 1), 1e308], None, None),
    ([5e-324], [1e-323], None, None),
    ([5e-324, -5e-324], [0.0], None, None),
    ([float(k) for k in range(1, 101)], [float(k) for k in range(1, 102)], None, None),
    ([float(k) for k in range(1, 60)], [float(k) for k in range(1, 60)],
     [1.0] * 59, [1.0] * 58 + [math.nextafter(1.0, 2)]),
    ([1.0, 2.0], [1.0, 2.0], [1e-300, 1e300], [1e300, 1e-300]),
    ([1.0, 2.0], [1.0, 2.0], [5e-324, 1.0], [1e-323, 1.0]),
    ([1e300, -1e300, 0.0], [1e-300], [1e300, 1e300, 1e-300], [4.0]),
]


def transport_cases(gen, name):
    dr = Draw(name)
    r = dr.r
    agg = name.endswith('_agg')
    base = name[:-4] if agg else name
    out = []
    kinds = [KINDS[i % len(KINDS)] for i in range(CASES - 2)] + ['long'] * 2
    for i, kind in enumerate(kinds):
        u, v = two_samples(dr, kind)
        weighted = r.random() < 0.45
        uw = vw = None
        if weighted:
            ws = r.choice(('wide', 'decades', 'decades', 'int', 'plain'))
            uw = dr.weights(len(u), ws)
            if kind == 'same':
                # the same weighted distribution: the same pairs, reordered
                v = list(u)
                vw = list(uw)
                perm = list(range(len(u)))
                r.shuffle(perm)
                v, vw = [v[j] for j in perm], [vw[j] for j in perm]
            elif kind == 'near' and r.random() < 0.5:
                # the same values, one weight moved by a few ulps
                v = list(u)
                vw = list(uw)
                j = r.randrange(len(u))
                vw[j] = abs(dr.near(vw[j]))
            else:
                vw = dr.weights(len(v), ws)
        if i < len(TRANSPORT_SPECIAL):
            kind = 'x'
            u, v, uw, vw = TRANSPORT_SPECIAL[i]
            weighted = uw is not None
        with mp.workdps(60):
            if base == 'wasserstein':
                q = wasserstein_exact(u, v, uw, vw)
                val = mpq(q)
            else:
                val = energy_exact(u, v, uw, vw)
            want, oc = want_of(gen, val)
        if agg:
            sql = rows_sql(name, [u, v], [uw, vw] if weighted else None)
        else:
            blob = r.random() < 0.25
            args = [vec_sql(u, blob), vec_sql(v, blob)]
            if weighted:
                args += [vec_sql(uw, blob), vec_sql(vw, blob)]
            sql = '%s(%s)' % (name, ', '.join(args))
        ca = None
        if weighted and oc == 'finite':
            ca = transport_weighted_abs(base, u, v, uw, vw, val)
        cid = '%s%s%03d' % (kind[0], 'w' if weighted else '', i)
        out.append((cid, sql, want, oc, None, ca))
    return out


# ------------------------------------------------------------------- ks
def ks_d(u, v):
    """D as a Fraction: max over the pooled values of |i/n - j/m|."""
    n, m = len(u), len(v)
    su, sv = sorted(u), sorted(v)
    best = 0
    iu = iv = 0
    for a in sorted(set(u) | set(v)):
        while iu < n and su[iu] <= a:
            iu += 1
        while iv < m and sv[iv] <= a:
            iv += 1
        best = max(best, abs(iu * m - iv * n))
    return Fraction(best, n * m)


def ks_p_exact(n, m, d):
    """P(D >= d) for samples of n and m (no ties), d = D: 1 - the paths
    that stay strictly inside |i m - j n| < d n m, over C(n+m, n)."""
    if d == 0:
        return Fraction(1)
    lim = d * n * m
    assert lim.denominator == 1
    lim = lim.numerator
    row = [0] * (m + 1)
    # row[j]: paths from (0,0) to (i, j) staying inside
    for i in range(n + 1):
        new = [0] * (m + 1)
        for j in range(m + 1):
            if abs(i * m - j * n) >= lim:
                new[j] = 0
                continue
            if i == 0 and j == 0:
                new[j] = 1
                continue
            new[j] = (row[j] if i > 0 else 0) + (new[j - 1] if j > 0 else 0)
        row = new
    inside = row[m]
    return 1 - Fraction(inside, math.comb(n + m, n))


def round_half_even(q):
    f = math.floor(q)
    r = q - f
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and f % 2 == 1):
        return f + 1
    return f


def kolmogorov_sf(d, N):
    """kstwo.sf(d, N) = P(D_N >= d) of the one-sample two-sided statistic,
    d a Fraction: exact (a Fraction) by the Durbin matrix for small N,
    or an mpf by Smirnov's one-sided sum for d >= 1/2."""
    if d <= 0:
        return Fraction(1)
    if d >= 1:
        return Fraction(0)
    if d * 2 * N <= 1:
        return Fraction(1)
    if d > Fraction(1, 2):
        # P(D+ >= d) = d sum_j C(N,j) (1-d-j/N)^(N-j) (d+j/N)^(j-1): terms
        # all positive, so 80 digits give every digit of a double
        with mp.workdps(80):
            dm = mpq(d)
            s = mpf(0)
            for j in range(0, math.floor(N * (1 - d)) + 1):
                t = 1 - d - Fraction(j, N)
                if t <= 0:
                    continue
                s += mp.binomial(N, j) * mpq(t) ** (N - j) * (dm + mpf(j) / N) ** (j - 1)
            return 2 * dm * s
    assert N <= 80, N
    return durbin_sf(d, N, exact=True)


def durbin_sf(d, N, exact):
    """1 - P(D_N < d) by the Durbin matrix: d = (k - h)/N, 0 <= h < 1,
    P(D_N < d) = N!/N^N (H^N)[k-1][k-1].  exact: in Fractions; else in
    mpmath at 120 digits (the power loses a few digits to the matrix's
    signs; the 1 - cdf, as many as the p-value's smallness: a p-value of
    1e-60 still keeps 50)."""
    nd = N * d
    k = math.ceil(nd)
    h = k - nd
    mm = 2 * k - 1
    fact = [math.factorial(i) for i in range(mm + 2)]
    H = [[Fraction(0)] * mm for _ in range(mm)]
    for i in range(mm):
        for j in range(mm):
            if i - j + 1 >= 0:
                H[i][j] = Fraction(1, fact[i - j + 1])
    for i in range(mm):
        H[i][0] -= h ** (i + 1) / fact[i + 1]
        H[mm - 1][i] -= h ** (mm - i) / fact[mm - i]
    if 2 * h - 1 > 0:
        H[mm - 1][0] += (2 * h - 1) ** mm / fact[mm]
    with mp.workdps(120):
        if not exact:
            H = [[mpq(x) for x in row] for row in H]
        zero = H[0][0] * 0

        def mul(A, B):
            Bt = list(zip(*B))
            return [[sum((a * b for a, b in zip(Ar, Bc) if a and b), zero) for Bc in Bt]
                    for Ar in A]
        R = None
        P = H
        e = N
        while e:
            if e & 1:
                R = P if R is None else mul(R, P)
            e >>= 1
            if e:
                P = mul(P, P)
        if exact:
            return 1 - R[k - 1][k - 1] * Fraction(math.factorial(N), N ** N)
        return 1 - R[k - 1][k - 1] * mpf(math.factorial(N)) / mpf(N) ** N


def ks_truth(u, v, pvalue):
    d = ks_d(u, v)
    if not pvalue:
        return d
    n, m = len(u), len(v)
    if max(n, m) <= 10000:
        return ks_p_exact(n, m, d)
    N = round_half_even(Fraction(n * m, n + m))
    return kolmogorov_sf(d, N)


KS_SPECIAL = [
    ([1.0], [1.0]), ([1.0], [2.0]), ([5e-324], [-5e-324]), ([-DBL_MAX], [DBL_MAX]),
    ([float(k) for k in range(100)], [float(k) for k in range(100, 200)]),   # p = 2/C(200,100)
    ([float(k) for k in range(150)], [float(k) + 0.5 for k in range(150, 290)]),
    ([float(k) for k in range(60)], [float(k) for k in range(60)]),
    ([float(k % 3) for k in range(40)], [float(k % 4) for k in range(41)]),  # ties only
    ([1.0, 2.0], [1.0, 1.0, 2.0, 2.0]),       # equal CDFs, different sizes: D = 0
    ([1e-300, 1e300], [math.nextafter(1e-300, 1), 1e300]),
]


def ks_small_samples(dr, kind):
    """Samples for the exact road: sizes up to a few hundred."""
    r = dr.r
    if kind == 'long':
        n, m = r.randint(100, 200), r.randint(100, 200)
        if r.random() < 0.5:
            m = n
        style = r.choice(STYLES)
        u = dr.values(n, style)
        if r.random() < 0.5:
            # shifted: a small p-value (down to 1e-100 and beyond)
            lo = min(u)
            v = [min(abs(x) + abs(lo) * 2 + 1, DBL_MAX) for x in dr.values(m, 'moderate')]
        else:
            v = dr.values(m, style)
        return u, v
    if kind == 'wide' and r.random() < 0.5:
        # sizes up to 60, the second sample shifted by a random amount:
        # p-values over the whole range
        n, m = r.randint(1, 60), r.randint(1, 60)
        style = r.choice(('moderate', 'int', 'wide', 'mixed', 'huge', 'tiny'))
        u = dr.values(n, style)
        sh = r.choice((0.0, 0.5, 1.0, 2.0)) * (max(abs(x) for x in u) or 1.0)
        v = [x + sh for x in dr.values(m, style)]
        v = [x if math.isfinite(x) else math.copysign(DBL_MAX, x) for x in v]
        return u, v
    return two_samples(dr, kind)


def ks_asymp_case(dr, i):
    """A sample of n > 10000 values made in SQL (integers a + s*k), and a
    small second sample: the asymptotic road, N = round(n m/(n+m)) small,
    or D > 1/2."""
    r = dr.r
    n = r.choice((10001, 10002, 10003, 10007, 12000, 20000))
    # sizes where n m / (n + m) is exactly k + 1/2 (N rounds half to even,
    # as np.round): 99.5 -> 100, 100.5 -> 100, 101.5 -> 102
    forced = {3: (19900, 100), 7: (20301, 101), 11: (20706, 102)}.get(i)
    if forced:
        n = forced[0]
    a = r.randint(-50000, 50000)
    s = r.choice((1, 2, 3))
    big = [float(a + s * k) for k in range(n)]
    lo, hi = a - 10 * s, a + s * n + 10 * s
    if i % 4 == 3:
        # a second sample of 41 to 200 values mostly above the first one's
        # range: D > 1/2, N up to 200, p-values down to 1e-40 and below
        m = forced[1] if forced else r.randint(41, 200)
        top = a + s * n
        other = [float(r.randint(top - s * n // 3, top + 1000)) if r.random() < 0.85
                 else float(r.randint(lo, hi)) for _ in range(m)]
    else:
        m = r.randint(1, 24)
        mode = r.random()
        if mode < 0.3:
            other = [float(r.randint(lo, hi)) for _ in range(m)]
        elif mode < 0.6:
            other = [float(r.randint(lo, a + s * n // 8)) for _ in range(m)]
        else:
            other = [r.uniform(lo, hi) for _ in range(m)]
    return (n, a, s), big, other


def gen_sql(n, a, s, col='x'):
    """A sample of n values a + s*k (k = 0..n-1) as an SQL subquery body."""
    return ('WITH RECURSIVE g(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM g WHERE k < %d) '
            'SELECT %d + %d * k AS %s FROM g' % (n - 1, a, s, col))


def ks_cases(gen, name):
    dr = Draw(name)
    r = dr.r
    agg = name.endswith('_agg')
    pvalue = 'pvalue' in name
    out = []
    nasym = 40
    kinds = [KINDS[i % len(KINDS)] for i in range(CASES - 6 - nasym)] + ['long'] * 6
    for i, kind in enumerate(kinds):
        u, v = ks_small_samples(dr, kind)
        if i < len(KS_SPECIAL):
            kind = 'x'
            u, v = KS_SPECIAL[i]
        with mp.workdps(60):
            val = mpq(ks_truth(u, v, pvalue))
            want, oc = want_of(gen, val)
        if agg:
            sql = rows_sql(name, [u, v])
        else:
            blob = r.random() < 0.25
            sql = '%s(%s, %s)' % (name, vec_sql(u, blob), vec_sql(v, blob))
        out.append(('%s%03d' % (kind[0], i), sql, want, oc, None, None))
    for i in range(nasym):
        while True:
            (n, a, s), big, other = ks_asymp_case(dr, i)
            swap = r.random() < 0.5
            u, v = (other, big) if swap else (big, other)
            with mp.workdps(60):
                try:
                    # (the p-value's truth even for ks_stat: the same draws)
                    t = ks_truth(u, v, True)
                except AssertionError:      # D <= 1/2 with a large N
                    continue
                if not pvalue:
                    t = ks_d(u, v)
                val = mpq(t) if isinstance(t, Fraction) else t
                want, oc = want_of(gen, val)
            break
        q1 = gen_sql(n, a, s)
        if agg:
            # x and is_reference from the two samples: the large one made in
            # SQL (integers), the other as text rows
            r1, r2 = (1, 0) if swap else (0, 1)
            q2 = 'SELECT column1 AS x FROM (VALUES %s)' % ','.join(
                "('%s')" % num(x) for x in other)
            sql = ('(SELECT %s(x, r) FROM (SELECT x, %d AS r FROM (%s) UNION ALL '
                   'SELECT x, %d FROM (%s)))' % (name, r1, q1, r2, q2))
        else:
            j1 = '(SELECT json_group_array(x) FROM (%s))' % q1
            j2 = vec_sql(other)
            a1, a2 = (j2, j1) if swap else (j1, j2)
            sql = '%s(%s, %s)' % (name, a1, a2)
        out.append(('a%03d' % (len(kinds) + i), sql, want, oc, None, None))
    return out


# ------------------------------------------------------ differential entropy
DE_METHODS = ('vasicek', 'van es', 'ebrahimi', 'correa', 'auto')


def de_terms(x, m, method):
    """The estimator's value as (sum of mpf logs / count) + constant, and
    the magnitude of its terms (the sum of |terms| / count + |constant|),
    on the sorted doubles x; or None when a spacing is 0."""
    n = len(x)
    if method == 'auto':
        method = 'van es' if n <= 10 else ('ebrahimi' if n <= 1000 else 'vasicek')
    X = [Fraction(a) for a in x]
    if method in ('vasicek', 'ebrahimi', 'correa'):
        P = [X[0]] * m + X + [X[-1]] * m
    logs = []
    const = mpf(0)
    if method == 'vasicek':
        for i in range(n):
            d = P[i + 2 * m] - P[i]
            if d == 0:
                return None
            logs.append(log(mpq(Fraction(n, 2 * m) * d)))
        cnt = n
    elif method == 'ebrahimi':
        for i in range(1, n + 1):
            d = P[i - 1 + 2 * m] - P[i - 1]
            if d == 0:
                return None
            if i <= m:
                ci = 1 + Fraction(i - 1, m)
            elif i >= n - m + 1:
                ci = 1 + Fraction(n - i, m)
            else:
                ci = Fraction(2)
            logs.append(log(mpq(n * d / (ci * m))))
        cnt = n
    elif method == 'van es':
        for i in range(n - m):
            d = X[i + m] - X[i]
            if d == 0:
                return None
            logs.append(log(mpq(Fraction(n + 1, m) * d)))
        cnt = n - m
        const = sum(mpf(1) / k for k in range(m, n + 1)) + log(m) - log(n + 1)
    else:   # correa
        for i in range(1, n + 1):
            w = [P[i + dj + m - 1] for dj in range(-m, m + 1)]
            xb = sum(w, Fraction(0)) / (2 * m + 1)
            num_ = sum(((a - xb) * dj for a, dj in zip(w, range(-m, m + 1))), Fraction(0))
            den = n * sum(((a - xb) ** 2 for a in w), Fraction(0))
            if num_ == 0 or den == 0:
                return None
            logs.append(-log(mpq(num_ / den)))
        cnt = n
    val = sum(logs) / cnt + const
    magn = sum(abs(t) for t in logs) / cnt + abs(const) + 1
    return val, magn, method


UNITS = {'nats': None, 'bits': 2, 'bans': 10}


def de_sample(dr, kind):
    r = dr.r
    if kind == 'long':
        n = r.randint(1001, 1100) if r.random() < 0.5 else r.randint(100, 300)
    else:
        n = r.choice((3, 4, 5, 6, 8, 10, 11, 12, 16, 25, 40))
    style = r.choice(STYLES)
    x = dr.values(n, style)
    if kind == 'near':
        # near-ties: clusters of values a few ulps apart
        base = dr.values(max(1, n // 3), style)
        x = []
        for b in base:
            x.append(b)
            y = b
            for _ in range(2):
                y = dr.near(y) if y else dr.signed(-1074, -1070)
                x.append(y)
        x = x[:max(n, 3)]
    elif kind == 'dup':
        # duplicates narrower than the window
        x = [a for a in x for _ in range(r.randint(1, 2))]
    return x


def de_cases(gen, name):
    dr = Draw(name)
    r = dr.r
    agg = name.endswith('_agg')
    out = []
    kinds = (['wide'] * 6 + ['near'] * 2 + ['dup'] * 2)
    kinds = [kinds[i % len(kinds)] for i in range(CASES - 4)] + ['long'] * 4
    for i, kind in enumerate(kinds):
        while True:
            x = de_sample(dr, kind)
            n = len(x)
            if n < 3:
                continue
            method = r.choice(DE_METHODS + ('default',))
            wl = None
            mdef = math.floor(math.sqrt(n) + 0.5)
            if r.random() < 0.5:
                wl = r.randint(1, (n - 1) // 2)
            m = wl if wl is not None else mdef
            if not 2 <= 2 * m < n:
                continue
            unit = r.choice(('nats', 'nats', 'bits', 'bans', None))
            with mp.workdps(60):
                t = de_terms(sorted(x), m, 'auto' if method == 'default' else method)
                if t is None:
                    continue
                val, magn, used = t
                if unit in ('bits', 'bans'):
                    val /= log(UNITS[unit])
                    magn /= log(UNITS[unit])
            break
        opts = []
        if method != 'default':
            opts.append('method=%s' % method)
        if wl is not None:
            opts.append('window_length=%d' % wl)
        if unit:
            opts.append('unit=%s' % unit)
        if r.random() < 0.3:
            r.shuffle(opts)
        otext = ', '.join(opts)
        if wl is not None and len(opts) == 1 and r.random() < 0.5:
            oarg = str(wl)          # the shorthand: a number is window_length
        elif opts or r.random() < 0.2:
            oarg = sq(otext)
        else:
            oarg = None
        if agg:
            sql = rows_sql(name, [x], tail=(', ' + oarg) if oarg else '')
        else:
            sql = '%s(%s%s)' % (name, vec_sql(x, r.random() < 0.25),
                                (', ' + oarg) if oarg else '')
        want, oc = want_of(gen, val)
        if oc == 'zero':
            oc = 'finite'       # a mean of logs that cancels: not exactly 0
        # A mean of logs (plus van Es's constant) that may cancel: the stated
        # accuracy (the docs of differential_entropy) is 2^-98 of the logs'
        # mean magnitude for vasicek, van es and ebrahimi, 3 ulps of 1 + |H|
        # for correa; the bound's absolute part is 4e-15 of the terms' mean
        # magnitude + 1 (ten times correa's).
        ca = float(mpf('4e-15') * magn)
        out.append(('%s%03d' % (kind[0], i), sql, want, oc, None, ca))
    return out




# ------------------------------------------------------------------- kl_knn
KNN = ('kl_knn', 'kl_knn_agg')


def knn_truth(x, y, k, adaptive):
    """The k-NN estimate on points x, y (tuples of doubles), the rule of
    core/knn.c: neighbours are points at a positive distance, counted with
    their multiplicity; squared distances exact (Fractions), the logs in
    mpmath.  (value, magnitude of its terms), or None when the estimate is
    undefined (a point with fewer than k neighbours) or, for the adaptive
    estimator, when a count within eps_i hangs on a distance within 1e-12
    of eps_i without equalling it (a count the rounding of any distance
    computation may change: an ill-posed case, not a test of accuracy)."""
    n, m, d = len(x), len(y), len(x[0])
    X = [[Fraction(c) for c in p] for p in x]
    Y = [[Fraction(c) for c in p] for p in y]

    def d2(a, b):
        return sum(((s - t) * (s - t) for s, t in zip(a, b)), Fraction(0))
    logs = []
    psis = []
    for i in range(n):
        dx = sorted(t for t in (d2(X[i], X[j]) for j in range(n) if j != i) if t > 0)
        dy = sorted(t for t in (d2(X[i], q) for q in Y) if t > 0)
        if len(dx) < k or len(dy) < k:
            return None
        r2, v2 = dx[k - 1], dy[k - 1]
        if adaptive:
            e2 = max(r2, v2)
            tol = e2 * Fraction(1, 10 ** 12)
            if any(t != e2 and abs(t - e2) <= tol for t in dx + dy):
                return None
            li = sum(1 for t in dx if t <= e2)
            ki = sum(1 for t in dy if t <= e2)
            r2, v2 = dx[li - 1], dy[ki - 1]
            psis.append(mp.digamma(li) - mp.digamma(ki))
        logs.append((log(mpq(v2)) - log(mpq(r2))) / 2)
    c = log(mpf(m) / (n - 1))
    val = d * sum(logs) / n + sum(psis) / n + c
    magn = d * sum(abs(t) for t in logs) / n + sum(abs(t) for t in psis) / n + abs(c)
    return val, magn


KNN_SPECIAL = [
    ([(1.0,), (2.0,), (3.0,), (4.0,)], [(1.0,), (2.0,), (3.0,), (4.0,)]),   # ln(4/3)
    ([(0.0,), (0.0,), (1.0,)], [(0.0,), (2.0,)]),
    ([(0.0, 0.0), (1e-300, 0.0)], [(5e-324, 1e-323)]),      # a subnormal distance, d = 2
    ([(5e-324,), (1e-323,), (1e300,)], [(0.0,), (-1e300,)]),
    ([(1e300, 1e300), (-1e300, 1e300), (0.0, 0.0)], [(1e300, -1e300), (2e300, 2e300)]),
    ([(3.0, 4.0), (0.0, 0.0), (5.0, 0.0)], [(0.0, 5.0), (4.0, 3.0)]),   # equal distances
]


def knn_points(dr, kind, d):
    r = dr.r
    if kind == 'long':
        n, m = r.randint(100, 200), r.randint(100, 200)
    else:
        n, m = r.choice((2, 3, 4, 5, 8, 12, 20)), r.choice((1, 2, 3, 5, 8, 12, 20))
    style = r.choice(('wide', 'wide', 'huge', 'tiny', 'moderate', 'moderate', 'int',
                      'ties', 'positive', 'mid'))

    def coord():
        if style == 'mid':
            # the whole range but no coordinate beyond 2^1000 (core/knn.c (6)
            # scales those by 2^-30, and coordinates below 2^-992 would then
            # lose bits: a documented limit, not tested here)
            return dr.signed(-1074, 999) if r.random() < 0.9 else 0.0
        v = dr.values(1, style)[0]
        return v

    def pts(cnt):
        return [tuple(coord() for _ in range(d)) for _ in range(cnt)]
    x = pts(n)
    if style == 'wide':
        # keep the wide style within one side of 2^1000 (see 'mid')
        big = r.random() < 0.3
        x = [tuple(dr.signed(1001, 1023) if big else dr.signed(-1074, 999) for c in p)
             for p in x]
    if kind == 'same':
        y = list(x)
        r.shuffle(y)
    elif kind == 'near':
        y = list(x)
        i = r.randrange(n)
        y[i] = tuple(dr.near(c) if c else dr.signed(-1074, -1070) for c in y[i])
        if r.random() < 0.5:
            y = y + pts(r.randint(1, 3)) if style != 'wide' else y
    elif kind == 'dup':
        x = [p for p in x for _ in range(r.randint(1, 2))]
        y = [r.choice(x) for _ in range(max(m, 1))] + pts(r.randint(1, 4)) \
            if style != 'wide' else list(x)
    else:
        y = pts(m)
        if style == 'wide':
            big = max(abs(c) for p in x for c in p) > 2.0 ** 1000
            y = [tuple(dr.signed(1001, 1023) if big else dr.signed(-1074, 999) for c in p)
                 for p in y]
    return x, y


def knn_cases(gen, name):
    dr = Draw(name)
    r = dr.r
    agg = name.endswith('_agg')
    out = []
    kinds = (['wide'] * 8 + ['near'] * 2 + ['same', 'dup'] * 2)
    kinds = [kinds[i % len(kinds)] for i in range(CASES - 3)] + ['long'] * 3
    for i, kind in enumerate(kinds):
        while True:
            d = r.choice((1, 1, 1, 2, 3)) if kind != 'long' else r.choice((1, 2))
            x, y = knn_points(dr, kind, d)
            if i < len(KNN_SPECIAL) and not KNN_SPECIAL[i] is None:
                kind = 'x'
                x, y = KNN_SPECIAL[i]
                d = len(x[0])
            n, m = len(x), len(y)
            if n < 2:
                continue
            cs = [abs(c) for p in x + y for c in p if c]
            if cs and max(cs) >= 2.0 ** 1000 and min(cs) < 2.0 ** -992:
                # core/knn.c (6): samples with a coordinate beyond 2^1000 are
                # scaled by 2^-30, and coordinates below 2^-992 then lose
                # bits (a stated limit)
                continue
            k = 1 if r.random() < 0.5 else r.randint(1, min(n - 1, m, 4))
            adaptive = r.random() < 0.4
            unit = r.choice(('nats', 'nats', 'bits', 'bans', None))
            with mp.workdps(60):
                t = knn_truth(x, y, k, adaptive)
                if t is None:
                    continue
                val, magn = t
                if unit in ('bits', 'bans'):
                    val /= log(UNITS[unit])
                    magn /= log(UNITS[unit])
            break
        opts = []
        if k != 1 or r.random() < 0.3:
            opts.append('k=%d' % k)
        if adaptive:
            opts.append('estimator=adaptive')
        elif r.random() < 0.2:
            opts.append('estimator=fixed')
        if unit:
            opts.append('unit=%s' % unit)
        r.shuffle(opts)
        if len(opts) == 1 and opts[0].startswith('k=') and r.random() < 0.5:
            oarg = str(k)
        elif opts:
            oarg = sq(', '.join(opts))
        else:
            oarg = None
        tail = (', ' + oarg) if oarg else ''

        def pt(p):
            return num(p[0]) if d == 1 else '[' + ','.join(num(c) for c in p) + ']'
        if agg:
            rows = [(sq(pt(p)), '0') for p in x] + [(sq(pt(p)), '1') for p in y]
            rng = __import__('random').Random(len(rows))
            rng.shuffle(rows)
            sql = '(SELECT %s(column1, column2%s) FROM (VALUES %s))' % (
                name, tail, ','.join('(%s,%s)' % rw for rw in rows))
        else:
            def arr(ps):
                if d == 1 and r.random() < 0.7:
                    return vec_sql([p[0] for p in ps], r.random() < 0.25)
                return "'[" + ','.join('[' + ','.join(num(c) for c in p) + ']'
                                       for p in ps) + "]'"
            sql = '%s(%s, %s%s)' % (name, arr(x), arr(y), tail)
        want, oc = want_of(gen, val)
        if oc == 'zero':
            # a sum of logs that cancels to 0 (x = [-1, 2], y = [-2, 3, 1]):
            # 0 within the absolute bound, not exactly
            oc = 'finite'
        # A sum of signed log-ratios (the estimate may be near 0): the
        # stated accuracy (the docs of kl_knn) is 3e-15 of the terms' mean
        # size; the bound's absolute part is 1e-14 of it.
        ca = float(mpf('1e-14') * magn)
        out.append(('%s%d%s%03d' % (kind[0], d, 'a' if adaptive else 'f', i), sql, want, oc,
                    None, ca))
    return out


# -------------------------------------------------------------- psi family
PSI_HIST = ('psi', 'psi_agg')
PSI_SAMPLES = ('psi_samples', 'js_samples', 'kl_samples',
               'psi_samples_agg', 'js_samples_agg', 'kl_samples_agg')


def props(counts_or_hist, eps, renorm):
    """Exact proportions (Fractions): h / sum h, zeros replaced by eps (the
    double, exactly), renormalised to sum 1 when renorm."""
    tot = sum((Fraction(c) for c in counts_or_hist), Fraction(0))
    a = [Fraction(c) / tot for c in counts_or_hist]
    a = [t if t != 0 else Fraction(eps) for t in a]
    if renorm:
        s = sum(a, Fraction(0))
        a = [t / s for t in a]
    return a


def div_of(kind, a, b):
    """psi / js / kl of two proportion vectors (Fractions), in mpmath; inf
    for an infinite value."""
    def lg(p, q):
        return log(mpq(p / q))
    if kind == 'psi':
        s = mpf(0)
        for p, q in zip(a, b):
            if p == q:
                continue
            if p == 0 or q == 0:
                return mp.inf
            s += mpq(p - q) * lg(p, q)
        return s
    if kind == 'kl':
        s = mpf(0)
        for p, q in zip(a, b):
            if p == 0:
                continue
            if q == 0:
                return mp.inf
            s += mpq(p) * lg(p, q)
        return s
    s = mpf(0)
    for p, q in zip(a, b):
        mm = (p + q) / 2
        if p:
            s += mpq(p) * lg(p, mm) / 2
        if q:
            s += mpq(q) * lg(q, mm) / 2
    return s


PSI_SPECIAL = [
    ([1.0, 1.0], [1.0, math.nextafter(1.0, 2)]),
    ([1e308, 1.5e308, 5e307], [1.7e308, 1e308, 1e308]),
    ([0.0, 1.0], [1.0, 1.0]),
    ([0.0, 1.0, 1.0], [0.0, 1.0, 1.0]),
    ([5e-324, 1e-323], [1e-323, 5e-324]),
    ([1e9, 1e9 + 1, 1e9], [1e9 + 1, 1e9, 1e9]),
    ([DBL_MAX] * 4, [DBL_MAX, DBL_MAX, DBL_MAX, math.nextafter(DBL_MAX, 0)]),
]


def psi_hist_case(dr, kind):
    r = dr.r
    n = r.choice((1, 2, 3, 5, 8, 10)) if kind != 'long' else 100
    style = r.choice(('subnormal', 'huge', 'mixed', 'plain', 'counts'))

    def hist(st):
        if st == 'subnormal':
            return [dr.mag(-1074, -1023) if r.random() < 0.85 else 0.0 for _ in range(n)]
        if st == 'huge':
            return [dr.mag(1000, 1023) if r.random() < 0.85 else 0.0 for _ in range(n)]
        if st == 'mixed':
            return [0.0 if r.random() < 0.2 else dr.mag() for _ in range(n)]
        if st == 'counts':
            return [float(r.randint(0, 5)) for _ in range(n)]
        return [r.random() * 10 ** r.randint(-3, 3) for _ in range(n)]
    p = hist(style)
    if sum(p) == 0:
        p[0] = 1.0
    if kind == 'same':
        q = list(p) if r.random() < 0.7 else [x * 4 for x in p if True]
        if any(not math.isfinite(x) for x in q):
            q = list(p)
    elif kind == 'near':
        q = [dr.near(x) if x else 0.0 for x in p]
    else:
        q = hist(r.choice(('subnormal', 'huge', 'mixed', 'plain', 'counts')))
        if sum(q) == 0:
            q[-1] = 2.0
    return p, q


# (x, ref, bins, edges): quantiles between neighbours of opposite signs near
# DBL_MAX (numpy's difference overflows: the halves, doubled), cut points
# that collapse, subnormals, values beyond fixed edges.
PSI_SAMPLES_SPECIAL = [
    ([0.0], [-1.5e308, 1.6e308], 2, None),
    ([-1e308, 1e308, 0.0], [-DBL_MAX, -1e308, 1e308, DBL_MAX], 3, None),
    ([-1e308, 1e308, 0.0, 1.0], [-DBL_MAX, -1e308, 1e308, DBL_MAX], None, None),
    ([-DBL_MAX, DBL_MAX], [-DBL_MAX, DBL_MAX, -DBL_MAX, DBL_MAX, 0.0], 7, None),
    ([1.0, 2.0, 2.0], [1.0] * 10 + [2.0], 10, None),
    ([0.0, 5e-324], [5e-324, -5e-324, 0.0], 4, None),
    ([-1e300, 1e300, 0.25], [0.0, 1.0], None, [0.0, 0.5, 1.0]),
    ([float(k) for k in range(50)], [float(k) for k in range(1, 51)], 20, None),
]


def quantile_cuts(ref, bins):
    """numpy's quantiles at i/bins ('linear'), where a difference of
    neighbours overflows the same on halves doubled (the C code's rule,
    numpy gives inf or nan there), duplicates collapsed."""
    import numpy as np
    if bins == 1:
        return []
    s = np.sort(np.array(ref, dtype=float))
    lev = np.arange(1, bins) / bins
    with np.errstate(all='ignore'):
        c = np.quantile(s, lev)
    out = []
    for q, v in zip(lev, c):
        if not math.isfinite(v):
            h = (len(s) - 1) * q
            j = math.floor(h)
            g = h - j
            a, b = float(s[j]) * 0.5, float(s[j + 1]) * 0.5
            dd = b - a
            v = 2.0 * (a + dd * g if g < 0.5 else b - dd * (1.0 - g))
        out.append(float(v))
    return sorted(set(out))


def bin_counts(cuts, xs):
    import bisect
    c = [0] * (len(cuts) + 1)
    for x in xs:
        c[bisect.bisect_right(cuts, x)] += 1
    return c


def psi_samples_case(dr, kind):
    r = dr.r
    if kind == 'long':
        n, m = r.randint(100, 300), r.randint(100, 300)
    else:
        n, m = r.choice((1, 2, 3, 5, 8, 13, 20, 40)), r.choice((1, 2, 3, 5, 8, 13, 20, 40))
    style = r.choice(STYLES)
    ref = dr.values(m, style)
    if kind == 'same':
        x = list(ref)
        r.shuffle(x)
    elif kind == 'near':
        x = list(ref)
        j = r.randrange(m)
        x[j] = dr.near(x[j]) if x[j] else dr.signed(-1074, -1070)
    elif kind == 'dup':
        x = [r.choice(ref) for _ in range(n)]
    else:
        x = dr.values(n, style if r.random() < 0.6 else r.choice(STYLES))
    return x, ref


def psi_cases(gen, name):
    dr = Draw(name)
    r = dr.r
    agg = name.endswith('_agg')
    base = name[:-4] if agg else name
    div = 'psi' if base.startswith('psi') else base[:2]
    out = []
    kinds = (['wide'] * 8 + ['near'] * 3 + ['same', 'dup'] * 2)
    kinds = [kinds[i % len(kinds)] for i in range(CASES - 2)] + ['long'] * 2
    for i, kind in enumerate(kinds):
        opts = []
        eps = 1e-4
        ro = r.random()
        if ro < 0.15:
            eps = 0.0
        elif ro < 0.4:
            eps = r.choice((1e-3, 1e-6, 0.5, 1.0, 1e-300, dr.mag(-1074, -1)))
        if eps != 1e-4 or r.random() < 0.1:
            opts.append('epsilon=%s' % num(eps))
        unit = r.choice(('nats', 'nats', 'bits', 'bans', None))
        if unit:
            opts.append('unit=%s' % unit)
        if base == 'psi':
            p, q = psi_hist_case(dr, kind)
            if i < len(PSI_SPECIAL):
                kind = 'x'
                p, q = PSI_SPECIAL[i]
            a, b = props(p, eps, False), props(q, eps, False)
            args = (p, q)
        else:
            x, ref = psi_samples_case(dr, kind)
            edges = None
            bins = None
            if r.random() < 0.3:
                # fixed edges: a few strictly increasing values around the data
                pool = sorted(set(dr.values(r.randint(2, 6), r.choice(STYLES)) + x[:2]))
                if len(pool) >= 2:
                    edges = pool
            if edges is None and r.random() < 0.7:
                bins = r.choice((1, 2, 3, 4, 5, 10, 20))
            if i < len(PSI_SAMPLES_SPECIAL):
                kind = 'x'
                x, ref, bins, edges = PSI_SAMPLES_SPECIAL[i]
            cuts = edges[1:-1] if edges else quantile_cuts(ref, bins or 10)
            cp, cq = bin_counts(cuts, x), bin_counts(cuts, ref)
            renorm = div != 'psi'
            a, b = props(cp, eps, renorm), props(cq, eps, renorm)
            args = (x, ref)
            if edges:
                opts.append('edges=[%s]' % ','.join(num(e) for e in edges))
            if bins:
                opts.append('bins=%d' % bins)
        with mp.workdps(60):
            val = div_of(div, a, b)
            if unit in ('bits', 'bans') and val != mp.inf:
                val /= log(UNITS[unit])
            want, oc = want_of(gen, val)
        r.shuffle(opts)
        if len(opts) == 1 and r.random() < 0.5 and (
                opts[0].startswith('epsilon=') and base == 'psi' or opts[0].startswith('bins=')):
            oarg = opts[0].split('=', 1)[1]          # the shorthand: a number
        elif len(opts) == 1 and opts[0].startswith('edges=') and r.random() < 0.5:
            oarg = sq(opts[0].split('=', 1)[1])      # a text starting with '['
        elif opts:
            oarg = sq(', '.join(opts))
        else:
            oarg = None
        tail = (', ' + oarg) if oarg else ''
        if agg and base == 'psi':
            # rows of chunks (1 to 3 bins) of p and q, as kl_div_agg's rows
            rows = []
            j = 0
            while j < len(args[0]):
                c = r.choice((1, 1, 2, 3))
                pc, qc = args[0][j:j + c], args[1][j:j + c]
                if len(pc) == 1 and r.random() < 0.5:
                    rows.append('(%s,%s)' % (sq(num(pc[0])), sq(num(qc[0]))))
                else:
                    rows.append('(%s,%s)' % (vec_sql(pc), vec_sql(qc)))
                j += c
            sql = '(SELECT %s(column1, column2%s) FROM (VALUES %s))' % (name, tail, ','.join(rows))
        elif agg:
            sql = rows_sql(name, [args[0], args[1]], tail=tail)
        else:
            blob = r.random() < 0.25
            sql = '%s(%s, %s%s)' % (name, vec_sql(args[0], blob), vec_sql(args[1], blob), tail)
        out.append(('%s%03d' % (kind[0], i), sql, want, oc, None, None))
    return out


FNS = TRANSPORT + KS + DENT + KNN + PSI_HIST + PSI_SAMPLES


def cases(gen, name):
    """The grid rows (cid, sql, want literal, outcome, case_bound, case_abs)
    of one function over raw samples."""
    if name in TRANSPORT:
        return transport_cases(gen, name)
    if name in KS:
        return ks_cases(gen, name)
    if name in DENT:
        return de_cases(gen, name)
    if name in KNN:
        return knn_cases(gen, name)
    if name in PSI_HIST or name in PSI_SAMPLES:
        return psi_cases(gen, name)
    raise KeyError(name)
