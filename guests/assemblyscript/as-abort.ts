// as-abort: a failed assert and a thrown Error both call the imported env.abort(message, fileName, line, column)
// (AssemblyScript 0.28's default abort), then trap with unreachable.

/** checked_double(x): 2 * x for x >= 0; x < 0 calls abort("boom", "as-abort.ts", ...) via assert. */
export function checked_double(x: i32): i32 {
  assert(x >= 0, "boom");
  return x * 2;
}

/** safe_div(a, b): a / b truncated; b == 0 throws Error("division by zero"), which aborts. */
export function safe_div(a: i32, b: i32): i32 {
  if (b == 0) throw new Error("division by zero");
  return a / b;
}
