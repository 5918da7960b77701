/*
** core/discrete.h — the terms of the divergences between discrete
** distributions (histograms) and between logits.  Pure C, no SQLite.
*/
#ifndef KL_DISCRETE_H
#define KL_DISCRETE_H

#include "numeric.h"

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
**
** The totals may lie anywhere from the smallest subnormal (2^-1074) to far
** beyond DBL_MAX (a vector of 1e308s): the terms never form P, Q, 1/P or
** 1/Q, only P = Ps 2^ep with Ps in [1/2, 1) (and likewise Q), and they
** scale each weight by the exact power of two 2^-ep (p Ps/P, which is <= 1).
*/
#define KL_TOT_PARTS 4
typedef struct kl_totals {
  kl_dd P, Q;          /* the totals (hi = +Inf beyond the double range) */
  kl_dd Ps, Qs;        /* P = Ps 2^ep, Q = Qs 2^eq, Ps.hi and Qs.hi in [1/2, 1) */
  int ep, eq;
  double sp[3], sq[3]; /* p 2^-ep = ((p sp[0]) sp[1]) sp[2], q likewise */
  double inv_ps, inv_qs;  /* 1/Ps.hi, 1/Qs.hi, in (1, 2] */
  double lqp;          /* ln(Q/P) */
  double lq;           /* ln Q */
  int same;            /* P and Q are the same double-double */
  /* For nearly equal bins only (cross_near()): the exact sums behind Ps
  ** and Qs (NULL: the double-double is exact), and where their first
  ** KL_TOT_PARTS doubles are kept once made (NULL: made at each use). */
  const kl_xsum *xp, *xq;
  struct kl_tparts *parts;
} kl_totals;

/* Ps and Qs as KL_TOT_PARTS non-overlapping doubles each (Ps 2^ep is
** their sum: exact where the total is), made when first needed. */
typedef struct kl_tparts {
  int ready;
  double pp[KL_TOT_PARTS], qp[KL_TOT_PARTS];
} kl_tparts;

/*
** Tells t the exact sums that gave Ps 2^ep and Qs 2^eq (NULL: that total
** is exact as a double-double), and where to keep their parts (parts may
** be NULL); they must outlive t's use.  Without this call (and for totals
** beyond the double range) the double-doubles are taken as exact.
*/
void kl_totals_exact(kl_totals *t, const kl_xsum *P, const kl_xsum *Q,
                     kl_tparts *parts);

/* From finite totals P, Q > 0 (subnormal ones included). */
void kl_totals_init(kl_totals *t, kl_dd P, kl_dd Q);

/*
** From the totals as Ps 2^ep and Qs 2^eq (Ps.hi, Qs.hi in [1/2, 1)), as
** kl_total_frexp() gives them; P and Q need not be within the double range.
*/
void kl_totals_init_exp(kl_totals *t, kl_dd Ps, int ep, kl_dd Qs, int eq);

/*
** The exact sum of an accumulator of non-negative values as m 2^e, with
** m a double-double whose hi is in [1/2, 1), also when the sum is
** subnormal or beyond DBL_MAX; m = 0 (and e = 0) for an empty sum.
*/
kl_dd kl_total_frexp(const kl_xsum *sum, int *e);
/* The same, and in *inexact (if not NULL) whether m is not exactly the
** sum (a total that needs more than a double-double). */
kl_dd kl_total_frexp_x(const kl_xsum *sum, int *e, int *inexact);

/*
** kl_js_term times 2^s, formed so that neither the bin's weight nor the
** term leaves the double range on the way (js_dist forms a divergence too
** small for the double range at scale, then takes its square root).
*/
double kl_js_term_at(double p, double q, const kl_totals *t, int s);

double kl_div_term(double p, double q, const kl_totals *t);
double kl_js_term(double p, double q, const kl_totals *t);
double kl_xent_term(double p, double q, const kl_totals *t);

typedef double (*kl_term_fn)(double p, double q, const kl_totals *t);

/*
** The exact total of a distribution's weights, fast where the data allow:
** float32 weights within a factor 2^18 of each other (in each run of 2048)
** add up exactly in a plain double sum; other chunks are split at a power
** of two into a part whose sum is exact in double precision and a rest
** (Rump, Ogita and Oishi's error-free extraction), up to three times; the
** chunks' exact sums are added to a double s while every addition is
** exact (checked by TwoSum), and whatever is not exact goes to the exact
** accumulator x (spilled).  The total is s + x, exactly, always; most data
** never spill.
**
** kl_fsum_add() adds x[0..n), which must be finite; it returns nonzero if
** some x[i] is negative (or NaN), and the sum is then not to be used.
** kl_fsum_frexp() gives the total as kl_total_frexp() does (m 2^e, m.hi in
** [1/2, 1)).
*/
typedef struct kl_fsum {
  double s;
  int spilled;
  double min;     /* the smallest weight added (+Inf if none) */
  kl_xsum x;      /* zeroed when first used */
} kl_fsum;

void kl_fsum_init(kl_fsum *f);
int kl_fsum_add(kl_fsum *f, const double *x, size_t n);
/* The same for n little-endian float32 values at b, read in place:
** nonzero if some is negative, NaN or infinite. */
int kl_fsum_add_f32(kl_fsum *f, const unsigned char *b, size_t n);
kl_dd kl_fsum_frexp(kl_fsum *f, int *e, int *inexact);

/*
** The fast path of the scalar functions.  kl_fast_accum() adds the terms
** of n bins to *acc, as kl_sum_add() of each careful term of its kind
** would, but a chunk of bins at a time: a branch-free kernel, vectorised
** and dispatched at run time (port.h), computes every bin whose weights
** and scaled weights are normal and in range, and the careful term
** recomputes the rest (zeros aside, which the kernel handles: a bin far
** below its total, a subnormal weight).  Its terms hold the careful
** terms' accuracy (see discrete.c); they are not bit-identical to them.
**
** kl_fast_init() prepares the kernels' constants from the totals; where
** the totals are beyond what the kernels serve (a total below 2^-1000 or
** above 2^1022, or one whose scaled parts would round), f->ok is 0 and
** kl_fast_accum() takes the careful term for every bin.
*/
typedef enum { KL_FAST_KL, KL_FAST_JS, KL_FAST_XENT } kl_fast_kind;

typedef struct kl_fast_k {   /* the kernels' constants */
  double cq, cq1, cq2, cql;  /* Qs.hi = hi1 + hi2 (26-bit halves), Qs.lo, each
                             ** times 2^-ep: p cq = (p 2^-ep) Qs.hi, exactly */
  double c1, c2;             /* Qs.hi = c1 + c2 (29 and 24 bits), times 2^-ep */
  double cp, cp1, cp2, cpl;  /* Ps likewise, times 2^-eq */
  double cql1, cql2, cpl1, cpl2;  /* cql and cpl split likewise */
  uint64_t lo;               /* ~0 if cql or cpl is not 0, else 0 */
  double d1, d2;
  double inv_pq;             /* 1 / (Ps Qs): p/P = (p cq) inv_pq */
  double ca;                 /* 2^-ep / Ps: p/P = p ca */
  double qm, qe, qlo;        /* 2 Qs.hi, 2^52 + 1022 + eq, -Qs.lo/Qs.hi */
  double qm_hi, qm_lo;       /* qm sqrt2, qm/sqrt2 */
  double pmin, qmin;         /* 2^(ep-960), 2^(eq-960): a bin below takes
                             ** the careful term */
  uint64_t same;             /* 1: Ps 2^ep and Qs 2^eq are the same number
                             ** (t->same), so p = q is a bin with a = b */
} kl_fast_k;

typedef struct kl_fast {
  const kl_totals *t;
  int ok, clean;             /* KL and JS: the constants are exact; no
                             ** weight 0 or below pmin, qmin, and totals
                             ** that are doubles */
  int ok_x, clean_x;         /* cross-entropy: ca exact; no weight 0, no q
                             ** subnormal, no p/P subnormal */
  kl_fast_k k;
} kl_fast;

/*
** sp and sq are the sums that gave the totals (for entropy, both p's).
** kl_fast_init() reads only t->Ps, Qs, ep and eq; the rest of *t is read
** by the careful terms, which kl_fast_accum() (f32 = 0) or
** kl_fast_accum_f32() (f32 = 1) of that kind never calls when
** kl_fast_alone() (so kl_totals_init_exp() and kl_totals_exact() may be
** skipped then).
*/
void kl_fast_init(kl_fast *f, const kl_totals *t, const kl_fsum *sp,
                  const kl_fsum *sq);
int kl_fast_alone(const kl_fast *f, kl_fast_kind kind, int f32);
void kl_fast_accum(kl_fast_kind kind, const kl_fast *f, const double *p,
                   const double *q, size_t n, kl_sum *acc);

/* The same on float32 blobs read in place: p and q are n little-endian
** float32 values each (finite, >= 0, as kl_fsum_add_f32() checked). */
void kl_fast_accum_f32(kl_fast_kind kind, const kl_fast *f,
                       const unsigned char *p, const unsigned char *q,
                       size_t n, kl_sum *acc);


/*
** KL between two categorical distributions given as logits (unnormalised
** log-probabilities; -Inf is probability 0): softmax inside, in log space.
** Three passes over the data: the caller finds the largest finite entries
** max_a, max_b and a_k, b_k at the largest b_k whose a_k is finite (0, 0 if
** there is none); kl_logit_acc_add() then sums the exponentials; and
** kl_logit_term() gives each bin's non-negative term.  The difference of
** the two log-sum-exps is formed as c + log1p(sum w_i expm1(a_i-b_i-c)),
** with w = softmax(b) and c = a_k - b_k, so nearly equal logits keep full
** relative accuracy; c and each a_i - b_i are kept as double-doubles (two
** doubles whose sum is exact), so that huge logits (a_k = 6e15 and
** b_k = 1e308, say) lose nothing in the shift.
** Where the shift overflows (logits near +-DBL_MAX: c, some a_i - b_i - c
** or the exponential sum beyond the double range), each bin's
** log-probabilities a_i - LSE(a) and b_i - LSE(b) are formed apart
** ("wild" mode: the distributions are then far apart, and the divergence
** is at least about 1/n^2), and a term whose log-ratio is beyond the
** double range is formed at a quarter scale: +Inf only where the term
** itself is.
*/
typedef struct kl_logit_acc {
  double max_a, max_b, ak, bk;
  kl_dd c;            /* a_k - b_k, exactly */
  kl_sum sa, sb, u;   /* sum exp(a-max_a), sum exp(b-max_b), sum e_b expm1 */
  int wild;           /* the shift overflowed: per-bin log-softmax */
} kl_logit_acc;

typedef struct kl_logit_norm {
  double max_a, max_b;
  kl_dd c;
  double log_sa;      /* log sum exp(a - max_a) */
  double sb, log_sb;  /* sum exp(b - max_b), its log */
  double dlse;        /* (LSE(a) - LSE(b)) - c */
  int wild;           /* see kl_logit_acc */
} kl_logit_norm;

/* a_k - b_k may overflow: that selects wild mode */
void kl_logit_acc_init(kl_logit_acc *acc, double max_a, double max_b,
                       double ak, double bk);
void kl_logit_acc_add(kl_logit_acc *acc, const double *a, const double *b,
                      size_t n);
void kl_logit_finish(const kl_logit_acc *acc, kl_logit_norm *out);
double kl_logit_term(double a, double b, const kl_logit_norm *nm);

#endif /* KL_DISCRETE_H */
