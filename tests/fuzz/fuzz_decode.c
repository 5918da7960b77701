/*
** fuzz_decode.c — libFuzzer target for vector decoding on its own (pure C,
** no SQLite): the input is read as JSON text, as a blob and as a raw
** float64 blob, in chunks whose size the first byte picks; and the number
** parser is checked against the C library's strtod (correctly rounded in
** glibc, "C" locale) on every input that is a whole JSON number, and the
** printer against the parser.  A disagreement aborts.
*/
#include "vectors.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void drain(kl_vec *v, size_t chunk){
  double buf[64];
  size_t got;
  kl_verr err;
  memset(&err, 0, sizeof err);
  do{
    if( kl_vec_read(v, buf, chunk, &got, &err) ) return;
    if( got > chunk ) abort();
  }while( got>0 );
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  kl_vec v;
  kl_verr err;
  size_t chunk;
  double x, y;
  char *z;
  if( size < 1 ) return 0;
  chunk = 1 + data[0] % 64;
  data++; size--;
  memset(&err, 0, sizeof err);
  if( kl_vec_text(&v, (const char*)data, size, &err)==KL_OK ) drain(&v, chunk);
  if( kl_vec_blob(&v, data, size, &err)==KL_OK ){
    if( data[0] & 1 ) kl_vec_allow_neg_inf(&v);
    drain(&v, chunk);
  }
  if( kl_vec_raw_f64(&v, data, size, &err)==KL_OK ) drain(&v, chunk);

  /* differential: the number parser against strtod */
  z = malloc(size + 1);
  memcpy(z, data, size);
  z[size] = 0;
  if( size>0 && strlen(z)==size && kl_parse_number(z, size, &x)==size ){
    y = strtod(z, 0);
    if( memcmp(&x, &y, sizeof x)!=0 ) abort();
  }
  free(z);
  /* the printer: what it writes reads back to the same value */
  if( size >= 8 ){
    char buf[40];
    int len;
    memcpy(&x, data, 8);
    if( isfinite(x) ){
      len = kl_format_number(x, 0, buf);
      if( kl_parse_number(buf, (size_t)len, &y)!=(size_t)len || y!=x ) abort();
      if( isfinite((float)x) ){
        len = kl_format_number((float)x, 1, buf);
        if( kl_parse_number(buf, (size_t)len, &y)!=(size_t)len
         || (float)y!=(float)x ) abort();
      }
    }
  }
  return 0;
}
