#!/usr/bin/python3
"""Writes tests/oracle/grid.sql: an extreme-input reference grid for every
numeric function of the catalogue (src/catalogue.h, read through
build/catalogue_dump specs), with the truth from mpmath.

Per function, CASES cases: parameters drawn log-uniformly over the whole
double range (subnormals up to 1e308, both signs where the domain allows),
near-equal pairs (relative differences 1e-15 ... 1e-3), identical
distributions, integer and probability edges, vectors mixing magnitudes,
a few long vectors.  The truth is computed at increasing precision until
three precisions in a row agree to 30 digits (as many digits as each case
needs).

A numeric function of the catalogue without a reference here stops the
generator; tests/catalogue_oracle.sql (made from the catalogue) fails when
a function has fewer than 300 cases in the grid.

Usage: /usr/bin/python3 tests/oracle/gen.py   (make oracle-grid)

ORACLE_ONLY=name,name,... restricts the grid to those functions (a trial
of new functions' cases; the grid it writes then lacks every other one, so
it is not committed): ORACLE_OUT=path writes it elsewhere.
"""
import math
import os
import random
import struct
import subprocess
import sys

from mpmath import mp, mpf, log, exp, sqrt, inf

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refmath as R  # noqa: E402

CASES = 320
DBL_MAX = mpf(sys.float_info.max)
rng = random.Random(20261128)


# ----------------------------------------------------------------- numbers
def mag(lo=-1074, hi=1023):
    """A positive double with a uniformly drawn binary exponent."""
    while True:
        x = math.ldexp(rng.uniform(1.0, 2.0), rng.randint(lo, hi))
        if 0 < x < math.inf:
            return x


def signed(lo=-1074, hi=1023):
    return mag(lo, hi) * rng.choice((-1.0, 1.0))


def moderate():
    return rng.uniform(-4, 4) * 10 ** rng.randint(-3, 3)


def near(x, lo=-15, hi=-3):
    """x moved by a relative difference 10^[lo, hi] (a different double)."""
    for _ in range(50):
        d = 10 ** rng.uniform(lo, hi) * rng.choice((-1.0, 1.0))
        y = x * (1.0 + d)
        if y != x and math.isfinite(y):
            return y
    return math.nextafter(x, math.inf)


def draw(dom, other=None, style='wide'):
    """One parameter of domain dom (the catalogue's letters)."""
    if style == 'moderate':
        base = {'A': moderate, 'P': lambda: abs(moderate()) or 1.0,
                'N': lambda: abs(moderate())}.get(dom)
        if base:
            return base()
    if dom == 'A':
        return signed() if rng.random() < 0.8 else rng.choice((0.0, moderate()))
    if dom == 'P':
        return mag()
    if dom == 'N':
        return 0.0 if rng.random() < 0.1 else mag()
    if dom in 'Bb':
        r = rng.random()
        if r < 0.08 and dom == 'B':
            return 0.0
        if r < 0.16:
            return 1.0
        if r < 0.45:
            return mag(-1074, -1)
        if r < 0.65:
            return 1.0 - mag(-53, -2)
        return rng.random() or 0.5
    if dom == 'C':
        r = rng.random()
        if r < 0.1:
            return 0.0
        return float(int(10 ** rng.uniform(0, 18)))
    raise ValueError(dom)


# ------------------------------------------------------------- references
def fam_term(name):
    return {
        'kl_gauss': R.kl_sd, 'kl_gauss_each': R.kl_sd, 'kl_gauss_agg': R.kl_sd,
        'kl_gauss_var': R.t_var, 'kl_gauss_logvar': R.t_logvar,
        'kl_gauss_sym': R.t_sym, 'bhattacharyya_gauss': R.t_bhatt,
        'kl_bernoulli': R.bern,
        'kl_binomial': lambda n, p, q: n * R.bern(p, q) if n > 0 else mpf(0),
        'kl_geometric': R.geom, 'kl_poisson': R.poisson,
        'kl_exponential': lambda a, b: log(a / b) + b / a - 1,
        'kl_gamma': R.gamma_kl, 'kl_beta': R.beta_kl, 'kl_laplace': R.laplace,
        'kl_cauchy': R.cauchy, 'kl_lognormal': R.normal, 'kl_gumbel': R.gumbel,
        'kl_pareto': R.pareto, 'kl_uniform': R.uniform,
        'kl_halfnormal': lambda s1, s2: R.normal(0, s1, 0, s2),
    }.get(name)


def columns(args):
    n = max(len(a) if isinstance(a, list) else 1 for a in args)
    return [[a[i] if isinstance(a, list) else a for a in args] for i in range(n)]


def truth_once(name, args):
    term = fam_term(name)
    if term:
        return sum((term(*[mpf(x) for x in c]) for c in columns(args)), mpf(0))
    if name == 'hellinger_gauss':
        b = sum((R.t_bhatt(*[mpf(x) for x in c]) for c in columns(args)), mpf(0))
        return sqrt(-mp.expm1(-b))
    if name == 'w2_gauss':
        return sqrt(sum(((mpf(a) - mpf(c)) ** 2 + (mpf(b) - mpf(d)) ** 2
                         for a, b, c, d in columns(args)), mpf(0)))
    if name in ('kl_div', 'kl_div_agg'):
        return R.kl(*args)
    if name in ('js_div', 'js_div_agg'):
        return R.js(*args)
    if name == 'js_dist':
        return sqrt(R.js(*args))
    if name in ('cross_entropy', 'cross_entropy_agg'):
        return R.xent(*args)
    if name in ('entropy', 'entropy_agg'):
        return R.xent(args[0], args[0])
    if name == 'kl_div_logits':
        return logits(*args)
    if name == 'kl_dirichlet':
        return R.dirichlet([mpf(x) for x in args[0]], [mpf(x) for x in args[1]])
    if name == 'kl_mvn':
        return mvn(*args)
    raise KeyError(name)


def mvn(mu1, c1, mu2, c2):
    """KL between normals by Cholesky factors (refmath's large-d road, which
    does not lose a badly scaled matrix as the general inverse can)."""
    d = len(mu1)
    A1 = [[mpf(x) for x in r] for r in c1]
    A2 = [[mpf(x) for x in r] for r in c2]
    L1, L2 = R.chol(A1, d), R.chol(A2, d)
    tr = mpf(0)
    for c in range(d):
        col = [A1[i][c] for i in range(d)]
        tr += R.solve_upper_t(L2, R.solve_lower(L2, col, d), d)[c]
    z = R.solve_lower(L2, [mpf(b) - mpf(a) for a, b in zip(mu1, mu2)], d)
    ld = 2 * (sum(log(L2[i][i]) for i in range(d)) - sum(log(L1[i][i]) for i in range(d)))
    return (tr + sum(x * x for x in z) - d + ld) / 2


# the histogram aggregates that keep O(1) state (src/core/stream.h)
STREAM_AGGS = {'kl_div_agg': 'kl', 'cross_entropy_agg': 'xent', 'entropy_agg': 'h'}


def mvn_bound(c2, kl):
    """kl_mvn's accuracy bound for one case (ACCURACY.md): the relative
    error is at most max(1e-10, 16 d u kappa / sqrt(2 KL)), u = 2^-53 and
    kappa the condition number of cov2 scaled to a unit diagonal.  For
    nearly equal normals, KL ~ |E|^2 / 2 comes from the small E = L2^-1 L1
    - I, whose entries carry absolute rounding errors of about u kappa."""
    d = len(c2)
    with mp.workdps(40):
        s = [1 / sqrt(mpf(c2[i][i])) for i in range(d)]
        r = mp.matrix([[mpf(c2[i][j]) * s[i] * s[j] for j in range(d)]
                       for i in range(d)])
        ev = mp.eigsy(r, eigvals_only=True)
        kappa = max(ev) / min(ev)
        if kl <= 0:
            return None
        b = 16 * d * mpf(2) ** -53 * kappa / sqrt(2 * kl)
    return max(1e-10, float(b))


def logits(a, b):
    """In log space about each maximum, so that a single category (or equal
    logits) gives exactly 0 at any precision."""
    ma, mb = max(a), max(b)
    ia, ib = a.index(ma), b.index(mb)
    # the sums past their largest term (1): log(1 + s) as log1p(s), so a
    # term of e^-3000 counts at any precision
    ra = sum(exp(mpf(x) - ma) for i, x in enumerate(a) if i != ia)
    rb = sum(exp(mpf(y) - mb) for i, y in enumerate(b) if i != ib)
    sa, sb = 1 + ra, 1 + rb
    ls = mp.log1p(rb) - mp.log1p(ra)
    return sum(exp(mpf(x) - ma) / sa * (((mpf(x) - ma) - (mpf(y) - mb)) + ls)
               for x, y in zip(a, b))


# Histograms and logits are normalised by sums of doubles of any
# magnitudes: a sum is exact only with about 2100 bits, and the log of a
# probability within 1e-300 of 1 needs as many.  Their references start
# there, so that two precisions cannot agree on a value that lost a term.
START = {'kl_div': 700, 'js_div': 700, 'js_dist': 700, 'cross_entropy': 700,
         'entropy': 700, 'kl_div_agg': 700, 'js_div_agg': 700,
         'cross_entropy_agg': 700, 'entropy_agg': 700, 'kl_div_logits': 700}


def truth(name, args):
    """The exact value, at the precision it needs: three precisions agree."""
    prev = None
    seen = []
    start = START.get(name, 60)
    for dps in (60, 120, 240, 480, 700, 960, 1400, 1920, 2800, 4000, 5600):
        if dps < start:
            continue
        with mp.workdps(dps):
            v = truth_once(name, args)
        if v == inf:
            return v
        # an exact 0 may be total cancellation at too few digits: it is
        # believed only from 960 digits on
        # three precisions in a row must agree: two low ones can agree on
        # a sum that lost the same tiny element (exactly 0 at both)
        if len(seen) >= 2 and ((v == prev == 0 and dps >= 960) or
                               (v != 0 and all(abs(v - w) <= abs(v) * mpf(10) ** -30
                                               for w in seen[-2:]))):
            return v
        prev = v
        seen.append(v)
    if v == 0:
        return v
    raise RuntimeError('no convergence: %s %r' % (name, args))


def truth_of(spec, args, kind):
    """Identical distributions are exactly 0 by definition (for a function
    that declares KL_ZERO)."""
    if kind == 'same' and spec['props'] & 4:
        return mpf(0)
    return truth(spec['name'], args)


# ----------------------------------------------------------------- cases
def vec(n, gen):
    return [gen() for _ in range(n)]


def pair_params(doms, nshared, style):
    """Parameters for a family: shared ones, then P's, then Q's."""
    k = (len(doms) - nshared) // 2
    x = []
    for i, d in enumerate(doms):
        if d.isdigit():
            ref = x[int(d)]
            while True:
                gap = mag(-60, 1023) if style != 'moderate' else abs(moderate()) or 1.0
                y = ref + gap * max(1.0, abs(ref)) * 10 ** rng.uniform(-15, 0)
                if math.isfinite(y) and y > ref:
                    break
            x.append(y)
        else:
            x.append(draw(d, style=style))
    return x, k


def family_case(doms, nshared, kind):
    style = 'wide' if kind != 'moderate' else 'moderate'
    x, k = pair_params(doms, nshared, style)
    if kind == 'same':
        x[nshared + k:] = x[nshared:nshared + k]
    elif kind == 'near':
        for i in range(k):
            d = doms[nshared + k + i]
            p = x[nshared + i]
            for _ in range(20):
                y = near(p)
                ok = (d == 'A' or (d in 'PN' and y > 0) or
                      (d == 'B' and 0 <= y <= 1) or (d == 'b' and 0 < y <= 1) or
                      (d.isdigit() and y > x[int(d)]))
                if ok:
                    break
            else:
                raise ValueError('no nearby valid parameter')
            x[nshared + k + i] = y
    return x


def gauss_vec_case(kind, dims):
    doms = 'APAP'
    cols = [family_case(doms, 0, kind) for _ in range(dims)]
    return [[c[j] for c in cols] for j in range(4)]


def hist(n, style):
    if style == 'subnormal':
        return vec(n, lambda: mag(-1074, -1023))
    if style == 'huge':
        return vec(n, lambda: mag(1000, 1023))
    if style == 'mixed':
        return vec(n, lambda: 0.0 if rng.random() < 0.15 else mag())
    return vec(n, lambda: rng.random() * 10 ** rng.randint(-3, 3))


def discrete_case(kind, single=False):
    n = rng.choice((1, 2, 3, 5, 8)) if kind != 'long' else 300
    style = rng.choice(('subnormal', 'huge', 'mixed', 'plain'))
    p = hist(n, style)
    if sum(p) == 0:
        p[0] = mag()
    if single:
        return [p]
    if kind == 'same':
        q = list(p)
    elif kind == 'near':
        q = [near(x) if x else 0.0 for x in p]
    else:
        q = hist(n, rng.choice(('subnormal', 'huge', 'mixed', 'plain')))
        if sum(q) == 0:
            q[0] = mag()
    return [p, q]


def logit_case(kind):
    n = rng.choice((1, 2, 3, 5))
    wide = rng.random() < 0.5
    a = vec(n, signed if wide else moderate)
    if kind == 'same':
        b = list(a)
    elif kind == 'near':
        b = [near(x) if x else 0.0 for x in a]
    else:
        b = vec(n, signed if rng.random() < 0.5 else moderate)
    return [a, b]


def dirichlet_case(kind):
    n = rng.choice((2, 3, 5))
    a = vec(n, lambda: mag(-300, 300))
    if kind == 'same':
        b = list(a)
    elif kind == 'near':
        b = [near(x) for x in a]
    else:
        b = vec(n, lambda: mag(-300, 300))
    return [a, b]


def mvn_case(kind):
    d = rng.choice((1, 2, 3))
    # a well-conditioned correlation, scaled by exact powers of two per index
    def cov():
        s = [math.ldexp(1.0, rng.randint(-400, 400)) for _ in range(d)]
        c = [[(1.0 if i == j else rng.uniform(-0.3, 0.3) / d) for j in range(d)]
             for i in range(d)]
        for i in range(d):
            for j in range(i):
                c[i][j] = c[j][i]
        return [[c[i][j] * s[i] * s[j] for j in range(d)] for i in range(d)]
    c1 = cov()
    mu1 = vec(d, moderate)
    if kind == 'same':
        return [mu1, c1, list(mu1), [list(r) for r in c1]]
    if kind == 'near':
        c2 = [[near(x, -6, -3) if i == j else x for j, x in enumerate(r)]
              for i, r in enumerate(c1)]
        return [mu1, c1, [near(x, -6, -3) for x in mu1], c2]
    return [mu1, c1, vec(d, moderate), cov()]


KINDS = ['wide'] * 14 + ['near'] * 8 + ['same'] * 2 + ['moderate'] * 4 + ['vector'] * 3


def make_args(spec, kind):
    name, fkind, doms, nshared = spec['name'], spec['kind'], spec['doms'], spec['nshared']
    if name in ('kl_div', 'js_div', 'js_dist', 'cross_entropy', 'kl_div_agg',
                'js_div_agg', 'cross_entropy_agg'):
        return discrete_case(kind)
    if name in ('entropy', 'entropy_agg'):
        return discrete_case(kind, single=True)
    if name == 'kl_div_logits':
        return logit_case(kind)
    if name == 'kl_dirichlet':
        return dirichlet_case(kind)
    if name == 'kl_mvn':
        return mvn_case(kind)
    if doms == '-':
        doms = 'APAP'       # kl_gauss, kl_gauss_each, kl_gauss_agg
    if kind in ('vector', 'long') or fkind != 'scalar':
        dims = rng.choice((2, 3, 8)) if kind != 'long' else 300
        k2 = kind if kind in ('wide', 'near', 'same', 'moderate') else \
            rng.choice(('wide', 'near', 'moderate'))
        cols = [family_case(doms, nshared, k2) for _ in range(dims)]
        return [[c[j] for c in cols] for j in range(len(doms))]
    return family_case(doms, nshared, kind)


# ------------------------------------------------------------------ output
def num(x):
    return repr(float(x))


def lit(v):
    """An argument as JSON text, read by the extension's own parser."""
    if isinstance(v, list):
        if v and isinstance(v[0], list):
            return "'[" + ','.join('[' + ','.join(num(x) for x in r) + ']' for r in v) + "]'"
        return "'[" + ','.join(num(x) for x in v) + "]'"
    return "'" + num(v) + "'"


def want_lit(v):
    if v == inf:
        return '9e999'
    if v > DBL_MAX:
        return '9e999'
    return repr(float(v))


def outcome(v):
    if v == 0:
        return 'zero'
    if v == inf or v > DBL_MAX * (1 + mpf(2) ** -53):
        return 'inf'
    return 'finite'


def specs():
    out = subprocess.check_output(['build/catalogue_dump', 'specs'], text=True)
    res = []
    for line in out.splitlines():
        name, kind, args, props, upper, bound, doms, _ = line.split('\t')
        if not int(props) & 1:
            continue
        nshared = len(args.split(':')[0].split()) if ':' in args else 0
        res.append({'name': name, 'kind': kind, 'doms': doms, 'nshared': nshared,
                    'unit': '[unit]' in args, 'props': int(props)})
    return res


def call_sql(spec, args):
    """The SQL expression of one case: a call, a sum over the table, or
    the aggregate over rows of chunks."""
    name = spec['name']
    if spec['kind'] in ('window', 'aggregate'):
        if not isinstance(args[0], list):
            args = [[a] for a in args]
        rows = ','.join('(' + ','.join(lit(x) for x in row) + ')'
                        for row in split_rows(args))
        cols = ', '.join('column%d' % (i + 1) for i in range(len(args)))
        return '(SELECT %s(%s) FROM (VALUES %s))' % (name, cols, rows)
    call = '%s(%s)' % (name, ', '.join(lit(a) for a in args))
    if spec['kind'] == 'table':
        return '(SELECT sum(kl) FROM %s)' % call
    return call


def split_rows(args):
    """An aggregate's case as rows of chunks (1 to 3 elements each)."""
    n = len(args[0])
    rows, i = [], 0
    while i < n:
        k = rng.choice((1, 1, 2, 3))
        rows.append([a[i:i + k] for a in args])
        i += k
    return rows


DIST_FNS = ('kl', 'dist_entropy', 'dist_cross_entropy')


def main():
    calls = []
    only = [x.strip() for x in os.environ.get('ORACLE_ONLY', '').split(',') if x.strip()]
    out_path = os.environ.get('ORACLE_OUT', 'tests/oracle/grid.sql')
    import sample_cases
    for spec in specs():
        name = spec['name']
        if only and name not in only:
            continue
        if name in sample_cases.FNS:
            rows = sample_cases.cases(sys.modules[__name__], name)
            calls.extend((name,) + r for r in rows)
            print('%s: %d cases' % (name, len(rows)), file=sys.stderr)
            continue
        if name in DIST_FNS:
            import dist_cases
            rows = dist_cases.cases(sys.modules[__name__], name)
            calls.extend((name,) + r[:2] + (r[2], r[3], r[4], r[5]) for r in rows)
            print('%s: %d cases' % (name, len(rows)), file=sys.stderr)
            continue
        if fam_term(name) is None:
            try:
                truth_once(name, [[1.0], [1.0]])
            except KeyError:
                sys.exit('tests/oracle/gen.py: no reference for %s' % name)
            except Exception:
                pass
        kinds = [KINDS[i % len(KINDS)] for i in range(CASES - 2)] + ['long', 'long']
        for i, kind in enumerate(kinds):
            while True:
                try:
                    args = make_args(spec, kind)
                    v = truth_of(spec, args, kind)
                except (ValueError, ZeroDivisionError, OverflowError):
                    continue
                break
            cid = '%s%03d' % (kind[0], i)
            cb = None
            if name == 'kl_mvn' and outcome(v) == 'finite':
                cb = mvn_bound(args[3], v)
            ca = None
            if name in STREAM_AGGS and outcome(v) == 'finite':
                # O(1)-state aggregates: u v + 2^-99 M absolute (stream.h)
                with mp.workprec(2400):
                    ca = float(mpf(2) ** -99 * R.stream_magnitude(
                        STREAM_AGGS[name], args[0], args[-1]))
            calls.append((name, cid, call_sql(spec, args), want_lit(v), outcome(v), cb, ca))
        print('%s: %d cases' % (name, len(kinds)), file=sys.stderr)
    with open(out_path, 'w') as f:
        f.write('-- Generated by tests/oracle/gen.py (mpmath; make oracle-grid). '
                'Do not edit.\n')
        f.write('CREATE TEMP TABLE grid(fn TEXT, id TEXT, sql TEXT, want REAL, '
                'outcome TEXT, case_bound REAL, case_abs REAL);\nBEGIN;\n')
        for name, cid, sql, w, o, cb, ca in calls:
            f.write("INSERT INTO grid VALUES('%s','%s','%s',%s,'%s',%s,%s);\n"
                    % (name, cid, sql.replace("'", "''"), w, o,
                       'NULL' if cb is None else repr(cb),
                       'NULL' if ca is None else repr(ca)))
        f.write('COMMIT;\n')
    print('wrote %s: %d cases' % (out_path, len(calls)), file=sys.stderr)


if __name__ == '__main__':
    main()
