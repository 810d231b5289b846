package io.wasmhive.relay.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.relay.IntentProperties;
import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.gateway.ExecutionPolicy;
import io.wasmhive.relay.names.GlyphName;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fuzz target of the relay's {@code POST /intent/execute-wasm} body validation (docs/fuzzing.md): any bytes are
 * refused with {@code 400 INVALID_REQUEST} naming a field, or give a request within the server's maxima whose CID or
 * glyph name parses; written back as a body, an accepted request validates to itself.
 */
class RequestValidatorFuzzTest {

  private static final IntentProperties.Limits DEFAULTS = new IntentProperties.Limits(16 << 20, 1_000_000_000L,
      5_000);
  private static final IntentProperties.Limits MAXIMA = new IntentProperties.Limits(256 << 20, 10_000_000_000L,
      30_000);
  private static final RequestValidator VALIDATOR = new RequestValidator(DEFAULTS, MAXIMA);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @FuzzTest(maxDuration = "3m")
  void validatesRequests(byte[] body) {
    ValidatedRequest request;
    try {
      request = VALIDATOR.validate(body);
    } catch (RelayException e) {
      assertThat(e.error()).isEqualTo(RelayError.INVALID_REQUEST);
      assertThat(e.errorFields()).containsKey("field");
      return;
    }
    ExecutionPolicy policy = request.policy();
    assertThat(policy.maxMemory()).isBetween(1L, MAXIMA.maxMemory());
    assertThat(policy.maxGas()).isBetween(1L, MAXIMA.maxGas());
    assertThat(policy.maxTimeMs()).isBetween(1L, MAXIMA.maxTime());
    assertThat(request.cid()).hasSizeBetween(1, 256);
    if (GlyphName.isGlyph(request.cid())) {
      GlyphName.parse(request.cid());
    } else {
      Cid.parse(request.cid());
    }
    assertThat(request.inputs().isArray() || request.inputs().isObject()).isTrue();
    if (request.idempotencyKey() != null) {
      assertThat(request.idempotencyKey()).matches("[\\x20-\\x7e]{1,256}");
    }
    assertThat(VALIDATOR.validate(JSON.writeValueAsBytes(body(request)))).isEqualTo(request);
  }

  /** The request as a body that states every value. */
  private static ObjectNode body(ValidatedRequest request) {
    ObjectNode body = JSON.createObjectNode().put("cid", request.cid());
    body.set("inputs", request.inputs());
    body.putObject("policy").put("max_memory", request.policy().maxMemory())
        .put("max_gas", request.policy().maxGas()).put("max_time", request.policy().maxTimeMs());
    if (request.idempotencyKey() != null) {
      body.put("idempotency_key", request.idempotencyKey());
    }
    return body.put("mode", request.async() ? "async" : "sync");
  }
}
