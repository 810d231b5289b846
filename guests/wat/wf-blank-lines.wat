;; wf-blank-lines: a guest for the Ditto WASM server verdicts (docs/workflows.md), written for the fixtures of /wasm/run.
;; Writes only whitespace and newlines: after trimming, stdout is empty.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "\n   \r\n\t\n")
  (func (export "run")
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.const 8))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
