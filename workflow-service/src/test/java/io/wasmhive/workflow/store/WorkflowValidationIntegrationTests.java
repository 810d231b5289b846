package io.wasmhive.workflow.store;

import static io.wasmhive.workflow.store.Bodies.OWNER;
import static io.wasmhive.workflow.store.Bodies.RECIPIENT;
import static io.wasmhive.workflow.store.Bodies.TOKEN;
import static io.wasmhive.workflow.store.Bodies.ZERO;
import static io.wasmhive.workflow.store.Bodies.contract;
import static io.wasmhive.workflow.store.Bodies.job;
import static io.wasmhive.workflow.store.Bodies.oneStep;
import static io.wasmhive.workflow.store.Bodies.transfer;
import static io.wasmhive.workflow.store.Bodies.wasm;
import static io.wasmhive.workflow.store.Bodies.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.sdk.Fixtures;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every validation message of {@code POST /workflows} over real HTTP: 400 in the error envelope, never 500. */
@ServiceIntegrationTest
class WorkflowValidationIntegrationTests {

  static final String WASM_HASH_REQUIRED =
      "WASM step requires wasmHash (WASM bytes are retrieved from MongoDB by hash)";
  static final String WASM_ID_REQUIRED = "WASM step requires wasmId for result referencing";
  static final String WASM_SHAPE = "WASM step must have target 0x0000000000000000000000000000000000000000, "
      + "abi \"\", args [] and value \"0\"";
  static final String INVALID_DATA = "Invalid workflow data";
  static final String UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).toString();

  /** A body and the code and message it must be refused with. */
  record Refusal(String name, String body, String code, String message) {

    static Refusal fixture(String file, String message) {
      return fixture(file, "INVALID_SERIALIZED_DATA", message);
    }

    static Refusal fixture(String file, String code, String message) {
      return new Refusal(file, Fixtures.text("invalid/" + file), code, message);
    }

    static Refusal inline(String name, String body, String message) {
      return new Refusal(name, body, "INVALID_SERIALIZED_DATA", message);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Refusal> REFUSALS = List.of(
      Refusal.fixture("invalid-target-address.json",
          "Invalid target address: 0x70997970c51812dc3A010C7d01b50e0d17dc79C8"),
      Refusal.fixture("invalid-serialized-data.json", "Invalid target address: 0x1234"),
      Refusal.fixture("invalid-function-signature.json", "Invalid function signature: transfer(address,uint256"),
      Refusal.fixture("argments-length-mismatch.json", "Argments length does not match ABI parameter count"),
      Refusal.fixture("wasm-step-requires-wasmhash.json", WASM_HASH_REQUIRED),
      Refusal.fixture("wasm-step-requires-wasmid.json", WASM_ID_REQUIRED),
      Refusal.fixture("duplicate-wasmid.json", "Duplicate wasmId in job balance-sweep: balance"),
      Refusal.fixture("invalid-serialized-data-null-optional.json", INVALID_DATA),
      Refusal.fixture("invalid-serialized-data-missing-session.json", INVALID_DATA),
      Refusal.fixture("negative-value-in-step.json", "negative value in step of job balance-sweep"),
      Refusal.fixture("invalid-bigint.json", "INVALID_BIGINT", "Invalid BigInt value in workflow data"),
      new Refusal("value above uint256", oneStep(transfer(new BigInteger(UINT256_MAX).add(BigInteger.ONE)
          .toString())), "INVALID_BIGINT", "Invalid BigInt value in workflow data"),
      new Refusal("hex value", oneStep(transfer("0x1f")), "INVALID_BIGINT", "Invalid BigInt value in workflow data"),
      new Refusal("empty value", oneStep(transfer("")), "INVALID_BIGINT", "Invalid BigInt value in workflow data"),
      Refusal.inline("target with 39 digits", oneStep(contract("0x" + "1".repeat(39), "", "", "0")),
          "Invalid target address: 0x" + "1".repeat(39)),
      Refusal.inline("unknown parameter type", oneStep(contract(TOKEN, "transfer(address,uint257)",
          "\"a\",\"1\"", "0")), "Invalid function signature: transfer(address,uint257)"),
      Refusal.inline("wasm step with only an id", oneStep("{\"target\":\"" + ZERO + "\",\"abi\":\"\",\"args\":[],"
          + "\"value\":\"0\",\"type\":\"wasm\",\"wasmId\":\"w\"}"), WASM_HASH_REQUIRED),
      Refusal.inline("wasm step with an empty hash", oneStep(wasm("", "w")), WASM_HASH_REQUIRED),
      Refusal.inline("wasm step with an empty id", oneStep(wasm("abc", "")), WASM_ID_REQUIRED),
      Refusal.inline("wasm step with a target", oneStep(wasm("abc", "w").replace(ZERO, TOKEN)), WASM_SHAPE),
      Refusal.inline("wasm step with an abi", oneStep(wasm("abc", "w").replace("\"abi\":\"\"",
          "\"abi\":\"f()\"")), WASM_SHAPE),
      Refusal.inline("wasm step with args", oneStep(wasm("abc", "w").replace("\"args\":[]", "\"args\":[\"1\"]")),
          WASM_SHAPE),
      Refusal.inline("wasm step with a value", oneStep(wasm("abc", "w").replace("\"value\":\"0\"",
          "\"value\":\"5\"")), WASM_SHAPE),
      Refusal.inline("unknown step type", oneStep(transfer("0").replace("\"contract\"", "\"script\"")),
          INVALID_DATA),
      Refusal.inline("unknown trigger type", workflow("{\"type\":\"webhook\",\"params\":{}}",
          job("j", transfer("0"))), INVALID_DATA),
      Refusal.inline("cron without a schedule", workflow("{\"type\":\"cron\",\"params\":{}}",
          job("j", transfer("0"))), INVALID_DATA),
      Refusal.inline("chainId 0", oneStep(transfer("0")).replace("31337", "0"), INVALID_DATA),
      Refusal.inline("fractional count", oneStep(transfer("0")).replaceFirst("}$", ",\"count\":1.5}"),
          INVALID_DATA),
      Refusal.inline("a number as argument", oneStep(contract(TOKEN, "transfer(address,uint256)",
          "\"" + RECIPIENT + "\",1", "0")), INVALID_DATA),
      Refusal.inline("owner not an address", oneStep(transfer("0")).replace(OWNER, "0xowner"), INVALID_DATA),
      Refusal.inline("wrapped without metadata", "{\"workflow\":" + oneStep(transfer("0")) + "}", INVALID_DATA),
      Refusal.inline("truncated JSON", "{\"owner\":", INVALID_DATA),
      Refusal.inline("not JSON", "owner=0x1", INVALID_DATA),
      Refusal.inline("empty body", "", INVALID_DATA),
      Refusal.inline("an array", "[]", INVALID_DATA),
      Refusal.inline("a string", "\"workflow\"", INVALID_DATA),
      Refusal.inline("null", "null", INVALID_DATA),
      Refusal.inline("trailing data", oneStep(transfer("0")) + "{}", INVALID_DATA),
      Refusal.inline("a duplicate member", oneStep(transfer("0")).replace("{\"owner\"",
          "{\"owner\":\"" + OWNER + "\",\"owner\""), INVALID_DATA));

  @LocalServerPort
  int port;

  @ParameterizedTest
  @FieldSource("REFUSALS")
  void isRefusedWithTheMessage(Refusal refusal) {
    HttpResponse<String> response = new WorkflowApiClient(port).post("/workflows", refusal.body());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = WorkflowApiClient.json(response).get("error");
    assertThat(error.get("code").stringValue()).isEqualTo(refusal.code());
    assertThat(error.get("message").stringValue()).isEqualTo(refusal.message());
    assertThat(error.has("details")).isTrue();
  }

  @Test
  void theStepRulesSayWhereAndTheSchemaListsItsIssuesAsZodDoes() {
    JsonNode target = error(Fixtures.text("invalid/invalid-target-address.json"));
    assertThat(target.get("details").get(0).get("path").toString())
        .isEqualTo("[\"workflow\",\"jobs\",0,\"steps\",0,\"target\"]");
    JsonNode nulls = error(Fixtures.text("invalid/invalid-serialized-data-null-optional.json"));
    assertThat(nulls.get("details").toString()).isEqualTo("[{\"code\":\"invalid_type\",\"expected\":\"number\","
        + "\"received\":\"null\",\"message\":\"Expected number, received null\",\"path\":[\"workflow\",\"count\"]}]");
    JsonNode bigint = error(Fixtures.text("invalid/invalid-bigint.json"));
    assertThat(bigint.get("details").stringValue()).isEqualTo("Cannot convert 12abc to a BigInt");
    JsonNode trigger = error(workflow("{\"type\":\"webhook\",\"params\":{}}", job("j", transfer("0"))));
    assertThat(trigger.get("details").get(0).get("message").stringValue())
        .isEqualTo("Invalid discriminator value. Expected 'event' | 'cron' | 'time' | 'onchain'");
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] body = oneStep(transfer("0")).replace("\"s\"", "\"s?\"").getBytes(StandardCharsets.UTF_8);
    body[new String(body, StandardCharsets.UTF_8).indexOf("s?") + 1] = (byte) 0xC3;
    HttpResponse<String> response = new WorkflowApiClient(port).post("/workflows", body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(WorkflowApiClient.json(response).get("error").get("code").stringValue())
        .isEqualTo("INVALID_SERIALIZED_DATA");
  }

  @Test
  void acceptsWhatTheSdkWritesAtTheEdgesOfTheRules() {
    WorkflowApiClient api = new WorkflowApiClient(port);
    assertThat(api.post("/workflows", oneStep(transfer(UINT256_MAX))).statusCode()).isEqualTo(201);
    assertThat(api.post("/workflows", oneStep(transfer("$wasm:balance"))).statusCode()).isEqualTo(201);
    String dataRef = "$ref:{\\\"target\\\":\\\"0x1\\\"}";
    assertThat(api.post("/workflows", oneStep(transfer(dataRef))).statusCode()).isEqualTo(201);
    assertThat(api.post("/workflows", oneStep(contract(TOKEN.toLowerCase(), "transfer(address,uint256)",
        "\"a\",\"1\"", "0"))).statusCode()).isEqualTo(201);
    assertThat(api.post("/workflows", oneStep(contract(TOKEN, "", "\"anything\"", "1"))).statusCode())
        .isEqualTo(201);
    assertThat(api.post("/workflows", oneStep(contract(TOKEN,
        "function balanceOf(address owner) view returns (uint256)", "\"" + RECIPIENT + "\"", "0"))).statusCode())
        .isEqualTo(201);
    assertThat(api.post("/workflows", oneStep(contract(TOKEN, "setPairs((address,uint256)[],uint256[3])",
        "\"[]\",\"1,2,3\"", "0"))).statusCode()).isEqualTo(201);
    String twoJobsSameWasmId = workflow("", job("a", wasm("abc", "w")) + "," + job("b", wasm("abc", "w")));
    assertThat(api.post("/workflows", twoJobsSameWasmId).statusCode()).isEqualTo(201);
    String time = workflow("{\"type\":\"time\",\"params\":{\"timestamp\":1767225600}},{\"type\":\"onchain\","
        + "\"params\":{\"target\":\"" + TOKEN + "\",\"abi\":\"balanceOf(address)\",\"args\":[\"" + OWNER + "\"],"
        + "\"chainId\":31337,\"onchainCondition\":{\"condition\":\"GREATER_THAN\",\"value\":\"5\"}}}",
        job("j", transfer("0")));
    HttpResponse<String> created = api.post("/workflows", time);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = WorkflowApiClient.json(created).get("id").stringValue();
    assertThat(api.get("/workflows/" + id).body()).isEqualTo(time);
  }

  private JsonNode error(String body) {
    HttpResponse<String> response = new WorkflowApiClient(port).post("/workflows", body);
    assertThat(response.statusCode()).isEqualTo(400);
    return WorkflowApiClient.json(response).get("error");
  }
}
