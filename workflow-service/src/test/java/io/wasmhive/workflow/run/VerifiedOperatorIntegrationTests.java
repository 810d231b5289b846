package io.wasmhive.workflow.run;

import static io.wasmhive.workflow.run.RunFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.chain.TestChain;
import io.wasmhive.workflow.verify.RpcRecording;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The leader → operator → verify round trip against a real anvil: a leader run whose WebAssembly steps read a
 * balance through {@code host.rpc_call} and through the file bridge and read the deterministic clock and randomness,
 * and a {@code $ref:}; an operator run with its contexts; a verifying run that re-executes the modules against the
 * leader's recording only. Then a tampered result, a tampered recording, a recording that hides a call, another
 * seed and a re-pointed module, each reported precisely. Over real HTTP, driven through the Redis stream.
 */
@ServiceIntegrationTest
class VerifiedOperatorIntegrationTests {

  private static final BigInteger SUPPLY = BigInteger.valueOf(1_000_000);
  private static final TestChain CHAIN = TestChain.startForTestClass();
  private static final String TOKEN = CHAIN.deployToken(SUPPLY.longValue());

  @LocalServerPort
  int port;

  @Autowired
  ModuleStore modules;

  RunFixtures api;

  @DynamicPropertySource
  static void chainEndpoint(DynamicPropertyRegistry registry) {
    CHAIN.serve(registry, "verify");
  }

  @AfterAll
  static void stopChain() throws InterruptedException {
    CHAIN.close();
  }

  @BeforeEach
  void fixtures() {
    api = new RunFixtures(port, CHAIN, TOKEN);
  }

  @Test
  void aVerifierReExecutesTheLeadersModulesAgainstItsRecordingAndGetsItsCalldata() {
    String id = api.create(api.workflow(TestChain.OWNER, steps(RunFixtures.store(modules, "wf-balance-rpc.wasm"))));
    JsonNode leader = api.run(id, "");
    assertThat(leader.get("status").stringValue()).as(leader.toString()).isEqualTo("SUCCEEDED");
    JsonNode recording = leader.get("rpcRecording");
    assertThat(recording.get("runId").stringValue()).isEqualTo(leader.get("id").stringValue());
    assertThat(recording.get("chainBlocks")).isEqualTo(leader.get("chainBlocks"));
    assertThat(recording.get("steps")).hasSize(3);
    assertThat(recording.get("steps").get(0).get("exchanges")).hasSize(1);
    assertThat(recording.get("steps").get(1).get("exchanges")).isEmpty();
    assertThat(recording.get("steps").get(2).get("exchanges")).hasSize(1);
    assertThat(recording.get("steps").get(0).get("exchanges").get(0).get("request").stringValue())
        .contains("\"method\":\"eth_call\"");
    assertThat(recording.get("hash").stringValue()).isEqualTo(read(recording).computeHash());
    // The deterministic clock of 2024 and the seeded randomness, not the host's.
    JsonNode probe = leader.get("steps").get(1).get("output");
    assertThat(probe.get("clock1").longValue()).isBetween(1_704_067_200_000_000_000L, 1_704_153_600_000_000_000L);
    assertThat(probe.get("clock2").longValue() - probe.get("clock1").longValue()).isEqualTo(1_000);

    api.moveTokens(1000); // The chain moves on: nothing below reads it for the modules.
    JsonNode operator = api.run(id, body("operator", leader, null).toString());
    JsonNode verifier = api.run(id, body("verify", leader, recording).toString());
    JsonNode fromStrings = api.run(id, JSON.createObjectNode().put("mode", "verify")
        .put("wasmRefContext", leader.get("wasmRefContext").toString())
        .put("dataRefContext", leader.get("dataRefContext").toString())
        .put("rpcRecording", recording.toString()).toString());
    for (JsonNode run : List.of(operator, verifier, fromStrings)) {
      assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
      assertThat(calls(run)).isEqualTo(calls(leader));
      assertThat(run.get("wasmRefContext")).isEqualTo(leader.get("wasmRefContext"));
    }
    for (JsonNode run : List.of(verifier, fromStrings)) {
      assertThat(run.get("mode").stringValue()).isEqualTo("verify");
      assertThat(run.get("verification").toString()).isEqualTo("{\"status\":\"verified\",\"recordingHash\":\""
          + recording.get("hash").stringValue() + "\",\"steps\":3}");
      for (int i = 0; i < 3; i++) {
        JsonNode step = run.get("steps").get(i);
        assertThat(step.get("status").stringValue()).isEqualTo("succeeded");
        assertThat(step.get("output")).isEqualTo(leader.get("steps").get(i).get("output"));
        assertThat(step.has("rpc")).as("no chain reads for a re-executed module").isFalse();
        assertThat(step.get("module")).isEqualTo(leader.get("steps").get(i).get("module"));
      }
      assertThat(methods(run)).containsExactly("eth_call", "eth_estimateGas", "eth_call", "eth_estimateGas");
    }
    assertThat(JSON.readTree(api.get("/runs/" + verifier.get("id").stringValue()).body())).isEqualTo(verifier);
  }

  @Test
  void aChangedResultIsTheFirstDivergence() {
    JsonNode leader = leaderRun();
    ObjectNode body = body("verify", leader, leader.get("rpcRecording"));
    ObjectNode result = (ObjectNode) body.get("wasmRefContext").get("resolvedRefs").get(0).get("result");
    String value = result.get("value").stringValue();
    String changed = value.substring(0, value.length() - 1) + (value.endsWith("0") ? "1" : "0");
    result.put("value", changed);
    JsonNode run = api.run(leader.get("workflowId").stringValue(), body.toString());
    assertDiverged(run, "{\"step\":0,\"wasmId\":\"balance\",\"field\":\"result.value\",\"expected\":\"" + changed
        + "\",\"got\":\"" + value + "\"}", 0);
    assertThat(run.get("error").stringValue()).isEqualTo("verification failed: step 0 (balance) result.value: "
        + "expected \"" + changed + "\", got \"" + value + "\"");
    assertThat(run.get("steps").get(0).get("status").stringValue()).isEqualTo("failed");
    for (int i = 1; i < run.get("steps").size(); i++) {
      assertThat(run.get("steps").get(i).get("status").stringValue()).isEqualTo("skipped");
    }
  }

  @Test
  void aChangedResponseBreaksTheHashAndRehashedItChangesTheResult() {
    JsonNode leader = leaderRun();
    String word = "0x" + String.format("%064x", 7);
    ObjectNode tampered = edit(leader.get("rpcRecording"), r -> {
      ObjectNode exchange = (ObjectNode) r.get("steps").get(0).get("exchanges").get(0);
      JsonNode response = JSON.readTree(exchange.get("response").stringValue());
      exchange.put("response", ((ObjectNode) response).put("result", word).toString());
      return r;
    });
    String claimed = tampered.get("hash").stringValue();
    JsonNode broken = api.run(leader.get("workflowId").stringValue(), body("verify", leader, tampered).toString());
    assertDiverged(broken, "{\"step\":null,\"wasmId\":null,\"field\":\"rpcRecording.hash\",\"expected\":\""
        + claimed + "\",\"got\":\"" + read(tampered).computeHash() + "\"}", 0);

    JsonNode rehashed = api.run(leader.get("workflowId").stringValue(),
        body("verify", leader, rehash(tampered)).toString());
    String value = leader.get("steps").get(0).get("output").get("value").stringValue();
    assertDiverged(rehashed, "{\"step\":0,\"wasmId\":\"balance\",\"field\":\"result.value\",\"expected\":\""
        + value + "\",\"got\":\"7\"}", 0);
  }

  @Test
  void aCallTheRecordingHidesAndAnotherSeedAreReportedAtTheirStep() {
    JsonNode leader = leaderRun();
    String request = leader.get("rpcRecording").get("steps").get(2).get("exchanges").get(0).get("request")
        .stringValue();
    ObjectNode hidden = rehash(edit(leader.get("rpcRecording"), r -> {
      ((ArrayNode) r.get("steps").get(2).get("exchanges")).removeAll();
      return r;
    }));
    JsonNode extra = api.run(leader.get("workflowId").stringValue(), body("verify", leader, hidden).toString());
    assertDiverged(extra, "{\"step\":2,\"wasmId\":\"bridged\",\"field\":\"rpc[0].request\",\"expected\":null,"
        + "\"got\":" + JSON.getNodeFactory().stringNode(request) + "}", 2);

    ObjectNode missing = rehash(edit(leader.get("rpcRecording"), r -> {
      ArrayNode exchanges = (ArrayNode) r.get("steps").get(0).get("exchanges");
      exchanges.add(exchanges.get(0).deepCopy());
      return r;
    }));
    JsonNode fewer = api.run(leader.get("workflowId").stringValue(), body("verify", leader, missing).toString());
    assertThat(fewer.get("verification").get("divergence").get("field").stringValue()).isEqualTo("rpc[1].request");
    assertThat(fewer.get("verification").get("divergence").get("got").isNull()).isTrue();

    ObjectNode otherSeed = rehash(edit(leader.get("rpcRecording"), r -> r.put("runId", "someone-else")));
    JsonNode seeded = api.run(leader.get("workflowId").stringValue(), body("verify", leader, otherSeed).toString());
    JsonNode divergence = seeded.get("verification").get("divergence");
    assertThat(divergence.get("step").intValue()).isEqualTo(1);
    assertThat(divergence.get("wasmId").stringValue()).isEqualTo("probe");
    assertThat(divergence.get("field").stringValue()).isEqualTo("result.clock1");
    assertThat(divergence.get("expected")).isEqualTo(leader.get("steps").get(1).get("output").get("clock1"));
    assertThat(divergence.get("got")).isNotEqualTo(divergence.get("expected"));
  }

  @Test
  void aModuleThatNoLongerMatchesItsWasmHashIsRefused() {
    String alias = "aa".repeat(32);
    String balance = RunFixtures.store(modules, "wf-balance-rpc.wasm");
    assertThat(modules.addAlias(balance, alias)).isTrue();
    String id = api.create(api.workflow(TestChain.OWNER, steps(alias)));
    JsonNode leader = api.run(id, "");
    assertThat(leader.get("status").stringValue()).as(leader.toString()).isEqualTo("SUCCEEDED");
    String other = RunFixtures.store(modules, "wf-print-value.wasm");
    assertThat(modules.addAlias(other, alias)).isTrue();
    JsonNode run = api.run(id, body("verify", leader, leader.get("rpcRecording")).toString());
    assertThat(run.get("status").stringValue()).isEqualTo("FAILED");
    String reason = "the module of step 0 (balance) no longer matches its wasmHash: the leader ran " + balance + ", "
        + alias + " names " + other + " now";
    assertThat(run.get("verification").toString()).isEqualTo("{\"status\":\"refused\",\"recordingHash\":\""
        + leader.get("rpcRecording").get("hash").stringValue() + "\",\"reason\":\"" + reason + "\"}");
    assertThat(run.get("error").stringValue()).isEqualTo("verification refused: " + reason);
  }

  @Test
  void incompleteAndForeignRecordingsAreRefused() {
    JsonNode leader = leaderRun();
    ObjectNode cut = rehash(edit(leader.get("rpcRecording"), r -> {
      ((ObjectNode) r.get("steps").get(0).get("exchanges").get(0)).put("truncated", true);
      return r;
    }));
    JsonNode run = api.run(leader.get("workflowId").stringValue(), body("verify", leader, cut).toString());
    assertThat(run.get("verification").get("reason").stringValue()).isEqualTo("the leader's recording of step 0 "
        + "(balance) is incomplete: the leader's recording limit cut it");

    ObjectNode foreign = rehash(edit(leader.get("rpcRecording"), r -> r.put("jobId", "job-2")));
    JsonNode other = api.run(leader.get("workflowId").stringValue(), body("verify", leader, foreign).toString());
    assertThat(other.get("verification").get("reason").stringValue()).isEqualTo("the recording is of workflow "
        + leader.get("workflowId").stringValue() + " job job-2, not of workflow "
        + leader.get("workflowId").stringValue() + " job job-1");
  }

  @Test
  void malformedRecordingsAreRefusedWith400() {
    JsonNode leader = leaderRun();
    String id = leader.get("workflowId").stringValue();
    JsonNode recording = leader.get("rpcRecording");
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {body("verify", leader, null).toString(), "a verify run needs the leader's rpcRecording"});
    cases.add(new String[] {body("operator", leader, recording).toString(), "rpcRecording is for verify runs only"});
    cases.add(new String[] {"{\"rpcRecording\":{}}",
        "wasmRefContext, dataRefContext and rpcRecording are for operator and verify runs only"});
    cases.add(new String[] {body("verify", leader, edit(recording, r -> r.put("version", 2))).toString(),
        "rpcRecording.version must be 1"});
    cases.add(new String[] {body("verify", leader, edit(recording, r -> r.put("hash", "XYZ"))).toString(),
        "rpcRecording.hash must be 64 lower-case hex digits"});
    cases.add(new String[] {body("verify", leader, edit(recording, r -> r.put("extra", 1))).toString(),
        "rpcRecording: unknown member \"extra\""});
    cases.add(new String[] {body("verify", leader, edit(recording, r -> {
      ((ObjectNode) r.get("steps").get(0)).put("module", "nope");
      return r;
    })).toString(), "rpcRecording.steps[0].module must be a SHA-256 in 64 lower-case hex digits"});
    cases.add(new String[] {body("verify", leader, edit(recording, r -> {
      ((ObjectNode) r.get("steps").get(0).get("exchanges").get(0)).put("chainId", 0);
      return r;
    })).toString(), "rpcRecording.steps[0].exchanges[0].chainId must be a positive integer"});
    cases.add(new String[] {body("verify", leader, edit(recording, r -> {
      ArrayNode steps = (ArrayNode) r.get("steps");
      while (steps.size() <= RecordingReader.MAX_STEPS) {
        steps.add(steps.get(1).deepCopy());
      }
      return r;
    })).toString(), "rpcRecording.steps must be an array of at most 1024 steps"});
    for (String[] c : cases) {
      HttpResponse<String> answer = api.post("/workflows/" + id + "/jobs/job-1/runs", c[0]);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(answer.body()).get("error");
      assertThat(error.get("code").stringValue()).isEqualTo("INVALID_RUN_REQUEST");
      assertThat(error.get("message").stringValue()).isEqualTo(c[1]);
    }
    ObjectNode most = edit(recording, r -> {
      ArrayNode steps = (ArrayNode) r.get("steps");
      while (steps.size() < RecordingReader.MAX_STEPS) {
        steps.add(steps.get(1).deepCopy());
      }
      return r;
    });
    HttpResponse<String> accepted = api.post("/workflows/" + id + "/jobs/job-1/runs",
        body("verify", leader, most).toString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
  }

  private JsonNode leaderRun() {
    String id = api.create(api.workflow(TestChain.OWNER, steps(RunFixtures.store(modules, "wf-balance-rpc.wasm"))));
    JsonNode leader = api.run(id, "");
    assertThat(leader.get("status").stringValue()).as(leader.toString()).isEqualTo("SUCCEEDED");
    return leader;
  }

  /** A balance through host.rpc_call, the clock and randomness probe, a balance through the file bridge; two calls. */
  private List<ObjectNode> steps(String balance) {
    return List.of(api.wasmStep("balance", balance),
        api.wasmStep("probe", RunFixtures.store(modules, "c-wasi-probe.wasm")),
        api.wasmStep("bridged", RunFixtures.store(modules, "wf-balance-bridge.wasm")),
        api.contractStep("transfer(address,uint256)", List.of(TestChain.RECIPIENT, "$wasm:balance"), "0"),
        api.contractStep("transfer(address,uint256)", List.of(TestChain.RECIPIENT,
            api.ref("balanceOf(address)", TestChain.RECIPIENT)), "0"));
  }

  private static ObjectNode body(String mode, JsonNode leader, JsonNode recording) {
    ObjectNode body = JSON.createObjectNode().put("mode", mode);
    body.set("wasmRefContext", leader.get("wasmRefContext").deepCopy());
    body.set("dataRefContext", leader.get("dataRefContext").deepCopy());
    if (recording != null) {
      body.set("rpcRecording", recording.deepCopy());
    }
    return body;
  }

  private static ObjectNode edit(JsonNode recording, UnaryOperator<ObjectNode> change) {
    return change.apply((ObjectNode) recording.deepCopy());
  }

  /** The recording with its hash recomputed, as a leader that lies would send it. */
  private static ObjectNode rehash(ObjectNode recording) {
    return recording.put("hash", read(recording).computeHash());
  }

  private static RpcRecording read(JsonNode recording) {
    return RecordingReader.read(recording);
  }

  private static void assertDiverged(JsonNode run, String divergence, int matched) {
    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("FAILED");
    JsonNode verification = run.get("verification");
    assertThat(verification.get("status").stringValue()).isEqualTo("diverged");
    assertThat(verification.get("steps").intValue()).isEqualTo(matched);
    assertThat(verification.get("divergence").toString()).isEqualTo(divergence);
    assertThat(methods(run)).as("a diverged verification simulates nothing").isEmpty();
  }

  private static List<String> methods(JsonNode run) {
    List<String> methods = new ArrayList<>();
    run.get("steps").forEach(step -> step.path("rpc").forEach(x -> methods.add(x.get("method").stringValue())));
    return methods;
  }

  private static List<String> calls(JsonNode run) {
    List<String> calls = new ArrayList<>();
    run.get("steps").forEach(step -> {
      if (step.has("call")) {
        calls.add(step.get("call").get("calldata").stringValue() + "@" + step.get("call").get("block").stringValue());
      }
    });
    return calls;
  }
}
