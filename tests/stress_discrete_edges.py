#!/usr/bin/python3
"""Random stress of the discrete divergences and kl_div_logits at the edges
of the double range, against mpmath (the references of
tests/gen_discrete_edges.py, at 2400 bits).  Not part of make test (it takes
minutes); run from the repository root after make:

    /usr/bin/python3 tests/stress_discrete_edges.py [cases] [seed]

Inputs mix zeros, subnormals, tiny, moderate and huge weights (up to
DBL_MAX, so totals overflow), near-equal and power-of-two-scaled pairs;
logits mix +-DBL_MAX, +-1e308, moderate values, near-equal pairs and -Inf.
Each function is called as a scalar on JSON text and, for the discrete
ones, as its _agg aggregate with one bin (a JSON number) per row.

A result fails when it is NULL (NaN), negative or -Inf; when it is not
+Inf where the truth is beyond the double range, or is +Inf where it is
not; when the truth is normal and the relative error exceeds 1e-13; or
when the truth is subnormal or underflows and the absolute error exceeds
1e-300 (counted apart: those have absolute accuracy only).  Prints the
failures by class and the largest relative error seen on normal truths.
"""
import math
import random
import sqlite3
import sys

sys.path.insert(0, 'tests')
from gen_discrete_edges import kl, js, xent, logit_kl, dbl  # noqa: E402
from mpmath import mp  # noqa: E402

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
MAXD = sys.float_info.max
TINY = 5e-324
MINN = 2.0**-1022
INF = float('inf')

db = sqlite3.connect(':memory:')
db.enable_load_extension(True)
db.load_extension('./kl')


def weight():
    k = rng.random()
    if k < 0.12:
        return 0.0
    if k < 0.30:
        return rng.randint(1, 1 << rng.randint(1, 52)) * TINY      # subnormal
    if k < 0.45:
        return math.ldexp(rng.random() + 0.5, rng.randint(-1070, -900))
    if k < 0.70:
        return math.ldexp(rng.random() + 0.5, rng.randint(-30, 30))
    if k < 0.90:
        return math.ldexp(rng.random() + 0.5, rng.randint(900, 1023))
    return rng.choice([MAXD, 1e308, TINY, 2 * TINY, MINN])


def vector(n):
    while True:
        v = [weight() for _ in range(n)]
        if any(v):
            return v


def partner(p):
    k = rng.random()
    if k < 0.35:
        return vector(len(p))
    if k < 0.55:   # the same distribution at another scale (exact)
        e = rng.randint(-1074, 1074)
        try:
            q = [math.ldexp(x, e) for x in p]
        except OverflowError:
            return vector(len(p))
        if any(q) and all(math.isfinite(x) for x in q):
            if all(math.ldexp(y, -e) == x for x, y in zip(p, q)):
                return q
        return vector(len(p))
    # near-equal: a few ulps off in some bins
    q = [x if rng.random() < 0.5 or x == MAXD else
         math.nextafter(x, INF if rng.random() < 0.5 else 0.0) for x in p]
    return q if any(q) else vector(len(p))


def logit():
    k = rng.random()
    if k < 0.08:
        return -INF
    if k < 0.30:
        return rng.choice([MAXD, -MAXD, 1e308, -1e308, 1.7e308, -1.7e308])
    if k < 0.50:
        return rng.uniform(-1, 1) * 10.0**rng.randint(300, 308)
    if k < 0.80:
        return rng.uniform(-50, 50)
    return rng.uniform(-1, 1) * 10.0**rng.randint(3, 20)


def logit_vec(n):
    while True:
        v = [logit() for _ in range(n)]
        if any(x != -INF for x in v):
            return v


def jtext(v):
    return '[' + ','.join('-1e999' if x == -INF else repr(float(x)) for x in v) + ']'


fails = {}
maxrel = {}
checked = {}


def judge(name, got, truth, case):
    checked[name] = checked.get(name, 0) + 1
    t = dbl(truth)
    cls = None
    if isinstance(got, str):
        cls = 'error'
    elif got is None:
        cls = 'NULL'
    elif got < 0:
        cls = 'negative'
    elif t == INF or got == INF:
        if t != got:
            cls = 'inf-mismatch'
    elif t >= MINN:
        rel = abs(got - t) / t
        if rel > maxrel.get(name, (0,))[0]:
            maxrel[name] = (rel, case)
        if rel > 1e-13:
            cls = 'relative'
    else:
        if abs(got - t) > 1e-300:
            cls = 'tiny-absolute'
    if cls:
        fails.setdefault((name, cls), []).append((case, got, t))


def one(sql, *args):
    try:
        return db.execute(sql, args).fetchone()[0]
    except sqlite3.OperationalError as e:
        return 'error: %s' % e


for i in range(N):
    n = rng.randint(1, 6)
    p = vector(n)
    q = partner(p)
    pj, qj = jtext(p), jtext(q)
    case = (pj, qj)
    refs = {'kl': kl(p, q), 'js': js(p, q), 'xent': xent(p, q), 'h': xent(p, p)}
    refs['jsd'] = mp.sqrt(refs['js'])
    judge('kl_div', one('SELECT kl_div(?, ?)', pj, qj), refs['kl'], case)
    judge('js_div', one('SELECT js_div(?, ?)', pj, qj), refs['js'], case)
    judge('js_dist', one('SELECT js_dist(?, ?)', pj, qj), refs['jsd'], case)
    judge('cross_entropy', one('SELECT cross_entropy(?, ?)', pj, qj), refs['xent'], case)
    judge('entropy', one('SELECT entropy(?)', pj), refs['h'], case)
    rows = ' UNION ALL '.join("SELECT '%r' p, '%r' q" % (x, y) for x, y in zip(p, q))
    for fn, r in (('kl_div_agg', 'kl'), ('js_div_agg', 'js'), ('cross_entropy_agg', 'xent')):
        judge(fn, one('SELECT %s(p, q) FROM (%s)' % (fn, rows)), refs[r], case)
    judge('entropy_agg', one('SELECT entropy_agg(p) FROM (%s)' % rows), refs['h'], case)

    a = logit_vec(n)
    if rng.random() < 0.3:
        b = [x if x == -INF or abs(x) == MAXD or rng.random() < 0.5 else
             math.nextafter(x, INF if rng.random() < 0.5 else -INF) for x in a]
        if all(x == -INF for x in b):
            b = logit_vec(n)
    else:
        b = logit_vec(n)
    judge('kl_div_logits', one('SELECT kl_div_logits(?, ?)', jtext(a), jtext(b)),
          logit_kl(a, b), (jtext(a), jtext(b)))

print('cases:', N, ' checks:', sum(checked.values()))
for name in sorted(checked):
    r = maxrel.get(name, (0.0, None))
    print('  %-18s %6d checks, max relative error (normal truths) %.3g'
          % (name, checked[name], r[0]))
if not fails:
    print('no failures')
for (name, cls), lst in sorted(fails.items()):
    print('FAIL %s %s: %d, e.g.' % (name, cls, len(lst)))
    for case, got, t in lst[:3]:
        print('   ', case, 'got', got, 'want', t)
