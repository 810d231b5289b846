package io.wasmhive.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.chain.TestChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Ditto-SDK-shaped workflow run by the leader against a real anvil: a WebAssembly step reads an ERC-20 balance
 * (through {@code host.rpc_call} in C, through the file bridge in Rust), and a contract step feeds it into
 * {@code transfer(address,uint256)} through {@code $wasm:}, simulated at the run's pinned block — over real HTTP,
 * the run driven through the Redis stream.
 */
@ServiceIntegrationTest
class WorkflowRunIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final BigInteger SUPPLY = BigInteger.valueOf(1_000_000);
  private static final TestChain CHAIN = TestChain.startForTestClass();
  private static final String TOKEN = CHAIN.deployToken(SUPPLY.longValue());

  @LocalServerPort
  int port;

  @Autowired
  ModuleStore modules;

  @Autowired
  StringRedisTemplate redis;


  @DynamicPropertySource
  static void chainEndpoint(DynamicPropertyRegistry registry) {
    CHAIN.serve(registry, "runs");
  }

  @AfterAll
  static void stopChain() throws InterruptedException {
    CHAIN.close();
  }

  @Test
  void aBalanceReadThroughHostRpcCallFeedsTheTransferCalldata() {
    String sha256 = store("wf-balance-rpc.wasm");
    JsonNode run = runToEnd(workflow(TestChain.OWNER, sha256, TestChain.OWNER, TestChain.RECIPIENT));

    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    JsonNode wasm = run.get("steps").get(0);
    assertThat(wasm.get("status").stringValue()).isEqualTo("succeeded");
    assertThat(wasm.get("output")).isEqualTo(JSON.readTree("{\"value\":\"" + SUPPLY + "\"}"));
    assertThat(wasm.get("module").stringValue()).isEqualTo(sha256);
    assertThat(wasm.get("rpc")).hasSize(1);
    assertThat(wasm.get("rpc").get(0).get("method").stringValue()).isEqualTo("eth_call");

    JsonNode call = run.get("steps").get(1).get("call");
    assertThat(call.get("calldata").stringValue()).isEqualTo(transferCalldata(TestChain.RECIPIENT, SUPPLY));
    assertThat(call.get("success").booleanValue()).isTrue();
    assertThat(call.get("returnData").stringValue()).isEqualTo("0x" + "0".repeat(63) + "1");
    assertThat(call.get("from").stringValue()).isEqualTo(TestChain.OWNER);

    String pinned = run.get("chainBlocks").get(String.valueOf(CHAIN.chainId())).stringValue();
    assertThat(call.get("block").stringValue()).isEqualTo(pinned);
    JsonNode refs = run.get("wasmRefContext").get("resolvedRefs");
    assertThat(refs).hasSize(1);
    assertThat(refs.get(0).get("ref").get("id").stringValue()).isEqualTo("balance");
    assertThat(refs.get(0).get("result")).isEqualTo(wasm.get("output"));
    assertThat(run.get("wasmRefContext").has("skipRemainingSteps")).isFalse();
  }

  @Test
  void aBalanceReadThroughTheFileBridgeFeedsTheTransferToo() {
    String sha256 = store("wf-balance-bridge.wasm");
    JsonNode run = runToEnd(workflow(TestChain.OWNER, sha256, TestChain.OWNER, TestChain.RECIPIENT));

    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.get("steps").get(0).get("output").get("value").stringValue()).isEqualTo(SUPPLY.toString());
    assertThat(run.get("steps").get(1).get("call").get("calldata").stringValue())
        .isEqualTo(transferCalldata(TestChain.RECIPIENT, SUPPLY));
    assertThat(run.get("steps").get(1).get("call").get("success").booleanValue()).isTrue();
  }

  @Test
  void anAmountAboveTheSendersBalanceGivesTheDecodedRevertReason() {
    String sha256 = store("wf-balance-rpc.wasm");
    // The recipient owns nothing; the module reads the owner's balance, which the recipient then tries to send.
    JsonNode run = runToEnd(workflow(TestChain.RECIPIENT, sha256, TestChain.OWNER, TestChain.OWNER));

    assertThat(run.get("status").stringValue()).isEqualTo("FAILED");
    JsonNode contract = run.get("steps").get(1);
    assertThat(contract.get("status").stringValue()).isEqualTo("failed");
    assertThat(contract.get("call").get("success").booleanValue()).isFalse();
    assertThat(contract.get("call").get("revertReason").stringValue())
        .isEqualTo("ERC20: transfer amount exceeds balance");
    assertThat(contract.get("call").get("calldata").stringValue())
        .isEqualTo(transferCalldata(TestChain.OWNER, SUPPLY));
    assertThat(run.get("error").stringValue()).contains("reverted: ERC20: transfer amount exceeds balance");
  }

  @Test
  void aModuleMissingFromTheStoreFailsTheRunWithTheSdksMessageAndIsRequestedForIndexing() {
    String missing = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
    JsonNode run = runToEnd(workflow(TestChain.OWNER, missing, TestChain.OWNER, TestChain.RECIPIENT));

    assertThat(run.get("status").stringValue()).isEqualTo("FAILED");
    assertThat(run.get("steps").get(0).get("error").stringValue()).isEqualTo("WASM module not found in database: "
        + missing + ". Indexer may need to fetch it from IPFS.");
    assertThat(run.get("steps").get(1).get("status").stringValue()).isEqualTo("skipped");
    List<String> requested = redis.opsForStream().read(StreamOffset.fromStart("module_index_requested")).stream()
        .map(entry -> String.valueOf(entry.getValue().get("payload"))).toList();
    assertThat(requested).anySatisfy(payload -> assertThat(payload).contains("\"cid\":\"" + missing + "\""));
  }

  @Test
  void aResultAskingToSkipRemainingStepsSkipsTheContractSteps() {
    String sha256 = store("wf-skip-remaining.wasm");
    JsonNode run = runToEnd(workflow(TestChain.OWNER, sha256, TestChain.OWNER, TestChain.RECIPIENT));

    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.get("skipped").booleanValue()).isTrue();
    assertThat(run.get("steps").get(1).get("status").stringValue()).isEqualTo("skipped");
    assertThat(run.get("wasmRefContext").get("skipRemainingSteps").booleanValue()).isTrue();
  }

  @Test
  void aRunIsAcceptedWith202AndShownByItsId() throws InterruptedException {
    String sha256 = store("wf-balance-rpc.wasm");
    String id = create(workflow(TestChain.OWNER, sha256, TestChain.OWNER, TestChain.RECIPIENT));
    HttpResponse<String> accepted = post("/workflows/" + id + "/jobs/job-1/runs", "");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode run = JSON.readTree(accepted.body());
    String runId = run.get("id").stringValue();
    assertThat(accepted.headers().firstValue("Location")).hasValue("/runs/" + runId);
    assertThat(run.get("status").stringValue()).isEqualTo("QUEUED");
    assertThat(run.get("steps").get(0).get("status").stringValue()).isEqualTo("pending");

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode now = run;
    while (!now.get("status").stringValue().equals("SUCCEEDED") && System.nanoTime() < deadline) {
      Thread.sleep(20);
      now = JSON.readTree(get("/runs/" + runId).body());
    }
    assertThat(now.get("status").stringValue()).isEqualTo("SUCCEEDED");
    assertThat(now.get("attempts").intValue()).isEqualTo(1);
  }

  @Test
  void unknownWorkflowsJobsAndRunsAreNotFoundInTheErrorEnvelope() {
    assertThat(post("/workflows/nope/jobs/job-1/runs", "").statusCode()).isEqualTo(404);
    String id = create(workflow(TestChain.OWNER, store("wf-balance-rpc.wasm"), TestChain.OWNER, TestChain.RECIPIENT));
    HttpResponse<String> noJob = post("/workflows/" + id + "/jobs/other/runs", "");
    assertThat(noJob.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(noJob.body()).get("error").get("code").stringValue()).isEqualTo("NOT_FOUND");
    assertThat(JSON.readTree(noJob.body()).get("error").get("message").stringValue()).contains("[job-1]");
    HttpResponse<String> noRun = get("/runs/nope");
    assertThat(noRun.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(noRun.body()).get("error").get("code").stringValue()).isEqualTo("NOT_FOUND");
  }

  /** A workflow as the SDK serializes it: one WebAssembly step and one transfer of its result. */
  private static String workflow(String owner, String wasmHash, String holder, String recipient) {
    Map<String, Object> input = Map.of("token", TOKEN, "holder", holder);
    String session = "eyJ" + "A".repeat(9_000);
    return "{\"workflow\":{\"owner\":\"" + owner + "\",\"triggers\":[{\"type\":\"cron\",\"params\":{\"schedule\":"
        + "\"*/5 * * * *\"}}],\"jobs\":[{\"id\":\"job-1\",\"chainId\":" + CHAIN.chainId() + ",\"steps\":["
        + "{\"target\":\"0x0000000000000000000000000000000000000000\",\"abi\":\"\",\"args\":[],\"value\":\"0\","
        + "\"type\":\"wasm\",\"wasmHash\":\"" + wasmHash + "\",\"wasmInput\":" + JSON.writeValueAsString(input)
        + ",\"wasmId\":\"balance\",\"wasmTimeoutMs\":2000},"
        + "{\"target\":\"" + TOKEN + "\",\"abi\":\"transfer(address,uint256)\",\"args\":[\"" + recipient
        + "\",\"$wasm:balance\"],\"value\":\"0\",\"type\":\"contract\"}],\"session\":\"" + session + "\"}],"
        + "\"count\":1,\"validAfter\":1767225600,\"validUntil\":1798761600,\"interval\":60},"
        + "\"metadata\":{\"createdAt\":1767225600000,\"version\":\"1.0.0\"}}";
  }

  private JsonNode runToEnd(String workflow) {
    String id = create(workflow);
    HttpResponse<String> run = post("/workflows/" + id + "/jobs/job-1/runs?wait=true", "");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    return JSON.readTree(run.body());
  }

  private String create(String workflow) {
    HttpResponse<String> created = post("/workflows", workflow);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").stringValue();
  }

  private String store(String guest) {
    return modules.put(GuestCorpus.bytes(guest), ModuleOrigin.of("test")).sha256();
  }

  private static String transferCalldata(String to, BigInteger amount) {
    return "0xa9059cbb" + "0".repeat(24) + to.substring(2).toLowerCase(Locale.ROOT)
        + String.format("%064x", amount);
  }

  private HttpResponse<String> post(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
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
