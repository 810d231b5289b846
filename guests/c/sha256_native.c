/* Native benchmark harness for the shared sha256.c (built only by `build.sh --native OUT`).
 * Usage: OUT [N]   (N = number of timed SHA-256-of-1-MiB runs, default 50)
 * Prints: median_ns=<median nanoseconds per sha256_repeat(1024) call>
 *         first4=<same i32 value the wasm export sha256_repeat(1024) returns> (signed decimal)
 *         first4_hex=0x<8 hex digits> */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "sha256.h"

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y ? 1 : 0;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 50;
    if (n < 1) n = 1;
    uint64_t *t = malloc(sizeof(uint64_t) * (size_t)n);
    if (t == NULL) return 1;
    uint32_t first4 = sha256_repeat_buf(1024); /* warm-up */
    for (long i = 0; i < n; i++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        uint32_t v = sha256_repeat_buf(1024);
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (v != first4) { fprintf(stderr, "non-deterministic result\n"); return 1; }
        t[i] = (uint64_t)(b.tv_sec - a.tv_sec) * 1000000000u + (uint64_t)(b.tv_nsec - a.tv_nsec);
    }
    qsort(t, (size_t)n, sizeof t[0], cmp_u64);
    uint64_t median = (n % 2) ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
    printf("median_ns=%llu\n", (unsigned long long)median);
    printf("first4=%ld\n", (long)(int32_t)first4);
    printf("first4_hex=0x%08x\n", (unsigned)first4);
    free(t);
    return 0;
}
