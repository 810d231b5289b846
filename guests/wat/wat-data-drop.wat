;; wat-data-drop: state a reset must undo beyond memory, globals and tables: a dropped data segment.
;; features: bulk-memory
;;   Memory: 1 page, exported; passive segment $greeting = "hello"; mutable global $calls = 0.
;;   init_then_drop() -> i32 : memory.init of "hello" at 100, data.drop $greeting, $calls += 1, returns
;;                             load8_u(104) + 1000 * $calls = 111 + 1000 = 1111 on a fresh instance; a second
;;                             call on the same instance traps (out of bounds memory access: the segment is empty)
;;   peek() -> i32           : load8_u(100) = 0 on a fresh instance
(module
  (memory (export "memory") 1)
  (data $greeting "hello")
  (global $calls (mut i32) (i32.const 0))
  (func (export "init_then_drop") (result i32)
    (memory.init $greeting (i32.const 100) (i32.const 0) (i32.const 5))
    (data.drop $greeting)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.add (i32.load8_u (i32.const 104)) (i32.mul (global.get $calls) (i32.const 1000))))
  (func (export "peek") (result i32) (i32.load8_u (i32.const 100))))
