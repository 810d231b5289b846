;; hostile-gas-burner: finite but very long compute, no memory, no imports.
;;   run() -> i64        = run_n(10_000_000_000): 10^10 loop iterations of acc = acc * 31 + i (wrapping i64)
;;   run_n(n i64) -> i64 = same loop for n iterations (i = 0 .. n-1, acc starts at 7);
;;                         run_n(0) = 7, run_n(1) = 217, run_n(3) = 208570, run_n(10) = 5738308706962252 (see MANIFEST.md)
(module
  (func $run_n (export "run_n") (param $n i64) (result i64)
    (local $i i64) (local $acc i64)
    (local.set $acc (i64.const 7))
    (block $done
      (loop $l
        (br_if $done (i64.ge_s (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (local.get $i)))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $l)))
    (local.get $acc))
  (func (export "run") (result i64)
    (call $run_n (i64.const 10000000000))))
