//! wf-balance-bridge: the workflow tests' ERC-20 balance reader through seed 000's RPC file bridge. A cdylib
//! (wasm32-wasi) exporting `run()`.
//!
//! run(): reads the first line of stdin as {"token":"0x<40 hex>","holder":"0x<40 hex>","chainId":N} (chainId
//! optional), writes the JSON-RPC request
//!   {"jsonrpc":"2.0","id":1,"method":"eth_call","params":[{"to":<token>,"data":"0x70a08231<holder, 32 bytes>"},"latest"]}
//! (with "chainId":N appended when given) to $WASM_RPC_WORK_DIR/$WASM_RPC_REQUEST_FILE, then polls
//! $WASM_RPC_WORK_DIR/$WASM_RPC_RESPONSE_FILE (up to 2000 tries, sleeping 1 ms between tries, so that a host
//! answering from another thread or process has time to; wasmhive's answers before the request file's close
//! returns, so the first try finds it), and prints the response's 32-byte "result" word in decimal, exactly (all 256 bits):
//!   {"value":"<decimal>"}
//! Errors (one line on stdout): {"error":"invalid input JSON"}, {"error":"token must be an address"},
//! {"error":"holder must be an address"}, {"error":"chainId must be an integer"},
//! {"error":"missing env","var":"WASM_RPC_WORK_DIR"} (first missing of the three), {"error":"cannot write request file"},
//! {"error":"rpc response timeout","tries":2000}, {"error":"eth_call failed","response":<the response>} (no hex result,
//! or the response is not JSON: then the response is given as a string).
use serde_json::Value;
use std::fs::File;
use std::io::{BufRead, Read, Write};

const TRIES: u32 = 2000;

fn is_address(v: Option<&Value>) -> Option<String> {
    let s = v?.as_str()?;
    let ok = s.len() == 42 && (s.starts_with("0x") || s.starts_with("0X"))
        && s[2..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok { Some(s.to_string()) } else { None }
}

fn env(name: &str) -> Result<String, String> {
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => Ok(v),
        _ => Err(format!("{{\"error\":\"missing env\",\"var\":\"{}\"}}", name)),
    }
}

/// Reads a whole file with plain reads (no metadata call: the host's WASI subset has no fd_filestat_get).
fn read_file(path: &str) -> Option<Vec<u8>> {
    let mut file = File::open(path).ok()?;
    let mut out = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        match file.read(&mut chunk) {
            Ok(0) => return Some(out),
            Ok(n) => out.extend_from_slice(&chunk[..n]),
            Err(_) => return None,
        }
    }
}

fn bridge_call(request: &str) -> Result<Vec<u8>, String> {
    let dir = env("WASM_RPC_WORK_DIR")?;
    let req_name = env("WASM_RPC_REQUEST_FILE")?;
    let resp_name = env("WASM_RPC_RESPONSE_FILE")?;
    let req_path = format!("{}/{}", dir.trim_end_matches('/'), req_name);
    let resp_path = format!("{}/{}", dir.trim_end_matches('/'), resp_name);
    {
        let mut file = File::create(&req_path).map_err(|_| "{\"error\":\"cannot write request file\"}".to_string())?;
        file.write_all(request.as_bytes()).map_err(|_| "{\"error\":\"cannot write request file\"}".to_string())?;
    }
    for _ in 0..TRIES {
        if let Some(bytes) = read_file(&resp_path) {
            if !bytes.is_empty() {
                return Ok(bytes);
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    Err(format!("{{\"error\":\"rpc response timeout\",\"tries\":{}}}", TRIES))
}

/// Hex digits (no 0x) of a number below 2^256 to decimal, exactly: eight 32-bit limbs divided by 10^9 until zero.
fn hex_to_decimal(hex: &str) -> Option<String> {
    if hex.is_empty() || hex.len() > 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mut limbs = [0u32; 8];
    for (i, b) in hex.bytes().rev().enumerate() {
        let v = (b as char).to_digit(16)?;
        limbs[i / 8] |= v << (4 * (i % 8));
    }
    let mut groups: Vec<u32> = Vec::new();
    loop {
        let mut rem: u64 = 0;
        for limb in limbs.iter_mut().rev() {
            let cur = (rem << 32) | *limb as u64;
            *limb = (cur / 1_000_000_000) as u32;
            rem = cur % 1_000_000_000;
        }
        groups.push(rem as u32);
        if limbs.iter().all(|&l| l == 0) {
            break;
        }
    }
    let mut out = groups.last().unwrap().to_string();
    for g in groups.iter().rev().skip(1) {
        out.push_str(&format!("{:09}", g));
    }
    Some(out)
}

fn balance(line: &str) -> Result<String, String> {
    let input: Value = serde_json::from_str(line).map_err(|_| "{\"error\":\"invalid input JSON\"}".to_string())?;
    let token = is_address(input.get("token")).ok_or("{\"error\":\"token must be an address\"}")?;
    let holder = is_address(input.get("holder")).ok_or("{\"error\":\"holder must be an address\"}")?;
    let chain = match input.get("chainId") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_i64().ok_or("{\"error\":\"chainId must be an integer\"}")?),
    };
    let mut request = format!(
        "{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{{\"to\":\"{}\",\"data\":\"0x70a08231000000000000000000000000{}\"}},\"latest\"]",
        token, &holder[2..]);
    if let Some(id) = chain {
        request.push_str(&format!(",\"chainId\":{}", id));
    }
    request.push('}');
    let response = bridge_call(&request)?;
    let failed = |r: Value| format!("{{\"error\":\"eth_call failed\",\"response\":{}}}", r);
    let parsed: Value = match serde_json::from_slice(&response) {
        Ok(v) => v,
        Err(_) => return Err(failed(Value::from(String::from_utf8_lossy(&response).into_owned()))),
    };
    let decimal = parsed.get("result").and_then(Value::as_str)
        .and_then(|s| s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")))
        .and_then(hex_to_decimal);
    match decimal {
        Some(d) => Ok(format!("{{\"value\":\"{}\"}}", d)),
        None => Err(failed(parsed)),
    }
}

#[no_mangle]
pub extern "C" fn run() {
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    let out = match balance(line.trim_end_matches(|c| c == '\n' || c == '\r')) {
        Ok(s) => s,
        Err(s) => s,
    };
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "{}", out);
    let _ = stdout.flush();
}
