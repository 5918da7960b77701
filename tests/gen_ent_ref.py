#!/usr/bin/python3
"""Writes tests/data/ent_ref.sql: reference values for the differential
entropies of the continuous families (core/entropy.c, dist_entropy()):
normal, laplace, cauchy, gumbel, lognormal, halfnormal, exponential, gamma,
beta, pareto, uniform and dirichlet.

Every expected value is the textbook formula evaluated with mpmath from the
exact double inputs, at 60 significant digits plus the digits the formula
cancels (the ratio of its largest term to the value: a Gamma of shape 1e300
cancels 303 of them), and checked against a second evaluation 25 digits
finer.  Beside it, torch 1.13's entropy() in float64 and its relative error
against mpmath (NULL and 9e999 where torch gives NaN or fails).

The tables (see tests/refgen.py, write_counted_table):
  ent_ent_ref(id, p, want, torch, torch_err)  the text form of the
      distribution and its entropy in nats (9e999 / -9e999 beyond the range)
  ent_ent_mag(id, mag)  the magnitude our bound is relative to (core/
      entropy.c states it per family): |want| where we promise relative
      accuracy; max(|want|, |mu|) for lognormal; max(|want|, |ln scale|) for
      pareto; for gamma max(|want|, 1), and also |ln rate| for shapes
      below 10.  The test asserts |got - want| <= 1e-13 mag.  Also the
      largest term of the textbook formula (the issue's looser bound where
      a value crosses 0), for the record.

    /usr/bin/python3 tests/gen_ent_ref.py [--csv /tmp/ent_cases.csv]

The optional CSV (id;family;params;want;mag) feeds a throwaway C driver.
Needs Debian's python3-mpmath and python3-torch.
"""
import math
import random
import sys
import warnings

from mpmath import mp, mpf, log, loggamma, digamma, euler, pi, e, exp, findroot

sys.path.insert(0, 'tests')
from refgen import write_counted_table, real, as_double

import torch
import torch.distributions as D

warnings.filterwarnings('ignore')
BASE = 60


# ------------------------------------------------- textbook formulas (terms)
# Each returns the list of the terms of the textbook formula; the entropy is
# their sum (so the largest |term| is known).
def t_normal(loc, s):
    return [mpf(1) / 2, log(2 * pi) / 2, log(s)]


def t_halfnormal(s):
    return [log(pi / 2) / 2, mpf(1) / 2, log(s)]


def t_laplace(loc, b):
    return [mpf(1), log(2 * mpf(b))]


def t_cauchy(loc, g):
    return [log(4 * pi * g)]


def t_gumbel(loc, b):
    return [log(b), mpf(1), +euler]


def t_lognormal(mu, s):
    return [mpf(mu)] + t_normal(0, s)


def t_exponential(r):
    return [mpf(1), -log(r)]


def t_gamma(k, r):
    k = mpf(k)
    return [k, -log(r), loggamma(k), (1 - k) * digamma(k)]


def t_beta(a, b):
    a, b = mpf(a), mpf(b)
    return t_dirichlet([a, b])


def t_pareto(scale, alpha):
    return [log(scale), -log(alpha), 1 / mpf(alpha), mpf(1)]


def t_uniform(low, high):
    return [log(mpf(high) - mpf(low))]


def t_dirichlet(al):
    al = [mpf(x) for x in al]
    A = sum(al)
    k = len(al)
    terms = [loggamma(x) for x in al] + [-loggamma(A), (A - k) * digamma(A)]
    terms += [-(x - 1) * digamma(x) for x in al]
    return terms


TERMS = {'normal': t_normal, 'halfnormal': t_halfnormal, 'laplace': t_laplace,
         'cauchy': t_cauchy, 'gumbel': t_gumbel, 'lognormal': t_lognormal,
         'exponential': t_exponential, 'gamma': t_gamma, 'beta': t_beta,
         'pareto': t_pareto, 'uniform': t_uniform, 'dirichlet': t_dirichlet}


def evaluate(fam, args, dps):
    mp.dps = dps
    ts = TERMS[fam](*args)
    return sum(ts), max(abs(t) for t in ts)


def ref(fam, args):
    """(value, largest term) at enough digits, checked 25 digits finer."""
    # mpf sums such as 1e300 + 1e-300 must be exact: digits for the spread
    mags = [abs(math.log10(abs(x))) for a in args
            for x in (a if isinstance(a, list) else [a]) if x != 0]
    spread = int(max(mags)) + 10 if mags else 0
    dps = BASE + (2 if fam in ('beta', 'dirichlet') else 1) * spread
    v, m = evaluate(fam, args, dps)
    for _ in range(3):
        if v == 0:
            v, m = evaluate(fam, args, dps + 100)   # a true 0 stays 0
            if v == 0:
                break
        need = BASE + int(mp.log10(m / abs(v))) + 5 if m else BASE
        if need <= dps:
            break
        dps = need + 10
        v, m = evaluate(fam, args, dps)
    v2, _ = evaluate(fam, args, dps + 25)
    mp.dps = dps + 25
    if v2 != 0 and abs(v - v2) > abs(v2) * mpf(10) ** (-40):
        raise SystemExit('unstable reference %s %r: %s vs %s' % (fam, args, v, v2))
    if v2 == 0 and abs(v) > mpf(10) ** (-40):
        raise SystemExit('unstable zero %s %r' % (fam, args))
    return v2, m


# ------------------------------------------------------------------- torch
def tt(x):
    return torch.tensor(x, dtype=torch.float64)


TORCH = {
    'normal': lambda l, s: D.Normal(tt(l), tt(s), validate_args=False),
    'halfnormal': lambda s: D.HalfNormal(tt(s), validate_args=False),
    'laplace': lambda l, s: D.Laplace(tt(l), tt(s), validate_args=False),
    'cauchy': lambda l, s: D.Cauchy(tt(l), tt(s), validate_args=False),
    'gumbel': lambda l, s: D.Gumbel(tt(l), tt(s), validate_args=False),
    'lognormal': lambda m, s: D.LogNormal(tt(m), tt(s), validate_args=False),
    'exponential': lambda r: D.Exponential(tt(r), validate_args=False),
    'gamma': lambda k, r: D.Gamma(tt(k), tt(r), validate_args=False),
    'beta': lambda a, b: D.Beta(tt(a), tt(b), validate_args=False),
    'pareto': lambda s, a: D.Pareto(tt(s), tt(a), validate_args=False),
    'uniform': lambda lo, hi: D.Uniform(tt(lo), tt(hi), validate_args=False),
    'dirichlet': lambda al: D.Dirichlet(tt(al), validate_args=False),
}


def torch_value(fam, args):
    try:
        v = float(TORCH[fam](*args).entropy())
    except Exception:
        return None
    return None if v != v else v


# ------------------------------------------------------------ the bounds
def our_mag(fam, args, want):
    w = abs(want)
    if fam == 'lognormal':
        return max(w, abs(mpf(args[0])))
    if fam == 'pareto':
        return max(w, abs(log(mpf(args[0]))))
    if fam == 'gamma':
        m = max(w, mpf(1))
        if args[0] < 10:
            m = max(m, abs(log(mpf(args[1]))))
        return m
    return w


def text(fam, args):
    if fam == 'dirichlet':
        return 'dirichlet([%s])' % ', '.join(repr(float(x)) for x in args[0])
    return '%s(%s)' % (fam, ', '.join(repr(float(x)) for x in args))


rows = []
counts = {}


def add(fam, args):
    args = [([float(x) for x in a] if isinstance(a, list) else float(a)) for a in args]
    n = counts.get(fam, 0)
    counts[fam] = n + 1
    cid = '%s.%03d' % (fam, n)
    v, m = ref(fam, args)
    mp.dps = 60
    want = as_double(v)
    if v < 0 and want == float('inf'):
        want = float('-inf')
    try:
        float(v)
    except OverflowError:
        want = float('inf') if v > 0 else float('-inf')
    tv = torch_value(fam, args)
    if tv is None:
        terr = float('inf')
    elif math.isinf(want):
        terr = 0.0 if tv == want else float('inf')
    elif math.isinf(tv):
        terr = float('inf')
    elif v == 0:
        terr = abs(tv)
    else:
        terr = float(abs(mpf(tv) - v) / abs(v))
    mag = float(our_mag(fam, args, v)) if not math.isinf(want) else 0.0
    rows.append(dict(id=cid, fam=fam, args=args, p=text(fam, args), want=want,
                     torch=tv, terr=terr, mag=mag, textbook=float(m) if not math.isinf(want) else 0.0))


# ------------------------------------------------------------------ cases
rng = random.Random(18018)


def lu(lo, hi):
    """log-uniform in [10^lo, 10^hi]"""
    return 10.0 ** rng.uniform(lo, hi)


def sgn():
    return rng.choice([-1.0, 1.0])


def near(x0, lo=-16, hi=-1):
    """x0 (1 +- 10^U(lo, hi)), and a few exact neighbours of x0"""
    return float(x0) * (1 + sgn() * lu(lo, hi))


mp.dps = 60
X0 = {  # the zero of the location-scale families' entropy in their scale
    'normal': 1 / mp.sqrt(2 * pi * e), 'halfnormal': 1 / mp.sqrt(pi * e / 2),
    'laplace': 1 / (2 * e), 'cauchy': 1 / (4 * pi), 'gumbel': exp(-1 - euler),
}
for fam in ('normal', 'laplace', 'cauchy', 'gumbel', 'halfnormal'):
    two = fam != 'halfnormal'

    def mk(s, loc=None):
        return [loc if loc is not None else sgn() * lu(-300, 300), s] if two else [s]
    for _ in range(40):
        add(fam, mk(lu(-300, 300)))
    x0 = float(X0[fam])
    for _ in range(12):
        add(fam, mk(near(x0)))
    for s in (x0, math.nextafter(x0, 0), math.nextafter(x0, 1), 1.0, 1e-300, 1e300,
              5e-324, 1.7976931348623157e308, 2.0 * x0, 0.5 * x0,
              math.nextafter(2.0 * x0, 1), math.nextafter(0.5 * x0, 0)):
        add(fam, mk(s, 0.0))

# exponential: 1 - ln rate, 0 at rate = e
for _ in range(40):
    add('exponential', [lu(-300, 300)])
for _ in range(12):
    add('exponential', [near(e)])
for r in (float(e), math.nextafter(float(e), 0), math.nextafter(float(e), 9), 1.0,
          5e-324, 1.7976931348623157e308, 1e-300, 1e300, 2 * float(e), 0.5 * float(e)):
    add('exponential', [r])

# lognormal: mu + normal entropy, crossing where mu = -H(normal(sigma))
for _ in range(40):
    add('lognormal', [sgn() * lu(-300, 300), lu(-300, 300)])
for _ in range(12):
    s = lu(-5, 5)
    mp.dps = 60
    h = sum(t_normal(0, s))
    add('lognormal', [float(-h) * (1 + sgn() * lu(-16, -2)), s])
for mu, s in ((0.0, 1.0), (-1.4189385332046727, 1.0), (0.0, float(X0['normal'])),
              (1e300, 1e-300), (-1e300, 1e300), (690.0, 1e-300), (-690.0, 1e300)):
    add('lognormal', [mu, s])


def f_gamma(k):
    """H(Gamma(k, 1)) at 60 digits"""
    mp.dps = 60 + max(0, int(math.log10(k)))
    k = mpf(k)
    return k + loggamma(k) + (1 - k) * digamma(k)


# gamma: shapes and rates over the whole range
for _ in range(40):
    add('gamma', [lu(-300, 300), lu(-300, 300)])
for _ in range(15):   # shapes of moderate size, crossing rates
    k = lu(-3, 3)
    mp.dps = 80
    r = float(exp(f_gamma(k)))
    add('gamma', [k, r * (1 + sgn() * lu(-16, -2))])
for _ in range(8):    # huge shapes, crossing rates (rate ~ sqrt(2 pi e k))
    k = lu(10, 300)
    r = float(exp(f_gamma(k)))
    add('gamma', [k, r * (1 + sgn() * lu(-15, -1))])
mp.dps = 60
KSTAR = findroot(lambda k: k + loggamma(k) + (1 - k) * digamma(k), 0.5)
for k, r in ((1.0, 1.0), (1.0, float(e)), (2.0, 1.0), (10.0, 1.0),
             (math.nextafter(10.0, 0), 1.0), (9.999999999999, 1.0), (10.000000001, 1.0),
             (float(KSTAR), 1.0), (float(KSTAR) * (1 + 1e-10), 1.0), (0.5, 1.0),
             (math.nextafter(1.0, 0), 1.0), (math.nextafter(1.0, 2), 1.0),
             (1e-300, 1.0), (1e-300, 1e-300), (1e-300, 1e300), (1e300, 1.0),
             (1e300, 1e-300), (1e300, 1e300), (1.7976931348623157e308, 1.0),
             (1.7976931348623157e308, 1.7976931348623157e308), (6e-309, 1.0),
             (5e-324, 1.0), (1e-3, 1.0), (0.0014, 1e-301), (1e8, 1.0), (1e16, 3e8),
             (1e20, 1.0), (1.5, 1.0), (1.4616321449683622, 1.0), (3.0, 1e-300)):
    add('gamma', [k, r])

# beta
for _ in range(40):
    add('beta', [lu(-300, 300), lu(-300, 300)])
for _ in range(12):   # moderate shapes
    add('beta', [lu(-3, 3), lu(-3, 3)])
for _ in range(12):   # near the uniform, and about the box edges of entropy.c
    add('beta', [1 + sgn() * lu(-16, -1), 1 + sgn() * lu(-16, -1)])
for a, b in ((1.0, 1.0), (1.0, 1 + 2 ** -52), (1 - 2 ** -53, 1.0), (2.0, 1.0), (0.5, 0.5),
             (0.25, 0.25), (4.0, 4.0), (math.nextafter(0.25, 0), 1.0), (4.000000000000001, 1.0),
             (0.25, 4.0), (3.9, 0.26), (1e300, 1e300), (1e-300, 1e-300), (1e-300, 1e300),
             (1e300, 1e-300), (1e-300, 1.0), (1.0, 1e300), (1e308, 1e308),
             (1.7976931348623157e308, 1.7976931348623157e308), (1e-308, 1e-308),
             (5e-324, 1.0), (5e-324, 5e-324), (1e8, 1e8), (1e15, 1.0), (10.0, 10.0),
             (9.999, 0.001), (0.6, 0.4), (1e-10, 1e-10), (0.5, 1e-300), (2.5e-308, 2.5e-308)):
    add('beta', [a, b])

# pareto: ln scale + g(alpha), g(a) = 1 + 1/a - ln a, 0 at a* = 3.5911...
mp.dps = 60
ASTAR = findroot(lambda a: 1 + 1 / a - log(a), 3.6)
for _ in range(40):
    add('pareto', [lu(-300, 300), lu(-300, 300)])
for _ in range(12):
    add('pareto', [1.0, near(ASTAR)])
for _ in range(8):   # crossing through the scale
    a = lu(-2, 2)
    mp.dps = 60
    g = 1 + 1 / mpf(a) - log(a)
    add('pareto', [float(exp(-g)) * (1 + sgn() * lu(-15, -2)), a])
for s, a in ((1.0, float(ASTAR)), (1.0, math.nextafter(float(ASTAR), 0)),
             (1.0, math.nextafter(float(ASTAR), 9)), (1.0, 1.0), (1.0, 1e-300),
             (1.0, 1e300), (1e-300, 1e300), (1e300, 1e-300), (1.0, 6e-309), (1.0, 5e-309),
             (1.0, 5e-324), (1.0, 1.7976931348623157e308), (1.0, 2 * float(ASTAR)),
             (1.0, 0.5 * float(ASTAR)), (1e-300, 1.0)):
    add('pareto', [s, a])

# uniform
n = 0
while n < 40:
    lo = sgn() * lu(-300, 300)
    hi = lo + lu(-300, 300) if rng.random() < 0.5 else max(lo, 0) + lu(-300, 300)
    if lo < hi < float('inf'):
        add('uniform', [lo, hi])
        n += 1
for _ in range(12):   # widths near 1
    lo = sgn() * lu(-3, 1)
    hi = lo + 1.0 + sgn() * lu(-16, -1)
    if hi > lo:
        add('uniform', [lo, hi])
for lo, hi in ((0.0, 1.0), (-1e308, 1e308), (-1.7976931348623157e308, 1.7976931348623157e308),
               (0.0, 1.7976931348623157e308), (-1e308, 8e307), (1e-300, 2e-300),
               (0.0, 5e-324), (1.0, 1 + 2 ** -52), (-0.5, 0.5 + 2 ** -53),
               (0.1, 1.1), (1e16, 1e16 + 2), (-1e-17, 1.0), (-1e-17, 0.9999999999999999),
               (-1.0, 1e300), (0.3, 0.30000000000000004)):
    add('uniform', [lo, hi])

# dirichlet
for _ in range(40):
    k = rng.randint(1, 6)
    add('dirichlet', [[lu(-300, 300) for _ in range(k)]])
for _ in range(10):
    k = rng.randint(2, 8)
    add('dirichlet', [[lu(-3, 3) for _ in range(k)]])
for al in ([1.0], [2.5], [1e300], [1.0, 1.0], [1.0, 1.0, 1.0], [1.0] * 10, [1.0] * 50,
           [0.5, 0.5, 0.5], [1e300] * 3, [1e-300] * 3, [1e-300, 1.0, 1e300],
           [1e308, 1e308, 1.0], [1.7976931348623157e308] * 4, [5e-324, 1.0, 1.0],
           [1e-308, 1e-308, 1e-308], [0.2, 0.3, 0.4], [1 + 1e-12, 1.0, 1 - 1e-12],
           [10.0, 10.0, 10.0], [1e8, 1e8, 1e8], [0.001, 0.001, 1000.0],
           [2.0, 3.0, 4.0, 5.0]):
    add('dirichlet', [al])

out = open('tests/data/ent_ref.sql', 'w')
out.write('-- Generated by tests/gen_ent_ref.py (mpmath, 60 digits plus the '
          'cancelled ones; torch float64 beside). Do not edit.\n')
write_counted_table(out, 'ent_ent_ref',
                    'id TEXT PRIMARY KEY, p TEXT, want REAL, torch REAL, torch_err REAL',
                    [["'%s'" % r['id'], "'%s'" % r['p'], real(r['want']), real(r['torch']),
                      real(r['terr'])] for r in rows])
write_counted_table(out, 'ent_ent_mag', 'id TEXT PRIMARY KEY, mag REAL, textbook REAL',
                    [["'%s'" % r['id'], real(r['mag']), real(r['textbook'])] for r in rows])
out.close()

if '--csv' in sys.argv:
    with open(sys.argv[sys.argv.index('--csv') + 1], 'w') as f:
        for r in rows:
            a = r['args'][0] if r['fam'] == 'dirichlet' else r['args']
            f.write('%s;%s;%s;%r;%r;%r;%s\n' % (r['id'], r['fam'], ','.join(repr(x) for x in a),
                                              r['want'], r['mag'], r['textbook'],
                                              'nan' if r['torch'] is None else repr(r['torch'])))

# torch's worst error per family, for the record
worst = {}
for r in rows:
    w = worst.setdefault(r['fam'], (0.0, ''))
    if r['terr'] > w[0]:
        worst[r['fam']] = (r['terr'], r['p'])
for fam in sorted(counts):
    off = sum(1 for r in rows if r['fam'] == fam and r['terr'] > 1e-12)
    print('%-12s %3d cases; torch off by > 1e-12 in %2d, worst %.2e at %s'
          % (fam, counts[fam], off, worst.get(fam, (0, ''))[0], worst.get(fam, (0, ''))[1]))
