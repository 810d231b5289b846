;; hostile-big-iovec: hands the host one 48 MiB iovec, its whole memory but the first page.
;; Memory: 1 page initially, exported; each export first grows it by 768 pages (to 769 pages = 48 MiB + 64 KiB)
;; and traps if that is refused. The iovec at offset 0 is {buf = 65536, len = 50331648}; the 4 bytes at 8
;; receive nwritten / nread. host.progress(0) is called right before the WASI call and host.progress(100) right
;; after it, so a test can look at the worker thread around the call.
;;   write()  fd_write(1, iovs = 0, 1, 8): 48 MiB of zero bytes to stdout; returns fd_write's errno
;;   read()   fd_read(0, iovs = 0, 1, 8): up to 48 MiB of stdin; returns fd_read's errno (nread at offset 8)
;; Expected: write() with a small max_output ends with OUTPUT_LIMIT (stdout holds exactly max_output zero bytes);
;; read() returns 0 with nread = the stdin length. Either way the host never copies 48 MiB into a buffer of its own.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "host" "progress" (func $progress (param i32)))
  (memory (export "memory") 1)
  (func $setup
    (if (i32.eq (memory.grow (i32.const 768)) (i32.const -1))
      (then (unreachable)))
    (i32.store (i32.const 0) (i32.const 65536))
    (i32.store (i32.const 4) (i32.const 50331648)))
  (func (export "write") (result i32)
    (local $errno i32)
    (call $setup)
    (call $progress (i32.const 0))
    (local.set $errno (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $progress (i32.const 100))
    (local.get $errno))
  (func (export "read") (result i32)
    (local $errno i32)
    (call $setup)
    (call $progress (i32.const 0))
    (local.set $errno (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $progress (i32.const 100))
    (local.get $errno)))
