/* c-add: pure functions, no libc, no imports.
 * Built with: clang --target=wasm32-wasi -O2 -mcpu=mvp -nostdlib -Wl,--no-entry */
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

EXPORT("add") int32_t add(int32_t a, int32_t b) {
    return (int32_t)((uint32_t)a + (uint32_t)b); /* wrapping */
}

EXPORT("add64") int64_t add64(int64_t a, int64_t b) {
    return (int64_t)((uint64_t)a + (uint64_t)b); /* wrapping */
}

EXPORT("mulf") float mulf(float a, float b) {
    return a * b;
}

EXPORT("calculate_discount") double calculate_discount(double price, int32_t tier) {
    switch (tier) {
    case 1: return price * 0.95;
    case 2: return price * 0.90;
    case 3: return price * 0.85;
    default: return price;
    }
}

/* Iterative Fibonacci: fib(0)=0, fib(1)=1; wraps modulo 2^64 for n > 93; n <= 0 gives 0. */
EXPORT("fib") int64_t fib(int32_t n) {
    uint64_t a = 0, b = 1;
    for (int32_t i = 0; i < n; i++) {
        uint64_t t = a + b;
        a = b;
        b = t;
    }
    return (int64_t)a;
}

/* Signed division, compiled to a plain i32.div_s: traps with "integer divide by zero"
 * when b == 0 and with "integer overflow" for INT32_MIN / -1. */
EXPORT("div") int32_t div(int32_t a, int32_t b) {
    int32_t r;
    __asm__ volatile("local.get %1\n\tlocal.get %2\n\ti32.div_s\n\tlocal.set %0" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
