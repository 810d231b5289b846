package io.wasmhive.workflow.tx;

import io.wasmhive.workflow.chain.ChainEndpoints;
import io.wasmhive.workflow.contract.RevertReasons;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends executed steps as EIP-1559 transactions from the deployment's signer. For each step: the recorded
 * transaction of an earlier attempt of the run, if any, is looked up instead of sending anything; otherwise the call
 * is simulated ({@code eth_call} from the signer at the latest block; a revert is recorded and nothing is sent),
 * its gas estimated and raised by the margin, the fees read from the node ({@code eth_feeHistory}'s next base fee
 * times the multiplier plus {@code eth_maxPriorityFeePerGas}; the simulation, the estimate and the tip are asked
 * for at once), the nonce taken under a lock per chain and address
 * (the higher of this process's next nonce and the node's pending count), the signed transaction recorded in
 * {@link SentTransactions} and only then sent, and its receipt polled for until the receipt timeout. A reverted
 * transaction's reason is read by replaying the call at its block. Thread-safe; blocks for the
 * step.
 */
public final class TransactionSender {

  private static final Logger log = LoggerFactory.getLogger(TransactionSender.class);
  private static final long FIRST_POLL_MILLIS = 2;
  private static final long MAX_POLL_MILLIS = 250;

  private final Signer signer;
  private final SignerProperties properties;
  private final ChainEndpoints endpoints;
  private final NodeClient node;
  private final SentTransactions sent;
  /** The next nonce this process would use, per chain and address. */
  private final Map<String, Long> nextNonces = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  TransactionSender(Signer signer, SignerProperties properties, ChainEndpoints endpoints, NodeClient node,
      SentTransactions sent) {
    this.signer = signer;
    this.properties = properties;
    this.endpoints = endpoints;
    this.node = node;
    this.sent = sent;
  }

  /** The signer's address. */
  public String address() {
    return signer.address();
  }

  /** Whether runs of a workflow of {@code owner} may execute: the signer's own, or an allowed owner. */
  public boolean allows(String owner) {
    return owner != null && (owner.equalsIgnoreCase(signer.address())
        || properties.allowedOwners().stream().anyMatch(owner::equalsIgnoreCase));
  }

  /**
   * Executes step {@code step} of run {@code runId}: a call of {@code to} with {@code data} and {@code value} wei on
   * {@code chainId}. Never throws for what the chain did; a node that does not answer is a {@code not-sent} (or,
   * once sent, a {@code timeout}) outcome with the reason.
   */
  public TransactionOutcome execute(long chainId, String runId, int step, String to, String data, BigInteger value) {
    URI url = endpoints.url(chainId).orElse(null);
    if (url == null) {
      return failed("not-sent", null, null, null, "no JSON-RPC endpoint is configured for chain " + chainId);
    }
    Optional<SentTransactions.Sent> earlier = sent.find(runId, step);
    if (earlier.isPresent()) {
      return resume(url, earlier.get(), to, data, value);
    }
    try {
      ObjectNode call = call(to, data, value);
      // Two round trips: the latest block and the next base fee, then the simulation at that block, the estimate
      // and the tip at once.
      Fees fees = latest(url);
      var simulated = node.send(url, "eth_call", call, "0x" + fees.block().toString(16));
      var estimated = node.send(url, "eth_estimateGas", call);
      var tipped = node.send(url, "eth_maxPriorityFeePerGas");
      String simulatedAt = fees.block().toString();
      JsonNode simulation = node.await(simulated, "eth_call");
      JsonNode estimateReply = node.await(estimated, "eth_estimateGas");
      JsonNode tipReply = node.await(tipped, "eth_maxPriorityFeePerGas");
      String returnData = simulation.path("result").isString() ? simulation.get("result").stringValue() : null;
      if (returnData == null) {
        String revert = revertData(simulation.get("error"));
        if (revert == null) {
          return failed("not-sent", null, null, null, "eth_call failed: " + simulation.get("error"));
        }
        return new TransactionOutcome("not-sent", signer.address(), null, null, null, null, null, null, null, null,
            simulatedAt, revert, RevertReasons.describe(revert), "the simulation reverted: "
            + RevertReasons.describe(revert) + "; nothing was sent", null);
      }
      BigInteger estimate = quantity(NodeClient.result(estimateReply, "eth_estimateGas"));
      BigInteger gasLimit = estimate.multiply(BigInteger.valueOf(100L + properties.gasMarginPercent()))
          .divide(BigInteger.valueOf(100));
      BigInteger baseFee = fees.nextBaseFee();
      BigInteger tip = quantity(NodeClient.result(tipReply, "eth_maxPriorityFeePerGas"));
      BigInteger maxFee = baseFee.multiply(BigInteger.valueOf(properties.baseFeeMultiplier())).add(tip);
      SentTransactions.Sent signed = send(url, chainId, runId, step, to, data, value, gasLimit, maxFee, tip);
      return await(url, signed, call, simulatedAt, returnData, gasLimit, maxFee, tip, false);
    } catch (NodeClient.Unreachable | NodeClient.NodeError | Refused e) {
      return failed("not-sent", null, null, null, e.getMessage());
    }
  }

  /** Signs and sends under the address's lock; the transaction is recorded before it is sent. */
  private SentTransactions.Sent send(URI url, long chainId, String runId, int step, String to, String data,
      BigInteger value, BigInteger gasLimit, BigInteger maxFee, BigInteger tip) {
    String key = chainId + ":" + signer.address();
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
    lock.lock();
    try {
      for (int attempt = 0; ; attempt++) {
        long pending = quantity(node.result(url, "eth_getTransactionCount", signer.address(), "pending"))
            .longValueExact();
        long nonce = Math.max(pending, nextNonces.getOrDefault(key, 0L));
        RawTransaction raw = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), gasLimit, to, value,
            data, tip, maxFee);
        String signed = signer.sign(raw, chainId);
        String hash = Hash.sha3(signed);
        SentTransactions.Sent record = new SentTransactions.Sent(chainId, signer.address(), nonce, hash, signed);
        sent.record(runId, step, record);
        JsonNode reply;
        try {
          reply = node.call(url, "eth_sendRawTransaction", signed);
        } catch (NodeClient.Unreachable e) {
          // It may have reached the node: kept as sent (the receipt wait finds out), the nonce read again next time.
          nextNonces.remove(key);
          log.warn("chain {}: no answer to eth_sendRawTransaction of {} ({}); waiting for its receipt", chainId, hash,
              e.getMessage());
          return record;
        }
        if (!reply.has("error") || alreadyKnown(reply.get("error"))) {
          nextNonces.put(key, nonce + 1);
          return record;
        }
        sent.forget(runId, step);
        nextNonces.remove(key);
        String message = reply.get("error").path("message").asString("");
        if (attempt == 0 && message.toLowerCase(Locale.ROOT).contains("nonce")) {
          log.info("chain {}: nonce {} of {} refused ({}); retrying with the node's count", chainId, nonce,
              signer.address(), message);
          continue;
        }
        throw new Refused("eth_sendRawTransaction refused: " + reply.get("error"));
      }
    } finally {
      lock.unlock();
    }
  }

  /** An earlier attempt recorded the step's transaction: its receipt, else the same signed bytes again. */
  private TransactionOutcome resume(URI url, SentTransactions.Sent earlier, String to, String data,
      BigInteger value) {
    try {
      JsonNode receipt = node.result(url, "eth_getTransactionReceipt", earlier.hash());
      if (receipt == null || receipt.isNull()) {
        JsonNode known = node.result(url, "eth_getTransactionByHash", earlier.hash());
        if (known == null || known.isNull()) {
          JsonNode reply = node.call(url, "eth_sendRawTransaction", earlier.raw());
          if (reply.has("error") && !alreadyKnown(reply.get("error"))) {
            return failed("dropped", earlier.hash(), earlier.nonce(), null, "the transaction " + earlier.hash()
                + " recorded by an earlier attempt is not on the chain and cannot be sent again: " + reply.get("error")
                + "; nothing else was sent");
          }
        }
      }
      return await(url, earlier, call(to, data, value), null, null, null, null, null, true);
    } catch (NodeClient.Unreachable | NodeClient.NodeError e) {
      return failed("timeout", earlier.hash(), earlier.nonce(), null, "the transaction " + earlier.hash()
          + " recorded by an earlier attempt could not be looked up: " + e.getMessage() + "; it was not sent again");
    }
  }

  /** Polls for the receipt until the timeout; a reverted transaction's reason is read by replaying it. */
  private TransactionOutcome await(URI url, SentTransactions.Sent tx, ObjectNode call, String simulatedAt,
      String returnData, BigInteger gasLimit, BigInteger maxFee, BigInteger tip, boolean resumed) {
    Duration timeout = properties.receiptTimeout();
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_POLL_MILLIS;
    JsonNode receipt = null;
    try {
      while (true) {
        try {
          receipt = node.result(url, "eth_getTransactionReceipt", tx.hash());
        } catch (NodeClient.Unreachable | NodeClient.NodeError e) {
          receipt = null; // A node that fails to answer once is asked again until the deadline.
        }
        if ((receipt != null && !receipt.isNull()) || System.nanoTime() >= deadline) {
          break;
        }
        Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        pause = Math.min(pause * 2, MAX_POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String limit = gasLimit == null ? null : gasLimit.toString();
    String fee = maxFee == null ? null : maxFee.toString();
    String priority = tip == null ? null : tip.toString();
    if (receipt == null || receipt.isNull()) {
      return new TransactionOutcome("timeout", tx.from(), tx.hash(), tx.nonce(), limit, fee, priority, null, null,
          null, simulatedAt, returnData, null, "no receipt for transaction " + tx.hash() + " within " + timeout
          + " (workflow.signer.receipt-timeout); it was sent and may still be mined, and is not sent again",
          resumed ? Boolean.TRUE : null);
    }
    String block = decimal(receipt.get("blockNumber"));
    String gasUsed = decimal(receipt.get("gasUsed"));
    String price = receipt.has("effectiveGasPrice") ? decimal(receipt.get("effectiveGasPrice")) : null;
    if ("0x1".equals(receipt.path("status").asString(""))) {
      return new TransactionOutcome("mined", tx.from(), tx.hash(), tx.nonce(), limit, fee, priority, block, gasUsed,
          price, simulatedAt, returnData, null, null, resumed ? Boolean.TRUE : null);
    }
    String reason = replayedReason(url, call, receipt.get("blockNumber"), gasUsed,
        receipt.has("gasLimit") ? decimal(receipt.get("gasLimit")) : limit);
    return new TransactionOutcome("reverted", tx.from(), tx.hash(), tx.nonce(), limit, fee, priority, block, gasUsed,
        price, simulatedAt, returnData, reason, "transaction " + tx.hash() + " reverted in block " + block + ": "
        + reason, resumed ? Boolean.TRUE : null);
  }

  /**
   * The reason of a mined revert: the call replayed at the end of the transaction's block (which holds the
   * transactions before it that made it revert), else at the block before; neither reverting means the state it met
   * is gone, or it ran out of gas.
   */
  private String replayedReason(URI url, ObjectNode call, JsonNode blockNumber, String gasUsed, String gasLimit) {
    try {
      BigInteger block = quantity(blockNumber);
      for (BigInteger at : List.of(block, block.subtract(BigInteger.ONE).max(BigInteger.ZERO))) {
        String revert = revertData(node.call(url, "eth_call", call, "0x" + at.toString(16)).get("error"));
        if (revert != null) {
          return RevertReasons.describe(revert);
        }
      }
      return gasLimit != null && gasLimit.equals(gasUsed) ? "reverted: out of gas (used all " + gasLimit + ")"
          : "reverted (replayed at blocks " + block + " and " + block.subtract(BigInteger.ONE)
          + " the call did not revert: the state the transaction met is not visible at either)";
    } catch (RuntimeException e) {
      return "reverted (the reason could not be read: " + e.getMessage() + ")";
    }
  }

  /** The latest block and the next one's base fee. */
  private record Fees(BigInteger block, BigInteger nextBaseFee) {
  }

  /**
   * The latest block's number and the next block's base fee: {@code eth_feeHistory} over the latest block (its
   * {@code oldestBlock} and last {@code baseFeePerGas}), else the latest block's own base fee.
   */
  private Fees latest(URI url) {
    try {
      JsonNode history = node.result(url, "eth_feeHistory", "0x1", "latest", NodeClient.JSON.createArrayNode());
      JsonNode fees = history.path("baseFeePerGas");
      if (fees.isArray() && fees.size() == 2 && history.path("oldestBlock").isString()) {
        return new Fees(quantity(history.get("oldestBlock")), quantity(fees.get(1)));
      }
    } catch (NodeClient.NodeError e) {
      // Not every node answers eth_feeHistory: the latest block's base fee then.
    }
    JsonNode latest = node.result(url, "eth_getBlockByNumber", "latest", false);
    JsonNode baseFee = latest.get("baseFeePerGas");
    if (baseFee == null || !baseFee.isString()) {
      throw new Refused("the chain has no EIP-1559 base fee; only EIP-1559 transactions are sent");
    }
    return new Fees(quantity(latest.get("number")), quantity(baseFee));
  }

  private ObjectNode call(String to, String data, BigInteger value) {
    return NodeClient.JSON.createObjectNode().put("from", signer.address()).put("to", to).put("data", data)
        .put("value", "0x" + value.toString(16));
  }

  private TransactionOutcome failed(String status, String hash, Long nonce, String block, String error) {
    return new TransactionOutcome(status, signer.address(), hash, nonce, null, null, null, block, null, null, null,
        null, null, error, null);
  }

  /** The revert data of an error answer, or null when it is no revert. */
  private static String revertData(JsonNode error) {
    if (error == null) {
      return null;
    }
    JsonNode data = error.get("data");
    if (data != null && data.isString() && data.stringValue().startsWith("0x")) {
      return data.stringValue();
    }
    if (error.path("code").asInt(0) == 3 || error.path("message").asString("").startsWith("execution reverted")) {
      return "0x";
    }
    return null;
  }

  private static boolean alreadyKnown(JsonNode error) {
    String message = error.path("message").asString("").toLowerCase(Locale.ROOT);
    return message.contains("already known") || message.contains("already imported");
  }

  private static BigInteger quantity(JsonNode hex) {
    if (hex == null || !hex.isString() || !hex.stringValue().startsWith("0x")) {
      throw new Refused("the node answered " + hex + " where a quantity was expected");
    }
    return new BigInteger(hex.stringValue().substring(2), 16);
  }

  private static String decimal(JsonNode hex) {
    return hex == null || hex.isNull() ? null : quantity(hex).toString();
  }

  /** The node refused the transaction or answered something unusable. */
  private static final class Refused extends RuntimeException {

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
