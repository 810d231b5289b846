/* c-sha256-cmd: WASI command. Reads all of stdin, prints the lowercase hex SHA-256 and "\n". */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#include "sha256.h"

int main(void) {
    sha256_ctx c;
    uint8_t buf[16384];
    sha256_init(&c);
    for (;;) {
        ssize_t n = read(0, buf, sizeof buf);
        if (n < 0) { fputs("read error\n", stderr); return 1; }
        if (n == 0) break;
        sha256_update(&c, buf, (size_t)n);
    }
    uint8_t d[32];
    sha256_final(&c, d);
    for (int i = 0; i < 32; i++) printf("%02x", d[i]);
    printf("\n");
    return 0;
}
