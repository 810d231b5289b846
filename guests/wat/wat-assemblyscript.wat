;; wat-assemblyscript: imports what AssemblyScript 0.28's default output imports from "env", and lays out
;; strings the way AssemblyScript does: a 20-byte object header (mmInfo, gcInfo, gcInfo2, rtId = 2 for String,
;; rtSize = the byte length) right before UTF-16LE code units; a string pointer points at the first code unit.
;; Memory: 1 page, exported. Strings (pointer: contents):
;;   1024: "héllo 😀" (8 code units, a surrogate pair at the end)    1088: "assembly/index.ts"
;;   1152: "progress"                                                  1296: "a\nb" (a control character)
;;   1200: rtSize 7 (odd: not UTF-16)                                  1248: rtSize 0xFFFFFF00 (beyond memory)
;; Exports:
;;   abort(msg, file, line, column)   calls env.abort with exactly these arguments
;;   abort_long(units)                writes `units` code units "x" at 8192 (rtSize at 8188), then abort(8192, 1088, 1, 2)
;;   seed() -> f64                    returns env.seed()
;;   trace(msg, n)                    calls env.trace(msg, n, 1.5, 2, -0.25, nan, 1e21), then returns
;; Expected: abort(1024, 1088, 12, 5) traps with "abort: héllo 😀 at assembly/index.ts:12:5"; null pointers read as
;; "null"; malformed strings read as a placeholder; trace(1152, 2) writes "trace: progress 1.5, 2\n" to stderr.
(module
  (import "env" "abort" (func $abort (param i32 i32 i32 i32)))
  (import "env" "seed" (func $seed (result f64)))
  (import "env" "trace" (func $trace (param i32 i32 f64 f64 f64 f64 f64)))
  (memory (export "memory") 1)
  (data (i32.const 1004) "\00\00\00\00\00\00\00\00\00\00\00\00\02\00\00\00\10\00\00\00"
    "h\00\e9\00l\00l\00o\00 \00\3d\d8\00\de")
  (data (i32.const 1068) "\00\00\00\00\00\00\00\00\00\00\00\00\02\00\00\00\22\00\00\00"
    "a\00s\00s\00e\00m\00b\00l\00y\00/\00i\00n\00d\00e\00x\00.\00t\00s\00")
  (data (i32.const 1132) "\00\00\00\00\00\00\00\00\00\00\00\00\02\00\00\00\10\00\00\00"
    "p\00r\00o\00g\00r\00e\00s\00s\00")
  (data (i32.const 1180) "\00\00\00\00\00\00\00\00\00\00\00\00\02\00\00\00\07\00\00\00" "a\00b\00c\00")
  (data (i32.const 1228) "\00\00\00\00\00\00\00\00\00\00\00\00\02\00\00\00\00\ff\ff\ff" "a\00")
  (data (i32.const 1276) "\00\00\00\00\00\00\00\00\00\00\00\00\02\00\00\00\06\00\00\00" "a\00\0a\00b\00")
  (func (export "abort") (param $msg i32) (param $file i32) (param $line i32) (param $column i32)
    (call $abort (local.get $msg) (local.get $file) (local.get $line) (local.get $column)))
  (func (export "abort_long") (param $units i32)
    (local $i i32)
    (i32.store (i32.const 8188) (i32.shl (local.get $units) (i32.const 1)))
    (block $done
      (loop $fill
        (br_if $done (i32.ge_u (local.get $i) (local.get $units)))
        (i32.store16 (i32.add (i32.const 8192) (i32.shl (local.get $i) (i32.const 1))) (i32.const 0x78))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $fill)))
    (call $abort (i32.const 8192) (i32.const 1088) (i32.const 1) (i32.const 2)))
  (func (export "seed") (result f64)
    (call $seed))
  (func (export "trace") (param $msg i32) (param $n i32)
    (call $trace (local.get $msg) (local.get $n) (f64.const 1.5) (f64.const 2) (f64.const -0.25) (f64.const nan)
      (f64.const 1e21))))
