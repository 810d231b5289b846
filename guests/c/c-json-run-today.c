/* c-json-run-today: WASI reactor exporting run(), built with today's default wasm features.
 * run() reads all of stdin as one JSON object {"op":NAME,"a":INT,"b":INT} and prints one line:
 *   {"op":"mul","a":6,"b":7} -> {"op":"mul","result":42}
 * NAME is one of add, sub, mul, div, rem (int64, wrapping; div and rem truncate toward zero, and
 * INT64_MIN / -1 wraps to INT64_MIN with remainder 0). The operation is called through a table of
 * function pointers (call_indirect). Errors: {"error":"invalid JSON"} (jsonmini rejects it, or > 64 KiB),
 * {"error":"unknown op"} (missing, not a string, or not in the table),
 * {"error":"a and b must be integers"}, {"error":"division by zero"} (div or rem with b = 0). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "jsonmini.h"

#define EXPORT(name) __attribute__((export_name(name)))

typedef int64_t (*binop)(int64_t, int64_t);

static int64_t op_add(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
static int64_t op_sub(int64_t a, int64_t b) { return (int64_t)((uint64_t)a - (uint64_t)b); }
static int64_t op_mul(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }
static int64_t op_div(int64_t a, int64_t b) { return b == -1 ? (int64_t)(0 - (uint64_t)a) : a / b; }
static int64_t op_rem(int64_t a, int64_t b) { return b == -1 ? 0 : a % b; }

static const struct {
    const char *name;
    binop fn;
    int divides;
} ops[] = {
    {"add", op_add, 0}, {"sub", op_sub, 0}, {"mul", op_mul, 0}, {"div", op_div, 1}, {"rem", op_rem, 1},
};

typedef struct {
    char op[8];   /* the op name if it is a known one, else "" */
    int64_t a, b;
    int have_a, have_b;
} request;

static void take_member(const jm_member *m, void *ctx) {
    request *r = ctx;
    if (strcmp(m->key, "op") == 0) {
        r->op[0] = 0;
        if (m->type == JM_STRING && strlen(m->str) < sizeof r->op) strcpy(r->op, m->str);
    } else if (!jm_take_int(m, "a", &r->a, &r->have_a)) {
        jm_take_int(m, "b", &r->b, &r->have_b);
    }
}

static void answer(const request *r) {
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (strcmp(r->op, ops[i].name) != 0) continue;
        if (!r->have_a || !r->have_b) {
            printf("{\"error\":\"a and b must be integers\"}\n");
        } else if (ops[i].divides && r->b == 0) {
            printf("{\"error\":\"division by zero\"}\n");
        } else {
            printf("{\"op\":\"%s\",\"result\":%lld}\n", ops[i].name, (long long)ops[i].fn(r->a, r->b));
        }
        return;
    }
    printf("{\"error\":\"unknown op\"}\n");
}

EXPORT("run") void run(void) {
    size_t len = 0;
    char *in = jm_read_stdin(65536, &len);
    request r = {0};
    if (!in || jm_parse_object(in, len, take_member, &r) != 0) {
        printf("{\"error\":\"invalid JSON\"}\n");
    } else {
        answer(&r);
    }
    free(in);
    fflush(stdout);
}
