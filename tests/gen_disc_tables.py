#!/usr/bin/python3
"""Writes src/core/disc_tables.h: the logarithm table and the polynomial
coefficients of the fast discrete kernels (src/core/discrete.c).

    /usr/bin/python3 tests/gen_disc_tables.py > src/core/disc_tables.h

The logarithm reduces x = 2^e m, m in [3/4, 3/2), then m = c (1 + z) with
c the centre of one of 128 intervals of m: INVC[i] is 1/c rounded to 8
significant bits (so that z = m INVC[i] - 1 is exactly a double and can be
formed exactly without fma, see discrete.c), and 1 for the two intervals
that touch 1, where z = m - 1; LOGC[i] = -ln(INVC[i]), correctly rounded.
Then ln x = e ln 2 + LOGC[i] + log1p(z), |z| <= 2^-7.

The polynomials are Chebyshev interpolants (near-minimax) fitted with
mpmath at 60 digits; each one's fitting error, printed in the header, is
far below what its use needs (see the comments there).  tests/unit_core.c
checks the table against libm independently of this script.
"""
import mpmath as mp

mp.mp.dps = 60
TB = 7                       # index bits: 128 intervals
N = 1 << TB


def interval(i):
    """The interval [lo, hi) of m in [3/4, 3/2) that index i covers."""
    half = N // 2
    if i < half:             # m in [3/4, 1): width 2^-(TB+1)
        w = mp.mpf(2) ** -(TB + 1)
        lo = mp.mpf(3) / 4 + i * w
    else:                    # m in [1, 3/2): width 2^-TB
        w = mp.mpf(2) ** -TB
        lo = 1 + (i - half) * w
    return lo, lo + w


def round_bits(x, bits):
    """x rounded to nearest with the given number of significant bits."""
    m, e = mp.frexp(x)
    return mp.ldexp(mp.nint(mp.ldexp(m, bits)), e - bits)


def hexf(x):
    return float(x).hex()


def chebfit(f, a, b, deg, weight):
    """Coefficients (lowest degree first, rounded to doubles) and the
    largest of weight(x) |poly(x) - f(x)| on 2001 points of [a, b]."""
    poly = mp.chebyfit(f, [a, b], deg + 1)
    coef = [mp.mpf(float(c)) for c in reversed(poly)]
    err = mp.mpf(0)
    for x in mp.linspace(a, b, 2001):
        v = mp.mpf(0)
        for c in reversed(coef):
            v = v * x + c
        err = max(err, weight(x) * abs(v - f(x)))
    return coef, err


def main():
    invc, logc = [], []
    zmax = mp.mpf(0)
    for i in range(N):
        lo, hi = interval(i)
        if hi == 1 or lo == 1:
            ic = mp.mpf(1)
        else:
            ic = round_bits(1 / ((lo + hi) / 2), 8)
        z = max(abs(lo * ic - 1), abs(hi * ic - 1))
        zmax = max(zmax, z)
        invc.append(ic)
        logc.append(-mp.log(ic))
    assert zmax <= mp.mpf(2) ** -TB, zmax

    # log1p(z) = z + z^2 A(z) on |z| <= 2^-7: the error of log1p relative
    # to z is |z| err(A)
    def fa(z):
        return -mp.mpf(1) / 2 if z == 0 else (mp.log1p(z) - z) / z**2
    A, erra = chebfit(fa, -zmax, zmax, 5, abs)

    # KL near case, s = (a-b)/(a+b), |s| <= 0.34, t = s^2:
    # atanh(s) = s + s^3 B(t); the term is (a+b) t (1 + s(1+s) B(t)), where
    # s(1+s) B <= 0.17, so err(B) < 2^-52 keeps the term to 2^-54.
    T = mp.mpf('0.34') ** 2
    def fb(t):
        if t == 0:
            return mp.mpf(1) / 3
        s = mp.sqrt(t)
        return (mp.atanh(s) - s) / (s * t)
    B, errb = chebfit(fb, 0, T, 10, lambda t: 3)   # relative

    # JS near case: (1+s) ln(1+s) + (1-s) ln(1-s) = t C(t), C(0) = 1; the
    # term is (a+b)/4 t C(t), so err(C) < 2^-54.
    def fc(t):
        if t == 0:
            return mp.mpf(1)
        s = mp.sqrt(t)
        return ((1 + s) * mp.log1p(s) + (1 - s) * mp.log1p(-s)) / t
    C, errc = chebfit(fc, 0, T, 9, lambda t: 1)    # relative

    out = []
    w = out.append
    w('/*')
    w('** core/disc_tables.h — the logarithm table and polynomial coefficients of')
    w('** the fast discrete kernels (core/discrete.c).  Written by')
    w('** tests/gen_disc_tables.py (mpmath); do not edit by hand.')
    w('*/')
    w('#ifndef KL_DISC_TABLES_H')
    w('#define KL_DISC_TABLES_H')
    w('')
    w('#define DISC_LOG_BITS %d' % TB)
    w('')
    w('/* 1/c rounded to 8 bits, for m in interval i (1 where it touches 1) */')
    w('static const double disc_invc[%d] = {' % N)
    for i in range(0, N, 4):
        w('  ' + ', '.join(hexf(x) for x in invc[i:i + 4]) + ',')
    w('};')
    w('')
    w('/* -ln(disc_invc[i]), correctly rounded */')
    w('static const double disc_logc[%d] = {' % N)
    for i in range(0, N, 4):
        w('  ' + ', '.join(hexf(x) for x in logc[i:i + 4]) + ',')
    w('};')
    w('')
    w('/* log1p(z) = z + z^2 A(z), |z| <= 2^-%d: |z| err(A) <= 2^%.1f */'
      % (TB, float(mp.log(erra, 2))))
    for k, c in enumerate(A):
        w('#define DISC_A%d %s' % (k, hexf(c)))
    w('')
    w('/* atanh(s) = s + s^3 B(s^2), s^2 <= %s: relative error <= 2^%.1f */'
      % (mp.nstr(T, 6), float(mp.log(errb, 2))))
    for k, c in enumerate(B):
        w('#define DISC_B%d %s' % (k, hexf(c)))
    w('')
    w('/* (1+s) ln(1+s) + (1-s) ln(1-s) = s^2 C(s^2), same s: relative '
      'error <= 2^%.1f */' % float(mp.log(errc, 2)))
    for k, c in enumerate(C):
        w('#define DISC_C%d %s' % (k, hexf(c)))
    w('')
    w('#endif /* KL_DISC_TABLES_H */')
    print('\n'.join(out))


if __name__ == '__main__':
    main()
