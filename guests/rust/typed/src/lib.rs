//! rust-typed: typed exports only (no WASI calls are made).
//!   calculate_discount(price: f64, tier: i32) -> f64 : tier 1 -> price * 0.95, 2 -> * 0.90, 3 -> * 0.85, else price
//!   is_even(n: i64) -> i32 : 1 if n is even (0 and negatives included), else 0

#[no_mangle]
pub extern "C" fn calculate_discount(price: f64, tier: i32) -> f64 {
    match tier {
        1 => price * 0.95,
        2 => price * 0.90,
        3 => price * 0.85,
        _ => price,
    }
}

#[no_mangle]
pub extern "C" fn is_even(n: i64) -> i32 {
    (n % 2 == 0) as i32
}
