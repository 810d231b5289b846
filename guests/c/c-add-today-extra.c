/* c-add-today-extra: exports linked next to c-add.c into c-add-today.wasm, each using one of the features
 * today's compilers enable by default. Built with: clang --target=wasm32-wasi -O2 <CC_TODAY features>
 * -nostdlib -Wl,--no-entry; without libc, memset and memmove below become memory.fill and memory.copy. */
#include <stddef.h>
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

typedef int32_t (*binop)(int32_t, int32_t);

static int32_t op_add(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
static int32_t op_sub(int32_t a, int32_t b) { return (int32_t)((uint32_t)a - (uint32_t)b); }
static int32_t op_mul(int32_t a, int32_t b) { return (int32_t)((uint32_t)a * (uint32_t)b); }
static int32_t op_min(int32_t a, int32_t b) { return a < b ? a : b; }

static binop const table[] = {op_add, op_sub, op_mul, op_min};

/* apply(op, a, b): table[op](a, b) through call_indirect for op 0..3 (add, sub, mul, min), else 0. */
EXPORT("apply") int32_t apply(uint32_t op, int32_t a, int32_t b) {
    return op < sizeof table / sizeof table[0] ? table[op](a, b) : 0;
}

/* trunc_sat(x): i32.trunc_sat_f64_s (NaN -> 0, out of range -> INT32_MIN / INT32_MAX). */
EXPORT("trunc_sat") int32_t trunc_sat(double x) {
    return __builtin_wasm_trunc_saturate_s_i32_f64(x);
}

/* sext8(x): the low byte of x sign-extended (i32.extend8_s). */
EXPORT("sext8") int32_t sext8(int32_t x) {
    return (int32_t)(int8_t)x;
}

/* fill(dst, val, n): memset of linear memory (memory.fill; traps when [dst, dst+n) is out of bounds). */
EXPORT("fill") void fill(unsigned char *dst, int32_t val, uint32_t n) {
    __builtin_memset(dst, val, n);
}

/* copy(dst, src, n): memmove within linear memory (memory.copy; traps when out of bounds). */
EXPORT("copy") void copy(unsigned char *dst, const unsigned char *src, uint32_t n) {
    __builtin_memmove(dst, src, n);
}

/* checksum(p, n): the sum of the n unsigned bytes at p. */
EXPORT("checksum") uint32_t checksum(const unsigned char *p, uint32_t n) {
    uint32_t sum = 0;
    for (uint32_t i = 0; i < n; i++) sum += p[i];
    return sum;
}
