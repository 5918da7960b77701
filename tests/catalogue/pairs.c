/*
** pairs.c — prints docs/functions.md's table of the distribution pairs
** kl() has a closed form for, and the families dist_entropy() covers,
** from the code's own tables (src/core/dist.c and the tables it reads).
** tests/catalogue/check.sh compares it with the page (make test) or
** rewrites it (make catalogue).
**
** A cell is "✓" where the pair has a term that is finite at some of the
** sample parameters below, "∞" where it has a term that is +Inf at every
** one of them (the supports never nest), and blank where kl() has no
** closed form.  The sample parameters are chosen so that a pair that is
** finite for some parameters is finite for some sample (Poisson with rate
** 0 against a Bernoulli, a uniform inside [0, 1] against a beta, ...).
*/
#include <math.h>
#include <stdio.h>

#include "dist.h"

#define NS 3
static const double SAMPLE[KL_D_COUNT][NS][2] = {
  [KL_D_NORMAL]      = { { 0, 1 }, { 0.3, 2 }, { -1, 0.5 } },
  [KL_D_BERNOULLI]   = { { 0.3 }, { 0 }, { 1 } },
  [KL_D_BINOMIAL]    = { { 10, 0.3 }, { 5, 0.5 }, { 1, 0.1 } },
  [KL_D_GEOMETRIC]   = { { 0.3 }, { 0.5 }, { 1 } },
  [KL_D_POISSON]     = { { 2.5 }, { 1 }, { 0 } },
  [KL_D_EXPONENTIAL] = { { 2 }, { 0.5 }, { 1 } },
  [KL_D_GAMMA]       = { { 2, 3 }, { 0.5, 1 }, { 5, 0.2 } },
  [KL_D_BETA]        = { { 2, 5 }, { 1, 1 }, { 0.5, 0.5 } },
  [KL_D_LAPLACE]     = { { 0, 1 }, { 0.5, 0.2 }, { -1, 2 } },
  [KL_D_CAUCHY]      = { { 0, 1 }, { 0.5, 0.2 }, { -1, 2 } },
  [KL_D_LOGNORMAL]   = { { 0, 1 }, { 0.5, 0.3 }, { -1, 2 } },
  [KL_D_GUMBEL]      = { { 0, 1 }, { 0.5, 0.2 }, { -1, 2 } },
  [KL_D_PARETO]      = { { 1, 3 }, { 0.1, 2.5 }, { 2, 0.5 } },
  [KL_D_HALFNORMAL]  = { { 2 }, { 0.5 }, { 1 } },
  [KL_D_UNIFORM]     = { { 0, 1 }, { 0.25, 0.75 }, { -1, 3 } },
  [KL_D_CBERN]       = { { 0.3 }, { 0.5 }, { 0.8 } },
};

static const char *cell(int p, int q){
  kl_pair_term t;
  int i, j;
  if( p==q && kl_dfams[p].same ) return "✓";
  t = kl_dist_pair((kl_dfam)p, (kl_dfam)q);
  if( t==0 ) return " ";
  for(i=0; i<NS; i++){
    for(j=0; j<NS; j++){
      if( !isinf(t(SAMPLE[p][i], SAMPLE[q][j])) ) return "✓";
    }
  }
  return "∞";
}

int main(void){
  int p, q;
  printf("| p \\ q |");
  for(q=1; q<KL_D_COUNT; q++) printf(" %d |", q);
  printf(" entropy |\n|---|");
  for(q=1; q<=KL_D_COUNT; q++) printf("---|");
  printf("\n");
  for(p=1; p<KL_D_COUNT; p++){
    const char *h = (kl_dfams[p].kind!=KL_DK_COMP
                     || kl_dist_entropy_term((kl_dfam)p)) ? "✓" : " ";
    printf("| %d `%s` |", p, kl_dfams[p].name);
    for(q=1; q<KL_D_COUNT; q++) printf(" %s |", cell(p, q));
    printf(" %s |\n", h);
  }
  return 0;
}
