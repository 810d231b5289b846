/* c-rpc-run-today: WASI reactor exporting run() and alloc(len) that calls host.rpc_call, built with today's
 * default wasm features. run() reads all of stdin as one JSON object {"method":NAME,"id":INT}, sends
 *   {"jsonrpc":"2.0","id":ID,"method":"NAME","params":[]}
 * (id defaults to 1) and prints the response bytes unchanged followed by "\n". NAME must be 1 to 64 characters
 * from [A-Za-z0-9_]. Errors (one line, no rpc_call): {"error":"invalid JSON"} (jsonmini rejects the input, or
 * it is > 64 KiB), {"error":"method must be a name"}, {"error":"id must be an integer"};
 * rpc_call returning R < 0 -> {"error":"rpc_call failed","code":R}. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "jsonmini.h"

#define EXPORT(name) __attribute__((export_name(name)))

__attribute__((import_module("host"), import_name("rpc_call")))
int32_t host_rpc_call(int32_t req_ptr, int32_t req_len, int32_t resp_ptr_ptr);

EXPORT("alloc") int32_t guest_alloc(int32_t len) {
    return (int32_t)(uintptr_t)malloc(len > 0 ? (size_t)len : 1);
}

typedef struct {
    char method[65];   /* "" unless a valid name was given */
    int64_t id;
    int bad_id;
} call;

static int is_name(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n > 64) return 0;
    return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static void take_member(const jm_member *m, void *ctx) {
    call *c = ctx;
    if (strcmp(m->key, "method") == 0) {
        c->method[0] = 0;
        if (m->type == JM_STRING && is_name(m->str)) strcpy(c->method, m->str);
    } else if (strcmp(m->key, "id") == 0) {
        c->bad_id = m->type != JM_INT;
        c->id = m->num;
    }
}

static void send(const call *c) {
    char req[160];
    int len = snprintf(req, sizeof req, "{\"jsonrpc\":\"2.0\",\"id\":%lld,\"method\":\"%s\",\"params\":[]}",
                       (long long)c->id, c->method);
    int32_t resp_ptr = 0;
    int32_t n = host_rpc_call((int32_t)(uintptr_t)req, len, (int32_t)(uintptr_t)&resp_ptr);
    if (n < 0) {
        printf("{\"error\":\"rpc_call failed\",\"code\":%d}\n", (int)n);
    } else {
        fwrite((const void *)(uintptr_t)(uint32_t)resp_ptr, 1, (size_t)n, stdout);
        fputc('\n', stdout);
    }
}

EXPORT("run") void run(void) {
    size_t len = 0;
    char *in = jm_read_stdin(65536, &len);
    call c = {.id = 1};
    if (!in || jm_parse_object(in, len, take_member, &c) != 0) {
        printf("{\"error\":\"invalid JSON\"}\n");
    } else if (c.method[0] == 0) {
        printf("{\"error\":\"method must be a name\"}\n");
    } else if (c.bad_id) {
        printf("{\"error\":\"id must be an integer\"}\n");
    } else {
        send(&c);
    }
    free(in);
    fflush(stdout);
}
