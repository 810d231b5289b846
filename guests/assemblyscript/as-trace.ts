// as-trace: trace() calls the imported env.trace(message, n, a0, a1, a2, a3, a4).

/** run(x): traces "msg" with 2 values, 1.5 and 2.5, then "x" with one value x; returns x + 1. */
export function run(x: f64): f64 {
  trace("msg", 2, 1.5, 2.5);
  trace("x", 1, x);
  return x + 1;
}
