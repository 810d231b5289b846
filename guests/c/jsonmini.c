/* jsonmini: see jsonmini.h. Strings are unescaped into one scratch buffer as large as the input. */
#include "jsonmini.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const char *s, *end;
    char *scratch;
} parser;

static void skip_ws(parser *p) {
    while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r')) p->s++;
}

static int expect(parser *p, char c) {
    skip_ws(p);
    if (p->s >= p->end || *p->s != c) return -1;
    p->s++;
    return 0;
}

/* Parses a string at p->s (opening quote included) into the scratch buffer; returns it or NULL. */
static const char *parse_string(parser *p) {
    if (p->s >= p->end || *p->s != '"') return NULL;
    p->s++;
    char *out = p->scratch;
    while (p->s < p->end && *p->s != '"') {
        unsigned char c = (unsigned char)*p->s++;
        if (c < 0x20) return NULL;
        if (c == '\\') {
            if (p->s >= p->end) return NULL;
            switch (*p->s++) {
            case '"': c = '"'; break;
            case '\\': c = '\\'; break;
            case '/': c = '/'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default: return NULL;
            }
        }
        *p->scratch++ = (char)c;
    }
    if (p->s >= p->end) return NULL;
    p->s++;
    *p->scratch++ = 0;
    return out;
}

static int parse_int(parser *p, int64_t *out) {
    int neg = 0;
    uint64_t v = 0, limit = (uint64_t)INT64_MAX;
    if (p->s < p->end && *p->s == '-') { neg = 1; limit++; p->s++; }
    const char *start = p->s;
    while (p->s < p->end && *p->s >= '0' && *p->s <= '9') {
        unsigned d = (unsigned)(*p->s++ - '0');
        if (v > (limit - d) / 10) return -1;
        v = v * 10 + d;
    }
    size_t digits = (size_t)(p->s - start);
    if (digits == 0 || (digits > 1 && *start == '0')) return -1;
    if (p->s < p->end && (*p->s == '.' || *p->s == 'e' || *p->s == 'E')) return -1;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return 0;
}

static int parse_literal(parser *p, const char **out) {
    static const char *const words[] = {"true", "false", "null"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(p->end - p->s) >= n && memcmp(p->s, words[i], n) == 0) {
            p->s += n;
            *out = words[i];
            return 0;
        }
    }
    return -1;
}

static int parse_value(parser *p, jm_member *m) {
    skip_ws(p);
    if (p->s >= p->end) return -1;
    if (*p->s == '"') {
        m->type = JM_STRING;
        return (m->str = parse_string(p)) ? 0 : -1;
    }
    if (*p->s == '-' || (*p->s >= '0' && *p->s <= '9')) {
        m->type = JM_INT;
        return parse_int(p, &m->num);
    }
    m->type = JM_LITERAL;
    return parse_literal(p, &m->str);
}

static int parse_members(parser *p, jm_member_fn on_member, void *ctx) {
    if (expect(p, '{')) return -1;
    skip_ws(p);
    if (p->s < p->end && *p->s == '}') { p->s++; return 0; }
    for (;;) {
        jm_member m = {0};
        skip_ws(p);
        if (!(m.key = parse_string(p)) || expect(p, ':') || parse_value(p, &m)) return -1;
        on_member(&m, ctx);
        skip_ws(p);
        if (p->s < p->end && *p->s == ',') { p->s++; continue; }
        return expect(p, '}');
    }
}

int jm_parse_object(const char *s, size_t len, jm_member_fn on_member, void *ctx) {
    char *scratch = malloc(len + 1);
    if (!scratch) return -1;
    parser p = {s, s + len, scratch};
    int rc = parse_members(&p, on_member, ctx);
    skip_ws(&p);
    if (rc == 0 && p.s != p.end) rc = -1;
    free(scratch);
    return rc;
}

int jm_take_int(const jm_member *m, const char *key, int64_t *out, int *is_int) {
    if (strcmp(m->key, key) != 0) return 0;
    *is_int = m->type == JM_INT;
    *out = m->num;
    return 1;
}

char *jm_read_stdin(size_t max, size_t *out_len) {
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (!buf) return NULL;
        ssize_t n = read(0, buf + len, cap - len);
        if (n < 0) { free(buf); return NULL; }
        if (n == 0) break;
        len += (size_t)n;
        if (len > max) { free(buf); return NULL; }
        if (len == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) free(buf);
            buf = nb;
        }
    }
    buf[len] = 0;
    *out_len = len;
    return buf;
}
