package io.wasmhive.indexer.index;

import io.wasmhive.platform.ipfs.Cid;
import java.util.List;

/** Where indexed modules come from: IPFS gateways, verified against the CID. The fetching feature adapts to it. */
public interface ModuleSource {

  /**
   * The module's bytes, every block verified against {@code cid}, within the size limit and with the WebAssembly
   * header. Blocks; thread-safe.
   *
   * @throws Failure when no gateway delivered verified bytes
   */
  Fetched fetch(Cid cid);

  /**
   * Verified bytes and where they came from.
   *
   * @param bytes the module
   * @param source which gateway answered, for the module's {@code sources}
   */
  record Fetched(byte[] bytes, String source) {
  }

  /** No verified bytes: why, per gateway, and whether a later attempt may succeed. */
  class Failure extends RuntimeException {

    private final boolean retryable;
    private final List<String> gatewayFailures;

    public Failure(String message, boolean retryable, List<String> gatewayFailures) {
      super(message);
      this.retryable = retryable;
      this.gatewayFailures = List.copyOf(gatewayFailures);
    }

    public boolean retryable() {
      return retryable;
    }

    public List<String> gatewayFailures() {
      return gatewayFailures;
    }
  }
}
