;; hostile-huge-initial-memory: declares a memory with initial = 65536 pages (4 GiB, the 32-bit maximum).
;; Structurally valid; the host must reject it at registration (exceeds its memory limit).
(module
  (memory (export "memory") 65536)
  (func (export "_start"))
  (func (export "run") (result i32) (memory.size)))
