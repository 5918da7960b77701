#!/usr/bin/python3
"""Writes tests/data/cbern_ref.sql: reference values for the continuous
Bernoulli family (src/core/cbern.c): its own KL, its entropy and every cross
pair torch 1.13 registers with ContinuousBernoulli.

CB(lambda) has density exp(eta x - A(eta)) on [0, 1], eta = logit(lambda),
A(eta) = ln((e^eta - 1)/eta), mean m = A'(eta), variance V = A''(eta).  The
truths are the textbook closed forms E_P[ln p] - E_P[ln q], evaluated with
mpmath at 150 significant digits from the exact double inputs (lambdas 1 ulp
apart near 1e-300 cancel about 45 digits; nothing here cancels more):

  KL(CB1 || CB2)   A(eta2) - A(eta1) - (eta2 - eta1) m1
  H(CB)            A(eta) - eta m
  CB || U(a,b)     -H + ln(b - a)             finite iff a <= 0, b >= 1
  U(a,b) || CB     -ln(b - a) - eta (a+b)/2 + A(eta)   finite iff 0 <= a, b <= 1
  CB || Exp(r)     -H - ln r + r m
  CB || N(mu, s)   -H + ln s + ln(2 pi)/2 + (V + (m - mu)^2)/(2 s^2)
  Beta(a,b) || CB  -H(Beta) - eta a/(a+b) + A(eta)
  +Inf             CB || Pareto; Exponential, Gamma, Gumbel, Laplace, Normal,
                   Pareto || CB (the supports do not nest)

A few of each are cross-checked by mpmath.quad of p ln(p/q) at 40 digits
(the script stops if one disagrees).  Beside each value, torch's float64
value (torch.distributions.kl_divergence / .entropy()) and its relative
error, so the test can check agreement where torch is accurate and document
where it is not.  Also writes /tmp/cbern_cases.csv for a throwaway C driver.

    /usr/bin/python3 tests/gen_cbern_ref.py
"""
import math
import random
import sys
import warnings

from mpmath import mp, mpf, log, log1p, expm1, exp, sinh, loggamma, digamma, pi, quad, inf

sys.path.insert(0, 'tests')
from refgen import write_counted_table, real, as_double

import torch
import torch.distributions as D

warnings.filterwarnings('ignore')
torch.set_default_dtype(torch.float64)
mp.dps = 150
INF = float('inf')


def eta(lam):
    lam = mpf(lam)
    return log(lam / (1 - lam))


def A(e):
    return mpf(0) if e == 0 else log(expm1(e) / e)


def mean(e):
    return mpf(1) / 2 if e == 0 else 1 / (1 - exp(-e)) - 1 / e


def var(e):
    return mpf(1) / 12 if e == 0 else 1 / e ** 2 - 1 / (4 * sinh(e / 2) ** 2)


def ent(lam):
    e = eta(lam)
    return A(e) - e * mean(e)


def cb_cb(l1, l2):
    e1, e2 = eta(l1), eta(l2)
    return A(e2) - A(e1) - (e2 - e1) * mean(e1)


def cb_unif(lam, a, b):
    if a > 0 or b < 1:
        return inf
    return -ent(lam) + log(mpf(b) - mpf(a))


def unif_cb(a, b, lam):
    if a < 0 or b > 1:
        return inf
    e = eta(lam)
    a, b = mpf(a), mpf(b)
    return -log(b - a) - e * (a + b) / 2 + A(e)


def cb_exp(lam, r):
    e = eta(lam)
    r = mpf(r)
    return -ent(lam) - log(r) + r * mean(e)


def cb_normal(lam, mu, s):
    e = eta(lam)
    mu, s = mpf(mu), mpf(s)
    return -ent(lam) + log(s) + log(2 * pi) / 2 + (var(e) + (mean(e) - mu) ** 2) / (2 * s * s)


def beta_ent(a, b):
    # the terms grow like a digamma(a): shapes up to 1e300 need 300 more digits
    with mp.workdps(mp.dps + max(0, int(math.log10(max(a, b)))) + 10):
        return _beta_ent(mpf(a), mpf(b))


def _beta_ent(a, b):
    return (loggamma(a) + loggamma(b) - loggamma(a + b) - (a - 1) * digamma(a)
            - (b - 1) * digamma(b) + (a + b - 2) * digamma(a + b))


def beta_cb(a, b, lam):
    with mp.workdps(mp.dps + max(0, int(math.log10(max(a, b)))) + 10):
        e = eta(lam)
        return +(-beta_ent(a, b) - e * mpf(a) / (mpf(a) + mpf(b)) + A(e))


# ------------------------------------------------------------- quadrature
def cb_logpdf(lam):
    e = eta(lam)
    a = A(e)
    return lambda x: e * x - a


def quad_check(name, want, logp, logq, lo, hi, pts=None):
    with mp.workdps(40):
        f = lambda x: exp(logp(x)) * (logp(x) - logq(x))
        v = quad(f, pts or [lo, hi])
        if abs(v - want) > mpf(10) ** -20 * max(1, abs(want)):
            raise SystemExit('quad check %s: %s vs %s' % (name, v, want))


def check_quads():
    for l1, l2 in [(0.3, 0.8), (0.01, 0.6), (0.5, 0.25)]:
        quad_check('cbcb', cb_cb(l1, l2), cb_logpdf(l1), cb_logpdf(l2), 0, 1)
    for lam in [0.2, 0.5, 0.93]:
        lp = cb_logpdf(lam)
        quad_check('ent', -ent(lam), lp, lambda x: mpf(0), 0, 1)
    lp = cb_logpdf(0.3)
    quad_check('cb-unif', cb_unif(0.3, -1.0, 2.5), lp, lambda x: -log(mpf(3.5)), 0, 1)
    quad_check('cb-exp', cb_exp(0.3, 2.0), lp, lambda x: log(2) - 2 * x, 0, 1)
    quad_check('cb-normal', cb_normal(0.3, 0.2, 0.7), lp,
               lambda x: -log(mpf(0.7)) - log(2 * pi) / 2 - (x - mpf(0.2)) ** 2 / (2 * mpf(0.7) ** 2), 0, 1)
    with mp.workdps(40):
        for a, b, lam in [(2.0, 3.0, 0.7), (0.5, 1.5, 0.1)]:
            lb = loggamma(a) + loggamma(b) - loggamma(a + b)
            lbeta = lambda x: (a - 1) * log(x) + (b - 1) * log(1 - x) - lb
            quad_check('beta-cb', beta_cb(a, b, lam), lbeta, cb_logpdf(lam), 0, 1, [0, 0.5, 1])
        for a, b, lam in [(0.2, 0.9, 0.3), (0.0, 1.0, 0.9)]:
            lu = lambda x: -log(mpf(b) - mpf(a))
            quad_check('unif-cb', unif_cb(a, b, lam), lu, cb_logpdf(lam), a, b)


# ----------------------------------------------------------------- torch
def tcb(lam):
    return D.ContinuousBernoulli(probs=torch.tensor(lam))


def tt(x):
    return torch.tensor(float(x))


TORCH_P = {
    'continuous_bernoulli': tcb,
    'beta': lambda a, b: D.Beta(tt(a), tt(b)),
    'exponential': lambda r: D.Exponential(tt(r)),
    'normal': lambda m, s: D.Normal(tt(m), tt(s)),
    'uniform': lambda a, b: D.Uniform(tt(a), tt(b)),
    'pareto': lambda s, a: D.Pareto(tt(s), tt(a)),
    'gamma': lambda k, r: D.Gamma(tt(k), tt(r)),
    'gumbel': lambda m, s: D.Gumbel(tt(m), tt(s)),
    'laplace': lambda m, s: D.Laplace(tt(m), tt(s)),
}


def torch_kl(pf, pa, qf, qa):
    try:
        return float(D.kl_divergence(TORCH_P[pf](*pa), TORCH_P[qf](*qa)))
    except Exception:
        return None


def torch_ent(lam):
    try:
        return float(tcb(lam).entropy())
    except Exception:
        return None


def rel_err(got, want):
    if got is None:
        return None
    if got != got:
        return INF
    if want == got:
        return 0.0
    if want == 0 or math.isinf(want) or math.isinf(got):
        return INF
    return abs(got - want) / abs(want)


def text(fam, args):
    return '%s(%s)' % (fam, ', '.join(repr(float(x)) for x in args))


# ------------------------------------------------------------------ cases
rng = random.Random(20261129)
ULP_LAMS = [5e-324, 1e-300, 1e-200, 1e-30, 1e-10, 1e-3, 0.1, 0.25, 0.3, 0.4999, 0.5,
            0.5000001, 0.6, 0.75, 0.9, 1 - 1e-10, 1 - 2 ** -52]


def up(x):
    return math.nextafter(x, 1.0)


def lu(lo, hi):
    return 10 ** rng.uniform(lo, hi)


def rand_lam():
    k = rng.randrange(4)
    if k == 0:
        return rng.random() or 0.5
    if k == 1:
        return lu(-300, -1)
    if k == 2:
        return 1 - lu(-15.9, -1)
    return 0.5 + rng.uniform(-1, 1) * lu(-12, -1)


pairs = []   # (fn, id, pfam, pargs, qfam, qargs, want)
ents = []    # (id, lam, want)


def addp(fn, cid, pf, pa, qf, qa, fn_ref):
    pairs.append((fn, cid, pf, list(pa), qf, list(qa), fn_ref(*pa, *qa)))


CB = 'continuous_bernoulli'
# --- CB || CB
cb = lambda cid, l1, l2: addp('cb_cb', cid, CB, [l1], CB, [l2], cb_cb)
for i, lam in enumerate(ULP_LAMS):
    if lam < 1 - 2 ** -52:
        cb('ulp.%02d' % i, lam, up(lam))
        cb('ulpr.%02d' % i, up(lam), lam)
    cb('eq.%02d' % i, lam, lam)
for i, lam in enumerate([1e-300, 1e-10, 0.2, 0.49, 0.5, 0.51, 0.8, 1 - 1e-9]):
    cb('near.%02d' % i, lam, lam * (1 + 1e-10))
    cb('nearr.%02d' % i, lam * (1 + 1e-10), lam)
    cb('near7.%02d' % i, lam, lam * (1 - 1e-7) if lam > 0.5 else lam * (1 + 1e-7))
for i, (l1, l2) in enumerate([(1e-300, 0.5), (0.5, 1e-300), (1e-300, 1 - 2 ** -53), (1 - 2 ** -53, 1e-300),
                              (5e-324, 0.5), (0.5, 5e-324), (1 - 2 ** -53, 0.5), (0.5, 1 - 2 ** -53),
                              (0.4999, 0.5001), (0.499, 0.5), (0.5, 0.501), (0.3, 0.7), (0.1, 0.9),
                              (1e-300, 1e-250), (1e-250, 1e-300), (1e-5, 1e-4), (0.01, 0.2), (0.2, 0.01),
                              (0.88, 0.999), (0.999, 0.88), (0.119, 0.5), (0.5, 0.119), (0.0179, 0.5),
                              (0.5, 0.0179), (0.1192, 0.8808), (0.8808, 0.1192), (1e-4, 0.9999),
                              (0.9999, 1e-4), (0.0003, 0.0009), (0.0009, 0.0003), (0.00034, 0.5)]):
    cb('adv.%02d' % i, l1, l2)
for k in range(30):
    cb('rand.%02d' % k, rand_lam(), rand_lam())
for k in range(10):
    l = rand_lam()
    cb('randnear.%02d' % k, l, min(l * (1 + lu(-12, -2)), up(l)) if l > 0.5 else l * (1 + lu(-12, -2)))

# --- entropy
for i, lam in enumerate(ULP_LAMS + [up(0.5), math.nextafter(0.5, 0), 0.5 + 1e-9, 0.5 - 1e-9, 0.499, 0.501,
                                    0.4, 0.6, 0.2, 0.8, 0.1192, 0.0179, 0.9821, 1e-8, 1 - 1e-8]):
    ents.append(('adv.%02d' % i, lam, ent(lam)))
for k in range(30):
    lam = rand_lam()
    ents.append(('rand.%02d' % k, lam, ent(lam)))

# --- CB || Uniform
cu = lambda cid, lam, a, b: addp('cb_uniform', cid, CB, [lam], 'uniform', [a, b], cb_unif)
for i, (lam, a, b) in enumerate([(0.5, 0.0, 1.0), (up(0.5), 0.0, 1.0), (0.3, 0.0, 1.0), (0.3, -1e-300, 1.0),
                                 (0.3, 0.0, up(1.0)), (0.3, -1.0, 2.0), (1e-300, 0.0, 1.0), (1 - 2 ** -53, 0.0, 1.0),
                                 (0.5, -1e-10, 1.0), (0.5, 0.0, 1 + 1e-10), (0.5 + 1e-9, -1e-12, 1.0),
                                 (0.7, -1e308, 1e308), (0.7, -1e300, 1.0), (0.2, 0.0, 1e300),
                                 (0.3, 1e-300, 1.0), (0.3, 0.0, 0.9999999999999999), (0.3, 0.2, 0.8),
                                 (0.6, -5.0, 0.5), (0.5, 1.0, 2.0)]):
    cu('adv.%02d' % i, lam, a, b)
for k in range(30):
    cu('rand.%02d' % k, rand_lam(), -rng.choice([0.0, lu(-12, 3)]), 1 + rng.choice([0.0, lu(-12, 3)]))

# --- Uniform || CB
uc = lambda cid, a, b, lam: addp('uniform_cb', cid, 'uniform', [a, b], CB, [lam], unif_cb)
for i, (a, b, lam) in enumerate([(0.0, 1.0, 0.5), (0.0, 1.0, up(0.5)), (0.0, 1.0, 0.5 - 1e-9), (1e-12, 1.0, 0.5),
                                 (0.0, 1 - 1e-12, 0.5), (1e-12, 1 - 1e-12, 0.5 + 1e-10),
                                 (0.0, 1.0, 1e-300), (0.0, 1.0, 1 - 2 ** -53), (0.0, 0.5, 0.3), (0.25, 1.0, 0.9),
                                 (0.0, 1 / 690.8, 1e-300), (0.0, 1e-3, 1e-300), (0.0, 0.1, 1e-300),
                                 (1 - 1 / 36.7, 1.0, 1 - 2 ** -53), (0.5, 0.5000001, 0.7), (0.4, 0.6, 0.5),
                                 (0.0, 1.0, 0.1192), (0.0, 0.7, 0.1192), (0.0, 0.7, 0.1193),
                                 (0.3, 1.0, 0.8808), (0.0, 1.0, 0.8807), (1e-300, 2e-300, 1e-300),
                                 (-1e-300, 1.0, 0.5), (0.0, up(1.0), 0.5), (0.2, 1.5, 0.5), (-3.0, -1.0, 0.5)]):
    uc('adv.%02d' % i, a, b, lam)
for k in range(30):
    x, y = sorted([rng.random(), rng.random()])
    if rng.random() < 0.3:
        x, y = rng.choice([(0.0, y), (x, 1.0), (0.0, 1.0)])
    uc('rand.%02d' % k, x, y if y > x else 1.0, rand_lam())

# --- CB || Exponential
ce = lambda cid, lam, r: addp('cb_exponential', cid, CB, [lam], 'exponential', [r], cb_exp)
for i, (lam, r) in enumerate([(0.5, 1.0), (0.5, 2.0), (0.3, 1.0), (0.9, 0.5), (1 - 2 ** -53, 1.0),
                              (1e-300, 1.0), (1e-300, 1e-300), (1e-300, 1e300), (1e-300, 1e-308),
                              (0.5, 5e-324), (0.5, 1e308), (0.1192, 2.0), (0.1192, 2.5), (0.12, 2.4)]):
    ce('adv.%02d' % i, lam, r)
# the best exponential of a CB near lambda = 0: r = 1/m, and r near it.
# For lambda << 1e-32 and r the double nearest 1/m the KL is
# (rm - 1)^2/2 ~ 1e-33 with rm - 1 ~ 1e-17: it depends on r - |eta| to 30
# digits (core/cbern.c's tiny-lambda road forms it from exact parts).
for i, lam in enumerate([1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.01, 0.1, 0.12]):
    m = mean(eta(lam))
    ce('fit.%02d' % i, lam, float(1 / m))
    ce('fit3.%02d' % i, lam, float((1 + mpf('1e-3')) / m))
    ce('fit6.%02d' % i, lam, float((1 - mpf('1e-6')) / m))
# the tiny-lambda regime, lambda from 5e-324 to 1e-20 (and 1 - lambda down
# to 2^-53): r the double nearest 1/m, its neighbours one ulp away, and
# 1/m perturbed by 1e-16 .. 1e-6 relative (both signs).
TINY = [5e-324, 1e-320, 2.2250738585072014e-308, 1e-300, 3e-250, 1e-200, 7e-150, 1e-100,
        2 ** -200, 1e-64, 4.4e-40, 1e-33, 1e-30, 1e-25, 2 ** -64, 8.673617379884035e-19,
        math.nextafter(2 ** -60, 0.0), 1e-20]
trng = random.Random(1820)   # its own stream: the other random cases stay as they were
for i, lam in enumerate(TINY + [10 ** trng.uniform(-323, -20) for _ in range(25)]):
    m = mean(eta(lam))
    r0 = float(1 / m)
    ce('tiny.near.%02d' % i, lam, r0)
    ce('tiny.up.%02d' % i, lam, math.nextafter(r0, INF))
    ce('tiny.dn.%02d' % i, lam, math.nextafter(r0, 0.0))
    for j, x in enumerate(['1e-16', '-3e-16', '1e-14', '-1e-12', '1e-10', '-1e-8', '1e-6']):
        if i < len(TINY) or j % 3 == i % 3:
            ce('tiny.pert%d.%02d' % (j, i), lam, float((1 + mpf(x)) / m))
for i, c in enumerate([2 ** -53, 2 ** -52, 1e-15, 3e-14, 1e-12, 1e-20]):
    lam = 1 - c
    if lam == 1.0:
        lam = 1 - 2 ** -53
    m = mean(eta(lam))
    r0 = float(1 / m)
    for j, x in enumerate(['0', '1e-16', '-1e-12', '1e-6']):
        ce('near1.%d.%02d' % (j, i), lam, float((1 + mpf(x)) / m))
for k in range(30):
    ce('rand.%02d' % k, rand_lam(), lu(-6, 6))

# --- CB || Normal
cn = lambda cid, lam, mu, s: addp('cb_normal', cid, CB, [lam], 'normal', [mu, s], cb_normal)
for i, (lam, mu, s) in enumerate([(0.5, 0.5, 12 ** -0.5), (0.5, 0.0, 1.0), (up(0.5), 0.5, 0.2886751345948129),
                                  (1e-300, 0.0, 1.0), (1e-300, 1 / 690.7755, 1 / 690.7755),
                                  (1 - 2 ** -53, 1.0, 0.03), (0.3, 0.4, 1e-300), (0.3, 0.4, 1e300),
                                  (0.3, 1e300, 1.0), (0.3, 0.4, 1e-150), (0.3, 0.41, 1e-160),
                                  (0.1192, 0.3, 0.27), (0.1193, 0.3, 0.27), (0.9, -2.0, 3.0),
                                  (0.4, 0.48, 0.28), (5e-324, 0.0, 0.0014)]):
    cn('adv.%02d' % i, lam, mu, s)
for i, lam in enumerate([1e-300, 1e-8, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1 - 1e-12]):
    e = eta(lam)
    cn('fit.%02d' % i, lam, float(mean(e)), float(var(e) ** 0.5))
for k in range(30):
    cn('rand.%02d' % k, rand_lam(), rng.gauss(0.5, 1), lu(-3, 3))

# --- Beta || CB
bc = lambda cid, a, b, lam: addp('beta_cb', cid, 'beta', [a, b], CB, [lam], beta_cb)
for i, (a, b, lam) in enumerate([(1.0, 1.0, 0.5), (1.0, 1.0, up(0.5)), (1.0, up(1.0), 0.5),
                                 (1 + 1e-10, 1 - 1e-10, 0.5 + 1e-10), (1.0, 1.0, 0.3), (2.0, 2.0, 0.5),
                                 (1.0, 2.0, 0.2689414213699951), (2.0, 1.0, 0.7310585786300049),
                                 (1e-300, 1.0, 0.5), (1.0, 1e-300, 0.5), (1e300, 1e300, 0.5),
                                 (1e300, 1.0, 0.999), (1.0, 1e300, 1e-300), (0.5, 0.5, 0.5),
                                 (1.0, 690.0, 1e-300), (1.0, 30.0, 1e-13), (1.0, 5.0, 0.1),
                                 (3.0, 1.0, 0.95), (1e-10, 1e-10, 0.5), (1e8, 2e8, 0.33), (1.0, 1.0, 1e-300),
                                 (1.0, 1.0, 1 - 2 ** -53), (0.3, 0.7, 0.1192), (0.3, 0.7, 0.1193),
                                 (2.5, 0.7, 0.8808), (2.5, 0.7, 0.8807)]):
    bc('adv.%02d' % i, a, b, lam)
# close pairs: Beta(~1, ~2u+1) against CB(lambda) near 0 (u = -eta/2 large),
# and their mirrors near 1
for k in range(16):
    lam = rng.choice([lu(-300, -3), 1 - lu(-15.9, -3)])
    e = eta(lam)
    u = abs(e) / 2
    a = 1 + rng.choice([0, 1]) * rng.choice([-1, 1]) * lu(-12, -1)
    b = float((2 * u + 1) * (1 + rng.choice([0, 1]) * rng.choice([-1, 1]) * lu(-12, -1)))
    if e > 0:
        a, b = b, a
    bc('close.%02d' % k, a, b, lam)
for k in range(10):   # the same with u in [1, 5] (b in [3, 11]: Binet's series after a shift)
    e = rng.uniform(2, 10) * rng.choice([-1, 1])
    lam = float(1 / (1 + exp(-mpf(e))))
    u = abs(eta(lam)) / 2
    a = 1 + rng.choice([0, 1]) * rng.choice([-1, 1]) * lu(-12, -1)
    b = float((2 * u + 1) * (1 + rng.choice([0, 1]) * rng.choice([-1, 1]) * lu(-12, -1)))
    if e > 0:
        a, b = b, a
    bc('close-small.%02d' % k, a, b, lam)
for i, (a, b, lam) in enumerate([(4.871156309104171, 90755.94618024498, 0.9395604101233845),
                                 (90755.94618024498, 4.871156309104171, 0.06), (2.0, 2.0, 0.1192),
                                 (1.9, 2.0, 0.1192), (2.0, 1.0, 0.7310585786300049)]):
    bc('edge.%02d' % i, a, b, lam)
for k in range(30):
    bc('rand.%02d' % k, lu(-4, 4), lu(-4, 4), rand_lam())

# --- the always-infinite pairs (and the finite/infinite edges above)
for k in range(6):
    lam = rand_lam()
    addp('inf', 'cb_pareto.%d' % k, CB, [lam], 'pareto', [lu(-300, 3), lu(-3, 3)], lambda *a: inf)
    addp('inf', 'exp_cb.%d' % k, 'exponential', [lu(-3, 3)], CB, [lam], lambda *a: inf)
    addp('inf', 'gamma_cb.%d' % k, 'gamma', [lu(-3, 3), lu(-3, 3)], CB, [lam], lambda *a: inf)
    addp('inf', 'gumbel_cb.%d' % k, 'gumbel', [rng.random(), lu(-3, 0)], CB, [lam], lambda *a: inf)
    addp('inf', 'laplace_cb.%d' % k, 'laplace', [rng.random(), lu(-3, 0)], CB, [lam], lambda *a: inf)
    addp('inf', 'normal_cb.%d' % k, 'normal', [rng.random(), lu(-300, 0)], CB, [lam], lambda *a: inf)
    addp('inf', 'pareto_cb.%d' % k, 'pareto', [lu(-3, 0), lu(-3, 3)], CB, [lam], lambda *a: inf)
addp('inf', 'cb_pareto.tiny', CB, [0.5], 'pareto', [5e-324, 1e300], lambda *a: inf)

check_quads()

rows, erows, csv = [], [], []
for fn, cid, pf, pa, qf, qa, w in pairs:
    want = as_double(w)
    tv = torch_kl(pf, pa, qf, qa)
    rows.append(["'%s.%s'" % (fn, cid), "'%s'" % text(pf, pa), "'%s'" % text(qf, qa),
                 real(want), real(tv), real(rel_err(tv, want))])
    csv.append('P,%s.%s,%s,%s,%s,%s,%r' % (fn, cid, pf, ' '.join(repr(float(x)) for x in pa),
                                          qf, ' '.join(repr(float(x)) for x in qa), want))
for cid, lam, w in ents:
    want = as_double(w)
    tv = torch_ent(lam)
    erows.append(["'entropy.%s'" % cid, "'%s'" % text(CB, [lam]), real(want), real(tv),
                  real(rel_err(tv, want))])
    csv.append('E,entropy.%s,%s,%r,,,%r' % (cid, CB, float(lam), want))

with open('tests/data/cbern_ref.sql', 'w') as out:
    out.write('-- Generated by tests/gen_cbern_ref.py (mpmath, 150 digits; '
              'torch float64 beside). Do not edit.\n')
    write_counted_table(out, 'cbern_ref', 'id TEXT, p TEXT, q TEXT, want REAL, torch REAL, '
                        'torch_err REAL', rows)
    write_counted_table(out, 'cbern_ent_ref', 'id TEXT, p TEXT, want REAL, torch REAL, '
                        'torch_err REAL', erows)
with open('/tmp/cbern_cases.csv', 'w') as out:
    out.write('\n'.join(csv) + '\n')
print('wrote %d pairs, %d entropies' % (len(rows), len(erows)))
