/*
** core/cross.c — KL between members of different continuous families.
** (see core/dist.h for the contract of its table).
*/
#include "dist.h"

const kl_pair kl_pairs_cont[] = { { 0, 0, 0 } };
