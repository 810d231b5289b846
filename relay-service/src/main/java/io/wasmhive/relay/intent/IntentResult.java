package io.wasmhive.relay.intent;

/**
 * What {@code POST /intent/execute-wasm} answers: an HTTP status and a JSON body (kept as text so a cached answer
 * is replayed byte for byte).
 *
 * @param status the HTTP status
 * @param bodyJson the JSON body
 * @param fromCache whether it was replayed from the idempotency store
 */
public record IntentResult(int status, String bodyJson, boolean fromCache) {
}
