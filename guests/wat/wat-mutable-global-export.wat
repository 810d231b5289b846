;; wat-mutable-global-export (feature: export of a mutable global).
;;   global "counter" : mut i32, initial 42
;;   inc() -> i32 : counter += 1, returns the new value (43 on a fresh instance)
;;   get() -> i32 : returns counter
;;   global "limit" : immutable i64 = 1000000
(module
  (global $counter (export "counter") (mut i32) (i32.const 42))
  (global $limit (export "limit") i64 (i64.const 1000000))
  (func (export "inc") (result i32)
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (global.get $counter))
  (func (export "get") (result i32) (global.get $counter)))
