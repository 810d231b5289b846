//! rust-derive-template: the hello-world derivation reducer in Rust (issue 16), the same behaviour as
//! guests/c/derive-hello.c. cdylib (wasm32-wasi) exporting `alloc(len) -> ptr` and
//! `reduce(msg_ptr, msg_len) -> i32`, importing only the host's `db` module.
//!
//! reduce: the message is a JSON object with a string member "text", e.g. {"text":"hi"}; it runs
//!     INSERT INTO greetings(text) VALUES (?)      with params ["hi"]  (serde_json's encoding of the text)
//! and returns 0. Rejections: 2 = not a JSON object with a string "text" (no db call); a negative db code passes
//! through (-1 SQL_ERROR, -2 REFUSED, -3 CONSTRAINT, -4 LIMIT, -5 BAD_PARAMS, -6 NO_DATABASE, -7 FAILED).
//! The schema (CREATE TABLE greetings (text TEXT NOT NULL)) belongs to the derivation, not to the reducer.
use serde_json::Value;

#[link(wasm_import_module = "db")]
extern "C" {
    /// Rows changed (>= 0) or a negative code.
    #[link_name = "exec"]
    fn db_exec(sql_ptr: i32, sql_len: i32, params_ptr: i32, params_len: i32) -> i64;
    /// Length of the JSON rows written to a buffer from `alloc`, whose address is stored at `out_ptr_ptr`; or a
    /// negative code.
    #[link_name = "query"]
    fn db_query(sql_ptr: i32, sql_len: i32, params_ptr: i32, params_len: i32, out_ptr_ptr: i32) -> i32;
}

/// Allocates `len` bytes for the host (the message, a query's rows); `take` gives them back as a Vec.
#[no_mangle]
pub extern "C" fn alloc(len: i32) -> i32 {
    let mut buf: Vec<u8> = Vec::with_capacity(if len > 0 { len as usize } else { 1 });
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr as usize as i32
}

/// Takes ownership of `len` bytes the host wrote into a buffer from `alloc`.
unsafe fn take(ptr: i32, len: i32) -> Vec<u8> {
    let cap = if len > 0 { len as usize } else { 1 };
    Vec::from_raw_parts(ptr as u32 as usize as *mut u8, len.max(0) as usize, cap)
}

/// Runs one statement; rows changed or a negative code.
pub fn exec(sql: &str, params: &str) -> i64 {
    unsafe { db_exec(sql.as_ptr() as i32, sql.len() as i32, params.as_ptr() as i32, params.len() as i32) }
}

/// Runs one query; its rows as JSON, or a negative code.
pub fn query(sql: &str, params: &str) -> Result<Value, i32> {
    let mut out: i32 = 0;
    let n = unsafe {
        db_query(sql.as_ptr() as i32, sql.len() as i32, params.as_ptr() as i32, params.len() as i32,
                 &mut out as *mut i32 as i32)
    };
    if n < 0 {
        return Err(n);
    }
    let rows = unsafe { take(out, n) };
    serde_json::from_slice(&rows).map_err(|_| -7)
}

#[no_mangle]
pub extern "C" fn reduce(msg_ptr: i32, msg_len: i32) -> i32 {
    let msg = unsafe { take(msg_ptr, msg_len) };
    let text = match serde_json::from_slice::<Value>(&msg) {
        Ok(Value::Object(members)) => match members.get("text") {
            Some(Value::String(text)) => text.clone(),
            _ => return 2,
        },
        _ => return 2,
    };
    let params = Value::Array(vec![Value::String(text)]).to_string();
    let changed = exec("INSERT INTO greetings(text) VALUES (?)", &params);
    if changed < 0 {
        changed as i32
    } else {
        0
    }
}
