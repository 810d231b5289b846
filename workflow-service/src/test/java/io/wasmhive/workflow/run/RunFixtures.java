package io.wasmhive.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.workflow.chain.TestChain;
import io.wasmhive.workflow.store.WorkflowApiClient;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What run tests share: workflows written as the SDK serializes them (one job {@code job-1} on the test chain), real
 * HTTP to the service on its port, modules from the guest corpus put in the real store.
 */
final class RunFixtures {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private final WorkflowApiClient http;
  private final TestChain chain;
  private final String token;

  RunFixtures(int port, TestChain chain, String token) {
    this.http = new WorkflowApiClient(port);
    this.chain = chain;
    this.token = token;
  }

  /** A WebAssembly step with the token and the owner as its input. */
  ObjectNode wasmStep(String wasmId, String wasmHash) {
    ObjectNode step = JSON.createObjectNode().put("target", "0x0000000000000000000000000000000000000000")
        .put("abi", "");
    step.putArray("args");
    step.put("value", "0").put("type", "wasm").put("wasmHash", wasmHash);
    step.putObject("wasmInput").put("token", token).put("holder", TestChain.OWNER);
    return step.put("wasmId", wasmId).put("wasmTimeoutMs", 2000);
  }

  /** A contract step on the token. */
  ObjectNode contractStep(String abi, List<String> args, String value) {
    ObjectNode step = JSON.createObjectNode().put("target", token).put("abi", abi);
    ArrayNode array = step.putArray("args");
    args.forEach(array::add);
    return step.put("value", value).put("type", "contract");
  }

  /** A {@code $ref:} to a read of the token, as the SDK's {@code createDataRefString} writes it. */
  String ref(String abi, String... args) {
    ObjectNode ref = JSON.createObjectNode().put("target", token).put("abi", abi);
    ArrayNode array = ref.putArray("args");
    for (String arg : args) {
      array.add(arg);
    }
    ref.put("chainId", chain.chainId());
    return "$ref:" + ref;
  }

  /** A workflow of one job {@code job-1} with these steps. */
  String workflow(String owner, List<ObjectNode> steps) {
    ObjectNode workflow = JSON.createObjectNode().put("owner", owner);
    workflow.putArray("triggers").addObject().put("type", "cron").putObject("params").put("schedule", "*/5 * * * *");
    ObjectNode job = workflow.putArray("jobs").addObject().put("id", "job-1").put("chainId", chain.chainId());
    job.putArray("steps").addAll(steps);
    job.put("session", "c2Vzc2lvbg");
    workflow.put("count", 1);
    return workflow.toString();
  }

  /** Stores a corpus module; answers its SHA-256. */
  static String store(ModuleStore modules, String guest) {
    return modules.put(GuestCorpus.bytes(guest), ModuleOrigin.of("test")).sha256();
  }

  /** Creates the workflow; answers its id. */
  String create(String workflow) {
    HttpResponse<String> created = post("/workflows", workflow);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").stringValue();
  }

  /** Runs {@code job-1} with this body and waits for the end. */
  JsonNode run(String workflowId, String body) {
    HttpResponse<String> run = post("/workflows/" + workflowId + "/jobs/job-1/runs?wait=true", body);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    return JSON.readTree(run.body());
  }

  HttpResponse<String> post(String path, String body) {
    return http.post(path, body);
  }

  HttpResponse<String> get(String path) {
    return http.get(path);
  }

  /** A transfer of the token moved on chain from the owner, mined. */
  void moveTokens(long amount) {
    JsonNode receipt = chain.send(java.util.Map.of("from", TestChain.OWNER, "to", token, "data",
        transferCalldata(TestChain.RECIPIENT, BigInteger.valueOf(amount))));
    assertThat(receipt.get("status").stringValue()).isEqualTo("0x1");
  }

  static String transferCalldata(String to, BigInteger amount) {
    return "0xa9059cbb" + "0".repeat(24) + to.substring(2).toLowerCase(Locale.ROOT)
        + String.format("%064x", amount);
  }
}
