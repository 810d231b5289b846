/* c-sha256: WASI reactor (-mexec-model=reactor, exports _initialize).
 *   alloc(len) -> ptr                     bytes-ABI allocator (malloc)
 *   sha256(ptr, len) -> i64               bytes ABI: (out_ptr << 32) | 32, output = raw 32-byte digest
 *   sha256_repeat(n_kib) -> i32           hash of the deterministic n_kib KiB buffer, first 4 bytes big-endian */
#include <stdint.h>
#include <stdlib.h>
#include "sha256.h"

#define EXPORT(name) __attribute__((export_name(name)))

static uint8_t digest_out[32];

EXPORT("alloc") int32_t guest_alloc(int32_t len) {
    void *p = malloc(len > 0 ? (size_t)len : 1);
    return (int32_t)(uintptr_t)p;
}

EXPORT("sha256") int64_t guest_sha256(int32_t ptr, int32_t len) {
    sha256_digest((const uint8_t *)(uintptr_t)(uint32_t)ptr, (size_t)(uint32_t)len, digest_out);
    return (int64_t)(((uint64_t)(uint32_t)(uintptr_t)digest_out << 32) | 32u);
}

EXPORT("sha256_repeat") int32_t guest_sha256_repeat(int32_t n_kib) {
    return (int32_t)sha256_repeat_buf(n_kib);
}
