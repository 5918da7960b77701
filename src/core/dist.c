/*
** core/dist.c — distributions as values: the families and the text form's
** parser, and the lookup of cross-family terms and entropies in the
** tables of core/cross.c, core/cbern.c, core/dist_discrete.c and
** core/entropy.c.  Pure C, no SQLite.
**
** The parser only splits the text into its family and parameters: it
** checks the grammar around the parameters (names, parentheses, commas,
** numbers, balanced brackets) and leaves the inside of each JSON array to
** the vector reader (core/vectors.c), which the SQL glue runs over it
** when it checks the parameters' domains, so every number of the text is
** read by the one strict, locale-free reader the rest of the extension
** uses.
*/
#include "dist.h"
#include "vectors.h"

#include <string.h>

/* name, family, kind, parameters, domains, parameter names, own KL,
** the vector form's name */
const kl_dfam_info kl_dfams[KL_D_COUNT] = {
  { 0, 0, 0, 0, 0, { 0, 0 }, 0, 0 },
  { "normal", KL_D_NORMAL, KL_DK_COMP, 2, "AP", { "loc", "scale" },
    "kl_gauss", "diag_normal" },
  { "bernoulli", KL_D_BERNOULLI, KL_DK_COMP, 1, "B", { "p", 0 },
    "kl_bernoulli", 0 },
  { "binomial", KL_D_BINOMIAL, KL_DK_COMP, 2, "CB", { "n", "p" },
    "kl_binomial", 0 },
  { "geometric", KL_D_GEOMETRIC, KL_DK_COMP, 1, "b", { "p", 0 },
    "kl_geometric", 0 },
  { "poisson", KL_D_POISSON, KL_DK_COMP, 1, "N", { "rate", 0 },
    "kl_poisson", 0 },
  { "exponential", KL_D_EXPONENTIAL, KL_DK_COMP, 1, "P", { "rate", 0 },
    "kl_exponential", 0 },
  { "gamma", KL_D_GAMMA, KL_DK_COMP, 2, "PP", { "shape", "rate" },
    "kl_gamma", 0 },
  { "beta", KL_D_BETA, KL_DK_COMP, 2, "PP", { "a", "b" }, "kl_beta", 0 },
  { "laplace", KL_D_LAPLACE, KL_DK_COMP, 2, "AP", { "loc", "scale" },
    "kl_laplace", 0 },
  { "cauchy", KL_D_CAUCHY, KL_DK_COMP, 2, "AP", { "loc", "scale" },
    "kl_cauchy", 0 },
  { "lognormal", KL_D_LOGNORMAL, KL_DK_COMP, 2, "AP", { "mu", "sigma" },
    "kl_lognormal", 0 },
  { "gumbel", KL_D_GUMBEL, KL_DK_COMP, 2, "AP", { "loc", "scale" },
    "kl_gumbel", 0 },
  { "pareto", KL_D_PARETO, KL_DK_COMP, 2, "PP", { "scale", "alpha" },
    "kl_pareto", 0 },
  { "halfnormal", KL_D_HALFNORMAL, KL_DK_COMP, 1, "P", { "scale", 0 },
    "kl_halfnormal", 0 },
  { "uniform", KL_D_UNIFORM, KL_DK_COMP, 2, "A0", { "low", "high" },
    "kl_uniform", 0 },
  { "continuous_bernoulli", KL_D_CBERN, KL_DK_COMP, 1, "o", { "p", 0 },
    0, 0 },
  { "categorical", KL_D_CATEGORICAL, KL_DK_CATEG, 1, "N", { "probs", 0 },
    "kl_div", 0 },
  { "dirichlet", KL_D_DIRICHLET, KL_DK_DIRICHLET, 1, "P", { "alpha", 0 },
    "kl_dirichlet", 0 },
  { "mvn", KL_D_MVN, KL_DK_MVN, 2, "AA", { "mu", "cov" }, "kl_mvn", 0 },
};

static int dist_lower(int c){
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Whether z[0..n) is name in any ASCII letter case. */
static int dist_same_name(const char *z, size_t n, const char *name){
  size_t i;
  if( strlen(name)!=n ) return 0;
  for(i=0; i<n; i++){
    if( dist_lower((unsigned char)z[i])!=name[i] ) return 0;
  }
  return 1;
}

const kl_dfam_info *kl_dist_family(const char *z, size_t n){
  int f;
  for(f=1; f<KL_D_COUNT; f++){
    const kl_dfam_info *d = &kl_dfams[f];
    if( dist_same_name(z, n, d->name) ) return d;
    if( d->vname && dist_same_name(z, n, d->vname) ) return d;
  }
  return 0;
}

static int dist_is_ws(int c){
  return c==' ' || c=='\t' || c=='\n' || c=='\r';
}

static size_t dist_skip_ws(const char *z, size_t n, size_t i){
  while( i<n && dist_is_ws((unsigned char)z[i]) ) i++;
  return i;
}

static kl_dist_code dist_syntax(kl_dist_err *e, const char *z, size_t n,
                                size_t i, const char *expected){
  e->code = KL_DIST_SYNTAX;
  e->off = i;
  e->expected = expected;
  e->found = i<n ? (unsigned char)z[i] : -1;
  return e->code;
}

/* The end of the JSON array starting at z[i] = '[': the offset after its
** matching ']', or 0 if the brackets do not balance (*bad: where). */
static size_t dist_array_end(const char *z, size_t n, size_t i, size_t *bad){
  size_t depth = 0;
  for(; i<n; i++){
    char c = z[i];
    if( c=='[' ){
      depth++;
    }else if( c==']' ){
      if( --depth==0 ) return i + 1;
    }else if( c=='(' || c==')' || c=='"' ){
      break;   /* never inside an array of numbers */
    }
  }
  *bad = i;
  return 0;
}

kl_dist_code kl_dist_parse(const char *z, size_t n, kl_dist *d,
                           kl_dist_err *e){
  size_t i, start;
  int k = 0;
  memset(d, 0, sizeof *d);
  memset(e, 0, sizeof *e);
  i = dist_skip_ws(z, n, 0);
  start = i;
  while( i<n && ((z[i] >= 'a' && z[i] <= 'z') || (z[i] >= 'A' && z[i] <= 'Z')
                 || (z[i] >= '0' && z[i] <= '9') || z[i]=='_') ){
    i++;
  }
  if( i==start ){
    e->code = KL_DIST_NAME;
    e->off = i;
    e->found = i<n ? (unsigned char)z[i] : -1;
    return e->code;
  }
  d->fam = kl_dist_family(z + start, i - start);
  if( d->fam==0 ){
    e->code = KL_DIST_FAMILY;
    e->off = start;
    e->len = i - start;
    return e->code;
  }
  i = dist_skip_ws(z, n, i);
  if( i>=n || z[i]!='(' ) return dist_syntax(e, z, n, i, "'('");
  i = dist_skip_ws(z, n, i + 1);
  for(;;){
    kl_dparam *p = k<KL_DIST_MAXP ? &d->prm[k] : 0;
    kl_dparam spare;
    if( p==0 ) p = &spare;
    if( i<n && z[i]=='[' ){
      size_t bad = 0, end = dist_array_end(z, n, i, &bad);
      if( end==0 ){
        return dist_syntax(e, z, n, bad, bad<n ? "a number, ',' or ']'"
                                               : "']'");
      }
      p->off = i;
      p->len = end - i;
      p->vec = 1;
      i = end;
    }else if( i<n && (z[i]=='-' || (z[i] >= '0' && z[i] <= '9')) ){
      size_t used = kl_parse_number(z + i, n - i, &p->num);
      if( used==0 ){
        const char *expected;
        size_t at = kl_number_error(z + i, n - i, &expected);
        e->code = KL_DIST_NUMBER;
        e->off = i + at;
        e->expected = expected;
        e->found = i + at < n ? (unsigned char)z[i + at] : -1;
        return e->code;
      }
      p->off = i;
      p->len = used;
      p->vec = 0;
      i += used;
    }else{
      return dist_syntax(e, z, n, i, "a number or '['");
    }
    k++;
    i = dist_skip_ws(z, n, i);
    if( i<n && z[i]==',' ){
      i = dist_skip_ws(z, n, i + 1);
      continue;
    }
    if( i<n && z[i]==')' ) break;
    return dist_syntax(e, z, n, i, "',' or ')'");
  }
  i = dist_skip_ws(z, n, i + 1);
  if( i<n ) return dist_syntax(e, z, n, i, "the end of the text");
  if( k!=d->fam->nparam ){
    e->code = KL_DIST_NARGS;
    e->got = k;
    return e->code;
  }
  return KL_DIST_OK;
}

/* ---------------------------------------------------------- the tables */

static const kl_pair *const dist_pair_tables[] = {
  kl_pairs_cont, kl_pairs_cbern, kl_pairs_disc
};
static const kl_ent *const dist_ent_tables[] = {
  kl_ents_cont, kl_ents_cbern, kl_ents_disc
};

kl_pair_term kl_dist_pair(kl_dfam p, kl_dfam q){
  size_t t;
  for(t=0; t<sizeof dist_pair_tables/sizeof dist_pair_tables[0]; t++){
    const kl_pair *x;
    for(x=dist_pair_tables[t]; x->p; x++){
      if( x->p==p && x->q==q ) return x->kl;
    }
  }
  return 0;
}

kl_ent_term kl_dist_entropy_term(kl_dfam f){
  size_t t;
  for(t=0; t<sizeof dist_ent_tables/sizeof dist_ent_tables[0]; t++){
    const kl_ent *x;
    for(x=dist_ent_tables[t]; x->fam; x++){
      if( x->fam==f ) return x->h;
    }
  }
  return 0;
}
