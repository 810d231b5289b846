package io.wasmhive.platform.chainwatch;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * A chain over JSON-RPC with web3j, for watchers: {@code eth_chainId}, {@code eth_blockNumber}, {@code eth_getLogs}
 * by {@link LogFilter} and {@code eth_call}. Each call is retried with backoff (Resilience4j), an error answer like
 * a transport error, before it fails with {@link ChainRpcException}. Thread-safe.
 */
public final class Web3jChain {

  /** Each JSON-RPC call: three attempts, 200 ms then 400 ms apart, before the call fails. */
  public static final RetryConfig DEFAULT_RETRY = RetryConfig.custom()
      .maxAttempts(3)
      .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(200), 2.0))
      .retryExceptions(IOException.class)
      .build();

  /** (block, log index) order. */
  public static final Comparator<ChainPosition> CHAIN_ORDER =
      Comparator.comparingLong(ChainPosition::blockNumber).thenComparingLong(ChainPosition::logIndex);

  private final Web3j web3j;
  private final Retry retry;

  public Web3jChain(Web3j web3j, Retry retry) {
    this.web3j = web3j;
    this.retry = retry;
  }

  /** The chain id ({@code eth_chainId}). */
  public long chainId() {
    return call("eth_chainId", () -> web3j.ethChainId().send()).getChainId().longValueExact();
  }

  /** The latest block number ({@code eth_blockNumber}). */
  public long headBlock() {
    return call("eth_blockNumber", () -> web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
  }

  /**
   * The logs {@code filter} selects in blocks {@code from..to} inclusive, sorted by (block, log index); logs the
   * node marks removed, and any the node answers that do not pass the filter, are left out.
   */
  public List<ChainLog> logs(LogFilter filter, long from, long to) {
    EthFilter request = new EthFilter(block(from), block(to), filter.address());
    for (List<String> alternatives : filter.topics()) {
      if (alternatives.isEmpty()) {
        request.addNullTopic();
      } else if (alternatives.size() == 1) {
        request.addSingleTopic(alternatives.get(0));
      } else {
        request.addOptionalTopics(alternatives.toArray(String[]::new));
      }
    }
    EthLog answer = call("eth_getLogs", () -> web3j.ethGetLogs(request).send());
    List<ChainLog> logs = new ArrayList<>();
    for (EthLog.LogResult<?> result : answer.getLogs()) {
      if (result.get() instanceof Log entry && !entry.isRemoved()) {
        ChainLog log = of(entry);
        if (filter.matches(log)) {
          logs.add(log);
        }
      }
    }
    logs.sort(CHAIN_ORDER);
    return logs;
  }

  /** {@code eth_call} of {@code data} on {@code to} at block {@code blockNumber}; answers the returned hex. */
  public String call(String to, String data, long blockNumber) {
    Transaction tx = Transaction.createEthCallTransaction(null, to, data);
    return call("eth_call", () -> web3j.ethCall(tx, block(blockNumber)).send()).getValue();
  }

  /** The web3j log as a {@link ChainLog}; a missing address or data is read as empty. */
  public static ChainLog of(Log entry) {
    return new ChainLog(entry.getAddress() == null ? "" : lower(entry.getAddress()),
        entry.getTopics().stream().map(Web3jChain::lower).toList(),
        entry.getData() == null ? "0x" : lower(entry.getData()), entry.getBlockNumber().longValueExact(),
        entry.getLogIndex().longValueExact(), lower(entry.getTransactionHash()));
  }

  private <T extends Response<?>> T call(String method, Callable<T> request) {
    try {
      return retry.executeCallable(() -> checked(method, request.call()));
    } catch (ChainRpcException e) {
      throw e;
    } catch (Exception e) {
      throw new ChainRpcException(method + " failed after " + retry.getRetryConfig().getMaxAttempts()
          + " attempts: " + e, e);
    }
  }

  private static <T extends Response<?>> T checked(String method, T response) throws IOException {
    if (response.hasError()) {
      // An error answer is retried like a transport error: nodes answer errors under load too.
      throw new IOException(method + " answered error " + response.getError().getCode() + ": "
          + response.getError().getMessage());
    }
    return response;
  }

  private static String lower(String hex) {
    return hex.toLowerCase(Locale.ROOT);
  }

  private static DefaultBlockParameter block(long number) {
    return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
  }
}
