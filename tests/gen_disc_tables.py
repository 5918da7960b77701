#!/usr/bin/python3
"""Writes src/core/disc_tables.h: the polynomial coefficients of the fast
discrete kernels (src/core/discrete.c).

    /usr/bin/python3 tests/gen_disc_tables.py > src/core/disc_tables.h

Each polynomial is a Chebyshev interpolant (near-minimax) fitted with mpmath
at 60 digits, its coefficients rounded to doubles; the error printed in the
header is measured here on 2001 points of the interval, with the rounded
coefficients evaluated exactly, and is far below what its use needs (see
the comments below and in discrete.c).
"""
import mpmath as mp

mp.mp.dps = 60

# |s| <= 0.4 in the kernels' near case (a/b in [3/7, 7/3]); 0.41 leaves
# room for the rounding of s at the edge.
S_MAX = mp.mpf('0.41')
T_MAX = S_MAX ** 2


def chebfit(f, a, b, deg):
    """Coefficients (lowest degree first, rounded to doubles) and the
    largest relative error on 2001 points of [a, b]."""
    poly = mp.chebyfit(f, [a, b], deg + 1)
    coef = [mp.mpf(float(c)) for c in reversed(poly)]
    err = mp.mpf(0)
    for x in mp.linspace(a, b, 2001):
        v = mp.mpf(0)
        for c in reversed(coef):
            v = v * x + c
        err = max(err, abs(v / f(x) - 1))
    return coef, err


def fb(t):
    """B(t) = (atanh(s) - s) / s^3, s = sqrt(t)"""
    if t == 0:
        return mp.mpf(1) / 3
    s = mp.sqrt(t)
    return (mp.atanh(s) - s) / (s * t)


def fc(t):
    """C(t) = ((1+s) ln(1+s) + (1-s) ln(1-s)) / s^2, s = sqrt(t)"""
    if t == 0:
        return mp.mpf(1)
    s = mp.sqrt(t)
    return ((1 + s) * mp.log1p(s) + (1 - s) * mp.log1p(-s)) / t


def hexf(x):
    return float(x).hex()


def main():
    # KL: the near term is (a+b) t (1 + s(1+s) B(t)), where s(1+s) B(t)
    # <= 0.21: a relative error of 2^-51 in B moves the term by 2^-53 at
    # most.  The far case's ln(m1/m2) = 2s (1 + t B(t)), |s| < 1/3, weighs
    # B by t B < 0.04.
    B, errb = chebfit(fb, 0, T_MAX, 10)
    # JS: the near term is ((a+b)/4) t C(t): C carries its whole relative
    # error into the term.
    C, errc = chebfit(fc, 0, T_MAX, 10)
    # Logarithms of a ratio brought into [1/sqrt2, sqrt2] (cross-entropy):
    # |s| <= 0.1716 (0.175 for the rounding), ln = 2s (1 + t D(t)) with
    # t D < 0.011, so a relative error of 2^-50 in D moves ln by 2^-56.5.
    D, errd = chebfit(fb, 0, mp.mpf('0.175') ** 2, 6)

    out = []
    w = out.append
    w('/*')
    w('** core/disc_tables.h — the polynomial coefficients of the fast discrete')
    w('** kernels (core/discrete.c).  Written by tests/gen_disc_tables.py')
    w('** (mpmath); do not edit by hand.')
    w('*/')
    w('#ifndef KL_DISC_TABLES_H')
    w('#define KL_DISC_TABLES_H')
    w('')
    w('/* atanh(s) = s + s^3 B(s^2), s^2 <= %s: relative error 2^%.1f */'
      % (mp.nstr(T_MAX, 6), float(mp.log(errb, 2))))
    for k, c in enumerate(B):
        w('#define DISC_B%d %s' % (k, hexf(c)))
    w('')
    w('/* (1+s) ln(1+s) + (1-s) ln(1-s) = s^2 C(s^2), same s: relative error')
    w('** 2^%.1f */' % float(mp.log(errc, 2)))
    for k, c in enumerate(C):
        w('#define DISC_C%d %s' % (k, hexf(c)))
    w('')
    w('/* atanh(s) = s + s^3 D(s^2), s^2 <= %s: relative error 2^%.1f */'
      % (mp.nstr(mp.mpf('0.175') ** 2, 6), float(mp.log(errd, 2))))
    for k, c in enumerate(D):
        w('#define DISC_D%d %s' % (k, hexf(c)))
    w('')
    w('#endif /* KL_DISC_TABLES_H */')
    print('\n'.join(out))


if __name__ == '__main__':
    main()
