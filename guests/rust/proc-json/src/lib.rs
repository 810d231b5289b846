//! rust-proc-json: the Rust template for stored procedures with JSON and TEXT parameters (bytes ABI).
//!
//! The bytes ABI of procedure-service (docs/procedures.md): the module exports `memory` and
//! `alloc(len) -> ptr`; for each parameter the host calls `alloc` and writes its bytes there (TEXT = UTF-8,
//! BYTES = raw, JSON = UTF-8 JSON text, INT = 4 bytes little-endian, BIGINT = 8, FLOAT/DOUBLE = 8-byte
//! f64, BOOL = 1 byte); then it calls `f(ptr1, len1, ...) -> i64`, whose result is
//! `(out_ptr << 32) | out_len`. Each call runs on a fresh instance, so nothing needs to be freed.
//!
//! order_total(order JSON) -> JSON:
//!   {"items":[{"price":12.5,"qty":2},{"price":5,"qty":1}],"discount_pct":10}
//!   -> {"items":2,"subtotal":30.0,"total":27.0}  (keys sorted; discount_pct optional, 0..=100)
//!   anything else -> {"error":"<what is wrong>"}
//! describe(name TEXT, age INT) -> JSON:
//!   ("Ada", 36) -> {"adult":true,"age":36,"name":"Ada"}
use serde_json::{json, Value};

/// Allocates `len` bytes for the host (never freed: instances are short-lived).
#[no_mangle]
pub extern "C" fn alloc(len: i32) -> i32 {
    let mut buf: Vec<u8> = Vec::with_capacity(if len > 0 { len as usize } else { 1 });
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr as usize as i32
}

/// The bytes the host wrote at `ptr`.
fn input<'a>(ptr: i32, len: i32) -> &'a [u8] {
    unsafe { std::slice::from_raw_parts(ptr as u32 as usize as *const u8, len as u32 as usize) }
}

/// Hands `bytes` to the host as the packed (pointer, length) result.
fn output(bytes: Vec<u8>) -> i64 {
    let len = bytes.len() as u64;
    let ptr = bytes.as_ptr() as usize as u64;
    std::mem::forget(bytes);
    ((ptr << 32) | len) as i64
}

fn error(message: &str) -> i64 {
    output(json!({ "error": message }).to_string().into_bytes())
}

fn total(order: &Value) -> Result<Value, &'static str> {
    let items = order.get("items").and_then(Value::as_array).ok_or("items must be an array")?;
    let mut subtotal = 0.0;
    for item in items {
        let price = item.get("price").and_then(Value::as_f64).ok_or("each item needs a numeric price")?;
        let qty = item.get("qty").and_then(Value::as_f64).ok_or("each item needs a numeric qty")?;
        subtotal += price * qty;
    }
    let pct = order.get("discount_pct").map_or(Some(0.0), Value::as_f64).ok_or("discount_pct must be a number")?;
    if !(0.0..=100.0).contains(&pct) {
        return Err("discount_pct must be between 0 and 100");
    }
    Ok(json!({ "items": items.len(), "subtotal": subtotal, "total": subtotal * (100.0 - pct) / 100.0 }))
}

#[no_mangle]
pub extern "C" fn order_total(ptr: i32, len: i32) -> i64 {
    let order: Value = match serde_json::from_slice(input(ptr, len)) {
        Ok(v) => v,
        Err(_) => return error("order is not JSON"),
    };
    match total(&order) {
        Ok(v) => output(v.to_string().into_bytes()),
        Err(message) => error(message),
    }
}

#[no_mangle]
pub extern "C" fn describe(name_ptr: i32, name_len: i32, age_ptr: i32, age_len: i32) -> i64 {
    let name = String::from_utf8_lossy(input(name_ptr, name_len)).into_owned();
    let age_bytes = input(age_ptr, age_len);
    if age_bytes.len() != 4 {
        return error("age must be an INT (4 bytes)");
    }
    let age = i32::from_le_bytes([age_bytes[0], age_bytes[1], age_bytes[2], age_bytes[3]]);
    output(json!({ "name": name, "age": age, "adult": age >= 18 }).to_string().into_bytes())
}
