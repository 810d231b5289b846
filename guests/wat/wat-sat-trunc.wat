;; wat-sat-trunc (post-MVP feature: non-trapping float-to-int conversions).
;;   trunc_sat(f64) -> i32    i32.trunc_sat_f64_s: 3.7 -> 3, -3.7 -> -3, 1e10 -> 2147483647, -1e10 -> -2147483648, NaN -> 0
;;   trunc_sat_u(f32) -> i32  i32.trunc_sat_f32_u: -5.0 -> 0, 5e9 -> -1 (0xFFFFFFFF), 42.9 -> 42
;;   trunc(f64) -> i32        i32.trunc_f64_s (MVP, trapping): 3.7 -> 3; 1e10 traps "integer overflow";
;;                            NaN traps "invalid conversion to integer"
(module
  (func (export "trunc_sat") (param f64) (result i32) (i32.trunc_sat_f64_s (local.get 0)))
  (func (export "trunc_sat_u") (param f32) (result i32) (i32.trunc_sat_f32_u (local.get 0)))
  (func (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0))))
