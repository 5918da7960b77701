/*
** unit_core.c — unit tests of the pure C core (src/core/numeric.c, src/core/vectors.c),
** with no SQLite.  Prints "ok ID" or "FAIL ID: ..." per check.
**
** References are independent of the code under test: the C library's
** strtod (correctly rounded in glibc, "C" locale here) for the number
** parser; sums whose exact value is known by construction for the exact
** accumulator; long double arithmetic for log1pmx; the exact accumulator
** kl_xsum for the discrete functions' fast exact totals (kl_fsum).
*/
#include "numeric.h"
#include "gauss.h"
#include "vectors.h"
#include "moments.h"
#include "mvn.h"
#include "families.h"
#include "discrete.h"
#include "stream.h"

#include "ks.h"
#include "psi.h"
#include "sort.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void report(const char *id, int pass, const char *detail){
  if( pass ) printf("ok %s\n", id);
  else{
    printf("FAIL %s: %s\n", id, detail);
    failures++;
  }
}

static void same(const char *id, double got, double want){
  char buf[128];
  snprintf(buf, sizeof buf, "got %.17g want %.17g", got, want);
  report(id, memcmp(&got, &want, sizeof got)==0 || (got==want && got!=0), buf);
}

/* A small deterministic generator (xorshift64*), so runs are repeatable. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void){
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 0x2545F4914F6CDD1Dull;
}
static double rnd_double(void){
  /* any finite double, over the whole exponent range */
  for(;;){
    uint64_t b = rnd();
    double d;
    memcpy(&d, &b, sizeof d);
    if( isfinite(d) ) return d;
  }
}

static double xsum_of(const double *x, int n){
  kl_xsum a;
  int i;
  memset(&a, 0, sizeof a);
  for(i=0; i<n; i++) kl_xsum_add(&a, x[i]);
  return kl_xsum_value(&a);
}

static void test_xsum(void){
  double tiny = ldexp(1.0, -1074);
  {
    double x[] = { 1e308, 1e308, -1e308 };
    same("xsum.no-overflow-in-between", xsum_of(x, 3), 1e308);
  }
  {
    double x[] = { 1.0, 1e-30, -1.0 };
    same("xsum.cancellation", xsum_of(x, 3), 1e-30);
  }
  {
    double x[] = { tiny, tiny, tiny };
    same("xsum.subnormals", xsum_of(x, 3), 3*tiny);
  }
  {
    double x[] = { 1.0, ldexp(1.0, -53) };
    same("xsum.tie-to-even-down", xsum_of(x, 2), 1.0);
  }
  {
    double x[] = { 1.0 + ldexp(1.0, -52), ldexp(1.0, -53) };
    same("xsum.tie-to-even-up", xsum_of(x, 2), 1.0 + ldexp(1.0, -51));
  }
  {
    double x[] = { 1.0, ldexp(1.0, -53), ldexp(1.0, -160) };
    same("xsum.sticky", xsum_of(x, 3), 1.0 + ldexp(1.0, -52));
  }
  {
    double x[] = { DBL_MAX, DBL_MAX };
    same("xsum.overflow", xsum_of(x, 2), INFINITY);
  }
  {
    double x[] = { DBL_MAX, ldexp(1.0, 970) };   /* rounds up past DBL_MAX */
    same("xsum.overflow-by-rounding", xsum_of(x, 2), INFINITY);
  }
  {
    double x[] = { DBL_MAX, ldexp(1.0, 969) };   /* below the halfway point */
    same("xsum.no-overflow-below-half", xsum_of(x, 2), DBL_MAX);
  }
  {
    double x[] = { -2.5, 1.0 };
    same("xsum.negative", xsum_of(x, 2), -1.5);
  }
  {
    double x[] = { INFINITY, 1.0 };
    same("xsum.inf", xsum_of(x, 2), INFINITY);
  }
  {
    double x[] = { INFINITY, -INFINITY };
    report("xsum.inf-minus-inf", isnan(xsum_of(x, 2)), "want NaN");
  }
  {
    double x[] = { 0.0, -0.0 };
    same("xsum.zero", xsum_of(x, 2), 0.0);
  }
  {
    double x[] = { 1.0, NAN };
    report("xsum.nan", isnan(xsum_of(x, 2)), "want NaN");
  }
  {
    double x[] = { -INFINITY, 1.0 };
    same("xsum.neg-inf", xsum_of(x, 2), -INFINITY);
  }
  {
    /* 2^16 times DBL_MAX: past the last limbs, still +Inf and -Inf */
    kl_xsum a, b;
    int i;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    for(i=0; i<65536; i++){ kl_xsum_add(&a, DBL_MAX); kl_xsum_sub(&b, DBL_MAX); }
    same("xsum.far-overflow", kl_xsum_value(&a), INFINITY);
    same("xsum.far-overflow-negative", kl_xsum_value(&b), -INFINITY);
  }
  {
    /* DBL_MIN - tiny: the largest subnormal */
    double x[] = { DBL_MIN, -tiny };
    same("xsum.largest-subnormal", xsum_of(x, 2), DBL_MIN - tiny);
  }
  {
    /* a million random doubles of every magnitude and sign, then their
    ** negations in another order, then a known residue: exactly the residue */
    enum { N = 1000000 };
    double *x = malloc(sizeof(double)*N);
    kl_xsum a;
    int i;
    double residue = 0.1234567890123;
    memset(&a, 0, sizeof a);
    for(i=0; i<N; i++){ x[i] = rnd_double(); kl_xsum_add(&a, x[i]); }
    for(i=N-1; i>=0; i-=2) kl_xsum_sub(&a, x[i]);
    kl_xsum_add(&a, residue);
    for(i=N-2; i>=0; i-=2) kl_xsum_sub(&a, x[i]);
    same("xsum.random-cancel", kl_xsum_value(&a), residue);
    /* adding the same values and subtracting all but one: that one back */
    memset(&a, 0, sizeof a);
    for(i=0; i<N; i++) kl_xsum_add(&a, x[i] * 1e-300);
    for(i=1; i<N; i++) kl_xsum_sub(&a, x[i] * 1e-300);
    same("xsum.random-one-left", kl_xsum_value(&a), x[0] * 1e-300);
    free(x);
  }
}

static void test_sum(void){
  kl_sum s;
  kl_sum_init(&s);
  kl_sum_add(&s, 1.0);
  kl_sum_add(&s, 1e100);
  kl_sum_add(&s, 1.0);
  kl_sum_add(&s, -1e100);
  same("neumaier.classic", kl_sum_value(&s), 2.0);
  kl_sum_add(&s, INFINITY);
  same("neumaier.inf", kl_sum_value(&s), INFINITY);
  kl_sum_init(&s);
  kl_sum_add(&s, DBL_MAX);
  kl_sum_add(&s, DBL_MAX);
  same("neumaier.overflow", kl_sum_value(&s), INFINITY);
  kl_sum_init(&s);
  kl_sum_add(&s, -INFINITY);
  same("neumaier.neg-inf", kl_sum_value(&s), -INFINITY);
  kl_sum_add(&s, INFINITY);
  report("neumaier.inf-minus-inf", isnan(kl_sum_value(&s)), "want NaN");
  kl_sum_init(&s);
  kl_sum_add(&s, NAN);
  report("neumaier.nan", isnan(kl_sum_value(&s)), "want NaN");
}

static void test_log1pmx(void){
  int i, bad = 0;
  char buf[160] = "";
  /* Under valgrind long double is computed as double: the references
  ** below then carry a few ulps of their own, and the bound widens. */
  volatile long double probe = 1.0L + ldexpl(1.0L, -60);
  double slack = probe != 1.0L ? 1.0 : 5.0;
  for(i=0; i<200000; i++){
    /* x spread over [-0.9, 3] and over tiny magnitudes */
    double u = (double)(rnd() >> 11) / 9007199254740992.0;
    double x = (i & 1) ? -0.9 + 3.9*u : ldexp(u - 0.5, -(int)(rnd() % 40));
    long double lx = x, want, term = lx;
    double got = kl_log1pmx(x), err, tol;
    int k;
    if( fabs(x) < 0.6 ){
      /* the series -x^2/2 + x^3/3 - ..., well conditioned here */
      want = 0;
      for(k=2; k<120; k++){
        term *= -lx;
        want += term / k;
      }
      tol = 8e-16 * slack;
    }else{
      /* log1p(x) - x loses at most 3 bits here; long double has them to
      ** spare natively */
      want = log1pl(lx) - lx;
      tol = 1e-15 * slack;
    }
    err = (double)fabsl(((long double)got - want) / want);
    if( x!=0 && !(err <= tol) ){
      if( !bad ) snprintf(buf, sizeof buf, "x=%.17g got %.17g want %.17Lg "
                          "rel %.3g", x, got, want, err);
      bad++;
    }
  }
  report("log1pmx.accuracy", bad==0, buf);
  same("log1pmx.zero", kl_log1pmx(0.0), 0.0);
}

static void test_parse(void){
  static const char *fixed[] = {
    "0", "-0", "1", "0.1", "1e23", "8.98846567431158e307", "2.2250738585072011e-308",
    "2.2250738585072012e-308", "4.9406564584124654e-324", "2.4703282292062327e-324",
    "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308",
    "9007199254740993", "9007199254740992.5", "123456789012345678901234567890e-20",
    "0.000001", "1e-400", "1e400", "-1.5E+10", "6.02214076e23",
  };
  int i, bad = 0;
  char buf[200] = "", z[64];
  for(i=0; i<(int)(sizeof(fixed)/sizeof(fixed[0])); i++){
    double got, want = strtod(fixed[i], 0);
    size_t len = kl_parse_number(fixed[i], strlen(fixed[i]), &got);
    if( len!=strlen(fixed[i]) || memcmp(&got, &want, sizeof got)!=0 ){
      if( !bad ) snprintf(buf, sizeof buf, "'%s' got %.17g want %.17g",
                          fixed[i], got, want);
      bad++;
    }
  }
  report("parse.fixed", bad==0, buf);
  /* more than 780 digits before the point: the tail counts as exponent */
  {
    char big[1200];
    double got, want;
    memset(big, '0', sizeof big);
    big[0] = '7';
    big[1] = '3';
    memcpy(big + 1000, "e-900", 6);
    want = strtod(big, 0);
    report("parse.long-integer-part", kl_parse_number(big, strlen(big), &got)
           ==strlen(big) && got==want && want > 7.2e99 && want < 7.4e99,
           "1000-digit integer part");
    big[900] = '1';   /* a nonzero digit past the 780 kept: sticky */
    want = strtod(big, 0);
    report("parse.long-integer-sticky", kl_parse_number(big, strlen(big), &got)
           ==strlen(big) && memcmp(&got, &want, sizeof got)==0,
           "sticky digit in the integer part");
  }
  /* random decimal strings of 1..25 digits with exponents */
  bad = 0;
  for(i=0; i<300000; i++){
    int nd = 1 + (int)(rnd() % 25), k, j = 0, dot = (int)(rnd() % (nd + 1));
    double got, want;
    if( rnd() & 1 ) z[j++] = '-';
    z[j++] = (char)('1' + rnd() % 9);
    for(k=1; k<nd; k++){
      if( k==dot ) z[j++] = '.';
      z[j++] = (char)('0' + rnd() % 10);
    }
    j += snprintf(z + j, sizeof z - (size_t)j, "e%d", (int)(rnd() % 660) - 330);
    want = strtod(z, 0);
    if( kl_parse_number(z, (size_t)j, &got)!=(size_t)j
     || memcmp(&got, &want, sizeof got)!=0 ){
      if( !bad ) snprintf(buf, sizeof buf, "'%s' got %.17g want %.17g", z,
                          got, want);
      bad++;
    }
  }
  report("parse.random", bad==0, buf);
  /* not numbers in JSON's grammar */
  {
    static const char *no[] = { "", "-", "+1", ".5", "01", "1.", "1e", "1e+",
                                "0x10", "NaN", "Infinity", "-.5" };
    double x;
    bad = 0;
    for(i=0; i<(int)(sizeof(no)/sizeof(no[0])); i++){
      size_t len = kl_parse_number(no[i], strlen(no[i]), &x);
      if( len==strlen(no[i]) && len>0 ){
        snprintf(buf, sizeof buf, "'%s' accepted", no[i]);
        bad++;
      }
    }
    report("parse.rejects", bad==0, buf);
  }
}

static void test_format(void){
  int i, bad = 0;
  char buf[200] = "", z[40];
  for(i=0; i<200000; i++){
    int f = i & 1, len;
    double x = rnd_double(), back;
    if( f ){
      float v = (float)x;
      if( !isfinite(v) ) continue;
      x = v;
    }
    len = kl_format_number(x, f, z);
    if( kl_parse_number(z, (size_t)len, &back)!=(size_t)len
     || (f ? (float)back!=(float)x : back!=x)
     || (len > (f ? 22 : 25)) ){
      if( !bad ) snprintf(buf, sizeof buf, "%.17g -> '%s'", x, z);
      bad++;
    }
  }
  report("format.roundtrip", bad==0, buf);
  kl_format_number(0.1, 0, z);
  report("format.shortest-double", strcmp(z, "0.1")==0, z);
  kl_format_number((float)0.1, 1, z);
  report("format.shortest-float", strcmp(z, "0.1")==0, z);
  kl_format_number(-0.0, 0, z);
  report("format.negative-zero", strcmp(z, "-0")==0, z);
}

static void test_vectors(void){
  kl_vec v;
  kl_verr e;
  double out[4];
  size_t got;
  const char *j = "[1, 2.5,3]";
  memset(&e, 0, sizeof e);
  report("vec.json-open", kl_vec_text(&v, j, strlen(j), &e)==KL_OK, "open");
  report("vec.json-chunk", kl_vec_read(&v, out, 2, &got, &e)==KL_OK && got==2
         && out[0]==1 && out[1]==2.5, "first chunk");
  report("vec.json-rest", kl_vec_read(&v, out, 2, &got, &e)==KL_OK && got==1
         && out[0]==3 && v.done, "second chunk");
  report("vec.json-end", kl_vec_read(&v, out, 2, &got, &e)==KL_OK && got==0,
         "end");
  report("vec.blob-size", kl_vec_blob(&v, "abcde", 5, &e)==KL_ERR_BLOBSIZE
         && e.size==5 && e.elsize==4, "5-byte blob");
}

/* Exact moments: adding and removing rows restores the state to the bit;
** constants have sd 0 exactly; hand values (by derivation). */
static void test_moments(void){
  static kl_xsum s1, f1;
  static kl_xsq s2, f2;
  double x[200];
  int i, bad = 0;
  char buf[120] = "";
  memset(&s1, 0, sizeof s1); memset(&s2, 0, sizeof s2);
  memset(&f1, 0, sizeof f1); memset(&f2, 0, sizeof f2);
  for(i=0; i<200; i++){
    x[i] = rnd_double();
    if( !isfinite(x[i]) ) x[i] = 1.0;
    kl_xsum_add(&s1, x[i]);
    kl_xsq_put(&s2, x[i], 1);
  }
  /* remove the first 150 again; the rest added to a fresh pair */
  for(i=0; i<150; i++){
    kl_xsum_sub(&s1, x[i]);
    kl_xsq_put(&s2, x[i], -1);
  }
  for(i=150; i<200; i++){
    kl_xsum_add(&f1, x[i]);
    kl_xsq_put(&f2, x[i], 1);
  }
  {
    double a = kl_moments_sd(&s1, &s2, 50, 1), b = kl_moments_sd(&f1, &f2, 50, 1);
    double c = kl_moments_mean(&s1, 50), d = kl_moments_mean(&f1, 50);
    if( memcmp(&a, &b, 8) || memcmp(&c, &d, 8) ){
      snprintf(buf, sizeof buf, "sd %.17g vs %.17g, mean %.17g vs %.17g", a, b, c, d);
      bad = 1;
    }
  }
  report("moments.remove-restores", bad==0, buf);
  {
    static kl_xsum c1;
    static kl_xsq c2;
    memset(&c1, 0, sizeof c1); memset(&c2, 0, sizeof c2);
    for(i=0; i<7; i++){ kl_xsum_add(&c1, 1e9 + 0.1); kl_xsq_put(&c2, 1e9 + 0.1, 1); }
    same("moments.constant-sd", kl_moments_sd(&c1, &c2, 7, 1), 0.0);
    same("moments.constant-mean", kl_moments_mean(&c1, 7), 1e9 + 0.1);
    /* {1e300, -1e300}: mean 0, sd (ddof 1) sqrt(2) 1e300 */
    memset(&c1, 0, sizeof c1); memset(&c2, 0, sizeof c2);
    kl_xsum_add(&c1, 1e300); kl_xsq_put(&c2, 1e300, 1);
    kl_xsum_add(&c1, -1e300); kl_xsq_put(&c2, -1e300, 1);
    same("moments.huge-mean", kl_moments_mean(&c1, 2), 0.0);
    report("moments.huge-sd", fabs(kl_moments_sd(&c1, &c2, 2, 1) / (sqrt(2.0)*1e300) - 1) < 4e-16, "");
    /* subnormals: {0, 2^-1074 * 2}: sd (ddof 0) = 2^-1074 */
    memset(&c1, 0, sizeof c1); memset(&c2, 0, sizeof c2);
    kl_xsum_add(&c1, 0.0); kl_xsq_put(&c2, 0.0, 1);
    kl_xsum_add(&c1, 0x1p-1073); kl_xsq_put(&c2, 0x1p-1073, 1);
    same("moments.subnormal-sd", kl_moments_sd(&c1, &c2, 2, 0), 0x1p-1074);
  }
}

/* kl_mvn on diagonal matrices is the sum of kl_gauss_term. */
static void test_mvn(void){
  double mu1[3] = {2, 4, 6}, mu2[3] = {3, 5, 8}, w[6], kl;
  double c1[9] = {1,0,0, 0,4,0, 0,0,9}, c2[9] = {2.25,0,0, 0,6.25,0, 0,0,16};
  kl_mvn_err e;
  kl_sum acc;
  int rc = kl_mvn(3, mu1, c1, mu2, c2, w, &kl, &e);
  kl_sum_init(&acc);
  kl_sum_add(&acc, kl_gauss_term(2, 1, 3, 1.5));
  kl_sum_add(&acc, kl_gauss_term(4, 2, 5, 2.5));
  kl_sum_add(&acc, kl_gauss_term(6, 3, 8, 4));
  report("mvn.diag-rc", rc==KL_MVN_OK, "");
  report("mvn.diag-is-gauss", fabs(kl - kl_sum_value(&acc)) <= 2e-16*kl, "");
  {
    double a[4] = {1, 0.5, 0.7, 1}, b[4] = {1, 0, 0, 1}, m[2] = {0, 0};
    rc = kl_mvn(2, m, a, m, b, w, &kl, &e);
    report("mvn.asymmetric", rc==KL_MVN_ASYMMETRIC && e.which==1 && e.i==0
           && e.j==1 && e.a==0.5 && e.b==0.7, "");
  }
  {
    double a[4] = {1, 0, 0, 1}, b[4] = {1, 2, 2, 1}, m[2] = {0, 0};
    rc = kl_mvn(2, m, a, m, b, w, &kl, &e);
    report("mvn.not-pd", rc==KL_MVN_NOT_PD && e.which==2 && e.i==1, "");
  }
}

/* Blue-style sum of squares: no overflow, no underflow. */
static void test_ssq(void){
  kl_ssq s;
  kl_ssq_init(&s); kl_ssq_add(&s, 3e300); kl_ssq_add(&s, 4e300);
  report("ssq.huge", fabs(kl_ssq_norm(&s) / 5e300 - 1) < 3e-16, "");
  kl_ssq_init(&s); kl_ssq_add(&s, 3e-300); kl_ssq_add(&s, -4e-300);
  report("ssq.tiny", fabs(kl_ssq_norm(&s) / 5e-300 - 1) < 3e-16, "");
  kl_ssq_init(&s); kl_ssq_add(&s, 3.0); kl_ssq_add(&s, 4.0); kl_ssq_add(&s, 1e-300);
  same("ssq.mixed", kl_ssq_norm(&s), 5.0);
  kl_ssq_init(&s);
  same("ssq.empty", kl_ssq_norm(&s), 0.0);
  kl_ssq_init(&s); kl_ssq_add(&s, 1e200); kl_ssq_add(&s, 1.0);
  same("ssq.big-and-mid", kl_ssq_norm(&s), 1e200);
}

/* The Bregman divergence of lnGamma: D(1,2) = euler, D(2,1) = 1 - euler
** (lnGamma(1) = lnGamma(2) = 0, digamma(1) = -euler, digamma(2) = 1 -
** euler); D(a, a) = 0; and always >= 0. */
static void test_lgamma_bregman(void){
  int i, bad = 0;
  report("lgb.1-2", fabs(kl_lgamma_bregman(1, 2) / 0.57721566490153286 - 1) < 4e-16, "");
  report("lgb.2-1", fabs(kl_lgamma_bregman(2, 1) / (1 - 0.57721566490153286) - 1) < 4e-16, "");
  same("lgb.same", kl_lgamma_bregman(3.5, 3.5), 0.0);
  for(i=0; i<2000; i++){
    double a = exp((double)(rnd() % 4000) / 100 - 20), b = exp((double)(rnd() % 4000) / 100 - 20);
    double d = kl_lgamma_bregman(a, b);
    if( !(d >= 0) || isnan(d) ) bad++;
  }
  report("lgb.nonnegative", bad==0, "");
  same("family.bernoulli-equal", kl_bernoulli_term(0.25, 0.25), 0.0);
  same("family.uniform-inside", kl_uniform_term(0, 1, 0, 1), 0.0);
  same("family.uniform-outside", kl_uniform_term(0, 1, 0.5, 1), INFINITY);
}

/* A non-negative double over a range of exponents [lo, hi). */
static double rnd_weight(int lo, int hi){
  uint64_t b = rnd();
  double m;
  b = (b & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;
  memcpy(&m, &b, 8);
  return ldexp(m, lo + (int)(rnd() % (uint64_t)(hi - lo)));
}

/* kl_fsum's total against kl_xsum's, for n values from make (doubles, or
** float32 when f32): identical double-doubles. */
static int fsum_agrees(int n, int f32, int lo, int hi, int zeros){
  double x[3000];
  unsigned char b[4*3000];
  kl_fsum f;
  kl_xsum s;
  kl_dd a, r;
  int i, ea, er, ia, ir;
  memset(&s, 0, sizeof s);
  kl_fsum_init(&f);
  for(i=0; i<n; i++){
    x[i] = rnd_weight(lo, hi);
    if( zeros && rnd() % 5==0 ) x[i] = 0.0;
    if( f32 ){
      float v = (float)x[i];
      x[i] = v;
      memcpy(b + 4*i, &v, 4);   /* the test runs little-endian */
    }
    kl_xsum_add(&s, x[i]);
  }
  if( f32 ? kl_fsum_add_f32(&f, b, (size_t)n) : kl_fsum_add(&f, x, (size_t)n) ){
    return 0;
  }
  a = kl_fsum_frexp(&f, &ea, &ia);
  r = kl_total_frexp_x(&s, &er, &ir);
  return a.hi==r.hi && a.lo==r.lo && ea==er && ia==ir;
}

static void test_discrete_fast(void){
  /* exponent ranges for doubles, and for float32 */
  static const int range[][4] = {
    {-3, 3, -3, 3}, {0, 20, 0, 17}, {-40, 40, -40, 40},
    {-1074, -1000, -149, -120}, {-1060, 1000, -149, 127},
    {900, 1024, 100, 127}, {-130, 120, -126, 20}, {0, 60, 0, 60}
  };
  int i, k;
  char id[64];
  for(k=0; k<8; k++){
    int bad = 0, badf = 0;
    for(i=0; i<40; i++){
      int n = 1 + (int)(rnd() % 3000);
      bad += !fsum_agrees(n, 0, range[k][0], range[k][1], i & 1);
      badf += !fsum_agrees(n, 1, range[k][2], range[k][3], i & 1);
    }
    snprintf(id, sizeof id, "fsum.exact.%d", k);
    report(id, bad==0, "differs from kl_xsum");
    snprintf(id, sizeof id, "fsum.exact-f32.%d", k);
    report(id, badf==0, "differs from kl_xsum");
  }
  {
    /* float32 weights never need the careful term and their totals always
    ** suit the kernels (discrete.c, kl_fast_accum_f32): the extremes, a
    ** total of 2^31 FLT_MAX against one of the smallest subnormal */
    kl_totals t;
    kl_fast f;
    kl_fsum sp, sq;
    kl_dd Ps, Qs;
    Ps.hi = 0.5; Ps.lo = 0.0;
    Qs.hi = 0.5; Qs.lo = 0.0;
    kl_fsum_init(&sp);
    kl_fsum_init(&sq);
    sp.min = 0x1p-149;
    sq.min = 0x1p-149;
    kl_totals_init_exp(&t, Ps, 160, Qs, -148);
    kl_fast_init(&f, &t, &sp, &sq);
    report("fast.f32-extreme.ok", f.ok && f.ok_x && f.clean && f.clean_x, "");
    kl_totals_init_exp(&t, Qs, -148, Ps, 160);
    kl_fast_init(&f, &t, &sq, &sp);
    report("fast.f32-extreme.ok2", f.ok && f.ok_x && f.clean && f.clean_x, "");
  }
}

#include "data/log_ratio_ref.h"

/* kl_log_ratio_dd against mpmath (tests/gen_log_table.py): within 2^-100
** relative, exactly 0 for p == q; and the wide accumulator restores its
** state to the bit when a value is taken out again. */
static void test_stream(void){
  size_t i, n = sizeof log_ratio_ref / sizeof log_ratio_ref[0], bad = 0;
  double worst = 0.0;
  for(i=0; i<n; i++){
    const double *r = log_ratio_ref[i];
    kl_dd l = kl_log_ratio_dd(r[0], r[1]);
    /* (l.hi - r.hi) is exact where the two agree to a few bits */
    double err = fabs((l.hi - r[2]) + (l.lo - r[3]));
    double rel = r[2]==0.0 ? err : err / fabs(r[2]);
    if( r[2]==0.0 ? (l.hi!=0.0 || l.lo!=0.0) : !(rel <= 0x1p-100) ) bad++;
    if( rel > worst ) worst = rel;
  }
  report("stream.log-ratio-dd", bad==0, "");
  if( bad ) printf("# %zu of %zu beyond 2^-100 (worst %.3g)\n", bad, n, worst);
  {
    kl_wsum w;
    kl_dd m;
    int e, same;
    memset(&w, 0, sizeof w);
    kl_wsum_put(&w, 3.0, 0, 1);
    kl_wsum_put(&w, 0x1.5p-60, -1100, 1);
    kl_wsum_put(&w, -1.5, 1000, 1);
    kl_wsum_put(&w, -1.5, 1000, -1);
    kl_wsum_put(&w, 0x1.5p-60, -1100, -1);
    m = kl_wsum_frexp(&w, &e);
    same = m.hi==0.75 && m.lo==0.0 && e==2;
    report("stream.wsum-restores", same, "");
    memset(&w, 0, sizeof w);
    kl_wsum_put(&w, 1.0, -1226, 1);       /* the unit itself */
    kl_wsum_put(&w, 1.0, -1227, 1);       /* below it: truncated */
    m = kl_wsum_frexp(&w, &e);
    report("stream.wsum-unit", m.hi==0.5 && e==-1225, "");
    memset(&w, 0, sizeof w);
    kl_wsum_put(&w, -5.0, 3, 1);
    m = kl_wsum_frexp(&w, &e);
    report("stream.wsum-negative", m.hi==-0.625 && e==6, "");
    memset(&w, 0, sizeof w);
    kl_wsum_put(&w, 5e-324, 1000, 1);      /* a subnormal: 2^-1074 2^1000 */
    kl_wsum_put(&w, 1.0, 100, 1);          /* and 2^100: lo far below hi */
    m = kl_wsum_frexp(&w, &e);
    report("stream.wsum-subnormal-lo", m.hi==0.5 && m.lo==0x1p-175 && e==101,
           "");
  }
}

/* JSONB: the depth limit (SQLite's 1000, so an element at depth 1001 is
** not JSONB) and stepping through elements. */
static void test_jsonb(void){
  static unsigned char b[4200];
  kl_jsonb_info info;
  size_t n, k, depth;
  for(depth=1000; depth<=1001; depth++){
    /* depth nested arrays around nothing: [[[...]]] */
    n = 0;
    for(k=0; k<depth; k++){
      size_t inner = n;
      /* a header of payload size inner: 1 byte up to 11, then 0xCB and
      ** 1 byte, then 0xDB and 2 bytes */
      size_t hl = inner <= 11 ? 1 : inner <= 255 ? 2 : 3;
      memmove(b + hl, b, inner);
      if( hl==1 ){
        b[0] = (unsigned char)(inner << 4 | 0x0B);
      }else if( hl==2 ){
        b[0] = 0xCB;
        b[1] = (unsigned char)inner;
      }else{
        b[0] = 0xDB;
        b[1] = (unsigned char)(inner >> 8);
        b[2] = (unsigned char)inner;
      }
      n = inner + hl;
    }
    report(depth==1000 ? "jsonb.depth-1000" : "jsonb.depth-1001",
           kl_jsonb_scan(b, n, &info)==(depth==1000), "");
  }
  /* [1, [2], "a"]: elements of 2, 3 and 2 bytes after the header */
  {
    static const unsigned char a[] = { 0x7B, 0x13, 0x31, 0x2B, 0x13, 0x32,
                                       0x17, 0x61 };
    size_t pos;
    int ok = kl_jsonb_scan(a, sizeof a, &info) && info.count==3
          && info.found_other && info.other==1 && info.other_type==11;
    pos = info.start;
    ok = ok && kl_jsonb_element(a, sizeof a, pos)==2;
    pos += 2;
    ok = ok && kl_jsonb_element(a, sizeof a, pos)==3;
    pos += 3;
    ok = ok && kl_jsonb_element(a, sizeof a, pos)==2;
    ok = ok && kl_jsonb_element(a, sizeof a, sizeof a)==0;
    ok = ok && kl_jsonb_element(a, 7, 6)==0;        /* cut short */
    report("jsonb.elements", ok, "");
  }
}

/*
** The kl_gauss kernel's variants (portable, AVX2, AVX-512: those this CPU
** runs) give the same bits and the same "bad" verdict on the same chunk,
** for every length 1 .. 256 (tails included), on ordinary, nearly equal,
** bucket-edge, far-apart and invalid inputs; the float32 forms give the
** bits of the double forms on the same values.
*/
static float f32_round(double x){ return (float)x; }
static void test_gauss_kernels(void){
  const kl_gauss_kernel *kv;
  int nk = kl_gauss_kernels(&kv), kind, k;
  static double m1[256], s1[256], m2[256], s2[256];
  static unsigned char b1[1024], b2[1024], b3[1024], b4[1024];
  char id[96], buf[160];
  report("gauss.kernels.count", nk>=1 && nk<=3, "no variant");
  for(kind=0; kind<6; kind++){
    int mismatches = 0, badseen = 0, goodseen = 0;
    size_t n;
    for(n=1; n<=256; n += (n<20 ? 1 : 17)){
      size_t i;
      double ref = 0, ref32 = 0;
      int refbad = 0, refbad32 = 0;
      for(i=0; i<n; i++){
        double u = (double)(rnd() >> 11) / 9007199254740992.0;
        double w = (double)(rnd() >> 11) / 9007199254740992.0;
        m1[i] = f32_round(4.0*u - 2.0);
        m2[i] = f32_round(4.0*w - 2.0);
        s2[i] = f32_round(0.1 + 2.0*w);
        switch( kind ){
          case 0:  /* ordinary */
            s1[i] = f32_round(0.1 + 2.0*u); break;
          case 1:  /* nearly equal: 1 +- 2^-1 .. 2^-23, equal means */
            m2[i] = m1[i];
            s1[i] = s2[i]*(1.0 + ((rnd()&1) ? 1 : -1)*ldexp(1.0, -(int)(1 + rnd()%23)));
            s1[i] = f32_round(s1[i]); break;
          case 2: {  /* the reduction's bucket edges, and 1 ulp either side */
            uint64_t e;
            double r;
            if( rnd()&1 ) m2[i] = m1[i];
            e = 0x3FE6800000000000ull + (rnd()%17)*(1ull<<48);
            e += (rnd()%3) - 1;
            memcpy(&r, &e, 8);
            s2[i] = ldexp(1.0, (int)(rnd()%9) - 4);
            s1[i] = ldexp(r, (int)(rnd()%5) - 2) * s2[i];
            break;
          }
          case 3:  /* far apart (float32 range) */
            s1[i] = f32_round(ldexp(0.5 + u, (int)(rnd()%200) - 100));
            s2[i] = f32_round(ldexp(0.5 + w, (int)(rnd()%200) - 100));
            break;
          case 4:  /* beyond the kernel: ratios past 2^1000, huge means */
            s1[i] = ldexp(0.5 + u, (int)(rnd()%2000) - 1000);
            s2[i] = ldexp(0.5 + w, (int)(rnd()%2000) - 1000);
            m1[i] = ldexp(u, (int)(rnd()%1000));
            break;
          default: /* an invalid element now and then */
            s1[i] = f32_round(0.1 + 2.0*u);
            if( rnd()%64==0 ){
              static const double badv[] = { 0.0, -0.0, -1.0, 1e300*1e300, -1e300*1e300 };
              double v = badv[rnd()%5];
              if( rnd()&1 ) s1[i] = v; else s2[i] = v;
            }
            break;
        }
        { float f; f = (float)m1[i]; memcpy(b1 + 4*i, &f, 4);
                   f = (float)s1[i]; memcpy(b2 + 4*i, &f, 4);
                   f = (float)m2[i]; memcpy(b3 + 4*i, &f, 4);
                   f = (float)s2[i]; memcpy(b4 + 4*i, &f, 4); }
      }
      for(k=0; k<nk; k++){
        int bad = 0, bad32 = 0;
        double v = kv[k].f64(m1, s1, m2, s2, n, &bad);
        double v32 = kv[k].f32(b1, b2, b3, b4, n, &bad32);
        if( k==0 ){ ref = v; refbad = bad; ref32 = v32; refbad32 = bad32; }
        if( bad!=refbad || bad32!=refbad32
         || (!bad && memcmp(&v, &ref, 8)!=0)
         || (!bad32 && memcmp(&v32, &ref32, 8)!=0) ){
          if( mismatches++==0 ){
            snprintf(buf, sizeof buf, "%s n=%d: %.17g/%d against %.17g/%d",
                     kv[k].name, (int)n, v, bad, ref, refbad);
          }
        }
      }
      /* float32 values read in place give the bits of the same doubles
      ** (kinds 0-3 and 5 hold float32 values) */
      if( kind!=2 && kind!=4 && !refbad32 && memcmp(&ref, &ref32, 8)!=0 ){
        if( mismatches++==0 ){
          snprintf(buf, sizeof buf, "f32 n=%d: %.17g against %.17g", (int)n,
                   ref32, ref);
        }
      }
      if( refbad ) badseen++; else goodseen++;
    }
    snprintf(id, sizeof id, "gauss.kernels.same-bits.kind%d.%d-variants", kind, nk);
    report(id, mismatches==0, buf);
    snprintf(id, sizeof id, "gauss.kernels.verdicts.kind%d", kind);
    report(id, kind>=4 ? badseen>0 : (badseen==0 && goodseen>0), "bad where it should not be, or never bad");
  }
}

/* The entry points of core/ks.c and core/psi.c that SQL does not reach:
** statistics of samples of 10^8 values (beyond 2^53 for the product),
** their domain guards, one quantile bin, empty totals.  Expected values
** from Python's fractions (the nearest double of the rational) or by
** hand. */
static void test_samples_core(void){
  static double w[KL_KS_DMTW_WORK];
  double cut[1], cp[2] = { 0, 0 }, cq[2] = { 1, 2 };
  size_t work[2];
  double ref[3] = { 3, 1, 2 };
  /* float(Fraction(d, n1*n2)) */
  same("ks.stat.1e8.small", kl_ks_stat(100000000, 100000001, 12345678901ull),
       1.2345678777543212e-06);
  same("ks.stat.1e8.near1", kl_ks_stat(100000000, 100000001,
       10000000099999999ull), 0.9999999999999999);
  same("ks.stat.odd.near1", kl_ks_stat(99999999, 100000001,
       9999999999999997ull), 0.9999999999999998);
  same("ks.stat.odd.small", kl_ks_stat(99999999, 100000001, 77777777777ull),
       7.777777777700001e-06);
  /* D = 0: every path is at least that extreme */
  same("ks.exact.h0", kl_ks_exact(3, 3, 0, w), 1.0);
  /* P(D+ >= 0) = 1, P(D+ >= 1) = 0 (D+ < 1 for every sample) */
  same("ks.smirnov.x0", kl_ks_smirnov(5, 0.0), 1.0);
  same("ks.smirnov.x1", kl_ks_smirnov(5, 1.0), 0.0);
  same("ks.kolmogn.x0", kl_ks_kolmogn_sf(5, 0.0, w), 1.0);
  /* one bin: no cut point */
  report("psi.cuts.one-bin", kl_psi_cuts(ref, 3, 1, cut, work)==0, "cuts");
  /* a total of 0: NaN, as psi.h promises (the glue never asks) */
  report("psi.drift.empty.psi", isnan(kl_psi_drift(KL_DRIFT_PSI, cp, cq, 2,
         1e-4)), "not NaN");
  report("psi.drift.empty.kl", isnan(kl_psi_drift(KL_DRIFT_KL, cq, cp, 2,
         1e-4)), "not NaN");
}

/* ------------------------------------------------------ core/sort.c */

/* total order of the doubles' bits (-0 before +0), then the index */
typedef struct sort_pair { double x; size_t i; } sort_pair;
static uint64_t sort_test_key(double d){
  uint64_t b;
  memcpy(&b, &d, sizeof b);
  return (b >> 63) ? ~b : b | ((uint64_t)1 << 63);
}
static int sort_test_cmp(const void *a, const void *b){
  const sort_pair *p = (const sort_pair*)a, *q = (const sort_pair*)b;
  uint64_t kp = sort_test_key(p->x), kq = sort_test_key(q->x);
  if( kp!=kq ) return kp<kq ? -1 : 1;
  return p->i<q->i ? -1 : p->i>q->i;
}
static int sort_test_same(double a, double b){ return memcmp(&a, &b, sizeof a)==0; }

/* values: 0 any finite double; 1 specials (-0, +0, subnormals, +-DBL_MAX,
** +-DBL_MIN) and their ties; 2 small whole numbers (many ties); 3 all */
static double sort_test_value(int mode){
  static const double sp[] = { 0.0, -0.0, 4.9406564584124654e-324,
    -4.9406564584124654e-324, 1.5e-323, -2.2250738585072009e-308,
    2.2250738585072009e-308, 2.2250738585072014e-308, -2.2250738585072014e-308,
    DBL_MAX, -DBL_MAX, 1.0, -1.0, 1e-300, -1e300 };
  if( mode==3 ) mode = (int)(rnd()%3);
  if( mode==0 ) return rnd_double();
  if( mode==1 ) return sp[rnd() % (sizeof sp/sizeof sp[0])];
  return (double)(int)(rnd()%21) - 10.0;
}

static void test_sort(void){
  static const size_t sizes[] = { 0, 1, 2, 3, 16, 17, 100, 1000,
    KL_SORT_RADIX_MIN-1, KL_SORT_RADIX_MIN, KL_SORT_RADIX_MIN+1, 100000 };
  size_t nmax = 100000, si, i;
  double *orig = (double*)malloc(nmax*sizeof(double));
  double *x = (double*)malloc(nmax*sizeof(double));
  double *w = (double*)malloc(nmax*sizeof(double));
  double *work = (double*)malloc(2*nmax*sizeof(double));
  sort_pair *ref = (sort_pair*)malloc(nmax*sizeof(sort_pair));
  unsigned char *seen = (unsigned char*)malloc(nmax);
  uint64_t keep = rng_state;
  int mode, road, bad[6] = {0, 0, 0, 0, 0, 0};
  char id[64], msg[160];
  rng_state = 0x5EED50F7ull;
  for(si=0; si<sizeof sizes/sizeof sizes[0]; si++) for(mode=0; mode<4; mode++){
    size_t n = sizes[si];
    for(i=0; i<n; i++){ orig[i] = sort_test_value(mode); ref[i].x = orig[i]; ref[i].i = i; }
    if( n ) qsort(ref, n, sizeof *ref, sort_test_cmp);
    /* road 0: kl_sort_radix; 1: kl_sort with work; 2: kl_sort without */
    for(road=0; road<3; road++){
      int weighted;
      for(weighted=0; weighted<2; weighted++){
        int ok = 1, exact = road==0 || (road==1 && n>=KL_SORT_RADIX_MIN);
        memcpy(x, orig, n*sizeof *x);
        for(i=0; i<n; i++) w[i] = (double)i;
        if( road==0 ) kl_sort_radix(x, weighted ? w : 0, n, work);
        else kl_sort(x, weighted ? w : 0, n, road==1 ? work : 0);
        memset(seen, 0, n);
        for(i=0; i<n && ok; i++){
          if( exact ){
            /* the radix sort: qsort's order exactly, stable */
            ok = sort_test_same(x[i], ref[i].x)
                 && (!weighted || w[i]==(double)ref[i].i);
          }else{
            /* in place: ascending under <, the same values as qsort's
            ** (-0 and +0 may trade places), each pair kept together */
            ok = x[i]==ref[i].x && (x[i]==0 || sort_test_same(x[i], ref[i].x));
            if( ok && weighted ){
              size_t j = (size_t)w[i];
              ok = w[i]>=0 && j<n && (double)j==w[i] && !seen[j]
                   && sort_test_same(x[i], orig[j]);
              if( ok ) seen[j] = 1;
            }
          }
        }
        if( !ok ){
          bad[road*2 + weighted]++;
          snprintf(msg, sizeof msg, "n=%lu mode=%d road=%d weighted=%d: index %lu",
                   (unsigned long)n, mode, road, weighted, (unsigned long)(i ? i-1 : 0));
          report("sort.case", 0, msg);
        }
      }
      /* the in-place road keeps the multiset: count the -0s */
      if( road==2 ){
        size_t nz0 = 0, nz1 = 0;
        memcpy(x, orig, n*sizeof *x);
        kl_sort(x, 0, n, 0);
        for(i=0; i<n; i++){
          if( sort_test_same(x[i], -0.0) ) nz1++;
          if( sort_test_same(orig[i], -0.0) ) nz0++;
        }
        if( nz0!=nz1 ){ bad[4]++; report("sort.zeros", 0, "the count of -0 changed"); }
      }
    }
  }
  for(road=0; road<3; road++){
    int weighted;
    for(weighted=0; weighted<2; weighted++){
      snprintf(id, sizeof id, "sort.%s%s", road==0 ? "radix" : road==1 ? "work" : "inplace",
               weighted ? ".weights" : "");
      report(id, bad[road*2 + weighted]==0, "see the cases above");
    }
  }
  report("sort.zeros_kept", bad[4]==0, "see above");
  rng_state = keep;
  free(orig); free(x); free(w); free(work); free(ref); free(seen);
}

int main(void){
  test_samples_core();
  test_discrete_fast();
  test_xsum();
  test_sum();
  test_log1pmx();
  test_parse();
  test_format();
  test_vectors();
  test_moments();
  test_mvn();
  test_ssq();
  test_lgamma_bregman();
  test_stream();
  test_jsonb();
  test_gauss_kernels();
  test_sort();
  return 0;
}
