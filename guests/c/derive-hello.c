/* derive-hello: the hello-world derivation reducer (template). The message is one JSON object with a string
 * member "text", e.g. {"text":"hi"}; reduce runs
 *     INSERT INTO greetings(text) VALUES (?)      with params ["hi"]
 * and returns 0 when the row was inserted. Rejections: 2 = the message is not a JSON object with a string
 * "text" (jsonmini: flat object, no \u escapes), nothing written; a negative db code (db.h) passes through.
 * The schema (CREATE TABLE greetings (text TEXT NOT NULL)) belongs to the derivation, not to the reducer. */
#include "db.h"
#include "jsonmini.h"

#define EXPORT(name) __attribute__((export_name(name)))

typedef struct {
    char *text; /* malloc'd copy, or NULL */
} hello;

static void take_member(const jm_member *m, void *ctx) {
    hello *h = ctx;
    if (strcmp(m->key, "text") == 0) {
        free(h->text);
        h->text = m->type == JM_STRING ? strdup(m->str) : NULL;
    }
}

/* ["<s>"] with s JSON-escaped, malloc'd. */
static char *string_param(const char *s) {
    size_t n = strlen(s);
    char *out = malloc(n * 6 + 5), *p = out;
    static const char hex[] = "0123456789abcdef";
    *p++ = '[';
    *p++ = '"';
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            *p++ = '\\';
            *p++ = (char)c;
        } else if (c < 0x20) {
            *p++ = '\\'; *p++ = 'u'; *p++ = '0'; *p++ = '0';
            *p++ = hex[c >> 4]; *p++ = hex[c & 15];
        } else {
            *p++ = (char)c;
        }
    }
    *p++ = '"';
    *p++ = ']';
    *p = 0;
    return out;
}

EXPORT("reduce") int32_t reduce(char *msg, int32_t len) {
    hello h = {0};
    int32_t status = 2;
    if (jm_parse_object(msg, (size_t)len, take_member, &h) == 0 && h.text) {
        char *params = string_param(h.text);
        int64_t r = db_exec_s("INSERT INTO greetings(text) VALUES (?)", params);
        status = r < 0 ? (int32_t)r : 0;
        free(params);
    }
    free(h.text);
    free(msg);
    return status;
}
