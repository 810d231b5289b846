/* derive-game: the demo game's derivation reducer (issue 16): units of two teams on a 16 x 16 board.
 * Schema (the derivation's, portable SQL):
 *   CREATE TABLE units (id INTEGER PRIMARY KEY, team TEXT NOT NULL, x INTEGER NOT NULL, y INTEGER NOT NULL,
 *                       hp INTEGER NOT NULL CHECK (hp >= 0))
 * Messages (one flat JSON object each):
 *   {"type":"spawn","id":1,"team":"red","x":0,"y":0,"hp":10}
 *   {"type":"move","id":1,"x":1,"y":0}
 *   {"type":"attack","id":1,"target":2}                         (3 damage, hp floored at 0)
 * reduce returns 0 when the message was applied, else a rule code, checked in this order:
 *   2 malformed: not a flat JSON object; "type" missing; "type" or "team" not a string, or "id", "x", "y", "hp"
 *     or "target" not an integer (wherever they appear); a member the type needs missing; 1 unknown type;
 *   spawn:  8 team not "red"/"blue" or hp outside 1..100; 4 x or y outside 0..15; 7 id in use (alive or dead);
 *           5 the cell holds a living unit
 *   move:   3 unit unknown or dead; 4 target off the board or not one step away (Chebyshev distance 1);
 *           5 the cell holds a living unit
 *   attack: 3 attacker or target unknown or dead; 6 same team (attacking itself included); 4 not adjacent
 *           (Chebyshev distance 1)
 * A rejected message changes nothing. A negative db code (db.h) passes through as a rejection too; rows the
 * reducer cannot read are DB_FAILED. Victory is the derivation's query, not the reducer's:
 *   SELECT team FROM units WHERE hp > 0 GROUP BY team ORDER BY team   (exactly one row: that team won)
 * Rows are read with case-insensitive column labels, so databases that upper-case labels work too. */
#include "db.h"
#include "jsonmini.h"
#include <strings.h>

#define EXPORT(name) __attribute__((export_name(name)))

enum { APPLIED = 0, UNKNOWN_TYPE = 1, MALFORMED = 2, NO_UNIT = 3, TOO_FAR = 4, OCCUPIED = 5, SAME_TEAM = 6,
       ID_IN_USE = 7, BAD_UNIT = 8 };
enum { F_ID = 1, F_X = 2, F_Y = 4, F_HP = 8, F_TARGET = 16, F_TEAM = 32, F_TYPE = 64 };
#define BOARD 16

typedef struct {
    char type[8];
    char team[8];
    int64_t id, x, y, hp, target;
    int have;      /* F_* of members present with the right type */
    int wrong;     /* F_* of members present with the wrong type */
} message;

typedef struct {
    char team[8];
    int64_t x, y, hp;
    int have;
} unit;

static void copy_name(char *dst, size_t cap, const char *s) {
    size_t n = strlen(s);
    if (n >= cap) n = 0; /* too long for any valid value: empty, which nothing accepts */
    memcpy(dst, s, n);
    dst[n] = 0;
}

static void take_int(const jm_member *m, const char *key, int flag, int64_t *out, int *have, int *wrong) {
    int is_int;
    if (jm_take_int(m, key, out, &is_int)) {
        *have = is_int ? (*have | flag) : (*have & ~flag);
        *wrong = is_int ? (*wrong & ~flag) : (*wrong | flag);
    }
}

static void take_message(const jm_member *m, void *ctx) {
    message *g = ctx;
    if (strcmp(m->key, "type") == 0 || strcmp(m->key, "team") == 0) {
        int flag = m->key[1] == 'y' ? F_TYPE : F_TEAM;
        if (m->type == JM_STRING) {
            copy_name(flag == F_TYPE ? g->type : g->team, sizeof g->type, m->str);
            g->have |= flag;
            g->wrong &= ~flag;
        } else {
            g->have &= ~flag;
            g->wrong |= flag;
        }
        return;
    }
    take_int(m, "id", F_ID, &g->id, &g->have, &g->wrong);
    take_int(m, "x", F_X, &g->x, &g->have, &g->wrong);
    take_int(m, "y", F_Y, &g->y, &g->have, &g->wrong);
    take_int(m, "hp", F_HP, &g->hp, &g->have, &g->wrong);
    take_int(m, "target", F_TARGET, &g->target, &g->have, &g->wrong);
}

static void take_unit(const jm_member *m, void *ctx) {
    unit *u = ctx;
    if (strcasecmp(m->key, "team") == 0 && m->type == JM_STRING) {
        copy_name(u->team, sizeof u->team, m->str);
        u->have |= F_TEAM;
    } else if (strcasecmp(m->key, "x") == 0 && m->type == JM_INT) {
        u->x = m->num; u->have |= F_X;
    } else if (strcasecmp(m->key, "y") == 0 && m->type == JM_INT) {
        u->y = m->num; u->have |= F_Y;
    } else if (strcasecmp(m->key, "hp") == 0 && m->type == JM_INT) {
        u->hp = m->num; u->have |= F_HP;
    }
}

/* The rows of a query: 1 when there is at least one, 0 when none, or a negative db code. When there is one and
 * u is not NULL, the first row is read into u (DB_FAILED when it lacks team, x, y or hp). */
static int32_t first_row(const char *sql, const char *params, unit *u) {
    char *rows = NULL;
    int32_t n = db_query_s(sql, params, &rows);
    if (n < 0) return n;
    int32_t result = DB_FAILED;
    int32_t i = 0;
    while (i < n && (rows[i] == ' ' || rows[i] == '\n' || rows[i] == '\r' || rows[i] == '\t')) i++;
    if (i < n && rows[i] == '[') {
        i++;
        while (i < n && (rows[i] == ' ' || rows[i] == '\n' || rows[i] == '\r' || rows[i] == '\t')) i++;
        if (i < n && rows[i] == ']') {
            result = 0;
        } else if (i < n && rows[i] == '{') {
            /* The first object ends at the first '}' outside a string (rows are flat objects). */
            int32_t start = i, in_string = 0;
            for (; i < n; i++) {
                if (in_string) {
                    if (rows[i] == '\\') i++;
                    else if (rows[i] == '"') in_string = 0;
                } else if (rows[i] == '"') {
                    in_string = 1;
                } else if (rows[i] == '}') {
                    break;
                }
            }
            if (i < n) {
                result = 1;
                if (u) {
                    *u = (unit){0};
                    if (jm_parse_object(rows + start, (size_t)(i + 1 - start), take_unit, u) != 0
                        || u->have != (F_TEAM | F_X | F_Y | F_HP)) {
                        result = DB_FAILED;
                    }
                }
            }
        }
    }
    free(rows);
    return result;
}


/* A JSON parameter array built without stdio (which would import WASI's fd_write): integers and strings that
 * need no escaping (the teams). Start with {"[", 1}, add values, then close. */
typedef struct {
    char buf[96];
    size_t len;
} params;

static void put_char(params *p, char c) {
    p->buf[p->len++] = c;
    p->buf[p->len] = 0;
}

static void separate(params *p) {
    if (p->len > 1) put_char(p, ',');
}

static void put_int(params *p, int64_t v) {
    char digits[20];
    int n = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    separate(p);
    if (v < 0) put_char(p, '-');
    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (n) put_char(p, digits[--n]);
}

static void put_string(params *p, const char *s) {
    separate(p);
    put_char(p, '"');
    while (*s) put_char(p, *s++);
    put_char(p, '"');
}

static const char *close_params(params *p) {
    put_char(p, ']');
    return p->buf;
}

static int32_t load(int64_t id, unit *u) {
    params p = {"[", 1};
    put_int(&p, id);
    return first_row("SELECT team, x, y, hp FROM units WHERE id = ?", close_params(&p), u);
}

static int32_t occupied(int64_t x, int64_t y) {
    params p = {"[", 1};
    put_int(&p, x);
    put_int(&p, y);
    return first_row("SELECT id FROM units WHERE x = ? AND y = ? AND hp > 0", close_params(&p), NULL);
}

static int on_board(int64_t x, int64_t y) {
    return x >= 0 && x < BOARD && y >= 0 && y < BOARD;
}

static int adjacent(int64_t x1, int64_t y1, int64_t x2, int64_t y2) {
    int64_t dx = x1 > x2 ? x1 - x2 : x2 - x1, dy = y1 > y2 ? y1 - y2 : y2 - y1;
    return (dx > dy ? dx : dy) == 1;
}

static int32_t applied(int64_t r) {
    return r < 0 ? (int32_t)r : APPLIED;
}

static int32_t spawn(const message *g) {
    if ((g->have & (F_ID | F_TEAM | F_X | F_Y | F_HP)) != (F_ID | F_TEAM | F_X | F_Y | F_HP)) return MALFORMED;
    if ((strcmp(g->team, "red") != 0 && strcmp(g->team, "blue") != 0) || g->hp < 1 || g->hp > 100) return BAD_UNIT;
    if (!on_board(g->x, g->y)) return TOO_FAR;
    int32_t r = load(g->id, NULL);
    if (r != 0) return r > 0 ? ID_IN_USE : r;
    r = occupied(g->x, g->y);
    if (r != 0) return r > 0 ? OCCUPIED : r;
    params p = {"[", 1};
    put_int(&p, g->id);
    put_string(&p, g->team);
    put_int(&p, g->x);
    put_int(&p, g->y);
    put_int(&p, g->hp);
    return applied(db_exec_s("INSERT INTO units (id, team, x, y, hp) VALUES (?, ?, ?, ?, ?)", close_params(&p)));
}

static int32_t move(const message *g) {
    if ((g->have & (F_ID | F_X | F_Y)) != (F_ID | F_X | F_Y)) return MALFORMED;
    unit u;
    int32_t r = load(g->id, &u);
    if (r < 0) return r;
    if (r == 0 || u.hp <= 0) return NO_UNIT;
    if (!on_board(g->x, g->y) || !adjacent(u.x, u.y, g->x, g->y)) return TOO_FAR;
    r = occupied(g->x, g->y);
    if (r != 0) return r > 0 ? OCCUPIED : r;
    params p = {"[", 1};
    put_int(&p, g->x);
    put_int(&p, g->y);
    put_int(&p, g->id);
    return applied(db_exec_s("UPDATE units SET x = ?, y = ? WHERE id = ?", close_params(&p)));
}

static int32_t attack(const message *g) {
    if ((g->have & (F_ID | F_TARGET)) != (F_ID | F_TARGET)) return MALFORMED;
    unit a, t;
    int32_t r = load(g->id, &a);
    if (r < 0) return r;
    if (r == 0 || a.hp <= 0) return NO_UNIT;
    r = load(g->target, &t);
    if (r < 0) return r;
    if (r == 0 || t.hp <= 0) return NO_UNIT;
    if (g->id == g->target || strcmp(a.team, t.team) == 0) return SAME_TEAM;
    if (!adjacent(a.x, a.y, t.x, t.y)) return TOO_FAR;
    params p = {"[", 1};
    put_int(&p, g->target);
    return applied(db_exec_s("UPDATE units SET hp = CASE WHEN hp > 3 THEN hp - 3 ELSE 0 END WHERE id = ?",
                             close_params(&p)));
}

EXPORT("reduce") int32_t reduce(char *msg, int32_t len) {
    message g = {0};
    int32_t status;
    if (jm_parse_object(msg, (size_t)len, take_message, &g) != 0 || !(g.have & F_TYPE) || g.wrong) {
        status = MALFORMED;
    } else if (strcmp(g.type, "spawn") == 0) {
        status = spawn(&g);
    } else if (strcmp(g.type, "move") == 0) {
        status = move(&g);
    } else if (strcmp(g.type, "attack") == 0) {
        status = attack(&g);
    } else {
        status = UNKNOWN_TYPE;
    }
    free(msg);
    return status;
}
