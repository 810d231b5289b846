;; progress: a typed guest that reports its progress through executor-core's host import
;;   (import "host" "progress" (func (param i32)))    ;; percent, clamped by the host to 0..100; no result
;; main(steps i32, spin i32) -> i32 reports 0, 100/steps, ..., 100 (steps + 1 reports), spinning `spin` loop
;; iterations after each report, and returns the number of reports made. main(4, 0) reports 0 25 50 75 100 -> 5.
;; steps must be at least 1 (0 traps: integer divide by zero).
;; MVP features only; the relay's progress events are tested with it (ExecutionIntegrationTests).
(module
  (import "host" "progress" (func $progress (param i32)))
  (func $spin (param $n i32)
    (block $done
      (loop $again
        (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $again))))
  (func (export "main") (param $steps i32) (param $spin i32) (result i32)
    (local $i i32)
    (block $done
      (loop $again
        (br_if $done (i32.gt_s (local.get $i) (local.get $steps)))
        (call $progress (i32.div_s (i32.mul (local.get $i) (i32.const 100)) (local.get $steps)))
        (call $spin (local.get $spin))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    (local.get $i)))
