#!/usr/bin/python3
"""Writes tests/data/family_edges_ref.sql: reference values for the family
functions at the edges of the double range (huge and tiny parameters,
subnormals, widths and differences that overflow, nearly equal and
identical arguments), read by tests/family_edges.sql.

Every expected value is the textbook formula (tests/refmath.py) evaluated
by mpmath from the exact double inputs, at a precision raised until two
evaluations agree to 30 digits (the inputs' sums and differences exact),
rounded to the nearest double, +Inf beyond DBL_MAX.

    /usr/bin/python3 tests/gen_family_edges.py

Needs Debian's python3-mpmath.  tests/stress_families.py uses the same
reference for its random stress.
"""
import json
import math
import sys

from mpmath import mp, mpf, log, exp, sqrt, inf

sys.path.insert(0, 'tests')
import refmath as R
from refgen import real, scalar_lit, write_counted_table


# ------------------------------------------------------------ references
def hellinger(m1, s1, m2, s2):
    return sqrt(1 - exp(-R.t_bhatt(m1, s1, m2, s2)))


def w2(m1, s1, m2, s2):
    return sqrt((m1 - m2) ** 2 + (s1 - s2) ** 2)


def binom(n, p, q):
    return n * R.bern(p, q) if n > 0 else mpf(0)


def expo(a, b):
    return log(a / b) + b / a - 1


def halfnormal(s1, s2):
    return R.normal(0, s1, 0, s2)


def gumbel(m1, b1, m2, b2):
    # refmath's gumbel, with its exp() not asked for a number with an
    # astronomically large exponent (the KL is +Inf long before)
    r = b1 / b2
    z = (m2 - m1) / b2 + mp.loggamma(1 + r)
    if z > 1e6:
        return inf
    return -log(r) + (m1 - m2) / b2 + mp.euler * r + exp(z) - 1 - mp.euler


def logvar(m1, l1, m2, l2):
    # the KL grows as e^(l1-l2) and (m1-m2)^2 e^-l2: beyond e^1e6 it is far
    # past DBL_MAX (and mpmath need not form the number)
    if l1 - l2 > 1e6 or (m1 != m2 and 2 * log(abs(m1 - m2)) - l2 > 1e6):
        return inf
    return R.t_logvar(m1, l1, m2, l2)


REF = {
    'kl_gauss': R.kl_sd,
    'kl_gauss_var': R.t_var,
    'kl_gauss_logvar': logvar,
    'kl_gauss_sym': R.t_sym,
    'bhattacharyya_gauss': R.t_bhatt,
    'hellinger_gauss': hellinger,
    'w2_gauss': w2,
    'kl_lognormal': R.normal,
    'kl_halfnormal': halfnormal,
    'kl_bernoulli': R.bern,
    'kl_binomial': binom,
    'kl_geometric': R.geom,
    'kl_poisson': R.poisson,
    'kl_exponential': expo,
    'kl_gamma': R.gamma_kl,
    'kl_beta': R.beta_kl,
    'kl_laplace': R.laplace,
    'kl_cauchy': R.cauchy,
    'kl_gumbel': gumbel,
    'kl_pareto': R.pareto,
    'kl_uniform': R.uniform,
}


def flat(x):
    out = []
    for a in x:
        if isinstance(a, list):
            out += flat(a)
        else:
            out.append(a)
    return out


def mvn(mu1, c1, mu2, c2):
    """kl_mvn's arguments: a plain number is a 1-vector or a 1x1 variance."""
    d = len(c1) if isinstance(c1, list) else 1
    vec = lambda m: m if isinstance(m, list) else [m] * d
    mat = lambda c: c if isinstance(c, list) else [[c]]
    return R.mvn_kl(vec(mu1), mat(c1), vec(mu2), mat(c2))


def lit(a):
    """An argument as JSON text, read by the extension's own correctly
    rounded parser (the sqlite3 shell's may differ in the last bit, which
    moves ill-conditioned cases such as near-equal subnormals)."""
    if isinstance(a, list):
        return "'" + json.dumps(a) + "'"
    return scalar_lit(a)


def reference(fn, x):
    """The value of fn at the doubles x, by mpmath, exactly 0 for identical
    distributions."""
    shared = 1 if fn == 'kl_binomial' else 0
    half = (len(x) - shared) // 2
    if fn != 'kl_dirichlet' and x[shared:shared + half] == x[shared + half:]:
        return mpf(0)
    if fn == 'kl_dirichlet' and x[0] == x[1]:
        return mpf(0)
    # enough digits that sums and differences of the inputs are exact
    nz = [abs(t) for t in flat(x) if t != 0]
    span = int(math.log10(max(nz)) - math.log10(min(nz))) + 20 if nz else 0
    prev = v = None
    for dps in (span + 50, span + 120, span + 300, span + 700, span + 1500):
        with mp.workdps(dps):
            if fn == 'kl_dirichlet':
                v = R.dirichlet([mpf(t) for t in x[0]], [mpf(t) for t in x[1]])
            elif fn == 'kl_mvn':
                v = mvn(*x)
            elif fn == 'hellinger_gauss' and any(isinstance(a, list) for a in x):
                v = R.hellinger(x)   # over the components, numbers broadcast
            else:
                v = REF[fn](*[mpf(t) for t in x])
        if prev is not None and v != 0 and (
                v == prev or abs(v - prev) <= abs(v) * mpf(10) ** -30):
            return v
        prev = v
    if abs(v) < mpf(2) ** -1080:
        return mpf(0)   # below half the least subnormal: a double 0
    raise RuntimeError('reference did not settle: %s %r' % (fn, x))


def as_double(v):
    try:
        return float(v)
    except OverflowError:
        return math.inf


# ------------------------------------------------------------ the cases
CASES = [
    # Gamma: lnGamma's Bregman divergence at huge shapes (the Binet series'
    # x^-m underflowed while e^(m ln(x/y)) overflowed: 0 * Inf), products
    # of the parameters beyond the range (1e-200 * 1e-200 = 0: 0/0)
    ('kl_gamma', 'huge-shape1', [1e22, 1.0, 10.0, 1.0]),
    ('kl_gamma', 'tiny-all', [1e-200, 1e-200, 1e-200, 1e-200]),
    ('kl_gamma', 'tiny-near', [1e-200, 1e-200, 1e-200 * (1 + 1e-9), 1e-200]),
    ('kl_gamma', 'shape1e15', [1e15, 3.0, 7.0, 2.0]),
    ('kl_gamma', 'shape1e40', [1e40, 1.0, 1e-3, 1e5]),
    ('kl_gamma', 'shape1e40-near', [1e40, 1e-30, 1e40 * (1 + 1e-12), 1e-30]),
    ('kl_gamma', 'shape2e300', [1.5, 2.0, 1e300, 1e-8]),
    ('kl_gamma', 'products-over', [2.1040442648603675e+238, 8.09456484365225e+196,
                                   2.104044264860329e+238, 8.09456484365213e+196]),
    ('kl_gamma', 'products-under', [3.3453731565293305e-142, 4.652795033146314e-259,
                                    3.345373093515948e-142, 4.652796831168177e-259]),
    ('kl_gamma', 'subnormal-shape', [1e-310, 1.0, 3e-310, 1.0]),
    ('kl_gamma', 'subnormal-shape2', [1e-300, 2.0, 5e-324, 1.0]),
    ('kl_gamma', 'subnormal-rate', [2.064059404129594e-122, 2.3496e-318,
                                    2.064059404129594e-122 * (1 + 1e-6), 2.3496e-318]),
    ('kl_gamma', 'ratio-over', [1e-300, 1.0, 1e10, 1.0]),
    ('kl_gamma', 'huge-rel', [1.0253265490722897e+147, 7.681358402892057e+244,
                              2.614636615398596e+133, 1.5838940676579764e-260]),
    ('kl_gamma', 'max', [1.7976931348623157e308, 1.0, 1.0, 1.7976931348623157e308]),
    ('kl_gamma', 'max-shape-tiny-rate', [1.7976931348623157e308, 5e-324, 1.0, 1.0]),
    ('kl_gamma', 'tiny-shape-max-rate', [5e-324, 1.7976931348623157e308, 1.0, 1.0]),
    # Uniform: the ratio of the widths (or a width) beyond DBL_MAX
    ('kl_uniform', 'width2-over', [0.0, 1.0, -1e308, 1e308]),
    ('kl_uniform', 'ratio-over', [0.0, 1e-300, -1e300, 1e300]),
    ('kl_uniform', 'subnormal-width', [5e-324, 1e-323, -1.7976931348623157e308,
                                       1.7976931348623157e308]),
    ('kl_uniform', 'both-over', [-1.7e308, 1.7e308, -1.7976931348623157e308,
                                 1.7976931348623157e308]),
    ('kl_uniform', 'tiny-in-huge', [-6.97638774e-315, 4.5958775089320655e-229,
                                    -1.0048642342745801e+269, 4.5958775089320655e-229]),
    ('kl_uniform', 'tiny-widths', [1e-300, 2e-300, 1e-300, 5e-300]),
    ('kl_uniform', 'same-max', [-1.7976931348623157e308, 1.7976931348623157e308,
                                -1.7976931348623157e308, 1.7976931348623157e308]),
    # Gaussian, log-variances: e^delta (1 + dl) with the two-sum's dl no
    # longer small (delta beyond 2^53) gave -Inf and NaN
    ('kl_gauss_logvar', 'huge-delta', [0.1, 1e200, 1e8, 2.0]),
    ('kl_gauss_logvar', 'delta-1e16', [0.0, 1e16, 0.0, 1.0]),
    ('kl_gauss_logvar', 'delta-4e234', [-1267.0172334497856, 4.0007079907998205e+234,
                                        1080.9155411332686, 46.19627032487415]),
    ('kl_gauss_logvar', 'neg-delta-1e16', [0.0, -1e16, 0.0, 1.0]),
    ('kl_gauss_logvar', 'neg-delta-over', [0.0, -1e308, 0.0, 1e308]),
    ('kl_gauss_logvar', 'neg-delta-max', [0.0, -1.7976931348623157e308, 0.0,
                                          1.7976931348623157e308]),
    ('kl_gauss_logvar', 'mean-over', [1e308, 0.0, -1e308, 1e308]),
    ('kl_gauss_logvar', 'mean-huge', [7.165516111845858e+164, -230.08658591341646,
                                      -1295.9433854327376, -3.745634508422979e+208]),
    ('kl_gauss_logvar', 'near-1500', [0.0, 1400.0, 0.0, -5.0]),
    ('kl_gauss_logvar', 'delta-708', [0.0, 705.0, 0.0, -3.0]),
    # Gumbel: lnGamma(1 + r) beyond DBL_MAX, (m1-m2)/b2 beyond DBL_MAX
    ('kl_gumbel', 'scale-ratio-1e308', [0.0, 1e308, 2.0, 1.0]),
    ('kl_gumbel', 'scale-ratio-1e300', [0.0, 1e300, 0.0, 1.0]),
    ('kl_gumbel', 'loc-gap-over', [-1e308, 1.0, 1e308, 1.0]),
    ('kl_gumbel', 'loc-gap-over-2', [1e308, 1.0, -1e308, 1.0]),
    ('kl_gumbel', 'loc-ratio-over', [-1.9759075159264777e+123, 8.354400065290805e-243,
                                     -1.9759075159264542e+123, 8.354400065290822e-243]),
    ('kl_gumbel', 'loc-ratio-over-2', [-2.127201992049461e+225, 3.04372350242313e-174,
                                       -3.5962914577829666e-158, 4.36732732825757e-301]),
    ('kl_gumbel', 'large-finite', [0.0, 100.0, 0.0, 1.0]),
    ('kl_gumbel', 'subnormal-scales', [0.0, 5e-324, 1e-323, 1e-323]),
    # kl_mvn: one power of four for both matrices made 1e-300 next to 1e300
    # underflow (a false "not positive definite"), and 1e-320 overflow
    ('kl_mvn', 'var-1e-300-1e300', [0.0, [[1e-300]], 0.0, [[1e300]]]),
    ('kl_mvn', 'diag-1e-30-1e300', [0.0, [[1e-30, 0.0], [0.0, 1e300]], 0.0,
                                    [[1.0, 0.0], [0.0, 1.0]]]),
    ('kl_mvn', 'subnormal-var', [1.0, 1e-320, 0.0, 1e-320]),
    ('kl_mvn', 'subnormal-var-same-mean', [1e308, 1e-320, 1e308, 1e-320]),
    ('kl_mvn', 'mean-gap-over', [1e308, 1.0, -1e308, 1.0]),
    ('kl_mvn', 'corr-tiny-huge', [[0.0, 0.0], [[1e-300, 0.5e-300], [0.5e-300, 1e-300]], 0.0,
                                  [[1e300, 0.0], [0.0, 1e300]]]),
    ('kl_mvn', 'mixed-scales', [[1.0, -2.0, 1e150], [[1e-200, 1e-60, 0.0], [1e-60, 1e100, 1e120],
                                                     [0.0, 1e120, 1e200]],
                                [0.0, 1.0, 0.0], [[2e-200, 0.0, 0.0], [0.0, 3e100, 0.0],
                                                  [0.0, 0.0, 5e200]]]),
    # kl_mvn: variance ratios beyond 2^2040, where even the geometric mean
    # of the two scales left one matrix out of range (Inf for finite truths)
    ('kl_mvn', 'var-1e-320-1e300', [0.0, [[1e-320]], 0.0, [[1e300]]]),
    ('kl_mvn', 'var-least-most', [0.0, [[5e-324]], 1.0, [[1.7976931348623157e308]]]),
    ('kl_mvn', 'diag-1e-320-1e300', [[0.0, 1.0], [[1e-320, 0.0], [0.0, 1.0]], [0.0, 0.5],
                                     [[1e300, 0.0], [0.0, 2.0]]]),
    ('kl_mvn', 'corr-1e-320-1e300', [[0.0, 0.0], [[1e-320, 1e-321], [1e-321, 1e-320]],
                                     [0.0, 1e150], [[1e300, -3e299], [-3e299, 1e300]]]),
    ('kl_mvn', 'mixed-ratio-over', [[0.0, 0.0, 0.0], [[4e-322, 0.0, 0.0], [0.0, 1.0, 0.5],
                                                      [0.0, 0.5, 1e300]],
                                    [0.0, 0.0, 0.0], [[1e300, 1e-10, 0.0], [1e-10, 1.0, 0.0],
                                                      [0.0, 0.0, 1e-300]]]),
    ('kl_mvn', 'ratio-over-inf', [0.0, [[1e300]], 0.0, [[1e-320]]]),
    ('kl_mvn', 'same-extreme', [[1e308, -1e-300], [[1e-300, 0.0], [0.0, 1e300]],
                                [1e308, -1e-300], [[1e-300, 0.0], [0.0, 1e300]]]),
    # Hellinger: sqrt(1 - e^-B) of a Bhattacharyya distance B that
    # underflows, where sqrt(B) is far inside the range
    ('hellinger_gauss', 'b-underflows', [1e8, 1.7e308, -1.0, 1.7e308]),
    ('hellinger_gauss', 'b-underflows-2', [6.563791347676341e-137, 6.5731959080542605e+137,
                                           6.563781012275034e-137, 6.5731959080542605e+137]),
    ('hellinger_gauss', 'sd-near', [0.0, 1.0, 0.0, 1.0 + 2 ** -52]),
    ('hellinger_gauss', 'mean-1e-160', [0.0, 1.0, 1e-160, 1.0]),
    ('hellinger_gauss', 'vector-tiny', [[0.0, 0.0], 1.0, [0.0, 1e-200], 1.0]),
    # Geometric: relent(p1, p2) / p1 formed before the division underflowed
    # into the subnormals (1e-9 relative error)
    ('kl_geometric', 'tiny-near', [3.327908724886667e-290, 3.327908724887605e-290]),
    ('kl_geometric', 'subnormal', [5e-320, 4e-320]),
    ('kl_geometric', 'one-half', [1.0, 0.5]),
    # Binomial: relent(p1, p2) underflowed before n multiplied it
    ('kl_binomial', 'n2^53-subnormal', [9007199254740992.0, 1.0533e-320, 1.053e-320]),
    ('kl_binomial', 'n2^53-tiny', [9007199254740992.0, 3.162449365130597e-298,
                                   3.1624500787066148e-298]),
    # Beta, Dirichlet: identical arguments are 0 also where the parts
    # cannot be formed
    ('kl_beta', 'same-extreme', [3.03445095e-316, 6.645227002922585e-133,
                                 3.03445095e-316, 6.645227002922585e-133]),
    ('kl_dirichlet', 'same-extreme', [[3.03445095e-316, 6.645227002922585e-133, 1e300],
                                      [3.03445095e-316, 6.645227002922585e-133, 1e300]]),
]


def main():
    rows = []
    for fn, cid, args in CASES:
        want = reference(fn, args)
        rows.append(["'%s'" % fn, "'%s'" % cid] + [lit(a) for a in args]
                    + ['NULL'] * (4 - len(args)) + [real(as_double(want))])
    with open('tests/data/family_edges_ref.sql', 'w') as out:
        out.write('-- Generated by tests/gen_family_edges.py (mpmath, raised until '
                  'settled). Do not edit.\n')
        write_counted_table(out, 'edge_ref', 'fn TEXT, id TEXT, a1, a2, a3, a4, want REAL, '
                            'PRIMARY KEY(fn, id)', rows)
    print('wrote %d cases' % len(rows))


if __name__ == '__main__':
    main()
