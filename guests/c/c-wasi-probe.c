/* c-wasi-probe: WASI command. Prints exactly one JSON line:
 * {"argc":N,"argv":[...],"probe":"<$PROBE>"|null,"clock1":T1,"clock2":T2,"random":"<16 hex>","stdin_len":L}
 * clock1/clock2: two consecutive clock_time_get(REALTIME, precision 1) calls, in nanoseconds.
 * random: 8 bytes from random_get, lowercase hex. stdin_len: number of bytes read from stdin until EOF.
 * Exit code 0 (1 if a WASI call fails; then an {"error":...} line is printed instead). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wasi/api.h>

static void json_string(const char *s) {
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\r': fputs("\\r", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        default:
            if (*p < 0x20) printf("\\u%04x", *p);
            else putchar(*p);
        }
    }
    putchar('"');
}

int main(int argc, char **argv) {
    __wasi_timestamp_t t1 = 0, t2 = 0;
    uint8_t rnd[8];
    if (__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &t1) != 0 ||
        __wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &t2) != 0) {
        printf("{\"error\":\"clock_time_get failed\"}\n");
        return 1;
    }
    if (__wasi_random_get(rnd, sizeof rnd) != 0) {
        printf("{\"error\":\"random_get failed\"}\n");
        return 1;
    }
    static char buf[65536];
    uint64_t total = 0;
    for (;;) {
        ssize_t n = read(0, buf, sizeof buf);
        if (n < 0) { printf("{\"error\":\"stdin read failed\"}\n"); return 1; }
        if (n == 0) break;
        total += (uint64_t)n;
    }
    const char *probe = getenv("PROBE");
    printf("{\"argc\":%d,\"argv\":[", argc);
    for (int i = 0; i < argc; i++) {
        if (i) putchar(',');
        json_string(argv[i]);
    }
    fputs("],\"probe\":", stdout);
    if (probe) json_string(probe); else fputs("null", stdout);
    printf(",\"clock1\":%llu,\"clock2\":%llu,\"random\":\"",
           (unsigned long long)t1, (unsigned long long)t2);
    for (int i = 0; i < 8; i++) printf("%02x", rnd[i]);
    printf("\",\"stdin_len\":%llu}\n", (unsigned long long)total);
    return 0;
}
