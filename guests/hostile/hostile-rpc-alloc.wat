;; hostile-rpc-alloc: a guest whose alloc misbehaves while the host is inside host.rpc_call (the host
;; re-enters the guest to allocate the response). Memory: 1 page (64 KiB), exported.
;; A valid request (63 bytes) lives at offset 1024:
;;   {"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}
;; main(mode) -> i32 sets $mode, then returns rpc_call(1024, 63, 16); alloc(len) -> i32 then
;;   mode 0  is a bump allocator from 4096 (8-byte aligned): main returns the response length (control)
;;   mode 1  traps (unreachable)
;;   mode 2  loops forever (1 gas per iteration: stopped by max_time unless max_gas is tiny)
;;   mode 3  burns gas: 10^10 iterations of acc = acc*31 + i (stopped by max_gas long before max_time)
;;   other   behaves as mode 0
;; Expected: modes 1, 2 and 3 end the execution as TRAP (unreachable), TIMEOUT and OUT_OF_GAS, exactly as if
;; main itself had trapped, looped or burnt the gas; a later execution on the same worker is unaffected.
(module
  (import "host" "rpc_call" (func $rpc (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 1024) "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}")
  (global $mode (mut i32) (i32.const 0))
  (global $heap (mut i32) (i32.const 4096))
  (global $sink (mut i64) (i64.const 0))
  (func (export "alloc") (param $len i32) (result i32)
    (local $p i32)
    (local $i i64)
    (local $acc i64)
    (if (i32.eq (global.get $mode) (i32.const 1))
      (then (unreachable)))
    (if (i32.eq (global.get $mode) (i32.const 2))
      (then (loop $forever (br $forever))))
    (if (i32.eq (global.get $mode) (i32.const 3))
      (then
        (local.set $acc (i64.const 7))
        (loop $burn
          (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (local.get $i)))
          (local.set $i (i64.add (local.get $i) (i64.const 1)))
          (br_if $burn (i64.lt_u (local.get $i) (i64.const 10000000000))))
        (global.set $sink (local.get $acc))))
    (local.set $p (global.get $heap))
    (global.set $heap
      (i32.and (i32.add (i32.add (local.get $p) (local.get $len)) (i32.const 7)) (i32.const -8)))
    (local.get $p))
  (func (export "main") (param $mode i32) (result i32)
    (global.set $mode (local.get $mode))
    (call $rpc (i32.const 1024) (i32.const 63) (i32.const 16))))
