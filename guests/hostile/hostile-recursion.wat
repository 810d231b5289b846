;; hostile-recursion: run() calls $f(0); $f(n) keeps 4 i64 locals live and calls $f(n+1) (not a tail call),
;; forever -> the engine must report call stack exhaustion (a trap), not crash the host JVM.
(module
  (func $f (param $n i64) (result i64)
    (local $a i64) (local $b i64) (local $c i64) (local $d i64)
    (local.set $a (i64.add (local.get $n) (i64.const 1)))
    (local.set $b (i64.mul (local.get $a) (i64.const 3)))
    (local.set $c (i64.xor (local.get $b) (local.get $n)))
    (local.set $d (call $f (local.get $a)))
    (i64.add (i64.add (local.get $d) (local.get $c)) (i64.add (local.get $b) (local.get $a))))
  (func (export "run")
    (drop (call $f (i64.const 0))))
  (func (export "_start")
    (drop (call $f (i64.const 0)))))
