/*
** core/discrete.c — the terms of the discrete divergences and of KL
** between logits (see core/discrete.h).  No SQLite in here.
*/
#include "discrete.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------- discrete distributions */

double kl_phi(double x){
  if( x <= -1.0 ) return 1.0;
  if( fabs(x) < 0.5 ){
    /* x log1p(x) ~ x^2 and log1pmx(x) ~ -x^2/2: at most one bit cancels */
    return x*log1p(x) + kl_log1pmx(x);
  }
  return (1.0 + x)*log1p(x) - x;
}

/*
** p*Y - q*X for double-doubles X and Y, with the two leading products
** split exactly by fma.  Callers pass p and q scaled by the powers of two
** of kl_totals (sp, sq) and the totals scaled into [1/2, 1) (Ps, Qs, made
** by scale_dd in kl_totals_init), so that no product leaves the normal
** range.
*/
static double cross_diff(double p, double q, kl_dd X, kl_dd Y){
  double h1 = p*Y.hi, l1 = fma(p, Y.hi, -h1);
  double h2 = q*X.hi, l2 = fma(q, X.hi, -h2);
  return (h1 - h2) + ((l1 - l2) + (p*Y.lo - q*X.lo));
}

/*
** (p, P) and (q, Q) may each be scaled by a power of two without changing
** the ratios a/b - 1 and (a-b)/(a+b); scaled so the totals are in
** [1/2, 1), the products below stay in the normal range.
*/
static kl_dd scale_dd(kl_dd x, double s){
  x.hi *= s;
  x.lo *= s;
  return x;
}

void kl_totals_init(kl_totals *t, kl_dd P, kl_dd Q){
  int e;
  t->P = P;
  t->Q = Q;
  t->inv_p = 1.0 / P.hi;
  t->inv_q = 1.0 / Q.hi;
  frexp(P.hi, &e);
  t->sp = ldexp(1.0, -e);
  frexp(Q.hi, &e);
  t->sq = ldexp(1.0, -e);
  t->Ps = scale_dd(P, t->sp);
  t->Qs = scale_dd(Q, t->sq);
}

/* ln(a/b) for a = p/P, b = q/Q, both > 0, where a/b is far from 1. */
static double log_ratio(double p, double q, double a, double b,
                        const kl_totals *t){
  double r = a / b;
  if( r > 1e-300 && r < 1e300 ) return log(r);
  return (log(p) - log(q)) + (log(t->Q.hi) - log(t->P.hi));
}

double kl_div_term(double p, double q, const kl_totals *t){
  double a, b, r;
  if( p==0.0 ) return q * t->inv_q;
  if( q==0.0 ) return INFINITY;
  a = p * t->inv_p;
  b = q * t->inv_q;
  r = a / b;
  if( r >= 0.5 && r <= 2.0 ){
    /* x = a/b - 1 = (p Q - q P) / (q P), in double-double */
    double ps = p * t->sp, qs = q * t->sq;
    double x = cross_diff(ps, qs, t->Ps, t->Qs) / (qs * t->Ps.hi);
    return b * kl_phi(x);
  }
  return a*(log_ratio(p, q, a, b, t) - 1.0) + b;
}

double kl_js_term(double p, double q, const kl_totals *t){
  double a = p * t->inv_p, b = q * t->inv_q, m = 0.5*(a + b), x, ps, qs;
  if( p==0.0 || q==0.0 ){
    /* x = +-1: phi(1) + phi(-1) = 2 ln 2 */
    return m * 0.693147180559945309417232121458176568;
  }
  /* x = (a-b)/(a+b) = (p Q - q P) / (p Q + q P), in double-double */
  ps = p * t->sp;
  qs = q * t->sq;
  x = cross_diff(ps, qs, t->Ps, t->Qs) / (ps*t->Qs.hi + qs*t->Ps.hi);
  return m * 0.5 * (kl_phi(x) + kl_phi(-x));
}

double kl_xent_term(double p, double q, const kl_totals *t){
  double a, b, lb;
  if( p==0.0 ) return 0.0;
  if( q==0.0 ) return INFINITY;
  a = p * t->inv_p;
  b = q * t->inv_q;
  if( b > 0.5 ){
    /* ln b = log1p((q - Q)/Q); q - Q.hi is exact here (Sterbenz) */
    lb = log1p(((q - t->Q.hi) - t->Q.lo) * t->inv_q);
  }else if( b > 1e-300 ){
    lb = log(b);
  }else{
    lb = log(q) - log(t->Q.hi);
  }
  return -a * lb;
}

void kl_terms_accum(kl_term_fn term, const double *p, const double *q,
                    size_t n, const kl_totals *t, kl_sum *acc){
  size_t i;
  for(i=0; i<n; i++) kl_sum_add(acc, term(p[i], q[i], t));
}

/* --------------------------------------------------------------- logits */

void kl_logit_acc_init(kl_logit_acc *acc, double max_a, double max_b,
                       double c){
  memset(acc, 0, sizeof(*acc));
  acc->max_a = max_a;
  acc->max_b = max_b;
  acc->c = c;
  kl_sum_init(&acc->sa);
  kl_sum_init(&acc->sb);
  kl_sum_init(&acc->u);
}

void kl_logit_acc_add(kl_logit_acc *acc, const double *a, const double *b,
                      size_t n){
  size_t i;
  for(i=0; i<n; i++){
    double eb;
    if( isfinite(a[i]) ) kl_sum_add(&acc->sa, exp(a[i] - acc->max_a));
    if( !isfinite(b[i]) ) continue;
    eb = exp(b[i] - acc->max_b);
    kl_sum_add(&acc->sb, eb);
    if( isfinite(a[i]) ){
      /* e_b (e^t - 1) = e^s - e_b with s = (b - max_b) + t */
      double t = (a[i] - b[i]) - acc->c;
      if( t <= 700.0 ){
        kl_sum_add(&acc->u, eb*expm1(t));
      }else{
        double sx = (b[i] - acc->max_b) + t;
        if( sx > 700.0 ) acc->overflow = 1;
        else kl_sum_add(&acc->u, exp(sx) - eb);
      }
    }else{
      kl_sum_add(&acc->u, -eb);   /* a = -Inf: e^(a-b) = 0 */
    }
  }
}

void kl_logit_finish(const kl_logit_acc *acc, kl_logit_norm *out){
  double sa = kl_sum_value(&acc->sa), sb = kl_sum_value(&acc->sb);
  out->max_a = acc->max_a;
  out->max_b = acc->max_b;
  out->c = acc->c;
  out->log_sa = log(sa);
  out->sb = sb;
  if( !acc->overflow ){
    /* s >= -1 but for rounding; s = -1 is a b with no mass where a has */
    out->dlse = log1p(fmax(kl_sum_value(&acc->u) / sb, -1.0));
  }else{
    out->dlse = ((acc->max_a + out->log_sa) - (acc->max_b + log(sb)))
              - acc->c;
  }
}

double kl_logit_term(double a, double b, const kl_logit_norm *nm){
  double w, d;
  if( isinf(b) ) return isinf(a) ? 0.0 : INFINITY;
  w = exp(b - nm->max_b) / nm->sb;
  if( isinf(a) ) return w;
  /* ln(pa/pb) for this bin; dlse is finite here, for a bin where both a
  ** and b are finite puts mass of a where b has some */
  d = ((a - b) - nm->c) - nm->dlse;
  if( d <= 1.0 ) return w * kl_phi(expm1(d));
  /* pa (d - 1) + pb, with pa formed in log space */
  return exp((a - nm->max_a) - nm->log_sa) * (d - 1.0) + w;
}
