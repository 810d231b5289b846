;; wat-call-indirect: table of 5 funcref slots: [0]=add [1]=sub [2]=mul [3]=neg (different type) [4]=null
;;   dispatch(idx i32, a i32, b i32) -> i32 : call_indirect (i32,i32)->i32 through the table
;;     idx 0 -> a+b, 1 -> a-b, 2 -> a*b,
;;     idx 3 -> trap "indirect call type mismatch", idx 4 -> trap "uninitialized element",
;;     idx >= 5 (or negative) -> trap "undefined element" (table index out of bounds)
(module
  (type $bin (func (param i32 i32) (result i32)))
  (type $un (func (param i32) (result i32)))
  (table 5 funcref)
  (elem (i32.const 0) $add $sub $mul $neg)
  (func $add (type $bin) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
  (func $mul (type $bin) (i32.mul (local.get 0) (local.get 1)))
  (func $neg (type $un) (i32.sub (i32.const 0) (local.get 0)))
  (func (export "dispatch") (param $idx i32) (param $a i32) (param $b i32) (result i32)
    (call_indirect (type $bin) (local.get $a) (local.get $b) (local.get $idx))))
