#!/usr/bin/python3
"""Writes tests/data/ddisc_ref.sql: reference values for the discrete
cross pairs (Bernoulli||Poisson, Poisson||Bernoulli, Poisson||Binomial,
Binomial||Binomial with any n1, n2) and the discrete entropies (Bernoulli,
Binomial, Geometric, Poisson) of src/core/dist_discrete.c.

The truth is computed with mpmath from the exact double inputs, by means
independent of the C code's arrangement:
  * direct sums of the pmf (every k where the pmf exceeds e^-800 of its
    mode: A +- 40 sigma + 50), ln Gamma at 40 digits beyond the magnitude
    of the largest term that cancels (n ln n), for sigma^2 <= 2e4;
  * above that, Malmsten's integral for ln Gamma averaged over the pmf in
    closed form (E e^{-kt} is the probability generating function):
      E lnGamma(k+1) = int_0^inf [E k e^-t - e^-t (1 - E e^-kt)/(1 - e^-t)] dt/t
    for Poisson E e^-kt = exp(l (e^-t - 1)), for Bin(n, p) (q + p e^-t)^n;
    and E[lnGamma(j+m+1) - lnGamma(j+1)] = int_0^inf [m e^-t - e^-t
    (1 - e^-mt) E e^-jt / (1 - e^-t)] dt/t for the binomial KL.  Each such
    value is computed twice, at D and D + 25 digits (D >= 60 above the
    cancellation, 105 for the KL, whose values go down to 1e-45), and must
    agree to 1e-25 relative; the integral is also
    checked against a direct sum at a few points where both run.  Poisson
    rates above 1e16 use the known expansion ln(2 pi e l)/2 - 1/(12 l)
    - 1/(24 l^2) - 19/(360 l^3) (Evans & Boersma), whose error is O(l^-4).
torch 1.13 (float64) values are recorded beside where torch has them
(Bernoulli/Geometric/Binomial entropy -- Binomial's only for small n, it
enumerates the support --, Bernoulli||Poisson, the +Inf of Poisson||
Bernoulli and Poisson||Binomial, Binomial||Binomial for n1 >= n2; torch has
no Poisson entropy and refuses n1 < n2).

    /usr/bin/python3 tests/gen_ddisc_ref.py [csv]

With an argument it also writes the cases as CSV (kind,id,args...) for a
throwaway C driver.
"""
import math
import random
import sys
import warnings

from mpmath import mp, mpf, log, log1p, exp, expm1, loggamma, quad, inf

sys.path.insert(0, 'tests')
from refgen import write_counted_table, real, as_double

import torch
import torch.distributions as D

warnings.filterwarnings('ignore')
mp.dps = 60
INF = float('inf')


def fr(x):
    return repr(float(x))


# ------------------------------------------------------------ entropies
def h_bern(p):
    p = mpf(p)
    if p == 0 or p == 1:
        return mpf(0)
    return -p * log(p) - (1 - p) * log1p(-p)


def h_geom(p):
    p = mpf(p)
    if p == 1:
        return mpf(0)
    return -log(p) - (1 - p) / p * log1p(-p)


def window(mean, var, lo, hi):
    s = math.sqrt(var)
    a = max(lo, int(math.floor(mean - 40 * s - 50)))
    b = min(hi, int(math.ceil(mean + 40 * s + 50)))
    return a, b


def h_pois_direct(l):
    lf = float(l)
    with mp.workdps(60 + int(math.log10(lf * abs(math.log(lf)) + 10)) + 20):
        l = mpf(l)
        a, b = window(lf, lf, 0, 10 ** 30)
        s = mpf(0)
        ll = log(l)
        for k in range(a, b + 1):
            nl = l - k * ll + loggamma(k + 1)      # -ln P(k)
            s += exp(-nl) * nl
        return +s


def elg_pois(l):
    """E lnGamma(k+1), k ~ Poisson(l), by Malmsten's integral."""
    f = lambda t: (l * exp(-t) - exp(-t) * (-expm1(l * expm1(-t))) / (-expm1(-t))) / t
    return integrate(f, l)


def cuts(scale):
    """Break points for quad: every decade from 1e-20/scale (scale: the
    largest count, whose pgf varies on t ~ 1/scale) up to 1, then 10, 100."""
    e = int(math.floor(math.log10(float(scale)))) + 20
    pts = [mpf(10) ** -k for k in range(e, 0, -1)]
    return pts + [mpf(1), mpf(10), mpf(100), inf]


def integrate(f, scale):
    """int_0^inf f: the midpoint rule on [0, a], a = 1e-20/scale (f is
    smooth on t ~ 1/scale, so its error is below f(0) 1e-60), where the
    integrand's difference of two terms near scale loses digits; quad on
    the rest."""
    c = cuts(scale)
    return c[0] * f(c[0] / 2) + quad(f, c)


def twice(fn, extra):
    """fn() at D and D + 25 digits (D = 60 + extra, extra covering the
    digits that cancel); they must agree to 25 digits."""
    with mp.workdps(60 + extra):
        a = fn()
    with mp.workdps(85 + extra):
        b = fn()
        if b != 0:
            assert abs((a - b) / b) < mpf(10) ** -25, (a, b)
        return +b


def h_pois(l):
    lf = float(l)
    if lf == 0:
        return mpf(0)
    if lf <= 2e4:
        return h_pois_direct(l)
    if lf > 1e16:
        # the known expansion (Evans & Boersma): its next term, 1/l^4 < 1e-64
        L = mpf(l)
        return log(2 * mp.pi * mp.e * L) / 2 - 1 / (12 * L) - 1 / (24 * L ** 2) - mpf(19) / (360 * L ** 3)
    return h_pois_integral(l)


def h_pois_integral(l):
    lf = float(l)
    extra = int(math.log10(lf * math.log(lf))) + 5

    def fn():
        L = mpf(l)
        return L * (1 - log(L)) + elg_pois(L)
    return twice(fn, extra)


def h_binom_direct(n, p):
    n = int(n)
    pf = float(p)
    with mp.workdps(60 + int(math.log10(n * 40.0 + 10)) + 20):
        p = mpf(p)
        lp, lq = log(p), log1p(-p)
        A = n * pf
        a, b = window(A, A * (1 - pf), 0, n)
        lgn = loggamma(n + 1)
        s = mpf(0)
        for k in range(a, b + 1):
            nl = -(lgn - loggamma(k + 1) - loggamma(n - k + 1) + k * lp + (n - k) * lq)
            s += exp(-nl) * nl
        return +s


def h_binom(n, p):
    n = int(n)
    pf = float(p)
    if n == 0 or pf == 0 or pf == 1:
        return mpf(0)
    if n * pf * (1 - pf) <= 2e4:
        return h_binom_direct(n, p)
    return h_binom_integral(n, p)


def h_binom_integral(n, p):
    extra = int(math.log10(n * 40.0)) + 5

    def fn():
        P = mpf(p)
        Q = 1 - P
        N = mpf(n)
        # E lnGamma(k+1) + E lnGamma(n-k+1)
        # 1 - (q + p e^-t)^n = -expm1(n log1p(p expm1(-t))), and for 1 - p
        f = lambda t: (N * exp(-t) - exp(-t) * (-expm1(N * log1p(P * expm1(-t)))
                                                - expm1(N * log1p(Q * expm1(-t)))) / (-expm1(-t))) / t
        I = integrate(f, N)
        return -loggamma(N + 1) + I + N * h_bern(P)
    return twice(fn, extra)


# ---------------------------------------------------------------- pairs
def kl_bern_pois(p, l):
    p, l = mpf(p), mpf(l)
    if l == 0:
        return mpf(0) if p == 0 else mpf('inf')
    # sum over k in {0, 1} of P ln(P/Q), Q(k) = e^-l l^k / k!
    t = mpf(0)
    if p < 1:
        t += (1 - p) * (log1p(-p) + l)
    if p > 0:
        t += p * (log(p) - log(l) + l)
    return t


def kl_pois_bern(l, p):
    if l > 0 or p == 1:
        return mpf('inf')
    return -log1p(-mpf(p))


def kl_pois_binom(l, n, p):
    if l > 0:
        return mpf('inf')
    if n == 0 or p == 0:
        return mpf(0)
    if p == 1:
        return mpf('inf')
    return -n * log1p(-mpf(p))


def kl_binom(n1, p1, n2, p2):
    n1, n2 = int(n1), int(n2)
    p1f, p2f = float(p1), float(p2)
    # the support of P: {0} if p1 = 0 or n1 = 0, {n1} if p1 = 1, else 0..n1
    if p1f == 0 or n1 == 0:
        supp = (0, 0)
    elif p1f == 1:
        supp = (n1, n1)
    else:
        supp = (0, n1)
    # Q's support: {0} if p2 = 0, {n2} if p2 = 1, else 0..n2
    qs = (0, 0) if (p2f == 0 or n2 == 0) else ((n2, n2) if p2f == 1 else (0, n2))
    if supp[0] < qs[0] or supp[1] > qs[1]:
        return mpf('inf')
    if supp[0] == supp[1]:
        k = supp[0]
        with mp.workdps(80):
            return -lnbin(n2, k, mpf(p2))
    A = n1 * p1f
    if A * (1 - p1f) <= 2e4:
        return kl_binom_direct(n1, p1, n2, p2)
    return kl_binom_integral(n1, p1, n2, p2)


def lnbin(n, k, p):
    t = loggamma(n + 1) - loggamma(k + 1) - loggamma(n - k + 1)
    if k:
        t += k * log(p)
    if n - k:
        t += (n - k) * log1p(-p)
    return t


def kl_binom_direct(n1, p1, n2, p2):
    p1f = float(p1)
    A = n1 * p1f
    with mp.workdps(140 + int(math.log10(n2 * 40.0 + 10))):
        P1, P2 = mpf(p1), mpf(p2)
        a, b = window(A, A * (1 - p1f), 0, n1)
        l1, m1 = log(P1), log1p(-P1)
        l2, m2 = log(P2), log1p(-P2)
        g1, g2 = loggamma(n1 + 1), loggamma(n2 + 1)
        s = mpf(0)
        for k in range(a, b + 1):
            lk = loggamma(k + 1)
            lp = g1 - lk - loggamma(n1 - k + 1) + k * l1 + (n1 - k) * m1
            lq = g2 - lk - loggamma(n2 - k + 1) + k * l2 + (n2 - k) * m2
            s += exp(lp) * (lp - lq)
        return +s


def kl_binom_integral(n1, p1, n2, p2):
    m = n2 - n1

    def fn():
        P1, P2 = mpf(p1), mpf(p2)
        Q1, Q2 = 1 - P1, 1 - P2
        N1, N2, M = mpf(n1), mpf(n2), mpf(m)
        if m:
            # E[lnGamma(j+m+1) - lnGamma(j+1)], j ~ Bin(n1, q1)
            f = lambda t: (M * exp(-t) - exp(-t) * (-expm1(-M * t))
                           * exp(N1 * log1p(Q1 * expm1(-t))) / (-expm1(-t))) / t
            I = integrate(f, max(N1, M))
        else:
            I = mpf(0)
        return (loggamma(N1 + 1) - loggamma(N2 + 1) + I + N1 * P1 * (log(P1) - log(P2))
                + N1 * Q1 * log(Q1) - (N2 - N1 * P1) * log1p(-P2))
    return twice(fn, 45 + int(math.log10(n2 * 40.0)))


# ---------------------------------------------------------------- torch
def torch_ent(fam, args):
    try:
        with torch.no_grad():
            if fam == 'bernoulli':
                d = D.Bernoulli(probs=torch.tensor(args[0], dtype=torch.float64))
            elif fam == 'geometric':
                d = D.Geometric(probs=torch.tensor(args[0], dtype=torch.float64))
            elif fam == 'binomial':
                if args[0] > 2e5:
                    return None
                d = D.Binomial(int(args[0]), probs=torch.tensor(args[1], dtype=torch.float64))
            else:
                return None
            v = float(d.entropy())
            return v
    except Exception:
        return None


def torch_kl(fp, a, fq, b):
    def mk(f, x):
        t = lambda v: torch.tensor(v, dtype=torch.float64)
        if f == 'bernoulli':
            return D.Bernoulli(probs=t(x[0]))
        if f == 'poisson':
            return D.Poisson(t(x[0]))
        if f == 'binomial':
            return D.Binomial(t(x[0]), probs=t(x[1]))
    try:
        with torch.no_grad():
            return float(D.kl_divergence(mk(fp, a), mk(fq, b)))
    except Exception:
        return None


def rel(got, want):
    if got is None:
        return None
    w = as_double(want)
    if got == w:
        return 0.0
    if w == INF or got == INF or got != got:
        return INF
    if w == 0:
        return INF   # a nonzero value where the truth is 0: no relative accuracy
    return abs(got - w) / abs(w)


# ---------------------------------------------------------------- cases
def ent_cases():
    rnd = random.Random(20261129)
    c = []   # (fam, args)
    # bernoulli
    for p in [0.0, 1.0, 0.5, 0.3, 0.7, 1e-300, 5e-324, 1e-16, 1e-8, 0.25,
              1 - 2 ** -53, 1 - 1e-10, 2 ** -1022, 0.9999, 0.1, 0.49999999999999994]:
        c.append(('bernoulli', [p]))
    for _ in range(28):
        c.append(('bernoulli', [rnd.choice([rnd.random(), 10 ** rnd.uniform(-300, 0), 1 - 10 ** rnd.uniform(-16, 0)])]))
    # geometric
    for p in [1.0, 0.5, 0.3, 1e-300, 5e-324, 1e-16, 1e-8, 1 - 2 ** -53, 1 - 1e-10, 0.999,
              2 ** -1022, 0.1, 0.9]:
        c.append(('geometric', [p]))
    for _ in range(30):
        c.append(('geometric', [rnd.choice([rnd.random(), 10 ** rnd.uniform(-300, 0), 1 - 10 ** rnd.uniform(-16, 0)])]))
    # poisson
    for l in [0.0, 1e-300, 5e-324, 1e-10, 0.5, 1.0, 2.5, 10.0, 100.0, 2499.0, 2500.0,
              2500.5, 2501.0, 9999.0, 10000.0,
              10000.5, 10001.0, 15000.0, 1e5, 1e6, 1e9, 1e12, 1e15, 2.0 ** 53, 1e20,
              1e100, 1e300, 1.7976931348623157e308]:
        c.append(('poisson', [l]))
    for _ in range(26):
        c.append(('poisson', [rnd.choice([rnd.uniform(0, 50), 10 ** rnd.uniform(-300, 4.3),
                                          10 ** rnd.uniform(4, 15)])]))
    # binomial
    for n, p in [(0.0, 0.5), (10.0, 0.0), (10.0, 1.0), (1.0, 0.3), (10.0, 0.5),
                 (100.0, 0.01), (1e15, 1e-300), (1e15, 1e-12), (1e15, 0.5), (1e12, 0.5),
                 (1e6, 0.5), (1e6, 1e-3), (1e6, 1 - 1e-3), (2.0 ** 53, 0.5),
                 (2.0 ** 53, 1e-10), (2.0 ** 53, 1 - 2 ** -53), (40000.0, 0.5), (40004.0, 0.5),
                 (39996.0, 0.5), (10000.0, 0.5), (10004.0, 0.5), (9996.0, 0.5),
                 (1e15, 2.5e-12), (1e15, 2.6e-12), (50.0, 1e-300), (50.0, 1 - 2 ** -53), (1e9, 0.3),
                 (1e15, 1e-11), (1e15, 2e-11), (1e12, 1e-8), (1000.0, 0.999),
                 (1e20, 0.5), (1e300, 1e-300), (1e17, 0.9999999999999999)]:
        c.append(('binomial', [n, p]))
    for _ in range(24):
        kind = rnd.random()
        if kind < 0.4:
            n = float(rnd.randint(1, 3000))
            p = rnd.random()
        elif kind < 0.7:
            n = float(rnd.randint(1, 10 ** 15))
            p = rnd.random()
        else:
            n = float(rnd.randint(1, 10 ** 15))
            p = 10 ** rnd.uniform(-15, -1)
        c.append(('binomial', [n, p]))
    return c


def pair_cases():
    rnd = random.Random(18)
    c = []   # (fam_p, args_p, fam_q, args_q)
    # bernoulli || poisson
    for p, l in [(0.0, 0.0), (0.5, 0.0), (0.0, 1.0), (1.0, 1.0), (0.3, 0.3), (1e-300, 1e-300),
                 (1e-8, 1e-8), (1e-8, 1.1e-8), (0.5, 0.5), (0.5, 1e-300), (1e-300, 1e300),
                 (0.3, 1e300), (1.0, 1e-300), (0.0, 1e-300), (0.2, 800.0), (0.99, 1.0000000000000002),
                 (0.1, 1.0), (0.1, 0.9999999999999999), (1 - 2 ** -53, 0.7), (5e-324, 5e-324)]:
        c.append(('bernoulli', [p], 'poisson', [l]))
    for _ in range(25):
        p = rnd.choice([rnd.random(), 10 ** rnd.uniform(-300, 0)])
        l = rnd.choice([rnd.uniform(0, 3), 10 ** rnd.uniform(-300, 10), p * (1 + rnd.uniform(-1e-6, 1e-6))])
        c.append(('bernoulli', [p], 'poisson', [l]))
    # poisson || bernoulli, poisson || binomial
    for l, p in [(0.0, 0.0), (0.0, 0.5), (0.0, 1.0), (0.0, 1e-300), (0.0, 1 - 2 ** -53), (1.0, 0.5),
                 (1e-300, 0.5), (0.0, 0.999)]:
        c.append(('poisson', [l], 'bernoulli', [p]))
    for _ in range(34):
        l = rnd.choice([0.0, 0.0, rnd.random()])
        c.append(('poisson', [l], 'bernoulli', [rnd.choice([rnd.random(), 10 ** rnd.uniform(-300, 0)])]))
    for l, n, p in [(0.0, 0.0, 1.0), (0.0, 10.0, 0.0), (0.0, 10.0, 1.0), (0.0, 1e15, 1e-15),
                    (0.0, 2.0 ** 53, 1e-300), (0.0, 3.0, 0.5), (2.0, 3.0, 0.5), (0.0, 1e15, 0.5)]:
        c.append(('poisson', [l], 'binomial', [n, p]))
    for _ in range(34):
        l = rnd.choice([0.0, 0.0, rnd.random()])
        c.append(('poisson', [l], 'binomial', [float(rnd.randint(0, 10 ** rnd.randint(1, 15))),
                                               rnd.choice([rnd.random(), 10 ** rnd.uniform(-300, 0)])]))
    # binomial || binomial
    bb = []
    # edges
    bb += [(0.0, 0.5, 10.0, 0.3), (5.0, 0.0, 10.0, 0.3), (5.0, 0.0, 3.0, 0.3), (5.0, 0.0, 3.0, 1.0),
           (5.0, 0.3, 3.0, 0.3), (5.0, 1.0, 10.0, 0.5), (5.0, 1.0, 5.0, 1.0), (5.0, 1.0, 6.0, 1.0),
           (5.0, 0.5, 10.0, 0.0), (5.0, 0.5, 10.0, 1.0), (5.0, 0.5, 5.0, 1.0), (0.0, 0.5, 0.0, 0.5),
           (3.0, 0.5, 1e15, 1e-15), (3.0, 0.5, 2.0 ** 53, 1e-300), (1.0, 1e-300, 2.0, 1e-300),
           (10.0, 1 - 2 ** -53, 11.0, 1 - 2 ** -53), (1e15, 1.0, 1e15 + 2, 0.9999999999999999),
           (1e15, 1e-300, 1e15 + 1, 1e-300), (1e6, 1.0, 2e6, 0.5),
           # m >> J in the expansion; a rare event (k = 2) carrying C;
           # J ~ 2; n1 small against a huge n2
           (53226.0, 0.5, 1000000053226.0, 2.6612998583496537e-08),
           (86439.0, 0.5, 1000000086439.0, 4.321949626414996e-08),
           (10.0, 4.232445148891832e-06, 11.0, 3.847677408083483e-06),
           (1000.0, 0.9980253906774559, 1002.0, 0.9960333240293971),
           (12.0, 0.08053812548862638, 1e15, 9.664575058635165e-16),
           # n above 2^53 (a whole number all the same): 1e17 + 16 is the next
           (1e17, 0.9999999999999999, 100000000000000016.0, 0.9999999999999997),
           (1e17, 0.9999999999999999, 2e17, 0.5),
           (1e17, 0.9999999999999999, 100000000000000016.0, 0.9999999999999998)]
    # same n (agrees with kl_binomial and torch)
    bb += [(10.0, 0.3, 10.0, 0.5), (1e15, 0.5, 1e15, 0.5000001), (1e6, 1e-300, 1e6, 2e-300),
           (100.0, 0.7, 100.0, 0.7)]
    # near-optimal p2 = n1 p1 / n2: the smallest KL for these n
    for n1, m, p1 in [(10.0, 1, 0.5), (1000.0, 1, 0.3), (1e6, 1, 0.5), (1e6, 1, 1e-3),
                      (1e9, 1, 0.3), (1e12, 1, 0.5), (1e15, 1, 0.5), (1e15, 1e15, 0.5),
                      (1e12, 1, 1e-6), (1e15, 1, 1e-10), (1e15, 1, 1e-12), (1e15, 7, 1e-12),
                      (1e15, 1000, 0.999), (20000.0, 1, 0.999999), (1e13, 1, 1e-9),
                      (4e4, 1, 0.5), (40004.0, 3, 0.5), (1e8, 1e8, 1e-4),
                      (1e5, 1e5, 0.9), (2e5, 1e9, 0.05), (1e4, 5000, 0.9),
                      (1e6, 1, 1 - 1e-5), (1e6, 3, 1 - 1e-5), (50.0, 1, 0.98),
                      (1e15, 1, 1 - 1e-12), (1e15, 2, 1 - 1e-13), (10.0, 10, 1e-300),
                      (1e15, 1e15, 1e-300), (1e6, 1e6, 1e-20), (1e6, 1, 1e-20)]:
        n2 = n1 + m
        bb.append((n1, p1, float(n2), n1 * p1 / n2))
    for _ in range(30):
        kind = rnd.random()
        if kind < 0.35:
            n1 = float(rnd.randint(1, 300)); n2 = n1 + rnd.randint(0, 300)
            p1, p2 = rnd.random(), rnd.random()
        elif kind < 0.6:
            n1 = float(rnd.randint(1, 10 ** 15)); n2 = n1 + float(rnd.randint(1, 10 ** rnd.randint(0, 15)))
            p1 = rnd.random(); p2 = p1 * (1 + rnd.uniform(-1e-3, 1e-3))
        elif kind < 0.8:
            n1 = float(rnd.randint(1, 10 ** 15)); n2 = n1 + float(rnd.randint(1, 10 ** rnd.randint(0, 15)))
            p1 = 10 ** rnd.uniform(-15, -8); p2 = n1 * p1 / n2 * (1 + rnd.uniform(-1e-2, 1e-2))
        else:
            n1 = float(rnd.randint(1, 10 ** 6)); n2 = n1 + float(rnd.randint(1, 10 ** 6))
            p1 = rnd.random(); p2 = rnd.random()
        n2 = min(n2, 2.0 ** 53)
        bb.append((n1, p1, float(n2), p2))
    for n1, p1, n2, p2 in bb:
        c.append(('binomial', [n1, p1], 'binomial', [n2, p2]))
    return c


def text(fam, args):
    return '%s(%s)' % (fam, ', '.join(fr(x) for x in args))


def pair_want(case):
    fp, a, fq, b = case
    if (fp, fq) == ('bernoulli', 'poisson'):
        return kl_bern_pois(a[0], b[0])
    if (fp, fq) == ('poisson', 'bernoulli'):
        return kl_pois_bern(a[0], b[0])
    if (fp, fq) == ('poisson', 'binomial'):
        return kl_pois_binom(a[0], b[0], b[1])
    return kl_binom(a[0], a[1], b[0], b[1])


def ent_want(case):
    fam, a = case
    return {'bernoulli': lambda: h_bern(a[0]), 'geometric': lambda: h_geom(a[0]),
            'poisson': lambda: h_pois(a[0]), 'binomial': lambda: h_binom(a[0], a[1])}[fam]()


def lambda_str_pair(case):
    with mp.workdps(60):
        return mp.nstr(pair_want(case), 40)


def lambda_str_ent(case):
    with mp.workdps(60):
        return mp.nstr(ent_want(case), 40)


def cached(fn, cases, cache):
    """fn over the cases (in parallel), reusing earlier results from the
    cache file (a development aid: DDISC_CACHE=path)."""
    import multiprocessing
    keys = [repr(c) for c in cases]
    todo = [c for c, k in zip(cases, keys) if k not in cache]
    with multiprocessing.Pool() as pool:
        for c, v in zip(todo, pool.imap(fn, todo, chunksize=1)):
            cache[repr(c)] = v
            print('done', c, v, file=sys.stderr, flush=True)
            save_cache(cache)
    return [mpf(cache[k]) for k in keys]


def save_cache(cache):
    import json
    import os
    path = os.environ.get('DDISC_CACHE')
    if path:
        with open(path, 'w') as f:
            json.dump(cache, f)


def load_cache():
    import json
    import os
    path = os.environ.get('DDISC_CACHE')
    if path and os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return {}


def selfcheck():
    """The integral representations against the direct sums where both run."""
    def same(a, b):
        assert abs(a - b) <= mpf(10) ** -30 * abs(b), (a, b)
    same(h_pois_integral(3000.0), h_pois_direct(3000.0))
    same(h_binom_integral(20000, 0.3), h_binom_direct(20000, 0.3))
    for c in [(1000, 0.3, 1001, 1000 * 0.3 / 1001), (5000, 0.5, 8000, 0.3), (300, 0.9, 100000, 0.01)]:
        same(kl_binom_integral(*c), kl_binom_direct(*c))


def main():
    selfcheck()
    csv = open(sys.argv[1], 'w') if len(sys.argv) > 1 else None
    pcases, ecases = pair_cases(), ent_cases()
    cache = load_cache()
    # as strings: mpf values do not cross processes at their precision
    pw = cached(lambda_str_pair, pcases, cache)
    ew = cached(lambda_str_ent, ecases, cache)
    prows, erows = [], []
    counts = {}
    for (fp, a, fq, b), want in zip(pcases, pw):
        key = fp[:4] + '_' + fq[:4]
        counts[key] = counts.get(key, 0) + 1
        pid = '%s.%03d' % (key, counts[key])
        tv = torch_kl(fp, a, fq, b)
        wd = as_double(want)
        prows.append([
            "'%s'" % pid, "'%s'" % text(fp, a), "'%s'" % text(fq, b), real(wd),
            real(tv), real(rel(tv, want))])
        if csv:
            csv.write('%s,%s,%s,%s,%s\n' % (key, pid, ','.join(fr(x) for x in a + b),
                                            repr(wd), repr(tv)))
        print(pid, text(fp, a), text(fq, b), wd, tv, file=sys.stderr)
    counts = {}
    for (fam, a), want in zip(ecases, ew):
        counts[fam] = counts.get(fam, 0) + 1
        eid = '%s.%03d' % (fam, counts[fam])
        tv = torch_ent(fam, a)
        wd = as_double(want)
        erows.append(["'%s'" % eid, "'%s'" % text(fam, a), real(wd), real(tv), real(rel(tv, want))])
        if csv:
            csv.write('ent_%s,%s,%s,%s,%s\n' % (fam, eid, ','.join(fr(x) for x in a), repr(wd), repr(tv)))
        print(eid, text(fam, a), wd, tv, file=sys.stderr)
    with open('tests/data/ddisc_ref.sql', 'w') as out:
        out.write('-- Generated by tests/gen_ddisc_ref.py (mpmath; torch 1.13 float64 beside). Do not edit.\n')
        write_counted_table(out, 'ddisc_ref', 'id TEXT, p TEXT, q TEXT, want REAL, torch REAL, torch_err REAL', prows)
        write_counted_table(out, 'ddisc_ent_ref', 'id TEXT, p TEXT, want REAL, torch REAL, torch_err REAL', erows)


if __name__ == '__main__':
    main()
