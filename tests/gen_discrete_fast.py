#!/usr/bin/python3
"""Writes tests/data/discrete_fast_ref.sql: reference values for kl_div,
js_div, js_dist, cross_entropy and entropy on inputs chosen for the fast
path (src/core/disc_kernel.h): every kernel variant (float32 blobs read in
place, or doubles; with or without zero weights and inexact totals), both
sides of every per-bin choice in it (near and far bins, ratios on either
side of sqrt 2), bins that need the careful term, and the exact totals'
slower roads.  The truth is mpmath's, at as many digits as the inputs'
spread needs; inputs are packed by struct, never by the extension.

    /usr/bin/python3 tests/gen_discrete_fast.py
"""
import random
import struct
import sys

import numpy as np
from mpmath import mp, mpf

sys.path.insert(0, "tests")
from refmath import kl, js, xent  # noqa: E402
from refgen import F64_HEADER, real, write_counted_table  # noqa: E402

mp.dps = 50


def f32(v):
    return [float(np.float32(x)) for x in v]


def lit_json(v):
    return "'[" + ','.join(repr(float(x)) for x in v) + "]'"


def lit_f32(v):
    return "X'" + b''.join(struct.pack('<f', x) for x in v).hex().upper() + "'"


def lit_f64(v):
    return "X'" + (F64_HEADER + b''.join(struct.pack('<d', x) for x in v)).hex().upper() + "'"


rows = []


def add(case_id, p, q, lit, extra=0):
    """extra: more digits, for distributions nearly equal (their
    divergence is below the inputs' precision squared)"""
    spread = [abs(mpf(x)) for x in p + q if x]
    digits = 50 + extra + int(mp.log10(max(spread) / min(spread)))
    with mp.workdps(digits):
        k, j, x, h = kl(p, q), js(p, q), xent(p, q), xent(p, p)
        jd = mp.sqrt(j)
    rows.append(["'%s'" % case_id, lit(p), lit(q), real(k), real(j), real(jd),
                 real(x), real(h)])


rng = random.Random(20261130)


def hist(n, spread, zeros=0):
    """n weights spread over 10^+-spread, with some zeros."""
    v = [10 ** rng.uniform(-spread, spread) for _ in range(n)]
    for _ in range(zeros):
        v[rng.randrange(n)] = 0.0
    return v


# every kernel variant, with near and far bins: float32 in place and kl_f64
# blobs, clean (no zeros) and not (zeros in p, in q, in both)
for k, n in enumerate([7, 64, 300, 1100, 2100, 513, 406]):
    # below, at and above a block of 64 and of 1024, and of a scan of 2048;
    # 406 = 256 + 150: doubles come in chunks of 256, the last of 3 blocks
    p, q = hist(n, 2), hist(n, 2)
    add('f32.clean.%d' % k, f32(p), f32(q), lit_f32)
    add('f64.clean.%d' % k, p, q, lit_f64)
    pz, qz = hist(n, 2, zeros=2), hist(n, 2, zeros=2)
    add('f32.zeros-p.%d' % k, f32(pz), f32(q), lit_f32)
    add('f64.zeros-p.%d' % k, pz, q, lit_f64)
    add('f32.zeros.%d' % k, f32(pz), f32(qz), lit_f32)
    add('f64.zeros.%d' % k, pz, qz, lit_f64)
# near-equal, as drift monitoring sees them: every bin near its twin
for k in range(4):
    p = hist(200, 1)
    d = 10 ** rng.uniform(-12, -4)
    q = [x * (1 + d * rng.uniform(-1, 1)) for x in p]
    add('near.f64.%d' % k, p, q, lit_f64)
    q32 = [x * (1 + 1e-5 * rng.uniform(-1, 1)) for x in p]
    add('near.f32.%d' % k, f32(p), f32(q32), lit_f32)
# totals that are not doubles (decimal fractions): the variants with the
# totals' low parts
add('inexact.json', [0.1, 0.2, 0.3, 0.7, 1.1], [0.3, 0.1, 0.2, 0.9, 0.05], lit_json)
add('inexact.f64', [x / 3 for x in hist(50, 3)], [x / 7 for x in hist(50, 3)], lit_f64)
# bins far below their totals (the careful term takes them, the kernel the
# rest), in p and in q, and subnormal weights
add('hard.p', [1e10, 3e9, 1e-300, 2.5e-290, 7e9], [2e10, 1e9, 4e-280, 1.0, 6e9], lit_f64)
add('hard.q', [1e10, 3e9, 4e-280, 1.0, 6e9], [2e10, 1e9, 1e-300, 2.5e-290, 7e9], lit_f64)
add('hard.subnormal', [1.0, 2.0, 5e-320, 3.0], [2.0, 1.0, 3.0, 7e-321], lit_f64)
add('hard.zeros', [1e10, 0.0, 1e-300, 5.0, 0.0], [0.0, 1e9, 2e-300, 4.0, 3.0], lit_f64)
# float32 whose range within a chunk is too wide for the plain sum (2^18):
# the totals take the extraction road
add('wide.f32', f32([1e30, 3.5, 1e-30, 7.25, 2e20] * 9),
    f32([2e29, 1.5, 4e-31, 8.0, 1e21] * 9), lit_f32)
add('wide.f32.zeros', f32([1e30, 0.0, 1e-30, 7.25, 2e20] * 9),
    f32([2e29, 1.5, 0.0, 8.0, 1e21] * 9), lit_f32)
# doubles whose bits spread over more than three extractions: the rest is
# added one by one
spread = [1.1e200, 1.3e100, 1.7, 1.9e-100, 2.3e-200, 1.3e150, 1.7e50, 3.1e-50]
add('spread.f64', [x * (1 + 1e-9 * i) for i, x in enumerate(spread)],
    [x * (1 - 1e-9 * i) for i, x in enumerate(reversed(spread))], lit_f64)
# totals near the top of the double range: the scaled constants would
# round, so every bin takes the careful term
add('top.f64', [1e307, 3.3e290, 1.1, 7e306], [2e307, 1.3, 5.5e300, 1e306], lit_f64)
add('top.f32', f32([3e38, 1e30, 2.0]), f32([1e38, 2.5e38, 1e-10]), lit_f32)

# nearly equal bins (|s| < 2^-51) whose cross difference the kernels
# cannot give exactly: their chunks go to the careful term.  float32 with
# a total of three parts (p = q = 1 in the first bin: s about 2^-123),
# and doubles as in the fuzz_diff finding (x z - y^2 cancelling to 2^-100)
add('tiny-s.f32', f32([1.0, 2.0**-60, 2.0**-100] * 300),
    f32([1.0, 2.0**-60, 2.0**-100 * (1 + 2.0**-23)] * 300), lit_f32, 100)
X, Y, Z = (float.fromhex(h) for h in ('0x1.d1d1d1d1d1d00p-1', '0x1.d1d1d1d1d1d1dp-1', '0x1.d1d1d1d1d1d3ap-1'))
add('tiny-s.f64', [X, Y] * 700, [Y, Z] * 700, lit_f64, 100)
add('tiny-s.f64.equal-totals', [X, Y, Y] * 3, [Y, X, Y] * 3, lit_f64, 100)
# nearly proportional doubles (counts against counts / N rounded: |s| near
# 2^-53, where the kernels' cross difference must be exact, not a
# double-double), with zeros and totals with low parts (the DK_LO
# variants), without zeros (clean), and exactly proportional (0)
cnt = [float(rng.randrange(0, 50)) for _ in range(300)]
cnt[7] = 0.0
N = sum(cnt)
add('prop.f64.lo', cnt, [c / N for c in cnt], lit_f64, 40)
cnt1 = [c + 1.0 for c in cnt]
N1 = sum(cnt1)
add('prop.f64.clean', cnt1, [c / N1 for c in cnt1], lit_f64, 40)
add('prop.f64.lo-third', [c / 3.0 for c in cnt1], [c / N1 for c in cnt1], lit_f64, 40)
add('prop.f64.exact', cnt, [c / 1024.0 for c in cnt], lit_f64)

with open('tests/data/discrete_fast_ref.sql', 'w') as out:
    out.write('-- Generated by tests/gen_discrete_fast.py (mpmath). Do not edit.\n')
    write_counted_table(out, 'discrete_fast_ref',
                        'id TEXT PRIMARY KEY, p, q, kl REAL, js REAL, jsd REAL, '
                        'xent REAL, h REAL', rows)
print('%d cases' % len(rows))
