/* c-file-bridge: WASI reactor exporting run() (older file-based RPC bridge).
 * run(): reads the first line of stdin (without the trailing "\n" / "\r\n") = JSON-RPC request;
 *   writes it (exactly those bytes, no newline) to $WASM_RPC_WORK_DIR/$WASM_RPC_REQUEST_FILE and closes it;
 *   then tries to open $WASM_RPC_WORK_DIR/$WASM_RPC_RESPONSE_FILE for reading, up to 1000 attempts,
 *   calling sched_yield() between attempts (no sleeping); reads it completely and prints its contents with
 *   trailing '\n'/'\r'/' ' removed, followed by one "\n".
 * Errors (printed as one JSON line on stdout instead):
 *   {"error":"missing env","var":"WASM_RPC_WORK_DIR"} (same for the other two variables)
 *   {"error":"empty input"}
 *   {"error":"cannot write request file"}
 *   {"error":"rpc response timeout","tries":1000}
 */
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define MAX_TRIES 1000

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

static char *join(const char *dir, const char *file) {
    size_t a = strlen(dir), b = strlen(file);
    char *p = malloc(a + b + 2);
    if (!p) return NULL;
    memcpy(p, dir, a);
    size_t o = a;
    if (a == 0 || dir[a - 1] != '/') p[o++] = '/';
    memcpy(p + o, file, b + 1);
    return p;
}

static int write_all(int fd, const char *p, size_t len) {
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w <= 0) return 0;
        p += w;
        len -= (size_t)w;
    }
    return 1;
}

static void finish(void) { fflush(stdout); }

EXPORT("run") void run(void) {
    static const char *vars[3] = {"WASM_RPC_WORK_DIR", "WASM_RPC_REQUEST_FILE", "WASM_RPC_RESPONSE_FILE"};
    const char *val[3];
    for (int i = 0; i < 3; i++) {
        val[i] = getenv(vars[i]);
        if (val[i] == NULL || val[i][0] == 0) {
            printf("{\"error\":\"missing env\",\"var\":\"%s\"}\n", vars[i]);
            finish();
            return;
        }
    }
    size_t len = 0;
    char *req = read_line(&len);
    if (req == NULL || len == 0) {
        printf("{\"error\":\"empty input\"}\n");
        free(req);
        finish();
        return;
    }
    char *req_path = join(val[0], val[1]);
    char *resp_path = join(val[0], val[2]);
    /* open/read/write/close only (no stdio FILE on the files) to stay within the host's WASI subset */
    int wfd = req_path ? open(req_path, O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
    if (wfd < 0 || !write_all(wfd, req, len)) {
        if (wfd >= 0) close(wfd);
        printf("{\"error\":\"cannot write request file\"}\n");
        goto out;
    }
    close(wfd);
    int r = -1;
    for (int tries = 0; tries < MAX_TRIES; tries++) {
        r = open(resp_path, O_RDONLY);
        if (r >= 0) break;
        sched_yield();
    }
    if (r < 0) {
        printf("{\"error\":\"rpc response timeout\",\"tries\":%d}\n", MAX_TRIES);
        goto out;
    }
    size_t cap = 4096, n = 0;
    char *resp = malloc(cap);
    for (;;) {
        if (resp == NULL) break;
        if (n == cap) {
            char *nb = realloc(resp, cap * 2);
            if (!nb) { free(resp); resp = NULL; break; }
            resp = nb;
            cap *= 2;
        }
        ssize_t got = read(r, resp + n, cap - n);
        if (got <= 0) break;
        n += (size_t)got;
    }
    close(r);
    if (resp == NULL) {
        printf("{\"error\":\"out of memory\"}\n");
        goto out;
    }
    while (n > 0 && (resp[n - 1] == '\n' || resp[n - 1] == '\r' || resp[n - 1] == ' ')) n--;
    fwrite(resp, 1, n, stdout);
    fputc('\n', stdout);
    free(resp);
out:
    free(req);
    free(req_path);
    free(resp_path);
    finish();
}
