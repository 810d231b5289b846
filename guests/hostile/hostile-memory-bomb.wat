;; hostile-memory-bomb: memory initial 1 page, no maximum, exported.
;;   _start(): memory.grow(1) until it returns -1, then loops forever storing i32 values over the whole
;;             memory (never terminates on its own: must be stopped by the memory limit + timeout/fuel).
;;   grow_huge() -> i32: a single memory.grow(65535) (4 GiB - 64 KiB); returns the raw result
;;             (-1 when refused, the old size in pages otherwise).
;;   run(): same as _start.
(module
  (memory (export "memory") 1)
  (func $bomb
    (local $addr i32) (local $end i32)
    (block $full
      (loop $grow
        (br_if $full (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (br $grow)))
    (local.set $end (i32.mul (memory.size) (i32.const 65536)))
    (loop $forever
      (local.set $addr (i32.const 0))
      (block $pass_done
        (loop $pass
          (br_if $pass_done (i32.ge_u (local.get $addr) (i32.sub (local.get $end) (i32.const 4))))
          (i32.store (local.get $addr) (local.get $addr))
          (local.set $addr (i32.add (local.get $addr) (i32.const 4096)))
          (br $pass)))
      (br $forever)))
  (export "_start" (func $bomb))
  (export "run" (func $bomb))
  (func (export "grow_huge") (result i32)
    (memory.grow (i32.const 65535))))
