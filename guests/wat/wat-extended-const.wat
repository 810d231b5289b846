;; wat-extended-const: constant expressions with i32/i64 add, sub and mul (extended-const proposal) in global
;; initialisers and in data and element segment offsets.
;; features: extended-const
;;   a() -> i32 = global (i32.add 40 2) = 42;  b() -> i64 = global (i64.mul 6 7) = 42;
;;   c() -> i64 = global (i64.sub (i64.mul 1000000 1000000) 1) = 999999999999
;;   load(addr) -> i32 = i32.load8_u: the data segment "hi" is at (i32.add 1024 (i32.mul 2 8)) = 1040,
;;                       so load(1040) = 104 ('h'), load(1041) = 105 ('i'), load(1039) = 0
;;   call(idx) -> i32 : the element segment at offset (i32.sub 3 2) = 1 holds $seven: call(1) = 7,
;;                      call(0) traps (uninitialized element), call(2) traps (out of bounds, table has 2 slots)
(module
  (type $v_i (func (result i32)))
  (memory (export "memory") 1)
  (table 2 funcref)
  (global $a i32 (i32.add (i32.const 40) (i32.const 2)))
  (global $b i64 (i64.mul (i64.const 6) (i64.const 7)))
  (global $c i64 (i64.sub (i64.mul (i64.const 1000000) (i64.const 1000000)) (i64.const 1)))
  (data (offset (i32.add (i32.const 1024) (i32.mul (i32.const 2) (i32.const 8)))) "hi")
  (elem (offset (i32.sub (i32.const 3) (i32.const 2))) func $seven)
  (func $seven (type $v_i) (i32.const 7))
  (func (export "a") (result i32) (global.get $a))
  (func (export "b") (result i64) (global.get $b))
  (func (export "c") (result i64) (global.get $c))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "call") (param i32) (result i32) (call_indirect (type $v_i) (local.get 0))))
