;; hostile-simd: uses the SIMD proposal (v128, f64x2.splat, f64x2.add, f64x2.extract_lane).
;; Expected: rejected by a host that only accepts MVP modules. If accepted: run(x) = 2x, e.g. run(1.5) = 3.0.
(module
  (func (export "run") (param $x f64) (result f64)
    (f64x2.extract_lane 1
      (f64x2.add (f64x2.splat (local.get $x)) (f64x2.splat (local.get $x)))))
  (func (export "_start")
    (drop (f64x2.splat (f64.const 1.0)))))
