/*
** core/dd.h — the error-free transformations that double-double code
** builds on, shared by core/ks.c, core/dentropy.c and core/transport.c.
** Pure C, static inline, no state.
**
** Rules
** -----
**  1. kl_two_sum(a, b): s = fl(a + b) and e with s + e = a + b exactly
**     (Knuth's six operations, any order of magnitude of a and b; exact
**     unless a + b overflows).
**  2. kl_fast_two_sum(a, b): the same in three operations, exact only when
**     a = 0 or exponent(a) >= exponent(b) (|a| >= |b| suffices).
**  3. kl_two_prod(a, b): p = fl(a b) and e with p + e = a b exactly, by
**     Dekker's splitting (2^27 + 1), no fma: exact for |a|, |b| < 2^995
**     (the split overflows beyond) when no partial product underflows
**     (|a b| above about 2^-969).  Code that needs the whole range uses an
**     exact fma instead (core/port.h's KL_FMA: core/dentropy.c's
**     de_two_prod), a different function, kept apart.
**  4. The evaluation order is fixed by the parentheses and the build's
**     -ffp-contract=off: every caller gets the same bits it got from its
**     own copy before these were shared.
*/
#ifndef KL_CORE_DD_H
#define KL_CORE_DD_H

#include "numeric.h"

/* rule 1; s and e may be the caller's variables that a or b came from */
static inline void kl_two_sum(double a, double b, double *s, double *e){
  double t = a + b, bb = t - a;
  *e = (a - (t - bb)) + (b - bb);
  *s = t;
}

/* rule 1, as a kl_dd (hi = s, lo = e) */
static inline kl_dd kl_two_sum_dd(double a, double b){
  kl_dd r;
  kl_two_sum(a, b, &r.hi, &r.lo);
  return r;
}

/* rule 2 */
static inline void kl_fast_two_sum(double a, double b, double *s, double *e){
  double t = a + b;
  *e = b - (t - a);
  *s = t;
}

/* rule 3 */
static inline void kl_two_prod(double a, double b, double *p, double *e){
  const double c = 134217729.0;   /* 2^27 + 1 */
  double t, ah, al, bh, bl, q = a*b;
  t = c*a; ah = t - (t - a); al = a - ah;
  t = c*b; bh = t - (t - b); bl = b - bh;
  *e = ((ah*bh - q) + ah*bl + al*bh) + al*bl;
  *p = q;
}

#endif /* KL_CORE_DD_H */
