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

#endif /* KL_PORT_H */
