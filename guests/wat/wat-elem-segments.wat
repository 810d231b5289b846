;; wat-elem-segments: the three kinds of element segments with element expressions (reference-types encoding).
;; features: reference-types bulk-memory
;;   table 0 has 4 slots. Active segment (flags 4: table 0, expressions): [0] = ref.func $ten, [1] = ref.null func.
;;   Passive segment $later = [ref.func $twenty, ref.func $thirty, ref.null func] (flags 5: expressions);
;;   a declarative segment (flags 3) declares $forty for ref.func.
;;   call(idx) -> i32 : call_indirect () -> i32 through table 0 (fresh: call(0)=10; 1, 2, 3 trap: null element)
;;   is_null(idx) -> i32 : ref.is_null (table.get idx) (fresh: 0 for idx 0, 1 for idx 1..3; idx >= 4 traps)
;;   init() -> i32 : table.init $later[0..2) into slots 2..3, elem.drop $later, returns call(2)*100 + call(3) = 2030;
;;                   a second init() on the same instance traps (out of bounds: the dropped segment has length 0)
;;   declared() -> i32 : table.set 1 (ref.func $forty), returns call(1) = 40
(module
  (type $v_i (func (result i32)))
  (table 4 funcref)
  (elem (table 0) (offset (i32.const 0)) funcref (ref.func $ten) (ref.null func))
  (elem $later funcref (ref.func $twenty) (ref.func $thirty) (ref.null func))
  (elem declare func $forty)
  (func $ten (type $v_i) (i32.const 10))
  (func $twenty (type $v_i) (i32.const 20))
  (func $thirty (type $v_i) (i32.const 30))
  (func $forty (type $v_i) (i32.const 40))
  (func $call (export "call") (param $idx i32) (result i32)
    (call_indirect (type $v_i) (local.get $idx)))
  (func (export "is_null") (param $idx i32) (result i32)
    (ref.is_null (table.get 0 (local.get $idx))))
  (func (export "init") (result i32)
    (table.init $later (i32.const 2) (i32.const 0) (i32.const 2))
    (elem.drop $later)
    (i32.add (i32.mul (call $call (i32.const 2)) (i32.const 100)) (call $call (i32.const 3))))
  (func (export "declared") (result i32)
    (table.set 0 (i32.const 1) (ref.func $forty))
    (call $call (i32.const 1))))
