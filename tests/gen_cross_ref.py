#!/usr/bin/python3
"""Writes tests/data/cross_ref.sql: reference values for KL(P || Q) between
members of different continuous families (src/core/cross.c), the pairs
PyTorch 1.13 registers (torch.distributions.kl._KL_REGISTRY) without the
ContinuousBernoulli and low-rank MVN ones.

Every expected value is the textbook E_P[ln p] - E_P[ln q] (P's entropy and
the cross-entropy, from P's moments: mean, variance, E ln x, E ln(1-x),
E|x - mu|, the moment generating function), in mpmath at 200 significant
digits from the exact double inputs (doubled until two precisions agree
to 1e-30): enough for the cancellation of a Gamma
of shape 1e30 against the normal of its moments (terms 1e32, value 1e-31).
+Inf where P's support leaves Q's or a moment the cross-entropy needs is
infinite (a Pareto's mean for alpha <= 1, its variance for alpha <= 2).

Beside it torch.distributions.kl_divergence in float64 and torch's relative
error; the ids say where torch is not merely inaccurate ('torch-wrong': a
finite value where the truth is +Inf; 'torch-overflow': +Inf where the
truth is finite; 'torch-nan').

    /usr/bin/python3 tests/gen_cross_ref.py [csv]

With an argument, also writes the cases as CSV (p family, p params, q
family, q params, want as a hex float) for a throwaway C driver.
"""
import math
from fractions import Fraction
import random
import sys
import warnings

from mpmath import (mp, mpf, log, log1p, exp, loggamma, digamma, euler, pi, sqrt,
                    erf, inf, isinf)

sys.path.insert(0, 'tests')
from refgen import write_counted_table, real, as_double

import torch
import torch.distributions as D

warnings.filterwarnings('ignore')
torch.set_default_dtype(torch.float64)
mp.dps = 200

INF = mpf('inf')


def lbeta(a, b):
    return loggamma(a) + loggamma(b) - loggamma(a + b)


def xlnx(x):
    return mpf(0) if x == 0 else x * log(x)


# ------------------------------------------------------------- P's side
def entropy(f, p):
    if f == 'beta':
        a, b = p
        return lbeta(a, b) - (a - 1) * digamma(a) - (b - 1) * digamma(b) + (a + b - 2) * digamma(a + b)
    if f == 'exponential':
        return 1 - log(p[0])
    if f == 'gamma':
        k, r = p
        return k - log(r) + loggamma(k) + (1 - k) * digamma(k)
    if f == 'gumbel':
        return log(p[1]) + euler + 1
    if f == 'laplace':
        return 1 + log(2 * p[1])
    if f == 'normal':
        return log(2 * pi * exp(1) * p[1] ** 2) / 2
    if f == 'pareto':
        s, a = p
        return log(s / a) + 1 / a + 1
    if f == 'uniform':
        return log(p[1] - p[0])
    raise ValueError(f)


def support(f, p):
    """(low, high, low included)"""
    if f == 'beta':
        return (mpf(0), mpf(1))
    if f in ('exponential', 'gamma'):
        return (mpf(0), INF)
    if f == 'pareto':
        return (p[0], INF)
    if f == 'uniform':
        return (p[0], p[1])
    return (-INF, INF)


def mean(f, p):
    if f == 'beta':
        return p[0] / (p[0] + p[1])
    if f == 'exponential':
        return 1 / p[0]
    if f == 'gamma':
        return p[0] / p[1]
    if f == 'gumbel':
        return p[0] + p[1] * euler
    if f in ('laplace', 'normal'):
        return p[0]
    if f == 'pareto':
        s, a = p
        return s * a / (a - 1) if a > 1 else INF
    if f == 'uniform':
        return (p[0] + p[1]) / 2


def var(f, p):
    if f == 'beta':
        a, b = p
        return a * b / ((a + b) ** 2 * (a + b + 1))
    if f == 'exponential':
        return 1 / p[0] ** 2
    if f == 'gamma':
        return p[0] / p[1] ** 2
    if f == 'gumbel':
        return pi ** 2 * p[1] ** 2 / 6
    if f == 'laplace':
        return 2 * p[1] ** 2
    if f == 'normal':
        return p[1] ** 2
    if f == 'pareto':
        s, a = p
        return s ** 2 * a / ((a - 1) ** 2 * (a - 2)) if a > 2 else INF
    if f == 'uniform':
        return (p[1] - p[0]) ** 2 / 12


def eln(f, p):
    if f == 'beta':
        return digamma(p[0]) - digamma(p[0] + p[1])
    if f == 'exponential':
        return -euler - log(p[0])
    if f == 'gamma':
        return digamma(p[0]) - log(p[1])
    if f == 'pareto':
        return log(p[0]) + 1 / p[1]
    if f == 'uniform':
        l, h = p
        return (xlnx(h) - xlnx(l)) / (h - l) - 1


def eln1m(f, p):
    if f == 'uniform':
        l, h = p
        return (xlnx(1 - l) - xlnx(1 - h)) / (h - l) - 1
    raise ValueError(f)


def mgf(f, p, t):
    """E e^(t x) for t < 0"""
    if f == 'exponential':
        return p[0] / (p[0] - t)
    if f == 'gamma':
        return (p[1] / (p[1] - t)) ** p[0]
    if f == 'normal':
        return exp(p[0] * t + p[1] ** 2 * t ** 2 / 2)
    if f == 'uniform':
        l, h = p
        return (exp(t * h) - exp(t * l)) / (t * (h - l))
    raise ValueError(f)


def cross_entropy(f, p, g, q):
    if g == 'normal':
        mu, sd = q
        v, m = var(f, p), mean(f, p)
        if isinf(v) or isinf(m):
            return INF
        return log(2 * pi * sd ** 2) / 2 + (v + (m - mu) ** 2) / (2 * sd ** 2)
    if g == 'exponential':
        m = mean(f, p)
        return INF if isinf(m) else -log(q[0]) + q[0] * m
    if g == 'gamma':
        k, r = q
        m = mean(f, p)
        return INF if isinf(m) else -k * log(r) + loggamma(k) - (k - 1) * eln(f, p) + r * m
    if g == 'gumbel':
        mu, b = q
        return log(b) + (mean(f, p) - mu) / b + exp(mu / b) * mgf(f, p, -1 / b)
    if g == 'laplace':
        mu, b = q
        m, s = p          # P normal
        d = m - mu
        ea = s * sqrt(2 / pi) * exp(-d ** 2 / (2 * s ** 2)) + d * erf(d / (s * sqrt(2)))
        return log(2 * b) + ea / b
    if g == 'beta':
        a, b = q
        return lbeta(a, b) - (a - 1) * eln(f, p) - (b - 1) * eln1m(f, p)
    if g == 'uniform':
        return log(q[1] - q[0])
    if g == 'pareto':
        s, a = q
        return -log(a) - a * log(s) + (a + 1) * eln(f, p)
    raise ValueError(g)


def ref(f, p, g, q):
    """at 200 digits (or twice the widest decimal exponent of the
    parameters, + 60), then at twice as many until two agree to 1e-30
    relative (the textbook form cancels a lot at extreme parameters)"""
    # enough digits to hold 1 + x for the smallest parameter and x / the
    # largest one (a + b with a = 1e-300, b = 5 is not 5 at 200 digits)
    mags = [abs(math.log10(abs(x))) for x in list(p) + list(q) if x != 0]
    dps = max(200, 2 * int(max(mags + [0])) + 60)
    with mp.workdps(dps):
        prev = ref1(f, p, g, q)
    while True:
        dps *= 2
        with mp.workdps(dps):
            cur = ref1(f, p, g, q)
        if cur == prev or (cur != INF and abs(cur - prev) <= mpf(10) ** -30 * abs(cur)):
            return cur
        if dps > 6400:
            raise SystemExit('no convergence %s %s %s %s' % (f, p, g, q))
        prev = cur


def ref1(f, p, g, q):
    p = [mpf(x) for x in p]
    q = [mpf(x) for x in q]
    pl, ph = support(f, p)
    ql, qh = support(g, q)
    if pl < ql or ph > qh:
        return INF
    return cross_entropy(f, p, g, q) - entropy(f, p)


TORCH = {
    'beta': lambda a, b: D.Beta(a, b),
    'exponential': lambda r: D.Exponential(r),
    'gamma': lambda k, r: D.Gamma(k, r),
    'gumbel': lambda m, b: D.Gumbel(m, b),
    'laplace': lambda m, b: D.Laplace(m, b),
    'normal': lambda m, s: D.Normal(m, s),
    'pareto': lambda s, a: D.Pareto(s, a),
    'uniform': lambda l, h: D.Uniform(l, h),
}


def torch_value(f, p, g, q):
    try:
        P = TORCH[f](*[torch.tensor(x) for x in p])
        Q = TORCH[g](*[torch.tensor(x) for x in q])
        return float(D.kl_divergence(P, Q))
    except Exception:
        return None


def rel_err(got, want):
    if got is None:
        return None
    if math.isnan(got):
        return float('inf')
    if want == INF:
        return 0.0 if got == float('inf') else float('inf')
    if got == float('inf'):
        return float('inf')
    if want == 0:
        return abs(got)
    return float(abs(mpf(got) - want) / want)


rows = []
csv = []
seen = set()


def add(f, g, case_id, p, q):
    p = [float(x) for x in p]
    q = [float(x) for x in q]
    want = ref(f, p, g, q)
    if want != INF and want < 0:
        raise SystemExit('negative KL %s %s %s %s: %s' % (f, p, g, q, want))
    tv = torch_value(f, p, g, q)
    terr = rel_err(tv, want)
    wd = as_double(want) if want != INF else float('inf')
    # ids that say where torch is not merely inaccurate: 'torch-wrong' a
    # finite value where the truth is +Inf (none in torch 1.13: its support
    # conditions, Pareto alpha <= 1 / <= 2, Uniform low < 0 or outside
    # [0, 1], agree with the mathematics), 'torch-overflow' +Inf where the
    # truth is finite (float64 intermediates), 'torch-nan' NaN
    if tv is not None:
        if math.isnan(tv):
            case_id += '.torch-nan'
        elif wd == float('inf') and tv != float('inf'):
            case_id += '.torch-wrong'
        elif wd != float('inf') and tv == float('inf'):
            case_id += '.torch-overflow'
    key = (f, g, case_id)
    n = 2
    while key in seen:
        key = (f, g, case_id + '.%d' % n)
        n += 1
    case_id = key[2]
    seen.add(key)
    ps = '%s(%s)' % (f, ', '.join(repr(x) for x in p))
    qs = '%s(%s)' % (g, ', '.join(repr(x) for x in q))
    rows.append(["'%s_%s.%s'" % (f, g, case_id), "'%s'" % ps, "'%s'" % qs,
                 real(wd), real(tv), real(terr)])
    csv.append('%s_%s.%s,%s,%s,%s,%s,%s,%s,%s' % (
        f, g, case_id, f, p[0].hex(), float(p[1] if len(p) > 1 else 0).hex(),
        g, q[0].hex(), float(q[1] if len(q) > 1 else 0).hex(), wd.hex()))


rng = random.Random(20261129)


def lu(a, b):
    return 10.0 ** rng.uniform(a, b)


def loc(a=-3, b=3):
    return rng.choice([-1.0, 1.0]) * lu(a, b)


def near(x, rel):
    """x moved by a relative amount around rel"""
    return x * (1.0 + rng.choice([-1.0, 1.0]) * rel * rng.uniform(0.5, 1.0))


def rand_dist(f, wide=6):
    if f == 'beta':
        return [lu(-wide, wide), lu(-wide, wide)]
    if f in ('exponential',):
        return [lu(-wide, wide)]
    if f == 'gamma':
        return [lu(-wide, wide), lu(-wide, wide)]
    if f in ('gumbel', 'laplace', 'normal'):
        return [loc(-wide, wide), lu(-wide, wide)]
    if f == 'pareto':
        return [lu(-wide, wide), lu(-wide, wide)]
    if f == 'uniform':
        l = loc(-wide, wide)
        return [l, l + lu(-wide, wide) * max(1.0, abs(l)) ** rng.random()]


def rand_uniform_in(lo, hi):
    """a uniform inside [lo, hi] (hi may be inf)"""
    if hi == float('inf'):
        l = lo + (lo if lo > 0 else 1.0) * lu(-6, 4) * rng.choice([0, 1, 1])
        return [l, l + max(l, 1e-300) * lu(-8, 4) + (0.0 if l > 0 else lu(-6, 4))]
    a = rng.uniform(lo, hi)
    b = rng.uniform(lo, hi)
    if a == b:
        b = hi
    return sorted([a, b])


FINITE = [
    ('beta', 'exponential'), ('beta', 'gamma'), ('beta', 'normal'), ('beta', 'uniform'),
    ('exponential', 'gamma'), ('exponential', 'gumbel'), ('exponential', 'normal'),
    ('gamma', 'exponential'), ('gamma', 'gumbel'), ('gamma', 'normal'),
    ('gumbel', 'normal'), ('laplace', 'normal'), ('normal', 'gumbel'), ('normal', 'laplace'),
    ('pareto', 'exponential'), ('pareto', 'gamma'), ('pareto', 'normal'),
    ('uniform', 'beta'), ('uniform', 'exponential'), ('uniform', 'gamma'),
    ('uniform', 'gumbel'), ('uniform', 'normal'), ('uniform', 'pareto'),
]
ALWAYS_INF = [
    ('beta', 'pareto'),
    ('exponential', 'beta'), ('exponential', 'pareto'), ('exponential', 'uniform'),
    ('gamma', 'beta'), ('gamma', 'pareto'), ('gamma', 'uniform'),
    ('gumbel', 'beta'), ('gumbel', 'exponential'), ('gumbel', 'gamma'), ('gumbel', 'pareto'),
    ('gumbel', 'uniform'),
    ('laplace', 'beta'), ('laplace', 'exponential'), ('laplace', 'gamma'), ('laplace', 'pareto'),
    ('laplace', 'uniform'),
    ('normal', 'beta'), ('normal', 'exponential'), ('normal', 'gamma'), ('normal', 'pareto'),
    ('normal', 'uniform'),
    ('pareto', 'beta'), ('pareto', 'uniform'),
]

# --------------------------------------------------- random cases, wide
for f, g in FINITE:
    n = 0
    tries = 0
    while n < 30 and tries < 10000:
        tries += 1
        wide = 3 if n < 15 else 8
        if f == 'uniform' and g == 'beta':
            p = rand_uniform_in(0.0, 1.0)
            q = [lu(-wide, wide), lu(-wide, wide)]
        elif f == 'uniform' and g in ('exponential', 'gamma'):
            p = rand_uniform_in(0.0, float('inf'))
            q = rand_dist(g, wide)
        elif f == 'uniform' and g == 'pareto':
            q = rand_dist('pareto', wide)
            p = rand_uniform_in(q[0], float('inf'))
        elif f == 'pareto':
            p = [lu(-wide, wide), (2.0 if g == 'normal' else 1.0) + lu(-wide, wide)]
            q = rand_dist(g, wide)
        elif f == 'beta' and g == 'uniform':
            p = rand_dist('beta', wide)
            q = [-lu(-wide, 1) * rng.choice([0, 1]), 1.0 + lu(-wide, 1) * rng.choice([0, 1])]
        else:
            p = rand_dist(f, wide)
            q = rand_dist(g, wide)
        w = ref(f, p, g, q)
        if w == INF or as_double(w) == float('inf'):
            continue
        add(f, g, 'rand.%02d' % n, p, q)
        n += 1

# ------------------------------- random cases over 1e-300 .. 1e300
# (only where the truth is finite and below DBL_MAX: no false +Inf, no
# intermediate overflow)
for f, g in FINITE:
    n = 0
    tries = 0
    while n < 12 and tries < 20000:
        tries += 1
        wide = 300
        if f == 'uniform' and g == 'beta':
            p = rand_uniform_in(0.0, 1.0)
            q = [lu(-wide, wide), lu(-wide, wide)]
        elif f == 'uniform' and g in ('exponential', 'gamma'):
            l = rng.choice([0.0, lu(-wide, wide)])
            p = [l, l + lu(-wide, wide)]
            q = rand_dist(g, wide)
        elif f == 'uniform' and g == 'pareto':
            q = rand_dist('pareto', wide)
            l = q[0] * (1.0 + rng.choice([0.0, lu(-wide, 5)]))
            p = [l, l + lu(-wide, wide)]
        elif f == 'uniform':
            l = loc(-wide, wide)
            p = [l, l + lu(-wide, wide)]
            q = rand_dist(g, wide)
        elif f == 'pareto':
            p = [lu(-wide, wide), (2.0 if g == 'normal' else 1.0) + lu(-wide, wide)]
            q = rand_dist(g, wide)
        elif f == 'beta' and g == 'uniform':
            p = rand_dist('beta', wide)
            q = [-lu(-wide, wide) * rng.choice([0, 1]), 1.0 + lu(-wide, wide) * rng.choice([0, 1])]
        else:
            p = rand_dist(f, wide)
            q = rand_dist(g, wide)
        if not all(math.isfinite(x) for x in p + q) or (f == 'uniform' and not p[0] < p[1]):
            continue
        w = ref(f, p, g, q)
        if w == INF or as_double(w) == float('inf'):
            continue
        add(f, g, 'extreme.%02d' % n, p, q)
        n += 1

# ------------------------ a subnormal parameter (finite truths only)
SUBN = [5e-324, 1e-310, 2.2250738585072014e-308 / 3]
for f, g in FINITE:
    n = 0
    tries = 0
    while n < 4 and tries < 400:
        tries += 1
        if f == 'uniform':
            lo = 0.0 if g in ('exponential', 'gamma', 'beta') else loc(-3, 3)
            p = [lo, lo + rng.choice(SUBN)] if rng.random() < 0.5 else [lo, lo + lu(-3, 0)]
            q = rand_dist(g, 3) if g not in ('pareto',) else [lo if lo > 0 else 1e-300, lu(-3, 3)]
            if g == 'pareto':
                p = [q[0], q[0] + rng.choice([rng.choice(SUBN), lu(-3, 0)])]
        elif f == 'pareto':
            p = [lu(-3, 3), (2.0 if g == 'normal' else 1.0) + lu(-3, 3)]
            q = rand_dist(g, 3)
        else:
            p = rand_dist(f, 3)
            q = rand_dist(g, 3) if not (f == 'beta' and g == 'uniform') else [0.0, 1.0]
        # one positive parameter replaced by a subnormal
        slots = [(0, i) for i in range(len(p)) if p[i] > 0] + [(1, i) for i in range(len(q)) if q[i] > 0]
        if f in ('gumbel', 'laplace', 'normal'):
            slots = [s_ for s_ in slots if s_ != (0, 0)]
        if g in ('gumbel', 'laplace', 'normal'):
            slots = [s_ for s_ in slots if s_ != (1, 0)]
        if f == 'uniform':
            slots = [s_ for s_ in slots if s_[0] == 1]
        if g == 'uniform':
            slots = [s_ for s_ in slots if s_[0] == 0]
        if not slots:
            continue
        side, i = rng.choice(slots)
        (p if side == 0 else q)[i] = rng.choice(SUBN)
        if f == 'uniform' and not p[0] < p[1]:
            continue
        try:
            w = ref(f, p, g, q)
        except (ValueError, ZeroDivisionError):
            continue
        if w == INF or as_double(w) == float('inf'):
            continue
        add(f, g, 'subnormal.%02d' % n, p, q)
        n += 1

# ------------------------------------------ adversarial, pair by pair
A = {}


def adv(f, g, case_id, p, q):
    add(f, g, case_id, p, q)


# Beta || Exponential: Beta(1, b) -> Exp(b+1) as b grows (1/(2b^2)); tiny a
for b in (10.0, 1e3, 1e6, 1e10, 1e15, 1e100, 1e300):
    adv('beta', 'exponential', 'beta1b.%g' % b, [1.0, b], [b + 1.0])
    adv('beta', 'exponential', 'beta1b-off.%g' % b, [1.0, b], [near(b, 1e-3)])
for a in (1e-300, 1e-30, 1e-8, 0.5, 3.0):
    adv('beta', 'exponential', 'small-a.%g' % a, [a, 2.0], [3.0])
adv('beta', 'exponential', 'big-a', [1e300, 1e-3], [1e300])
adv('beta', 'exponential', 'tiny-rate', [2.0, 5.0], [1e-300])
adv('beta', 'exponential', 'huge-rate', [2.0, 5.0], [1e300])
adv('beta', 'exponential', 'ab-huge', [1e10, 1e10], [2.0])
adv('beta', 'exponential', 'hand.beta11-exp1', [1.0, 1.0], [1.0])

# Beta || Gamma: Beta(a, b) -> Gamma(a, a+b) for large b
for a, b in ((0.5, 1e8), (3.0, 1e6), (1e-5, 1e12), (2.5, 1e300), (7.0, 12.0),
             (1e-300, 5.0), (1e-10, 0.3), (1e5, 1e15), (0.3, 3.0)):
    adv('beta', 'gamma', 'near.%g.%g' % (a, b), [a, b], [a, a + b])
    adv('beta', 'gamma', 'near-off.%g.%g' % (a, b), [a, b], [near(a, 1e-6), near(a + b, 1e-6)])
adv('beta', 'gamma', 'far', [2.0, 3.0], [1e300, 1e-300])
adv('beta', 'gamma', 'far2', [1e-200, 1e200], [1e200, 1e-200])
adv('beta', 'gamma', 'big-ab', [1e12, 1e12], [1e12, 2e12])

# Beta || Normal: Beta of large a, b against the normal of its moments
for a, b in ((1e4, 1e4), (1e8, 3e8), (1e15, 1e15), (1e100, 2e100), (0.5, 0.5),
             (1e-300, 1.0), (3.0, 1e12), (1e12, 3.0)):
    m = a / (a + b)
    sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    adv('beta', 'normal', 'moments.%g.%g' % (a, b), [a, b], [m, sd])
    adv('beta', 'normal', 'moments-off.%g.%g' % (a, b), [a, b], [near(m, 1e-3), near(sd, 1e-3)])
adv('beta', 'normal', 'tiny-sd', [2.0, 3.0], [0.5, 1e-150])
adv('beta', 'normal', 'huge-sd', [2.0, 3.0], [0.5, 1e300])
adv('beta', 'normal', 'far-mu', [2.0, 3.0], [1e300, 1.0])

# Beta || Uniform: Beta(1, 1) || U(0, 1) = 0 and near; outside [0,1] is +Inf
adv('beta', 'uniform', 'zero', [1.0, 1.0], [0.0, 1.0])
for e in (1e-15, 1e-10, 1e-5):
    adv('beta', 'uniform', 'near-a.%g' % e, [1.0 + e, 1.0], [0.0, 1.0])
    adv('beta', 'uniform', 'near-ab.%g' % e, [1.0 - e, 1.0 + 2 * e], [0.0, 1.0])
    adv('beta', 'uniform', 'near-wide.%g' % e, [1.0, 1.0], [-e, 1.0])
    adv('beta', 'uniform', 'near-wide2.%g' % e, [1.0, 1.0], [0.0, 1.0 + e])
adv('beta', 'uniform', 'huge-width', [2.0, 3.0], [-1e308, 1e308])
adv('beta', 'uniform', 'tiny-ab', [1e-300, 1e-300], [0.0, 1.0])
adv('beta', 'uniform', 'huge-ab', [1e300, 1e300], [-1.0, 2.0])
adv('beta', 'uniform', 'outside-low.torch-check', [2.0, 3.0], [0.1, 1.0])
adv('beta', 'uniform', 'outside-high.torch-check', [2.0, 3.0], [0.0, 0.9])
adv('beta', 'uniform', 'outside-both', [2.0, 3.0], [0.2, 0.8])

# Exponential || Gamma: Exp(r) || Gamma(1, r) = 0 and near
for r in (1e-300, 1e-5, 1.0, 3.7, 1e300):
    adv('exponential', 'gamma', 'zero.%g' % r, [r], [1.0, r])
for e in (1e-15, 1e-12, 1e-8, 1e-4, 0.2, 0.3):
    adv('exponential', 'gamma', 'near-k.%g' % e, [2.0], [1.0 + e, 2.0])
    adv('exponential', 'gamma', 'near-kr.%g' % e, [2.0], [1.0 - e, 2.0 * (1.0 + e)])
    adv('exponential', 'gamma', 'near-r.%g' % e, [2.0], [1.0, 2.0 * (1.0 - e)])
for k in (1e-300, 1e-10, 0.5, 5.0, 9.99, 10.0, 1e3, 1e10, 1e300):
    adv('exponential', 'gamma', 'k.%g' % k, [1.5], [k, 1.5 * k])
adv('exponential', 'gamma', 'far', [1e-300], [2.0, 1e300])

# Exponential || Gumbel
for l, b, m in ((1.0, 0.618, 0.0), (1e-300, 1.0, 0.0), (1e300, 1.0, 0.0), (1.0, 1e300, 1e300),
                (1.0, 1.0, 700.0), (1.0, 1.0, 709.5), (1.0, 1.0, -1e300), (1e-150, 1e150, 0.3),
                (1.0, 1e-300, -1.0), (2.0, 0.5, 1e5), (1.0, 1.0, -0.48121182505960347)):
    adv('exponential', 'gumbel', 'adv.%g.%g.%g' % (l, b, m), [l], [m, b])

# Exponential || Normal: least 0.419 at Normal(1/l, 1/l)
for l in (1e-300, 1e-10, 1.0, 1e10, 1e300):
    adv('exponential', 'normal', 'best.%g' % l, [l], [1.0 / l, 1.0 / l])
adv('exponential', 'normal', 'tiny-sd', [1.0], [1.0, 1e-300])
adv('exponential', 'normal', 'huge-sd', [1.0], [1.0, 1e300])
adv('exponential', 'normal', 'far-mu', [1.0], [-1e300, 1.0])
adv('exponential', 'normal', 'near-overflow', [1.0], [1.0, 1e-154])

# Gamma || Exponential: Gamma(1, r) || Exp(r) = 0 and near
for r in (1e-300, 1e-5, 1.0, 3.7, 1e300):
    adv('gamma', 'exponential', 'zero.%g' % r, [1.0, r], [r])
for e in (1e-15, 1e-12, 1e-8, 1e-4, 0.2, 0.3):
    adv('gamma', 'exponential', 'near-k.%g' % e, [1.0 + e, 2.0], [2.0])
    adv('gamma', 'exponential', 'near-kr.%g' % e, [1.0 - e, 2.0], [2.0 * (1 + e)])
    adv('gamma', 'exponential', 'near-r.%g' % e, [1.0, 2.0], [2.0 * (1 - e)])
for k in (1e-300, 1e-10, 0.5, 1.9, 2.0, 5.0, 1e3, 1e10, 1e300):
    adv('gamma', 'exponential', 'k.%g' % k, [k, 1.5 * k], [1.5])
adv('gamma', 'exponential', 'far', [2.0, 1e-300], [1e300])

# Gamma || Gumbel
for k in (1e-300, 1e-5, 0.7, 1.0, 1.3, 2.0, 50.0, 1e8, 1e20, 1e300):
    # near the best Gumbel for each k: u^2 + u = k, mu/b = k log1p(1/u)
    u = 2.0 * k / (1.0 + math.sqrt(1.0 + 4.0 * k)) if k < 1e200 else math.sqrt(k)
    b = 1.0
    r = u / b
    adv('gamma', 'gumbel', 'best.%g' % k, [k, r], [k * math.log1p(1.0 / u), b])
adv('gamma', 'gumbel', 'far', [2.0, 1e-300], [0.0, 1e300])
adv('gamma', 'gumbel', 'far-mu', [2.0, 3.0], [-1e300, 1.0])
adv('gamma', 'gumbel', 'w-overflow', [2.0, 3.0], [705.0, 1.0])

# Gamma || Normal: the normal of its moments (E(k) -> 1/(3k))
for k in (1e-300, 1e-8, 0.5, 1.0, 1.999, 2.0, 10.0, 1e4, 1e8, 1e12, 1e16, 1e20, 1e30, 1e100, 1e300):
    for r in (1.0, 3.0):
        adv('gamma', 'normal', 'moments.%g.%g' % (k, r), [k, r], [k / r, math.sqrt(k) / r])
for k in (1e8, 1e16):
    adv('gamma', 'normal', 'moments-off.%g' % k, [k, 2.0], [k / 2.0 * (1 + 1e-9), math.sqrt(k) / 2.0 * (1 + 1e-6)])
adv('gamma', 'normal', 'tiny-sd', [2.0, 3.0], [0.5, 1e-300])
adv('gamma', 'normal', 'huge-sd', [2.0, 3.0], [0.5, 1e300])
adv('gamma', 'normal', 'tiny-rate', [2.0, 1e-300], [0.0, 1.0])

# Gumbel || Normal, Laplace || Normal, Uniform || Normal: the normal of its moments
for s in (1e-300, 1.0, 1e300):
    adv('gumbel', 'normal', 'moments.%g' % s, [0.5, s], [0.5 + s * 0.5772156649015329, s * math.pi / math.sqrt(6)])
    adv('laplace', 'normal', 'moments.%g' % s, [-0.5, s], [-0.5, s * math.sqrt(2)])
    adv('uniform', 'normal', 'moments.%g' % s, [0.0, s], [s / 2, s / math.sqrt(12)])
for f, p in (('gumbel', [1e300, 1.0]), ('laplace', [1e300, 1.0]), ('uniform', [-1e308, 1e308])):
    adv(f, 'normal', 'far-mu', p, [-1e300, 1e300])
    adv(f, 'normal', 'tiny-sd', [0.0, 1.0], [3.0, 1e-150])
    adv(f, 'normal', 'huge-sd', [0.0, 1.0], [3.0, 1e300])
    adv(f, 'normal', 'big-z', [0.0, 1.0], [1e150, 1.0])
    adv(f, 'normal', 'sd-ratio', [0.0, 1e-200], [0.0, 1e100])
adv('uniform', 'normal', 'wide', [-1e308, 1e308], [0.0, 1e300])

# Normal || Gumbel
for s, b, m in ((1.0, 1.0, 0.5), (1e-300, 1.0, 0.0), (1.0, 1e-300, 0.0), (1e300, 1e300, 0.0),
                (1.0, 1.0, 700.0), (1.0, 1.0, -1e300), (30.0, 1.0, 450.0), (1.0, 1.0, 0.5 - 1e-12)):
    adv('normal', 'gumbel', 'adv.%g.%g.%g' % (s, b, m), [m, s], [0.0, b])

# Normal || Laplace: least 1/2 at equal locations and b = s sqrt(2/pi)
for s in (1e-300, 1.0, 1e300):
    adv('normal', 'laplace', 'best.%g' % s, [1.0, s], [1.0, s * math.sqrt(2 / math.pi)])
for d in (1e-300, 1e-8, 1e-3, 1.0, 30.0, 1e300):
    adv('normal', 'laplace', 'offset.%g' % d, [d, 1.0], [0.0, 0.8])
adv('normal', 'laplace', 'tiny-b', [0.0, 1.0], [0.0, 1e-300])
adv('normal', 'laplace', 'far', [-1e308, 1.0], [1e308, 1e300])

# Pareto || Exponential and || Gamma (finite only for alpha > 1)
for a in (1.0, 0.5, 1e-300):
    adv('pareto', 'exponential', 'alpha-le-1.%g' % a, [1.0, a], [1.0])
    adv('pareto', 'gamma', 'alpha-le-1.%g' % a, [1.0, a], [2.0, 1.0])
for a in (1.0 + 1e-15, 1.0 + 1e-8, 1.618033988749895, 2.0, 1e8, 1e300):
    adv('pareto', 'exponential', 'best.%g' % a, [1.0, a], [(a - 1.0) / a])
    adv('pareto', 'exponential', 'off.%g' % a, [3.0, a], [1e-3])
    adv('pareto', 'gamma', 'k1.%g' % a, [1.0, a], [1.0, (a - 1.0) / a])
    if a < 1e150:
        adv('pareto', 'gamma', 'kbig.%g' % a, [1.0, a], [a * a, a * (a - 1.0)])
for k in (1e-300, 1e-5, 9.99, 10.0, 1e10, 1e300):
    adv('pareto', 'gamma', 'k.%g' % k, [2.0, 3.0], [k, 1.0])
adv('pareto', 'exponential', 'far', [1e300, 3.0], [1e300])
adv('pareto', 'gamma', 'far', [1e-300, 3.0], [2.0, 1e-300])

# Pareto || Normal (finite only for alpha > 2)
for a in (2.0, 1.5, 1e-300):
    adv('pareto', 'normal', 'alpha-le-2.%g' % a, [1.0, a], [0.0, 1.0])
for a in (2.0 + 1e-14, 2.5, 3.999, 4.0, 1e4, 1e10, 1e300):
    m = a / (a - 1.0)
    sd = math.sqrt(a / (a - 2.0)) / (a - 1.0)
    adv('pareto', 'normal', 'moments.%g' % a, [1.0, a], [m, sd])
adv('pareto', 'normal', 'far', [1e300, 3.0], [-1e300, 1e-300])

# Uniform || Beta: U(0,1) || Beta(1,1) = 0 and near; outside [0,1] is +Inf
adv('uniform', 'beta', 'zero', [0.0, 1.0], [1.0, 1.0])
for e in (1e-15, 1e-10, 1e-5, 0.2):
    adv('uniform', 'beta', 'near-a.%g' % e, [0.0, 1.0], [1.0 + e, 1.0])
    adv('uniform', 'beta', 'near-ab.%g' % e, [0.0, 1.0], [1.0 - e, 1.0 + e])
    adv('uniform', 'beta', 'near-aa.%g' % e, [0.0, 1.0], [1.0 + e, 1.0 + e])
    adv('uniform', 'beta', 'near-w.%g' % e, [e, 1.0], [1.0, 1.0])
    adv('uniform', 'beta', 'near-w2.%g' % e, [0.0, 1.0 - e], [1.0, 1.0 - e])
for c, w in ((0.5, 1e-3), (0.3, 1e-6), (0.9, 1e-8)):
    # narrow uniform against the beta of its moments
    v = w * w / 12
    s = c * (1 - c) / v - 1
    adv('uniform', 'beta', 'moments.%g.%g' % (c, w), [c - w / 2, c + w / 2], [c * s, (1 - c) * s])
adv('uniform', 'beta', 'outside-low.torch-check', [-0.1, 0.5], [2.0, 2.0])
adv('uniform', 'beta', 'outside-high.torch-check', [0.5, 1.1], [2.0, 2.0])
adv('uniform', 'beta', 'tiny-ab', [0.25, 0.75], [1e-300, 1e-300])
adv('uniform', 'beta', 'huge-ab', [0.25, 0.75], [1e300, 1e300])
adv('uniform', 'beta', 'tiny-l', [1e-300, 2e-300], [2.0, 5.0])

# Uniform || Exponential (+Inf for low < 0)
adv('uniform', 'exponential', 'best', [0.0, 2.0], [1.0])
adv('uniform', 'exponential', 'below-0.torch-check', [-1.0, 2.0], [1.0])
adv('uniform', 'exponential', 'tiny', [0.0, 1e-300], [1e-300])
adv('uniform', 'exponential', 'huge', [1e300, 1.7e308], [1e300])
adv('uniform', 'exponential', 'huge-width', [0.0, 1.7e308], [1e-300])
adv('uniform', 'exponential', 'narrow', [1.0, 1.0 + 2 ** -52], [1e-5])

# Uniform || Gamma (+Inf for low < 0): narrow uniform against huge shapes
adv('uniform', 'gamma', 'below-0.torch-check', [-1.0, 2.0], [2.0, 1.0])
adv('uniform', 'gamma', 'exp', [0.0, 2.0], [1.0, 1.0])
for c, w in ((1.0, 1e-3), (1e6, 1.0), (1.0, 1e-8), (5.0, 2.0), (1e100, 1e90)):
    v = w * w / 12
    k = c * c / v
    adv('uniform', 'gamma', 'moments.%g.%g' % (c, w), [c - w / 2, c + w / 2], [k, k / c])
adv('uniform', 'gamma', 'tiny-k', [0.0, 1.0], [1e-300, 1.0])
adv('uniform', 'gamma', 'huge-k', [0.0, 1.0], [1e300, 1e300])
adv('uniform', 'gamma', 'huge', [0.0, 1.7e308], [2.0, 1e-300])

# Uniform || Gumbel: least ~0.206 at A = 3.83
for b in (1e-300, 1.0, 1e300):
    adv('uniform', 'gumbel', 'best.%g' % b, [0.0, 3.83 * b], [0.5 * b, b])
adv('uniform', 'gumbel', 'narrow', [1.0, 1.0 + 1e-10], [1.0, 1.0])
adv('uniform', 'gumbel', 'wide', [0.0, 1e4], [0.0, 1.0])
adv('uniform', 'gumbel', 'w-big', [-700.0, -699.0], [0.0, 1.0])
adv('uniform', 'gumbel', 'far-mu', [0.0, 1.0], [-1e300, 1.0])
adv('uniform', 'gumbel', 'huge-width', [-1e308, 1e308], [0.0, 1e308])
adv('uniform', 'gumbel', 'far-mu2', [0.0, 1.0], [1e300, 1e300])

# Uniform || Pareto (+Inf for low < scale)
adv('uniform', 'pareto', 'below-scale', [0.5, 2.0], [1.0, 2.0])
adv('uniform', 'pareto', 'at-scale', [1.0, 3.0], [1.0, 2.0])
for a in (1e-300, 1e-5, 1.0, 1e5, 1e300):
    adv('uniform', 'pareto', 'alpha.%g' % a, [1.0, 1.0 + max(2.0 / a, 1e-12)], [1.0, a])
adv('uniform', 'pareto', 'narrow', [1.0, 1.0 + 1e-12], [1.0, 1e12])
adv('uniform', 'pareto', 'above', [1e300, 1.7e308], [1e-300, 3.0])
adv('uniform', 'pareto', 'tiny', [1e-300, 2e-300], [1e-300, 0.5])

# More near the least KL of each pair (where the parts cancel most)
for a, b in ((1e6, 1e6 + 1), (1e10, 2e10), (50.0, 60.0), (10.0, 10.0), (10.0, 1e6),
             (1e20, 1e20), (3e7, 3e7 + 5e3), (12.5, 11.0)):
    m = a / (a + b)
    sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    adv('beta', 'normal', 'moments2.%r.%r' % (a, b), [a, b], [m, sd])
for a, b in ((100.0, 100.0), (1e6, 1e6), (1e8, 1e10), (2.0, 1e3), (1e-3, 1e-3), (1e5, 1e-5)):
    m = a / (a + b)
    v = a * b / ((a + b) ** 2 * (a + b + 1))
    adv('beta', 'gamma', 'moments.%r.%r' % (a, b), [a, b], [m * m / v, m / v])
    adv('beta', 'exponential', 'mean.%r.%r' % (a, b), [a, b], [1.0 / m])
for l, h, a, b in ((0.3, 0.7, 3.0, 3.0), (0.1, 0.2, 2.0, 9.0), (0.0, 0.5, 0.5, 3.9), (0.5, 1.0, 4.0, 0.3),
                   (0.0, 1.0, 4.0, 4.0), (0.0, 1.0, 1.3, 0.7), (0.0, 1.0, 1.25, 1.25), (0.0, 1.0, 1.2500000000000002, 1.0)):
    adv('uniform', 'beta', 'mid.%r.%r.%r.%r' % (l, h, a, b), [l, h], [a, b])
for s_, off in ((1e5, 0.0), (1e5, 1e-3), (1e7, 0.25), (3e3, -2.0)):
    adv('normal', 'gumbel', 'cancel.%r.%r' % (s_, off), [s_ * s_ / 2 + off, s_], [0.0, 1.0])
for k in (1e12, 1e20, 1e100):
    u = math.sqrt(k)
    adv('gamma', 'gumbel', 'best2.%g' % k, [k, u], [k * math.log1p(1.0 / u) * (1 + 1e-13), 1.0])
for b in (1e-300, 1e-100, 1e-10):
    adv('exponential', 'gumbel', 'cancel.%g' % b, [1.0], [math.log1p(1.0 / b) * b, b])

# Q fitted to a random P by its mean and variance (where the parts of a KL
# cancel most), over wide ranges
def fit(f, p, g):
    m, v = float(mean(f, [mpf(x) for x in p])), float(var(f, [mpf(x) for x in p]))
    sd = math.sqrt(v)
    if g == 'normal':
        return [m, sd]
    if g == 'gamma':
        return [m * m / v, m / v]
    if g == 'exponential':
        return [1.0 / m]
    if g == 'gumbel':
        b = sd * math.sqrt(6) / math.pi
        return [m - b * 0.5772156649015329, b]
    if g == 'laplace':
        return [m, sd / math.sqrt(2)]
    if g == 'beta':
        s = m * (1 - m) / v - 1
        return [m * s, (1 - m) * s]


def rand_p(f, g):
    if f == 'uniform':
        if g == 'beta':
            return rand_uniform_in(0.0, 1.0)
        l = rng.choice([0.0, lu(-5, 5)]) if g in ('gamma', 'exponential') else loc(-5, 5)
        return [l, l + lu(-5, 5)]
    if f == 'pareto':
        return [lu(-5, 5), 2.0 + lu(-3, 5)]
    if f == 'beta':
        return [lu(-3, 5), lu(-3, 5)]
    return rand_dist(f, 5)


for f, g in FINITE:
    if g in ('uniform', 'pareto'):
        continue
    n = 0
    while n < 10:
        p = rand_p(f, g)
        try:
            q = fit(f, p, g)
        except (ValueError, ZeroDivisionError, OverflowError):
            continue
        if q is None or not all(math.isfinite(x) for x in q) or (g != 'gumbel' and g != 'normal' and g != 'laplace' and min(q) <= 0):
            continue
        if g == 'normal' and q[1] <= 0:
            continue
        w = ref(f, p, g, q)
        if w == INF:
            continue
        add(f, g, 'fitted.%02d' % n, p, q)
        n += 1

# Beta(a, b) || Gamma(k, r) with a, b >= 1e5 and the gamma at (or within a
# relative 1e-12 .. 1e-3 of) the Beta's own mean and variance: k* = m^2/v =
# a (S+1)/b, r* = m/v = S (S+1)/b (S = a + b), rounded once from the exact
# rationals.  The KL is O(a/(bS) + 1/b^2) there, far below the parts of the
# general splits of src/core/cross.c (its cross_bg_near road).  Own RNG, so
# the cases above do not move.
def bg_moments(a, b):
    A, B = Fraction(a), Fraction(b)
    S = A + B
    return float(A * (S + 1) / B), float(S * (S + 1) / B)


def bg_case(tag, a, b, dk=0.0, dr=0.0):
    try:
        k, r = bg_moments(a, b)
    except OverflowError:
        return
    k, r = k * (1.0 + dk), r * (1.0 + dr)
    if not (math.isfinite(k) and math.isfinite(r)) or k > 1e307 or r > 1e307:
        return
    add('beta', 'gamma', 'near-moments.%s' % tag, [a, b], [k, r])


rng_bg = random.Random(18)
for a, b in ((1e5, 1e5), (1e5, 1e15), (1e15, 1e5), (1e6, 1e6), (1e6, 1e6 + 1.0),
             (1e8, 1e10), (1e10, 1e8), (3e7, 3e7 + 5e3), (1e100, 1e100),
             (1e150, 1e140), (1e140, 1e150), (1e290, 1e300), (1e300, 1e300),
             (1e5, 1e5 * 1e10), (1e5 * 1e10, 1e5), (1e200, 1e210), (1e300, 1e299)):
    bg_case('%r.%r' % (a, b), a, b)
    bg_case('%r.%r.k+1e-12' % (a, b), a, b, 1e-12, 0.0)
    bg_case('%r.%r.kr-1e-9' % (a, b), a, b, -1e-9, -1e-9)
    bg_case('%r.%r.r+1e-3' % (a, b), a, b, 0.0, 1e-3)
# k 1% off k* and a/b just beyond 1e10 (the general splits once cancelled
# there too, at 1e-11)
for a, b in ((1e5, 1e5), (1e5, 1e15), (1e15, 1e5), (1e200, 1e195)):
    for dk in (9.9e-3, -9.9e-3, 1.1e-2, -1.1e-2):
        bg_case('%r.%r.edge-k%+g' % (a, b, dk), a, b, dk, 0.0)
        bg_case('%r.%r.edge-kr%+g' % (a, b, dk), a, b, dk, -dk)
for a, b in ((1e5, 1.1e15), (1.1e15, 1e5), (1e5, 0.9e15), (0.9e15, 1e5)):
    bg_case('%r.%r.edge-ratio' % (a, b), a, b)
n = 0
while n < 40:
    la = rng_bg.uniform(5, 300)
    lr = rng_bg.uniform(-10, 10)
    lb = la - lr
    if not 5 <= lb <= 300:
        continue
    a = float('%.6e' % 10 ** la)
    b = float('%.6e' % 10 ** lb)
    kind = n % 4
    d1 = rng_bg.choice([-1, 1]) * 10 ** rng_bg.uniform(-12, -3)
    d2 = rng_bg.choice([-1, 1]) * 10 ** rng_bg.uniform(-12, -3)
    pert = [(0.0, 0.0), (d1, 0.0), (d1, d1), (d1, d2)][kind]
    try:
        k, r = bg_moments(a, b)
    except OverflowError:
        continue
    if not (math.isfinite(k) and math.isfinite(r)) or k > 1e307 or r > 1e307:
        continue
    bg_case('rand.%02d' % n, a, b, *pert)
    n += 1

# ---------------------------------------- the always-infinite pairs
PARAMS = {
    'beta': [[2.0, 3.0], [1e-300, 1e300], [1.0, 1.0]],
    'exponential': [[1.0], [1e-300], [1e300]],
    'gamma': [[2.0, 3.0], [1e-300, 1e300], [1e300, 1e-300]],
    'gumbel': [[0.0, 1.0], [1e300, 1e-300], [-1e300, 1e300]],
    'laplace': [[0.0, 1.0], [1e300, 1e-300], [-1e300, 1e300]],
    'normal': [[0.0, 1.0], [1e300, 1e-300], [-1e300, 1e300]],
    'pareto': [[1.0, 2.0], [1e-300, 1e300], [1e300, 1e-300]],
    'uniform': [[0.0, 1.0], [-1e308, 1e308], [0.25, 0.5]],
}
for f, g in ALWAYS_INF:
    for i in range(3):
        p = PARAMS[f][i]
        q = PARAMS[g][(i + 1) % 3]
        w = ref(f, p, g, q)
        assert w == INF, (f, g, p, q)
        add(f, g, 'inf.%d' % i, p, q)

with open('tests/data/cross_ref.sql', 'w') as out:
    out.write('-- Generated by tests/gen_cross_ref.py (mpmath, 200 digits; '
              'torch float64 beside). Do not edit.\n')
    write_counted_table(out, 'cross_ref', 'id TEXT PRIMARY KEY, p TEXT, q TEXT, want REAL, '
                        'torch REAL, torch_err REAL', rows)
if len(sys.argv) > 1:
    with open(sys.argv[1], 'w') as out:
        out.write('\n'.join(csv) + '\n')
print('wrote %d cases' % len(rows))
