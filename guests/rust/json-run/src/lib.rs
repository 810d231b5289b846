//! rust-json-run: cdylib (wasm32-wasi) exporting `run()` and `alloc(len) -> ptr`, importing host.rpc_call.
//!
//! run(): reads the first line of stdin, e.g. {"address":"0xabc","chainId":1}, sends the JSON-RPC request
//!   {"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":[<address>,"latest"]}
//! through host.rpc_call (<address> = the input's "address" value re-serialized compactly, null if absent),
//! and prints exactly one line on stdout:
//!   {"balance":<response.result>,"processed":true}            when the response has no "error" member
//!   {"error":<response.error>,"processed":false}              when it has one
//! Values are re-serialized compactly by serde_json (object keys sorted alphabetically).
//! Other failures print {"error":"<message>","processed":false} with message one of
//!   "invalid input JSON", "rpc_call failed: <code>", "invalid RPC response", "RPC response has no result".
use serde_json::Value;
use std::io::{BufRead, Write};

#[link(wasm_import_module = "host")]
extern "C" {
    #[link_name = "rpc_call"]
    fn host_rpc_call(req_ptr: i32, req_len: i32, resp_ptr_ptr: i32) -> i32;
}

/// Allocates `len` bytes for the host (never freed: instances are short-lived).
#[no_mangle]
pub extern "C" fn alloc(len: i32) -> i32 {
    let mut buf: Vec<u8> = Vec::with_capacity(if len > 0 { len as usize } else { 1 });
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr as usize as i32
}

fn rpc_call(request: &str) -> Result<Vec<u8>, i32> {
    let mut resp_ptr: i32 = 0;
    let n = unsafe {
        host_rpc_call(
            request.as_ptr() as usize as i32,
            request.len() as i32,
            &mut resp_ptr as *mut i32 as usize as i32,
        )
    };
    if n < 0 {
        return Err(n);
    }
    let bytes =
        unsafe { std::slice::from_raw_parts(resp_ptr as u32 as usize as *const u8, n as usize) };
    Ok(bytes.to_vec())
}

fn error_line(msg: &str) -> String {
    format!("{{\"error\":{},\"processed\":false}}", Value::from(msg))
}

fn process(line: &str) -> String {
    let input: Value = match serde_json::from_str(line.trim()) {
        Ok(v) => v,
        Err(_) => return error_line("invalid input JSON"),
    };
    let address = input.get("address").cloned().unwrap_or(Value::Null);
    let request = format!(
        "{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[{},\"latest\"]}}",
        address
    );
    let raw = match rpc_call(&request) {
        Ok(r) => r,
        Err(code) => return error_line(&format!("rpc_call failed: {}", code)),
    };
    let response: Value = match serde_json::from_slice(&raw) {
        Ok(v) => v,
        Err(_) => return error_line("invalid RPC response"),
    };
    if let Some(err) = response.get("error") {
        if !err.is_null() {
            return format!("{{\"error\":{},\"processed\":false}}", err);
        }
    }
    match response.get("result") {
        Some(result) => format!("{{\"balance\":{},\"processed\":true}}", result),
        None => error_line("RPC response has no result"),
    }
}

#[no_mangle]
pub extern "C" fn run() {
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    let out = process(&line);
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let _ = writeln!(lock, "{}", out);
    let _ = lock.flush();
}
