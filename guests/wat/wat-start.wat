;; wat-start: has a start section. The start function adds 1234 to an internal global (initially 0),
;; so get() returns 1234 on every fresh instance (the start function runs exactly once per instantiation).
(module
  (global $g (mut i32) (i32.const 0))
  (func $init
    (global.set $g (i32.add (global.get $g) (i32.const 1234))))
  (start $init)
  (func (export "get") (result i32) (global.get $g)))
