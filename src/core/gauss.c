/*
** core/gauss.c — the Gaussian terms of sqlite-kl (see core/gauss.h): the
** kl_gauss kernel and the Gaussian family's terms.  No SQLite in here.
**
** Gaussian KL, per dimension, in nats:
**
**   KL = ln(s2/s1) + (s1^2 + (m1-m2)^2) / (2 s2^2) - 1/2
**      = f(r) + d^2/2,     r = s1/s2,  d = (m1-m2)/s2,
**   f(r) = (r^2 - 1)/2 - ln r  >= 0.
**
** f and d^2/2 are both non-negative, so the sum never cancels; all the care
** goes into f:
**   (1) r in [1/2, 2]: with x = (s1-s2)/s2 (s1-s2 is exact there, Sterbenz),
**       f = x^2/2 - log1pmx(x), a sum of two non-negative terms.  The naive
**       r - 1 - ln r form loses every digit when r is near 1.
**   (2) otherwise f = (r/2) r - 1/2 - ln r, where the terms differ enough
**       that at most two bits are lost; ln r is ln s1 - ln s2 when r itself
**       would underflow or overflow, so s1 = 1e-200, s2 = 1e200 stays finite.
** Nothing is squared before it is divided, so intermediates overflow only
** when the answer itself is larger than DBL_MAX.
*/
#include "gauss.h"
#include "port.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* ------------------------------------------------------------ Gaussian */

double kl_gauss_term(double mu1, double sd1, double mu2, double sd2){
  double dm = mu1 - mu2, d, q, r, f;
  if( isinf(dm) ){
    /* both means finite, their difference is not: halve, divide, double */
    d = 2.0*((0.5*mu1 - 0.5*mu2) / sd2);
  }else{
    d = dm / sd2;
  }
  q = (0.5*d)*d;
  r = sd1 / sd2;
  if( r >= 0.5 && r <= 2.0 ){
    double x = (sd1 - sd2) / sd2;
    f = 0.5*x*x - kl_log1pmx(x);
  }else{
    double lr;
    if( r > 1e-300 && r < 1e300 ) lr = log(r);
    else lr = log(sd1) - log(sd2);
    f = (0.5*r)*r - 0.5 - lr;
  }
  return f + q;
}

/*
** The fast kernel.  Per dimension, with inv = 1/sd2 (the one division),
** d = (mu1-mu2) inv, x = (sd1-sd2) inv and r = sd1 inv = 2^k m, m in
** [M0, 2 M0), M0 = 0.703125, and the bucket j of m (core/gauss_table.h,
** from tests/gen_gauss_table.py): c = KL_GT_C[j] ~ 1/m, e = 1 - c (exact),
**   y = c u - e,  u = x when k = 0 (x is accurate near r = 1), else m - 1,
** so that 1 + y = c m, ln m = -ln c + y - g, g = y^2 P(y) >= 0, |y| <= 2^-5,
** P of degree 8 (relative error below 2^-55), evaluated by Estrin's scheme
** (a dependency chain of 6 operations, not Horner's 16: perf showed the
** kernel bound by that chain's latency).  With S = x (x/2 + E):
**   k = 0:  E = e, f = S - NK + g,  NK = c - 1 - ln c >= 0 (0 where c = 1);
**           S and g are >= 0 and NK is below 2/3 of S: no cancellation
**   k != 0: E = 1 (S = (r^2 - 1)/2),
**           f = (S - k ln2_hi) - ((k ln2_lo - ln c) + y) + g
**           (r outside [M0, 2 M0), f > 0.09: loses at most 2 bits)
** both as  f = ((S - k ln2_hi) - ((k ln2_lo + V) + Y)) + g, with V = NK
** and Y = 0 where k = 0 (where the products with k are 0), V = -ln c and
** Y = y elsewhere; the term is f + d^2/2.  One division (the atanh form
** this replaces also needed (m-1)/(m+1)), 9 coefficients instead of 10,
** no branch.
**
** The terms of a chunk are added in 8 lanes (element i to lane i mod 8, in
** order), the lanes then as ((0+1)+(2+3))+((4+5)+(6+7)).  Three variants
** give the same bits: AVX-512 (8 lanes in one register), AVX2 (two
** registers of 4) and portable C (one element at a time), each doing the
** same IEEE operations in the same order (no FMA: the build uses
** -ffp-contract=off, and the intrinsics name no fused operation; selects
** are exact).  The variant is chosen once, when the library is loaded, from
** the CPU it runs on (ifunc), never from the build machine.  A last,
** partial vector is padded with (mu, sd) = (0, 1) on both sides, whose
** term is +0 exactly.
**
** A chunk is "bad" when some sd2 has its sign bit set, r's bits are
** outside those of [2^-1000, 2^1000] (which catches sd1 <= 0 against a
** positive sd2, zeros, infinities and NaN) or a term's bits are above
** those of 1.7e308 (infinities, NaN); the caller then recomputes the
** chunk carefully.
*/
#include "gauss_table.h"

#if defined(__x86_64__) && defined(__ELF__) && defined(__GNUC__) \
    && !defined(KL_NO_CLONES) && (defined(__clang__) || __GNUC__ >= 6)
# define KL_GAUSS_X86 1
# include <immintrin.h>
#else
# define KL_GAUSS_X86 0
#endif

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__==__ORDER_LITTLE_ENDIAN__
# define KL_GAUSS_LE 1
#else
# define KL_GAUSS_LE 0
#endif

#define KL_LN2_HI 6.93147180369123816490e-01   /* 0x3FE62E42FEE00000 */
#define KL_LN2_LO 1.90821492927058770002e-10
#define KL_GT_TWO52K 0x1.00000000003ffp+52     /* 2^52 + 1023 */
#define KL_GT_LOW52 0x000FFFFFFFFFFFFFull
#define KL_GT_MBASE (0x3FF0000000000000ull - KL_GT_SHIFT)  /* bits of M0 */
#define KL_GT_RLO 0x0170000000000000ull        /* bits of 2^-1000 */
#define KL_GT_RSPAN (0x7E70000000000000ull - KL_GT_RLO)  /* to 2^1000 */
#define KL_GT_MAXTERM 1.7e308
#define KL_GT_MAXBITS 0x7FEE42D130773B76ull    /* bits of 1.7e308 */

/* At most KL_GAUSS_CHUNK terms per kernel call. */
#define KL_GAUSS_CHUNK 256

static double lanes_total(const double *l){
  return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
}

static uint64_t dbits(double x){
  uint64_t b;
  memcpy(&b, &x, 8);
  return b;
}

static double bitsd(uint64_t b){
  double x;
  memcpy(&x, &b, 8);
  return x;
}

/* One term, the portable way; *bad |= 1 where the kernel's chunk is bad.
** The selects are products by 1 and 0 and sums with a zero: exact. */
static double gauss_one(double m1, double s1, double m2, double s2, int *bad){
  double inv = 1.0 / s2;
  double d = (m1 - m2) * inv;
  double x = (s1 - s2) * inv;
  double r = s1 * inv;
  uint64_t b = dbits(r), t = b + KL_GT_SHIFT, kb = t >> 52;
  unsigned j = (unsigned)(t >> 48) & 15;
  double kd = bitsd(kb | 0x4330000000000000ull) - KL_GT_TWO52K;
  double m = bitsd((t & KL_GT_LOW52) + KL_GT_MBASE);
  double nr = kb==1023 ? 1.0 : 0.0, fr = 1.0 - nr;
  double u = nr*x + fr*(m - 1.0);
  double c = KL_GT_C[j], e = 1.0 - c;
  double y = c*u - e, y2 = y*y, y4 = y2*y2, p, g, E, S, V, Y, f, term;
  /* Estrin's scheme: a short dependency chain, so that vectors overlap */
  p = ((KL_GT_P1*y + KL_GT_P0) + (KL_GT_P3*y + KL_GT_P2)*y2)
    + (((KL_GT_P5*y + KL_GT_P4) + (KL_GT_P7*y + KL_GT_P6)*y2)
       + KL_GT_P8*y4)*y4;
  g = y2*p;
  E = nr*e + fr;
  S = x*(0.5*x + E);
  V = nr*KL_GT_NK[j] + fr*KL_GT_LT[j];
  Y = fr*y;
  f = ((S - kd*KL_LN2_HI) - ((kd*KL_LN2_LO + V) + Y)) + g;
  term = f + (0.5*d)*d;
  *bad |= (int)(dbits(s2) >> 63) | ((b - KL_GT_RLO) > KL_GT_RSPAN)
        | (dbits(term) > KL_GT_MAXBITS);
  return term;
}

static double gauss_f32_at(const unsigned char *p, size_t i){
  uint32_t w;
  float v;
  if( KL_GAUSS_LE ){
    memcpy(&w, p + 4*i, 4);
  }else{
    const unsigned char *q = p + 4*i;
    w = (uint32_t)q[0] | (uint32_t)q[1]<<8 | (uint32_t)q[2]<<16
      | (uint32_t)q[3]<<24;
  }
  memcpy(&v, &w, 4);
  return v;
}

static double gauss_f64_portable(const double *mu1, const double *sd1,
                                 const double *mu2, const double *sd2,
                                 size_t n, int *bad){
  double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i;
  int b = 0;
  for(i=0; i<n; i++) lane[i & 7] += gauss_one(mu1[i], sd1[i], mu2[i], sd2[i], &b);
  *bad = b;
  return lanes_total(lane);
}

static double gauss_f32_portable(const unsigned char *mu1,
                                 const unsigned char *sd1,
                                 const unsigned char *mu2,
                                 const unsigned char *sd2,
                                 size_t n, int *bad){
  double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i;
  int b = 0;
  for(i=0; i<n; i++){
    lane[i & 7] += gauss_one(gauss_f32_at(mu1, i), gauss_f32_at(sd1, i), gauss_f32_at(mu2, i),
                             gauss_f32_at(sd2, i), &b);
  }
  *bad = b;
  return lanes_total(lane);
}

#if KL_GAUSS_X86
/* The last, partial vector of a chunk: its elements, padded with (0, 1). */
#define KL_TAIL8(AT)                                                     \
  double pm1[8] = {0,0,0,0,0,0,0,0}, ps1[8] = {1,1,1,1,1,1,1,1};        \
  double pm2[8] = {0,0,0,0,0,0,0,0}, ps2[8] = {1,1,1,1,1,1,1,1};        \
  size_t k;                                                              \
  for(k=0; i + k<n; k++){                                                \
    pm1[k] = AT(mu1, i + k); ps1[k] = AT(sd1, i + k);                    \
    pm2[k] = AT(mu2, i + k); ps2[k] = AT(sd2, i + k);                    \
  }
#define KL_AT_F64(p, i) (p)[i]

/* ------------------------------------------------------------- AVX-512 */
#define KL_AVX512 __attribute__((target("avx512f")))

typedef struct { __m512d c0, c1, l0, l1, k0, k1; } gt512;
typedef struct { __m512i sign, rmax, tmax; } bad512;

static KL_AVX512 inline __m512d gauss8(__m512d m1, __m512d s1, __m512d m2,
                                       __m512d s2, const gt512 *T,
                                       bad512 *bad){
  const __m512d one = _mm512_set1_pd(1.0), half = _mm512_set1_pd(0.5);
  __m512d inv = _mm512_div_pd(one, s2);
  __m512d d = _mm512_mul_pd(_mm512_sub_pd(m1, m2), inv);
  __m512d x = _mm512_mul_pd(_mm512_sub_pd(s1, s2), inv);
  __m512d r = _mm512_mul_pd(s1, inv);
  __m512i b = _mm512_castpd_si512(r);
  __m512i t = _mm512_add_epi64(b, _mm512_set1_epi64((long long)KL_GT_SHIFT));
  __m512i kb = _mm512_srli_epi64(t, 52);
  __m512i idx = _mm512_srli_epi64(t, 48);       /* vpermt2pd reads bits 0-3 */
  __mmask8 nr = _mm512_cmpeq_epi64_mask(kb, _mm512_set1_epi64(1023));
  __m512d kd = _mm512_sub_pd(_mm512_castsi512_pd(_mm512_or_si512(kb,
                  _mm512_set1_epi64(0x4330000000000000ll))),
                  _mm512_set1_pd(KL_GT_TWO52K));
  __m512d m = _mm512_castsi512_pd(_mm512_add_epi64(_mm512_and_si512(t,
                  _mm512_set1_epi64((long long)KL_GT_LOW52)),
                  _mm512_set1_epi64((long long)KL_GT_MBASE)));
  __m512d u = _mm512_mask_blend_pd(nr, _mm512_sub_pd(m, one), x);
  __m512d c = _mm512_permutex2var_pd(T->c0, idx, T->c1);
  __m512d e = _mm512_sub_pd(one, c);
  __m512d y = _mm512_sub_pd(_mm512_mul_pd(c, u), e);
  __m512d y2 = _mm512_mul_pd(y, y), y4 = _mm512_mul_pd(y2, y2);
  __m512d p, g, E, S, V, Y, f, term;
#define KL_E512(a, b) _mm512_add_pd(_mm512_mul_pd(_mm512_set1_pd(a), y), \
                                    _mm512_set1_pd(b))
  p = _mm512_add_pd(
        _mm512_add_pd(KL_E512(KL_GT_P1, KL_GT_P0),
                      _mm512_mul_pd(KL_E512(KL_GT_P3, KL_GT_P2), y2)),
        _mm512_mul_pd(_mm512_add_pd(
          _mm512_add_pd(KL_E512(KL_GT_P5, KL_GT_P4),
                        _mm512_mul_pd(KL_E512(KL_GT_P7, KL_GT_P6), y2)),
          _mm512_mul_pd(_mm512_set1_pd(KL_GT_P8), y4)), y4));
#undef KL_E512
  g = _mm512_mul_pd(y2, p);
  E = _mm512_mask_blend_pd(nr, one, e);
  S = _mm512_mul_pd(x, _mm512_add_pd(_mm512_mul_pd(half, x), E));
  V = _mm512_mask_blend_pd(nr, _mm512_permutex2var_pd(T->l0, idx, T->l1),
                           _mm512_permutex2var_pd(T->k0, idx, T->k1));
  Y = _mm512_maskz_mov_pd((__mmask8)~nr, y);
  f = _mm512_add_pd(_mm512_sub_pd(
        _mm512_sub_pd(S, _mm512_mul_pd(kd, _mm512_set1_pd(KL_LN2_HI))),
        _mm512_add_pd(_mm512_add_pd(_mm512_mul_pd(kd,
                        _mm512_set1_pd(KL_LN2_LO)), V), Y)), g);
  term = _mm512_add_pd(f, _mm512_mul_pd(_mm512_mul_pd(half, d), d));
  bad->sign = _mm512_or_si512(bad->sign, _mm512_castpd_si512(s2));
  bad->rmax = _mm512_max_epu64(bad->rmax, _mm512_sub_epi64(b,
                _mm512_set1_epi64((long long)KL_GT_RLO)));
  bad->tmax = _mm512_max_epu64(bad->tmax, _mm512_castpd_si512(term));
  return term;
}

static KL_AVX512 inline void gt512_init(gt512 *T, bad512 *B){
  T->c0 = _mm512_loadu_pd(KL_GT_C);   T->c1 = _mm512_loadu_pd(KL_GT_C + 8);
  T->l0 = _mm512_loadu_pd(KL_GT_LT);  T->l1 = _mm512_loadu_pd(KL_GT_LT + 8);
  T->k0 = _mm512_loadu_pd(KL_GT_NK);  T->k1 = _mm512_loadu_pd(KL_GT_NK + 8);
  B->sign = _mm512_setzero_si512();
  B->rmax = B->sign;
  B->tmax = B->sign;
}

static KL_AVX512 inline double gt512_done(__m512d acc, const bad512 *B,
                                          int *bad){
  double l[8];
  __mmask8 v = _mm512_cmplt_epi64_mask(B->sign, _mm512_setzero_si512())
             | _mm512_cmpgt_epu64_mask(B->rmax,
                 _mm512_set1_epi64((long long)KL_GT_RSPAN))
             | _mm512_cmpgt_epu64_mask(B->tmax,
                 _mm512_set1_epi64((long long)KL_GT_MAXBITS));
  _mm512_storeu_pd(l, acc);
  *bad = v!=0;
  return lanes_total(l);
}

static KL_AVX512 double gauss_f64_avx512(const double *mu1, const double *sd1,
                                         const double *mu2, const double *sd2,
                                         size_t n, int *bad){
  gt512 T;
  bad512 B;
  __m512d acc = _mm512_setzero_pd();
  size_t i;
  gt512_init(&T, &B);
  for(i=0; i + 8<=n; i+=8){
    acc = _mm512_add_pd(acc, gauss8(_mm512_loadu_pd(mu1 + i),
                                    _mm512_loadu_pd(sd1 + i),
                                    _mm512_loadu_pd(mu2 + i),
                                    _mm512_loadu_pd(sd2 + i), &T, &B));
  }
  if( i<n ){
    KL_TAIL8(KL_AT_F64)
    acc = _mm512_add_pd(acc, gauss8(_mm512_loadu_pd(pm1),
                                    _mm512_loadu_pd(ps1),
                                    _mm512_loadu_pd(pm2),
                                    _mm512_loadu_pd(ps2), &T, &B));
  }
  return gt512_done(acc, &B, bad);
}

#define KL_LOAD8F(p, i) \
  _mm512_cvtps_pd(_mm256_loadu_ps((const float*)(const void*)((p) + 4*(i))))

static KL_AVX512 double gauss_f32_avx512(const unsigned char *mu1,
                                         const unsigned char *sd1,
                                         const unsigned char *mu2,
                                         const unsigned char *sd2,
                                         size_t n, int *bad){
  gt512 T;
  bad512 B;
  __m512d acc = _mm512_setzero_pd();
  size_t i;
  gt512_init(&T, &B);
  for(i=0; i + 8<=n; i+=8){
    acc = _mm512_add_pd(acc, gauss8(KL_LOAD8F(mu1, i), KL_LOAD8F(sd1, i),
                                    KL_LOAD8F(mu2, i), KL_LOAD8F(sd2, i),
                                    &T, &B));
  }
  if( i<n ){
    KL_TAIL8(gauss_f32_at)
    acc = _mm512_add_pd(acc, gauss8(_mm512_loadu_pd(pm1),
                                    _mm512_loadu_pd(ps1),
                                    _mm512_loadu_pd(pm2),
                                    _mm512_loadu_pd(ps2), &T, &B));
  }
  return gt512_done(acc, &B, bad);
}

/* ---------------------------------------------------------------- AVX2 */
#define KL_AVX2 __attribute__((target("avx2")))

static KL_AVX2 inline __m256d gauss4(__m256d m1, __m256d s1, __m256d m2,
                                     __m256d s2, __m256i *bad){
  const __m256d one = _mm256_set1_pd(1.0), half = _mm256_set1_pd(0.5);
  const __m256i flip = _mm256_set1_epi64x((long long)0x8000000000000000ull);
  __m256d inv = _mm256_div_pd(one, s2);
  __m256d d = _mm256_mul_pd(_mm256_sub_pd(m1, m2), inv);
  __m256d x = _mm256_mul_pd(_mm256_sub_pd(s1, s2), inv);
  __m256d r = _mm256_mul_pd(s1, inv);
  __m256i b = _mm256_castpd_si256(r);
  __m256i t = _mm256_add_epi64(b, _mm256_set1_epi64x((long long)KL_GT_SHIFT));
  __m256i kb = _mm256_srli_epi64(t, 52);
  __m256i idx = _mm256_and_si256(_mm256_srli_epi64(t, 48),
                                 _mm256_set1_epi64x(15));
  __m256d nr = _mm256_castsi256_pd(_mm256_cmpeq_epi64(kb,
                 _mm256_set1_epi64x(1023)));
  __m256d kd = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(kb,
                  _mm256_set1_epi64x(0x4330000000000000ll))),
                  _mm256_set1_pd(KL_GT_TWO52K));
  __m256d m = _mm256_castsi256_pd(_mm256_add_epi64(_mm256_and_si256(t,
                  _mm256_set1_epi64x((long long)KL_GT_LOW52)),
                  _mm256_set1_epi64x((long long)KL_GT_MBASE)));
  __m256d u = _mm256_blendv_pd(_mm256_sub_pd(m, one), x, nr);
  __m256d c = _mm256_i64gather_pd(KL_GT_C, idx, 8);
  __m256d e = _mm256_sub_pd(one, c);
  __m256d y = _mm256_sub_pd(_mm256_mul_pd(c, u), e);
  __m256d y2 = _mm256_mul_pd(y, y), y4 = _mm256_mul_pd(y2, y2);
  __m256d p, g, E, S, V, Y, f, term;
  __m256i rb, tb;
#define KL_E256(a, b) _mm256_add_pd(_mm256_mul_pd(_mm256_set1_pd(a), y), \
                                    _mm256_set1_pd(b))
  p = _mm256_add_pd(
        _mm256_add_pd(KL_E256(KL_GT_P1, KL_GT_P0),
                      _mm256_mul_pd(KL_E256(KL_GT_P3, KL_GT_P2), y2)),
        _mm256_mul_pd(_mm256_add_pd(
          _mm256_add_pd(KL_E256(KL_GT_P5, KL_GT_P4),
                        _mm256_mul_pd(KL_E256(KL_GT_P7, KL_GT_P6), y2)),
          _mm256_mul_pd(_mm256_set1_pd(KL_GT_P8), y4)), y4));
#undef KL_E256
  g = _mm256_mul_pd(y2, p);
  E = _mm256_blendv_pd(one, e, nr);
  S = _mm256_mul_pd(x, _mm256_add_pd(_mm256_mul_pd(half, x), E));
  V = _mm256_blendv_pd(_mm256_i64gather_pd(KL_GT_LT, idx, 8),
                       _mm256_i64gather_pd(KL_GT_NK, idx, 8), nr);
  Y = _mm256_andnot_pd(nr, y);
  f = _mm256_add_pd(_mm256_sub_pd(
        _mm256_sub_pd(S, _mm256_mul_pd(kd, _mm256_set1_pd(KL_LN2_HI))),
        _mm256_add_pd(_mm256_add_pd(_mm256_mul_pd(kd,
                        _mm256_set1_pd(KL_LN2_LO)), V), Y)), g);
  term = _mm256_add_pd(f, _mm256_mul_pd(_mm256_mul_pd(half, d), d));
  /* unsigned compares as signed ones with the sign bit flipped */
  rb = _mm256_cmpgt_epi64(_mm256_xor_si256(_mm256_sub_epi64(b,
         _mm256_set1_epi64x((long long)KL_GT_RLO)), flip),
         _mm256_set1_epi64x((long long)(KL_GT_RSPAN ^ 0x8000000000000000ull)));
  tb = _mm256_cmpgt_epi64(_mm256_xor_si256(_mm256_castpd_si256(term), flip),
         _mm256_set1_epi64x((long long)(KL_GT_MAXBITS ^ 0x8000000000000000ull)));
  *bad = _mm256_or_si256(*bad, _mm256_or_si256(_mm256_castpd_si256(s2),
                                               _mm256_or_si256(rb, tb)));
  return term;
}

static KL_AVX2 inline double gt256_done(__m256d a0, __m256d a1, __m256i b,
                                        int *bad){
  double l[8];
  _mm256_storeu_pd(l, a0);
  _mm256_storeu_pd(l + 4, a1);
  *bad = _mm256_movemask_pd(_mm256_castsi256_pd(b))!=0;
  return lanes_total(l);
}

static KL_AVX2 double gauss_f64_avx2(const double *mu1, const double *sd1,
                                     const double *mu2, const double *sd2,
                                     size_t n, int *bad){
  __m256d a0 = _mm256_setzero_pd(), a1 = a0;
  __m256i b = _mm256_setzero_si256();
  size_t i;
  for(i=0; i + 8<=n; i+=8){
    a0 = _mm256_add_pd(a0, gauss4(_mm256_loadu_pd(mu1 + i),
                                  _mm256_loadu_pd(sd1 + i),
                                  _mm256_loadu_pd(mu2 + i),
                                  _mm256_loadu_pd(sd2 + i), &b));
    a1 = _mm256_add_pd(a1, gauss4(_mm256_loadu_pd(mu1 + i + 4),
                                  _mm256_loadu_pd(sd1 + i + 4),
                                  _mm256_loadu_pd(mu2 + i + 4),
                                  _mm256_loadu_pd(sd2 + i + 4), &b));
  }
  if( i<n ){
    KL_TAIL8(KL_AT_F64)
    a0 = _mm256_add_pd(a0, gauss4(_mm256_loadu_pd(pm1), _mm256_loadu_pd(ps1),
                                  _mm256_loadu_pd(pm2), _mm256_loadu_pd(ps2),
                                  &b));
    a1 = _mm256_add_pd(a1, gauss4(_mm256_loadu_pd(pm1 + 4),
                                  _mm256_loadu_pd(ps1 + 4),
                                  _mm256_loadu_pd(pm2 + 4),
                                  _mm256_loadu_pd(ps2 + 4), &b));
  }
  return gt256_done(a0, a1, b, bad);
}

#define KL_LOAD4F(p, i) \
  _mm256_cvtps_pd(_mm_loadu_ps((const float*)(const void*)((p) + 4*(i))))

static KL_AVX2 double gauss_f32_avx2(const unsigned char *mu1,
                                     const unsigned char *sd1,
                                     const unsigned char *mu2,
                                     const unsigned char *sd2,
                                     size_t n, int *bad){
  __m256d a0 = _mm256_setzero_pd(), a1 = a0;
  __m256i b = _mm256_setzero_si256();
  size_t i;
  for(i=0; i + 8<=n; i+=8){
    a0 = _mm256_add_pd(a0, gauss4(KL_LOAD4F(mu1, i), KL_LOAD4F(sd1, i),
                                  KL_LOAD4F(mu2, i), KL_LOAD4F(sd2, i), &b));
    a1 = _mm256_add_pd(a1, gauss4(KL_LOAD4F(mu1, i + 4), KL_LOAD4F(sd1, i + 4),
                                  KL_LOAD4F(mu2, i + 4), KL_LOAD4F(sd2, i + 4),
                                  &b));
  }
  if( i<n ){
    KL_TAIL8(gauss_f32_at)
    a0 = _mm256_add_pd(a0, gauss4(_mm256_loadu_pd(pm1), _mm256_loadu_pd(ps1),
                                  _mm256_loadu_pd(pm2), _mm256_loadu_pd(ps2),
                                  &b));
    a1 = _mm256_add_pd(a1, gauss4(_mm256_loadu_pd(pm1 + 4),
                                  _mm256_loadu_pd(ps1 + 4),
                                  _mm256_loadu_pd(pm2 + 4),
                                  _mm256_loadu_pd(ps2 + 4), &b));
  }
  return gt256_done(a0, a1, b, bad);
}
#endif /* KL_GAUSS_X86 */

/* ------------------------------------------------------------ dispatch */

static const kl_gauss_kernel gauss_kernels[] = {
  { "portable", gauss_f64_portable, gauss_f32_portable },
#if KL_GAUSS_X86
  { "avx2", gauss_f64_avx2, gauss_f32_avx2 },
  { "avx512f", gauss_f64_avx512, gauss_f32_avx512 },
#endif
};

/* The resolvers (and what they call) run while the program is being
** relocated, before any sanitizer's runtime is up: not instrumented. */
#if defined(__has_attribute)
# if __has_attribute(no_sanitize)
#  define KL_RESOLVER __attribute__((no_sanitize("address", "undefined")))
# endif
#endif
#ifndef KL_RESOLVER
# define KL_RESOLVER
#endif

/* The best variant this CPU runs: 0 portable, 1 AVX2, 2 AVX-512. */
static KL_RESOLVER int gauss_best(void){
#if KL_GAUSS_X86
  int a512, a2;
  __builtin_cpu_init();
  a512 = __builtin_cpu_supports("avx512f")!=0;
  a2 = __builtin_cpu_supports("avx2")!=0;
  return 2*a512 + (a2 & !a512);
#else
  return 0;
#endif
}

int kl_gauss_kernels(const kl_gauss_kernel **list){
  *list = gauss_kernels;
  return gauss_best() + 1;
}

#if KL_GAUSS_X86
/* Resolved once, when the library is loaded (ifunc), as target_clones
** are.  The resolvers name the functions directly (on the stack): no data
** that needs relocating is read before relocation is done. */
__attribute__((used))
static KL_RESOLVER kl_gauss_f64_fn gauss_f64_resolve(void){
  kl_gauss_f64_fn f[3];
  f[0] = gauss_f64_portable; f[1] = gauss_f64_avx2; f[2] = gauss_f64_avx512;
  return f[gauss_best()];
}
__attribute__((used))
static KL_RESOLVER kl_gauss_f32_fn gauss_f32_resolve(void){
  kl_gauss_f32_fn f[3];
  f[0] = gauss_f32_portable; f[1] = gauss_f32_avx2; f[2] = gauss_f32_avx512;
  return f[gauss_best()];
}
static double gauss_f64(const double *, const double *, const double *,
                        const double *, size_t, int *)
  __attribute__((ifunc("gauss_f64_resolve")));
static double gauss_f32(const unsigned char *, const unsigned char *,
                        const unsigned char *, const unsigned char *,
                        size_t, int *)
  __attribute__((ifunc("gauss_f32_resolve")));
#else
# define gauss_f64 gauss_f64_portable
# define gauss_f32 gauss_f32_portable
#endif

/* A bad chunk again, one term at a time (the same bits), with
** kl_gauss_term() where the kernel's term cannot be trusted; its sum in the
** kernels' order.  Returns nonzero if some sd is not > 0. */
static int gauss_fix(const double *mu1, const double *sd1, const double *mu2,
                     const double *sd2, size_t n, double *sum){
  double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i;
  for(i=0; i<n; i++){
    int bad = 0;
    double t;
    if( !(sd1[i] > 0.0) || !(sd2[i] > 0.0) ) return 1;
    t = gauss_one(mu1[i], sd1[i], mu2[i], sd2[i], &bad);
    if( bad ) t = kl_gauss_term(mu1[i], sd1[i], mu2[i], sd2[i]);
    lane[i & 7] += t;
  }
  *sum = lanes_total(lane);
  return 0;
}

/* A chunk of fewer than 8 terms (less than one vector): term by term with
** kl_gauss_term(), as a row of the long format is; the kernels' order. */
static int gauss_short(const double *mu1, const double *sd1, const double *mu2,
                       const double *sd2, size_t n, double *sum){
  double lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i;
  int bad = 0;
  for(i=0; i<n; i++){
    /* every element finite, the sds > 0; the terms of others unused */
    bad |= !(sd1[i] > 0.0) | !(sd1[i] <= DBL_MAX) | !(sd2[i] > 0.0)
         | !(sd2[i] <= DBL_MAX) | !(fabs(mu1[i]) <= DBL_MAX)
         | !(fabs(mu2[i]) <= DBL_MAX);
    lane[i] = kl_gauss_term(mu1[i], sd1[i], mu2[i], sd2[i]);
  }
  *sum = lanes_total(lane);
  return bad;
}

int kl_gauss_accum(const double *mu1, const double *sd1, const double *mu2,
                   const double *sd2, size_t n, kl_sum *acc){
  while( n>0 ){
    size_t m = n < KL_GAUSS_CHUNK ? n : KL_GAUSS_CHUNK;
    int bad;
    double s;
    if( m<8 ){
      if( gauss_short(mu1, sd1, mu2, sd2, m, &s) ) return 1;
      kl_sum_add(acc, s);
      break;
    }
    s = gauss_f64(mu1, sd1, mu2, sd2, m, &bad);
    if( bad && gauss_fix(mu1, sd1, mu2, sd2, m, &s) ) return 1;
    kl_sum_add(acc, s);
    mu1 += m; sd1 += m; mu2 += m; sd2 += m;
    n -= m;
  }
  return 0;
}

int kl_gauss_accum_f32(const void *mu1, const void *sd1, const void *mu2,
                       const void *sd2, size_t n, kl_sum *acc){
  const unsigned char *a = (const unsigned char*)mu1;
  const unsigned char *b = (const unsigned char*)sd1;
  const unsigned char *c = (const unsigned char*)mu2;
  const unsigned char *d = (const unsigned char*)sd2;
  while( n>0 ){
    size_t m = n < KL_GAUSS_CHUNK ? n : KL_GAUSS_CHUNK;
    int bad;
    double s;
    if( m<8 ){
      double v[4][8];
      size_t i;
      for(i=0; i<m; i++){
        v[0][i] = gauss_f32_at(a, i); v[1][i] = gauss_f32_at(b, i);
        v[2][i] = gauss_f32_at(c, i); v[3][i] = gauss_f32_at(d, i);
      }
      if( gauss_short(v[0], v[1], v[2], v[3], m, &s) ) return 1;
      kl_sum_add(acc, s);
      break;
    }
    s = gauss_f32(a, b, c, d, m, &bad);
    if( bad ) return 1;
    kl_sum_add(acc, s);
    a += 4*m; b += 4*m; c += 4*m; d += 4*m;
    n -= m;
  }
  return 0;
}

/* ------------------------------------------------------ Gaussian family */

/*
** mu1 - mu2 over the scale s > 0, also when the difference of the two
** finite means overflows (halve, divide, double).
*/
static double mean_gap(double mu1, double mu2, double s){
  double dm = mu1 - mu2;
  if( isinf(dm) ) return 2.0*((0.5*mu1 - 0.5*mu2) / s);
  return dm / s;
}

/*
** Variances: with v = var1/var2, f = (v - 1 - ln v)/2.  Near v = 1,
** x = (var1 - var2)/var2 is exact in its numerator (Sterbenz) and
** f = -log1pmx(x)/2 keeps every digit.  The mean term divides by
** sqrt(var2), which is correctly rounded and cannot overflow.
*/
double kl_gauss_var_term(double mu1, double var1, double mu2, double var2){
  double d = mean_gap(mu1, mu2, sqrt(var2)), v = var1 / var2, f;
  if( v >= 0.5 && v <= 2.0 ){
    f = -0.5*kl_log1pmx((var1 - var2) / var2);
  }else{
    double h = isinf(v) ? (0.5*var1) / var2 : 0.5*v, lv;
    if( v > 1e-300 && v < 1e300 ) lv = log(v);
    else lv = log(var1) - log(var2);
    f = (h - 0.5) - 0.5*lv;
  }
  return f + (0.5*d)*d;
}



/* x * e^h without overflow in e^h where the product is a double. */
static double mul_exp(double x, double h){
  double k, r;
  if( fabs(h) < 700.0 ) return x*exp(h);
  if( h > 3000.0 ) h = 3000.0;
  if( h < -3000.0 ) h = -3000.0;
  k = nearbyint(h / KL_LN2);
  r = (h - k*KL_LN2_HI) - k*KL_LN2_LO;
  return ldexp(x*exp(r), (int)k);
}

/*
** Log-variances l1, l2: with delta = l1 - l2 (kept as a double-double, so
** its rounding does not cost digits when e^delta is large),
**   f = (e^delta - 1 - delta) / 2,
** and the mean term (mu1-mu2)^2 e^-l2 / 2 = (w^2)/2, w = (mu1-mu2) e^(-l2/2),
** where e^(-l2/2) is scaled by a power of two before it could overflow.
*/
double kl_gauss_logvar_term(double mu1, double lv1, double mu2, double lv2){
  double dh = lv1 - lv2, dl, f, w, dm;
  /* two-sum: lv1 - lv2 = dh + dl exactly */
  {
    double bv = dh - lv1, av = dh - bv;
    dl = (lv1 - av) + (-lv2 - bv);
  }
  if( isinf(dh) && dh < 0.0 ){
    /* delta below -DBL_MAX: f = (-1 - delta)/2 at half scale, finite */
    f = (0.5*lv2 - 0.5*lv1) - 0.5;
  }else if( dh > 1500.0 ){
    /* e^delta / 2 or -delta / 2 beyond DBL_MAX.  (Above 2^53 dl is no
    ** longer small against 1, so e^delta is not e^dh (1 + dl) there.) */
    f = INFINITY;
  }else if( fabs(dh) <= 1.0 ){
    f = 0.5*(kl_expm1mx(dh) + dl*expm1(dh));
  }else if( dh > 700.0 ){
    double e = exp(0.5*dh);
    f = (0.5*e)*e*(1.0 + dl) - 0.5*(1.0 + dh);
  }else{
    double e = exp(dh);
    f = 0.5*(((e - 1.0) - dh) + (e - 1.0)*dl);
  }
  dm = mu1 - mu2;
  if( isinf(dm) ){
    w = 2.0*mul_exp(0.5*mu1 - 0.5*mu2, -0.5*lv2);
  }else{
    w = mul_exp(dm, -0.5*lv2);
  }
  return f + (0.5*w)*w;
}

/*
** Jeffreys divergence: with r = sd1/sd2, f(r) + f(1/r) = (r - 1/r)^2 / 2,
** and r - 1/r = x + y for x = (sd1-sd2)/sd2, y = (sd1-sd2)/sd1, two numbers
** of the same sign (no cancellation).  The means add
** (d^2/sd1^2 + d^2/sd2^2) / 2.
*/
double kl_gauss_sym_term(double mu1, double sd1, double mu2, double sd2){
  double ds = sd1 - sd2, g = ds/sd2 + ds/sd1;
  double d1 = mean_gap(mu1, mu2, sd1), d2 = mean_gap(mu1, mu2, sd2);
  return (0.5*g)*g + ((0.5*d1)*d1 + (0.5*d2)*d2);
}

/*
** Bhattacharyya distance of two normals:
**   (mu1-mu2)^2 / (4 (sd1^2 + sd2^2)) + ln((sd1^2 + sd2^2) / (2 sd1 sd2))/2.
** The log's argument is 1 + u with u = (sd1-sd2)^2 / (2 sd1 sd2)
** = x y / 2 (x, y as above), so log1p keeps its digits near sd1 = sd2; for
** ratios beyond 1e150 it is |ln sd1 - ln sd2| - ln 2 to double precision.
** The mean term is scaled by the larger sd.
*/
double kl_bhatt_gauss_term(double mu1, double sd1, double mu2, double sd2){
  double ds = sd1 - sd2, x = ds/sd2, y = ds/sd1, hi, lo, t, rho, lt;
  if( fabs(x) < 1e150 && fabs(y) < 1e150 ){
    lt = log1p(0.5*x*y);
  }else{
    lt = fabs(log(sd1) - log(sd2)) - KL_LN2;
  }
  hi = sd1 > sd2 ? sd1 : sd2;
  lo = sd1 > sd2 ? sd2 : sd1;
  t = mean_gap(mu1, mu2, hi);
  rho = lo / hi;
  return ((0.25*t)*t) / (1.0 + rho*rho) + 0.5*lt;
}

/*
** The Bhattacharyya term times 2^1200, for terms below 2^-900 (where
** log1p(u) = u to the last bit): the Hellinger distance sqrt(B) of
** distributions that close is far above the range where B underflows.
** x y and t^2 are formed from x, y, t scaled by 2^600 (exact).
*/
double kl_bhatt_gauss_tiny(const double *p){
  double mu1 = p[0], sd1 = p[1], mu2 = p[2], sd2 = p[3];
  double ds = sd1 - sd2, x = ldexp(ds/sd2, 600), y = ldexp(ds/sd1, 600);
  double hi = sd1 > sd2 ? sd1 : sd2, lo = sd1 > sd2 ? sd2 : sd1;
  double t = ldexp(mean_gap(mu1, mu2, hi), 600), rho = lo / hi;
  return ((0.25*t)*t) / (1.0 + rho*rho) + 0.25*x*y;
}

/* ------------------------------------------------ array forms (catalogue) */
/* The terms over (mu1, s1, mu2, s2) in call order, the form the catalogue
** (src/catalogue.h) names. */
double kl_gauss_kl(const double *x){
  return kl_gauss_term(x[0], x[1], x[2], x[3]);
}
double kl_gauss_var_kl(const double *x){
  return kl_gauss_var_term(x[0], x[1], x[2], x[3]);
}
double kl_gauss_logvar_kl(const double *x){
  return kl_gauss_logvar_term(x[0], x[1], x[2], x[3]);
}
double kl_gauss_sym_kl(const double *x){
  return kl_gauss_sym_term(x[0], x[1], x[2], x[3]);
}
double kl_bhatt_gauss_kl(const double *x){
  return kl_bhatt_gauss_term(x[0], x[1], x[2], x[3]);
}
double kl_halfnormal_kl(const double *x){
  return kl_gauss_term(0.0, x[0], 0.0, x[1]);
}
