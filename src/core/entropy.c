/*
** core/entropy.c — the entropies of the continuous families.
** (see core/dist.h for the contract of its table).
*/
#include "dist.h"

const kl_ent kl_ents_cont[] = { { 0, 0 } };
