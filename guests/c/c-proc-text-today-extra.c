/* c-proc-text-today-extra: one more bytes-ABI procedure, linked next to c-proc-text.c into
 * c-proc-text-today.wasm; its per-byte mapping is called through a table of function pointers
 * (call_indirect). Built with: clang --target=wasm32-wasi -O2 <CC_TODAY features> -nostdlib -Wl,--no-entry */
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

void *alloc(uint32_t len); /* c-proc-text.c */

typedef unsigned char (*byte_map)(unsigned char);

static unsigned char upper(unsigned char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static unsigned char rot13(unsigned char c) {
    if (c >= 'a' && c <= 'z') return 'a' + (c - 'a' + 13) % 26;
    if (c >= 'A' && c <= 'Z') return 'A' + (c - 'A' + 13) % 26;
    return c;
}

static byte_map const maps[] = {upper, lower, rot13};

/* transform(text TEXT, mode INT) -> TEXT: every byte mapped by mode 0 (ASCII upper case), 1 (ASCII lower
 * case) or 2 (ROT13); other bytes are copied unchanged. mode is 4 bytes little-endian; another length or
 * a mode outside 0..2 traps (unreachable). */
EXPORT("transform") int64_t transform(const unsigned char *text, uint32_t len, const unsigned char *mode,
                                      uint32_t mode_len) {
    if (mode_len != 4) __builtin_trap();
    uint32_t m = (uint32_t)mode[0] | (uint32_t)mode[1] << 8 | (uint32_t)mode[2] << 16 | (uint32_t)mode[3] << 24;
    if (m >= sizeof maps / sizeof maps[0]) __builtin_trap();
    unsigned char *out = alloc(len);
    for (uint32_t i = 0; i < len; i++) out[i] = maps[m](text[i]);
    return (int64_t)(((uint64_t)(uintptr_t)out << 32) | len);
}
