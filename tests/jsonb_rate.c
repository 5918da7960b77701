/*
** jsonb_rate.c — how often a float32 vector is taken for JSONB (by hand:
** `make jsonb-rate`; the figures are quoted in docs/functions.md).
**
** For blobs of 1, 2, 4 and 8 float32 elements, counts how many of N are
** one well-formed JSONB array for kl_jsonb_scan (core/vectors.h): those
** are read as JSONB (an array of numbers) or refused (anything else), not
** read as float32.  Three sources: uniformly random bytes, and float32
** values uniform in [-10, 10] and in [0, 1].  Usage: jsonb_rate [N]
*/
#include "vectors.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0x9E3779B97F4A7C15ull;
static uint64_t next(void){
  rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17;
  return rs;
}

static float uniform(float lo, float hi){
  return lo + (hi - lo) * (float)((next() >> 40) * (1.0 / 16777216.0));
}

int main(int argc, char **argv){
  long long n = argc > 1 ? atoll(argv[1]) : 100000000LL, i;
  static const int lens[4] = { 1, 2, 4, 8 };
  static const char *const src[3] = { "random bytes", "uniform [-10,10]",
                                      "uniform [0,1]" };
  int l, s;
  for(s=0; s<3; s++){
    for(l=0; l<4; l++){
      long long hits = 0, read = 0;
      unsigned char b[32];
      for(i=0; i<n; i++){
        kl_jsonb_info info;
        int k;
        for(k=0; k<lens[l]; k++){
          uint64_t r = next();
          if( s==0 ){
            memcpy(b + 4*k, &r, 4);
          }else{
            float f = s==1 ? uniform(-10.0f, 10.0f) : uniform(0.0f, 1.0f);
            memcpy(b + 4*k, &f, 4);
          }
        }
        if( kl_jsonb_scan(b, 4*(size_t)lens[l], &info) ){
          hits++;
          if( !info.found_other ) read++;
        }
      }
      printf("%-17s %d element%s: %lld of %lld taken for JSONB (%lld of "
             "them arrays of numbers)\n", src[s], lens[l],
             lens[l]==1 ? " " : "s", hits, n, read);
    }
  }
  return 0;
}
