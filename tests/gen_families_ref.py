#!/usr/bin/python3
"""Writes tests/data/families_ref.sql: reference values for the closed-form
family KLs (kl_bernoulli ... kl_dirichlet).

Every expected value is computed here with mpmath at 100 significant digits
from the exact double (or float32) inputs, with the textbook formulas
(loggamma, digamma, log1p; no rearrangement), enough digits for their
cancellation at near-equal parameters and shapes of 1e8.  Beside it,
torch.distributions.kl_divergence in float64 (Debian's python3-torch) and
torch's relative error against mpmath, so the tests can both check
agreement where torch is accurate and document where it is not.

    /usr/bin/python3 tests/gen_families_ref.py

Needs Debian's python3-mpmath, python3-numpy and python3-torch.
"""
import random
import sys
import warnings

from mpmath import mp, mpf, log, log1p, exp, loggamma, digamma, euler, inf

sys.path.insert(0, 'tests')
from refgen import (write_counted_table, real, as_double, json_lit, f32_lit, f64_lit, to_f32,
                    broadcast)

import torch
import torch.distributions as D

warnings.filterwarnings('ignore')
mp.dps = 100
LN2 = log(2)


from refmath import (xlogy, bern, geom, poisson, gamma_kl, lbeta, beta_kl, laplace,
                     cauchy, normal, gumbel, pareto, uniform, dirichlet)


FAM = {  # name: (mpmath term, torch pair builder)
    'kl_bernoulli': (bern, lambda p, q: (D.Bernoulli(probs=p), D.Bernoulli(probs=q))),
    'kl_binomial': (lambda n, p, q: n * bern(p, q) if n > 0 else mpf(0),
                    lambda n, p, q: (D.Binomial(n, probs=p), D.Binomial(n, probs=q))),
    'kl_geometric': (geom, lambda p, q: (D.Geometric(probs=p), D.Geometric(probs=q))),
    'kl_poisson': (poisson, lambda a, b: (D.Poisson(a), D.Poisson(b))),
    'kl_exponential': (lambda a, b: log(a / b) + b / a - 1,
                       lambda a, b: (D.Exponential(a), D.Exponential(b))),
    'kl_gamma': (gamma_kl, lambda a1, b1, a2, b2: (D.Gamma(a1, b1), D.Gamma(a2, b2))),
    'kl_beta': (beta_kl, lambda a1, b1, a2, b2: (D.Beta(a1, b1), D.Beta(a2, b2))),
    'kl_laplace': (laplace, lambda m1, s1, m2, s2: (D.Laplace(m1, s1), D.Laplace(m2, s2))),
    'kl_cauchy': (cauchy, lambda m1, s1, m2, s2: (D.Cauchy(m1, s1), D.Cauchy(m2, s2))),
    'kl_lognormal': (normal, lambda m1, s1, m2, s2: (D.LogNormal(m1, s1), D.LogNormal(m2, s2))),
    'kl_gumbel': (gumbel, lambda m1, s1, m2, s2: (D.Gumbel(m1, s1), D.Gumbel(m2, s2))),
    'kl_pareto': (pareto, lambda x1, a1, x2, a2: (D.Pareto(x1, a1), D.Pareto(x2, a2))),
    'kl_halfnormal': (lambda s1, s2: normal(0, s1, 0, s2),
                      lambda s1, s2: (D.HalfNormal(s1), D.HalfNormal(s2))),
    'kl_uniform': (uniform, lambda l1, h1, l2, h2: (D.Uniform(l1, h1), D.Uniform(l2, h2))),
}


def ref_value(fam, args):
    # identical distributions: exactly 0 (the textbook formulas leave
    # rounding noise of 1e-100 there even at 100 digits)
    half = len(args) // 2
    if fam != 'kl_binomial' and args[:half] == args[half:]:
        return mpf(0)
    if fam == 'kl_binomial' and args[1] == args[2]:
        return mpf(0)
    if fam == 'kl_dirichlet':
        al, be = broadcast(args)
        return dirichlet([mpf(x) for x in al], [mpf(x) for x in be])
    term = FAM[fam][0]
    total = mpf(0)
    for t in zip(*broadcast(args)):
        total += term(*[mpf(x) for x in t])
    return total


def torch_value(fam, args):
    try:
        cols = broadcast(args)
        if fam == 'kl_dirichlet':
            p = D.Dirichlet(torch.tensor(cols[0], dtype=torch.float64), validate_args=False)
            q = D.Dirichlet(torch.tensor(cols[1], dtype=torch.float64), validate_args=False)
            return float(D.kl_divergence(p, q))
        ts = [torch.tensor(c, dtype=torch.float64) for c in cols]
        p, q = FAM[fam][1](*ts)
        return float(D.kl_divergence(p, q).sum())
    except Exception:   # NotImplementedError, or refused parameters
        return None


rows = []


def magnitude(args):
    vals = [abs(x) for a in args for x in (a if isinstance(a, list) else [a]) if x != 0]
    return max(abs(float(log(mpf(v), 10))) for v in vals) if vals else 0


def add(fam, case_id, args, lit=json_lit):
    # enough digits for sums like 1e300 + 1 to be exact
    mp.dps = 100 if magnitude(args) < 40 else 120 + 2 * int(magnitude(args))
    want = ref_value(fam, args)
    mp.dps = 100
    tv = torch_value(fam, args)
    w = as_double(want)
    if tv is None:
        terr = None
    elif want == inf:
        terr = 0.0 if tv == float('inf') else float('inf')
    elif tv != tv or abs(tv) == float('inf'):
        terr = float('inf')
    else:
        terr = float(abs(mpf(tv) - want) / want) if want != 0 else abs(tv)
    rows.append((fam, case_id, [lit(a) for a in args], w, as_double(want / LN2), tv, terr))


def grid(fam, cases):
    for k, args in enumerate(cases):
        add(fam, 'g%02d' % k, list(args))


NEAR = [1 + 1e-12, 1 - 1e-12, 1 + 1e-8, 1 + 1e-15, 1.5, 0.5, 2.0]

# Bernoulli and friends: probabilities including 0, 1 and 1e-300.
PP = [(0.3, 0.5), (0.5, 0.3), (0.0, 0.5), (1.0, 0.5), (0.5, 0.0), (0.5, 1.0),
      (0.0, 0.0), (1.0, 1.0), (0.0, 1.0), (1e-300, 0.5), (0.5, 1e-300),
      (1e-300, 1e-300), (1e-300, 2e-300), (1 - 1e-16, 0.5), (0.5, 1 - 1e-16),
      (0.3, 0.3 * (1 + 1e-12)), (0.7, 0.7 * (1 - 1e-12)), (0.999999, 0.9999995),
      (1e-10, 1e-10 * (1 + 1e-8)), (0.25, 0.75)]
grid('kl_bernoulli', PP)
grid('kl_binomial', [(n, p, q) for n, (p, q) in zip([10, 1, 0, 1e6, 3, 1e15] * 4, PP)])
grid('kl_geometric', [(p, q) for p, q in PP if p > 0 and q > 0])
RATES = [(2.0, 3.0), (3.0, 2.0), (0.0, 1.0), (1.0, 0.0), (0.0, 0.0), (1e-300, 1.0),
         (1.0, 1e-300), (1e300, 1.0), (1.0, 1e300), (1e-8, 1e8), (1e8, 1e-8),
         (5.0, 5.0 * (1 + 1e-12)), (5.0, 5.0 * (1 - 1e-12)), (1e8, 1e8 * (1 + 1e-8)),
         (1e-300, 1e-300 * (1 + 1e-12))]
grid('kl_poisson', RATES)
grid('kl_exponential', [r for r in RATES if r[0] > 0 and r[1] > 0] + [(1.0, 1.0 + 2 ** -52)])
SHAPES = [(2.0, 3.0, 5.0, 7.0), (0.1, 1.0, 3.0, 0.2), (1e-8, 1.0, 1e-8, 1.0),
          (1e-8, 1.0, 2e-8, 1.0), (1e8, 1.0, 1e8, 1.0 * (1 + 1e-8)),
          (1e8, 1e8, 1e8 * (1 + 1e-8), 1e8 * (1 + 1e-8)), (1e8, 1.0, 1e-8, 1.0),
          (1e-8, 1.0, 1e8, 1.0), (3.0, 2.0, 3.0 * (1 + 1e-12), 2.0),
          (3.0, 2.0, 3.0, 2.0 * (1 + 1e-12)), (0.5, 0.5, 0.5 * (1 - 1e-12), 0.5 * (1 + 1e-12)),
          (9.5, 1.0, 10.5, 1.0), (10.0, 1.0, 10.0 * (1 + 1e-10), 1.0),
          (1.0, 1e-300, 1.0, 1e-300), (2.0, 1e300, 3.0, 1e300), (1e-3, 2.0, 1e3, 5.0),
          (7.0, 3.0, 7.0, 3.0), (1e300, 1.0, 1e-10, 1.0), (1e-10, 1.0, 1e300, 1.0),
          (1e-300, 1.0, 1e300, 1.0)]
grid('kl_gamma', SHAPES)
grid('kl_beta', [(a1, b1, a2, b2) for a1, b1, a2, b2 in SHAPES if b1 < 1e200 and b2 < 1e200
                 and b1 > 1e-200 and b2 > 1e-200] + [(1e8, 1e8, 1e8 * (1 + 1e-8), 1e8 * (1 + 1e-8)),
                                                    (1e-8, 1e-8, 2e-8, 2e-8), (0.5, 2.0, 1.0, 1.0),
                                                    (1e300, 1.0, 1e-300, 1.0), (1e-300, 1.0, 1e300, 1.0),
                                                    (1e200, 1e-200, 1e-200, 1e200)])
LOCSCALE = [(0.0, 1.0, 1.0, 2.0), (1.0, 2.0, 0.0, 1.0), (0.0, 1.0, 0.0, 1.0),
            (0.0, 1.0, 0.0, 1.0 + 1e-12), (0.0, 1.0, 1e-10, 1.0), (0.0, 1.0 + 1e-8, 1e-9, 1.0),
            (0.0, 1e-200, 0.0, 1e200), (0.0, 1e200, 0.0, 1e-200), (1e308, 1.0, -1e308, 1e300),
            (1e300, 1e300, -1e300, 1e300), (0.0, 1e-300, 1e-300, 2e-300), (5.0, 0.5, -5.0, 0.75),
            (0.0, 1.2, 0.0, 1.0), (0.3, 1.0, 0.0, 1.0), (0.0, 1e8, 0.0, 1e-8),
            (1.0, 3.0, 1.0 + 1e-13, 3.0 * (1 - 1e-12))]
for fam in ('kl_laplace', 'kl_cauchy', 'kl_lognormal', 'kl_gumbel'):
    cases = LOCSCALE
    if fam == 'kl_gumbel':
        # exp((m2-m1)/b2 + lgamma(1+r)) must stay in mpmath's and our range
        cases = [c for c in LOCSCALE if abs(c[0] - c[2]) / c[3] < 700 and c[1] / c[3] < 1e6]
        cases += [(0.0, 1.0, 0.0, 1.25), (0.0, 1.0, 0.0, 0.8), (0.0, 1.0, 0.0, 1.3),
                  (2.0, 1.0, 0.0, 1.0), (-500.0, 1.0, 0.0, 1.0), (0.0, 50.0, 0.0, 1.0)]
    grid(fam, cases)
grid('kl_pareto', [(2.0, 3.0, 1.0, 2.0), (1.0, 2.0, 2.0, 3.0), (1.0, 2.0, 1.0, 2.0),
                   (1.0, 2.0, 1.0, 2.0 * (1 + 1e-12)), (1.0 + 1e-12, 2.0, 1.0, 2.0),
                   (1e300, 1e-8, 1e-300, 1e8), (5.0, 1e8, 5.0, 1e-8), (3.0, 1.0, 3.0 * (1 - 1e-12), 1.0)])
grid('kl_halfnormal', [(1.0, 2.0), (2.0, 1.0), (1.0, 1.0), (1.0 + 1e-12, 1.0), (1e-200, 1e200),
                       (1e200, 1e-200), (3.0, 3.0 * (1 - 1e-12))])
grid('kl_uniform', [(0.0, 1.0, -1.0, 2.0), (0.0, 1.0, 0.0, 1.0), (0.0, 1.0, 0.5, 2.0),
                    (-1.0, 3.0, -1.0, 2.0), (0.0, 1.0, -1e-12, 1.0), (0.0, 1.0, 0.0, 1.0 + 2 ** -52),
                    (-1e308, 1e308, -1.7e308, 1.7e308), (1e-300, 2e-300, 0.0, 1.0),
                    (5.0, 5.0 + 1e-10, 4.0, 6.0), (0.0, 1.0, -1.0, 1.0)])
# Nearly equal Beta distributions where one component is below ~1e-6 of
# the total (the Binet parts of the dominant component and of the totals
# cancel there; core/families.c integrates their difference instead).
for k, args in enumerate([(2.266983412567175, 1.956248424137695e-07, 2.266983390744625, 1.9562484241355776e-07),
                          (2.8606015032536908e-08, 0.05627239180024723, 2.8606015029590996e-08, 0.056272597276872775),
                          (4.324158124772628e-06, 4.031681108779594, 4.324158124862601e-06, 4.031681332476029)]):
    add('kl_beta', 'tinycomp.%d' % k, list(args))
DIR = [([0.5, 2.0, 3.5], [1.0, 1.0, 7.0]), ([1.0, 1.0], [1.0, 1.0]),
       ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0 * (1 + 1e-12)]), ([1e-8, 1e-8], [2e-8, 2e-8]),
       ([1e8, 2e8, 3e8], [1e8 * (1 + 1e-8), 2e8, 3e8]), ([0.1] * 10, [0.2] * 10),
       ([1e-8, 1e8], [1e8, 1e-8]), ([3.0, 4.0], [3.0 * (1 + 1e-10), 4.0 * (1 + 1e-10)])]
for k, (a, b) in enumerate(DIR):
    add('kl_dirichlet', 'g%02d' % k, [a, b])
rng = random.Random(20261125)
add('kl_dirichlet', 'long', [[rng.uniform(0.1, 10) for _ in range(1000)],
                             [rng.uniform(0.1, 10) for _ in range(1000)]])

# Random parameters across scales: 25 per family.
def lu(lo, hi):
    return 10 ** rng.uniform(lo, hi)


RAND = {
    'kl_bernoulli': lambda: (rng.random(), rng.random()),
    'kl_binomial': lambda: (float(rng.randint(0, 10 ** 6)), rng.random(), rng.random()),
    'kl_geometric': lambda: (lu(-6, 0), lu(-6, 0)),
    'kl_poisson': lambda: (lu(-6, 6), lu(-6, 6)),
    'kl_exponential': lambda: (lu(-6, 6), lu(-6, 6)),
    'kl_gamma': lambda: (lu(-8, 8), lu(-6, 6), lu(-8, 8), lu(-6, 6)),
    'kl_beta': lambda: (lu(-8, 8), lu(-8, 8), lu(-8, 8), lu(-8, 8)),
    'kl_laplace': lambda: (rng.gauss(0, 10), lu(-6, 6), rng.gauss(0, 10), lu(-6, 6)),
    'kl_cauchy': lambda: (rng.gauss(0, 10), lu(-6, 6), rng.gauss(0, 10), lu(-6, 6)),
    'kl_lognormal': lambda: (rng.gauss(0, 10), lu(-6, 6), rng.gauss(0, 10), lu(-6, 6)),
    'kl_gumbel': lambda: (rng.gauss(0, 3), lu(-2, 1), rng.gauss(0, 3), lu(-1, 1)),
    'kl_pareto': lambda: (lu(-3, 3), lu(-6, 6), lu(-3, 3), lu(-6, 6)),
    'kl_halfnormal': lambda: (lu(-6, 6), lu(-6, 6)),
    'kl_uniform': lambda: (lambda l1, w1, a, b: (l1, l1 + w1, l1 - a, l1 + w1 + b))(
        rng.gauss(0, 10), lu(-3, 3), lu(-6, 3), lu(-6, 3)),
}
for fam, make in RAND.items():
    for k in range(25):
        add(fam, 'rand.%02d' % k, list(make()))
for k in range(10):
    kk = rng.choice([2, 3, 5, 20])
    add('kl_dirichlet', 'rand.%02d' % k, [[lu(-4, 4) for _ in range(kk)], [lu(-4, 4) for _ in range(kk)]])

# Vectors (sums over independent components) in every form, with a number
# broadcast.
VEC = {
    'kl_bernoulli': lambda: [[rng.uniform(0, 1) for _ in range(5)], rng.uniform(0.1, 0.9)],
    'kl_binomial': lambda: [7.0, [rng.uniform(0, 1) for _ in range(5)], [rng.uniform(0.01, 0.99) for _ in range(5)]],
    'kl_geometric': lambda: [[rng.uniform(0.01, 1) for _ in range(4)], [rng.uniform(0.01, 0.99) for _ in range(4)]],
    'kl_poisson': lambda: [[rng.uniform(0, 20) for _ in range(6)], 3.5],
    'kl_exponential': lambda: [[rng.uniform(0.1, 9) for _ in range(6)], [rng.uniform(0.1, 9) for _ in range(6)]],
    'kl_gamma': lambda: [[rng.uniform(0.1, 9) for _ in range(4)], 2.0, [rng.uniform(0.1, 9) for _ in range(4)], [rng.uniform(0.1, 9) for _ in range(4)]],
    'kl_beta': lambda: [[rng.uniform(0.1, 9) for _ in range(4)], [rng.uniform(0.1, 9) for _ in range(4)], 1.0, 1.0],
    'kl_laplace': lambda: [[rng.gauss(0, 2) for _ in range(5)], [rng.uniform(0.2, 3) for _ in range(5)], 0.0, 1.0],
    'kl_cauchy': lambda: [[rng.gauss(0, 2) for _ in range(5)], 1.5, [rng.gauss(0, 2) for _ in range(5)], [rng.uniform(0.2, 3) for _ in range(5)]],
    'kl_lognormal': lambda: [[rng.gauss(0, 2) for _ in range(5)], [rng.uniform(0.2, 3) for _ in range(5)], 0.0, 1.0],
    'kl_gumbel': lambda: [[rng.gauss(0, 1) for _ in range(5)], [rng.uniform(0.5, 2) for _ in range(5)], 0.0, 1.0],
    'kl_pareto': lambda: [[rng.uniform(1, 3) for _ in range(4)], [rng.uniform(0.5, 5) for _ in range(4)], 1.0, [rng.uniform(0.5, 5) for _ in range(4)]],
    'kl_halfnormal': lambda: [[rng.uniform(0.2, 3) for _ in range(5)], 1.0],
    'kl_uniform': lambda: [[rng.uniform(0, 1) for _ in range(4)], [rng.uniform(1, 2) for _ in range(4)], -1.0, 3.0],
}
for fam, make in VEC.items():
    for form, lit in (('json', json_lit), ('f64', f64_lit), ('f32', f32_lit)):
        args = make()
        if form == 'f32':
            args = [to_f32(a) for a in args]
        add(fam, 'vec.' + form, args, lit)

with open('tests/data/families_ref.sql', 'w') as out:
    out.write('-- Generated by tests/gen_families_ref.py (mpmath, 100 digits; '
              'torch float64 beside). Do not edit.\n')
    write_counted_table(out, 'fam_ref', 'fn TEXT, id TEXT, a1, a2, a3, a4, want REAL, '
                        'want_bits REAL, torch REAL, torch_err REAL, PRIMARY KEY(fn, id)',
                        [["'%s'" % fam, "'%s'" % case_id] + lits + ['NULL'] * (4 - len(lits))
                         + [real(w), real(wb), real(tv), real(terr)]
                         for fam, case_id, lits, w, wb, tv, terr in rows])

print('wrote %d cases' % len(rows))
