;; hostile-output-flood: WASI command. _start fills 64 KiB with 'A' (0x41) and then calls
;; fd_write(1, [64 KiB], ...) forever, ignoring the result (errors included).
;; The host must cap captured stdout and stop the guest (timeout/fuel/output limit).
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (func (export "_start")
    (local $i i32)
    (block $filled
      (loop $fill
        (br_if $filled (i32.ge_u (local.get $i) (i32.const 65536)))
        (i32.store8 (local.get $i) (i32.const 0x41))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $fill)))
    ;; iovec at 65536: { buf = 0, len = 65536 }, nwritten at 65544
    (i32.store (i32.const 65536) (i32.const 0))
    (i32.store (i32.const 65540) (i32.const 65536))
    (loop $flood
      (drop (call $fd_write (i32.const 1) (i32.const 65536) (i32.const 1) (i32.const 65544)))
      (br $flood))))
