;; wat-table-ops: every table instruction of the reference-types proposal, each behind an export returning a number.
;; features: reference-types bulk-memory
;;   $funcs: funcref table, 3 slots, max 10, = [$one, $two, null]; $externs: externref table, 0 slots.
;;   Segments: active [$one, $two] (flags 0), passive $seg = [$three, $four] (flags 1), declarative with
;;   expressions [ref.func $one, ref.func $two, ref.null func] (flags 7).
;;   Results on a fresh instance (each export below is independent unless it says otherwise):
;;   get_set() -> i32    : table.set 2 := table.get 0, then calls slot 2 = 1
;;   size() -> i32       : table.size $funcs = 3
;;   grow() -> i32       : table.grow $funcs by 2 (filled with ref.func $two) -> old size 3; returns
;;                         old*100 + new size*10 + call(4) = 352 (on a fresh instance)
;;   grow_past_max() -> i32 : table.grow $funcs by 8 (3+8 > max 10) = -1
;;   fill() -> i32       : table.fill slots 0..2 with ref.func $two, returns call(0)+call(1)+call(2) = 6
;;   copy() -> i32       : table.copy slots [0,2) to [1,3) (overlapping) -> [$one,$one,$two]; call(0)*100+call(1)*10+call(2) = 112
;;   init() -> i32       : table.init slots 1..2 from passive segment $seg = [$three, $four]; call(1)*10+call(2) = 34
;;   drop_then_init() -> i32 : elem.drop $seg, then table.init of length 0 = ok (returns 1);
;;                         table.init of length 1 after the drop traps (out of bounds table access)
;;   drop_then_init1()   : elem.drop $seg then table.init length 1: traps
;;   null_checks() -> i32 : ref.is_null(ref.null func) + 10*ref.is_null(ref.func $one)
;;                          + 100*ref.is_null(table.get 2) = 101
;;   select_ref(c) -> i32 : typed select (select (result funcref)) of ref.func $one / $two by c, called = 1 if c != 0 else 2
;;   externs() -> i32    : table.grow $externs by 3 with ref.null extern (old 0), table.size = 3,
;;                         ref.is_null(table.get $externs 2) = 1 -> returns 0*100 + 3*10 + 1 = 31
(module
  (type $v_i (func (result i32)))
  (table $funcs 3 10 funcref)
  (table $externs 0 externref)
  (elem (table $funcs) (i32.const 0) func $one $two)
  (elem $seg func $three $four)
  (elem declare funcref (ref.func $one) (ref.func $two) (ref.null func))
  (func $one (type $v_i) (i32.const 1))
  (func $two (type $v_i) (i32.const 2))
  (func $three (type $v_i) (i32.const 3))
  (func $four (type $v_i) (i32.const 4))
  (func $call (param $i i32) (result i32) (call_indirect $funcs (type $v_i) (local.get $i)))
  (func (export "get_set") (result i32)
    (table.set $funcs (i32.const 2) (table.get $funcs (i32.const 0)))
    (call $call (i32.const 2)))
  (func (export "size") (result i32) (table.size $funcs))
  (func (export "grow") (result i32)
    (local $old i32)
    (local.set $old (table.grow $funcs (ref.func $two) (i32.const 2)))
    (i32.add
      (i32.add (i32.mul (local.get $old) (i32.const 100)) (i32.mul (table.size $funcs) (i32.const 10)))
      (call $call (i32.const 4))))
  (func (export "grow_past_max") (result i32) (table.grow $funcs (ref.null func) (i32.const 8)))
  (func (export "fill") (result i32)
    (table.fill $funcs (i32.const 0) (ref.func $two) (i32.const 3))
    (i32.add (i32.add (call $call (i32.const 0)) (call $call (i32.const 1))) (call $call (i32.const 2))))
  (func (export "copy") (result i32)
    (table.copy $funcs $funcs (i32.const 1) (i32.const 0) (i32.const 2))
    (i32.add
      (i32.add (i32.mul (call $call (i32.const 0)) (i32.const 100)) (i32.mul (call $call (i32.const 1)) (i32.const 10)))
      (call $call (i32.const 2))))
  (func (export "init") (result i32)
    (table.init $funcs $seg (i32.const 1) (i32.const 0) (i32.const 2))
    (i32.add (i32.mul (call $call (i32.const 1)) (i32.const 10)) (call $call (i32.const 2))))
  (func (export "drop_then_init") (result i32)
    (elem.drop $seg)
    (table.init $funcs $seg (i32.const 0) (i32.const 0) (i32.const 0))
    (i32.const 1))
  (func (export "drop_then_init1")
    (elem.drop $seg)
    (table.init $funcs $seg (i32.const 0) (i32.const 0) (i32.const 1)))
  (func (export "null_checks") (result i32)
    (i32.add
      (i32.add (ref.is_null (ref.null func)) (i32.mul (ref.is_null (ref.func $one)) (i32.const 10)))
      (i32.mul (ref.is_null (table.get $funcs (i32.const 2))) (i32.const 100))))
  (func (export "select_ref") (param $c i32) (result i32)
    (table.set $funcs (i32.const 2) (select (result funcref) (ref.func $one) (ref.func $two) (local.get $c)))
    (call $call (i32.const 2)))
  (func (export "externs") (result i32)
    (local $old i32)
    (local.set $old (table.grow $externs (ref.null extern) (i32.const 3)))
    (i32.add
      (i32.add (i32.mul (local.get $old) (i32.const 100)) (i32.mul (table.size $externs) (i32.const 10)))
      (ref.is_null (table.get $externs (i32.const 2))))))
