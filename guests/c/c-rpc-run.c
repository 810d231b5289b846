/* c-rpc-run: WASI reactor exporting run() and alloc(len).
 * run(): reads the first line of stdin (without the trailing "\n" / "\r\n"), passes it unchanged as the
 * JSON-RPC request to host.rpc_call, and prints the response bytes followed by "\n" on stdout.
 * If rpc_call returns a negative value R, prints {"error":"rpc_call failed","code":R}.
 * If stdin is empty, prints {"error":"empty input"}. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXPORT(name) __attribute__((export_name(name)))

__attribute__((import_module("host"), import_name("rpc_call")))
int32_t host_rpc_call(int32_t req_ptr, int32_t req_len, int32_t resp_ptr_ptr);

EXPORT("alloc") int32_t guest_alloc(int32_t len) {
    void *p = malloc(len > 0 ? (size_t)len : 1);
    return (int32_t)(uintptr_t)p;
}

/* Reads stdin up to the first '\n' or EOF; returns a malloc'd buffer (never NULL unless OOM). */
static char *read_line(size_t *out_len) {
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        char c;
        ssize_t n = read(0, &c, 1);
        if (n <= 0 || c == '\n') break;
        if (len + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); return NULL; }
            buf = nb;
            cap *= 2;
        }
        buf[len++] = c;
    }
    if (len > 0 && buf[len - 1] == '\r') len--;
    buf[len] = 0;
    *out_len = len;
    return buf;
}

EXPORT("run") void run(void) {
    size_t len = 0;
    char *req = read_line(&len);
    if (req == NULL || len == 0) {
        printf("{\"error\":\"empty input\"}\n");
        fflush(stdout);
        free(req);
        return;
    }
    int32_t resp_ptr = 0;
    int32_t n = host_rpc_call((int32_t)(uintptr_t)req, (int32_t)len, (int32_t)(uintptr_t)&resp_ptr);
    if (n < 0) {
        printf("{\"error\":\"rpc_call failed\",\"code\":%d}\n", (int)n);
    } else {
        fwrite((const void *)(uintptr_t)(uint32_t)resp_ptr, 1, (size_t)n, stdout);
        fputc('\n', stdout);
    }
    fflush(stdout);
    free(req);
}
