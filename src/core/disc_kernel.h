/*
** core/disc_kernel.h — one variant of the fast discrete kernels, included
** by core/discrete.c once per variant (no include guard), with
**   DK_NAME   the function's name
**   DK_KIND   DK_KL, DK_JS or DK_XENT: the term (see discrete.c)
**   DK_F32    1: the weights are float32 blobs read in place; 0: doubles
**   DK_CLEAN  1: no weight is 0 or needs the careful term, and the totals
**             are doubles (Ps.lo = Qs.lo = 0): kl_fast's clean flags say so
**   DK_LO     1: doubles against totals with low parts (k.lo), whose
**             products enter the cross difference exactly
** The variants differ by preprocessor, not by branches on constants, so
** that every branch left is a choice made per bin (and each is tested).
**
** The function computes the terms of n <= DISC_BLOCK bins into out and
** their sum (block_sum) into *sum, and returns nonzero if some bin needs
** the careful term (then out and *sum are to be made again): bit 0 for
** bins too small for the kernel (hard_bin(); float32 weights never are,
** see kl_fast_accum_f32, so their variants do not look), bit 1 for a bin
** of KL or JS so nearly equal (|s| < 2^-51) that the cross difference
** needs the careful term's exact form (float32 weights with clean totals
** have it exact already): the whole chunk is then remade.
*/

KL_CLONES KL_KERNEL
static int DK_NAME(kl_fast_k k, const void *restrict pv,
                   const void *restrict qv, size_t n, double *restrict out,
                   double *sum){
  size_t i;
  uint64_t hard = 0, tiny = 0;
  for(i=0; i<n; i++){
#if DK_F32
    double p = disc_f32_at((const unsigned char*)pv, i);
    double q = disc_f32_at((const unsigned char*)qv, i);
#else
    double p = ((const double*)pv)[i], q = ((const double*)qv)[i];
#endif
#if DK_KIND==DK_XENT
    /* Cross-entropy (and entropy, q = p), -a ln b.  With q = 2^e m (m in
    ** [1, 2)) and M = 2 Qs.hi in [1, 2), b = q/Q = 2^(e-eq+1) m/M (1 +
    ** Qs.lo/Qs.hi)^-1; with m/M brought into [1/sqrt2, sqrt2] by a power
    ** of two, ln b = kk ln 2 + 2 atanh(w) - Qs.lo/Qs.hi, w = (m - M)/(m +
    ** M), |w| <= 0.172 (so D's short polynomial), m - M exact: where b is
    ** near 1, kk = 0 and ln b keeps its relative accuracy, as the careful
    ** term's log1p does.  a = p/P = p ca. */
    double e, m = disc_frexp(q, &e);
    /* m/M brought into [1/sqrt2, sqrt2] by a power of two, so that b near
    ** 1 is kk = 0 (no cancellation of kk ln 2 against the atanh) */
    double big = m > k.qm_hi ? 1.0 : 0.0, small = m < k.qm_lo ? 1.0 : 0.0;
    double ms = m*(big > 0.0 ? 0.5 : small > 0.0 ? 2.0 : 1.0);
    double w = (ms - k.qm) / (ms + k.qm);
    double t = w*w, bb = disc_atanh_d(t), w2 = w + w;
    double kk = (e - k.qe) + (big - small);
    double lb = (kk*DISC_LN2_HI + w2) + (kk*DISC_LN2_LO + ((w2*t)*bb + k.qlo));
    double a = p*k.ca;
    double v = 0.0 - a*lb;        /* +0 where b = 1 */
# if !DK_CLEAN
    v = q==0.0 ? INFINITY : v;
    v = p==0.0 ? 0.0 : v;
# endif
# if !DK_CLEAN && !DK_F32
    hard |= ((uint64_t)(q > 0.0) & (uint64_t)(q < 0x1p-1022))
          | ((uint64_t)(p > 0.0) & (uint64_t)(a < 0x1p-1022));
# endif
    out[i] = v;
#else
    /* KL and JS: the cross difference num and the near test */
    double h1 = p*k.cq, h2 = q*k.cp, den = h1 + h2, num;
    int near;
# if !DK_F32
    uint64_t zero;
# endif
    double e1, e2, m1 = disc_frexp(h1, &e1), m2 = disc_frexp(h2, &e2), z;
# if DK_F32
    {
      /* float32 weights have 24 bits: p c1 and the rest are exact, and the
      ** two differences too (see discrete.c) */
      double d1 = p*k.c1 - q*k.d1, d2 = p*k.c2 - q*k.d2;
#  if DK_CLEAN
      num = d1 + d2;
#  else
      num = (d1 + d2) + (p*k.cql - q*k.cpl);
#  endif
    }
# else
    {
      /* p Qs - q Ps = (h1 - h2) + (x1 - x2) [+ (h3 - h4) + (x3 - x4), the
      ** products with the totals' low parts], every product exact, added
      ** by error-free transforms: num's error is at most 2^-52 |num| +
      ** 2^-150 den, so nearly equal bins (near, |s| down to 2^-100) keep
      ** their relative accuracy.  A num of 0 is exact where every part
      ** is 0 (a = b, or exactly proportional weights); otherwise its true
      ** value is below 2^-150 den, and such a bin is flagged below. */
      double x1 = prod_err(p, h1, k.cq1, k.cq2);
      double x2 = prod_err(q, h2, k.cp1, k.cp2);
      double A = h1 - h2, B = x1 - x2, eB = sum_err(x1, -x2, B);
      double S = A + B, eS = sum_err(A, B, S);
#  if !DK_LO
      num = S + (eS + eB);
      zero = (uint64_t)(A==0.0) & (uint64_t)(B==0.0);
#  else
      double h3 = p*k.cql, x3 = prod_err(p, h3, k.cql1, k.cql2);
      double h4 = q*k.cpl, x4 = prod_err(q, h4, k.cpl1, k.cpl2);
      double C = h3 - h4, eC = sum_err(h3, -h4, C), D = x3 - x4;
      double S2 = S + C, eS2 = sum_err(S, C, S2);
      num = S2 + (((eS + eS2) + (eB + eC)) + D);
      zero = (uint64_t)(A==0.0) & (uint64_t)(B==0.0)
           & (uint64_t)(C==0.0) & (uint64_t)(D==0.0);
#  endif
    }
# endif
    near = 2.5*fabs(num) <= den;          /* |s| <= 0.4: a/b in [3/7, 7/3] */
# if DK_F32 && !DK_CLEAN
    /* float32: num is exact but for one rounding when the totals are
    ** doubles (k.lo = 0); with low parts, |s| < 2^-51 (other than a = b
    ** exactly) would carry num's error (2^-104 den) into more than 2^-52
    ** of the term: the careful term's exact form (cross_near()) */
    tiny |= (uint64_t)(fabs(num)*0x1p51 < den) & k.lo
          & ~((uint64_t)(p==q) & k.same);
# elif !DK_F32
    /* doubles: |s| < 2^-100 and not exactly 0, or a bin so far below the
    ** totals that num's low parts may have rounded into the subnormals */
    tiny |= ((uint64_t)(fabs(num)*0x1p100 < den) & ~zero)
          | ((uint64_t)(den < 0x1p-900) & (uint64_t)(den > 0.0));
# endif
# if DK_KIND==DK_KL
    {
      double w = (near ? num : m1 - m2) / (near ? den : m1 + m2);
      /* what does not wait for the polynomial is formed while it runs,
      ** so that after it come only a product, a sum and the scaling.
      ** Both cases are formed as Z = term Ps Qs 2^(ep+eq): a = p/P =
      ** h1/(Ps Qs) and b = h2/(Ps Qs) */
      double t = w*w, bb = disc_atanh_b(t);
      /* near: (a+b) s^2 (1 + s(1+s) B) = (num s + num (1+s) t B)/(Ps Qs),
      ** num being more accurate than h1 + h2 */
      double zn = num*(w + ((1.0 + w)*t)*bb);
      /* far: a (ln(a/b) - 1) + b with ln(a/b) - 1 = (kd ln2_hi - 1) + 2w
      ** + (kd ln2_lo + 2w t B), kd ln2_hi - 1 exact (a multiple of 2^-32
      ** below 2^11) */
      double kd = e1 - e2, w2 = w + w;
      double zf = h1*(((kd*DISC_LN2_HI - 1.0) + w2)
                      + (kd*DISC_LN2_LO + (w2*t)*bb)) + h2;
      z = near ? zn : zf;
#  if !DK_CLEAN
      z = q==0.0 ? INFINITY : z;
      z = p==0.0 ? h2 : z;
#  endif
    }
# else
    /* Jensen-Shannon, ((a ln(2a/(a+b)) + b ln(2b/(a+b))) / 2:
    **   near, |s| <= 0.4: ((a+b)/4) s^2 C(s^2) = num s C / (4 Ps Qs);
    **   far: (h1 L1 + h2 L2 - e) / (2 Ps Qs), with L1 = ln(2 h1/d), L2 =
    **     ln(2 h2/d), d = h1 + h2 rounded and e its rounding (h1 + h2 =
    **     d + e, and so each log's shift by -e/d is put back by -e), each
    **     log from balanced mantissas as cross-entropy's (two divisions
    **     more). */
    {
      double hb = h1 > h2 ? h1 : h2, hs = h1 > h2 ? h2 : h1;
      double de = (hb - den) + hs;      /* Fast2Sum: h1 + h2 = den + de */
      double ed, md = disc_frexp(den, &ed), mh = md*1.4142135623730951;
      double ml = md*0.70710678118654752;
      /* each ratio to md brought into [1/sqrt2, sqrt2] by a power of two */
      double b1 = m1 > mh ? 1.0 : 0.0, s1 = m1 < ml ? 1.0 : 0.0;
      double b2 = m2 > mh ? 1.0 : 0.0, s2 = m2 < ml ? 1.0 : 0.0;
      double n1 = m1*(b1 > 0.0 ? 0.5 : s1 > 0.0 ? 2.0 : 1.0);
      double n2 = m2*(b2 > 0.0 ? 0.5 : s2 > 0.0 ? 2.0 : 1.0);
      double w = (near ? num : n1 - md) / (near ? den : n1 + md);
      double u = (n2 - md) / (n2 + md);
      double t = w*w, tu = u*u, bw = disc_atanh_d(t), bu = disc_atanh_d(tu);
      double zn = (0.25*num)*(w*disc_js_c(t));
      double k1 = ((e1 - ed) + 1.0) + (b1 - s1);
      double k2 = ((e2 - ed) + 1.0) + (b2 - s2), w2 = w + w, u2 = u + u;
      double l1 = (k1*DISC_LN2_HI + w2) + (k1*DISC_LN2_LO + (w2*t)*bw);
      double l2 = (k2*DISC_LN2_HI + u2) + (k2*DISC_LN2_LO + (u2*tu)*bu);
      double zf = 0.5*((h1*l1 + h2*l2) - de);
      z = near ? zn : zf;
#  if !DK_CLEAN
      /* a bin where one weight is 0: (a+b)/2 ln 2 */
      z = ((p==0.0) | (q==0.0)) ? (0.5*KL_LN2)*den : z;
#  endif
    }
# endif
# if !DK_CLEAN && !DK_F32
    hard |= ((uint64_t)(p > 0.0) & (uint64_t)(p < k.pmin))
          | ((uint64_t)(q > 0.0) & (uint64_t)(q < k.qmin));
# endif
    out[i] = z;                /* times 1/(Ps Qs), on the sum */
#endif
  }
#if DK_KIND==DK_XENT
  *sum = block_sum(out, n);
#else
  *sum = block_sum(out, n)*k.inv_pq;
#endif
  return (hard!=0) | (tiny!=0)<<1;
}

#undef DK_NAME
#undef DK_KIND
#undef DK_F32
#undef DK_CLEAN
#undef DK_LO
