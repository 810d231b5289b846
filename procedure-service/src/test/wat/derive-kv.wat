;; A test reducer: each message is a JSON array [k, v] (an integer key and a value), inserted with
;; db.exec("INSERT INTO kv (k, v) VALUES (?, ?)", message) so the message is the parameter array itself.
;; Returns 0, or the database's negative code (a duplicate key: -3 CONSTRAINT) so that the message is rejected.
(module
  (import "db" "exec" (func $exec (param i32 i32 i32 i32) (result i64)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (data (i32.const 64) "INSERT INTO kv (k, v) VALUES (?, ?)")
  (func (export "alloc") (param $len i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $heap))
    (block $ok
      (br_if $ok (i32.le_u (i32.add (local.get $p) (local.get $len))
                           (i32.mul (memory.size) (i32.const 65536))))
      (br_if $ok (i32.ne (memory.grow (i32.add (i32.shr_u (local.get $len) (i32.const 16)) (i32.const 1)))
                         (i32.const -1)))
      unreachable)
    (global.set $heap (i32.add (local.get $p) (local.get $len)))
    (local.get $p))
  (func (export "reduce") (param $ptr i32) (param $len i32) (result i32)
    (local $r i64)
    (global.set $heap (i32.const 1024))
    (local.set $r (call $exec (i32.const 64) (i32.const 35) (local.get $ptr) (local.get $len)))
    (if (result i32) (i64.lt_s (local.get $r) (i64.const 0))
      (then (i32.wrap_i64 (local.get $r)))
      (else (i32.const 0))))
)
