package io.wasmhive.indexer.fetch;

import java.util.Locale;

/** Why one request to one gateway did not produce the module. */
public enum FailureReason {
  /** The gateway answered 404 or 410: it does not have the CID. Not retryable within a fetch. */
  NOT_FOUND(false),
  /** No complete answer within the request timeout. */
  TIMEOUT(true),
  /** The connection could not be opened, or broke while the answer was read. */
  CONNECT(true),
  /** The gateway answered 429 Too Many Requests. */
  RATE_LIMITED(true),
  /** The gateway answered with a 5xx status. */
  HTTP_5XX(true),
  /** Any other status than 200, 404, 410, 429 or 5xx (redirects are not followed). Not retryable. */
  HTTP_OTHER(false),
  /** A block's bytes do not hash to its CID: the gateway sent wrong bytes. Another source may send the right ones. */
  HASH_MISMATCH(true),
  /** The answer does not decode (CAR framing, dag-pb, UnixFS), names another root or lacks a block. */
  MALFORMED(true),
  /** The answer is larger than the size limit; reading stopped there. Not retryable. */
  TOO_LARGE(false),
  /** The verified bytes are not a WebAssembly module (magic and version 1). Conclusive: ends the fetch. */
  NOT_WASM(false),
  /**
   * Walking the UnixFS DAG needs more repeat visits of shared blocks than the read budget of the size limit allows
   * ({@link io.wasmhive.platform.ipfs.ReadBudget}). Conclusive: ends the fetch, since the verdict rests on verified
   * blocks only, and the same CID names the same DAG on every gateway.
   */
  DAG_TOO_COMPLEX(false);

  private final boolean retryable;

  FailureReason(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether asking again later (a next round of the same fetch) may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** Whether this failure settles the fetch: verified bytes, and so the DAG they make, are the same everywhere. */
  boolean conclusive() {
    return this == NOT_WASM || this == DAG_TOO_COMPLEX;
  }

  /** The value of the {@code outcome} tag of {@code indexer_gateway_requests_total}. */
  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
