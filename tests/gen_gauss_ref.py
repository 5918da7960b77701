#!/usr/bin/python3
"""Writes tests/data/gauss_ref.sql: reference values for kl_gauss.

Every expected value is computed here with mpmath at 50 significant digits
from the exact double (or float32) inputs, independently of the extension.
Blobs are written as X'..' literals packed here with struct, never with the
extension's own kl_f32/kl_f64.  Run from the repository root:

    /usr/bin/python3 tests/gen_gauss_ref.py

Needs Debian's python3-mpmath and python3-numpy.
"""
import random
import struct

import numpy as np
from mpmath import mp, mpf, log

mp.dps = 50
LN2 = log(2)
LN10 = log(10)
F64_HEADER = bytes([0x4B, 0x4C, 0xC0, 0x7F, 0x66, 0x36, 0x34, 0x01])


def kl_term(m1, s1, m2, s2):
    m1, s1, m2, s2 = mpf(m1), mpf(s1), mpf(m2), mpf(s2)
    return log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - mpf(1) / 2


def broadcast(args):
    n = max(len(a) if isinstance(a, list) else 1 for a in args)
    return [a if isinstance(a, list) else [a] * n for a in args]


def kl(args):
    mu1, sd1, mu2, sd2 = broadcast(args)
    return sum(kl_term(*t) for t in zip(mu1, sd1, mu2, sd2))


def real(x):
    """A double as an SQL literal that SQLite reads back as the same value."""
    x = float(x)
    if x == float('inf'):
        return '9e999'
    r = repr(x)
    return r


def as_double(v):
    """mpf to the nearest double, +Inf beyond the range."""
    try:
        return float(v)
    except OverflowError:
        return float('inf')


def json_lit(v):
    if isinstance(v, list):
        return "'[" + ','.join(repr(float(x)) for x in v) + "]'"
    return real(v)


def f32_lit(v):
    return "X'" + b''.join(struct.pack('<f', x) for x in v).hex().upper() + "'"


def f64_lit(v):
    return "X'" + (F64_HEADER + b''.join(struct.pack('<d', x) for x in v)).hex().upper() + "'"


rows = []


def add(case_id, args, lit=json_lit):
    want = kl(args)
    rows.append((case_id, [lit(a) if isinstance(a, list) else real(a) for a in args],
                 as_double(want), as_double(want / LN2), as_double(want / LN10)))


# The article's example (its printed 0.1486 is a log10 bug).
ART = [[2.0, 4.0, 6.0], [1.0, 2.0, 3.0], [3.0, 5.0, 8.0], [1.5, 2.5, 4.0]]
add('article.json', ART)
add('article.f32', ART, f32_lit)
add('article.f64', ART, f64_lit)
for k in range(3):
    add('article.dim%d' % k, [a[k] for a in ART])

# Hand-checkable one-dimensional cases.
add('one.equal', [0.0, 1.0, 0.0, 1.0])
add('one.shift', [1.0, 1.0, 0.0, 1.0])
add('one.wide', [0.0, 2.0, 0.0, 1.0])
add('one.narrow', [0.0, 0.5, 0.0, 1.0])

# Broadcasting: numbers against vectors (the VAE regulariser form).
add('bcast.std_normal', [[0.5, -1.25, 3.0, 0.0], [0.9, 1.1, 0.25, 1.0], 0.0, 1.0])
add('bcast.mixed', [1.5, [0.5, 2.0, 4.0], [0.0, 1.0, 2.0], 2.0])

# Near-equal pairs: sd ratio 1 +- 1e-12 and equal means, and friends.
for k, (s1, s2, m1, m2) in enumerate([
        (1.0 + 1e-12, 1.0, 0.0, 0.0), (1.0 - 1e-12, 1.0, 0.0, 0.0),
        (1.0, 1.0 + 1e-12, 5.0, 5.0), (3.0, 3.0 * (1 + 1e-12), -2.0, -2.0),
        (1.0 + 1e-15, 1.0, 0.0, 0.0), (1.0 + 1e-8, 1.0, 0.0, 0.0),
        (1.0, 1.0, 1.0, 1.0 + 1e-10), (1.0 + 1e-6, 1.0, 1e-7, 0.0),
        (0.5, 1.0, 0.0, 0.0), (2.0, 1.0, 0.0, 0.0),
        (0.4999999, 1.0, 0.0, 0.0), (2.0000001, 1.0, 0.0, 0.0),
        (0.75, 1.0, 0.0, 0.0), (1.5, 1.0, 0.0, 0.0), (1.0, 0.6, 0.1, 0.2)]):
    add('near.%02d' % k, [m1, s1, m2, s2])
add('near.vec', [[0.0] * 8, [1.0 + k * 1e-12 for k in range(8)],
                 [0.0] * 8, [1.0] * 8])

# Extreme scales: finite answers whose intermediates would overflow.
for k, args in enumerate([
        [0.0, 1e-200, 0.0, 1e200], [0.0, 1e-300, 0.0, 1e-300],
        [0.0, 1e-300, 1e-300, 2e-300], [1e300, 1e300, -1e300, 1e300],
        [1e308, 1e300, -1e308, 1e300], [0.0, 1e150, 0.0, 1e-5],
        [0.0, 5e-324, 0.0, 1.0], [0.0, 1.0, 0.0, 5e-324],
        [1.0, 1e-160, 1.0, 1e160], [0.0, 1e154, 0.0, 1.0]]):
    add('extreme.%02d' % k, args)
# ... and answers beyond the double range, which must be +Inf.
for k, args in enumerate([[0.0, 1e200, 0.0, 1e-200], [1e308, 1.0, -1e308, 1e-10],
                          [0.0, 1e300, 0.0, 1e-300]]):
    add('overflow.%02d' % k, args)

# Random vectors over many scales, JSON, float32 and float64 blobs.
rng = random.Random(20261124)
for k in range(40):
    d = rng.choice([1, 2, 3, 5, 16, 64, 300])
    scale = 10 ** rng.uniform(-3, 3)
    mu1 = [rng.gauss(0, scale) for _ in range(d)]
    mu2 = [rng.gauss(0, scale) for _ in range(d)]
    sd1 = [scale * 10 ** rng.uniform(-2, 2) for _ in range(d)]
    sd2 = [scale * 10 ** rng.uniform(-2, 2) for _ in range(d)]
    add('random.json.%02d' % k, [mu1, sd1, mu2, sd2])
    add('random.f64.%02d' % k, [mu1, sd1, mu2, sd2], f64_lit)
    f = [[float(np.float32(x)) for x in v] for v in (mu1, sd1, mu2, sd2)]
    add('random.f32.%02d' % k, f, f32_lit)


# 100 000 dimensions, built in SQL by tests/gauss.sql from these decimal
# strings (the same formula is in the SQL).
def big_vectors():
    mu1, sd1, mu2, sd2 = [], [], [], []
    for i in range(100000):
        a = i % 1000
        mu1.append('%d.%02d' % (a // 100, a % 100))
        b = i % 13
        sd1.append('%d.%d' % (1 + b // 10, b % 10))
        c = 2 * (i % 997)
        mu2.append('%d.%02d' % (c // 100, c % 100))
        e = (4 + i % 11) * 125
        sd2.append('%d.%03d' % (e // 1000, e % 1000))
    return [[float(x) for x in v] for v in (mu1, sd1, mu2, sd2)]


BIG = big_vectors()
BIG32 = [[float(np.float32(x)) for x in v] for v in BIG]


# The sliding-window test (tests/window.sql): row i of 100 000 holds one
# dimension; every 10007th row is a giant (sd1 = 1e9) that naive running
# sums cannot subtract back out.
def window_row(i):
    return ((i % 1000) / 100.0, 1e9 if i % 10007 == 0 else 1.0 + (i % 13) / 10.0,
            (i % 997) / 50.0, 0.5 + (i % 11) / 8.0)


WINDOW = 1000
window_rows = {}
for end in (1000, 10006, 10007, 10500, 11006, 11007, 11010, 50000, 99999, 100000):
    window_rows[end] = as_double(sum(kl_term(*window_row(i))
                                     for i in range(end - WINDOW + 1, end + 1)))

# Decimal strings whose correct rounding is delicate; Python's float() is
# the reference (it rounds correctly).
PARSE = [
    '0.1', '2.2250738585072011e-308', '2.2250738585072012e-308',
    '4.9406564584124654e-324', '2.4703282292062328e-324', '1.7976931348623157e308',
    '1.00000000000000011102230246251565404236316680908203125',
    '1.00000000000000011102230246251565404236316680908203126',
    '1.00000000000000011102230246251565404236316680908203124',
    '9007199254740993', '9007199254740995', '123456789012345678901234567890',
    '0.000000000000000000000000000001', '-0', '-0.0e5', '1E+2', '1e-400',
    '1.' + '0' * 800 + '1', '1.00000000000000011102230246251565404236316680908203125'
    + '0' * 800 + '1', '0.' + '0' * 300 + '123456789e300', '7.0e-10', '1' * 40,
    '3.14159265358979323846264338327950288', '5e-324', '8.98846567431158e307',
]

with open('tests/data/gauss_ref.sql', 'w') as out:
    out.write('-- Generated by tests/gen_gauss_ref.py (mpmath, 50 digits). '
              'Do not edit.\n')
    out.write('CREATE TEMP TABLE gauss_ref(id TEXT PRIMARY KEY, mu1, sd1, mu2, '
              'sd2, want REAL, want_bits REAL, want_bans REAL);\n')
    for case_id, lits, w, wb, wn in rows:
        out.write("INSERT INTO gauss_ref VALUES('%s',%s,%s,%s,%s);\n"
                  % (case_id, ','.join(lits), real(w), real(wb), real(wn)))
    out.write('CREATE TEMP TABLE gauss_ref_count(n INTEGER);\n')
    out.write('INSERT INTO gauss_ref_count VALUES(%d);\n' % len(rows))
    w = kl(BIG)
    w32 = kl(BIG32)
    out.write('CREATE TEMP TABLE big_ref(kind TEXT, want REAL);\n')
    out.write("INSERT INTO big_ref VALUES('f64',%s),('f32',%s);\n"
              % (real(as_double(w)), real(as_double(w32))))
    out.write('CREATE TEMP TABLE window_ref(i INTEGER PRIMARY KEY, want REAL);\n')
    for end, want in sorted(window_rows.items()):
        out.write('INSERT INTO window_ref VALUES(%d,%s);\n' % (end, real(want)))
    out.write('CREATE TEMP TABLE parse_ref(id INTEGER PRIMARY KEY, txt TEXT, '
              'f64 BLOB);\n')
    for k, t in enumerate(PARSE):
        out.write("INSERT INTO parse_ref VALUES(%d,'%s',%s);\n"
                  % (k, t, f64_lit([float(t)])))

print('wrote %d cases' % len(rows))
