package io.wasmhive.workflow.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** A session against a real anvil: the allow-list, every error answer, pinning, budget and recording. */
class ChainSessionTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private static TestChain chain;
  private static ReadOnlyRpc rpc;
  private static String token;
  private static String deployHash;
  private static String deployBlockHash;

  @BeforeAll
  static void startChain() throws Exception {
    chain = TestChain.start();
    rpc = chain.readOnlyRpc(TestChain.limits(Duration.ofSeconds(5), 50));
    token = chain.deployToken(1_000);
    JsonNode receipt = chain.call("eth_getTransactionReceipt",
        chain.call("eth_getBlockByNumber", "latest", false).get("transactions").get(0).stringValue());
    deployHash = receipt.get("transactionHash").stringValue();
    deployBlockHash = receipt.get("blockHash").stringValue();
  }

  @AfterAll
  static void stopChain() throws Exception {
    chain.close();
  }

  private static String ask(ChainSession session, String request) {
    return new String(session.handle(request.getBytes(StandardCharsets.UTF_8), WAIT), StandardCharsets.UTF_8);
  }

  private static JsonNode result(ChainSession session, String method, String params) {
    JsonNode reply = TestChain.JSON.readTree(
        ask(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"));
    assertThat(reply.has("error")).as("%s answered %s", method, reply).isFalse();
    return reply.get("result");
  }

  @Test
  void answersEveryAllowedMethod() {
    JsonNode latest = chain.call("eth_getBlockByNumber", "latest", false);
    String nonce = chain.call("eth_getTransactionCount", TestChain.OWNER, "latest").stringValue();
    ChainSession session = rpc.openSession(chain.chainId());
    String owner = "\"" + TestChain.OWNER + "\"";
    String balanceOf = "{\"to\":\"" + token + "\",\"data\":\"0x70a08231000000000000000000000000"
        + TestChain.OWNER.substring(2) + "\"}";

    assertThat(result(session, "eth_chainId", "[]").stringValue()).isEqualTo("0x" + Long.toHexString(chain.chainId()));
    assertThat(result(session, "net_version", "[]").stringValue()).isEqualTo(Long.toString(chain.chainId()));
    assertThat(result(session, "web3_clientVersion", "[]").stringValue()).startsWith("anvil");
    assertThat(result(session, "eth_blockNumber", "[]").stringValue())
        .isEqualTo(latest.get("number").stringValue());
    assertThat(result(session, "eth_getBalance", "[" + owner + ",\"latest\"]").stringValue()).startsWith("0x");
    assertThat(result(session, "eth_getTransactionCount", "[" + owner + "]").stringValue()).isEqualTo(nonce);
    assertThat(result(session, "eth_getCode", "[\"" + token + "\"]").stringValue()).hasSizeGreaterThan(100);
    // Slot 1 is totalSupply.
    assertThat(result(session, "eth_getStorageAt", "[\"" + token + "\",\"0x1\"]").stringValue())
        .isEqualTo("0x00000000000000000000000000000000000000000000000000000000000003e8");
    assertThat(result(session, "eth_call", "[" + balanceOf + "]").stringValue())
        .isEqualTo("0x00000000000000000000000000000000000000000000000000000000000003e8");
    assertThat(result(session, "eth_estimateGas", "[" + balanceOf + "]").stringValue()).startsWith("0x");
    assertThat(result(session, "eth_getBlockByNumber", "[\"latest\",false]").get("hash").stringValue())
        .isEqualTo(latest.get("hash").stringValue());
    assertThat(result(session, "eth_getBlockByNumber", "[]").get("number")).isEqualTo(latest.get("number"));
    assertThat(result(session, "eth_getBlockByHash", "[\"" + deployBlockHash + "\",false]").get("number")
        .stringValue()).isEqualTo("0x1");
    assertThat(result(session, "eth_getTransactionByHash", "[\"" + deployHash + "\"]").get("from").stringValue())
        .isEqualToIgnoringCase(TestChain.OWNER);
    assertThat(result(session, "eth_getTransactionReceipt", "[\"" + deployHash + "\"]").get("contractAddress")
        .stringValue()).isEqualToIgnoringCase(token);
    assertThat(session.callsMade()).isEqualTo(15);
  }

  @ParameterizedTest
  @ValueSource(strings = {"write-method-refused", "unlisted-method", "unlisted-method-without-id", "wrong-version",
      "missing-method", "invalid-params"})
  void answersTheSimulatorsErrorsByteForByte(String name) {
    ChainSession session = rpc.openSession(chain.chainId());
    assertThat(ask(session, TestChain.fixture(name + ".request.json")))
        .isEqualTo(TestChain.fixture(name + ".response.json"));
    assertThat(session.callsMade()).as("refused requests do not count").isZero();
  }

  @Test
  void refusesEveryWriteMethod() {
    ChainSession session = rpc.openSession(chain.chainId());
    assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":\"w\",\"method\":\"eth_sendTransaction\",\"params\":[{\"from\":\""
        + TestChain.OWNER + "\",\"to\":\"" + TestChain.RECIPIENT + "\",\"value\":\"0x1\"}]}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"w\",\"error\":{\"code\":-32601,\"message\":\"Method not found\","
            + "\"data\":\"Method eth_sendTransaction is not allowed (write operation)\"}}");
    for (String method : List.of("eth_sign", "eth_signTransaction", "eth_accounts", "personal_sign",
        "personal_sendTransaction", "eth_mining", "eth_submitHashrate", "eth_submitWork")) {
      assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}"))
          .contains("\"code\":-32601", "Method " + method + " is not allowed (write operation)");
    }
    assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"evm_mine\",\"params\":[]}"))
        .contains("Method evm_mine not found or not supported");
  }

  @Test
  void answersAParseErrorWithANullId() {
    ChainSession session = rpc.openSession(chain.chainId());
    assertThat(ask(session, TestChain.fixture("parse-error.request.txt")))
        .isEqualTo(TestChain.fixture("parse-error.response.json"));
    assertThat(ask(session, "")).isEqualTo(TestChain.fixture("parse-error.response.json"));
    assertThat(ask(session, "  \n")).isEqualTo(TestChain.fixture("parse-error.response.json"));
    assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"} {}"))
        .isEqualTo(TestChain.fixture("parse-error.response.json"));
    assertThat(ask(session, "[1,2]"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"}}");
  }

  @Test
  void refusesInvalidParams() {
    ChainSession session = rpc.openSession(chain.chainId());
    assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[\"0x\"]}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Invalid params\","
            + "\"data\":\"Invalid params: eth_call requires transaction object\"}}");
    assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getStorageAt\",\"params\":[\"0x1\"]}"))
        .contains("Invalid params: eth_getStorageAt requires address and position");
    assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":{}}"))
        .contains("Invalid params: eth_chainId requires params as an array");
    assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[],\"chainId\":-1}"))
        .contains("\"code\":-32602", "Invalid params: eth_chainId requires a positive integer chainId");
  }

  @Test
  void refusesARequestOverSixtyFourKibibytesAndAnswersOneAtTheLimit() {
    ChainSession session = rpc.openSession(chain.chainId());
    String head = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]";
    String atLimit = head + " ".repeat(ChainSession.MAX_REQUEST_BYTES - head.length() - 1) + "}";
    assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(65_536);
    assertThat(ask(session, atLimit)).contains("\"result\":\"0x");
    assertThat(ask(session, atLimit + " ")).isEqualTo(TestChain.fixture("request-too-large.response.json"));
  }

  @Test
  void answersAChainWithoutAnEndpointWithTheSimulatorsText() {
    ChainSession session = rpc.openSession(31337);
    assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"eth_blockNumber\",\"params\":[]}"))
        .isEqualTo(TestChain.fixture("no-client-for-chain.response.json"));
    ChainSession known = rpc.openSession(chain.chainId());
    assertThat(ask(known, "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"eth_blockNumber\",\"params\":[],"
        + "\"chainId\":\"999\"}")).contains("No RPC client configured for chain 999. Set RPC_URL_999 env var.");
    assertThat(known.exchanges().get(0).chainId()).isEqualTo(999);
  }

  @Test
  void takesTheChainFromTheRequestsChainIdMember() {
    ChainSession session = rpc.openSession(31337);
    assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":\"c\",\"method\":\"eth_chainId\",\"params\":[],\"chainId\":"
        + chain.chainId() + "}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"c\",\"result\":\"0x" + Long.toHexString(chain.chainId()) + "\"}");
  }

  @Test
  void pinsLatestAndPendingToOneBlockForTheWholeSession() {
    ChainSession session = rpc.openSession(chain.chainId());
    String recipient = "0x00000000000000000000000000000000000000aa";
    long first = Long.decode(result(session, "eth_blockNumber", "[]").stringValue());
    chain.send(Map.of("from", TestChain.OWNER, "to", recipient, "value", "0x5"));
    chain.mine();
    assertThat(chain.blockNumber()).isGreaterThanOrEqualTo(first + 2);

    assertThat(Long.decode(result(session, "eth_blockNumber", "[]").stringValue())).isEqualTo(first);
    assertThat(result(session, "eth_getBalance", "[\"" + recipient + "\",\"latest\"]").stringValue()).isEqualTo("0x0");
    assertThat(result(session, "eth_getBalance", "[\"" + recipient + "\",\"pending\"]").stringValue()).isEqualTo("0x0");
    assertThat(result(session, "eth_getBalance", "[\"" + recipient + "\"]").stringValue()).isEqualTo("0x0");
    assertThat(result(session, "eth_getBlockByNumber", "[\"latest\"]").get("number").stringValue())
        .isEqualTo("0x" + Long.toHexString(first));
    assertThat(result(session, "eth_getBalance", "[\"" + recipient + "\",\"0x" + Long.toHexString(first + 1) + "\"]")
        .stringValue()).as("an explicit block is kept").isEqualTo("0x5");
    assertThat(session.pinnedBlocks()).isEqualTo(Map.of(chain.chainId(), first));

    ChainSession next = rpc.openSession(chain.chainId());
    assertThat(Long.decode(result(next, "eth_blockNumber", "[]").stringValue())).isGreaterThan(first);
    assertThat(result(next, "eth_getBalance", "[\"" + recipient + "\"]").stringValue()).isEqualTo("0x5");
  }

  @Test
  void aReplayStartsWithTheRecordedPins() {
    ChainSession replay = rpc.openSession(chain.chainId(), Map.of(chain.chainId(), 1L), rpc.limits());
    assertThat(result(replay, "eth_blockNumber", "[]").stringValue()).isEqualTo("0x1");
    assertThat(result(replay, "eth_getBlockByNumber", "[]").get("hash").stringValue()).isEqualTo(deployBlockHash);
  }

  @Test
  void refusesCallsPastTheBudget() {
    ChainSession session = rpc.openSession(chain.chainId(), Map.of(), TestChain.limits(WAIT, 3));
    for (int i = 1; i <= 3; i++) {
      assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"eth_chainId\",\"params\":[]}"))
          .contains("\"result\"");
    }
    assertThat(ask(session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"eth_chainId\",\"params\":[]}"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-32000,\"message\":\"Server error\","
            + "\"data\":\"RPC call budget exhausted: a run may make at most 3 calls\"}}");
    assertThat(session.callsMade()).isEqualTo(3);

    ChainSession none = rpc.openSession(chain.chainId(), Map.of(), TestChain.limits(WAIT, 0));
    assertThat(ask(none, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
        .contains("RPC call budget exhausted: a run may make at most 0 calls");
  }

  @Test
  void keepsTheBudgetAndThePinUnderConcurrentCalls() throws Exception {
    ChainSession session = rpc.openSession(chain.chainId(), Map.of(), TestChain.limits(WAIT, 20));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        answers.add(pool.submit(() -> ask(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}")));
      }
      long ok = 0;
      java.util.Set<String> blocks = new java.util.HashSet<>();
      for (Future<String> answer : answers) {
        JsonNode reply = TestChain.JSON.readTree(answer.get());
        if (reply.has("result")) {
          ok++;
          blocks.add(reply.get("result").stringValue());
        }
      }
      assertThat(ok).isEqualTo(20);
      assertThat(blocks).hasSize(1);
      assertThat(session.exchanges()).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recordsEveryExchange() {
    ChainSession session = rpc.openSession(chain.chainId());
    String ok = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";
    String refused = TestChain.fixture("write-method-refused.request.json");
    String okAnswer = ask(session, ok);
    ask(session, refused);
    ask(session, "not json");

    List<RpcExchange> exchanges = session.exchanges();
    assertThat(exchanges).hasSize(3);
    assertThat(exchanges.get(0)).extracting(RpcExchange::chainId, RpcExchange::method, RpcExchange::request,
        RpcExchange::response, RpcExchange::truncated).containsExactly(chain.chainId(), "eth_chainId", ok, okAnswer,
        false);
    assertThat(exchanges.get(0).durationMs()).isGreaterThanOrEqualTo(0);
    assertThat(exchanges.get(1).method()).isEqualTo("eth_sendRawTransaction");
    assertThat(exchanges.get(1).response()).isEqualTo(TestChain.fixture("write-method-refused.response.json"));
    assertThat(exchanges.get(2).method()).isEmpty();
    assertThat(exchanges.get(2).response()).isEqualTo(TestChain.fixture("parse-error.response.json"));
  }

  @Test
  void cutsRecordedTextsPastTheRecordingLimit() {
    String ok = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";
    int firstExchange = ok.length() + ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x"
        + Long.toHexString(chain.chainId()) + "\"}").length();
    ChainSession session = rpc.openSession(chain.chainId(), Map.of(),
        new SessionLimits(WAIT, 50, 1024 * 1024, firstExchange + 10));
    ask(session, ok);
    ask(session, ok);
    ask(session, ok);
    List<RpcExchange> exchanges = session.exchanges();
    assertThat(exchanges.get(0).truncated()).isFalse();
    assertThat(exchanges.get(1).truncated()).isTrue();
    assertThat(exchanges.get(1).request()).isEqualTo(ok.substring(0, 10));
    assertThat(exchanges.get(2).request()).isEmpty();
    assertThat(exchanges.get(2).response()).isEmpty();
  }
}
