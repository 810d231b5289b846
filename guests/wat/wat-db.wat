;; wat-db: a derivation reducer in WAT exercising the db imports (db.exec, db.query, db.error) and the message
;; entry (Entry.Message). Memory: 18 pages (1179648 bytes), exported. Constants:
;;   32   params  [1,"a"]              (7 bytes)
;;   64   sql     SELECT 1             (8 bytes)
;;   128  sql     UPDATE t SET x = ?   (18 bytes)
;;   16   out_ptr_ptr of every query;  1024 the db.error buffer
;; alloc(len) -> i32: bump allocator from 65536, 8-byte aligned, until $mode = 1 (query_bad_alloc): then 0xFFFFFF00.
;; Message exports (ptr, len) -> i32, the message given by the host through alloc:
;;   reduce           exec(message as SQL, [1,"a"]); returns the result wrapped to i32
;;   query_msg        r = query(message as SQL, no params, 16); when r >= 0, exec(the delivered rows as SQL, no
;;                    params) (so the handler sees what reached the guest); returns r
;;   params_msg       exec("UPDATE t SET x = ?", message as params); returns the result wrapped to i32
;;   error_msg        exec(message as SQL); n = error(1024, 8); exec(the min(n, 8) copied bytes as SQL); returns n
;;   query_bad_alloc  sets $mode = 1, then query(message as SQL, no params, 16)
;; Typed exports () -> i32 (pointer abuse; the host traps with bad_pointer or, for error_zero_cap, returns):
;;   error_none       error(1024, 64) with no failure yet: 0
;;   bad_sql_ptr      exec(0xFFFFFFF0, 16, 32, 7)
;;   edge_sql         exec(1179644, 8, 32, 7): 4 of 8 bytes inside memory
;;   bad_params_ptr   exec(64, 8, 0xFFFFFFF0, 16)
;;   bad_out_ptr      query(64, 8, 0, 0, 0xFFFFFFF0)
;;   edge_out_ptr     query(64, 8, 0, 0, 1179646): 2 of 4 bytes inside memory
;;   bad_error_buf    exec(64, 8, 32, 7), then error(0xFFFFFFF0, 16) (traps only when there is a message)
;;   error_zero_cap   exec(64, 8, 32, 7), then error(0xFFFFFFF0, 0): copies nothing, returns the length
;;   exec_edge        exec(1179640, 8, 32, 7): "SELECT 2", the last 8 bytes of memory (valid)
;; reduce_i64(ptr, len) -> i64 returns 0: the wrong result type for a message entry (refused as INVALID_TASK).
(module
  (import "db" "exec" (func $exec (param i32 i32 i32 i32) (result i64)))
  (import "db" "query" (func $query (param i32 i32 i32 i32 i32) (result i32)))
  (import "db" "error" (func $error (param i32 i32) (result i32)))
  (memory (export "memory") 18)
  (data (i32.const 32) "[1,\"a\"]")
  (data (i32.const 64) "SELECT 1")
  (data (i32.const 128) "UPDATE t SET x = ?")
  (data (i32.const 1179640) "SELECT 2")
  (global $mode (mut i32) (i32.const 0))
  (global $heap (mut i32) (i32.const 65536))
  (func (export "alloc") (param $len i32) (result i32)
    (local $p i32)
    (if (i32.eq (global.get $mode) (i32.const 1))
      (then (return (i32.const 0xFFFFFF00))))
    (local.set $p (global.get $heap))
    (global.set $heap
      (i32.and (i32.add (i32.add (local.get $p) (local.get $len)) (i32.const 7)) (i32.const -8)))
    (local.get $p))
  (func (export "reduce") (param $ptr i32) (param $len i32) (result i32)
    (i32.wrap_i64 (call $exec (local.get $ptr) (local.get $len) (i32.const 32) (i32.const 7))))
  (func (export "query_msg") (param $ptr i32) (param $len i32) (result i32)
    (local $r i32)
    (local.set $r (call $query (local.get $ptr) (local.get $len) (i32.const 0) (i32.const 0) (i32.const 16)))
    (if (i32.ge_s (local.get $r) (i32.const 0))
      (then (drop (call $exec (i32.load (i32.const 16)) (local.get $r) (i32.const 0) (i32.const 0)))))
    (local.get $r))
  (func (export "params_msg") (param $ptr i32) (param $len i32) (result i32)
    (i32.wrap_i64 (call $exec (i32.const 128) (i32.const 18) (local.get $ptr) (local.get $len))))
  (func (export "error_msg") (param $ptr i32) (param $len i32) (result i32)
    (local $n i32)
    (local $copied i32)
    (drop (call $exec (local.get $ptr) (local.get $len) (i32.const 0) (i32.const 0)))
    (local.set $n (call $error (i32.const 1024) (i32.const 8)))
    (local.set $copied (select (local.get $n) (i32.const 8) (i32.lt_u (local.get $n) (i32.const 8))))
    (drop (call $exec (i32.const 1024) (local.get $copied) (i32.const 0) (i32.const 0)))
    (local.get $n))
  (func (export "query_bad_alloc") (param $ptr i32) (param $len i32) (result i32)
    (global.set $mode (i32.const 1))
    (call $query (local.get $ptr) (local.get $len) (i32.const 0) (i32.const 0) (i32.const 16)))
  (func (export "error_none") (result i32)
    (call $error (i32.const 1024) (i32.const 64)))
  (func (export "bad_sql_ptr") (result i32)
    (i32.wrap_i64 (call $exec (i32.const 0xFFFFFFF0) (i32.const 16) (i32.const 32) (i32.const 7))))
  (func (export "edge_sql") (result i32)
    (i32.wrap_i64 (call $exec (i32.const 1179644) (i32.const 8) (i32.const 32) (i32.const 7))))
  (func (export "bad_params_ptr") (result i32)
    (i32.wrap_i64 (call $exec (i32.const 64) (i32.const 8) (i32.const 0xFFFFFFF0) (i32.const 16))))
  (func (export "bad_out_ptr") (result i32)
    (call $query (i32.const 64) (i32.const 8) (i32.const 0) (i32.const 0) (i32.const 0xFFFFFFF0)))
  (func (export "edge_out_ptr") (result i32)
    (call $query (i32.const 64) (i32.const 8) (i32.const 0) (i32.const 0) (i32.const 1179646)))
  (func (export "bad_error_buf") (result i32)
    (drop (call $exec (i32.const 64) (i32.const 8) (i32.const 32) (i32.const 7)))
    (call $error (i32.const 0xFFFFFFF0) (i32.const 16)))
  (func (export "error_zero_cap") (result i32)
    (drop (call $exec (i32.const 64) (i32.const 8) (i32.const 32) (i32.const 7)))
    (call $error (i32.const 0xFFFFFFF0) (i32.const 0)))
  (func (export "reduce_i64") (param i32 i32) (result i64)
    (i64.const 0))
  (func (export "exec_edge") (result i32)
    (i32.wrap_i64 (call $exec (i32.const 1179640) (i32.const 8) (i32.const 32) (i32.const 7)))))
