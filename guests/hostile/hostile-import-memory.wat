;; hostile-import-memory: imports its memory ("env"."memory", min 1 page) instead of defining it.
;; Expected: rejected at registration (the host provides no memory import).
(module
  (import "env" "memory" (memory 1))
  (func (export "_start") (i32.store (i32.const 0) (i32.const 42)))
  (func (export "run") (result i32) (i32.load (i32.const 0))))
