/* c-proc-text: the C template for stored procedures with TEXT, BYTES and mixed parameters (bytes ABI).
 * Built with: clang --target=wasm32-wasi -O2 -mcpu=mvp -nostdlib -Wl,--no-entry
 *
 * The bytes ABI of procedure-service (docs/procedures.md):
 *   - the module exports its memory as "memory" and alloc(len) -> ptr;
 *   - for each parameter the host calls alloc(len) and writes the parameter's bytes there:
 *     TEXT = UTF-8, BYTES = raw, JSON = UTF-8 JSON text, INT = 4 bytes little-endian, BIGINT = 8,
 *     FLOAT and DOUBLE = 8-byte IEEE 754 double, BOOL = 1 byte (0 or 1);
 *   - then it calls f(ptr1, len1, ptr2, len2, ...) -> i64, whose result packs the output as
 *     (out_ptr << 32) | out_len; the host reads out_len bytes at out_ptr and converts them to the
 *     declared return type the same way.
 * Every call runs on a fresh instance, so a bump allocator that never frees is enough. */
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define PAGE 65536u

extern unsigned char __heap_base;
static uintptr_t heap_next;

/* Bump allocator; grows memory as needed and traps when the host refuses (max_memory reached). */
EXPORT("alloc") void *alloc(uint32_t len) {
    if (heap_next == 0) {
        heap_next = (uintptr_t)&__heap_base;
    }
    uintptr_t ptr = (heap_next + 7u) & ~(uintptr_t)7u;
    uintptr_t end = ptr + len;
    uintptr_t have = (uintptr_t)__builtin_wasm_memory_size(0) * PAGE;
    if (end > have) {
        uintptr_t pages = (end - have + PAGE - 1) / PAGE;
        if (__builtin_wasm_memory_grow(0, pages) == (uintptr_t)-1) {
            __builtin_trap();
        }
    }
    heap_next = end;
    return (void *)ptr;
}

static int64_t pack(const unsigned char *ptr, uint32_t len) {
    return (int64_t)(((uint64_t)(uintptr_t)ptr << 32) | len);
}

static void copy(unsigned char *dst, const unsigned char *src, uint32_t len) {
    for (uint32_t i = 0; i < len; i++) {
        dst[i] = src[i];
    }
}

/* greet(name TEXT) -> TEXT: "Hello, <name>!" */
EXPORT("greet") int64_t greet(const unsigned char *name, uint32_t len) {
    static const unsigned char hello[] = "Hello, ";
    unsigned char *out = alloc(7 + len + 1);
    copy(out, hello, 7);
    copy(out + 7, name, len);
    out[7 + len] = '!';
    return pack(out, 7 + len + 1);
}

/* reverse(data BYTES) -> BYTES: the bytes in reverse order. */
EXPORT("reverse") int64_t reverse(const unsigned char *data, uint32_t len) {
    unsigned char *out = alloc(len);
    for (uint32_t i = 0; i < len; i++) {
        out[i] = data[len - 1 - i];
    }
    return pack(out, len);
}

/* repeat(text TEXT, times INT) -> TEXT: text repeated times times (none when times <= 0).
 * An INT parameter arrives as 4 bytes little-endian; any other length traps. */
EXPORT("repeat") int64_t repeat(const unsigned char *text, uint32_t len, const unsigned char *times, uint32_t times_len) {
    if (times_len != 4) {
        __builtin_trap();
    }
    int32_t n = (int32_t)((uint32_t)times[0] | (uint32_t)times[1] << 8 | (uint32_t)times[2] << 16
                          | (uint32_t)times[3] << 24);
    uint32_t count = n > 0 ? (uint32_t)n : 0;
    if (count != 0 && len > UINT32_MAX / count) {
        __builtin_trap(); /* the result would not fit in 4 GiB */
    }
    unsigned char *out = alloc(len * count);
    for (uint32_t i = 0; i < count; i++) {
        copy(out + i * len, text, len);
    }
    return pack(out, len * count);
}
