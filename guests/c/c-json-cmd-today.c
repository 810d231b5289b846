/* c-json-cmd-today: WASI command built with today's default wasm features (see build.sh, CC_TODAY).
 * Reads one JSON object from stdin, e.g. {"a":2,"b":3}, and prints {"sum":5,"product":6} and "\n"
 * (int64 arithmetic, wrapping), exit code 0. Other members are ignored; a repeated key keeps its last value.
 * Errors (one line on stdout, exit code 2): input that jsonmini rejects or larger than 64 KiB ->
 * {"error":"invalid JSON"}; "a" or "b" missing or not an integer -> {"error":"a and b must be integers"}. */
#include <stdio.h>
#include <stdlib.h>
#include "jsonmini.h"

typedef struct {
    int64_t a, b;
    int have_a, have_b;
} operands;

/* Keeps the last "a" and "b"; a non-integer value clears the flag again. */
static void take_operand(const jm_member *m, void *ctx) {
    operands *o = ctx;
    if (!jm_take_int(m, "a", &o->a, &o->have_a)) jm_take_int(m, "b", &o->b, &o->have_b);
}

int main(void) {
    size_t len = 0;
    char *in = jm_read_stdin(65536, &len);
    operands o = {0};
    int rc = in ? jm_parse_object(in, len, take_operand, &o) : -1;
    free(in);
    if (rc != 0) {
        printf("{\"error\":\"invalid JSON\"}\n");
        return 2;
    }
    if (!o.have_a || !o.have_b) {
        printf("{\"error\":\"a and b must be integers\"}\n");
        return 2;
    }
    uint64_t sum = (uint64_t)o.a + (uint64_t)o.b, product = (uint64_t)o.a * (uint64_t)o.b;
    printf("{\"sum\":%lld,\"product\":%lld}\n", (long long)(int64_t)sum, (long long)(int64_t)product);
    return 0;
}
