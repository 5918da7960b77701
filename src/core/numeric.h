/*
** core/numeric.h — the numerical building blocks of sqlite-kl: units,
** compensated and exact sums, double-doubles, sums of squares, log1pmx and
** expm1mx.  The terms of each divergence are in their own files
** (gauss.h, discrete.h, families.h, mvn.h).
**
** Pure C over doubles: nothing here knows about SQLite, so the same code is
** used by the extension, the unit tests and the fuzzers.  Every function is
** re-entrant and keeps no state outside its arguments.
*/
#ifndef KL_NUMERIC_H
#define KL_NUMERIC_H

#include <stddef.h>
#include <stdint.h>

/* ln 2, to more digits than a double holds */
#define KL_LN2 0.693147180559945309417232121458176568

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
** carry until 2^30 of them have been made (carries are propagated every
** KL_XSUM_CARRY_EVERY additions).  Adding and then subtracting the
** same value restores the previous state to the bit: window aggregates built
** on it cannot drift.  kl_xsum_value() rounds the exact sum once, to nearest
** even.  An all-zero struct is a valid empty accumulator.
*/
#define KL_XSUM_LIMBS 68
#define KL_XSUM_CARRY_EVERY (1 << 20)   /* any value up to 2^30 is safe */
typedef struct kl_xsum {
  int64_t limb[KL_XSUM_LIMBS];
  int64_t pinf, ninf, nan;  /* how many +Inf, -Inf, NaN are in the sum */
  int64_t pending;          /* additions since the last carry pass */
} kl_xsum;

/*
** Propagates the carries of n signed limbs (base 2^32, least significant
** first) so that every limb but the last is in [0, 2^32).
*/
void kl_limbs_carry(int64_t *limb, int n);

void kl_xsum_add(kl_xsum *a, double x);
void kl_xsum_sub(kl_xsum *a, double x);
double kl_xsum_value(const kl_xsum *a);
/* The same, and in *inexact whether it rounded (1) or is exact (0). */
double kl_xsum_value_x(const kl_xsum *a, int *inexact);

/* log(1+x) - x for x > -1, accurate to a few ulps also near 0. */
double kl_log1pmx(double x);

/* A double-double: hi + lo, |lo| <= ulp(hi)/2. */
typedef struct kl_dd { double hi, lo; } kl_dd;

/* The exact sum of an accumulator as a double-double. */
kl_dd kl_xsum_dd(const kl_xsum *a);
/* The same, and in *inexact whether hi + lo is not the exact sum. */
kl_dd kl_xsum_dd_x(const kl_xsum *a, int *inexact);

/* expm1(x) - x, accurate also near 0. */
double kl_expm1mx(double x);

/*
** A sum of squares that neither overflows nor loses subnormal precision:
** values are sorted by magnitude into three compensated accumulators, the
** big ones scaled down by 2^-600 and the small ones up by 2^600 (exact
** powers of two), as in Blue's algorithm for the Euclidean norm.
*/
typedef struct kl_ssq { kl_sum big, mid, small; } kl_ssq;
void kl_ssq_init(kl_ssq *a);
void kl_ssq_add(kl_ssq *a, double x);
/* sqrt of the sum: the Euclidean norm of everything added */
double kl_ssq_norm(const kl_ssq *a);

#endif /* KL_NUMERIC_H */
