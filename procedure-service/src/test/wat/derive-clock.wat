;; A reducer that reads the clock (WASI clock_time_get) to stamp its rows: derivations refuse it at creation, since
;; a replay at another time would derive another state. Otherwise a well-formed reducer (memory, alloc, reduce).
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
  (import "db" "exec" (func $exec (param i32 i32 i32 i32) (result i64)))
  (memory (export "memory") 1)
  (func (export "alloc") (param $len i32) (result i32)
    (i32.const 1024))
  (func (export "reduce") (param $ptr i32) (param $len i32) (result i32)
    (drop (call $clock (i32.const 0) (i64.const 0) (i32.const 0)))
    (i32.const 0))
)
