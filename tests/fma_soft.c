/*
** fma_soft.c — kl_fma_soft (core/port.h: mingw-w64 builds use it, as
** their C runtime's fma() is not exact) against the C library's fma(),
** bit for bit, on the build machine (glibc's is exact).  Inputs: random
** doubles of every exponent, subnormals, products that cancel z to the
** last bit, ties, overflow and underflow.  Prints "ok fma_soft.NAME" or
** "FAIL fma_soft.NAME: ..." (tests/cross.sh runs it).
*/
#define KL_SOFT_FMA 1
#include "port.h"

#include <float.h>
#include <stdio.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void){
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return rng;
}
/* a double with random bits, or of a random exponent in [lo, hi] */
static double any(void){
  uint64_t b = next();
  double x;
  memcpy(&x, &b, sizeof x);
  return isfinite(x) ? x : 1.5;
}
static double near(int lo, int hi){
  double m = 1.0 + (double)(next() >> 11) * 0x1p-53;
  int e = lo + (int)(next() % (uint64_t)(hi - lo + 1));
  return (next() & 1) ? -ldexp(m, e) : ldexp(m, e);
}

static long bad;
static void one(double x, double y, double z){
  double a = kl_fma_soft(x, y, z), b = fma(x, y, z);
  if( memcmp(&a, &b, sizeof a)!=0 && !(isnan(a) && isnan(b)) ){
    if( bad < 3 ) printf("# fma(%a, %a, %a): %a, want %a\n", x, y, z, a, b);
    bad++;
  }
}

static void report(const char *name, long n){
  if( bad==0 ) printf("ok fma_soft.%s\n", name);
  else printf("FAIL fma_soft.%s: %ld of %ld differ\n", name, bad, n);
  bad = 0;
}

int main(void){
  long i, n = 1000000;
  for(i=0; i<n; i++) one(any(), any(), any());
  report("random-bits", n);
  for(i=0; i<n; i++) one(near(-60, 60), near(-60, 60), near(-125, 125));
  report("near-one", n);
  for(i=0; i<n; i++){                    /* product errors: z = -RN(xy) */
    double x = near(-600, 600), y = near(-600, 600);
    one(x, y, -(x*y));
    one(x, y, -nextafter(x*y, 0.0));     /* cancelling but for an ulp */
    one(x, y, -nextafter(x*y, 2.0*x*y));
  }
  report("product-error", 3*n);
  for(i=0; i<n; i++){                    /* results near and below DBL_MIN */
    double x = near(-560, -480), y = near(-560, -480);
    one(x, y, near(-1074, -1000));
    one(x, y, -(x*y));
  }
  report("subnormal", 2*n);
  for(i=0; i<n; i++){                    /* near overflow */
    double x = near(500, 520), y = near(500, 523);
    one(x, y, near(1000, 1023));
  }
  report("overflow", n);
  for(i=0; i<n; i++){                    /* ties: xy = z + half an ulp */
    double x = 1.0 + (double)(next() >> 38) * 0x1p-26, y = 1.0 + 0x1p-27;
    one(x, y, -x);
    one(x, y, (next() & 1) ? 1e-300 : -1e-300);
  }
  report("ties", 2*n);
  {
    static const double sp[] = { 0.0, -0.0, 1.0, -1.0, DBL_MIN, DBL_MAX,
      -DBL_MAX, 5e-324, -5e-324, 0x1p-1022, 0x1.fffffffffffffp-1,
      0x1.0000000000001p0 };
    double inf = INFINITY;
    size_t a, b, c, m = sizeof sp / sizeof sp[0];
    for(a=0; a<m; a++) for(b=0; b<m; b++) for(c=0; c<m; c++)
      one(sp[a], sp[b], sp[c]);
    one(inf, 0.0, 1.0); one(inf, 1.0, -inf); one(1.0, 2.0, NAN);
    one(DBL_MAX, 2.0, -DBL_MAX); one(-inf, -1.0, 3.0);
    report("special", (long)(m*m*m) + 5);
  }
  return 0;
}
