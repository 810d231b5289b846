;; hostile-table-fill: one table.fill instruction rewrites a million table slots; run() does it forever.
;; expect: TIMEOUT or OUT_OF_GAS for run() (table.fill must cost per slot or be stopped by the clock); fill_oob() traps (TRAP) without writing
;; features: reference-types
;;   grow() -> i32 : table.grow $t (ref.func $f) 1000000, the raw result (0 = old size, -1 if the host refuses)
;;   fill_once() -> i32 : grow(), then one table.fill of the whole table with ref.func $f; returns table.size
;;                        (1000001 when the grow was allowed, 1 otherwise)
;;   run(), _start() : grow(), then table.fill of the whole table forever (never returns)
;;   fill_oob() -> i32 : table.fill $t 0 (ref.func $f) 0xFFFFFFFF on the 1-slot table traps (out of bounds) before
;;                       writing anything; check_slot0() -> i32 = ref.is_null(table.get 0) stays 1 afterwards
(module
  (table $t 1 funcref)
  (elem declare func $f)
  (func $f)
  (func $grow (export "grow") (result i32) (table.grow $t (ref.func $f) (i32.const 1000000)))
  (func $fill_all (table.fill $t (i32.const 0) (ref.func $f) (table.size $t)))
  (func (export "fill_once") (result i32)
    (drop (call $grow))
    (call $fill_all)
    (table.size $t))
  (func $forever
    (drop (call $grow))
    (loop $again
      (call $fill_all)
      (br $again)))
  (export "run" (func $forever))
  (export "_start" (func $forever))
  (func (export "fill_oob") (result i32)
    (table.fill $t (i32.const 0) (ref.func $f) (i32.const -1))
    (i32.const 0))
  (func (export "check_slot0") (result i32) (ref.is_null (table.get $t (i32.const 0)))))
