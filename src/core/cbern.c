/*
** core/cbern.c — the continuous Bernoulli family: its KL, its pairs, its entropy.
** (see core/dist.h for the contract of its table).
*/
#include "dist.h"

const kl_pair kl_pairs_cbern[] = { { 0, 0, 0 } };
const kl_ent kl_ents_cbern[] = { { 0, 0 } };
