;; wf-silent: a guest for the Ditto WASM server verdicts (docs/workflows.md), written for the fixtures of /wasm/run.
;; Returns without writing anything.
(module
  (memory (export "memory") 1)
  (func (export "run")))
