#!/usr/bin/python3
"""Writes tests/data/gauss_family_ref.sql: reference values for
kl_gauss_var, kl_gauss_logvar, kl_gauss_sym, bhattacharyya_gauss,
hellinger_gauss and w2_gauss.

Every expected value is computed here with mpmath at 50 significant digits
from the exact double (or float32) inputs, from the textbook formulas (no
rearrangement).  Where PyTorch has the same quantity (the Normal-Normal KL,
so kl_gauss_var, kl_gauss_logvar and kl_gauss_sym), its float64 value is
stored beside it, and on ordinary inputs the generator insists that torch
and mpmath agree to 1e-12: a cross-check of the reference itself.  Run
from the repository root:

    /usr/bin/python3 tests/gen_gauss_family_ref.py

Needs Debian's python3-mpmath, python3-numpy and python3-torch.
"""
import random
import sys

from mpmath import mp, mpf, log, exp, sqrt

sys.path.insert(0, 'tests')
from refgen import (write_counted_table, real, as_double, json_lit, f32_lit, f64_lit, to_f32,
                    broadcast)

import torch
from torch.distributions import Normal, kl_divergence

mp.dps = 50
LN2 = log(2)


from refmath import (kl_sd, per_dim, t_var, t_logvar, t_sym, t_bhatt, hellinger,
                     w2)


FUNCS = {
    'kl_gauss_var': per_dim(t_var),
    'kl_gauss_logvar': per_dim(t_logvar),
    'kl_gauss_sym': per_dim(t_sym),
    'bhattacharyya_gauss': per_dim(t_bhatt),
    'hellinger_gauss': hellinger,
    'w2_gauss': w2,
}


def torch_value(fn, args):
    """PyTorch's float64 value of the same quantity, or None."""
    m1, a, m2, b = [torch.tensor(x, dtype=torch.float64) for x in broadcast(args)]
    if fn == 'kl_gauss_var':
        s1, s2 = a.sqrt(), b.sqrt()
    elif fn == 'kl_gauss_logvar':
        s1, s2 = (0.5 * a).exp(), (0.5 * b).exp()
    elif fn == 'kl_gauss_sym':
        s1, s2 = a, b
    else:
        return None
    try:
        p, q = Normal(m1, s1, validate_args=False), Normal(m2, s2, validate_args=False)
        v = kl_divergence(p, q).sum()
        if fn == 'kl_gauss_sym':
            v = v + kl_divergence(q, p).sum()
        return float(v)
    except Exception:   # torch refuses some extreme inputs
        return None


rows = []


def add(fn, case_id, args, lit=json_lit, check_torch=False):
    want = FUNCS[fn](args)
    tv = torch_value(fn, args)
    if check_torch and tv is not None:
        err = abs(mpf(tv) - want) / abs(want) if want != 0 else abs(tv)
        if err > 1e-12:
            sys.exit('%s %s: torch %r vs mpmath %s' % (fn, case_id, tv, mp.nstr(want, 20)))
    rows.append((fn, case_id, [lit(a) for a in args], as_double(want),
                 as_double(want / LN2), tv))


SD_FUNCS = ['kl_gauss_sym', 'bhattacharyya_gauss', 'hellinger_gauss', 'w2_gauss']
ART = [[2.0, 4.0, 6.0], [1.0, 2.0, 3.0], [3.0, 5.0, 8.0], [1.5, 2.5, 4.0]]
ART_VAR = [ART[0], [x * x for x in ART[1]], ART[2], [x * x for x in ART[3]]]
ART_LOGVAR = [ART[0], [float(2 * log(x)) for x in ART[1]], ART[2],
              [float(2 * log(x)) for x in ART[3]]]

ARGS_OF = {'kl_gauss_var': ART_VAR, 'kl_gauss_logvar': ART_LOGVAR}

# The article's example in each form, in JSON, float32 and float64 blobs.
for fn in list(FUNCS):
    base = ARGS_OF.get(fn, ART)
    add(fn, 'article.json', base, check_torch=True)
    add(fn, 'article.f32', [to_f32(v) for v in base], f32_lit, check_torch=True)
    add(fn, 'article.f64', base, f64_lit, check_torch=True)
    add(fn, 'bcast.mixed', [1.5, [0.5, 2.0, 4.0], [0.0, 1.0, 2.0], 2.0], check_torch=True)
    add(fn, 'one.equal', [0.0, 1.0, 0.0, 1.0])
    add(fn, 'one.shift', [1.0, 1.0, 0.0, 1.0], check_torch=True)
    add(fn, 'one.wide', [0.0, 2.0, 0.0, 1.0], check_torch=True)
    add(fn, 'one.mixed', [0.1, 1.0, 0.2, 0.6], check_torch=True)

# Near-equal second parameters: ratio 1 +- 1e-12 and friends (the
# cancellation a naive formula suffers).
NEAR = [(1.0 + 1e-12, 1.0, 0.0, 0.0), (1.0 - 1e-12, 1.0, 0.0, 0.0),
        (1.0, 1.0 + 1e-12, 5.0, 5.0), (3.0, 3.0 * (1 + 1e-12), -2.0, -2.0),
        (1.0 + 1e-15, 1.0, 0.0, 0.0), (1.0 + 1e-8, 1.0, 0.0, 0.0),
        (1.0, 1.0, 1.0, 1.0 + 1e-10), (1.0 + 1e-6, 1.0, 1e-7, 0.0),
        (0.5, 1.0, 0.0, 0.0), (2.0, 1.0, 0.0, 0.0), (0.4999999, 1.0, 0.0, 0.0),
        (2.0000001, 1.0, 0.0, 0.0), (0.75, 1.0, 0.0, 0.0), (1.5, 1.0, 0.0, 0.0)]
for fn in FUNCS:
    for k, (a, b, m1, m2) in enumerate(NEAR):
        if fn == 'kl_gauss_logvar':
            a, b = a - 1.0, b - 1.0   # log-variances near each other
        add(fn, 'near.%02d' % k, [m1, a, m2, b])

# Extreme scales (finite answers whose intermediates would overflow) and
# answers beyond the double range (+Inf).
EXTREME = [[0.0, 1e-200, 0.0, 1e200], [0.0, 1e-300, 0.0, 1e-300],
           [0.0, 1e-300, 1e-300, 2e-300], [1e300, 1e300, -1e300, 1e300],
           [1e308, 1e300, -1e308, 1e300], [0.0, 1e150, 0.0, 1e-5],
           [0.0, 5e-324, 0.0, 1.0], [0.0, 1.0, 0.0, 5e-324],
           [1.0, 1e-160, 1.0, 1e160], [0.0, 1e154, 0.0, 1.0],
           [0.0, 1e200, 0.0, 1e-200], [1e308, 1.0, -1e308, 1e-10],
           [0.0, 1e300, 0.0, 1e-300], [1e-320, 1e-310, -1e-320, 3e-310],
           [1e200, 1.0, 0.0, 1.0], [0.0, 1.7e308, 0.0, 1e-300]]
for fn in FUNCS:
    if fn == 'kl_gauss_logvar':
        continue
    for k, args in enumerate(EXTREME):
        add(fn, 'extreme.%02d' % k, args)

# Log-variances across +-700 (and beyond): never exponentiated to overflow.
LV = [-745.0, -700.0, -350.0, -20.0, -1.0, -1e-13, 0.0, 1e-13, 1.0, 20.0,
      350.0, 700.0, 709.0, 745.0]
k = 0
for l1 in LV:
    for l2 in LV:
        for m1, m2 in ((0.0, 0.0), (1.0, -2.0), (1e150, 0.0)):
            add('kl_gauss_logvar', 'logvar.%03d' % k, [m1, l1, m2, l2])
            k += 1
add('kl_gauss_logvar', 'logvar.vae', [[0.5, -1.25, 3.0, 0.0],
                                      [-0.2, 0.3, -2.5, 0.0], 0.0, 0.0], check_torch=True)

# Random vectors over many scales, in every form.
rng = random.Random(20261125)
for fn in FUNCS:
    for k in range(12):
        d = rng.choice([1, 2, 3, 5, 16, 64, 300])
        scale = 10 ** rng.uniform(-3, 3)
        mu1 = [rng.gauss(0, scale) for _ in range(d)]
        mu2 = [rng.gauss(0, scale) for _ in range(d)]
        if fn == 'kl_gauss_logvar':
            a = [rng.uniform(-5, 5) for _ in range(d)]
            b = [rng.uniform(-5, 5) for _ in range(d)]
        else:
            p = 2 if fn == 'kl_gauss_var' else 1
            a = [(scale * 10 ** rng.uniform(-1, 1)) ** p for _ in range(d)]
            b = [(scale * 10 ** rng.uniform(-1, 1)) ** p for _ in range(d)]
        args = [mu1, a, mu2, b]
        add(fn, 'random.json.%02d' % k, args, check_torch=True)
        add(fn, 'random.f64.%02d' % k, args, f64_lit)
        add(fn, 'random.f32.%02d' % k, [to_f32(v) for v in args], f32_lit)

with open('tests/data/gauss_family_ref.sql', 'w') as out:
    out.write('-- Generated by tests/gen_gauss_family_ref.py (mpmath, 50 digits; '
              'torch float64 beside). Do not edit.\n')
    write_counted_table(out, 'gfam_ref', 'fn TEXT, id TEXT, a1, a2, a3, a4, want REAL, '
                        'want_bits REAL, torch REAL, PRIMARY KEY(fn, id)',
                        [["'%s'" % fn, "'%s'" % case_id] + lits + [real(w), real(wb), real(tv)]
                         for fn, case_id, lits, w, wb, tv in rows])

print('wrote %d cases' % len(rows))
