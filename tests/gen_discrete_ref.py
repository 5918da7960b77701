#!/usr/bin/python3
"""Writes tests/data/discrete_ref.sql: reference values for kl_div, js_div,
js_dist, cross_entropy and entropy, computed with mpmath at 50 digits from
the exact double (or float32) inputs, and cross-checked here against
scipy.stats.entropy and scipy.spatial.distance.jensenshannon wherever
scipy's double arithmetic is accurate enough to compare (the check stops
the script if they disagree).  Run from the repository root:

    /usr/bin/python3 tests/gen_discrete_ref.py

Needs Debian's python3-mpmath, python3-numpy and python3-scipy.
"""
import random
import struct

import numpy as np
from mpmath import mp, mpf, log, sqrt
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy as sp_entropy

mp.dps = 50
INF = float('inf')


import sys
sys.path.insert(0, "tests")
from refmath import norm, kl, js, xent, logit_kl, stream_bound  # noqa: E402


def real(x):
    x = float(x) if x != mpf('inf') else INF
    return '9e999' if x == INF else repr(x)


def json_lit(v):
    return "'[" + ','.join(repr(float(x)) for x in v) + "]'"


def f32_lit(v):
    return "X'" + b''.join(struct.pack('<f', x) for x in v).hex().upper() + "'"


rows = []


def add(case_id, p, q, lit=json_lit, scipy_check=True):
    # enough digits that normalising [1, 1e-300] still sees the 1e-300
    spread = [abs(mpf(x)) for x in p + q if x]
    digits = 50 + int(mp.log10(max(spread) / min(spread)))
    with mp.workdps(digits):
        w = {'kl': kl(p, q), 'js': js(p, q), 'xent': xent(p, q), 'h': xent(p, p)}
        # kl_div_agg's bound for this group (src/core/stream.h)
        w['kl_agg_tol'] = stream_bound('kl', p, q, w['kl']) or 1e-14
    if scipy_check:
        s_kl = sp_entropy(p, q)
        s_h = sp_entropy(p)
        s_js = jensenshannon(p, q) ** 2
        for name, ours, theirs in (('kl', w['kl'], s_kl), ('h', w['h'], s_h),
                                   ('js', w['js'], s_js)):
            ref = float(ours) if ours != mpf('inf') else INF
            if ref == INF or theirs == INF:
                assert ref == theirs, (case_id, name, ref, theirs)
            else:
                assert abs(ref - theirs) <= 1e-9 * max(abs(ref), 1e-300) + 1e-15, \
                    (case_id, name, ref, theirs)
    rows.append((case_id, lit(p), lit(q), w))


add('hand.half-vs-skewed', [0.5, 0.5], [0.9, 0.1])
add('hand.disjoint', [1.0, 0.0], [0.0, 1.0])
add('hand.same', [0.2, 0.3, 0.5], [0.2, 0.3, 0.5])
add('hand.counts', [10.0, 20.0, 70.0], [30.0, 30.0, 40.0])
add('hand.scaled-equal', [2.0, 4.0, 6.0], [1.0, 2.0, 3.0])
add('hand.zero-in-p', [0.0, 1.0, 3.0], [1.0, 1.0, 2.0])
add('hand.uniform4', [1.0, 1.0, 1.0, 1.0], [1.0, 2.0, 3.0, 4.0])
add('hand.one-bin', [5.0], [2.0])
add('hand.f32', [1.0, 2.0, 5.0], [3.0, 3.0, 2.0], f32_lit)
# near-equal distributions: one bin differs by 1e-12 (scipy cannot
# resolve these; mpmath is the reference)
for k, d in enumerate([1e-12, -1e-12, 1e-9, 1e-6, 1e-15]):
    add('near.%d' % k, [0.25, 0.25, 0.25, 0.25], [0.25 + d, 0.25, 0.25, 0.25],
        scipy_check=False)
add('near.counts', [1000.0, 2000.0, 3000.0], [1000.0, 2000.0, 3000.000000001],
    scipy_check=False)
add('near.scaled', [3.0, 5.0, 7.0], [6.0, 10.0, 14.000000000001], scipy_check=False)
# extreme magnitudes
add('extreme.tiny', [1e-300, 3e-300], [2e-300, 2e-300])
add('extreme.huge', [1e300, 3e300], [2e300, 2e300])
add('extreme.ratio', [1.0, 1e-300], [1e-300, 1.0])
add('extreme.mixed-scale', [1e-200, 1e-200], [1e200, 3e200])
rng = random.Random(424242)
for k in range(30):
    n = rng.choice([2, 3, 10, 50, 200, 1000])
    p = [rng.random() ** 3 * 10 ** rng.uniform(-3, 3) for _ in range(n)]
    q = [rng.random() * 10 ** rng.uniform(-3, 3) for _ in range(n)]
    if k % 5 == 0:
        p[rng.randrange(n)] = 0.0
    add('random.%02d' % k, p, q)
    if k % 3 == 0:
        p32 = [float(np.float32(x)) for x in p]
        q32 = [float(np.float32(x)) for x in q]
        add('random.f32.%02d' % k, p32, q32, f32_lit)


# ---- logits: softmax inside, at as many digits as the spread needs
def f32_lit_any(v):
    return "X'" + b''.join(struct.pack('<f', x) for x in v).hex().upper() + "'"


logit_rows = []


def add_logits(case_id, a, b, lit=json_lit):
    logit_rows.append((case_id, lit(a), lit(b), logit_kl(a, b)))


add_logits('logits.small', [1.0, 2.0, 3.0], [3.0, 2.0, 1.0])
add_logits('logits.shifted', [101.0, 102.0, 103.0], [3.0, 2.0, 1.0])
add_logits('logits.big', [1e4, -1e4, 0.0], [-1e4, 1e4, 0.0])
add_logits('logits.big-close', [1e4, 1e4 - 1.0, 1e4 - 2.0], [1e4, 1e4 - 1.5, 1e4 - 2.0])
add_logits('logits.near', [1.0, 2.0], [1.0, 2.000000000001])
add_logits('logits.near-big', [5000.0, 5001.0, 4999.0], [5000.0, 5001.0, 4999.000000001])
add_logits('logits.neginf-a', [0.0, -INF, 1.0], [0.5, 0.25, 1.0], f32_lit_any)
add_logits('logits.neginf-both', [0.0, -INF, 1.0], [0.5, -INF, 1.0], f32_lit_any)
add_logits('logits.neginf-b', [0.0, 0.0], [0.0, -INF], f32_lit_any)
add_logits('logits.tail', [0.0] + [-700.0] * 5, [0.0] + [-690.0] * 5)
for k in range(10):
    n = rng.choice([2, 5, 30, 300])
    sc = 10 ** rng.uniform(-1, 3)
    a = [rng.gauss(0, sc) for _ in range(n)]
    b = [x + rng.gauss(0, sc * 10 ** rng.uniform(-8, 0)) for x in a]
    add_logits('logits.random.%02d' % k, a, b)

# ---- 1 000 000 bins, built in SQL by tests/discrete.sql:
#      p_i = 1 + i % 7, q_i = 1 + i % 11 for i in 0..999999; the sums
#      group by i mod 77.
N_BIG = 1000000
cnt = [0] * 77
for r in range(77):
    cnt[r] = len(range(r, N_BIG, 77))
bp = [1 + r % 7 for r in range(77)]
bq = [1 + r % 11 for r in range(77)]
P = sum(c * x for c, x in zip(cnt, bp))
Q = sum(c * x for c, x in zip(cnt, bq))
big = {}
big['kl'] = sum(c * mpf(x) / P * log((mpf(x) / P) / (mpf(y) / Q)) for c, x, y in zip(cnt, bp, bq))
big['js'] = sum(c * (mpf(x) / P * log(2 * (mpf(x) / P) / (mpf(x) / P + mpf(y) / Q))
                     + mpf(y) / Q * log(2 * (mpf(y) / Q) / (mpf(x) / P + mpf(y) / Q))) / 2
                for c, x, y in zip(cnt, bp, bq))
big['xent'] = -sum(c * mpf(x) / P * log(mpf(y) / Q) for c, x, y in zip(cnt, bp, bq))
big['h'] = -sum(c * mpf(x) / P * log(mpf(x) / P) for c, x in zip(cnt, bp))
# near: all ones, except q_0 = 1.000000000001
qn0 = mpf(1.000000000001)
Qn = N_BIG - 1 + qn0
big['near'] = (1 / mpf(N_BIG)) * log((1 / mpf(N_BIG)) / (qn0 / Qn)) \
    + (N_BIG - 1) * (1 / mpf(N_BIG)) * log((1 / mpf(N_BIG)) / (1 / Qn))

# ---- sliding windows over 100 000 histogram rows (tests/discrete.sql):
#      row i: p = i % 97 (zeros included), q = 1 + i % 89, and every
#      10007th row p = 1e12, a giant bin.
def hist_row(i):
    return (1e12 if i % 10007 == 0 else float(i % 97), float(1 + i % 89))


WIN = 200
win_rows = []
for end in (200, 10006, 10007, 10100, 10206, 10207, 10210, 55555, 99999, 100000):
    fr = [hist_row(i) for i in range(end - WIN + 1, end + 1)]
    p = [x for x, _ in fr]
    q = [y for _, y in fr]
    win_rows.append((end, kl(p, q), js(p, q), xent(p, q), xent(p, p)))

with open('tests/data/discrete_ref.sql', 'w') as out:
    out.write('-- Generated by tests/gen_discrete_ref.py (mpmath, 50 digits). '
              'Do not edit.\n')
    out.write('CREATE TEMP TABLE discrete_ref(id TEXT PRIMARY KEY, p, q, kl REAL, '
              'js REAL, jsd REAL, xent REAL, h REAL, kl_bits REAL, js_bits REAL, '
              'h_bans REAL, kl_agg_tol REAL);\n')
    for case_id, p, q, w in rows:
        jsd = sqrt(w['js'])
        vals = [w['kl'], w['js'], jsd, w['xent'], w['h'],
                w['kl'] / log(2) if w['kl'] != mpf('inf') else mpf('inf'),
                w['js'] / log(2), w['h'] / log(10), w['kl_agg_tol']]
        out.write("INSERT INTO discrete_ref VALUES('%s',%s,%s,%s);\n"
                  % (case_id, p, q, ','.join(real(v) for v in vals)))
    out.write('CREATE TEMP TABLE discrete_ref_count(n INTEGER);\n')
    out.write('INSERT INTO discrete_ref_count VALUES(%d);\n' % len(rows))
    out.write('CREATE TEMP TABLE logits_ref(id TEXT PRIMARY KEY, a, b, kl REAL);\n')
    for case_id, a, b, w in logit_rows:
        out.write("INSERT INTO logits_ref VALUES('%s',%s,%s,%s);\n"
                  % (case_id, a, b, real(w)))
    out.write('CREATE TEMP TABLE big_discrete_ref(what TEXT PRIMARY KEY, want REAL);\n')
    for k, v in sorted(big.items()):
        out.write("INSERT INTO big_discrete_ref VALUES('%s',%s);\n" % (k, real(v)))
    out.write('CREATE TEMP TABLE hist_window_ref(i INTEGER PRIMARY KEY, kl REAL, '
              'js REAL, xent REAL, h REAL);\n')
    for end, a, b, c, d in win_rows:
        out.write('INSERT INTO hist_window_ref VALUES(%d,%s,%s,%s,%s);\n'
                  % (end, real(a), real(b), real(c), real(d)))
print('wrote %d cases' % len(rows))
