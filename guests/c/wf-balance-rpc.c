/* wf-balance-rpc: the workflow tests' ERC-20 balance reader through host.rpc_call, built with today's default wasm
 * features. A WASI reactor exporting run() and alloc(len). run() reads stdin as one JSON object
 *   {"token":"0x<40 hex>","holder":"0x<40 hex>","chainId":N}        (chainId optional, an integer)
 * and sends
 *   {"jsonrpc":"2.0","id":1,"method":"eth_call","params":[{"to":"<token>","data":"0x70a08231<holder, 32 bytes>"},"latest"]}
 * with ,"chainId":N appended when given (the host's non-standard chain selector). The response's "result", a
 * 32-byte big-endian hex word, is printed in decimal (all 256 bits, exact): {"value":"<decimal>"}\n.
 * Errors (one line on stdout): {"error":"invalid JSON"}, {"error":"token must be an address"},
 * {"error":"holder must be an address"}, {"error":"chainId must be an integer"},
 * {"error":"rpc_call failed","code":R} (R < 0), {"error":"eth_call failed"} (the response has no hex "result" of
 * 1 to 64 digits; the response is copied to stderr). */
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
    char token[43];
    char holder[43];
    int64_t chain_id;
    int has_chain, bad_chain;
} query;

static int is_address(const char *s) {
    return strlen(s) == 42 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')
        && strspn(s + 2, "0123456789abcdefABCDEF") == 40;
}

static void take_query(const jm_member *m, void *ctx) {
    query *q = ctx;
    if (strcmp(m->key, "token") == 0 || strcmp(m->key, "holder") == 0) {
        char *dst = m->key[0] == 't' ? q->token : q->holder;
        dst[0] = 0;
        if (m->type == JM_STRING && is_address(m->str)) strcpy(dst, m->str);
    } else if (strcmp(m->key, "chainId") == 0) {
        q->has_chain = m->type != JM_LITERAL || strcmp(m->str, "null") != 0;
        q->bad_chain = q->has_chain && m->type != JM_INT;
        q->chain_id = m->num;
    }
}

typedef struct { char result[80]; int found; } reply;

static void take_result(const jm_member *m, void *ctx) {
    reply *r = ctx;
    if (strcmp(m->key, "result") == 0 && m->type == JM_STRING && strlen(m->str) < sizeof r->result) {
        strcpy(r->result, m->str);
        r->found = 1;
    }
}

/* Hex digits (no 0x) of a number below 2^256 to decimal, exactly: eight 32-bit limbs, divided by 10^9 until zero. */
static int hex_to_decimal(const char *hex, char *out) {
    uint32_t limb[8] = {0};
    size_t n = strlen(hex);
    if (n == 0 || n > 64 || strspn(hex, "0123456789abcdefABCDEF") != n) return -1;
    for (size_t i = 0; i < n; i++) {
        char c = hex[n - 1 - i];
        uint32_t v = c <= '9' ? (uint32_t)(c - '0') : (uint32_t)((c | 0x20) - 'a' + 10);
        limb[i / 8] |= v << (4 * (i % 8));
    }
    char digits[90];
    int len = 0;
    for (;;) {
        uint64_t rem = 0;
        int zero = 1;
        for (int i = 7; i >= 0; i--) {
            uint64_t cur = (rem << 32) | limb[i];
            limb[i] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
            if (limb[i]) zero = 0;
        }
        for (int k = 0; k < 9; k++) { digits[len++] = (char)('0' + rem % 10); rem /= 10; }
        if (zero) break;
    }
    while (len > 1 && digits[len - 1] == '0') len--;
    for (int i = 0; i < len; i++) out[i] = digits[len - 1 - i];
    out[len] = 0;
    return 0;
}

static void call(const query *q) {
    char req[400];
    int len = snprintf(req, sizeof req,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"to\":\"%s\","
        "\"data\":\"0x70a08231000000000000000000000000%s\"},\"latest\"]", q->token, q->holder + 2);
    if (q->has_chain) len += snprintf(req + len, sizeof req - len, ",\"chainId\":%lld", (long long)q->chain_id);
    len += snprintf(req + len, sizeof req - len, "}");
    int32_t resp_ptr = 0;
    int32_t n = host_rpc_call((int32_t)(uintptr_t)req, len, (int32_t)(uintptr_t)&resp_ptr);
    if (n < 0) {
        printf("{\"error\":\"rpc_call failed\",\"code\":%d}\n", (int)n);
        return;
    }
    const char *resp = (const char *)(uintptr_t)(uint32_t)resp_ptr;
    reply r = {{0}, 0};
    jm_parse_object(resp, (size_t)n, take_result, &r);
    char decimal[90];
    if (!r.found || (r.result[0] != '0' || (r.result[1] | 0x20) != 'x') || hex_to_decimal(r.result + 2, decimal) != 0) {
        fwrite(resp, 1, (size_t)n, stderr);
        fputc('\n', stderr);
        printf("{\"error\":\"eth_call failed\"}\n");
        return;
    }
    printf("{\"value\":\"%s\"}\n", decimal);
}

EXPORT("run") void run(void) {
    size_t len = 0;
    char *in = jm_read_stdin(65536, &len);
    query q = {{0}, {0}, 0, 0, 0};
    if (!in || jm_parse_object(in, len, take_query, &q) != 0) {
        printf("{\"error\":\"invalid JSON\"}\n");
    } else if (q.token[0] == 0) {
        printf("{\"error\":\"token must be an address\"}\n");
    } else if (q.holder[0] == 0) {
        printf("{\"error\":\"holder must be an address\"}\n");
    } else if (q.bad_chain) {
        printf("{\"error\":\"chainId must be an integer\"}\n");
    } else {
        call(&q);
    }
    free(in);
    fflush(stdout);
    fflush(stderr);
}
