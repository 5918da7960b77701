/*
** core/vectors.h — vector decoding for sqlite-kl.  Pure C, no SQLite.
**
** A vector argument is one of:
**   KL_NUM   a plain number (a SQL INTEGER or REAL, or JSON text holding
**            a single number); it broadcasts against vectors;
**   KL_JSON  JSON text: a flat, non-empty array of numbers;
**   KL_F32   a blob of little-endian IEEE float32 values, 4 bytes each;
**   KL_F64   a blob made by kl_f64(): the 8-byte header below followed by
**            little-endian IEEE float64 values, 8 bytes each.
**   KL_JSONB a blob that is SQLite's binary JSON (jsonb(), SQLite 3.45+):
**            one well-formed JSONB array (kl_jsonb_scan) whose elements are
**            all JSONB numbers (INT, INT5, FLOAT, FLOAT5).  A well-formed
**            JSONB array with any other element (null, a string, a nested
**            array, an object) is refused (KL_ERR_JSONB), never read as
**            float32.  Any other blob without the kl_f64 header is KL_F32.
**
** The kl_f64 header, byte by byte:
**   0x4B 0x4C 0xC0 0x7F  read as a little-endian float32 this is a quiet
**                        NaN, which no valid float32 vector can start with
**                        (NaN elements are refused), so the two blob kinds
**                        never collide; 0x4B 0x4C is "KL" in ASCII;
**   0x66 0x36 0x34       "f64" in ASCII;
**   0x01                 the format version.
**
** Vectors are read in chunks, so a vector of any length is decoded in
** constant memory, and several vectors are read in lock-step.  Every element
** read is finite; NaN and +-Inf are errors, as is JSON outside the strict
** grammar of RFC 8259 (no hex, no leading zeros, no trailing commas, no
** NaN/Infinity words, no nested arrays).  Parsing does not depend on the
** C locale.
*/
#ifndef KL_VEC_H
#define KL_VEC_H

#include <stddef.h>

#define KL_F64_HEADER_SIZE 8
extern const unsigned char kl_f64_header[KL_F64_HEADER_SIZE];

typedef enum { KL_NUM, KL_JSON, KL_F32, KL_F64, KL_JSONB } kl_kind;

typedef enum {
  KL_OK = 0,
  KL_ERR_SYNTAX,     /* JSON grammar; offset, expected, found */
  KL_ERR_NESTED,     /* element is an array; index, offset */
  KL_ERR_NOTNUM,     /* element is a string, true, false or null */
  KL_ERR_EMPTY,      /* no elements */
  KL_ERR_NONFINITE,  /* NaN or +-Inf; index, value */
  KL_ERR_RANGE,      /* JSON number beyond the double range; index, offset */
  KL_ERR_BLOBSIZE,   /* blob size not a whole number of elements; size */
  KL_ERR_HEADER,     /* starts like a kl_f64 blob but the header is wrong */
  KL_ERR_JSONB       /* a JSONB array with a non-number element: index,
                     ** offset, found (its JSONB type, 0-12, or
                     ** KL_JSONB_BADNUM) */
} kl_errcode;

typedef struct kl_verr {
  kl_errcode code;
  size_t index;          /* element index (0-based) */
  size_t offset;         /* byte offset in JSON text (0-based) */
  size_t size;           /* blob size in bytes */
  size_t elsize;         /* element size the blob should be a multiple of */
  double value;          /* the offending value */
  const char *expected;  /* what the JSON grammar wanted */
  int found;             /* the byte found instead, or -1 at end of text */
  int scalar;            /* the value is a plain number (no index to name) */
} kl_verr;

typedef struct kl_vec {
  kl_kind kind;
  const unsigned char *p;  /* JSON text, or blob payload after any header */
  size_t n;                /* bytes at p */
  size_t pos;              /* JSON: offset of the next byte to read */
  size_t count;            /* blobs: number of elements */
  size_t next;             /* elements handed out so far */
  double num;              /* KL_NUM: the value */
  int done;                /* all elements handed out */
  int neg_inf_ok;          /* -Inf elements are values, not errors */
} kl_vec;

void kl_vec_number(kl_vec *v, double x);
int kl_vec_text(kl_vec *v, const char *z, size_t n, kl_verr *err);
/* kl_vec_text over z[start..end), with every offset (in this call's and
** later reads' errors) an offset in z: a vector inside a longer text. */
int kl_vec_text_at(kl_vec *v, const char *z, size_t start, size_t end,
                   kl_verr *err);
/* A blob: kl_f64 header -> KL_F64; a JSONB array of numbers -> KL_JSONB;
** else KL_F32. */
int kl_vec_blob(kl_vec *v, const void *p, size_t n, kl_verr *err);
/* A blob without the kl_f64 header read as raw float64 / always as float32
** (never as JSONB): the explicit forms. */
int kl_vec_raw_f64(kl_vec *v, const void *p, size_t n, kl_verr *err);
int kl_vec_f32(kl_vec *v, const void *p, size_t n, kl_verr *err);

/*
** Whether blob[0..n) is one well-formed JSONB array: its first header is
** an array (type 0xB) whose size spans exactly the n bytes, and every
** element, to a depth of KL_JSONB_DEPTH containers, has a header and
** payload that fit inside its container and is well formed for its type:
** null, true and false empty; numbers a text of number characters
** (digits, hex digits, '+-.xX'), which is a number (a valid text of its
** type: RFC 8259; JSON5 hex and '.5'/'5.' for INT5/FLOAT5) or a malformed
** number (KL_JSONB_BADNUM: "01", say, which SQLite's check lets through);
** strings: TEXT without control characters, '"' or '\', the other
** string types anything; objects an even count
** of elements, each key a string; types 13-15 never.  This is SQLite's
** own check (json_valid(x, 8)) or looser, never stricter, so a blob that
** SQLite calls JSONB is never taken for float32 (tests/jsonb_host.c checks
** it against SQLite's).  Reads only within the n bytes, uses no heap.
** *info says what the array holds at its top level.
*/
#define KL_JSONB_DEPTH 1000    /* SQLite's JSON_MAX_DEPTH */
#define KL_JSONB_BADNUM 16     /* other_type of a malformed number */
typedef struct kl_jsonb_info {
  size_t count;         /* top-level elements */
  size_t start;         /* offset of the first element's header */
  int found_other;      /* some top-level element is not a number: */
  size_t other;         /*   the first one's index, */
  size_t other_offset;  /*   the offset of its header, */
  int other_type;       /*   its JSONB type (0-12), or KL_JSONB_BADNUM */
  int all_arrays;       /* count > 0 and every element is an array */
} kl_jsonb_info;
int kl_jsonb_scan(const void *blob, size_t n, kl_jsonb_info *info);

/* The length (header and payload) of the JSONB element at blob[pos..n),
** or 0 if it does not fit: with kl_jsonb_scan's start, steps through the
** top-level elements (kl_mvn reads a JSONB matrix's rows this way). */
size_t kl_jsonb_element(const void *blob, size_t n, size_t pos);

/*
** Whether blob[0..n) is a JSONB array of numbers (see KL_JSONB above):
** then *count is its number of elements and *start the offset of the first
** element's header.  Reads only within the n bytes.
*/
int kl_jsonb_numbers(const void *blob, size_t n, size_t *count,
                     size_t *start);

/* Lets -Inf elements through (logits: -Inf is probability 0). */
void kl_vec_allow_neg_inf(kl_vec *v);

/*
** Reads up to max elements into out; *got is 0 once the vector is used up.
** A KL_NUM vector yields its one value once.
*/
int kl_vec_read(kl_vec *v, double *out, size_t max, size_t *got,
                kl_verr *err);

/* Reads the remaining elements, only to count them. */
int kl_vec_count_rest(kl_vec *v, size_t *count, kl_verr *err);

/*
** JSON matrices: a JSON array of rows, each a flat JSON array of numbers,
** '[[1,0.5],[0.5,2]]' (JSON white space anywhere between tokens).  The
** reader allocates nothing: it hands out one row at a time as a KL_JSON
** vector that the caller reads with kl_vec_read() into its own storage,
** and checks the rows' lengths itself.
**
** kl_rows_is_matrix(z, n): whether z[0..n) starts (after white space) with
**   '[' and then '[', i.e. is to be read as rows.
** kl_rows_open(m, z, n): starts reading z[0..n), which kl_rows_is_matrix()
**   accepted.
** kl_rows_next(m, row, err):
**   KL_OK, m->more = 1: *row is the next row, row number m->row (0-based);
**     its elements' offsets (in errors of kl_vec_read) are offsets in z;
**   KL_OK, m->more = 0: the matrix ended with ']' and only white space
**     follows; m->rows rows were handed out;
**   an error code, *err filled: a KL_ERR_SYNTAX of the matrix text (a row
**     not starting with '[', a nested '[' in a row, no ']' closing a row,
**     no ',' or ']' after a row, text after the matrix), m->in_row = 0; or
**     an error of row m->row's own text (an empty row), m->in_row = 1.
**     Offsets are offsets in z.
** Each row is scanned to its ']' before it is handed out, so a row with a
** nested '[' is refused before any of its elements are read.
*/
typedef struct kl_rows {
  const char *z;    /* the matrix text */
  size_t n;         /* its bytes */
  size_t pos;       /* offset after the last row handed out */
  size_t row;       /* the row handed out last, or the row in error */
  size_t rows;      /* rows handed out */
  int more;         /* after kl_rows_next: 1 a row, 0 the end */
  int in_row;       /* after an error: 1 if it is row m->row's own */
} kl_rows;

int kl_rows_is_matrix(const char *z, size_t n);
void kl_rows_open(kl_rows *m, const char *z, size_t n);
/* The same for the matrix at z[start..end) inside a longer text; offsets
** in errors are offsets in z. */
void kl_rows_open_at(kl_rows *m, const char *z, size_t start, size_t end);
int kl_rows_next(kl_rows *m, kl_vec *row, kl_verr *err);

/*
** Parses one JSON number at z[0..n): returns the number of bytes used, or 0
** if z does not start with a number.  *out is correctly rounded (it may be
** +-Inf for a number beyond the double range).
*/
size_t kl_parse_number(const char *z, size_t n, double *out);

/*
** For z[0..n), which starts with '-' or a digit but is not a JSON number
** (kl_parse_number returned 0): the offset of the first byte that breaks the
** number grammar (n at the end of text), and in *expected what the grammar
** wanted there.
*/
size_t kl_number_error(const char *z, size_t n, const char **expected);

/*
** Writes the shortest decimal that reads back (with kl_parse_number, then
** rounded to float when is_float) as exactly x; x must be finite.  buf needs
** 32 bytes; returns the length.  The radix is always '.'.
*/
int kl_format_number(double x, int is_float, char *buf);

#endif /* KL_VEC_H */
