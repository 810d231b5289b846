/* c-grow: no libc, no imports, memory exported without a declared maximum (initial 2 pages).
 *   grow(pages) -> i32        raw memory.grow result: previous size in pages, or -1 on failure
 *   grow_until_fail() -> i32  memory.grow(1) until it returns -1, then returns memory.size (pages)
 *   size() -> i32             memory.size in pages */
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

EXPORT("grow") int32_t grow(int32_t pages) {
    return (int32_t)__builtin_wasm_memory_grow(0, (uintptr_t)(uint32_t)pages);
}

EXPORT("grow_until_fail") int32_t grow_until_fail(void) {
    while ((int32_t)__builtin_wasm_memory_grow(0, 1) != -1) {
    }
    return (int32_t)__builtin_wasm_memory_size(0);
}

EXPORT("size") int32_t size(void) {
    return (int32_t)__builtin_wasm_memory_size(0);
}
