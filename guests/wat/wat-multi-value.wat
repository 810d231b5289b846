;; wat-multi-value (post-MVP feature: multi-value).
;;   divmod(a i32, b i32) -> (i32 quotient, i32 remainder)   unsigned; traps on b == 0
;;   swap(a i32, b i32) -> (i32 b, i32 a)
;;   sum_pair(a i32, b i32) -> i32   = a + b, computed by calling swap (internal multi-value call)
(module
  (func $divmod (export "divmod") (param $a i32) (param $b i32) (result i32 i32)
    (i32.div_u (local.get $a) (local.get $b))
    (i32.rem_u (local.get $a) (local.get $b)))
  (func $swap (export "swap") (param $a i32) (param $b i32) (result i32 i32)
    (local.get $b)
    (local.get $a))
  (func (export "sum_pair") (param $a i32) (param $b i32) (result i32)
    (call $swap (local.get $a) (local.get $b))
    (i32.add)))
