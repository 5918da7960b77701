/*
** core/numeric.h — the numerical core of sqlite-kl.
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

/* log(1+x) - x for x > -1, accurate to a few ulps also near 0. */
double kl_log1pmx(double x);

/*
** KL(N(mu1, sd1^2) || N(mu2, sd2^2)) in nats for one dimension.
** Requires finite mu1, mu2 and finite sd1 > 0, sd2 > 0 (callers validate);
** returns a value >= 0, or +Inf only when the true value exceeds DBL_MAX.
*/
double kl_gauss_term(double mu1, double sd1, double mu2, double sd2);

/*
** Adds the n per-dimension terms of kl_gauss_term() to *acc.  Returns
** nonzero, having added nothing more, if some sd1[i] or sd2[i] is not > 0
** (the caller reports which).
*/
int kl_gauss_accum(const double *mu1, const double *sd1, const double *mu2,
                   const double *sd2, size_t n, kl_sum *acc);

/* ------------------------------------------------- discrete distributions */

/* A double-double: hi + lo, |lo| <= ulp(hi)/2. */
typedef struct kl_dd { double hi, lo; } kl_dd;

/* The exact sum of an accumulator as a double-double. */
kl_dd kl_xsum_dd(const kl_xsum *a);

/* phi(x) = (1+x) ln(1+x) - x >= 0, for x >= -1; accurate near 0. */
double kl_phi(double x);

/*
** Terms of the discrete divergences for one bin, where p and q are the raw
** (unnormalised, >= 0) weights and t holds their exact totals P, Q (> 0),
** so that a = p/P and b = q/Q are the probabilities.  The ratio a/b is formed in
** double-double arithmetic, so nearly equal distributions keep their full
** relative accuracy.  Each term is >= 0 and the sum of the terms over all
** bins is the divergence:
**   kl_div_term   a ln(a/b) - a + b           (KL; +Inf where b = 0 < a)
**   kl_js_term    (a ln(a/m) + b ln(b/m)) / 2, m = (a+b)/2   (Jensen-Shannon)
**   kl_xent_term  -a ln b                      (cross-entropy; entropy when
**                                               p = q and P = Q)
*/
typedef struct kl_totals {
  kl_dd P, Q;          /* the exact totals, > 0 */
  double inv_p, inv_q; /* 1/P, 1/Q */
  kl_dd Ps, Qs;        /* P and Q scaled into [1/2, 1) by powers of two */
  double sp, sq;       /* those powers of two */
} kl_totals;

void kl_totals_init(kl_totals *t, kl_dd P, kl_dd Q);

double kl_div_term(double p, double q, const kl_totals *t);
double kl_js_term(double p, double q, const kl_totals *t);
double kl_xent_term(double p, double q, const kl_totals *t);

typedef double (*kl_term_fn)(double p, double q, const kl_totals *t);

/* Adds the n terms term(p[i], q[i], t) to *acc. */
void kl_terms_accum(kl_term_fn term, const double *p, const double *q,
                    size_t n, const kl_totals *t, kl_sum *acc);

/*
** KL between two categorical distributions given as logits (unnormalised
** log-probabilities; -Inf is probability 0): softmax inside, in log space.
** Three passes over the data: the caller finds the largest finite entries
** max_a, max_b and c = a_k - b_k at the largest b_k whose a_k is finite
** (0 if there is none); kl_logit_acc_add() then sums the exponentials; and
** kl_logit_term() gives each bin's non-negative term.  The difference of
** the two log-sum-exps is formed as c + log1p(sum w_i expm1(a_i-b_i-c)),
** with w = softmax(b), so nearly equal logits keep full relative accuracy.
*/
typedef struct kl_logit_acc {
  double max_a, max_b, c;
  kl_sum sa, sb, u;   /* sum exp(a-max_a), sum exp(b-max_b), sum e_b expm1 */
  int overflow;       /* an expm1 term overflowed: use the plain difference */
} kl_logit_acc;

typedef struct kl_logit_norm {
  double max_a, max_b, c;
  double log_sa;      /* log sum exp(a - max_a) */
  double sb;          /* sum exp(b - max_b) */
  double dlse;        /* (LSE(a) - LSE(b)) - c */
} kl_logit_norm;

void kl_logit_acc_init(kl_logit_acc *acc, double max_a, double max_b,
                       double c);
void kl_logit_acc_add(kl_logit_acc *acc, const double *a, const double *b,
                      size_t n);
void kl_logit_finish(const kl_logit_acc *acc, kl_logit_norm *out);
double kl_logit_term(double a, double b, const kl_logit_norm *nm);


/* ------------------------------------------------------ Gaussian family */

/*
** Per-dimension terms of the diagonal-Gaussian divergences, in nats, for
** finite arguments with sd, var > 0 (callers validate).  Each is >= 0 and
** is +Inf only when the true value exceeds DBL_MAX.
**   kl_gauss_var_term     KL, variances given
**   kl_gauss_logvar_term  KL, log-variances given (any finite values: no
**                         intermediate overflows where the KL is finite)
**   kl_gauss_sym_term     KL(P||Q) + KL(Q||P)
**   kl_bhatt_gauss_term   Bhattacharyya distance
*/
double kl_gauss_var_term(double mu1, double var1, double mu2, double var2);
double kl_gauss_logvar_term(double mu1, double lv1, double mu2, double lv2);
double kl_gauss_sym_term(double mu1, double sd1, double mu2, double sd2);
double kl_bhatt_gauss_term(double mu1, double sd1, double mu2, double sd2);

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

#endif /* KL_MATH_H */
