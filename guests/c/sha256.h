#ifndef WASMHIVE_SHA256_H
#define WASMHIVE_SHA256_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t state[8];
    uint64_t bitlen;
    uint8_t block[64];
    size_t used;
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const uint8_t *data, size_t len);
void sha256_final(sha256_ctx *c, uint8_t out[32]);
void sha256_digest(const uint8_t *data, size_t len, uint8_t out[32]);

/* Fills a deterministic buffer of n_kib KiB (byte i = (i * 31) & 0xff), hashes it and
 * returns the first 4 digest bytes as a big-endian 32-bit value (d[0] is the top byte).
 * The buffer is (re)filled on every call. Returns 0 if the buffer cannot be allocated
 * (or n_kib <= 0: hash of the empty input is returned in that case, see below). */
uint32_t sha256_repeat_buf(int32_t n_kib);

#endif
