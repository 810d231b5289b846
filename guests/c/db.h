#ifndef WASMHIVE_DB_H
#define WASMHIVE_DB_H
/* db.h: the host's "db" imports for a derivation reducer (procedure-service, issue 16), and the alloc(len) export
 * the host needs to hand the reducer its message and a query's rows. Header-only: include it in exactly one
 * translation unit of the reducer (it defines alloc). A reducer exports
 *     int32_t reduce(char *msg, int32_t msg_len)     (0 = applied, anything else = rejected)
 * and owns the message buffer (free it when done). ABI (docs/architecture.md, "Host interface"):
 *   db_exec(sql, sql_len, params, params_len) -> rows changed (>= 0) or a negative DB_* code
 *   db_query(sql, sql_len, params, params_len, &out) -> length of the UTF-8 JSON rows (an array of objects keyed
 *       by column label) written to a buffer from alloc, whose address is stored in out (free it); or DB_* < 0
 *   db_error(buf, buf_len) -> full length of the last failure's message (0: none); copies at most buf_len bytes
 * params is a JSON array of numbers, strings, booleans and nulls ("" or length 0: none). SQL <= 64 KiB, params
 * <= 1 MiB, rows <= the task's max_output (else DB_LIMIT). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DB_SQL_ERROR   (-1) /* not valid SQL, or names what does not exist */
#define DB_REFUSED     (-2) /* not allowed: not deterministic, not read-only in a query, not one statement */
#define DB_CONSTRAINT  (-3) /* a constraint refused the change */
#define DB_LIMIT       (-4) /* a size limit: SQL, params, rows, the database */
#define DB_BAD_PARAMS  (-5) /* params not a JSON array of scalars, or SQL not UTF-8 */
#define DB_NO_DATABASE (-6) /* the execution has no database */
#define DB_FAILED      (-7) /* the database failed otherwise */

#define DB_IMPORT(name) __attribute__((import_module("db"), import_name(name)))

DB_IMPORT("exec") int64_t db_exec(const char *sql, int32_t sql_len, const char *params, int32_t params_len);
DB_IMPORT("query") int32_t db_query(const char *sql, int32_t sql_len, const char *params, int32_t params_len,
                                    char **out);
DB_IMPORT("error") int32_t db_error(char *buf, int32_t buf_len);

/* The host's allocator for messages and rows: malloc, never 0 (the host treats 0 as no buffer). */
__attribute__((export_name("alloc"))) int32_t db_alloc(int32_t len) {
    return (int32_t)(uintptr_t)malloc(len > 0 ? (size_t)len : 1);
}

/* db_exec with NUL-terminated SQL and params (params may be NULL: none). */
static inline int64_t db_exec_s(const char *sql, const char *params) {
    return db_exec(sql, (int32_t)strlen(sql), params, params ? (int32_t)strlen(params) : 0);
}

/* db_query with NUL-terminated SQL and params; *out and *out_len receive the rows (free *out). */
static inline int32_t db_query_s(const char *sql, const char *params, char **out) {
    return db_query(sql, (int32_t)strlen(sql), params, params ? (int32_t)strlen(params) : 0, out);
}

#endif
