;; wf-spin: a guest for the Ditto WASM server verdicts (docs/workflows.md), written for the fixtures of /wasm/run.
;; Never returns: the runner's wall-clock timeout has to kill it.
(module
  (memory (export "memory") 1)
  (func (export "run") (loop $forever (br $forever))))
