/*
** core/port.h — compiler hints shared by the pure C files.
**
** KL_VECTORIZE asks GCC to vectorise a loop-heavy function also at -O2
** (GCC 12's -O2 cost model is too cautious for these kernels); Clang
** vectorises them at -O2 already.
*/
#ifndef KL_PORT_H
#define KL_PORT_H

#if defined(__GNUC__) && !defined(__clang__)
# define KL_VECTORIZE __attribute__((optimize("tree-vectorize", \
                                              "vect-cost-model=dynamic")))
#else
# define KL_VECTORIZE
#endif

/*
** KL_KERNEL: KL_VECTORIZE for a branch-free kernel that selects between
** results computed on every lane.  GCC sinks a computation used on one
** side of a select into a branch, and under its default
** -ftrapping-math cannot hoist it back (a product "could trap"), so the
** loop is not vectorised for AVX2 or the baseline.  no-trapping-math
** allows it; it changes no rounding (no value-changing optimisation
** comes with it: those are -fassociative-math and friends), and nothing
** here reads the floating-point exception flags.
*/
#if defined(__GNUC__) && !defined(__clang__)
# define KL_KERNEL __attribute__((optimize("tree-vectorize", \
                                           "vect-cost-model=dynamic", \
                                           "no-trapping-math")))
#else
# define KL_KERNEL
#endif

/*
** KL_INLINE: a kernel's body, written once and inlined into each variant
** (a narrow and a wide one, say), where the compiler vectorises it.
*/
#if defined(__GNUC__)
# define KL_INLINE static inline __attribute__((always_inline))
#else
# define KL_INLINE static inline
#endif

/*
** KL_CLONES compiles a kernel for AVX-512, AVX2 and the baseline, and picks
** the variant at run time from the CPU the code runs on (GCC's or Clang's
** target_clones on x86-64 ELF), never from the build machine.  The build
** uses -ffp-contract=off and the kernels call no fma(), so every variant
** rounds exactly as the portable one: the same bits everywhere.
** -DKL_NO_CLONES builds the portable variant only (ThreadSanitizer's
** runtime cannot serve the dispatch); so does -DKL_ONE_CLONE, which the
** coverage build uses (only one clone can run on the machine that
** measures, and the others are the same source).  Other targets (aarch64,
** Windows and macOS, which are not ELF, 32-bit x86) build the portable
** variant only, with no run-time choice: there KL_CLONES is empty, and
** gauss.c's own ifunc dispatch is compiled out by the same test.
*/
#if defined(__x86_64__) && defined(__ELF__) && defined(__GNUC__) \
    && !defined(KL_NO_CLONES) && !defined(KL_ONE_CLONE) \
    && (defined(__clang__) || __GNUC__ >= 6)
# define KL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
# define KL_CLONES
#endif

/*
** KL_FMA(x, y, z): x*y + z rounded once.  The double-double steps (exact
** product errors, fma(a, b, -a*b)) need it exact.  glibc's, musl's, the
** BSDs', macOS's and MSVC's UCRT fma() are; mingw-w64's (its libmingwex,
** which the msvcrt and the UCRT toolchains both link) rounds through an
** x87 long double, 64 bits, and gets about one product error in twenty
** wrong (tests/cross.sh found it, under wine).  So mingw-w64 builds use
** kl_fma_soft below, integer arithmetic that rounds once, to nearest-even;
** tests/unit_core.c compares it with glibc's fma() bit for bit (on Linux it
** is compiled for that test only, -DKL_SOFT_FMA), and the suite runs on it
** under wine (make test-cross).
*/
#if (defined(__MINGW32__) || defined(KL_SOFT_FMA)) && defined(__SIZEOF_INT128__)
# include <math.h>
# include <stdint.h>
# include <string.h>
# define KL_FMA(x, y, z) kl_fma_soft(x, y, z)

/* |x| = *m 2^*e with *m an integer below 2^53, for finite nonzero x */
static inline void kl_fma_split(double x, uint64_t *m, int *e){
  uint64_t b;
  memcpy(&b, &x, sizeof b);
  *e = (int)((b >> 52) & 0x7ff);
  *m = b & 0xFFFFFFFFFFFFFull;
  if( *e==0 ) *e = 1; else *m |= 1ull << 52;
  *e -= 1075;
}

/* the index of the leading one of v != 0 */
static inline int kl_fma_top(unsigned __int128 v){
  uint64_t hi = (uint64_t)(v >> 64);
  return hi ? 127 - __builtin_clzll(hi) : 63 - __builtin_clzll((uint64_t)v);
}

/* v 2^-s with the bits shifted out or-ed into bit 0 (sticky) */
static inline unsigned __int128 kl_fma_shr(unsigned __int128 v, int s){
  if( s<=0 ) return v;
  if( s>=128 ) return v!=0;
  return (v >> s) | ((v & ((((unsigned __int128)1) << s) - 1))!=0);
}

static inline double kl_fma_soft(double x, double y, double z){
  uint64_t mx, my, mz;
  int ex, ey, ez, ep, sp, sz, t, e, drop;
  unsigned __int128 P, Z, R, half, rest;
  uint64_t q;
  double r;
  if( !isfinite(x) || !isfinite(y) ) return x*y + z;
  if( !isfinite(z) ) return z;             /* x y is finite, if not x*y */
  if( x==0.0 || y==0.0 ) return x*y + z;   /* an exact signed zero + z */
  if( z==0.0 ) return x*y;                 /* x y rounded once */
  kl_fma_split(x, &mx, &ex);
  kl_fma_split(y, &my, &ey);
  kl_fma_split(z, &mz, &ez);
  sp = signbit(x)!=signbit(y);
  sz = signbit(z)!=0;
  /* both with their leading one at bit 125 (room for a carry) */
  P = (unsigned __int128)mx * my;
  ep = ex + ey;
  t = 125 - kl_fma_top(P); P <<= t; ep -= t;
  Z = mz;
  t = 125 - kl_fma_top(Z); Z <<= t; ez -= t;
  if( ep >= ez ){ Z = kl_fma_shr(Z, ep - ez); e = ep; }
  else{ P = kl_fma_shr(P, ez - ep); e = ez; }
  if( sp==sz ){
    R = P + Z;
  }else if( P >= Z ){
    R = P - Z;
  }else{
    R = Z - P;
    sp = sz;
  }
  if( R==0 ) return 0.0;                   /* exact cancellation: +0 */
  /* |result| = R 2^e; keep 53 bits, fewer where it is subnormal */
  t = kl_fma_top(R);
  drop = t - 52;
  if( e + drop < -1074 ) drop = -1074 - e; /* the subnormal grid */
  if( drop > 0 ){
    half = ((unsigned __int128)1) << (drop - 1);
    rest = R & ((((unsigned __int128)1) << drop) - 1);
    q = (uint64_t)(R >> drop);
    if( rest > half || (rest==half && (q & 1)) ) q++;
  }else{
    q = (uint64_t)R << -drop;              /* exact: R < 2^53 */
  }
  r = ldexp((double)q, e + drop);          /* exact, or an overflow to Inf */
  return sp ? -r : r;
}
#elif defined(__MINGW32__)
# error "mingw-w64 without __int128 (32-bit): its fma() is not exact and kl_fma_soft needs __int128; build for x86-64"
#else
# define KL_FMA(x, y, z) fma(x, y, z)
#endif

#endif /* KL_PORT_H */
