;; instr-compute: import-free compute kernels exercising every kind of control flow, for the
;; instrumenter's differential tests (original and instrumented must agree on every input).
(module
  (type $binop (func (param i32 i32) (result i32)))
  (type $pair (func (param i32 i32) (result i32 i32)))
  (memory (export "memory") 1 16)
  (table 3 funcref)
  (elem (i32.const 0) $add $sub $mul)
  (global $counter (mut i32) (i32.const 0))
  (data (i32.const 64) "wasmhive instrumenter fixture")

  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))
  (func $mul (type $binop) (i32.mul (local.get 0) (local.get 1)))

  ;; Recursive Fibonacci: calls, if/else with results, early return.
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (i32.lt_s (local.get $n) (i32.const 2)) (then (return (local.get $n))))
    (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
             (call $fib (i32.sub (local.get $n) (i32.const 2)))))

  ;; sum_to(n) = 1 + ... + n by a loop of exactly n iterations.
  (func (export "sum_to") (param $n i64) (result i64)
    (local $i i64) (local $acc i64)
    (block $done
      (loop $l
        (br_if $done (i64.ge_s (local.get $i) (local.get $n)))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (local.set $acc (i64.add (local.get $acc) (local.get $i)))
        (br $l)))
    (local.get $acc))

  ;; Collatz steps: if/else without results, division, nested blocks.
  (func (export "collatz") (param $n i32) (result i32)
    (local $steps i32)
    (if (i32.le_s (local.get $n) (i32.const 0)) (then (return (i32.const -1))))
    (block $out
      (loop $l
        (br_if $out (i32.eq (local.get $n) (i32.const 1)))
        (if (i32.rem_u (local.get $n) (i32.const 2))
          (then (local.set $n (i32.add (i32.mul (local.get $n) (i32.const 3)) (i32.const 1))))
          (else (local.set $n (i32.div_u (local.get $n) (i32.const 2)))))
        (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
        (br $l)))
    (local.get $steps))

  ;; br_table with a default, block results and select.
  (func (export "classify") (param $x i32) (result i32)
    (block $d (result i32)
      (block $c
        (block $b
          (block $a
            (br_table $a $b $c (local.get $x)))
          (br $d (i32.const 100)))
        (br $d (select (i32.const 200) (i32.const 201) (i32.and (local.get $x) (i32.const 1)))))
      (i32.const 300)))

  ;; call_indirect through the table; traps on an out-of-range index like the original.
  (func (export "apply") (param $op i32) (param $a i32) (param $b i32) (result i32)
    (call_indirect (type $binop) (local.get $a) (local.get $b) (local.get $op)))

  ;; Integer division that traps on zero: both versions must trap.
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))

  ;; Multi-value: a block with a type-index block type and a function with two results.
  (func (export "divmod") (type $pair)
    (local.get 0) (local.get 1)
    (block (type $pair)
      (local.set 1) (local.set 0)
      (i32.div_u (local.get 0) (local.get 1))
      (i32.rem_u (local.get 0) (local.get 1))))

  ;; Memory: stores, loads, bulk fill and copy, a checksum over the result.
  (func (export "memsum") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (memory.fill (i32.const 1024) (local.get $n) (i32.const 256))
    (memory.copy (i32.const 2048) (i32.const 64) (i32.const 29))
    (i32.store (i32.const 4096) (i32.mul (local.get $n) (i32.const 7)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (i32.const 4100)))
        (local.set $acc (i32.add (i32.rotl (local.get $acc) (i32.const 5)) (i32.load8_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $acc))

  ;; memory.fill of n bytes, to measure the per-byte charge.
  (func (export "fill") (param $n i32) (memory.fill (i32.const 0) (i32.const 7) (local.get $n)))

  ;; Sign extension and saturating truncation (both in the default feature set).
  (func (export "conv") (param $x i32) (param $f f64) (result i64)
    (i64.add (i64.extend32_s (i64.extend_i32_u (i32.extend8_s (local.get $x))))
             (i64.trunc_sat_f64_s (local.get $f))))

  ;; memory.grow and memory.size; the counter global records how many grows succeeded.
  (func (export "grow") (param $d i32) (result i32)
    (local $r i32)
    (local.set $r (memory.grow (local.get $d)))
    (if (i32.ge_s (local.get $r) (i32.const 0))
      (then (global.set $counter (i32.add (global.get $counter) (i32.const 1)))))
    (local.get $r))
  (func (export "size") (result i32) (memory.size))

  ;; Dead code after br and unreachable must stay valid once charges are inserted.
  (func (export "dead") (param $x i32) (result i32)
    (block $b (result i32)
      (br $b (i32.add (local.get $x) (i32.const 1)))
      (drop (i32.const 5))
      (i32.const 9))
    (if (result i32) (local.get $x) (then (i32.const 1)) (else (return (i32.const 2))))
    (i32.add)))
