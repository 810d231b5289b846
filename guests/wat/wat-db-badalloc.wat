;; wat-db-badalloc: imports db.query and exports alloc with the wrong type, (i64) -> i64. Memory: 1 page,
;; exported; "SELECT 1" at 64. Expected: refused at registration (INVALID_MODULE: db.query delivers its rows
;; through alloc(i32) -> i32), whatever the entry; never run.
;;   query()           query(64, 8, 0, 0, 16)
;;   reduce(ptr, len)  the reducer's type
(module
  (import "db" "query" (func $query (param i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "SELECT 1")
  (func (export "alloc") (param i64) (result i64)
    (i64.const 4096))
  (func (export "query") (result i32)
    (call $query (i32.const 64) (i32.const 8) (i32.const 0) (i32.const 0) (i32.const 16)))
  (func (export "reduce") (param i32 i32) (result i32)
    (i32.const 0)))
