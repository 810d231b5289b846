#ifndef WASMHIVE_JSONMINI_H
#define WASMHIVE_JSONMINI_H
/* jsonmini: a parser for one flat JSON object, enough for the "today" guests' inputs.
 * Accepted: an object whose values are integers (fitting in int64), strings, true, false or null,
 * surrounded by optional JSON whitespace. Rejected as invalid: nested objects and arrays, numbers with a
 * fraction or an exponent, integers outside int64, \u escapes, raw control characters in strings. */
#include <stddef.h>
#include <stdint.h>

enum jm_type { JM_INT, JM_STRING, JM_LITERAL };

typedef struct {
    const char *key;   /* unescaped, NUL-terminated; valid only during the callback */
    enum jm_type type;
    int64_t num;       /* JM_INT */
    const char *str;   /* JM_STRING: unescaped, NUL-terminated; JM_LITERAL: "true", "false" or "null";
                          valid only during the callback */
} jm_member;

/* Called once per member, in input order; a duplicated key is reported each time. */
typedef void (*jm_member_fn)(const jm_member *m, void *ctx);

/* Parses s[0..len); the member callback runs through a function pointer (an indirect call).
 * Returns 0 when the whole input is one valid object, -1 otherwise (members before the error were reported). */
int jm_parse_object(const char *s, size_t len, jm_member_fn on_member, void *ctx);

/* If m's key is `key`: stores its value in *out, sets *is_int to whether it is an integer, and returns 1
 * (so the last occurrence of a repeated key wins); otherwise returns 0 and changes nothing. */
int jm_take_int(const jm_member *m, const char *key, int64_t *out, int *is_int);

/* Reads all of stdin into a malloc'd NUL-terminated buffer; NULL when it is larger than max bytes. */
char *jm_read_stdin(size_t max, size_t *out_len);

#endif
