package io.wasmhive.indexer.chain;

import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * {@link RegistryLogSource} over JSON-RPC with web3j: {@code eth_chainId}, {@code eth_blockNumber} and
 * {@code eth_getLogs} filtered by the registry address and the two event topics. Each call is retried with
 * backoff (Resilience4j) before it fails with {@link ChainRpcException}. Thread-safe.
 */
final class Web3jRegistryLogSource implements RegistryLogSource {

  private static final Logger log = LoggerFactory.getLogger(Web3jRegistryLogSource.class);

  static final Comparator<RegistryEvent> CHAIN_ORDER =
      Comparator.comparingLong(RegistryEvent::blockNumber).thenComparingLong(RegistryEvent::logIndex);

  private final Web3j web3j;
  private final String registry;
  private final Retry retry;

  Web3jRegistryLogSource(Web3j web3j, String registry, Retry retry) {
    this.web3j = web3j;
    this.registry = registry;
    this.retry = retry;
  }

  @Override
  public long chainId() {
    return call("eth_chainId", () -> web3j.ethChainId().send()).getChainId().longValueExact();
  }

  @Override
  public long headBlock() {
    return call("eth_blockNumber", () -> web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
  }

  @Override
  public List<RegistryEvent> events(long from, long to) {
    EthFilter filter = new EthFilter(block(from), block(to), registry);
    filter.addOptionalTopics(RegistryEvents.CREATED_TOPIC, RegistryEvents.UPDATED_TOPIC);
    EthLog answer = call("eth_getLogs", () -> web3j.ethGetLogs(filter).send());
    List<RegistryEvent> events = new ArrayList<>();
    for (EthLog.LogResult<?> result : answer.getLogs()) {
      if (result.get() instanceof Log entry && !entry.isRemoved()) {
        decodeInto(entry, events);
      }
    }
    events.sort(CHAIN_ORDER);
    return events;
  }

  private void decodeInto(Log entry, List<RegistryEvent> events) {
    try {
      events.add(RegistryEvents.decode(entry));
    } catch (IllegalArgumentException e) {
      // Only a contract that is not the registry emits such a log; stalling on it forever would stop the watcher.
      log.error("skipping a log of {} the registry ABI does not decode: {}", registry, e.getMessage());
    }
  }

  private <T extends Response<?>> T call(String method, Callable<T> request) {
    T response;
    try {
      response = retry.executeCallable(() -> checked(method, request.call()));
    } catch (ChainRpcException e) {
      throw e;
    } catch (Exception e) {
      throw new ChainRpcException(method + " failed after " + retry.getRetryConfig().getMaxAttempts()
          + " attempts: " + e, e);
    }
    return response;
  }

  private static <T extends Response<?>> T checked(String method, T response) throws IOException {
    if (response.hasError()) {
      // An error answer is retried like a transport error: nodes answer errors under load too.
      throw new IOException(method + " answered error " + response.getError().getCode() + ": "
          + response.getError().getMessage());
    }
    return response;
  }

  private static DefaultBlockParameter block(long number) {
    return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
  }
}
