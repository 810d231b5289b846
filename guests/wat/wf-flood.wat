;; wf-flood: a guest for the Ditto WASM server verdicts (docs/workflows.md), written for the fixtures of /wasm/run.
;; features: bulk-memory
;; Writes 64 KiB blocks to stdout forever: the runner kills it once stdout passes its limit.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (func (export "run")
    (memory.fill (i32.const 1024) (i32.const 120) (i32.const 65536))
    (loop $again
      (i32.store (i32.const 0) (i32.const 1024))
      (i32.store (i32.const 4) (i32.const 65536))
      (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
      (br $again))))
