package io.wasmhive.executor.internal.host;

/**
 * What the host learns of a JSON-RPC request without a JSON library: whether it is well-formed JSON,
 * whether it is an object, and its top-level {@code id}.
 *
 * @param wellFormed the bytes are one complete JSON value
 * @param object that value is an object
 * @param id the {@code id} member as JSON text (a number, a string with its quotes, or {@code null}); {@code "null"} when absent
 * @param idValid {@code id} is absent or a number, string or null, as JSON-RPC 2.0 requires
 */
record JsonRequestScan(boolean wellFormed, boolean object, String id, boolean idValid) {

  static final JsonRequestScan MALFORMED = new JsonRequestScan(false, false, "null", true);
}
