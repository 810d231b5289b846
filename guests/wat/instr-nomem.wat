;; instr-nomem: no memory and no start; the instrumenter still adds its globals and exports.
(module
  (func (export "square") (param i64) (result i64) (i64.mul (local.get 0) (local.get 0))))
