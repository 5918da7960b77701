#!/usr/bin/python3
"""Writes tests/discrete_edges.sql: the discrete divergences (kl_div, js_div,
js_dist, cross_entropy, entropy, their _agg aggregates) and kl_div_logits at
the edges of the double range, against mpmath.

Totals anywhere from the smallest subnormal (5e-324) to beyond DBL_MAX
(a vector of 1e308s), bins of mixed magnitudes, and logits near +-DBL_MAX.
The references are computed at 2400 bits, where every sum and difference
of doubles is exact (doubles span 2^-1074 .. 2^1024), from the exact double
inputs; a value beyond the double range is +Inf.  Run from the repository
root:

    /usr/bin/python3 tests/gen_discrete_edges.py

Needs Debian's python3-mpmath.
"""
import math
import sys

from mpmath import mp, mpf

sys.path.insert(0, 'tests')
from refmath import stream_bound  # noqa: E402

mp.prec = 2400
INF = float('inf')
OUT = 'tests/discrete_edges.sql'


# ------------------------------------------------------------ references
def norm(v):
    s = sum(mpf(x) for x in v)
    return [mpf(x) / s for x in v]


def kl(p, q):
    t = mpf(0)
    for x, y in zip(norm(p), norm(q)):
        if x == 0:
            continue
        if y == 0:
            return mpf('inf')
        t += x * mp.log(x / y)
    return t


def js(p, q):
    t = mpf(0)
    for x, y in zip(norm(p), norm(q)):
        m = (x + y) / 2
        if x:
            t += x * mp.log(x / m) / 2
        if y:
            t += y * mp.log(y / m) / 2
    return t


def xent(p, q):
    t = mpf(0)
    for x, y in zip(norm(p), norm(q)):
        if x == 0:
            continue
        if y == 0:
            return mpf('inf')
        t -= x * mp.log(y)
    return t


def lse(v):
    """log sum exp over the finite entries; a term below e^-100000 of the
    largest is dropped (it moves nothing at 2400 bits)."""
    fin = [mpf(x) for x in v if x != -INF]
    m = max(fin)
    return m + mp.log(sum(mp.exp(x - m) for x in fin if x - m > -100000))


def logit_kl(a, b):
    """KL(softmax(a) || softmax(b)) = sum pa (la - lb), la = a - LSE(a).
    +Inf where b = -Inf and a is finite, however small e^la is; otherwise
    a bin with pa < e^-100000 adds pa (la - lb) < e^-100000 * 4e308: 0."""
    if any(x != -INF and y == -INF for x, y in zip(a, b)):
        return mpf('inf')
    la0, lb0 = lse(a), lse(b)
    t = mpf(0)
    for x, y in zip(a, b):
        if x == -INF:
            continue
        la = mpf(x) - la0
        if la < -100000:
            continue
        t += mp.exp(la) * (la - (mpf(y) - lb0))
    return t


def dbl(v):
    """The nearest double, +Inf beyond the range."""
    try:
        return float(v)
    except OverflowError:
        return INF


def want(v):
    v = dbl(v)
    if v == INF:
        return '9e999'
    if v == 0.0:
        return '0.0'
    return repr(v)


def agg_tol(kind, p, q, v):
    """The aggregates' tolerance: js_div_agg keeps its bins (tol); the
    streaming ones (src/core/stream.h) add 2^-99 M / v to the relative
    bound, M the magnitudes that cancel in the result."""
    if kind == 'js':
        return tol(v)
    b = stream_bound(kind, p, q, v)
    if b is None:
        return tol(v)
    return tol(v, min(max(b, 1e-14), 1e300))


def tol(v, rtol=1e-14):
    """rtol, or for a subnormal truth (absolute accuracy only: its own
    last bits are 2^-1074) an absolute error of 1e-320."""
    v = dbl(v)
    if 0 < v < 2.0**-1022:
        return '%.3g' % max(rtol, 1e-320 / v)
    return '%g' % rtol


# ------------------------------------------------------------ the cases
def main():
    def jlit(v):
        return "'[" + ','.join(repr(float(x)) for x in v) + "]'"


    # json_array(exp(-740), exp(-741)) as SQLite builds it: exp() gives the
    # subnormal doubles 85 and 31 times 2^-1074 (math.exp is the same libm
    # exp), which json_array prints to 15 digits and the extension reads back
    # to the same doubles (checked below by kl_div(.., '[85,31]') = 0).
    E740, E741 = math.exp(-740), math.exp(-741)
    assert E740 == 85 * 2.0**-1074 and E741 == 31 * 2.0**-1074
    assert float('%.15g' % E740) == E740 and float('%.15g' % E741) == E741
    EXP_SQL = 'json_array(exp(-740),exp(-741))'
    MAXD = sys.float_info.max
    TINY = 5e-324

    # (id, p as SQL, p values, q as SQL, q values)
    pairs = []


    def pair(case_id, p, q, psql=None, qsql=None):
        pairs.append((case_id, psql or jlit(p), p, qsql or jlit(q), q))


    # subnormal totals
    pair('sub.exp', [E740, E741], [1, 1], psql=EXP_SQL, qsql="'[1,1]'")
    pair('sub.exp-q', [1, 1], [E740, E741], psql="'[1,1]'", qsql=EXP_SQL)
    pair('sub.exp-both', [E740, E741], [E741, E740], psql=EXP_SQL,
         qsql="json_array(exp(-741),exp(-740))")
    pair('sub.min', [TINY], [1e200])
    pair('sub.vec', [TINY, 2 * TINY, 3 * TINY], [3, 2, 1])
    pair('sub.vec-q', [1, 2, 3], [8 * TINY, 20 * TINY, 50 * TINY])
    pair('sub.near', [1000 * TINY, 1001 * TINY], [1000, 1000])
    pair('sub.zero-bin', [0, TINY], [1, 1])
    pair('sub.normal-edge', [2.0**-1022, 2.0**-1023 + TINY], [1e-300, 3e-300])
    # totals beyond the double range
    pair('huge.kl', [1e308, 1e308], [1, 3])
    pair('huge.max', [MAXD, MAXD, 1e308], [1e308, 1.7e308, 1.7e308])
    pair('huge.equal', [1e308, 1e308], [1, 1])
    pair('huge.near', [1e308, 1e308], [1e308, 1.0000000000001e308])
    pair('huge.tiny-bin', [1e308, 1e308, 1e-300], [1, 1, 1e-300])
    pair('huge.vs-sub', [1e308, 1e308, TINY], [TINY, 2 * TINY, 3 * TINY])
    pair('huge.sub-bins', [MAXD, 1e-320, 1e-310, 1], [1, 1e-320, 1e-310, MAXD])
    # mixed magnitudes and zeros inside one vector
    pair('mixed.a', [1e-320, 1e300, 1], [1e-300, 1e300, 1e-310])
    pair('mixed.b', [1e-320, 1e300], [1e300, 1e-320])
    pair('mixed.c', [1e300, 1e-320, 0, 2], [1e300, 2e-320, 1e-5, 0.5])
    pair('mixed.d', [1, 1e-300, 1e-310], [1, 2e-300, 3e-310])
    pair('mixed.inf-tiny', [1e300, 1e-320], [1, 0])
    pair('mixed.inf-huge', [1e308, 1e308, 5e-324], [1e308, 1e308, 0])
    pair('mixed.q-zero-p-zero', [0, 1e-320, 1e300], [1e-5, 0, 1])
    # found by tests/stress_discrete_edges.py: js_dist with a subnormal total
    # (its rescaling once stopped at 2^973), a/b taken from a subnormal b
    pair('stress.jsd-sub-total', [TINY, 0.0], [1.7985556919371125e+291, 1.44875e-319])
    pair('stress.kl-sub-b', [0.050658859392483685, 5.303822163007479e+283,
                             9.83459e-318, 0.0006704726898717859,
                             8.581080432579642e-05],
         [0.0001249707055240196, 1e+308, 1083218.274702066,
          1.147284444429654e-07, 4.101352058941376e-306])
    pair('stress.kl-sub-b2', [7.375791163916602e-09, 1.8874265355112162e+290,
                              3.6204659e-316],
         [1.3098361684458e-310, 59367.57062480485, 4e-323])

    # found by fuzz_diff: js_div where a << b in a bin (1 + x with x near
    # -1 lost the digits of a ln(2a/(a+b))): 1.04e-14
    pair('fuzz.js-far-bins', [7.291120267636674e-304, 3.47667790458785e-310, 1.186e-321],
         [4.17239544556233e-309, 6.63123685e-316, 2.1739748122404e-311])
    # found by fuzz_diff: two-bin distributions 1e-30 apart (x z - y^2
    # cancels to 2^-100 of the products, beyond the double-double cross
    # difference: 2.4e-3 off); the same scaled to 1, over 1000 bins (the
    # vectorised kernel's path), and with a total of three doubles
    X, Y, Z = 1.9285913724732348e-168, 1.9285913724732417e-168, 1.9285913724732485e-168
    pair('fuzz.near-1e-30', [X, Y], [Y, Z])
    S = 2.0**557
    pair('near.1e-30-scaled', [X * S, Y * S], [Y * S, Z * S])
    pair('near.1e-30-1000', [X * S, Y * S] * 500, [Y * S, Z * S] * 500)
    pair('near.1e-30-wide-total', [X * S, Y * S, 2.0**-60, 2.0**-130],
         [Y * S, Z * S, 2.0**-60, 2.0**-130])
    # js_dist below 1e-316: js_div near 1e-633 (bins of 5e-324 under totals of
    # 1e308), once 0 for lack of scale
    pair('jsd.sub-result', [1e308, TINY], [1e308, 2 * TINY])
    pair('jsd.sub-result-zero', [1e308, TINY], [1e308, 0.0])
    pair('jsd.sub-result-max', [MAXD, 3 * TINY, TINY], [MAXD, TINY, 3 * TINY])
    pair('jsd.sub-near', [1e300, 1e-300], [1e300, 1.0000001e-300])

    lines = [
        "-- Generated by tests/gen_discrete_edges.py: do not edit.  The discrete",
        "-- divergences and kl_div_logits at the edges of the double range, against",
        "-- mpmath at 2400 bits from the exact double inputs.",
        "",
        "-- The doubles of json_array(exp(-740),exp(-741)) are 85 and 31 times",
        "-- 2^-1074, which the references use: p = [85,31] is then q exactly.",
        "SELECT expect('sub.exp.doubles', kl_div(%s, '[85,31]'), 0.0);" % EXP_SQL,
        "-- One-bin distributions: 0 whatever the total (hand).",
        "SELECT expect('sub.one-bin.kl', kl_div(5e-324, 1e200), 0.0);",
        "SELECT expect('sub.one-bin.entropy', entropy(5e-324), 0.0);",
        # DBL_MAX as text: SQLite's literal parser misrounds it to Inf under
        # valgrind (the extension's own parser does not)
        "SELECT expect('sub.one-bin.js', js_div(5e-324, '1.7976931348623157e308'), 0.0);",
        "SELECT expect('sub.one-bin.xent', cross_entropy(1e308, 5e-324), 0.0);",
        "",
    ]

    FUNCS = [('kl', 'kl_div', kl), ('js', 'js_div', js),
             ('jsd', 'js_dist', lambda p, q: mp.sqrt(js(p, q))),
             ('xent', 'cross_entropy', xent)]
    AGGS = [('kl', 'kl_div_agg', kl), ('js', 'js_div_agg', js),
            ('xent', 'cross_entropy_agg', xent)]


    def rows_sql(p, q):
        """One bin per row, each a plain number as JSON text (read by the
        extension's correctly rounded parser)."""
        if len(p) > 400:
            # beyond SQLite's compound SELECT limit: rows from json_each
            # (SQLite's own parser: normal doubles only)
            assert all(2.0**-1022 < x < 1e300 for x in p + q)
            return ("SELECT a.value p, b.value q FROM json_each(%s) a "
                    "JOIN json_each(%s) b USING(key)" % (jlit(p), jlit(q)))
        return ' UNION ALL '.join("SELECT '%r' p, '%r' q" % (float(x), float(y))
                                  for x, y in zip(p, q))


    SUBNORMAL = 2.0**-1022

    for case_id, psql, p, qsql, q in pairs:
        lines.append('-- %s: p = %s, q = %s' % (case_id, p, q))
        for short, fn, ref in FUNCS:
            v = dbl(ref(p, q))
            lines.append("SELECT expect('%s.%s', %s(%s, %s), %s, %s);"
                         % (case_id, short, fn, psql, qsql, want(v), tol(v)))
        lines.append("SELECT expect('%s.h', entropy(%s), %s, %s);"
                     % (case_id, psql, want(xent(p, p)), tol(xent(p, p))))
        lines.append("SELECT expect('%s.h-q', entropy(%s), %s, %s);"
                     % (case_id, qsql, want(xent(q, q)), tol(xent(q, q))))
        rows = rows_sql(p, q)
        for short, fn, ref in AGGS:
            v = ref(p, q)
            lines.append("SELECT expect('%s.agg-%s', (SELECT %s(p, q) FROM (%s)), %s, %s);"
                         % (case_id, short, fn, rows, want(v), agg_tol(short, p, q, v)))
        v = xent(p, p)
        lines.append("SELECT expect('%s.agg-h', (SELECT entropy_agg(p) FROM (%s)), %s, %s);"
                     % (case_id, rows, want(v), agg_tol('h', p, p, v)))
        lines.append('')

    # the aggregates as window functions over a subnormal and a huge histogram
    lines += [
        "-- Sliding windows of two rows over bins whose totals are subnormal, then",
        "-- beyond DBL_MAX: each frame against its reference.",
        "CREATE TEMP TABLE edge_rows(i INTEGER PRIMARY KEY, p, q);",
    ]
    wrows = [(1, TINY, 1.0), (2, 3 * TINY, 1.0), (3, 1e308, 2.0), (4, MAXD, 1.0),
             (5, 1e-300, 1e-300)]
    lines.append("INSERT INTO edge_rows VALUES %s;" % ', '.join(
        "(%d, '%r', '%r')" % r for r in wrows))
    for i in range(1, len(wrows) + 1):
        fr = [r for r in wrows if i - 1 <= r[0] <= i]
        p = [r[1] for r in fr]
        q = [r[2] for r in fr]
        lines.append(
            "SELECT expect('window.%d', (SELECT k FROM (SELECT i, kl_div_agg(p, q) OVER "
            "(ORDER BY i ROWS 1 PRECEDING) k FROM edge_rows) WHERE i = %d), %s, %s);"
            % (i, i, want(kl(p, q)), agg_tol('kl', p, q, kl(p, q))))
    lines.append('')

    # logits near +-DBL_MAX
    logits = [
        ('logits.opposite', [1e308, -1e308], [-1e308, 1e308]),
        ('logits.one-bin', [-1e308], [1e308]),
        ('logits.half', [0, 0], [1e308, -1e308]),
        ('logits.ln2', [-1e308, 1e308], [1e308, 1e308]),
        ('logits.huge-finite', [1e308, 1e308], [1e308, -1e308]),
        ('logits.moderate-mass', [-1e308, 5, 6], [1e308, 5, 7]),
        ('logits.same', [1e308, -1e308, 3], [1e308, -1e308, 3]),
        ('logits.max', [MAXD, 0], [0, -MAXD]),
        ('logits.max-opposite', [MAXD, -MAXD], [-MAXD, MAXD]),
        ('logits.tiny-mass', [0, -700], [0, -MAXD]),
        ('logits.tiny-mass-inf', [0, -700], [MAXD, -MAXD]),
        ('logits.spread', [1e308, 1e308, -5e307], [1e308 - 2.0**970, 1e308, 5e307]),
        ('logits.neginf', [-INF, 1e308, -1e308], [0, -1e308, 1e308]),
        # found by tests/stress_discrete_edges.py: the shift a_k - b_k
        # rounded (6e15 - 1e308), the overflow branch's cancellation, 1 + s
        # near 0 under log1p (b's mass where a is -Inf), pa e^-806 underflow
        ('stress.shift-rounded', [6049001908229030.0, -28.183092731500302],
         [1e+308, -32.023667082952215]),
        ('stress.shift-rounded2', [-18.01921981396997, -3.7409020041807466,
                                   -2.1172343457125286e+307],
         [1.7e+308, 1.7e+308, -8967430326248.762]),
        ('stress.shift-rounded3', [-3218892131272.879, -8.961583418356078,
                                   57860598997.94258, 50797226450.73388,
                                   11.32941996681479],
         [-1.254366156006439e+17, 545.704115671161, 1.7e+308,
          -6579005625.513083, 3.5466167623508866]),
        ('stress.overflow-cancel', [15434501.022632219, 1.751612122871189e+306,
                                    105.67641159200835],
         [-9.571190614764404, -13.287616857291198, 55167529991993.04]),
        ('stress.overflow-cancel2', [-1.8773238948316704e+306, -INF,
                                     -9.251715295600443e+299, 6635302.768815399],
         [5.102918498891071, 6.822398237138913, -2.871639609025871e+17,
          -5096531223.127982]),
        ('stress.log1p-near-minus-1', [-9.450746885516925e+304, -INF,
                                       8.618819856978321e+303],
         [-2.1175037310128796e+304, 24.251223027107955, -7.656766743475863]),
        ('stress.log1p-near-minus-1b', [-44.238577016165316, -48.47437309578078,
                                        8.53963487994504e+307, -INF,
                                        7.350449652705478, 7.724044548469508e+305],
         [-44.773846024575334, -47.03872600432524, -7.709336882936846,
          12.824882923925294, -MAXD, -1e+308]),
        ('stress.pa-underflow', [26.926855807155007, 833.1503918807131],
         [6065605747177143.0, 1e+308]),
        ('stress.neginf-b-tiny-a', [-MAXD, -38722.675933350816, 8.78576864270565e+301],
         [6.558263133135596e+307, -INF, MAXD]),
    ]
    lines.append('-- kl_div_logits with logits near +-DBL_MAX: +Inf only where the')
    lines.append('-- divergence is beyond the double range.')
    # pa = e^la with la near -806 carries la's own rounding, 806 * 2^-53
    loose = {'stress.pa-underflow': 1e-13}
    for case_id, a, b in logits:
        a_sql = "'[" + ','.join('-1e999' if x == -INF else repr(float(x)) for x in a) + "]'"
        b_sql = "'[" + ','.join('-1e999' if x == -INF else repr(float(x)) for x in b) + "]'"
        lines.append("SELECT expect('%s', kl_div_logits(%s, %s), %s, %s);"
                     % (case_id, a_sql, b_sql, want(logit_kl(a, b)),
                        tol(logit_kl(a, b), loose.get(case_id, 1e-14))))

    with open(OUT, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print('wrote', OUT, sum(1 for x in lines if x.startswith('SELECT expect')), 'checks')


if __name__ == '__main__':
    main()
