#!/usr/bin/python3
"""Writes tests/data/dentropy_ref.sql: reference values for
differential_entropy() and differential_entropy_agg() (core/dentropy.c).

Every case is a sample (a JSON array of doubles, written so that it reads
back as the same doubles) and an options text.  Its expected value `want`
is scipy 1.10's own formula for the method (scipy/stats/_entropy.py: the
padding, the constants, van Es's ln((n+1)/m) + ln m - ln(n+1), Correa's
window means), evaluated with mpmath at 50 digits over the exact doubles,
and checked against a second evaluation at 80 digits.  Beside it, scipy
1.10.1's float64 value and its relative error against mpmath.

Cases:
  ord.*   random samples (normal, exponential, uniform, lognormal,
          Student t3) of 5 .. 2500 values, every method with scipy's
          default window and with other window lengths; scipy is accurate
          there (the test also checks it to 1e-12).
  adv.*   adversarial samples where scipy loses digits or fails: huge
          magnitudes (spacings that overflow: scipy gives inf), tiny ones
          (subnormal spacings, 2e-300 spacings), a large offset with a small
          spread (Correa's x - mean in scipy cancels), values whose entropy
          is near 0 (the mean of logs cancels), near-ties (spacings of one
          ulp).
  mid     4000 normal values at an offset of 1e6: correa's sliding window
          sums over many blocks (core/dentropy.c), default window and 100.
  big     the 10^6-value sample x_k = r / (1000003 - r), r = 7919 k mod
          1000003, k = 1 .. 10^6 (tests/dentropy.sql builds it in SQL with
          the same integer operations and one correctly rounded division):
          scipy's vasicek (auto) and ebrahimi values, and mpmath's.

Tables (see tests/refgen.py, write_counted_table):
  de_sample(sid, n, x)   the samples, x JSON text
  de_ref(id, sid, opts, want, scipy, scipy_err, mag)
      opts the options text ('' for none), want the mpmath value in nats,
      mag the magnitude the accuracy is relative to: max(|want|, |C| +
      mean |ln term|) over the constants C and the log terms of the
      estimator (core/dentropy.c, rule 6).  The test asserts
      |got - want| <= 1e-13 mag.
  de_big(method, want, scipy)  the 10^6 case

    /usr/bin/python3 tests/gen_dentropy_ref.py

Needs Debian's python3-scipy (1.10.1), python3-numpy and python3-mpmath.
"""
import math
import sys
import warnings

import numpy as np
import scipy
import scipy.stats as st
from mpmath import mp, mpf, log

sys.path.insert(0, 'tests')
from refgen import write_counted_table, real

warnings.filterwarnings('ignore')
assert scipy.__version__ == '1.10.1', scipy.__version__

METHODS = ['vasicek', 'van es', 'ebrahimi', 'correa', 'auto']


# ------------------------------------------- scipy's formulas, in mpmath
def pad(X, m):
    return [X[0]] * m + X + [X[-1]] * m


def mp_vasicek(X, m):
    n = len(X)
    P = pad(X, m)
    logs = [log(mpf(n) / (2 * m) * (P[i + 2 * m] - P[i])) for i in range(n)]
    return sum(logs) / n, [log(mpf(n) / (2 * m))], [log(P[i + 2 * m] - P[i]) for i in range(n)]


def mp_van_es(X, m):
    n = len(X)
    d = [X[i + m] - X[i] for i in range(n - m)]
    term1 = sum(log(mpf(n + 1) / m * di) for di in d) / (n - m)
    har = sum(mpf(1) / k for k in range(m, n + 1))
    v = term1 + har + log(m) - log(n + 1)
    return v, [har], [log(di) for di in d]


def mp_ebrahimi(X, m):
    n = len(X)
    P = pad(X, m)
    tot = mpf(0)
    terms = []
    for i in range(1, n + 1):
        if i <= m:
            ci = 1 + mpf(i - 1) / m
        elif i >= n - m + 1:
            ci = 1 + mpf(n - i) / m
        else:
            ci = mpf(2)
        dif = P[i - 1 + 2 * m] - P[i - 1]
        tot += log(n * dif / (ci * m))
        terms.append(log(dif) - log(ci * m))
    return tot / n, [log(n)], terms


def mp_correa(X, m):
    n = len(X)
    P = pad(X, m)
    tot = mpf(0)
    terms = []
    for i in range(1, n + 1):
        js = [i + dj for dj in range(-m, m + 1)]
        vals = [P[j + m - 1] for j in js]
        mean = sum(vals) / (2 * m + 1)
        num = sum((v - mean) * (j - i) for v, j in zip(vals, js))
        den = n * sum((v - mean) ** 2 for v in vals)
        tot += log(num / den)
        terms.append(log(num / den) + log(n))
    return -tot / n, [log(n)], terms


MP = {'vasicek': mp_vasicek, 'van es': mp_van_es, 'ebrahimi': mp_ebrahimi,
      'correa': mp_correa}


def resolve(method, n):
    if method != 'auto':
        return method
    return 'van es' if n <= 10 else ('ebrahimi' if n <= 1000 else 'vasicek')


def mp_ref(x, method, m):
    """(value, mag) at 50 digits, checked at 80."""
    X = sorted(float(v) for v in x)
    f = MP[resolve(method, len(X))]
    out = []
    for dps in (50, 80):
        mp.dps = dps
        Xm = [mpf(v) for v in X]
        out.append(f(Xm, m))
    mp.dps = 50
    v, consts, terms = out[0]
    v2 = out[1][0]
    assert abs(v - v2) <= mpf(10) ** -40 * max(1, abs(v2)), (v, v2)
    mag = max(abs(v2), sum(abs(c) for c in consts) + sum(abs(t) for t in terms) / len(terms))
    return float(v2), float(mag)


def scipy_val(x, method, m):
    return float(st.differential_entropy(np.array(x, dtype=float), window_length=m, method=method))


def default_m(n):
    return math.floor(math.sqrt(n) + 0.5)


samples = []   # (sid, list)
refs = []      # (id, sid, opts, want, scipy, scipy_err, mag)


def add_sample(sid, x):
    samples.append((sid, [float(v) for v in x]))
    return sid


def add_case(cid, sid, x, method, m, give_method=True, give_m=True):
    n = len(x)
    mm = default_m(n) if m is None else m
    assert 2 <= 2 * mm < n, (cid, n, mm)
    want, mag = mp_ref(x, method, mm)
    sc = scipy_val(x, method, m)
    err = abs(sc - want) / abs(want) if want != 0 and math.isfinite(sc) else (0.0 if sc == want else float('inf'))
    items = []
    if give_method:
        items.append('method=' + method)
    if m is not None and give_m:
        items.append('window_length=%d' % m)
    refs.append((cid, sid, ', '.join(items), want, sc, err, mag))


# ------------------------------------------------------------ ordinary
rng = np.random.default_rng(19)
DISTS = {
    'norm': lambda n: rng.standard_normal(n),
    'expo': lambda n: rng.standard_exponential(n),
    'unif': lambda n: rng.random(n) * 7 - 2,
    'lnorm': lambda n: rng.lognormal(0.5, 1.2, n),
    't3': lambda n: rng.standard_t(3, n),
}
SIZES = [5, 6, 7, 9, 10, 11, 20, 57, 100, 333, 1000, 1001, 2500]
for n in SIZES:
    for dname, gen in DISTS.items():
        x = gen(n)
        sid = add_sample('ord.%s.%d' % (dname, n), x)
        for method in METHODS:
            if method == 'correa' and n > 1000:
                continue   # mpmath's O(n m) window sums: the others cover it
            tag = method.replace(' ', '_')
            # the default window (method given; 'auto' also with no options)
            add_case('%s.%s.mdef' % (sid, tag), sid, x, method, None)
            # other windows: 1, and one drawn from 2 .. (n-1)//2
            add_case('%s.%s.m1' % (sid, tag), sid, x, method, 1)
            top = (n - 1) // 2
            if top >= 2:
                m = int(rng.integers(2, min(top, 60) + 1))
                add_case('%s.%s.m%d' % (sid, tag, m), sid, x, method, m)
        # no options at all (auto, default window), and window_length alone
        add_case('%s.none' % sid, sid, x, 'auto', None, give_method=False)
        add_case('%s.wl_only' % sid, sid, x, 'auto', 2, give_method=False)


# --------------------------------------------------------- adversarial
def adv(name, x, methods=METHODS, ms=(None, 1)):
    x = [float(v) for v in x]
    sid = add_sample('adv.' + name, x)
    for method in methods:
        for m in ms:
            if m is not None and not 2 * m < len(x):
                continue
            add_case('%s.%s.%s' % (sid, method.replace(' ', '_'),
                                   'mdef' if m is None else 'm%d' % m),
                     sid, x, method, m)


r = np.random.default_rng(20)
# huge: spacings beyond the double range (scipy: inf)
adv('huge_span', [-1.7e308, -1e308, -3.0, 0.0, 2.5, 1e300, 9e307, 1.6e308, 1.79e308])
adv('huge_span40', r.uniform(-1.0, 1.0, 40) * 1.7e308)
adv('huge_1e300', 1e300 * r.standard_normal(30))
# tiny: subnormal spacings (scipy's n/(2m) * d rounds them), 2e-300 spacings
adv('subnormal', [k * 5e-324 for k in (0, 1, 3, 4, 9, 10, 17, 30, 31, 50, 77)])
adv('subnormal_rand', np.unique(r.integers(0, 10**6, 60)).astype(float) * 5e-324)
adv('tiny_2e-300', [1e-300 + k * 2e-300 for k in range(25)] + [7e-299])
adv('tiny_mixed', [-1e308, -1e-300, 0.0, 2e-300, 4e-300, 5e-300, 1e-299, 1.0, 1e308])
# a large offset, a small spread: scipy's correa cancels in x - mean
adv('offset_1e16', [1e16 + 2.0 * k for k in r.choice(500, 40, replace=False)], ms=(None, 1, 3))
adv('offset_1e15', np.unique(1e15 + np.round(r.standard_normal(100) * 1e3) / 8))
adv('offset_1', 1.0 + r.choice(2000, 50, replace=False) * 2.0**-52)
# entropy near 0: a uniform sample on [0, 1) has H near 0; a scaled one
# crosses it (the mean of logs cancels)
u = np.sort(r.random(200))
adv('near0_unif', u)
adv('near0_scaled', u * 1.0137)
# near-ties: runs of m equal values (allowed) next to one-ulp spacings
base = [0.5, 1.0, 1.0, 1.0 + 2**-52, 1.0 + 2**-51, 1.0 + 2**-51, 1.0 + 3 * 2**-52,
        2.0, 2.0, 3.0, 3.0 + 2**-51, 4.0, 4.0, 5.0]
adv('near_ties', base, ms=(2,))
adv('near_ties_m1', base, methods=['vasicek', 'ebrahimi', 'correa'], ms=(1,))
adv('one_ulp', [1.0 + k * 2**-52 for k in range(30)])
adv('neg_zero', [-0.0, 0.0 + 5e-324, 1e-300, 0.5, 1.0, 1.5, 2.0, -1.0, 3.0])


# correa's sliding sums over many blocks (n = 4000), at an offset
rm = np.random.default_rng(21)
xm = rm.standard_normal(4000) * 3 + 1e6
sid = add_sample('mid.norm.4000', xm)
add_case('mid.norm.4000.correa.mdef', sid, xm, 'correa', None)
add_case('mid.norm.4000.correa.m100', sid, xm, 'correa', 100)
add_case('mid.norm.4000.vasicek.m100', sid, xm, 'vasicek', 100)


# ---------------------------------------------------------------- big
def big_sample():
    k = np.arange(1, 10**6 + 1, dtype=np.int64)
    rr = (k * 7919) % 1000003
    return rr.astype(float) / (1000003 - rr).astype(float)


xb = big_sample()
big = []
mp.dps = 30
Xb = np.sort(xb)
nb = len(Xb)
mb = default_m(nb)
for method in ('vasicek', 'ebrahimi', 'van es'):
    f = MP[method]
    Xm = [mpf(float(v)) for v in Xb]
    v = f(Xm, mb)[0]
    big.append((method, float(v), scipy_val(xb, method, None)))
mp.dps = 50

# ---------------------------------------------------------------- write
with open('tests/data/dentropy_ref.sql', 'w') as out:
    out.write('-- Generated by tests/gen_dentropy_ref.py (scipy %s; mpmath at 50 '
              'digits, checked at 80). Do not edit.\n' % scipy.__version__)
    write_counted_table(out, 'de_sample', 'sid TEXT PRIMARY KEY, n INTEGER, x TEXT',
                        [["'%s'" % sid, str(len(x)),
                          "'[" + ','.join(repr(v) for v in x) + "]'"]
                         for sid, x in samples])
    write_counted_table(out, 'de_ref',
                        'id TEXT PRIMARY KEY, sid TEXT, opts TEXT, want REAL, '
                        'scipy REAL, scipy_err REAL, mag REAL',
                        [["'%s'" % c[0], "'%s'" % c[1], "'%s'" % c[2], real(c[3]),
                          real(c[4]), real(c[5]), real(c[6])] for c in refs])
    write_counted_table(out, 'de_big', 'method TEXT PRIMARY KEY, want REAL, scipy REAL',
                        [["'%s'" % b[0], real(b[1]), real(b[2])] for b in big])
print('%d samples, %d cases, big %s' % (len(samples), len(refs), big), file=sys.stderr)
