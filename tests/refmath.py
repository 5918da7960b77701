"""Reference formulas for the accuracy tests, in mpmath: the textbook
definitions, evaluated at the working precision of the caller (mp.dps),
shared by tests/gen_*.py and tests/accuracy/gen.py.  No rearrangement for
accuracy here: the digits come from the precision."""
from mpmath import (mp, mpf, log, log1p, exp, sqrt, loggamma, digamma, euler,
                    inf, fdot, matrix)

from refgen import broadcast

INF = float('inf')


# ---------------------------------------------------------------- discrete
def norm(v):
    s = sum(mpf(x) for x in v)
    return [mpf(x) / s for x in v]


def kl(p, q):
    a, b = norm(p), norm(q)
    t = mpf(0)
    for x, y in zip(a, b):
        if x == 0:
            continue
        if y == 0:
            return mpf('inf')
        t += x * log(x / y)
    return t


def js(p, q):
    a, b = norm(p), norm(q)
    t = mpf(0)
    for x, y in zip(a, b):
        m = (x + y) / 2
        if x:
            t += x * log(x / m) / 2
        if y:
            t += y * log(y / m) / 2
    return t


def stream_magnitude(kind, p, q):
    """M of the streaming histogram aggregates' bound (src/core/stream.h:
    |error| <= u v + 2^-99 M): the magnitudes that cancel in the result,
    for 'kl' (1/P) sum p |ln(p/q)| + |ln(P/Q)|, for 'xent' |ln Q| + (1/P)
    sum p |ln q|, for 'h' |ln P| + (1/P) sum p |ln p| (bins with p = 0
    left out)."""
    P = sum(mpf(x) for x in p)
    Q = sum(mpf(y) for y in q)
    if kind == 'kl':
        m = sum(mpf(x) * abs(log(mpf(x) / mpf(y))) for x, y in zip(p, q) if x) / P
        return m + abs(log(P / Q))
    if kind == 'xent':
        return sum(mpf(x) * abs(log(mpf(y))) for x, y in zip(p, q) if x) / P + abs(log(Q))
    return sum(mpf(x) * abs(log(mpf(x))) for x in p if x) / P + abs(log(P))


def stream_bound(kind, p, q, value, rtol=1e-14):
    """That bound as a relative one for a result v: rtol + 2^-99 M / v
    (at most 1e300); None where v is 0 or infinite (those must be
    exact)."""
    if value == 0 or value == mpf('inf'):
        return None
    m = stream_magnitude(kind, p, q)
    return min(float(rtol + mpf(2) ** -99 * m / abs(value)), 1e300)


def xent(p, q):
    a, b = norm(p), norm(q)
    t = mpf(0)
    for x, y in zip(a, b):
        if x == 0:
            continue
        if y == 0:
            return mpf('inf')
        t -= x * log(y)
    return t



def logit_kl(a, b):
    # e^-spread must still register next to 1
    fin = [x for x in a + b if x != -INF]
    with mp.workdps(60 + int((max(fin) - min(fin)) / 2.3)):
        fa = [mpf(x) for x in a if x != -INF]
        fb = [mpf(x) for x in b if x != -INF]
        la = mp.log(sum(mp.exp(x) for x in fa))
        lb = mp.log(sum(mp.exp(x) for x in fb))
        t = mpf(0)
        for x, y in zip(a, b):
            if x == -INF:
                continue
            if y == -INF:
                return mpf('inf')
            t += mp.exp(mpf(x) - la) * ((mpf(x) - la) - (mpf(y) - lb))
        return t



# ---------------------------------------------------------------- Gaussian
def kl_sd(m1, s1, m2, s2):
    return log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - mpf(1) / 2


def per_dim(term):
    def total(args):
        return sum(term(*[mpf(x) for x in t]) for t in zip(*broadcast(args)))
    return total


def t_var(m1, v1, m2, v2):
    return kl_sd(m1, sqrt(v1), m2, sqrt(v2))


def t_logvar(m1, l1, m2, l2):
    return kl_sd(m1, exp(l1 / 2), m2, exp(l2 / 2))


def t_sym(m1, s1, m2, s2):
    return kl_sd(m1, s1, m2, s2) + kl_sd(m2, s2, m1, s1)


def t_bhatt(m1, s1, m2, s2):
    v = s1 ** 2 + s2 ** 2
    return (m1 - m2) ** 2 / (4 * v) + log(v / (2 * s1 * s2)) / 2


def hellinger(args):
    return sqrt(1 - exp(-per_dim(t_bhatt)(args)))


def w2(args):
    return sqrt(sum((mpf(a) - mpf(c)) ** 2 + (mpf(b) - mpf(d)) ** 2
                    for a, b, c, d in zip(*broadcast(args))))



# ---------------------------------------------------------------- families
def xlogy(x, y):
    return mpf(0) if x == 0 else x * log(y)


def bern(p, q):
    # 1 - p is formed exactly by mpmath only to its precision, so the
    # complement's log is log1p(-p): p = 1e-300 needs no 300 digits.
    if (p > 0 and q == 0) or (p < 1 and q == 1):
        return inf
    t1 = p * (log(p) - log(q)) if p > 0 else mpf(0)
    t2 = (1 - p) * (log1p(-p) - log1p(-q)) if p < 1 else mpf(0)
    return t1 + t2


def geom(p, q):
    if p < 1 and q == 1:
        return inf
    return log(p / q) + ((1 - p) / p) * (log1p(-p) - log1p(-q) if p < 1 else 0)


def poisson(a, b):
    if a == 0:
        return b
    if b == 0:
        return inf
    return a * log(a / b) - a + b


def gamma_kl(a1, b1, a2, b2):
    return ((a1 - a2) * digamma(a1) - loggamma(a1) + loggamma(a2)
            + a2 * (log(b1) - log(b2)) + a1 * (b2 - b1) / b1)


def lbeta(a, b):
    return loggamma(a) + loggamma(b) - loggamma(a + b)


def beta_kl(a1, b1, a2, b2):
    return (lbeta(a2, b2) - lbeta(a1, b1) + (a1 - a2) * digamma(a1)
            + (b1 - b2) * digamma(b1) + (a2 - a1 + b2 - b1) * digamma(a1 + b1))


def laplace(m1, s1, m2, s2):
    d = abs(m1 - m2)
    return log(s2 / s1) + d / s2 + (s1 / s2) * exp(-d / s1) - 1


def cauchy(m1, g1, m2, g2):
    return log(((g1 + g2) ** 2 + (m1 - m2) ** 2) / (4 * g1 * g2))


def normal(m1, s1, m2, s2):
    return log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - mpf(1) / 2


def gumbel(m1, b1, m2, b2):
    r = b1 / b2
    return -log(r) + (m1 - m2) / b2 + euler * r + exp((m2 - m1) / b2 + loggamma(1 + r)) - 1 - euler


def pareto(x1, a1, x2, a2):
    if x1 < x2:
        return inf
    return log(a1 / a2) + a2 * log(x1 / x2) + a2 / a1 - 1


def uniform(l1, h1, l2, h2):
    if l1 < l2 or h1 > h2:
        return inf
    return log((h2 - l2) / (h1 - l1))


def dirichlet(al, be):
    A, B = sum(al), sum(be)
    return (loggamma(A) - loggamma(B) - sum(loggamma(x) for x in al)
            + sum(loggamma(y) for y in be)
            + sum((x - y) * (digamma(x) - digamma(A)) for x, y in zip(al, be)))




# ------------------------------------------------------ multivariate normal
def chol(A, d):
    L = [[mpf(0)] * d for _ in range(d)]
    for j in range(d):
        Lj = L[j]
        Lj[j] = sqrt(A[j][j] - fdot(Lj[:j], Lj[:j]))
        inv = 1 / Lj[j]
        for i in range(j + 1, d):
            L[i][j] = (A[i][j] - fdot(L[i][:j], Lj[:j])) * inv
    return L


def solve_lower(L, b, d):
    y = [mpf(0)] * d
    for i in range(d):
        y[i] = (b[i] - fdot(L[i][:i], y[:i])) / L[i][i]
    return y


def solve_upper_t(L, y, d):
    """Solves L^T x = y."""
    x = [mpf(0)] * d
    for i in reversed(range(d)):
        s = y[i] - fdot([L[k][i] for k in range(i + 1, d)], x[i + 1:])
        x[i] = s / L[i][i]
    return x


def mvn_kl(mu1, S1, mu2, S2):
    d = len(mu1)
    A1 = [[mpf(x) for x in row] for row in S1]
    A2 = [[mpf(x) for x in row] for row in S2]
    dm = [mpf(a) - mpf(b) for a, b in zip(mu2, mu1)]
    if d <= 32:
        M1, M2 = matrix(A1), matrix(A2)
        inv2 = M2 ** -1
        tr = sum((inv2 * M1)[i, i] for i in range(d))
        v = matrix(dm)
        maha = (v.T * inv2 * v)[0, 0]
        ld = log(mp.det(M2)) - log(mp.det(M1))
    else:
        L1, L2 = chol(A1, d), chol(A2, d)
        tr = mpf(0)
        for c in range(d):
            col = [A1[i][c] for i in range(d)]
            x = solve_upper_t(L2, solve_lower(L2, col, d), d)
            tr += x[c]
        z = solve_lower(L2, dm, d)
        maha = fdot(z, z)
        ld = 2 * (sum(log(L2[i][i]) for i in range(d)) - sum(log(L1[i][i]) for i in range(d)))
    return (tr + maha - d + ld) / 2


