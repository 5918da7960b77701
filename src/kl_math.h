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
