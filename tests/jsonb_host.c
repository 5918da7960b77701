/*
** jsonb_host.c — JSONB inputs against a SQLite that has jsonb() (3.45+).
**
** Built by `make build/check/jsonb_host` from the sqlite3.c amalgamation
** that npm's better-sqlite3 12.11.1 ships (deps/sqlite3/, fetched by
** tests/jsonb_sqlite.sh), with the extension compiled in (-DSQLITE_CORE).
** Debian's SQLite (3.40) has no jsonb(), so `make test` checks hand-written
** JSONB bytes (tests/jsonb.sql); this host checks them against the real
** jsonb(), and both sides of the rule (core/vectors.h, KL_JSONB):
**
**  1. every case of tests/data/jsonb_cases.txt: jsonb(json) makes exactly
**     the bytes written there, and an array of numbers reads as its JSON
**     text (kl_json gives the expected text);
**  2. each function reads jsonb(t) as it reads t (same result or same
**     message), for the cases and for random arrays of numbers written in
**     every JSON number form (and JSON5's hex and dot forms);
**  3. a JSONB array with an element that is not a number (null, a string,
**     a nested array, an object) is refused with the message that names
**     it, never read as float32; a JSONB value that is not an array reads
**     as float32, exactly as kl_f64(x, 'f32') (the explicit float32 form)
**     reads it; kl_mvn reads a JSONB matrix as it reads the JSON text;
**  4. kl_f64(x, format) on raw float64 and float32 bytes.
**
** Prints "ok ID" / "FAIL ID: ..." lines.  Usage: jsonb_host [CASES_FILE]
*/
#include "sqlite3.h"
#include "kl.h"
#include "functions.h"
#include "vectors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3 *db;
static int failures;

/* The first column of the first row of sql with ?1 bound to text a (and
** ?2 to b), as text, or "error: message".  Static buffer. */
static const char *q2(const char *sql, const char *a, const char *b){
  static char buf[8192];
  sqlite3_stmt *st;
  int rc;
  buf[0] = 0;
  if( sqlite3_prepare_v2(db, sql, -1, &st, 0)!=SQLITE_OK ){
    snprintf(buf, sizeof buf, "error: %s", sqlite3_errmsg(db));
    return buf;
  }
  if( a ) sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
  if( b ) sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step(st);
  if( rc==SQLITE_ROW ){
    const unsigned char *t = sqlite3_column_text(st, 0);
    snprintf(buf, sizeof buf, "%s", t ? (const char*)t : "NULL");
  }else{
    snprintf(buf, sizeof buf, "error: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(st);
  return buf;
}

static void check(const char *id, const char *got, const char *want){
  if( strcmp(got, want)==0 ){
    printf("ok %s\n", id);
  }else{
    printf("FAIL %s: got '%s' want '%s'\n", id, got, want);
    failures++;
  }
}

/* Expressions over one vector x, written with X for the argument. */
static const char *const exprs[] = {
  "kl_json(X)", "kl_dims(X)", "hex(kl_f32(X))", "hex(kl_f64(X))",
  "kl_gauss(X, 1, 0, 2)", "kl_gauss(0, 1, X, 1, 'bits')",
  "kl_gauss_var(X, 1, 0, 1)", "kl_div(X, X)", "entropy(X)",
  "kl_div_logits(X, X)", "kl_poisson(X, 1)", "w2_gauss(X, 1, 0, 1)",
  "(SELECT kl_gauss_agg(X, 1, 0, 1) FROM (SELECT 1 UNION ALL SELECT 2))",
  "(SELECT hex(gauss_mean(X)) FROM (SELECT 1))",
  "(SELECT group_concat(kl, ',') FROM kl_gauss_each(X, 1, 0, 1))",
};
#define NEXPR (int)(sizeof exprs / sizeof exprs[0])

/* The expression e with X replaced by form (e.g. "jsonb(?1)"). */
static void subst(char *out, size_t cap, const char *e, const char *form){
  size_t j = 0;
  for(; *e && j+64<cap; e++){
    if( *e=='X' ){
      j += (size_t)snprintf(out + j, cap - j, "%s", form);
    }else{
      out[j++] = *e;
    }
  }
  out[j] = 0;
}

/* Message texts name the function: the same error either way is the same
** text.  Compares expression k with form a and form b of text t. */
static int same(const char *t, int k, const char *fa, const char *fb,
                char *ga, char *gb){
  char sa[512], sb[512];
  subst(sa, sizeof sa, exprs[k], fa);
  subst(sb, sizeof sb, exprs[k], fb);
  strcpy(ga, q2(sa, t, 0));
  strcpy(gb, q2(sb, t, 0));
  return strcmp(ga, gb)==0;
}

static void compare_forms(const char *id, const char *t, const char *fa,
                          const char *fb){
  static char ga[8192], gb[8192];
  int k;
  for(k=0; k<NEXPR; k++){
    if( !same(t, k, fa, fb, ga, gb) ){
      printf("FAIL %s: %s of %s: %s gives '%s' but %s gives '%s'\n", id,
             exprs[k], t, fa, ga, fb, gb);
      failures++;
      return;
    }
  }
  printf("ok %s\n", id);
}

static unsigned long long rs = 0x9E3779B97F4A7C15ull;
static unsigned rnd(unsigned n){
  rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17;
  return (unsigned)(rs % n);
}

/* One random number in one of the JSON (or JSON5) forms. */
static int number(char *z, int json5){
  int f = rnd(json5 ? 9 : 6), neg = rnd(3)==0;
  const char *s = neg ? "-" : "";
  switch( f ){
    case 0: return sprintf(z, "%s%u", s, rnd(1000000));
    case 1: return sprintf(z, "%s%u.%u", s, rnd(1000), rnd(100000));
    case 2: return sprintf(z, "%s%u.%ue%s%u", s, 1 + rnd(9), rnd(1000),
                           rnd(2) ? "-" : "+", rnd(300));
    case 3: return sprintf(z, "%s0.%03u", s, rnd(1000));
    case 4: return sprintf(z, "%s%uE%u", s, 1 + rnd(9), rnd(20));
    case 5: return sprintf(z, "%s%u%u%u%u%u.%u", s, 1 + rnd(9), rnd(10),
                           rnd(10), rnd(10), rnd(10), rnd(100000000));
    case 6: return sprintf(z, "%s0x%X", s, rnd(0x7fffffff));
    case 7: return sprintf(z, "%s.%u", s, rnd(100000));
    default: return sprintf(z, "%s%u.", s, rnd(100000));
  }
}

int main(int argc, char **argv){
  const char *cases = argc > 1 ? argv[1] : "tests/data/jsonb_cases.txt";
  char line[4096];
  FILE *f;
  int i, n = 0;

  sqlite3_auto_extension((void(*)(void))sqlite3_kl_init);
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){
    printf("FAIL open: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  check("jsonb.sqlite-has-jsonb",
        q2("SELECT sqlite_version() >= '3.45' AND hex(jsonb('[1,2,34]'))"
           " = '7B13311332233334'", 0, 0), "1");
  /* 1 and 2, 3: the cases file */
  f = fopen(cases, "r");
  if( f==0 ){
    printf("FAIL jsonb.cases: cannot open %s\n", cases);
    return 1;
  }
  while( fgets(line, sizeof line, f) ){
    char *json = line, *hex, *want, id[64];
    line[strcspn(line, "\n")] = 0;
    hex = strchr(json, '|');
    if( hex==0 ) continue;
    *hex++ = 0;
    want = strchr(hex, '|');
    if( want==0 ) continue;
    *want++ = 0;
    snprintf(id, sizeof id, "jsonb.case%d.bytes", n);
    check(id, q2("SELECT hex(jsonb(?1))", json, 0), hex);
    snprintf(id, sizeof id, "jsonb.case%d.read", n);
    if( strcmp(want, "float32")==0 ){
      /* the other side: float32, as the explicit form reads it */
      compare_forms(id, json, "jsonb(?1)", "kl_f64(jsonb(?1), 'f32')");
    }else if( strncmp(want, "error: ", 7)==0 ){
      /* a JSONB array that is not of numbers: refused, never float32 */
      check(id, q2("SELECT kl_json(jsonb(?1))", json, 0), want);
    }else{
      check(id, q2("SELECT kl_json(jsonb(?1))", json, 0), want);
      snprintf(id, sizeof id, "jsonb.case%d.functions", n);
      compare_forms(id, json, "jsonb(?1)", "json(?1)");
    }
    n++;
  }
  fclose(f);

  /* 2: random arrays of numbers in every form, RFC 8259 and JSON5 */
  for(i=0; i<400; i++){
    char t[4096], id[64];
    int j = 0, k, len = 1 + rnd(i < 200 ? 8 : 300), json5 = i % 2;
    t[j++] = '[';
    for(k=0; k<len && j<4000; k++){
      if( k ){
        t[j++] = ',';
        if( rnd(4)==0 ) t[j++] = ' ';
      }
      j += number(t + j, json5);
    }
    t[j++] = ']';
    t[j] = 0;
    snprintf(id, sizeof id, "jsonb.random%d", i);
    compare_forms(id, t, "jsonb(?1)", "json(?1)");
  }

  /* 3: JSONB values that are not arrays of numbers: arrays refused,
  ** never float32; anything else float32 */
  {
    static const char *const arrays[] = {
      "[1,null]", "[true,false]", "[\"1\",\"2\",\"3\"]", "[[1,2],[3,4]]",
      "[1,[2]]", "[1,2,{}]", "[NaN]", "[1,2,3,\"x\"]", "[null]",
      "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,{\"a\":[1,\"\\u00e9\"]}]",
      "[\"\\n\", 1]", "[[[[[[[[1]]]]]]]]",
    };
    static const char *const others[] = {
      "{\"a\":1,\"b\":2}", "7", "\"abc\"", "null", "{\"a\":[1,2,3]}",
    };
    for(i=0; i<(int)(sizeof arrays / sizeof arrays[0]); i++){
      char id[64];
      const char *got = q2("SELECT kl_dims(jsonb(?1))", arrays[i], 0);
      snprintf(id, sizeof id, "jsonb.refused%d", i);
      check(id, strstr(got, "error: kl_dims: x is a JSONB array and x[") == got
                && strstr(got, "not a number") ? "refused" : got, "refused");
      snprintf(id, sizeof id, "jsonb.refused%d.valid", i);
      check(id, q2("SELECT json_valid(jsonb(?1), 8)", arrays[i], 0), "1");
    }
    for(i=0; i<(int)(sizeof others / sizeof others[0]); i++){
      char id[64];
      snprintf(id, sizeof id, "jsonb.other%d", i);
      compare_forms(id, others[i], "jsonb(?1)", "kl_f64(jsonb(?1), 'f32')");
    }
  }
  /* kl_mvn reads a JSONB matrix as it reads the JSON text */
  {
    static const char *const mats[][2] = {
      { "[[2]]", "[[3]]" },
      { "[[1,0.5],[0.5,2]]", "[[2,0],[0,2]]" },
      { "[[1e-320,0],[0,1]]", "[[1e300,0],[0,2]]" },
      { "[[1,2],[3,4]]", "[[1,0],[0,1]]" },           /* asymmetric */
      { "[[1,0],[0]]", "[[1,0],[0,1]]" },              /* ragged */
      { "[[1,0,0],[0,1,0]]", "[[1,0],[0,1]]" },        /* not square */
      { "[[1,0],[0,-1]]", "[[1,0],[0,1]]" },           /* not PD */
      { "[[0x10,0],[0,.5]]", "[[1,0],[0,1]]" },        /* JSON5 numbers */
    };
    for(i=0; i<(int)(sizeof mats / sizeof mats[0]); i++){
      char id[64], want[8192];
      snprintf(want, sizeof want, "%s",
               q2("SELECT kl_mvn(0, json(?1), 1, json(?2))", mats[i][0], mats[i][1]));
      snprintf(id, sizeof id, "jsonb.mvn%d", i);
      check(id, q2("SELECT kl_mvn(0, jsonb(?1), 1, jsonb(?2))", mats[i][0], mats[i][1]),
            want);
    }
  }
  /* 3b: the rule against SQLite's own check.  Every blob that SQLite
  ** calls well-formed JSONB (json_valid(x, 8)) and whose top is an array
  ** must be one for kl_jsonb_scan (else it would be read as float32):
  ** jsonb() of varied JSON, then with one or two bytes changed. */
  {
    static const char *const seeds[] = {
      "[1,2,3]", "[1,null,true,false]", "[\"a\",\"\\n\\u00e9\",\"\u00e9\"]",
      "[[1,2],[3,[4,{}]]]", "[{\"a\":1,\"b\":[2,\"c\"]},0.5]", "[0x1F,.5,5.,-1e999]",
      "[\"\\x41\",'q']", "[[],{},\"\",[[[]]]]", "[1.5e300,-0,12345678901234567890]",
    };
    int looser = 0, checked = 0, bad = 0;
    for(i=0; i<30000; i++){
      const char *seed = seeds[i % (sizeof seeds / sizeof seeds[0])];
      unsigned char b[256];
      int n, k, valid;
      kl_jsonb_info info;
      sqlite3_stmt *st;
      sqlite3_prepare_v2(db, "SELECT jsonb(?1)", -1, &st, 0);
      sqlite3_bind_text(st, 1, seed, -1, SQLITE_TRANSIENT);
      if( sqlite3_step(st)!=SQLITE_ROW ){ sqlite3_finalize(st); bad++; continue; }
      n = sqlite3_column_bytes(st, 0);
      if( n > (int)sizeof b ) n = (int)sizeof b;
      memcpy(b, sqlite3_column_blob(st, 0), (size_t)n);
      sqlite3_finalize(st);
      for(k = i % 3; k>0; k--) b[rnd((unsigned)n)] = (unsigned char)rnd(256);
      sqlite3_prepare_v2(db, "SELECT json_valid(?1, 8)",
                         -1, &st, 0);
      sqlite3_bind_blob(st, 1, b, n, SQLITE_TRANSIENT);
      valid = sqlite3_step(st)==SQLITE_ROW && sqlite3_column_int(st, 0);
      sqlite3_finalize(st);
      valid = valid && (b[0] & 0x0F)==0x0B;
      checked += valid;
      if( valid && !kl_jsonb_scan(b, (size_t)n, &info) ){
        printf("FAIL jsonb.rule-vs-sqlite: SQLite's well-formed JSONB array X'");
        for(k=0; k<n; k++) printf("%02X", b[k]);
        printf("' is not one for kl_jsonb_scan\n");
        failures++;
        break;
      }
      if( !valid && kl_jsonb_scan(b, (size_t)n, &info) ) looser++;
    }
    check("jsonb.rule-vs-sqlite.seeds", bad ? "bad seed" : "ok", "ok");
    /* the depth limit: 999 to 1002 nested empty arrays, both ways */
    {
      static unsigned char d[4200];
      kl_jsonb_info dinfo;
      size_t depth, k, m;
      for(depth=999; depth<=1002; depth++){
        char id[64], want[8];
        m = 0;
        for(k=0; k<depth; k++){
          size_t inner = m, hl = inner <= 11 ? 1 : inner <= 255 ? 2 : 3;
          memmove(d + hl, d, inner);
          if( hl==1 ){
            d[0] = (unsigned char)(inner << 4 | 0x0B);
          }else if( hl==2 ){
            d[0] = 0xCB;
            d[1] = (unsigned char)inner;
          }else{
            d[0] = 0xDB;
            d[1] = (unsigned char)(inner >> 8);
            d[2] = (unsigned char)inner;
          }
          m = inner + hl;
        }
        sqlite3_stmt *st;
        sqlite3_prepare_v2(db, "SELECT json_valid(?1, 8)", -1, &st, 0);
        sqlite3_bind_blob(st, 1, d, (int)m, SQLITE_STATIC);
        snprintf(want, sizeof want, "%d",
                 sqlite3_step(st)==SQLITE_ROW && sqlite3_column_int(st, 0));
        sqlite3_finalize(st);
        snprintf(id, sizeof id, "jsonb.depth%d-vs-sqlite", (int)depth);
        check(id, kl_jsonb_scan(d, m, &dinfo) ? "1" : "0", want);
      }
    }
    printf("# %d of 30000 mutated blobs were well-formed JSONB arrays for SQLite, all "
           "of them for kl; %d more were for kl only\n", checked, looser);
    check("jsonb.rule-vs-sqlite.enough", checked > 10000 ? "yes" : "no", "yes");
  }
  /* json functions that return JSONB (the jsonb_ family) */
  check("jsonb.jsonb_array",
        q2("SELECT kl_json(jsonb_array(1, 2.5, -3e-7, 0x10))", 0, 0),
        "[1,2.5,-3e-07,16]");
  check("jsonb.jsonb_set",
        q2("SELECT kl_json(jsonb_set(jsonb('[1,2,3]'), '$[1]', 20))", 0, 0),
        "[1,20,3]");
  check("jsonb.jsonb_extract-row",
        q2("SELECT kl_json(jsonb_extract(jsonb('[[1,2],[3,4]]'), '$[1]'))", 0, 0),
        "[3,4]");
  check("jsonb.column",
        q2("SELECT kl_gauss(v, 1, '[1,2,34]', 1) FROM (SELECT jsonb(?1) v)",
           "[1,2,34]", 0), "0.0");

  /* 4: kl_f64(x, format) on raw bytes */
  check("f64fmt.raw", q2("SELECT hex(kl_f64(X'000000000000004000000000000010400000000000001840', 'f64')) = hex(kl_f64('[2,4,6]'))", 0, 0), "1");
  check("f64fmt.raw-case", q2("SELECT kl_f64(X'000000000000F03F', 'F64') = kl_f64('[1]')", 0, 0), "1");
  check("f64fmt.f32", q2("SELECT kl_f64(X'0000803F', 'f32') = kl_f64('[1]')", 0, 0), "1");
  check("f64fmt.f32-not-jsonb", q2("SELECT kl_dims(kl_f64(X'7B13311332233334', 'f32'))", 0, 0), "2");
  check("f64fmt.header-wins", q2("SELECT kl_f64(kl_f64('[1,2]'), 'f64') = kl_f64('[1,2]')", 0, 0), "1");
  check("f64fmt.null-x-bad-format", q2("SELECT kl_f64(NULL, 'bad') IS NULL", 0, 0), "1");
  check("f64fmt.null-format", q2("SELECT kl_f64('[1]', NULL) IS NULL", 0, 0), "1");
  check("f64fmt.neginf", q2("SELECT kl_json(kl_f64(X'000000000000F0FF', 'f64'))", 0, 0), "[-1e999]");
  check("f64fmt.unknown", q2("SELECT kl_f64('[1]', 'f16')", 0, 0),
        "error: kl_f64: unknown format 'f16' (use 'f32' or 'f64')");
  check("f64fmt.size", q2("SELECT kl_f64(X'000000000000F03F0000', 'f64')", 0, 0),
        "error: kl_f64: x is a 10-byte blob, not a whole number of 8-byte float64 values");
  check("f64fmt.nan", q2("SELECT kl_f64(X'000000000000F87F', 'f64')", 0, 0),
        "error: kl_f64: x[0] must be finite (got NaN)");

  sqlite3_close(db);
  return 0;
}
