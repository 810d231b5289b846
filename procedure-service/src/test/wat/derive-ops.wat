;; A test reducer driven by its message: a JSON string "<op><text>" (the API hands the reducer the message's
;; compact JSON, so byte 0 is the opening quote, byte 1 the op, and the text runs to the closing quote).
;;   x  db.exec(text) with no parameters; returns the (negative) code on an error, else 0
;;   X  db.exec(text), then traps (unreachable): the write must be rolled back
;;   q  db.query(text); returns the code on an error, else 0
;;   Q  db.query(text), then db.exec("INSERT INTO kv (k, v) VALUES (?, 'rows')") with the length of the rows JSON
;;      that reached the guest as the parameter ("[<len>]"): shows the rows were delivered through alloc
;;   L  loops forever (out of gas)
;;   M  grows memory by 256 pages (16 MiB); traps when memory.grow fails (a memory limit)
;;   r  returns 5
;;   anything else returns 1
(module
  (import "db" "exec" (func $exec (param i32 i32 i32 i32) (result i64)))
  (import "db" "query" (func $query (param i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 4096))
  (data (i32.const 256) "INSERT INTO kv (k, v) VALUES (?, 'rows')")
  (data (i32.const 512) "[")
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
  (func $status (param $r i64) (result i32)
    (if (result i32) (i64.lt_s (local.get $r) (i64.const 0))
      (then (i32.wrap_i64 (local.get $r)))
      (else (i32.const 0))))
  (func (export "reduce") (param $ptr i32) (param $len i32) (result i32)
    (local $op i32) (local $sql i32) (local $n i32) (local $q i32) (local $digits i32)
    (local.set $op (i32.load8_u offset=1 (local.get $ptr)))
    (local.set $sql (i32.add (local.get $ptr) (i32.const 2)))
    (local.set $n (i32.sub (local.get $len) (i32.const 3)))
    (global.set $heap (i32.const 4096))
    (if (i32.eq (local.get $op) (i32.const 120)) ;; x
      (then (return (call $status (call $exec (local.get $sql) (local.get $n) (i32.const 0) (i32.const 0))))))
    (if (i32.eq (local.get $op) (i32.const 88)) ;; X
      (then (drop (call $exec (local.get $sql) (local.get $n) (i32.const 0) (i32.const 0))) unreachable))
    (if (i32.eq (local.get $op) (i32.const 113)) ;; q
      (then (return (call $status (i64.extend_i32_s
        (call $query (local.get $sql) (local.get $n) (i32.const 0) (i32.const 0) (i32.const 8)))))))
    (if (i32.eq (local.get $op) (i32.const 81)) ;; Q
      (then
        (local.set $q (call $query (local.get $sql) (local.get $n) (i32.const 0) (i32.const 0) (i32.const 8)))
        (if (i32.lt_s (local.get $q) (i32.const 0)) (then (return (local.get $q))))
        ;; params "[<len>]" written at 512: "[" then up to 10 digits then "]"
        (local.set $digits (call $itoa (local.get $q) (i32.const 513)))
        (i32.store8 (i32.add (i32.const 513) (local.get $digits)) (i32.const 93))
        (return (call $status (call $exec (i32.const 256) (i32.const 40)
          (i32.const 512) (i32.add (local.get $digits) (i32.const 2)))))))
    (if (i32.eq (local.get $op) (i32.const 76)) ;; L
      (then (loop $forever (br $forever))))
    (if (i32.eq (local.get $op) (i32.const 77)) ;; M
      (then
        (if (i32.eq (memory.grow (i32.const 256)) (i32.const -1)) (then unreachable))
        (return (i32.const 0))))
    (if (i32.eq (local.get $op) (i32.const 114)) ;; r
      (then (return (i32.const 5))))
    (i32.const 1))
  ;; Writes the decimal digits of a non-negative $v at $at; returns how many.
  (func $itoa (param $v i32) (param $at i32) (result i32)
    (local $n i32) (local $t i32) (local $i i32)
    (local.set $t (local.get $v))
    (local.set $n (i32.const 1))
    (block $done (loop $count
      (local.set $t (i32.div_u (local.get $t) (i32.const 10)))
      (br_if $done (i32.eqz (local.get $t)))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $count)))
    (local.set $i (local.get $n))
    (local.set $t (local.get $v))
    (loop $write
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (i32.store8 (i32.add (local.get $at) (local.get $i))
        (i32.add (i32.const 48) (i32.rem_u (local.get $t) (i32.const 10))))
      (local.set $t (i32.div_u (local.get $t) (i32.const 10)))
      (br_if $write (i32.gt_u (local.get $i) (i32.const 0))))
    (local.get $n))
)
