package io.wasmhive.indexer.fetch;

import io.wasmhive.platform.ipfs.Cid;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A module could not be fetched. {@link #retryable()} says whether asking again later may succeed: true when at
 * least one gateway failed in a transient way in the last round; false when every gateway said 404, the verified
 * bytes are not WebAssembly, the DAG is too complex to walk within the read budget, no gateway is configured, or the
 * fetcher is closed.
 */
public final class ModuleFetchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Cid cid;
  private final boolean retryable;
  private final transient List<GatewayFailure> failures;

  ModuleFetchException(Cid cid, String message, boolean retryable, List<GatewayFailure> failures) {
    super(message);
    this.cid = cid;
    this.retryable = retryable;
    this.failures = List.copyOf(failures);
  }

  /** No gateway is configured, so fetching is disabled. Not retryable. */
  static ModuleFetchException disabled(Cid cid) {
    return new ModuleFetchException(cid, "cannot fetch " + cid + ": no IPFS gateway is configured (set IPFS_GATEWAYS"
        + " or indexer.fetch.gateways to comma-separated base URLs); fetching is disabled", false, List.of());
  }

  /** Every gateway of a round failed; {@code failures} holds those of every round so far. */
  static ModuleFetchException roundFailed(Cid cid, int attempt, boolean retryable, List<GatewayFailure> failures) {
    String why = failures.stream().map(GatewayFailure::toString).collect(Collectors.joining("; "));
    return new ModuleFetchException(cid, "no gateway returned a verified WebAssembly module for " + cid + " (attempt "
        + attempt + (retryable ? ", retryable" : ", not retryable") + "): " + why, retryable, failures);
  }

  /** The CID asked for. */
  public Cid cid() {
    return cid;
  }

  /** Whether asking again later may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** Every gateway failure of the fetch, in the order seen (empty when no gateway was asked). */
  public List<GatewayFailure> failures() {
    return failures;
  }
}
