;; hostile-memory-fill: memory.fill over all of memory, grown to the host's limit, forever.
;; expect: TIMEOUT or OUT_OF_GAS for run() with memory never above max_memory (memory.fill must cost per byte or be stopped by the clock); fill_oob() traps (TRAP) without writing
;; features: bulk-memory
;;   run(), _start() : memory.grow(1) until -1, then memory.fill(0, v, whole memory) forever with v = 1, 2, 3, ...
;;   fill_all() -> i32 : one memory.fill(0, 0xAB, memory.size * 65536); returns byte 0 + last byte = 342
;;                       (fresh instance: 1 page)
;;   fill_oob() -> i32 : memory.fill(0, 0xCD, 0xFFFFFFFF) traps (out of bounds) before writing anything;
;;                       byte0() -> i32 = i32.load8_u 0 stays 0 afterwards on a fresh instance
(module
  (memory (export "memory") 1)
  (func $forever
    (local $v i32)
    (block $full
      (loop $grow
        (br_if $full (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (br $grow)))
    (loop $again
      (local.set $v (i32.add (local.get $v) (i32.const 1)))
      (memory.fill (i32.const 0) (local.get $v) (i32.mul (memory.size) (i32.const 65536)))
      (br $again)))
  (export "run" (func $forever))
  (export "_start" (func $forever))
  (func (export "fill_all") (result i32)
    (local $end i32)
    (local.set $end (i32.mul (memory.size) (i32.const 65536)))
    (memory.fill (i32.const 0) (i32.const 0xab) (local.get $end))
    (i32.add (i32.load8_u (i32.const 0)) (i32.load8_u (i32.sub (local.get $end) (i32.const 1)))))
  (func (export "fill_oob") (result i32)
    (memory.fill (i32.const 0) (i32.const 0xcd) (i32.const -1))
    (i32.const 0))
  (func (export "byte0") (result i32) (i32.load8_u (i32.const 0))))
