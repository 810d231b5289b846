;; hostile-table-grow-bomb: grows a funcref table by 2^20 slots at a time until table.grow answers -1.
;; expect: table.grow answers -1 at the host's table limit (no allocation above it); run() then returns the size reached, or the run ends with TIMEOUT / OUT_OF_GAS
;; features: reference-types
;;   run() -> i32  : table.grow $t (ref.null func) 1048576 until it returns -1, then table.size
;;                   (V8, limit 10,000,000 slots: 1 + 9 * 1048576 = 9437185)
;;   _start()      : run(), result dropped
;;   grow_huge() -> i32 : a single table.grow by 2^31 - 1 slots: -1 under any sane limit
(module
  (table $t 1 funcref)
  (func $bomb (result i32)
    (block $full
      (loop $grow
        (br_if $full (i32.eq (table.grow $t (ref.null func) (i32.const 0x100000)) (i32.const -1)))
        (br $grow)))
    (table.size $t))
  (export "run" (func $bomb))
  (func (export "_start") (drop (call $bomb)))
  (func (export "grow_huge") (result i32)
    (table.grow $t (ref.null func) (i32.const 0x7fffffff))))
