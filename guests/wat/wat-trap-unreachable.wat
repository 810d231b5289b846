;; wat-trap-unreachable:
;;   run()        executes `unreachable` -> trap "unreachable" (wasm trap, not a host error)
;;   ok() -> i32  returns 1 (instance is usable before the trap)
(module
  (func (export "ok") (result i32) (i32.const 1))
  (func (export "run") (unreachable)))
