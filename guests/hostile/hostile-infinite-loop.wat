;; hostile-infinite-loop: run() and _start() loop forever (no calls, no memory access).
(module
  (func $spin (loop $l (br $l)))
  (export "run" (func $spin))
  (export "_start" (func $spin)))
