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
** measures, and the others are the same source).
*/
#if defined(__x86_64__) && defined(__ELF__) && defined(__GNUC__) \
    && !defined(KL_NO_CLONES) && !defined(KL_ONE_CLONE) \
    && (defined(__clang__) || __GNUC__ >= 6)
# define KL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
# define KL_CLONES
#endif

#endif /* KL_PORT_H */
