"""The value oracle's grid for the distribution values (kl, dist_entropy,
dist_cross_entropy), used by tests/oracle/gen.py.

- kl: random pairs of one family, drawn as the families' own grid draws
  them (the whole double range, near-equal, identical, vectors), written
  as distribution text, with the truth from the same mpmath formulas
  (gen.fam_term); and every fourth case of the cross-family, continuous
  Bernoulli and discrete references (tests/data/cross_ref.sql,
  cbern_ref.sql, ddisc_ref.sql: mpmath from their generators), which hold
  the adversarial cases of each pair.
- dist_entropy: every other case of the entropy references
  (tests/data/ent_ref.sql, cbern_ref.sql, ddisc_ref.sql, dist_ref.sql),
  with the magnitude ent_ref.sql gives for a value that crosses 0.
- dist_cross_entropy: H(p) + KL(p || q) for p from the continuous entropy
  references and q of p's family, near p or drawn anew (the KL from
  mpmath here, H(p) the reference's double: the bound is 1e-13 of
  |H| + KL + the entropy's magnitude), and the mvn and categorical
  cross-entropies of dist_ref.sql.
"""
import math
import os
import re
import sqlite3

from mpmath import mpf

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data')

# family name -> (the family function whose mpmath term gen.fam_term has,
# its domain letters, shared parameters)
FAMILIES = {
    'normal': ('kl_gauss', 'APAP', 0), 'bernoulli': ('kl_bernoulli', 'BB', 0),
    'binomial': ('kl_binomial', 'CBB', 1), 'geometric': ('kl_geometric', 'bb', 0),
    'poisson': ('kl_poisson', 'NN', 0), 'exponential': ('kl_exponential', 'PP', 0),
    'gamma': ('kl_gamma', 'PPPP', 0), 'beta': ('kl_beta', 'PPPP', 0),
    'laplace': ('kl_laplace', 'APAP', 0), 'cauchy': ('kl_cauchy', 'APAP', 0),
    'lognormal': ('kl_lognormal', 'APAP', 0), 'gumbel': ('kl_gumbel', 'APAP', 0),
    'pareto': ('kl_pareto', 'PPPP', 0), 'halfnormal': ('kl_halfnormal', 'PP', 0),
    'uniform': ('kl_uniform', 'A0A2', 0),
}


def rows(sql_file, query):
    db = sqlite3.connect(':memory:')
    with open(os.path.join(DATA, sql_file)) as f:
        db.executescript(f.read())
    return db.execute(query).fetchall()


def num(x):
    return repr(float(x))


def param_text(v):
    if isinstance(v, list):
        return '[' + ','.join(num(x) for x in v) + ']'
    return num(v)


def text(fam, params):
    return '%s(%s)' % (fam, ', '.join(param_text(v) for v in params))


def parse(t):
    """'gamma(2.5, [1,2])' -> ('gamma', [2.5, [1.0, 2.0]])."""
    m = re.match(r'\s*(\w+)\s*\((.*)\)\s*$', t, re.S)
    fam, inner = m.group(1), m.group(2)
    out = []
    for a in re.findall(r'\[[^\]]*\]|[^,\s][^,]*', inner):
        a = a.strip()
        out.append([float(x) for x in a[1:-1].split(',')] if a.startswith('[') else float(a))
    return fam, out


def outcome_of(want):
    if want == 0:
        return 'zero'
    if want is None or want >= 9e999 or math.isinf(want):
        return 'inf'
    return 'finite'


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def kl_same(gen, kind):
    """One random same-family case: (sql, truth)."""
    fam = sorted(FAMILIES)[gen.rng.randrange(len(FAMILIES))]
    fn, doms, nshared = FAMILIES[fam]
    k = (len(doms) - nshared) // 2
    if kind in ('vector', 'long'):
        dims = gen.rng.choice((2, 3, 8)) if kind != 'long' else 300
        k2 = gen.rng.choice(('wide', 'near', 'moderate'))
        cols = [gen.family_case(doms, nshared, k2) for _ in range(dims)]
        args = [[c[j] for c in cols] for j in range(len(doms))]
    else:
        args = gen.family_case(doms, nshared, kind)
    shared, pa, qa = args[:nshared], args[nshared:nshared + k], args[nshared + k:]
    p, q = text(fam, shared + pa), text(fam, shared + qa)
    return 'kl(%s, %s)' % (sql_str(p), sql_str(q)), gen.truth_of(
        {'name': fn, 'props': 4}, args, kind)


def cases(gen, name):
    """The grid rows (cid, sql, want literal, outcome, case_bound, case_abs)
    of one distribution function."""
    out = []
    if name == 'kl':
        kinds = [gen.KINDS[i % len(gen.KINDS)] for i in range(198)] + ['long', 'long']
        for i, kind in enumerate(kinds):
            while True:
                try:
                    sql, v = kl_same(gen, kind)
                except (ValueError, ZeroDivisionError, OverflowError):
                    continue
                break
            out.append(('s%03d' % i, sql, gen.want_lit(v), gen.outcome(v), None, None))
        for f in ('cross_ref', 'cbern_ref', 'ddisc_ref'):
            for j, (cid, p, q, want) in enumerate(rows(f + '.sql', 'SELECT id, p, q, want FROM %s '
                                                          'ORDER BY id' % f)):
                if j % 4:
                    continue
                # a reference's own documented limit keeps its looser bound
                cb = 1e-4 if 'limit' in cid else None
                out.append(('r.' + cid, 'kl(%s, %s)' % (sql_str(p), sql_str(q)),
                            gen.want_lit(mpf(want)), outcome_of(want), cb, None))
    elif name == 'dist_entropy':
        refs = [('ent_ref', 'SELECT r.id, r.p, r.want, m.mag FROM ent_ent_ref r JOIN ent_ent_mag m '
                            'USING(id) ORDER BY id'),
                ('cbern_ref', 'SELECT id, p, want, NULL FROM cbern_ent_ref ORDER BY id'),
                ('ddisc_ref', 'SELECT id, p, want, NULL FROM ddisc_ent_ref ORDER BY id'),
                ('dist_ref', "SELECT id, p, want, NULL FROM dist_ref WHERE what = 'entropy' "
                             "ORDER BY id")]
        for f, query in refs:
            for j, (cid, p, want, mag) in enumerate(rows(f + '.sql', query)):
                if j % 2 or math.isinf(want):
                    # (an entropy below -DBL_MAX is -Inf, which the grid's
                    # outcomes do not hold: tests/dist_ent.sql checks it)
                    continue
                ca = 1e-13 * mag if mag is not None else None
                out.append(('r.' + cid, 'dist_entropy(%s)' % sql_str(p), repr(float(want)),
                            'zero' if want == 0 else 'finite', None, ca))
    elif name == 'dist_cross_entropy':
        ents = rows('ent_ref.sql', 'SELECT r.id, r.p, r.want, m.mag FROM ent_ent_ref r JOIN '
                                   'ent_ent_mag m USING(id) ORDER BY id')
        i = 0
        for cid, p, h, mag in ents:
            fam, pa = parse(p)
            if fam not in FAMILIES or any(isinstance(x, list) for x in pa) or h is None \
                    or abs(h) >= 9e999:
                continue
            fn, doms, nshared = FAMILIES[fam]
            if fam == 'beta' and math.isinf(pa[0] + pa[1]):
                # kl_beta's stated limit: a + b beyond DBL_MAX is an error
                # ("not computable"), not a value (sql/families_sql.c (5))
                continue
            kind = 'near' if i % 2 else 'wide'
            for _ in range(50):
                try:
                    if kind == 'near':
                        qa = [gen.near(x) if x else x for x in pa]
                        if fam == 'uniform' and not qa[1] > qa[0]:
                            continue
                    else:
                        qa = gen.family_case(doms, 0, kind)[len(pa):]
                    if fam == 'beta' and math.isinf(qa[0] + qa[1]):
                        continue
                    kl = gen.truth(fn, pa + qa)
                except (ValueError, ZeroDivisionError, OverflowError):
                    continue
                break
            else:
                continue
            i += 1
            if kl == gen.inf or kl > gen.DBL_MAX:
                want, oc, ca = '9e999', 'inf', None
            else:
                v = mpf(h) + kl
                want, oc = repr(float(v)), 'finite'
                ca = float(min(mpf('1e-13') * (abs(mpf(h)) + kl + mpf(mag)), gen.DBL_MAX))
            out.append(('x.' + cid, 'dist_cross_entropy(%s, %s)' % (sql_str(p),
                        sql_str(text(fam, qa))), want, oc, None, ca))
        for cid, p, q, want in rows('dist_ref.sql', "SELECT id, p, q, want FROM dist_ref WHERE "
                                                   "what = 'cross' ORDER BY id"):
            out.append(('r.' + cid, 'dist_cross_entropy(%s, %s)' % (sql_str(p), sql_str(q)),
                        repr(float(want)), 'finite', None, None))
    return out
