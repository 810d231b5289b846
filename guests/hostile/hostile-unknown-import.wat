;; hostile-unknown-import: imports a function the host does not provide ("evil"."do_it").
;; Expected: rejected at registration/link time (unknown import), never executed.
(module
  (import "evil" "do_it" (func $do_it (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start") (drop (call $do_it (i32.const 1))))
  (func (export "run") (drop (call $do_it (i32.const 2)))))
