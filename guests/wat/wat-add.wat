;; wat-add: add(i32, i32) -> i32 (wrapping). No imports, no memory.
(module
  (func (export "add") (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b))))
