;; wat-loop-sum: sum_to(n i64) -> i64 = 1 + 2 + ... + n computed by a loop of exactly n iterations
;; (n <= 0 -> 0). Deterministic compute for fuel/gas tests: sum_to(10) = 55, sum_to(1000000) = 500000500000.
(module
  (func (export "sum_to") (param $n i64) (result i64)
    (local $i i64) (local $acc i64)
    (block $done
      (loop $l
        (br_if $done (i64.ge_s (local.get $i) (local.get $n)))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (local.set $acc (i64.add (local.get $acc) (local.get $i)))
        (br $l)))
    (local.get $acc)))
