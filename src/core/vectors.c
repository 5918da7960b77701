/*
** core/vectors.c — vector decoding (see core/vectors.h for the formats).  No SQLite.
*/
#include "vectors.h"
#include "port.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const unsigned char kl_f64_header[KL_F64_HEADER_SIZE] = {
  0x4B, 0x4C, 0xC0, 0x7F, 0x66, 0x36, 0x34, 0x01
};

static int is_ws(int c){
  return c==' ' || c=='\t' || c=='\n' || c=='\r';
}
static int is_digit(int c){
  return c>='0' && c<='9';
}

/* --------------------------------------------------------- JSON numbers */

/* Digits kept for the exact conversion: 767 significant digits decide the
** rounding of any decimal to double; a sticky digit stands for the rest. */
#define KL_MAX_DIGITS 780

static const double kl_pow10[23] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/*
** The common case in one scan: at most 19 significant digits, a decimal
** exponent within +-22 and a mantissa below 2^53, so the result is one
** correctly rounded operation on exact doubles (Clinger's fast path).
** Returns the length parsed, or 0 to let the exact path decide.
*/
static size_t parse_fast(const char *z, size_t n, double *out){
  size_t i = 0;
  uint64_t w = 0;
  int nd = 0, neg = 0, e10 = 0;
  if( i<n && z[i]=='-' ){ neg = 1; i++; }
  if( i>=n || !is_digit(z[i]) ) return 0;
  if( z[i]=='0' ){
    i++;
    if( i<n && is_digit(z[i]) ) return 0;
  }else{
    while( i<n && is_digit(z[i]) ){
      if( ++nd > 19 ) return 0;
      w = w*10 + (uint64_t)(z[i++] - '0');
    }
  }
  if( i<n && z[i]=='.' ){
    i++;
    if( i>=n || !is_digit(z[i]) ) return 0;
    while( i<n && is_digit(z[i]) ){
      if( w==0 && z[i]=='0' ){ e10--; i++; continue; }   /* leading zeros */
      if( ++nd > 19 ) return 0;
      w = w*10 + (uint64_t)(z[i++] - '0');
      e10--;
    }
  }
  if( i<n && (z[i]=='e' || z[i]=='E') ) return 0;
  if( w > (1ull << 53) || e10 < -22 ) return 0;
  *out = w==0 ? 0.0 : (double)w / kl_pow10[-e10];
  if( neg ) *out = -*out;
  return i;
}

/*
** json5: also the JSON5 forms SQLite's JSONB keeps as FLOAT5, a '.' with no
** digit before it (".5", "-.5e3") or none after it ("5.", "5.e3").
*/
static size_t parse_number(const char *z, size_t n, double *out, int json5){
  char dig[KL_MAX_DIGITS + 1];
  int nd = 0, sticky = 0, nonzero = 0, neg = 0, seen = 0;
  int64_t e10 = 0, ex = 0;
  size_t i = 0;
  int frac = 0;
  double x;

  i = parse_fast(z, n, out);
  if( i>0 ) return i;
  if( i<n && z[i]=='-' ){ neg = 1; i++; }
  if( i>=n || !is_digit(z[i]) ){
    if( !(json5 && i+1<n && z[i]=='.' && is_digit(z[i+1])) ) return 0;
  }
  for(;;){
    if( i<n && is_digit(z[i]) ){
      char c = z[i++];
      seen = 1;   /* a digit before any '.' */
      if( !nonzero && c=='0' ){
        if( frac ) e10--;
        else if( i<n && is_digit(z[i]) ) return 0;  /* leading zero */
        continue;
      }
      nonzero = 1;
      if( nd < KL_MAX_DIGITS ){
        dig[nd++] = c;
        if( frac ) e10--;
      }else{
        if( c!='0' ) sticky = 1;
        if( !frac ) e10++;
      }
    }else if( !frac && i<n && z[i]=='.' ){
      i++;
      if( (i>=n || !is_digit(z[i])) && !(json5 && seen) ) return 0;
      frac = 1;
    }else{
      break;
    }
  }
  if( i<n && (z[i]=='e' || z[i]=='E') ){
    int eneg = 0;
    i++;
    if( i<n && (z[i]=='+' || z[i]=='-') ){ eneg = z[i]=='-'; i++; }
    if( i>=n || !is_digit(z[i]) ) return 0;
    while( i<n && is_digit(z[i]) ){
      if( ex < 1000000000 ) ex = ex*10 + (z[i] - '0');
      i++;
    }
    e10 += eneg ? -ex : ex;
  }

  if( nd==0 ){
    x = 0.0;
  }else if( !sticky && nd<=19 && e10>=-22 && e10<=22 ){
    uint64_t w = 0;
    int k;
    for(k=0; k<nd; k++) w = w*10 + (uint64_t)(dig[k] - '0');
    if( w <= (1ull << 53) ){
      /* w and 10^|e10| are exact doubles: one rounding (Clinger) */
      x = e10<0 ? (double)w / kl_pow10[-e10] : (double)w * kl_pow10[e10];
    }else{
      goto slow;
    }
  }else{
    char buf[KL_MAX_DIGITS + 16];
  slow:
    if( sticky ){ dig[nd++] = '1'; e10--; }
    if( e10 > 99999 ) e10 = 99999;
    if( e10 < -99999 ) e10 = -99999;
    memcpy(buf, dig, (size_t)nd);
    /* no radix character: strtod reads this the same in every locale */
    snprintf(buf + nd, sizeof(buf) - (size_t)nd, "e%d", (int)e10);
    x = strtod(buf, 0);
  }
  *out = neg ? -x : x;
  return i;
}

size_t kl_parse_number(const char *z, size_t n, double *out){
  return parse_number(z, n, out, 0);
}

size_t kl_number_error(const char *z, size_t n, const char **expected){
  size_t i = 0;
  *expected = "a digit";
  if( i<n && z[i]=='-' ) i++;
  if( i>=n || !is_digit(z[i]) ) return i;
  if( z[i]=='0' ){
    i++;
    if( i<n && is_digit(z[i]) ){
      *expected = "'.', 'e' or the end of the number (no leading zeros)";
      return i;
    }
  }else{
    while( i<n && is_digit(z[i]) ) i++;
  }
  if( i<n && z[i]=='.' ){
    i++;
    if( i>=n || !is_digit(z[i]) ) return i;
    while( i<n && is_digit(z[i]) ) i++;
  }
  if( i<n && (z[i]=='e' || z[i]=='E') ){
    i++;
    if( i<n && (z[i]=='+' || z[i]=='-') ) i++;
    if( i>=n || !is_digit(z[i]) ) return i;
    while( i<n && is_digit(z[i]) ) i++;
  }
  *expected = "a valid JSON number";
  return i;
}

/* x with prec significant digits, '.' as the radix whatever the locale */
static int format_prec(double x, int prec, char *buf){
  char tmp[40];
  int i, j = 0;
  snprintf(tmp, sizeof tmp, "%.*g", prec, x);
  for(i=0; tmp[i]; i++){
    char c = tmp[i];
    if( is_digit(c) || c=='-' || c=='+' || c=='e' ){
      buf[j++] = c;
    }else if( j==0 || buf[j-1]!='.' ){
      buf[j++] = '.';   /* the locale's radix, maybe several bytes */
    }
  }
  buf[j] = 0;
  return j;
}

/*
** The prec significant digits of x in plain decimal notation when its
** decimal exponent is in [-6, 21), as JavaScript prints numbers (10, not
** 1e+01); otherwise the exponent form as it is.
*/
static int plain_form(double x, int prec, char *buf, int len){
  char tmp[64];
  const char *e;
  int i, j = 0, ex, dec;
  snprintf(tmp, sizeof tmp, "%.*e", prec - 1, x);
  e = strchr(tmp, 'e');
  if( e==0 ) return len;
  ex = atoi(e + 1);
  if( ex < -6 || ex >= 21 ) return len;
  dec = prec - 1 - ex;
  snprintf(tmp, sizeof tmp, "%.*f", dec > 0 ? dec : 0, x);
  for(i=0; tmp[i]; i++){
    char c = tmp[i];
    if( is_digit(c) || c=='-' ){
      buf[j++] = c;
    }else if( j==0 || buf[j-1]!='.' ){
      buf[j++] = '.';   /* the locale's radix, maybe several bytes */
    }
  }
  buf[j] = 0;
  return j;
}

int kl_format_number(double x, int is_float, char *buf){
  int prec, maxprec = is_float ? 9 : 17;
  for(prec=1; prec<maxprec; prec++){
    double back;
    int j = format_prec(x, prec, buf);
    if( kl_parse_number(buf, (size_t)j, &back)==(size_t)j
     && (is_float ? (float)back==(float)x : back==x) ){
      return plain_form(x, prec, buf, j);
    }
  }
  /* 17 digits (9 for a float) always read back exactly */
  return plain_form(x, maxprec, buf, format_prec(x, maxprec, buf));
}

/* ------------------------------------------------------------- vectors */

void kl_vec_number(kl_vec *v, double x){
  memset(v, 0, sizeof(*v));
  v->kind = KL_NUM;
  v->num = x;
}

static int syntax(kl_verr *err, const kl_vec *v, size_t at,
                  const char *expected){
  err->code = KL_ERR_SYNTAX;
  err->offset = at;
  err->expected = expected;
  err->found = at < v->n ? v->p[at] : -1;
  return KL_ERR_SYNTAX;
}

int kl_vec_text(kl_vec *v, const char *z, size_t n, kl_verr *err){
  size_t i = 0;
  memset(v, 0, sizeof(*v));
  v->p = (const unsigned char*)z;
  v->n = n;
  while( i<n && is_ws(z[i]) ) i++;
  if( i<n && z[i]=='[' ){
    v->kind = KL_JSON;
    i++;
    while( i<n && is_ws(z[i]) ) i++;
    if( i<n && z[i]==']' ){
      err->code = KL_ERR_EMPTY;
      return KL_ERR_EMPTY;
    }
    v->pos = i;
    return KL_OK;
  }
  if( i<n && (z[i]=='-' || is_digit(z[i])) ){
    size_t len = kl_parse_number(z + i, n - i, &v->num);
    if( len==0 ){
      const char *expected;
      size_t at = i + kl_number_error(z + i, n - i, &expected);
      return syntax(err, v, at, expected);
    }
    if( !isfinite(v->num) ){
      err->code = KL_ERR_RANGE;
      err->index = 0;
      err->scalar = 1;
      err->offset = i;
      return KL_ERR_RANGE;
    }
    i += len;
    while( i<n && is_ws(z[i]) ) i++;
    if( i<n ) return syntax(err, v, i, "end of text");
    v->kind = KL_NUM;
    return KL_OK;
  }
  return syntax(err, v, i, "a JSON array of numbers");
}

int kl_vec_text_at(kl_vec *v, const char *z, size_t start, size_t end,
                   kl_verr *err){
  int rc = kl_vec_text(v, z + start, end - start, err);
  if( rc ){
    err->offset += start;
    return rc;
  }
  /* the same reader, positioned inside the whole text */
  v->p = (const unsigned char*)z;
  v->n = end;
  v->pos += start;
  return KL_OK;
}

/* NaN and +Inf are never values; -Inf is where the caller allows it. */
static int refused(const kl_vec *v, double x){
  return !isfinite(x) && !(v->neg_inf_ok && x==-INFINITY);
}

/* ------------------------------------------------------------- JSONB */

/* JSONB element types (SQLite's binary JSON, 3.45 and later) */
#define JSONB_INT     3
#define JSONB_INT5    4
#define JSONB_FLOAT   5
#define JSONB_FLOAT5  6
#define JSONB_ARRAY   11

/*
** The header of the JSONB element at p[0..n): its length (1, 2, 3, 5 or 9
** bytes), with the payload size in *sz, or 0 if the header or the payload
** does not fit in n bytes.
*/
static size_t jsonb_head(const unsigned char *p, size_t n, size_t *sz){
  unsigned nib;
  size_t hl, k;
  uint64_t v = 0;
  if( n<1 ) return 0;
  nib = p[0] >> 4;
  if( nib<=11 ){
    hl = 1;
    v = nib;
  }else{
    hl = nib==12 ? 2 : nib==13 ? 3 : nib==14 ? 5 : 9;
    if( n<hl ) return 0;
    for(k=1; k<hl; k++) v = (v << 8) | p[k];
  }
  if( v > (uint64_t)(n - hl) ) return 0;
  *sz = (size_t)v;
  return hl;
}

static int is_xdigit(int c){
  return is_digit(c) || (c>='a' && c<='f') || (c>='A' && c<='F');
}

/*
** The value of a JSONB number element's text z[0..n) of type t: KL_OK with
** *out (which may be +-Inf, "9e999" being how SQLite stores Infinity), or
** nonzero if the text is not a number of that type:
**   INT     an RFC 8259 integer: '-'? digits, no leading zero;
**   FLOAT   an RFC 8259 number;
**   INT5    '-'? "0x" or "0X", then hex digits (JSON5);
**   FLOAT5  an RFC 8259 number that may also have no digit before or no
**           digit after its '.' (JSON5: ".5", "5.").
*/
static int jsonb_number(int t, const char *z, size_t n, double *out){
  size_t i = 0;
  if( t==JSONB_INT5 ){
    uint64_t w = 0;
    int nd = 0, sticky = 0, neg = 0, ex = 0;
    if( i<n && z[i]=='-' ){ neg = 1; i++; }
    if( n-i < 3 || z[i]!='0' || (z[i+1]!='x' && z[i+1]!='X') ) return 1;
    for(i+=2; i<n; i++){
      int c = (unsigned char)z[i], d;
      if( !is_xdigit(c) ) return 1;
      d = is_digit(c) ? c-'0' : (c|0x20)-'a'+10;
      if( nd==0 && d==0 ) continue;          /* leading zeros */
      if( nd<16 ){ w = (w << 4) | (uint64_t)d; nd++; }
      else{ sticky |= d!=0; ex += 4; }
    }
    /* 64 significant bits and a sticky bit: one correct rounding */
    *out = ldexp((double)(w | (uint64_t)sticky), ex);
    if( neg ) *out = -*out;
    return KL_OK;
  }
  if( t==JSONB_INT ){
    if( i<n && z[i]=='-' ) i++;
    if( i>=n ) return 1;
    for(; i<n; i++) if( !is_digit(z[i]) ) return 1;
  }
  return n==0 || parse_number(z, n, out, t==JSONB_FLOAT5)!=n;
}

#define JSONB_NULL    0
#define JSONB_FALSE   2
#define JSONB_TEXT    7
#define JSONB_TEXTJ   8
#define JSONB_TEXTRAW 10
#define JSONB_OBJECT  12
#define JSONB_BADNUM  KL_JSONB_BADNUM   /* see kl_jsonb_info */

/* Whether a JSONB string's payload z[0..n) of type t is well formed as
** SQLite checks it (json_valid(x, 8)) or more loosely: TEXT has no control
** characters, '"' or '\'; the other string types anything (SQLite checks
** their escapes, and lets a control character through after a '\'; it
** does not check the UTF-8). */
static int jsonb_text_ok(int t, const unsigned char *z, size_t n){
  size_t i;
  if( t!=JSONB_TEXT ) return 1;
  for(i=0; i<n; i++){
    if( z[i] < 0x20 || z[i]=='"' || z[i]=='\\' ) return 0;
  }
  return 1;
}

/* Whether z[0..n) is made only of the characters of JSON and JSON5
** numbers (a superset of every number text SQLite accepts in JSONB). */
static int number_chars(const char *z, size_t n){
  size_t i;
  if( n==0 ) return 0;
  for(i=0; i<n; i++){
    if( !is_xdigit(z[i]) && !strchr("+-.xX", z[i]) ) return 0;
  }
  return 1;
}

int kl_jsonb_scan(const void *blob, size_t n, kl_jsonb_info *info){
  const unsigned char *p = (const unsigned char*)blob;
  size_t end[KL_JSONB_DEPTH + 1], count[KL_JSONB_DEPTH + 1];
  unsigned char kind[KL_JSONB_DEPTH + 1];
  size_t i, sz, hl;
  int depth = 0;
  memset(info, 0, sizeof *info);
  hl = jsonb_head(p, n, &sz);
  if( hl==0 || (p[0] & 0x0F)!=JSONB_ARRAY || hl + sz != n ) return 0;
  info->start = hl;
  info->all_arrays = 1;
  end[0] = n;
  count[0] = 0;
  kind[0] = JSONB_ARRAY;
  for(i=hl; ; ){
    size_t ehl, esz;
    int t;
    while( depth>0 && i==end[depth] ){
      if( kind[depth]==JSONB_OBJECT && (count[depth] & 1) ) return 0;
      depth--;
      count[depth]++;
    }
    if( depth==0 && i==n ) break;
    /* this element is at SQLite's depth depth + 2 (the array around
    ** everything is at 1), which may be at most KL_JSONB_DEPTH */
    if( depth + 2 > KL_JSONB_DEPTH ) return 0;
    ehl = jsonb_head(p + i, end[depth] - i, &esz);
    if( ehl==0 ) return 0;
    t = p[i] & 0x0F;
    if( kind[depth]==JSONB_OBJECT && (count[depth] & 1)==0
     && (t<JSONB_TEXT || t>JSONB_TEXTRAW) ){
      return 0;                                /* an object's key */
    }
    if( t>=JSONB_INT && t<=JSONB_FLOAT5 ){
      double x;
      const char *z = (const char*)p + i + ehl;
      if( jsonb_number(t, z, esz, &x) ){
        if( !number_chars(z, esz) ) return 0;
        t = JSONB_BADNUM;                      /* not a valid number */
      }
    }
    if( depth==0 ){
      if( t<JSONB_INT || t>JSONB_FLOAT5 ){
        if( !info->found_other ){
          info->other = info->count;
          info->other_offset = i;
          info->other_type = t;
          info->found_other = 1;
        }
      }
      if( t!=JSONB_ARRAY ) info->all_arrays = 0;
      info->count++;
    }
    if( t==JSONB_ARRAY || t==JSONB_OBJECT ){
      depth++;
      end[depth] = i + ehl + esz;
      count[depth] = 0;
      kind[depth] = (unsigned char)t;
      i += ehl;
      continue;
    }
    if( t<=JSONB_FALSE ){
      if( esz!=0 ) return 0;
    }else if( t<=JSONB_FLOAT5 || t==JSONB_BADNUM ){
      /* checked above */
    }else if( t<=JSONB_TEXTRAW ){
      if( !jsonb_text_ok(t, p + i + ehl, esz) ) return 0;
    }else{
      return 0;                                /* reserved types 13-15 */
    }
    i += ehl + esz;
    if( depth>0 ) count[depth]++;
  }
  if( info->count==0 ) info->all_arrays = 0;
  return 1;
}

size_t kl_jsonb_element(const void *blob, size_t n, size_t pos){
  size_t sz, hl;
  if( pos>=n ) return 0;
  hl = jsonb_head((const unsigned char*)blob + pos, n - pos, &sz);
  return hl ? hl + sz : 0;
}

int kl_jsonb_numbers(const void *blob, size_t n, size_t *count,
                     size_t *start){
  kl_jsonb_info info;
  if( !kl_jsonb_scan(blob, n, &info) || info.found_other ) return 0;
  *count = info.count;
  *start = info.start;
  return 1;
}

static int read_jsonb(kl_vec *v, double *out, size_t max, size_t *got,
                      kl_verr *err){
  size_t i = v->pos, k = 0;
  while( k<max && v->next<v->count ){
    size_t esz, ehl = jsonb_head(v->p + i, v->n - i, &esz);
    double x = 0.0;
    /* checked when the blob was opened: cannot fail */
    jsonb_number(v->p[i] & 0x0F, (const char*)v->p + i + ehl, esz, &x);
    if( refused(v, x) ){
      err->code = KL_ERR_RANGE;
      err->index = v->next;
      err->offset = i + ehl;
      return KL_ERR_RANGE;
    }
    out[k++] = x;
    v->next++;
    i += ehl + esz;
  }
  if( v->next==v->count ) v->done = 1;
  v->pos = i;
  *got = k;
  return KL_OK;
}

static int blob_setup(kl_vec *v, const unsigned char *p, size_t n,
                      int raw_is_f64, kl_verr *err){
  kl_jsonb_info info;
  size_t elsize, total = n;
  memset(v, 0, sizeof(*v));
  if( n>=4 && memcmp(p, kl_f64_header, 4)==0 ){
    if( n<KL_F64_HEADER_SIZE
     || memcmp(p, kl_f64_header, KL_F64_HEADER_SIZE)!=0 ){
      err->code = KL_ERR_HEADER;
      err->size = n;
      return KL_ERR_HEADER;
    }
    p += KL_F64_HEADER_SIZE;
    n -= KL_F64_HEADER_SIZE;
    raw_is_f64 = 1;
  }else if( raw_is_f64<0 ){
    raw_is_f64 = 0;            /* forced float32: no JSONB */
  }else if( !raw_is_f64 && kl_jsonb_scan(p, n, &info) ){
    v->kind = KL_JSONB;
    v->p = p;
    v->n = n;
    v->count = info.count;
    v->pos = info.start;
    if( info.found_other ){
      err->code = KL_ERR_JSONB;
      err->index = info.other;
      err->offset = info.other_offset;
      err->found = info.other_type;
      return KL_ERR_JSONB;
    }
    if( v->count==0 ){
      err->code = KL_ERR_EMPTY;
      return KL_ERR_EMPTY;
    }
    return KL_OK;
  }
  elsize = raw_is_f64 ? 8 : 4;
  v->kind = raw_is_f64 ? KL_F64 : KL_F32;
  v->p = p;
  v->n = n;
  v->count = n / elsize;
  if( n % elsize ){
    err->code = KL_ERR_BLOBSIZE;
    err->size = total;
    err->elsize = elsize;
    return KL_ERR_BLOBSIZE;
  }
  if( n==0 ){
    err->code = KL_ERR_EMPTY;
    return KL_ERR_EMPTY;
  }
  return KL_OK;
}

int kl_vec_blob(kl_vec *v, const void *p, size_t n, kl_verr *err){
  return blob_setup(v, (const unsigned char*)p, n, 0, err);
}

int kl_vec_raw_f64(kl_vec *v, const void *p, size_t n, kl_verr *err){
  return blob_setup(v, (const unsigned char*)p, n, 1, err);
}

int kl_vec_f32(kl_vec *v, const void *p, size_t n, kl_verr *err){
  return blob_setup(v, (const unsigned char*)p, n, -1, err);
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__==__ORDER_LITTLE_ENDIAN__
# define KL_LITTLE_ENDIAN 1
#else
# define KL_LITTLE_ENDIAN 0
#endif

/*
** Converts n little-endian float32 (elsize 4) or float64 (8) values to
** doubles; returns nonzero if any is NaN or +-Inf.  Branch-free, so the
** compiler vectorises it.
*/
KL_VECTORIZE
static int convert_f32(const unsigned char *p, double *out, size_t n){
  size_t i;
  int bad = 0;
  for(i=0; i<n; i++){
    uint32_t u;
    float f;
    if( KL_LITTLE_ENDIAN ){
      memcpy(&u, p + 4*i, 4);
    }else{
      const unsigned char *q = p + 4*i;
      u = (uint32_t)q[0] | (uint32_t)q[1]<<8 | (uint32_t)q[2]<<16
        | (uint32_t)q[3]<<24;
    }
    memcpy(&f, &u, 4);
    out[i] = f;
    bad |= (u & 0x7F800000u)==0x7F800000u;
  }
  return bad;
}

KL_VECTORIZE
static int convert_f64(const unsigned char *p, double *out, size_t n){
  size_t i;
  int bad = 0;
  for(i=0; i<n; i++){
    uint64_t u;
    if( KL_LITTLE_ENDIAN ){
      memcpy(&u, p + 8*i, 8);
    }else{
      const unsigned char *q = p + 8*i;
      int k;
      u = 0;
      for(k=7; k>=0; k--) u = (u << 8) | q[k];
    }
    memcpy(&out[i], &u, 8);
    bad |= (u & 0x7FF0000000000000ull)==0x7FF0000000000000ull;
  }
  return bad;
}

void kl_vec_allow_neg_inf(kl_vec *v){
  v->neg_inf_ok = 1;
}

/* ---------------------------------------------------------- JSON rows */

static size_t rows_skip_ws(const char *z, size_t n, size_t i){
  while( i<n && is_ws(z[i]) ) i++;
  return i;
}

/* A syntax error of the matrix text (not of one row's). */
static int rows_syntax(kl_rows *m, size_t at, const char *expected,
                       kl_verr *err){
  err->code = KL_ERR_SYNTAX;
  err->offset = at;
  err->expected = expected;
  err->found = at < m->n ? (unsigned char)m->z[at] : -1;
  m->in_row = 0;
  return KL_ERR_SYNTAX;
}

int kl_rows_is_matrix(const char *z, size_t n){
  size_t i = rows_skip_ws(z, n, 0);
  if( i>=n || z[i]!='[' ) return 0;
  i = rows_skip_ws(z, n, i+1);
  return i<n && z[i]=='[';
}

void kl_rows_open(kl_rows *m, const char *z, size_t n){
  kl_rows_open_at(m, z, 0, n);
}

void kl_rows_open_at(kl_rows *m, const char *z, size_t start, size_t end){
  memset(m, 0, sizeof(*m));
  m->z = z;
  m->n = end;
  m->pos = rows_skip_ws(z, end, start) + 1;   /* after the outer '[' */
}

int kl_rows_next(kl_rows *m, kl_vec *row, kl_verr *err){
  const char *z = m->z;
  size_t n = m->n, i = rows_skip_ws(z, n, m->pos), e;
  int rc;
  m->more = 0;
  m->in_row = 0;
  if( m->rows>0 ){
    /* after a row: ',' and the next row, or ']' and the end */
    if( i<n && z[i]==']' ){
      i = rows_skip_ws(z, n, i + 1);
      if( i<n ) return rows_syntax(m, i, "end of text", err);
      m->pos = i;
      return KL_OK;
    }
    if( i>=n || z[i]!=',' ) return rows_syntax(m, i, "',' or ']'", err);
    i = rows_skip_ws(z, n, i + 1);
  }
  m->row = m->rows;
  if( i>=n || z[i]!='[' ) return rows_syntax(m, i, "'[' (a row)", err);
  for(e=i+1; e<n && z[e]!=']'; e++){
    if( z[e]=='[' ) return rows_syntax(m, e, "a number (rows are flat)", err);
  }
  if( e>=n ) return rows_syntax(m, n, "']'", err);
  rc = kl_vec_text(row, z + i, e + 1 - i, err);
  if( rc ){
    err->offset += i;
    m->in_row = 1;
    return rc;
  }
  /* the row's bytes seen from the start of the matrix, so that offsets in
  ** errors are offsets in z (the row starts with '[': it is KL_JSON) */
  row->p = (const unsigned char*)z;
  row->pos += i;
  row->n += i;
  m->pos = e + 1;
  m->rows++;
  m->more = 1;
  return KL_OK;
}


static int read_json(kl_vec *v, double *out, size_t max, size_t *got,
                     kl_verr *err){
  const char *z = (const char*)v->p;
  size_t n = v->n, i = v->pos, k = 0;
  while( k<max && !v->done ){
    size_t len;
    double x;
    int c;
    while( i<n && is_ws(z[i]) ) i++;
    len = kl_parse_number(z + i, n - i, &x);
    if( len==0 ){
      /* not a number: say what it is instead */
      c = i<n ? (unsigned char)z[i] : -1;
      if( c=='[' || c=='"' || c=='{' || c=='t' || c=='f' || c=='n' ){
        err->code = c=='[' ? KL_ERR_NESTED : KL_ERR_NOTNUM;
        err->index = v->next;
        err->offset = i;
        err->found = c;
        return err->code;
      }
      if( c=='-' || is_digit(c) ){
        const char *expected;
        size_t at = i + kl_number_error(z + i, n - i, &expected);
        return syntax(err, v, at, expected);
      }
      return syntax(err, v, i, "a number");
    }
    if( refused(v, x) ){
      err->code = KL_ERR_RANGE;
      err->index = v->next;
      err->offset = i;
      return KL_ERR_RANGE;
    }
    out[k++] = x;
    v->next++;
    i += len;
    while( i<n && is_ws(z[i]) ) i++;
    if( i<n && z[i]==',' ){
      i++;
    }else if( i<n && z[i]==']' ){
      i++;
      while( i<n && is_ws(z[i]) ) i++;
      if( i<n ) return syntax(err, v, i, "end of text");
      v->done = 1;
    }else{
      return syntax(err, v, i, "',' or ']'");
    }
  }
  v->pos = i;
  *got = k;
  return KL_OK;
}

int kl_vec_read(kl_vec *v, double *out, size_t max, size_t *got,
                kl_verr *err){
  size_t k = 0;
  *got = 0;
  if( v->done ) return KL_OK;
  switch( v->kind ){
    case KL_NUM:
      out[0] = v->num;
      v->done = 1;
      v->next = 1;
      *got = 1;
      return KL_OK;
    case KL_JSON:
      return read_json(v, out, max, got, err);
    case KL_JSONB:
      return read_jsonb(v, out, max, got, err);
    case KL_F32:
    case KL_F64: {
      size_t left = v->count - v->next;
      int bad;
      if( max > left ) max = left;
      bad = v->kind==KL_F32 ? convert_f32(v->p + 4*v->next, out, max)
                            : convert_f64(v->p + 8*v->next, out, max);
      for(k=0; bad && k<max; k++){
        /* a NaN or an infinity: refused unless it is an allowed -Inf */
        if( refused(v, out[k]) ){
          err->code = KL_ERR_NONFINITE;
          err->index = v->next + k;
          err->value = out[k];
          return KL_ERR_NONFINITE;
        }
      }
      k = max;
      v->next += k;
      if( v->next==v->count ) v->done = 1;
      *got = k;
      return KL_OK;
    }
  }
  return KL_OK;
}

int kl_vec_count_rest(kl_vec *v, size_t *count, kl_verr *err){
  double buf[256];
  size_t got;
  int rc;
  do{
    rc = kl_vec_read(v, buf, 256, &got, err);
    if( rc ) return rc;
  }while( got>0 );
  *count = v->next;
  return KL_OK;
}
