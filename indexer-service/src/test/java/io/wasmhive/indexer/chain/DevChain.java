package io.wasmhive.indexer.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Drives an anvil chain as a registry's users would: deploys the committed WasmRegistry bytecode and sends
 * create/update transactions from anvil's unlocked dev accounts (no keys needed), and mines empty blocks.
 */
final class DevChain implements AutoCloseable {

  private static final BigInteger GAS = BigInteger.valueOf(1_000_000);

  final Web3j web3j;
  private final HttpService http;
  private final List<String> accounts;
  private final String bytecode;

  DevChain(String url) throws IOException {
    this.http = new HttpService(url);
    this.web3j = Web3j.build(http);
    this.accounts = web3j.ethAccounts().send().getAccounts();
    this.bytecode = committedArtifact().get("bytecode").asText();
  }

  static com.fasterxml.jackson.databind.JsonNode committedArtifact() throws IOException {
    try (InputStream in = DevChain.class.getResourceAsStream("/chain/WasmRegistry.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  String account(int index) {
    return accounts.get(index).toLowerCase(java.util.Locale.ROOT);
  }

  /** Deploys a fresh registry and returns its address in lower case. */
  String deployRegistry() throws IOException {
    TransactionReceipt receipt = send(Transaction.createContractTransaction(account(0), null, gasPrice(), GAS,
        BigInteger.ZERO, bytecode));
    return receipt.getContractAddress().toLowerCase(java.util.Locale.ROOT);
  }

  TransactionReceipt create(String registry, int account, String id, String cid) throws IOException {
    return call(registry, account, new Function("create", List.of(new Bytes32(bytes32(id)), new Utf8String(cid)), List.of()));
  }

  TransactionReceipt update(String registry, int account, String id, String cid) throws IOException {
    return call(registry, account, new Function("update", List.of(new Bytes32(bytes32(id)), new Utf8String(cid)), List.of()));
  }

  /** Sends without waiting for a receipt; with automine off the transaction waits for {@link #mine}. */
  String sendCreate(String registry, int account, String id, String cid) throws IOException {
    String data = FunctionEncoder.encode(new Function("create", List.of(new Bytes32(bytes32(id)), new Utf8String(cid)), List.of()));
    return transactionHash(web3j.ethSendTransaction(Transaction.createFunctionCallTransaction(account(account), null,
        gasPrice(), GAS, registry, data)).send());
  }

  /** The receipt, waited for: right after automine is switched back on, anvil mines a moment later. */
  TransactionReceipt receipt(String txHash) {
    return Awaitility.await("receipt of " + txHash).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
        .until(() -> web3j.ethGetTransactionReceipt(txHash).send().getTransactionReceipt(), Optional::isPresent)
        .orElseThrow();
  }

  void mine(int blocks) throws IOException {
    rpc("anvil_mine", List.of(Numeric.toHexStringWithPrefix(BigInteger.valueOf(blocks))));
  }

  void automine(boolean on) throws IOException {
    rpc("evm_setAutomine", List.of(on));
  }

  long head() throws IOException {
    return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
  }

  /** The module id a client would use for {@code name}: a deterministic 0x-hex bytes32 (SHA-256 here). */
  static String id(String name) {
    try {
      return Numeric.toHexString(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    web3j.shutdown();
  }

  private TransactionReceipt call(String registry, int account, Function function) throws IOException {
    return send(Transaction.createFunctionCallTransaction(account(account), null, gasPrice(), GAS, registry,
        FunctionEncoder.encode(function)));
  }

  private TransactionReceipt send(Transaction tx) throws IOException {
    return receipt(transactionHash(web3j.ethSendTransaction(tx).send()));
  }

  private static String transactionHash(EthSendTransaction sent) {
    if (sent.hasError()) {
      throw new IllegalStateException("eth_sendTransaction: " + sent.getError().getMessage());
    }
    return sent.getTransactionHash();
  }

  private BigInteger gasPrice() throws IOException {
    return web3j.ethGasPrice().send().getGasPrice().multiply(BigInteger.TWO);
  }

  private void rpc(String method, List<?> params) throws IOException {
    VoidResponse response = new Request<>(method, params, http, VoidResponse.class).send();
    if (response.hasError()) {
      throw new UncheckedIOException(new IOException(method + ": " + response.getError().getMessage()));
    }
  }

  private static byte[] bytes32(String hex) {
    return Numeric.hexStringToByteArray(hex);
  }
}
