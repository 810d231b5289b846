package io.wasmhive.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.chain.TestChain;
import io.wasmhive.workflow.tx.TransactionOutcome;
import io.wasmhive.workflow.tx.TransactionSender;
import io.wasmhive.workflow.tx.Transactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs with {@code "execute":true} against a real anvil, the signer anvil's account 0 (which holds the TestToken
 * supply): transfers sent, mined and seen on the chain; a reverting transfer recorded and not sent; concurrent runs
 * of one signer each with their own nonce; a receipt that does not come in time; a step re-attempted after a crash
 * looked up, not sent again; the key never shown.
 */
@ServiceIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class TransactionRunIntegrationTests {

  /** Anvil's account 0's well-known development key. */
  static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final TestChain CHAIN = TestChain.startForTestClass();
  private static final String TOKEN = CHAIN.deployToken(1_000_000);
  private static final String OTHER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

  @LocalServerPort
  int port;

  @Autowired
  Transactions transactions;

  @DynamicPropertySource
  static void chainEndpoint(DynamicPropertyRegistry registry) {
    CHAIN.serve(registry, "transactions");
    registry.add("workflow.signer.key", () -> KEY);
    registry.add("workflow.signer.receipt-timeout", () -> "1500ms");
    registry.add("workflow.runs.consumers", () -> "6");
  }

  @AfterAll
  static void stopChain() throws InterruptedException {
    CHAIN.close();
  }

  @Test
  void anExecutedTransferIsMinedAndChangesTheBalanceOnChain() {
    BigInteger before = balance(OTHER);
    long nonce = nonce();
    String id = create(TestChain.OWNER, transfer(OTHER, "1234"), transfer(OTHER, "66"));
    JsonNode run = run(id, "{\"execute\":true}");

    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.get("execute").booleanValue()).isTrue();
    assertThat(balance(OTHER)).isEqualTo(before.add(BigInteger.valueOf(1300)));
    assertThat(nonce()).isEqualTo(nonce + 2);
    for (int i = 0; i < 2; i++) {
      JsonNode call = run.get("steps").get(i).get("call");
      JsonNode tx = call.get("transaction");
      assertThat(call.get("from").stringValue()).isEqualToIgnoringCase(TestChain.OWNER);
      assertThat(call.get("success").booleanValue()).isTrue();
      assertThat(tx.get("status").stringValue()).isEqualTo("mined");
      assertThat(tx.get("nonce").longValue()).isEqualTo(nonce + i);
      JsonNode receipt = CHAIN.call("eth_getTransactionReceipt", tx.get("hash").stringValue());
      assertThat(receipt.get("status").stringValue()).isEqualTo("0x1");
      assertThat(tx.get("blockNumber").stringValue()).isEqualTo(Long.decode(receipt.get("blockNumber").stringValue())
          .toString()).isEqualTo(call.get("block").stringValue());
      assertThat(tx.get("gasUsed").stringValue()).isEqualTo(Long.decode(receipt.get("gasUsed").stringValue())
          .toString());
      assertThat(Long.parseLong(tx.get("gasLimit").stringValue()))
          .isGreaterThan(Long.parseLong(tx.get("gasUsed").stringValue()));
      assertThat(new BigInteger(tx.get("maxFeePerGas").stringValue()))
          .isGreaterThanOrEqualTo(new BigInteger(tx.get("maxPriorityFeePerGas").stringValue()));
    }
    String stored = get("/runs/" + run.get("id").stringValue());
    assertThat(JSON.readTree(stored)).isEqualTo(run);
    assertThat(stored.toLowerCase(Locale.ROOT)).doesNotContain(KEY.substring(2));
  }

  @Test
  void theKeyAppearsInNoLogLineOfExecutedSucceedingAndFailingRuns(
      org.springframework.boot.test.system.CapturedOutput output) {
    // Everything of the service at DEBUG while these runs go (the requests' lines prove the capture sees its log).
    org.springframework.boot.logging.LoggingSystem logging = logging();
    logging.setLogLevel("io.wasmhive", org.springframework.boot.logging.LogLevel.DEBUG);
    logging.setLogLevel("org.springframework.web", org.springframework.boot.logging.LogLevel.DEBUG);
    try {
      String mined = create(TestChain.OWNER, transfer(OTHER, "5"));
      String reverted = create(TestChain.OWNER, transfer(OTHER, "1000000000000"));
      String foreign = create(OTHER, transfer(OTHER, "1"));
      assertThat(run(mined, "{\"execute\":true}").get("status").stringValue()).isEqualTo("SUCCEEDED");
      assertThat(run(reverted, "{\"execute\":true}").get("status").stringValue()).isEqualTo("FAILED");
      assertThat(run(foreign, "{\"execute\":true}").get("status").stringValue()).isEqualTo("FAILED");
      String logged = output.getAll().toLowerCase(Locale.ROOT);
      assertThat(logged).as("the capture sees the service's log").contains(mined);
      assertThat(logged).doesNotContain(KEY.substring(2)).doesNotContain(KEY.substring(2, 34));
    } finally {
      logging.setLogLevel("io.wasmhive", null);
      logging.setLogLevel("org.springframework.web", null);
    }
  }

  @Autowired
  org.springframework.context.ApplicationContext context;

  private org.springframework.boot.logging.LoggingSystem logging() {
    return context.getBean(org.springframework.boot.logging.LoggingSystem.class);
  }

  @Test
  void aTransferWhoseSimulationRevertsIsRecordedWithItsReasonNotSentAndTheLaterStepsSkipped() {
    long nonce = nonce();
    String id = create(TestChain.OWNER, transfer(OTHER, "1000000000000"), transfer(OTHER, "1"));
    JsonNode run = run(id, "{\"execute\":true}");

    assertThat(run.get("status").stringValue()).isEqualTo("FAILED");
    JsonNode step = run.get("steps").get(0);
    assertThat(step.get("status").stringValue()).isEqualTo("failed");
    assertThat(step.get("call").get("revertReason").stringValue()).isEqualTo("ERC20: transfer amount exceeds balance");
    assertThat(step.get("call").get("success").booleanValue()).isFalse();
    assertThat(step.get("call").get("transaction").get("status").stringValue()).isEqualTo("not-sent");
    assertThat(step.get("call").get("transaction").has("hash")).isFalse();
    assertThat(run.get("error").stringValue()).contains("ERC20: transfer amount exceeds balance")
        .contains("nothing was sent");
    assertThat(run.get("steps").get(1).get("status").stringValue()).isEqualTo("skipped");
    assertThat(nonce()).isEqualTo(nonce);
  }

  @Test
  void concurrentExecutedRunsOfOneSignerAreAllMinedEachWithItsOwnNonce() throws Exception {
    BigInteger before = balance(TestChain.RECIPIENT);
    long nonce = nonce();
    String id = create(TestChain.OWNER, transfer(TestChain.RECIPIENT, "5"));
    List<CompletableFuture<JsonNode>> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> run(id, "{\"execute\":true}")));
    }
    java.util.Set<Long> nonces = new java.util.TreeSet<>();
    for (CompletableFuture<JsonNode> future : runs) {
      JsonNode run = future.get();
      assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
      nonces.add(run.get("steps").get(0).get("call").get("transaction").get("nonce").longValue());
    }
    assertThat(nonces).hasSize(6).allSatisfy(n -> assertThat(n).isBetween(nonce, nonce + 5));
    assertThat(balance(TestChain.RECIPIENT)).isEqualTo(before.add(BigInteger.valueOf(30)));
  }

  @Test
  void aReceiptThatDoesNotComeInTimeFailsTheStepWithItsHashRecorded() {
    String id = create(TestChain.OWNER, transfer(OTHER, "7"), transfer(OTHER, "8"));
    CHAIN.call("evm_setAutomine", false);
    JsonNode run;
    try {
      run = run(id, "{\"execute\":true}");
    } finally {
      CHAIN.mine();
      CHAIN.call("evm_setAutomine", true);
    }
    assertThat(run.get("status").stringValue()).isEqualTo("FAILED");
    JsonNode tx = run.get("steps").get(0).get("call").get("transaction");
    assertThat(tx.get("status").stringValue()).isEqualTo("timeout");
    String hash = tx.get("hash").stringValue();
    assertThat(run.get("error").stringValue()).contains("no receipt for transaction " + hash + " within PT1.5S")
        .contains("not sent again");
    assertThat(run.get("steps").get(1).get("status").stringValue()).isEqualTo("skipped");
    // It was sent: mined once a block came.
    assertThat(CHAIN.call("eth_getTransactionReceipt", hash).get("status").stringValue()).isEqualTo("0x1");
  }

  @Test
  void aTransactionThatRevertsOnChainIsRecordedWithTheReasonReadByReplayingIt() throws Exception {
    BigInteger amount = balance(TestChain.OWNER).multiply(BigInteger.valueOf(6)).divide(BigInteger.TEN);
    String id = create(TestChain.OWNER, transfer(OTHER, amount.toString()), transfer(OTHER, "1"));
    long nonce = nonce();
    CHAIN.call("evm_setAutomine", false);
    List<CompletableFuture<JsonNode>> runs;
    try {
      // Both simulate against the same balance and are sent; one block mines both, and the second one reverts.
      runs = List.of(CompletableFuture.supplyAsync(() -> run(id, "{\"execute\":true}")),
          CompletableFuture.supplyAsync(() -> run(id, "{\"execute\":true}")));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (Long.decode(CHAIN.call("eth_getTransactionCount", TestChain.OWNER, "pending").stringValue()) < nonce + 2
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      CHAIN.mine();
    } finally {
      CHAIN.call("evm_setAutomine", true);
    }
    JsonNode failed = null;
    int succeeded = 0;
    for (CompletableFuture<JsonNode> future : runs) {
      JsonNode run = future.get();
      if ("SUCCEEDED".equals(run.get("status").stringValue())) {
        succeeded++;
      } else {
        failed = run;
      }
    }
    assertThat(succeeded).isEqualTo(1);
    assertThat(failed).isNotNull();
    JsonNode call = failed.get("steps").get(0).get("call");
    assertThat(call.get("transaction").get("status").stringValue()).as(failed.toString()).isEqualTo("reverted");
    assertThat(call.get("success").booleanValue()).isFalse();
    assertThat(call.get("revertReason").stringValue()).isEqualTo("ERC20: transfer amount exceeds balance");
    String hash = call.get("transaction").get("hash").stringValue();
    assertThat(CHAIN.call("eth_getTransactionReceipt", hash).get("status").stringValue()).isEqualTo("0x0");
    assertThat(call.get("transaction").get("gasUsed").stringValue()).isNotEmpty();
    assertThat(failed.get("error").stringValue()).contains("transaction " + hash + " reverted in block ")
        .endsWith(": ERC20: transfer amount exceeds balance");
    assertThat(failed.get("steps").get(1).get("status").stringValue()).isEqualTo("skipped");
  }

  @Test
  void aStepReAttemptedAfterACrashIsLookedUpNotSentAgain() {
    TransactionSender sender = transactions.sender().orElseThrow();
    BigInteger before = balance(OTHER);
    String data = DataRefRunIntegrationTests.transferCalldata(OTHER, BigInteger.valueOf(11));
    String runId = "crashed-" + System.nanoTime();
    TransactionOutcome first = sender.execute(CHAIN.chainId(), runId, 0, TOKEN, data, BigInteger.ZERO);
    assertThat(first.status()).isEqualTo("mined");
    long nonce = nonce();
    TransactionOutcome again = sender.execute(CHAIN.chainId(), runId, 0, TOKEN, data, BigInteger.ZERO);
    assertThat(again.status()).isEqualTo("mined");
    assertThat(again.resumed()).isTrue();
    assertThat(again.hash()).isEqualTo(first.hash());
    assertThat(again.blockNumber()).isEqualTo(first.blockNumber());
    assertThat(nonce()).isEqualTo(nonce);
    assertThat(balance(OTHER)).isEqualTo(before.add(BigInteger.valueOf(11)));
  }

  @Test
  void aWorkflowOfAnotherOwnerIsNotExecuted() {
    long nonce = nonce();
    String id = create(TestChain.RECIPIENT, transfer(OTHER, "1"));
    JsonNode run = run(id, "{\"execute\":true}");
    assertThat(run.get("status").stringValue()).isEqualTo("FAILED");
    assertThat(run.get("error").stringValue()).contains("not executed: the workflow's owner " + TestChain.RECIPIENT
        + " is not the signer");
    assertThat(nonce()).isEqualTo(nonce);
    // Simulated as before without execute.
    assertThat(run(id, "").get("status").stringValue()).isEqualTo("SUCCEEDED");
    assertThat(post("/workflows/" + id + "/jobs/job-1/runs", "{\"execute\":1}").statusCode()).isEqualTo(400);
  }

  private static BigInteger balance(String holder) {
    String data = "0x70a08231" + "0".repeat(24) + holder.substring(2).toLowerCase(Locale.ROOT);
    return new BigInteger(CHAIN.call("eth_call", Map.of("to", TOKEN, "data", data), "latest").stringValue()
        .substring(2), 16);
  }

  private static long nonce() {
    return Long.decode(CHAIN.call("eth_getTransactionCount", TestChain.OWNER, "latest").stringValue());
  }

  private static ObjectNode transfer(String to, String amount) {
    ObjectNode step = JSON.createObjectNode().put("target", TOKEN).put("abi", "transfer(address,uint256)");
    ArrayNode args = step.putArray("args");
    args.add(to).add(amount);
    return step.put("value", "0").put("type", "contract");
  }

  private String create(String owner, ObjectNode... steps) {
    ObjectNode workflow = JSON.createObjectNode().put("owner", owner);
    workflow.putArray("triggers").addObject().put("type", "cron").putObject("params").put("schedule", "*/5 * * * *");
    ObjectNode job = workflow.putArray("jobs").addObject().put("id", "job-1").put("chainId", CHAIN.chainId());
    job.putArray("steps").addAll(List.of(steps));
    job.put("session", "eyJ" + "A".repeat(100));
    workflow.put("count", 1);
    HttpResponse<String> created = post("/workflows", workflow.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").stringValue();
  }

  private JsonNode run(String workflowId, String body) {
    HttpResponse<String> run = post("/workflows/" + workflowId + "/jobs/job-1/runs?wait=true", body);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    return JSON.readTree(run.body());
  }

  private String get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build()).body();
  }

  private HttpResponse<String> post(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
