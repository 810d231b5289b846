//! rust-json-cmd: WASI command. Reads ALL of stdin as one JSON document and prints one line:
//!   {"sum":<sum>,"count":<n>}
//! where the inputs are the JSON numbers in the top-level array field "values" (other elements ignored;
//! a missing/non-array "values" gives sum 0, count 0). sum is an integer when every counted number is an
//! integer fitting i64 and the sum does not overflow, else an f64 (serde_json formatting, e.g. 4.5).
//! Exit code 0. Invalid JSON: nothing on stdout, "invalid JSON: <details>" on stderr, exit code 2.
use serde_json::Value;
use std::io::{Read, Write};

fn main() {
    let mut input = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut input) {
        eprintln!("cannot read stdin: {}", e);
        std::process::exit(1);
    }
    let doc: Value = match serde_json::from_slice(&input) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("invalid JSON: {}", e);
            std::process::exit(2);
        }
    };
    let nums: Vec<&serde_json::Number> = match doc.get("values") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| match v {
                Value::Number(n) => Some(n),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut int_sum: Option<i64> = Some(0);
    for n in &nums {
        int_sum = match (int_sum, n.as_i64()) {
            (Some(acc), Some(x)) => acc.checked_add(x),
            _ => None,
        };
    }
    let sum = match int_sum {
        Some(s) => Value::from(s),
        None => Value::from(nums.iter().map(|n| n.as_f64().unwrap_or(0.0)).sum::<f64>()),
    };
    let out = format!("{{\"sum\":{},\"count\":{}}}", sum, nums.len());
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let _ = writeln!(lock, "{}", out);
    let _ = lock.flush();
}
