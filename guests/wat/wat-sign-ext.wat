;; wat-sign-ext (post-MVP feature: sign-extension operators).
;;   extend8(i32) -> i32      i32.extend8_s     extend8(0x80) = -128, extend8(0x7f) = 127, extend8(0x1ff) = -1
;;   extend16(i32) -> i32     i32.extend16_s    extend16(0x8000) = -32768, extend16(0x12345) = 9029 (0x2345)
;;   extend32_64(i64) -> i64  i64.extend32_s    extend32_64(0x80000000) = -2147483648, extend32_64(0x1_7fffffff) = 2147483647
(module
  (func (export "extend8") (param i32) (result i32) (i32.extend8_s (local.get 0)))
  (func (export "extend16") (param i32) (result i32) (i32.extend16_s (local.get 0)))
  (func (export "extend32_64") (param i64) (result i64) (i64.extend32_s (local.get 0))))
