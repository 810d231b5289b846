// as-math: typed exports only (AssemblyScript 0.28, default features, -O3). No imports.

/** add(a, b): i32 addition, wrapping. */
export function add(a: i32, b: i32): i32 {
  return a + b;
}

/** calculate_discount(price, tier): the same rule as guests/c/c-add.c (0.95, 0.90, 0.85 for tiers 1-3). */
export function calculate_discount(price: f64, tier: i32): f64 {
  switch (tier) {
    case 1: return price * 0.95;
    case 2: return price * 0.90;
    case 3: return price * 0.85;
    default: return price;
  }
}

/** hypot(x, y): sqrt(x*x + y*y) in f64 (Math.hypot's scaling, so no overflow for large inputs). */
export function hypot(x: f64, y: f64): f64 {
  return Math.hypot(x, y);
}

/** to_i32(x): x converted to i32 the AssemblyScript way (saturating with nontrapping-f2i: NaN -> 0). */
export function to_i32(x: f64): i32 {
  return <i32>x;
}

/** low_byte(x): the low 8 bits of x as a signed byte (-128..127). */
export function low_byte(x: i32): i32 {
  return <i32><i8>x;
}
