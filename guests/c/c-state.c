/* c-state: no libc, no imports. Proves that fresh instances do not share state.
 *   bump() -> i32      counter += 1; stores (counter & 0xff) into a static buffer byte; returns counter
 *   peek_buf() -> i32  returns that buffer byte (0 on a fresh instance, 1 after one bump, ...) */
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

static int32_t counter;
static volatile uint8_t buffer[256];

EXPORT("bump") int32_t bump(void) {
    counter += 1;
    buffer[17] = (uint8_t)(counter & 0xff);
    return counter;
}

EXPORT("peek_buf") int32_t peek_buf(void) {
    return buffer[17];
}
