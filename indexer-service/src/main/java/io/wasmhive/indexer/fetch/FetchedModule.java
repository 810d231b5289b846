package io.wasmhive.indexer.fetch;

import io.wasmhive.platform.ipfs.Cid;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A module fetched and verified: its bytes hash to {@code cid} (every block of its DAG was checked) and start with
 * the WebAssembly magic and version 1. The byte array is not copied: do not change it.
 *
 * @param bytes the module
 * @param cid the CID asked for
 * @param gateway the base URL of the gateway that answered first with verified bytes, credentials masked
 * @param took the time from the call to {@link ModuleFetcher#fetch} to its return, retries and backoff included
 * @param failuresBeforeSuccess every gateway failure of this fetch before the success, in the order seen
 */
public record FetchedModule(byte[] bytes, Cid cid, String gateway, Duration took,
    List<GatewayFailure> failuresBeforeSuccess) {

  public FetchedModule {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(took, "took");
    failuresBeforeSuccess = List.copyOf(failuresBeforeSuccess);
  }

  /** The module's size in bytes. */
  public int size() {
    return bytes.length;
  }

  @Override
  public String toString() {
    return "FetchedModule[" + cid + ", " + bytes.length + " bytes from " + gateway + " in " + took.toMillis()
        + " ms, " + failuresBeforeSuccess.size() + " failures before]";
  }
}
