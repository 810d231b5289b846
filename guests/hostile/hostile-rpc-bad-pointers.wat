;; hostile-rpc-bad-pointers: imports host.rpc_call and abuses it. Memory: 1 page (64 KiB), exported.
;; A valid request (63 bytes) lives at offset 1024:
;;   {"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}
;; alloc(len) -> i32: bump allocator starting at 4096 (8-byte aligned) while $mode = 0;
;;                    returns 0xFFFFFF00 (out of bounds) once $mode = 1 (set by bad_alloc).
;; Every export returns the raw rpc_call result; the host must either trap or return a negative error
;; code, must not write outside guest memory and must not crash.
;;   good()          rpc_call(1024, 63, 16)              control case: valid; result = response length
;;   bad_req()       rpc_call(0xFFFFFFF0, 100, 16)       request pointer out of bounds
;;   bad_len()       rpc_call(1024, 0x7FFFFFFF, 16)      request length far beyond memory
;;   neg_len()       rpc_call(1024, -1, 16)              negative request length
;;   bad_resp_ptr()  rpc_call(1024, 63, 0xFFFFFFF0)      resp_ptr_ptr out of bounds
;;   edge_resp_ptr() rpc_call(1024, 63, 65534)           resp_ptr_ptr straddles the end of memory (2 of 4 bytes)
;;   bad_alloc()     sets $mode = 1, then rpc_call(1024, 63, 16): the guest's alloc returns 0xFFFFFF00
(module
  (import "host" "rpc_call" (func $rpc (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 1024) "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}")
  (global $mode (mut i32) (i32.const 0))
  (global $heap (mut i32) (i32.const 4096))
  (func (export "alloc") (param $len i32) (result i32)
    (local $p i32)
    (if (i32.eq (global.get $mode) (i32.const 1))
      (then (return (i32.const 0xFFFFFF00))))
    (local.set $p (global.get $heap))
    (global.set $heap
      (i32.and (i32.add (i32.add (local.get $p) (local.get $len)) (i32.const 7)) (i32.const -8)))
    (local.get $p))
  (func (export "good") (result i32)
    (call $rpc (i32.const 1024) (i32.const 63) (i32.const 16)))
  (func (export "bad_req") (result i32)
    (call $rpc (i32.const 0xFFFFFFF0) (i32.const 100) (i32.const 16)))
  (func (export "bad_len") (result i32)
    (call $rpc (i32.const 1024) (i32.const 0x7FFFFFFF) (i32.const 16)))
  (func (export "neg_len") (result i32)
    (call $rpc (i32.const 1024) (i32.const -1) (i32.const 16)))
  (func (export "bad_resp_ptr") (result i32)
    (call $rpc (i32.const 1024) (i32.const 63) (i32.const 0xFFFFFFF0)))
  (func (export "edge_resp_ptr") (result i32)
    (call $rpc (i32.const 1024) (i32.const 63) (i32.const 65534)))
  (func (export "bad_alloc") (result i32)
    (global.set $mode (i32.const 1))
    (call $rpc (i32.const 1024) (i32.const 63) (i32.const 16))))
