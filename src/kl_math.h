/*
** kl_math.h — the numerical core of sqlite-kl.
**
** Pure C over doubles: nothing here knows about SQLite, so the same code is
** used by the extension, the unit tests and the fuzzers.  Every function is
** re-entrant and keeps no state outside its arguments.
*/
#ifndef KL_MATH_H
#define KL_MATH_H

#include <stddef.h>
#include <stdint.h>

/* Units: a result in nats is divided by the unit's natural log. */
typedef enum { KL_NATS = 0, KL_BITS = 1, KL_BANS = 2 } kl_unit;
double kl_unit_scale(double nats, kl_unit u);

/*
** Neumaier compensated sum.  Infinities and NaNs are counted apart from the
** finite running sum, so an infinite term never poisons the compensation.
*/
typedef struct kl_sum {
  double s, c;     /* running sum and its compensation */
  int pinf, ninf;  /* saw +Inf, -Inf */
  int nan;         /* saw a NaN */
} kl_sum;

void kl_sum_init(kl_sum *a);
void kl_sum_add(kl_sum *a, double x);
double kl_sum_value(const kl_sum *a);

/*
** Exact accumulator.  A double is a multiple of 2^-1074 below 2^1024, so a
** fixed-point integer of about 2100 bits holds any sum of doubles exactly.
** It is kept as signed 32-bit digits in 64-bit limbs, so additions need no
** carry until 2^30 of them have been made.  Adding and then subtracting the
** same value restores the previous state to the bit: window aggregates built
** on it cannot drift.  kl_xsum_value() rounds the exact sum once, to nearest
** even.  An all-zero struct is a valid empty accumulator.
*/
#define KL_XSUM_LIMBS 68
typedef struct kl_xsum {
  int64_t limb[KL_XSUM_LIMBS];
  int64_t pinf, ninf, nan;  /* how many +Inf, -Inf, NaN are in the sum */
  int64_t pending;          /* additions since the last carry pass */
} kl_xsum;

void kl_xsum_add(kl_xsum *a, double x);
void kl_xsum_sub(kl_xsum *a, double x);
double kl_xsum_value(const kl_xsum *a);

/* log(1+x) - x for x > -1, accurate to a few ulps also near 0. */
double kl_log1pmx(double x);

/*
** KL(N(mu1, sd1^2) || N(mu2, sd2^2)) in nats for one dimension.
** Requires finite mu1, mu2 and finite sd1 > 0, sd2 > 0 (callers validate);
** returns a value >= 0, or +Inf only when the true value exceeds DBL_MAX.
*/
double kl_gauss_term(double mu1, double sd1, double mu2, double sd2);

/* Adds the n per-dimension terms of kl_gauss_term() to *acc. */
void kl_gauss_accum(const double *mu1, const double *sd1, const double *mu2,
                    const double *sd2, size_t n, kl_sum *acc);

#endif /* KL_MATH_H */

/* ------------------------------------------------- discrete distributions */

/* A double-double: hi + lo, |lo| <= ulp(hi)/2. */
typedef struct kl_dd { double hi, lo; } kl_dd;

/* The exact sum of an accumulator as a double-double. */
kl_dd kl_xsum_dd(const kl_xsum *a);

/* phi(x) = (1+x) ln(1+x) - x >= 0, for x >= -1; accurate near 0. */
double kl_phi(double x);

/*
** Terms of the discrete divergences for one bin, where p and q are the raw
** (unnormalised, >= 0) weights and P, Q their exact totals (> 0), so that
** a = p/P and b = q/Q are the probabilities.  The ratio a/b is formed in
** double-double arithmetic, so nearly equal distributions keep their full
** relative accuracy.  Each term is >= 0 and the sum of the terms over all
** bins is the divergence:
**   kl_div_term   a ln(a/b) - a + b           (KL; +Inf where b = 0 < a)
**   kl_js_term    (a ln(a/m) + b ln(b/m)) / 2, m = (a+b)/2   (Jensen-Shannon)
**   kl_xent_term  -a ln b                      (cross-entropy; entropy when
**                                               p = q and P = Q)
*/
double kl_div_term(double p, double q, kl_dd P, kl_dd Q);
double kl_js_term(double p, double q, kl_dd P, kl_dd Q);
double kl_xent_term(double p, double q, kl_dd P, kl_dd Q);
