package io.wasmhive.indexer.fetch;

import io.wasmhive.indexer.index.ModuleSource;
import io.wasmhive.platform.ipfs.Cid;
import org.springframework.stereotype.Component;

/** The index feature's {@link ModuleSource} on the configured IPFS gateways ({@link ModuleFetcher}). */
@Component
class GatewayModuleSource implements ModuleSource {

  private final ModuleFetcher fetcher;

  GatewayModuleSource(ModuleFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** Blocks while fetching; the gateway that answered becomes the module's source {@code gateway:<url>}. */
  @Override
  public Fetched fetch(Cid cid) {
    try {
      FetchedModule module = fetcher.fetch(cid);
      return new Fetched(module.bytes(), "gateway:" + module.gateway());
    } catch (ModuleFetchException e) {
      throw new Failure(e.getMessage(), e.retryable(), e.failures().stream().map(GatewayFailure::toString).toList());
    }
  }
}
