package io.wasmhive.indexer.chain;

import io.github.resilience4j.retry.Retry;
import io.wasmhive.platform.chainwatch.ChainLog;
import io.wasmhive.platform.chainwatch.LogFilter;
import io.wasmhive.platform.chainwatch.Web3jChain;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * {@link RegistryLogSource} on the shared {@link Web3jChain}: {@code eth_getLogs} filtered by the registry address
 * and the two event topics, each log decoded by {@link RegistryEvents}. Each call is retried with backoff before
 * it fails with {@link io.wasmhive.platform.chainwatch.ChainRpcException}. Thread-safe.
 */
final class Web3jRegistryLogSource implements RegistryLogSource {

  private static final Logger log = LoggerFactory.getLogger(Web3jRegistryLogSource.class);

  private final Web3jChain chain;
  private final String registry;
  private final LogFilter filter;

  Web3jRegistryLogSource(Web3j web3j, String registry, Retry retry) {
    this.chain = new Web3jChain(web3j, retry);
    this.registry = registry;
    this.filter = LogFilter.of(registry, RegistryEvents.CREATED_TOPIC, RegistryEvents.UPDATED_TOPIC);
  }

  @Override
  public long chainId() {
    return chain.chainId();
  }

  @Override
  public long headBlock() {
    return chain.headBlock();
  }

  @Override
  public List<RegistryEvent> events(long from, long to) {
    List<RegistryEvent> events = new ArrayList<>();
    for (ChainLog entry : chain.logs(filter, from, to)) {
      try {
        events.add(RegistryEvents.decode(entry));
      } catch (IllegalArgumentException e) {
        // Only a contract that is not the registry emits such a log; stalling on it forever would stop the watcher.
        log.error("skipping a log of {} the registry ABI does not decode: {}", registry, e.getMessage());
      }
    }
    return events;
  }
}
