;; wat-multi-table: two funcref tables; call_indirect through table 1 (reference-types encoding: table index 1).
;; features: reference-types
;;   table 0 (2 slots) = [add, sub] (segment flags 0); table $ops (4 slots) = [mul, sub, add] (flags 2: explicit
;;   table index, function indices) + [null] at slot 3 (flags 6: explicit table index, element expressions)
;;   dispatch0(idx, a, b) -> i32 : call_indirect through table 0: (0,7,5)=12, (1,7,5)=2, idx 2 traps (out of bounds)
;;   dispatch1(idx, a, b) -> i32 : call_indirect through table 1: (0,7,5)=35, (1,7,5)=2, (2,7,5)=12,
;;                                 idx 3 traps (null element), idx 4 traps (out of bounds)
;;   sizes() -> i32 : table.size 0 * 10 + table.size 1 = 24
(module
  (type $bin (func (param i32 i32) (result i32)))
  (table $main 2 funcref)
  (table $ops 4 funcref)
  (elem (table $main) (i32.const 0) func $add $sub)
  (elem (table $ops) (i32.const 0) func $mul $sub $add)
  (elem (table $ops) (offset (i32.const 3)) funcref (ref.null func))
  (func $add (type $bin) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
  (func $mul (type $bin) (i32.mul (local.get 0) (local.get 1)))
  (func (export "dispatch0") (param $idx i32) (param $a i32) (param $b i32) (result i32)
    (call_indirect $main (type $bin) (local.get $a) (local.get $b) (local.get $idx)))
  (func (export "dispatch1") (param $idx i32) (param $a i32) (param $b i32) (result i32)
    (call_indirect $ops (type $bin) (local.get $a) (local.get $b) (local.get $idx)))
  (func (export "sizes") (result i32)
    (i32.add (i32.mul (table.size $main) (i32.const 10)) (table.size $ops))))
