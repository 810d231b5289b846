;; wat-bulk-memory (post-MVP feature: bulk-memory). Memory: 1 page, exported.
;;   run() -> i32: memory.fill [0,256) with 3; memory.copy [0,128) -> [512,640);
;;                 returns the sum of bytes [0,1024) as unsigned values = 256*3 + 128*3 = 1152
;;   fill(dst i32, val i32, len i32)   raw memory.fill (traps "out of bounds memory access" beyond 64 KiB)
;;   copy(dst i32, src i32, len i32)   raw memory.copy
;;   checksum(off i32, len i32) -> i32 sum of unsigned bytes in [off, off+len)
(module
  (memory (export "memory") 1)
  (func $checksum (export "checksum") (param $off i32) (param $len i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $sum
          (i32.add (local.get $sum)
            (i32.load8_u (i32.add (local.get $off) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $sum))
  (func (export "fill") (param $dst i32) (param $val i32) (param $len i32)
    (memory.fill (local.get $dst) (local.get $val) (local.get $len)))
  (func (export "copy") (param $dst i32) (param $src i32) (param $len i32)
    (memory.copy (local.get $dst) (local.get $src) (local.get $len)))
  (func (export "run") (result i32)
    (memory.fill (i32.const 0) (i32.const 3) (i32.const 256))
    (memory.copy (i32.const 512) (i32.const 0) (i32.const 128))
    (call $checksum (i32.const 0) (i32.const 1024))))
