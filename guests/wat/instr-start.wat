;; instr-start: a start function that sets a global; once instrumented it must not run at
;; instantiation but when the host calls __wasmhive_start.
(module
  (global $g (mut i32) (i32.const 0))
  (func $init (global.set $g (i32.add (global.get $g) (i32.const 42))))
  (start $init)
  (func (export "get") (result i32) (global.get $g)))
