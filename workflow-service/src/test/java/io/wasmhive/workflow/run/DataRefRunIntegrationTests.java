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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@code $ref:} data references read by a leader run against a real anvil, and operator runs that reuse the
 * leader's contexts: no WebAssembly, no data-ref reads, contract steps simulated at the leader's blocks, the same
 * calldata even after the chain has moved on. Over real HTTP, driven through the Redis stream.
 */
@ServiceIntegrationTest
class DataRefRunIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final BigInteger SUPPLY = BigInteger.valueOf(1_000_000);
  private static final TestChain CHAIN = TestChain.startForTestClass();
  private static final String TOKEN = CHAIN.deployToken(SUPPLY.longValue());
  private static final String NOBODY = "0x0000000000000000000000000000000000000001";

  @LocalServerPort
  int port;

  @Autowired
  ModuleStore modules;


  @DynamicPropertySource
  static void chainEndpoint(DynamicPropertyRegistry registry) {
    CHAIN.serve(registry, "data-refs");
  }

  @AfterAll
  static void stopChain() throws InterruptedException {
    CHAIN.close();
  }

  @Test
  void anOperatorWithTheLeadersContextsGetsTheLeadersCalldataAfterTheChainMovedOn() {
    String id = create(workflow(TestChain.OWNER, List.of(wasmStep(store("wf-balance-rpc.wasm")),
        contractStep("transfer(address,uint256)", List.of(TestChain.RECIPIENT, "$wasm:balance"),
            ref("balanceOf(address)", NOBODY)),
        contractStep("sum(uint256[])", List.of(JSON.createArrayNode().add("$wasm:balance")
            .add(ref("balanceOf(address)", TestChain.OWNER)).toString()), "0"),
        contractStep("transfer(address,uint256)", List.of(TestChain.RECIPIENT,
            ref("totalSupply() view returns (uint256)")), "0"))));
    JsonNode leader = run(id, "");
    assertThat(leader.get("status").stringValue()).as(leader.toString()).isEqualTo("SUCCEEDED");
    String block = leader.get("chainBlocks").get(String.valueOf(CHAIN.chainId())).stringValue();
    JsonNode data = leader.get("dataRefContext");
    assertThat(data.get("chainBlocks")).isEqualTo(leader.get("chainBlocks"));
    assertThat(data.get("resolvedRefs")).hasSize(3);
    assertThat(data.get("resolvedRefs").get(0).toString()).isEqualTo("{\"ref\":{\"target\":\"" + TOKEN
        + "\",\"abi\":\"balanceOf(address)\",\"args\":[\"" + NOBODY + "\"],\"chainId\":" + CHAIN.chainId()
        + "},\"value\":{\"__bigint\":\"0\"},\"blockNumber\":\"" + block + "\"}");
    assertThat(data.get("resolvedRefs").get(1).get("value").toString()).isEqualTo("{\"__bigint\":\"" + SUPPLY + "\"}");
    assertThat(data.get("resolvedRefs").get(2).get("value").toString()).isEqualTo("{\"__bigint\":\"" + SUPPLY + "\"}");
    assertThat(leader.get("steps").get(1).get("call").get("value").stringValue()).isEqualTo("0");
    assertThat(leader.get("steps").get(2).get("call").get("calldata").stringValue())
        .isEqualTo("0x0194db8e" + word(32) + word(2) + word(SUPPLY.longValue()) + word(SUPPLY.longValue()));
    assertThat(leader.get("steps").get(3).get("call").get("calldata").stringValue())
        .isEqualTo(transferCalldata(TestChain.RECIPIENT, SUPPLY));
    // As stored: the contexts come back from MongoDB unchanged.
    assertThat(JSON.readTree(get("/runs/" + leader.get("id").stringValue()))).isEqualTo(leader);

    moveTokens(1000);
    ObjectNode body = JSON.createObjectNode().put("mode", "operator");
    body.set("wasmRefContext", leader.get("wasmRefContext"));
    body.set("dataRefContext", data);
    JsonNode operator = run(id, body.toString());
    ObjectNode serialized = JSON.createObjectNode().put("mode", "operator")
        .put("wasmRefContext", leader.get("wasmRefContext").toString()).put("dataRefContext", data.toString());
    JsonNode fromStrings = run(id, serialized.toString());

    for (JsonNode replay : List.of(operator, fromStrings)) {
      assertThat(replay.get("status").stringValue()).as(replay.toString()).isEqualTo("SUCCEEDED");
      assertThat(replay.get("mode").stringValue()).isEqualTo("operator");
      assertThat(calls(replay)).isEqualTo(calls(leader));
      assertThat(replay.get("chainBlocks")).isEqualTo(leader.get("chainBlocks"));
      assertThat(replay.get("dataRefContext")).isEqualTo(data);
      assertThat(replay.get("wasmRefContext")).isEqualTo(leader.get("wasmRefContext"));
      JsonNode wasm = replay.get("steps").get(0);
      assertThat(wasm.get("output")).isEqualTo(leader.get("steps").get(0).get("output"));
      assertThat(wasm.has("module")).isFalse();
      assertThat(wasm.has("rpc")).isFalse();
      // Only the simulations read the chain: an eth_call and an eth_estimateGas per contract step.
      List<String> methods = new ArrayList<>();
      replay.get("steps").forEach(step -> step.path("rpc").forEach(x -> methods.add(x.get("method").stringValue())));
      assertThat(methods).containsExactly("eth_call", "eth_estimateGas", "eth_call", "eth_estimateGas", "eth_call",
          "eth_estimateGas");
    }
    JsonNode again = run(id, "");
    assertThat(again.get("steps").get(1).get("call").get("calldata").stringValue())
        .isEqualTo(transferCalldata(TestChain.RECIPIENT, SUPPLY.subtract(BigInteger.valueOf(1000))));
    assertThat(calls(again)).isNotEqualTo(calls(leader));
  }

  @Test
  void anOperatorMissingAResultFailsWithTheSdksMessages() {
    String wasmHash = store("wf-balance-rpc.wasm");
    String id = create(workflow(TestChain.OWNER, List.of(wasmStep(wasmHash), contractStep(
        "transfer(address,uint256)", List.of(TestChain.RECIPIENT, "$wasm:balance"), "0"))));
    JsonNode none = run(id, "{\"mode\":\"operator\"}");
    assertThat(none.get("status").stringValue()).isEqualTo("FAILED");
    assertThat(none.get("error").stringValue())
        .isEqualTo("WASM reference balance not found in provided context from leader. Available: []");
    assertThat(none.get("steps").get(1).get("status").stringValue()).isEqualTo("skipped");

    JsonNode other = run(id, "{\"mode\":\"operator\",\"wasmRefContext\":{\"resolvedRefs\":[{\"ref\":{\"id\":\"a\"},"
        + "\"result\":1},{\"ref\":{\"id\":\"b\"},\"result\":2}]}}");
    assertThat(other.get("error").stringValue())
        .isEqualTo("WASM reference balance not found in provided context from leader. Available: [a, b]");

    String totalSupply = ref("totalSupply()");
    String withRef = create(workflow(TestChain.OWNER, List.of(contractStep("transfer(address,uint256)",
        List.of(TestChain.RECIPIENT, totalSupply), "0"))));
    JsonNode noRef = run(withRef, "{\"mode\":\"operator\",\"dataRefContext\":{\"chainBlocks\":{},\"resolvedRefs\":[]}}");
    assertThat(noRef.get("status").stringValue()).isEqualTo("FAILED");
    assertThat(noRef.get("error").stringValue()).isEqualTo("DataRef " + TOKEN
        + ".totalSupply() not found in provided context from leader. Available: []");
  }

  @Test
  void aLeadersDataRefFailuresCarryTheSdksMessages() {
    String missing = "$ref:{\"target\":\"" + TOKEN + "\",\"abi\":\"totalSupply()\"}";
    assertThat(failure(missing)).isEqualTo("Failed to parse DataRef: DataRef must have target, abi, and chainId");
    assertThat(failure("$ref:{\"target\":")).startsWith("Failed to parse DataRef: ");
    String otherChain = "$ref:{\"target\":\"" + TOKEN + "\",\"abi\":\"totalSupply()\",\"args\":[],\"chainId\":999}";
    assertThat(failure(otherChain)).isEqualTo("Unsupported chain ID: 999");

    JsonNode reverted = runOne(ref("overflow(uint256)", "1"));
    String block = reverted.get("chainBlocks").get(String.valueOf(CHAIN.chainId())).stringValue();
    assertThat(reverted.get("error").stringValue()).startsWith("DataRef resolution failed for " + TOKEN
        + ".overflow(uint256) at block " + block + ": execution reverted");
    assertThat(failure(ref("transfer(address,uint256) returns (bool)", TestChain.RECIPIENT, "x")))
        .startsWith("DataRef resolution failed for " + TOKEN + ".transfer(address,uint256) returns (bool) at block ")
        .contains("argument 1 (uint256): \"x\" is not an integer");
  }

  @Test
  void severalOutputsDecodeToAnArrayAndResultIndexPicksOne() {
    String types = "uint256[3],address[],(address,uint256),bytes,string,bytes32,int8,bool";
    String[] args = {"7,8,9", TestChain.RECIPIENT + "," + TestChain.OWNER, "[\"" + TestChain.RECIPIENT + "\",\"42\"]",
        "0xdeadbeef", "hello, world", "0x" + "ab".repeat(32), "-5", "true"};
    String encoded = "0x" + new io.wasmhive.workflow.contract.ContractSimulator(false).encode(
        new io.wasmhive.workflow.contract.ContractCall(CHAIN.chainId(), TestChain.OWNER, TOKEN, "reencode",
            io.wasmhive.workflow.abi.FunctionSignature.parse("reencode(" + types + ")").inputTypes(),
            List.of(args), BigInteger.ZERO)).substring(10);
    long length = (encoded.length() - 2) / 2;
    // reencode returns bytes: read as (uint256,uint256) its head is the offset 32 and the length.
    String pair = "reencode(" + types + ") view returns (uint256,uint256)";
    String asBytes = "reencode(" + types + ") view returns (bytes)";
    List<String> reencodeArgs = new ArrayList<>(List.of(args));
    reencodeArgs.set(3, ref(asBytes, args));
    String id = create(workflow(TestChain.OWNER, List.of(
        contractStep("transfer(address,uint256)", List.of(TestChain.RECIPIENT, ref(pair, 0, args)), "0"),
        contractStep("sum(uint256[])", List.of(ref(pair, null, args)), "0"),
        contractStep("reencode(" + types + ")", reencodeArgs, "0"))));
    JsonNode run = run(id, "");

    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.get("steps").get(0).get("call").get("calldata").stringValue())
        .isEqualTo(transferCalldata(TestChain.RECIPIENT, BigInteger.valueOf(32)));
    assertThat(run.get("steps").get(1).get("call").get("calldata").stringValue())
        .isEqualTo("0x0194db8e" + word(32) + word(2) + word(32) + word(length));
    JsonNode refs = run.get("dataRefContext").get("resolvedRefs");
    assertThat(refs.get(0).get("ref").get("resultIndex").intValue()).isZero();
    assertThat(refs.get(0).get("value").toString()).isEqualTo("{\"__bigint\":\"32\"}");
    assertThat(refs.get(1).get("ref").has("resultIndex")).isFalse();
    assertThat(refs.get(1).get("value").toString())
        .isEqualTo("[{\"__bigint\":\"32\"},{\"__bigint\":\"" + length + "\"}]");
    assertThat(refs.get(2).get("value").stringValue()).isEqualTo(encoded);
    assertThat(run.get("steps").get(2).get("call").get("success").booleanValue()).isTrue();

    JsonNode past = runOne(ref(pair, 2, args));
    String block = past.get("chainBlocks").get(String.valueOf(CHAIN.chainId())).stringValue();
    assertThat(past.get("error").stringValue()).isEqualTo("DataRef resolution failed for " + TOKEN + "." + pair
        + " at block " + block + ": resultIndex 2 is out of range: the result has 2 values");
  }

  @Test
  void malformedRunBodiesAreRefusedWith400InTheErrorEnvelope() {
    String id = create(workflow(TestChain.OWNER, List.of(contractStep("transfer(address,uint256)",
        List.of(TestChain.RECIPIENT, "1"), "0"))));
    Map<String, String> bodies = new java.util.LinkedHashMap<>();
    bodies.put("{\"mode\":\"verified\"}", "mode must be \"leader\", \"operator\" or \"verify\", got \"verified\"");
    bodies.put("{\"mode\":1}", "mode must be \"leader\", \"operator\" or \"verify\", got 1");
    bodies.put("{\"mode\":\"operator\",\"extra\":1}", "the body: unknown member \"extra\"");
    bodies.put("[]", "the body must be a JSON object");
    bodies.put("{\"mode\":", "the body is not valid JSON");
    bodies.put("{\"mode\":\"operator\",\"mode\":\"leader\"}", "the body is not valid JSON: Duplicate Object property \"mode\"");
    bodies.put("{\"wasmRefContext\":{\"resolvedRefs\":[]}}", "wasmRefContext, dataRefContext and rpcRecording are for operator and verify runs only");
    bodies.put("{\"mode\":\"operator\",\"wasmRefContext\":\"{nope\"}", "wasmRefContext is not valid JSON");
    bodies.put("{\"mode\":\"operator\",\"wasmRefContext\":\"[]\"}",
        "wasmRefContext must be a JSON object or a string holding one");
    bodies.put("{\"mode\":\"operator\",\"wasmRefContext\":7}", "wasmRefContext must be a JSON object or a string holding one");
    bodies.put("{\"mode\":\"operator\",\"wasmRefContext\":{}}", "wasmRefContext.resolvedRefs must be an array");
    bodies.put("{\"mode\":\"operator\",\"wasmRefContext\":{\"resolvedRefs\":[{\"ref\":{},\"result\":1}]}}",
        "wasmRefContext.resolvedRefs[0].ref.id must be a non-empty string");
    bodies.put("{\"mode\":\"operator\",\"wasmRefContext\":{\"resolvedRefs\":[{\"ref\":{\"id\":\"a\"}}]}}",
        "wasmRefContext.resolvedRefs[0].result is required");
    bodies.put("{\"mode\":\"operator\",\"wasmRefContext\":{\"resolvedRefs\":[],\"skipRemainingSteps\":\"yes\"}}",
        "wasmRefContext.skipRemainingSteps must be a boolean");
    bodies.put("{\"mode\":\"operator\",\"dataRefContext\":{\"resolvedRefs\":[]}}",
        "dataRefContext.chainBlocks must be an object");
    bodies.put("{\"mode\":\"operator\",\"dataRefContext\":{\"chainBlocks\":{\"x\":\"1\"},\"resolvedRefs\":[]}}",
        "dataRefContext.chainBlocks: \"x\" is not a chain id");
    bodies.put("{\"mode\":\"operator\",\"dataRefContext\":{\"chainBlocks\":{\"1\":12},\"resolvedRefs\":[]}}",
        "dataRefContext.chainBlocks.1 must be a block number as a decimal string");
    bodies.put("{\"mode\":\"operator\",\"dataRefContext\":{\"chainBlocks\":{},\"resolvedRefs\":[{\"ref\":"
        + "{\"target\":\"0x1\",\"abi\":\"f()\"},\"value\":1,\"blockNumber\":\"1\"}]}}",
        "dataRefContext.resolvedRefs[0].ref: DataRef must have target, abi, and chainId");
    bodies.put("{\"mode\":\"operator\",\"dataRefContext\":{\"chainBlocks\":{},\"resolvedRefs\":[{\"ref\":"
        + "{\"target\":\"0x1\",\"abi\":\"f()\",\"chainId\":1},\"value\":1,\"blockNumber\":\"-1\"}]}}",
        "dataRefContext.resolvedRefs[0].blockNumber must be a block number as a decimal string");
    bodies.forEach((body, message) -> {
      HttpResponse<String> answer = post("/workflows/" + id + "/jobs/job-1/runs", body);
      assertThat(answer.statusCode()).as(body + " " + answer.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(answer.body()).get("error");
      assertThat(error.get("code").stringValue()).isEqualTo("INVALID_RUN_REQUEST");
      assertThat(error.get("message").stringValue()).as(body).startsWith(message);
    });
    assertThat(post("/workflows/" + id + "/jobs/job-1/runs", "{\"mode\":\"leader\"}").statusCode()).isEqualTo(202);
    assertThat(post("/workflows/" + id + "/jobs/job-1/runs", " \n").statusCode()).isEqualTo(202);
  }

  @Test
  void runBodiesAreBoundedInSizeNestingReferencesAndChains() {
    String id = create(workflow(TestChain.OWNER, List.of(contractStep("transfer(address,uint256)",
        List.of(TestChain.RECIPIENT, "1"), "0"))));
    String operator = "{\"mode\":\"operator\"}";
    int max = RunOptionsReader.MAX_BODY_BYTES;
    assertAccepted(id, operator + " ".repeat(max - operator.length()));
    assertRefused(id, operator + " ".repeat(max - operator.length() + 1), "the body is larger than 4194304 bytes");

    String nested = "{\"mode\":\"operator\",\"wasmRefContext\":{\"resolvedRefs\":[{\"ref\":{\"id\":\"a\"},\"result\":";
    assertAccepted(id, nested + "[".repeat(60) + "]".repeat(60) + "}]}}");
    assertRefused(id, nested + "[".repeat(61) + "]".repeat(61) + "}]}}",
        "the body is not valid JSON: Document nesting depth (65) exceeds the maximum allowed (64)");

    String entry = "{\"ref\":{\"id\":\"a\"},\"result\":1}";
    assertAccepted(id, refs(entry, RunOptionsReader.MAX_REFS));
    assertRefused(id, refs(entry, RunOptionsReader.MAX_REFS + 1),
        "wasmRefContext.resolvedRefs lists more than 1024 references");

    assertAccepted(id, chains(RunOptionsReader.MAX_CHAINS));
    assertRefused(id, chains(RunOptionsReader.MAX_CHAINS + 1), "dataRefContext.chainBlocks has more than 64 chains");
  }

  private static String refs(String entry, int count) {
    return "{\"mode\":\"operator\",\"wasmRefContext\":{\"resolvedRefs\":["
        + String.join(",", java.util.Collections.nCopies(count, entry)) + "]}}";
  }

  private static String chains(int count) {
    List<String> blocks = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      blocks.add("\"" + i + "\":\"1\"");
    }
    return "{\"mode\":\"operator\",\"dataRefContext\":{\"chainBlocks\":{" + String.join(",", blocks)
        + "},\"resolvedRefs\":[]}}";
  }

  private void assertAccepted(String id, String body) {
    HttpResponse<String> answer = post("/workflows/" + id + "/jobs/job-1/runs", body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
  }

  private void assertRefused(String id, String body, String message) {
    HttpResponse<String> answer = post("/workflows/" + id + "/jobs/job-1/runs", body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(answer.body()).get("error");
    assertThat(error.get("code").stringValue()).isEqualTo("INVALID_RUN_REQUEST");
    assertThat(error.get("message").stringValue()).isEqualTo(message);
  }

  private String failure(String reference) {
    JsonNode run = runOne(reference);
    assertThat(run.get("status").stringValue()).isEqualTo("FAILED");
    assertThat(run.get("steps").get(0).get("error")).isEqualTo(run.get("error"));
    return run.get("error").stringValue();
  }

  private JsonNode runOne(String reference) {
    return run(create(workflow(TestChain.OWNER, List.of(contractStep("transfer(address,uint256)",
        List.of(TestChain.RECIPIENT, reference), "0")))), "");
  }

  private List<String> calls(JsonNode run) {
    List<String> calls = new ArrayList<>();
    run.get("steps").forEach(step -> {
      if (step.has("call")) {
        calls.add(step.get("call").get("calldata").stringValue() + "@" + step.get("call").get("block").stringValue()
            + "/" + step.get("call").get("value").stringValue());
      }
    });
    return calls;
  }

  private void moveTokens(long amount) {
    long before = CHAIN.blockNumber();
    JsonNode receipt = CHAIN.send(Map.of("from", TestChain.OWNER, "to", TOKEN, "data",
        transferCalldata(TestChain.RECIPIENT, BigInteger.valueOf(amount))));
    assertThat(receipt.get("status").stringValue()).isEqualTo("0x1");
    assertThat(CHAIN.blockNumber()).isGreaterThan(before);
  }

  static String ref(String abi, String... args) {
    return ref(abi, null, args);
  }

  /** A reference as the SDK's {@code createDataRefString} writes it ({@code resultIndex} left out when null). */
  static String ref(String abi, Integer resultIndex, String... args) {
    ObjectNode ref = JSON.createObjectNode().put("target", TOKEN).put("abi", abi);
    ArrayNode array = ref.putArray("args");
    for (String arg : args) {
      array.add(arg);
    }
    ref.put("chainId", CHAIN.chainId());
    if (resultIndex != null) {
      ref.put("resultIndex", resultIndex);
    }
    return "$ref:" + ref;
  }

  private static ObjectNode wasmStep(String wasmHash) {
    ObjectNode step = JSON.createObjectNode().put("target", "0x0000000000000000000000000000000000000000")
        .put("abi", "");
    step.putArray("args");
    step.put("value", "0").put("type", "wasm").put("wasmHash", wasmHash);
    step.putObject("wasmInput").put("token", TOKEN).put("holder", TestChain.OWNER);
    return step.put("wasmId", "balance").put("wasmTimeoutMs", 2000);
  }

  private static ObjectNode contractStep(String abi, List<String> args, String value) {
    ObjectNode step = JSON.createObjectNode().put("target", TOKEN).put("abi", abi);
    ArrayNode array = step.putArray("args");
    args.forEach(array::add);
    return step.put("value", value).put("type", "contract");
  }

  private static String workflow(String owner, List<ObjectNode> steps) {
    ObjectNode workflow = JSON.createObjectNode().put("owner", owner);
    workflow.putArray("triggers").addObject().put("type", "cron").putObject("params").put("schedule", "*/5 * * * *");
    ObjectNode job = workflow.putArray("jobs").addObject().put("id", "job-1").put("chainId", CHAIN.chainId());
    job.putArray("steps").addAll(steps);
    job.put("session", "eyJ" + "A".repeat(9_000));
    workflow.put("count", 1);
    return workflow.toString();
  }

  private JsonNode run(String workflowId, String body) {
    HttpResponse<String> run = post("/workflows/" + workflowId + "/jobs/job-1/runs?wait=true", body);
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

  private static String word(long value) {
    return String.format("%064x", value);
  }

  static String transferCalldata(String to, BigInteger amount) {
    return "0xa9059cbb" + "0".repeat(24) + to.substring(2).toLowerCase(Locale.ROOT)
        + String.format("%064x", amount);
  }

  private String get(String path) {
    try {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> post(String path, String body) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
