/*
** fuzz_diff.c — differential libFuzzer target: the fast kernels against a
** slow, obviously correct reference on the same random inputs.
**
** Byte 0 picks the function (kl_gauss, kl_div, js_div, cross_entropy,
** entropy); the rest are raw doubles, made valid (finite; a scale or a
** weight its absolute value, 1 if that is 0).  The extension computes the
** value through SQL on kl_f64 blobs (its vectorised, run-time dispatched
** kernels); the reference is computed in long double (x87 extended
** precision: 11 more bits, and an exponent range that holds the squares
** and ratios of any doubles), term by term: the textbook formula for
** kl_gauss, and for the discrete functions the textbook terms rewritten
** over rest sums and an exact cross difference (see discrete()), so that
** a probability within 1e-40 of 1 keeps its distance from 1 and nearly
** equal distributions their difference.
**
** The check: |got - ref| <= bound |ref| + 1e-17 S + 1e-318 (a subnormal
** result has few digits to give), where bound is the
** function's stated bound (1e-14) and S bounds what the reference's own
** rounding can cost (the magnitudes of its terms, and of the products
** whose difference a term depends on: for nearly equal distributions the
** long double reference is the less accurate of the two, and the
** allowance grows with S / |ref|).  +Inf exactly where the
** reference exceeds the double range.  kl_gauss is also checked against
** the sum of its one-dimension calls (the scalar path, kl_gauss_term): the
** two must agree within twice the bound.  A SQL error is an acceptable
** outcome (a refusal), a NULL or a wrong value is a finding.
*/
#include <float.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sqlite3_kl_init(sqlite3 *db, char **pzErrMsg,
                    const sqlite3_api_routines *pApi);

#define MAXN 64
#define BOUND 1e-14

static sqlite3 *db;
static sqlite3_stmt *st_gauss, *st_gauss1, *st_disc[4];
static const char *const DISC[4] = {
  "SELECT kl_div(?1, ?2)", "SELECT js_div(?1, ?2)",
  "SELECT cross_entropy(?1, ?2)", "SELECT entropy(?1)"
};
static const unsigned char F64_HEADER[8] = {
  0x4B, 0x4C, 0xC0, 0x7F, 0x66, 0x36, 0x34, 0x01
};

int LLVMFuzzerInitialize(int *argc, char ***argv){
  int k;
  (void)argc; (void)argv;
  if( sqlite3_open(":memory:", &db) || sqlite3_kl_init(db, 0, 0) ) abort();
  if( sqlite3_prepare_v2(db, "SELECT kl_gauss(?1, ?2, ?3, ?4)", -1,
                         &st_gauss, 0)
   || sqlite3_prepare_v2(db, "SELECT kl_gauss(?1, ?2, ?3, ?4)", -1,
                         &st_gauss1, 0) ) abort();
  for(k=0; k<4; k++){
    if( sqlite3_prepare_v2(db, DISC[k], -1, &st_disc[k], 0) ) abort();
  }
  return 0;
}

static void bind_vec(sqlite3_stmt *st, int k, const double *x, int n){
  unsigned char *b = malloc(8 + 8*(size_t)n);
  memcpy(b, F64_HEADER, 8);
  memcpy(b + 8, x, 8*(size_t)n);
  sqlite3_bind_blob(st, k, b, 8 + 8*n, free);
}

/* 1 and *v for a value, 0 for an SQL error; a NULL is a finding. */
static int run(sqlite3_stmt *st, double *v){
  int rc = sqlite3_step(st), ok = 0;
  if( rc==SQLITE_ROW ){
    if( sqlite3_column_type(st, 0)==SQLITE_NULL ){
      fprintf(stderr, "diff: NULL (a NaN) from %s\n", sqlite3_sql(st));
      abort();
    }
    *v = sqlite3_column_double(st, 0);
    ok = 1;
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return ok;
}

static void check(const char *what, double got, long double ref,
                  long double mag){
  if( ref > (long double)DBL_MAX*(1.0L + 1e-15L) ){
    if( got!=INFINITY ){
      fprintf(stderr, "diff: %s: %.17g, the reference %.6Lg is beyond the "
              "double range\n", what, got, ref);
      abort();
    }
    return;
  }
  if( got==INFINITY && ref >= (long double)DBL_MAX*(1.0L - BOUND) ){
    /* within the bound of DBL_MAX: either side of the overflow threshold
    ** is right (ACCURACY.md) */
    return;
  }
  if( isinf(got) || fabsl((long double)got - ref) > BOUND*fabsl(ref)
                                                   + 1e-17L*mag + 1e-318L ){
    fprintf(stderr, "diff: %s: got %.17g, reference %.20Lg (terms %.3Lg)\n",
            what, got, ref, mag);
    abort();
  }
}

static double valid_scale(double x){
  x = fabs(x);
  return isfinite(x) && x > 0 ? x : 1.0;
}
static double valid_real(double x){ return isfinite(x) ? x : 0.0; }
static double valid_weight(double x){
  x = fabs(x);
  return isfinite(x) ? x : 0.0;
}

static void gauss(const double *x, int n){
  double m1[MAXN], s1[MAXN], m2[MAXN], s2[MAXN], got, one, sum1 = 0;
  long double ref = 0, mag = 0, sum1l = 0;
  int i, ok1 = 1;
  for(i=0; i<n; i++){
    long double r, d, t1, t2;
    m1[i] = valid_real(x[4*i]);
    s1[i] = valid_scale(x[4*i + 1]);
    m2[i] = valid_real(x[4*i + 2]);
    s2[i] = valid_scale(x[4*i + 3]);
    r = (long double)s1[i] / s2[i];
    d = ((long double)m1[i] - m2[i]) / s2[i];
    t1 = -logl(r);
    t2 = (r*r + d*d) / 2;
    ref += t1 + t2 - 0.5L;
    mag += fabsl(t1) + t2 + 0.5L;
    sqlite3_bind_double(st_gauss1, 1, m1[i]);
    sqlite3_bind_double(st_gauss1, 2, s1[i]);
    sqlite3_bind_double(st_gauss1, 3, m2[i]);
    sqlite3_bind_double(st_gauss1, 4, s2[i]);
    if( run(st_gauss1, &one) ) sum1l += one;
    else ok1 = 0;
  }
  bind_vec(st_gauss, 1, m1, n);
  bind_vec(st_gauss, 2, s1, n);
  bind_vec(st_gauss, 3, m2, n);
  bind_vec(st_gauss, 4, s2, n);
  if( !run(st_gauss, &got) ) return;
  check("kl_gauss", got, ref, mag);
  sum1 = (double)sum1l;
  if( ok1 && !(isinf(got) && isinf(sum1))
   && fabs(got - sum1) > 2*BOUND*fabs(got) + 1e-300 ){
    fprintf(stderr, "diff: kl_gauss %.17g but its dimensions add to %.17g\n",
            got, sum1);
    abort();
  }
}

/* phi(x) = (1+x) ln(1+x) - x >= 0, in long double; a series near 0. */
static long double phi_l(long double x){
  if( x <= -1 ) return 1;   /* the limit: a = 0 */
  if( fabsl(x) < 0.01L ){
    long double t = x, sum = 0;
    int k;
    for(k=2; k<=14; k++){
      t *= -x;                       /* (-1)^(k-1) x^k ... */
      sum += -t/((long double)k*(k - 1));
    }
    return sum;
  }
  return (1 + x)*log1pl(x) - x;
}

/*
** Exact sums as expansions (Shewchuk 1997): a value held as a list of
** long doubles whose exact sum it is, kept by error-free transforms
** (Knuth's TwoSum, and fmal for products: the product of two doubles has
** 106 bits, two long doubles hold 128).  The long double's exponent range
** holds every product and sum of doubles, so nothing over- or underflows.
** The reference uses them for the cross difference p Qrest - q Prest,
** which nearly equal distributions cancel far beyond 64 bits.
*/
#define EXPN_MAX (4*MAXN + 8)
typedef struct { int n; long double e[EXPN_MAX]; } expn;

static void two_sum(long double a, long double b, long double *s,
                    long double *t){
  long double bv;
  *s = a + b;
  bv = *s - a;
  *t = (a - (*s - bv)) + (b - bv);
}

/* x += b exactly (zero parts dropped; each call adds at most one part) */
static void expn_add(expn *x, long double b){
  int i, m = 0;
  long double q = b, lo;
  for(i=0; i<x->n; i++){
    two_sum(q, x->e[i], &q, &lo);
    if( lo!=0.0L ) x->e[m++] = lo;
  }
  if( q!=0.0L ) x->e[m++] = q;
  x->n = m;
}

/* x += c y exactly, for a double c and y's parts products of doubles' sums */
static void expn_add_scaled(expn *x, const expn *y, double c){
  int i;
  for(i=0; i<y->n; i++){
    long double h = c*y->e[i];
    expn_add(x, h);
    expn_add(x, fmal(c, y->e[i], -h));
  }
}

static long double expn_value(const expn *x){
  long double s = 0;
  int i;
  for(i=0; i<x->n; i++) s += x->e[i];   /* smallest parts first */
  return s;
}

/* p_i Qrest - q_i Prest, exactly but for its last rounding */
static long double cross_exact(const double *p, const double *q, int n,
                               int i){
  expn pr, qr, num;
  int j;
  pr.n = qr.n = num.n = 0;
  for(j=0; j<n; j++) if( j!=i ){
    expn_add(&pr, p[j]);
    expn_add(&qr, q[j]);
  }
  expn_add_scaled(&num, &qr, p[i]);
  expn_add_scaled(&num, &pr, -q[i]);
  return expn_value(&num);
}

/*
** The discrete references, from rest sums: P = p_i + Prest_i, so
** a/b - 1 = (p Qrest - q Prest) / (q P) has no cancellation of the totals
** (a probability within 1e-40 of 1 keeps its distance from 1), and each
** KL term is b phi(a/b - 1) >= 0; the cross difference is exact
** (cross_exact()), so nearly equal distributions (1e-30 apart) keep their
** digits.  mag bounds what the reference's own rounding can move the sum:
** the cross difference's last rounding times the term's slope.
*/
static void discrete(int k, const double *x, int n){
  double p[MAXN], q[MAXN], got;
  long double P = 0, Q = 0, ref = 0, mag = 0;
  int i, j;
  for(i=0; i<n; i++){
    p[i] = valid_weight(x[2*i]);
    q[i] = k==3 ? p[i] : valid_weight(x[2*i + 1]);
    P += p[i];
    Q += q[i];
  }
  if( P==0 || Q==0 ) return;
  for(i=0; i<n; i++){
    long double qr = 0, a, b, num, size, t;
    for(j=0; j<n; j++) if( j!=i ) qr += q[j];
    a = p[i]/P;
    b = q[i]/Q;
    /* the cross difference, exactly; size: its last rounding */
    num = cross_exact(p, q, n, i);
    size = fabsl(num)*0x1p-60L;
    switch( k ){
      case 0: {   /* KL: b phi(a/b - 1) */
        long double xr;
        if( q[i]==0 ){
          if( p[i]>0 ) ref = INFINITY;
          continue;
        }
        xr = num/((long double)q[i]*P);
        t = b*phi_l(xr);
        mag += fabsl(t) + b*fabsl(log1pl(xr))*size/((long double)q[i]*P);
        break;
      }
      case 1: {   /* JS: (a+b)/4 (phi(u) + phi(-u)), u = (a-b)/(a+b) */
        long double s2 = (long double)p[i]*Q + (long double)q[i]*P, u;
        if( s2==0 ) continue;
        u = num/s2;
        t = (a + b)/4*(phi_l(u) + phi_l(-u));
        mag += fabsl(t) + (a + b)*fabsl(u)*size/s2;
        break;
      }
      default: {  /* cross-entropy, entropy: -a ln b, ln b = log1p(-rest/Q) */
        long double lb;
        if( p[i]==0 ) continue;
        if( q[i]==0 ){ ref = INFINITY; continue; }
        lb = b > 0.5L ? log1pl(-qr/Q) : logl(b);
        t = -a*lb;
        mag += fabsl(t);
        break;
      }
    }
    ref += t;
  }
  bind_vec(st_disc[k], 1, p, n);
  if( k<3 ) bind_vec(st_disc[k], 2, q, n);
  if( !run(st_disc[k], &got) ) return;
  if( isinf(ref) ){
    if( got!=INFINITY ){
      fprintf(stderr, "diff: %s: %.17g where the reference is +Inf\n",
              DISC[k], got);
      abort();
    }
    return;
  }
  check(DISC[k], got, ref, mag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  double x[4*MAXN];
  int mode, n;
  size_t nd;
  if( size < 1 ) return 0;
  mode = data[0] % 5;
  nd = (size - 1)/8;
  if( nd > 4*MAXN ) nd = 4*MAXN;
  memcpy(x, data + 1, nd*8);
  if( mode==0 ){
    n = (int)(nd/4);
    if( n>0 ) gauss(x, n);
  }else{
    n = (int)(nd/2);
    if( n > MAXN ) n = MAXN;
    if( n>0 ) discrete(mode - 1, x, n);
  }
  return 0;
}
