package io.wasmhive.workflow.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.chain.TestChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The owner whitelist on, set by the seed's variables (one owner listed in upper case) and MongoDB's
 * {@code wasm_whitelist}: a listed owner's WebAssembly steps run; anyone else's are skipped, and a {@code $wasm}
 * reference then fails with the SDK's message. Operators are not checked. Against a real anvil, over real HTTP.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"WASM_WHITELIST_ENABLED=true",
    "WASM_WHITELIST_ADDRESSES=0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266, 0x0000000000000000000000000000000000000abc"})
class WasmWhitelistIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final TestChain CHAIN = TestChain.startForTestClass();
  private static final String TOKEN = CHAIN.deployToken(1_000_000);
  /** Anvil's accounts 2 and 3: whitelisted in MongoDB, enabled and disabled. */
  private static final String LISTED_IN_MONGO = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
  private static final String DISABLED_IN_MONGO = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
  private static final String MESSAGE = "Contract step references WASM result but owner is not whitelisted for WASM "
      + "execution. WASM steps were skipped. Please whitelist the workflow owner or remove WASM references from "
      + "contract steps.";

  @LocalServerPort
  int port;

  @Autowired
  ModuleStore modules;

  @Autowired
  MongoTemplate mongo;


  @DynamicPropertySource
  static void chainEndpoint(DynamicPropertyRegistry registry) {
    CHAIN.serve(registry, "whitelist");
  }

  @AfterAll
  static void stopChain() throws InterruptedException {
    CHAIN.close();
  }

  @Test
  void anOwnerListedInTheVariableInAnotherCaseRunsItsWebAssembly() {
    JsonNode run = run(workflow(TestChain.OWNER, "$wasm:balance", "0"), "");

    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.get("steps").get(0).get("status").stringValue()).isEqualTo("succeeded");
    assertThat(run.get("steps").get(0).get("output").get("value").stringValue()).isEqualTo("1000000");
  }

  @Test
  void anUnlistedOwnersWebAssemblyIsSkippedAndAWasmReferenceFailsWithTheSdksMessage() {
    for (String[] refs : new String[][] {{"$wasm:balance", "0"}, {"0", "$wasm:balance"}}) {
      JsonNode run = run(workflow(TestChain.RECIPIENT, refs[0], refs[1]), "");

      assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("FAILED");
      assertThat(run.get("error").stringValue()).isEqualTo(MESSAGE);
      JsonNode wasm = run.get("steps").get(0);
      assertThat(wasm.get("status").stringValue()).isEqualTo("skipped");
      assertThat(wasm.get("reason").stringValue()).isEqualTo("owner not whitelisted for WASM execution");
      assertThat(wasm.has("output")).isFalse();
      assertThat(run.get("steps").get(1).get("error").stringValue()).isEqualTo(MESSAGE);
      assertThat(run.get("wasmRefContext").get("resolvedRefs")).isEmpty();
    }
  }

  @Test
  void anUnlistedOwnerWithoutWasmReferencesRunsItsContractSteps() {
    JsonNode run = run(workflow(TestChain.RECIPIENT, "0", "0"), "");

    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.get("steps").get(0).get("status").stringValue()).isEqualTo("skipped");
    assertThat(run.get("steps").get(1).get("call").get("success").booleanValue()).isTrue();
  }

  @Test
  void anEnabledMongoEntryInLowerCaseWhitelistsAndADisabledOneDoesNot() {
    mongo.getCollection(WasmWhitelist.COLLECTION).insertOne(
        new Document("owner", LISTED_IN_MONGO.toLowerCase(Locale.ROOT)).append("enabled", true));
    mongo.getCollection(WasmWhitelist.COLLECTION).insertOne(
        new Document("owner", DISABLED_IN_MONGO.toLowerCase(Locale.ROOT)).append("enabled", false));

    JsonNode listed = run(workflow(LISTED_IN_MONGO, "$wasm:balance", "0"), "");
    assertThat(listed.get("status").stringValue()).as(listed.toString()).isEqualTo("SUCCEEDED");
    assertThat(listed.get("steps").get(0).get("status").stringValue()).isEqualTo("succeeded");

    JsonNode disabled = run(workflow(DISABLED_IN_MONGO, "$wasm:balance", "0"), "");
    assertThat(disabled.get("status").stringValue()).isEqualTo("FAILED");
    assertThat(disabled.get("error").stringValue()).isEqualTo(MESSAGE);
    assertThat(disabled.get("steps").get(0).get("status").stringValue()).isEqualTo("skipped");
  }

  @Test
  void operatorsAreNotCheckedTheyUseTheLeadersResults() {
    JsonNode run = run(workflow(TestChain.RECIPIENT, "$wasm:balance", "0"), "{\"mode\":\"operator\","
        + "\"wasmRefContext\":{\"resolvedRefs\":[{\"ref\":{\"id\":\"balance\"},\"result\":{\"value\":\"0\"}}]}}");

    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.get("steps").get(0).get("status").stringValue()).isEqualTo("succeeded");
    assertThat(run.get("steps").get(1).get("call").get("success").booleanValue()).isTrue();
  }

  /** One WebAssembly step reading the owner's balance, then a transfer of {@code amount} with {@code value}. */
  private String workflow(String owner, String amount, String value) {
    String sha256 = modules.put(GuestCorpus.bytes("wf-balance-rpc.wasm"), ModuleOrigin.of("test")).sha256();
    ObjectNode workflow = JSON.createObjectNode().put("owner", owner);
    workflow.putArray("triggers").addObject().put("type", "cron").putObject("params").put("schedule", "*/5 * * * *");
    ObjectNode job = workflow.putArray("jobs").addObject().put("id", "job-1").put("chainId", CHAIN.chainId());
    ObjectNode wasm = job.putArray("steps").addObject().put("target", "0x0000000000000000000000000000000000000000")
        .put("abi", "");
    wasm.putArray("args");
    wasm.put("value", "0").put("type", "wasm").put("wasmHash", sha256);
    wasm.putObject("wasmInput").put("token", TOKEN).put("holder", owner);
    wasm.put("wasmId", "balance");
    ObjectNode transfer = ((tools.jackson.databind.node.ArrayNode) job.get("steps")).addObject()
        .put("target", TOKEN).put("abi", "transfer(address,uint256)");
    transfer.putArray("args").add(TestChain.RECIPIENT).add(amount);
    transfer.put("value", value).put("type", "contract");
    job.put("session", "eyJ" + "A".repeat(9_000));
    return workflow.toString();
  }

  private JsonNode run(String workflow, String body) {
    HttpResponse<String> created = post("/workflows", workflow);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").stringValue();
    HttpResponse<String> run = post("/workflows/" + id + "/jobs/job-1/runs?wait=true", body);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    return JSON.readTree(run.body());
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
