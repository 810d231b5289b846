;; wat-db-noalloc: imports db.query but exports no alloc. Memory: 1 page, exported; "SELECT 1" at 64.
;;   query()              query(64, 8, 0, 0, 16): the host cannot deliver rows, so it traps (bad_pointer) before
;;                        calling the database
;;   reduce(ptr, len)     has the reducer's type, but without alloc an Entry.Message is refused (INVALID_TASK)
(module
  (import "db" "query" (func $query (param i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "SELECT 1")
  (func (export "query") (result i32)
    (call $query (i32.const 64) (i32.const 8) (i32.const 0) (i32.const 0) (i32.const 16)))
  (func (export "reduce") (param i32 i32) (result i32)
    (i32.const 0)))
