/*
** core/dist_discrete.c — KL between discrete families, and discrete entropies.
** (see core/dist.h for the contract of its table).
*/
#include "dist.h"

const kl_pair kl_pairs_disc[] = { { 0, 0, 0 } };
const kl_ent kl_ents_disc[] = { { 0, 0 } };
