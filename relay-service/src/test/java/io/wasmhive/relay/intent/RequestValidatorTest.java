package io.wasmhive.relay.intent;

import io.wasmhive.relay.IntentProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

class RequestValidatorTest {

  static final String V1 = "bafkreibhmtmv24yn2zu7udv53bwwvgrylzhbep2e52p72tly7wjiufzpom";
  static final String V0 = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";

  private final RequestValidator validator = new RequestValidator(
      new IntentProperties.Limits(16 << 20, 1_000_000_000L, 5_000),
      new IntentProperties.Limits(256 << 20, 10_000_000_000L, 30_000));

  private ValidatedRequest validate(String json) {
    return validator.validate(json.getBytes(StandardCharsets.UTF_8));
  }

  private void rejects(String json, String field, String messagePart) {
    assertThatThrownBy(() -> validate(json))
        .isInstanceOfSatisfying(RelayException.class, e -> {
          assertThat(e.error().status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.error()).isEqualTo(RelayError.INVALID_REQUEST);
          assertThat(e.errorFields()).containsEntry("field", field);
          assertThat(e.getMessage()).contains(messagePart);
        });
  }

  @Test
  void acceptsTheSeedRequestAndAppliesDefaultsToMissingPolicyValues() {
    ValidatedRequest request = validate("""
        {"cid":"%s","inputs":[1,2],"policy":{"max_memory":1048576,"max_gas":1000000,"max_time":5000},
         "idempotency_key":"optional-unique-key"}""".formatted(V1));
    assertThat(request.cid()).isEqualTo(V1);
    assertThat(request.inputs().toString()).isEqualTo("[1,2]");
    assertThat(request.policy().maxMemory()).isEqualTo(1_048_576);
    assertThat(request.policy().maxGas()).isEqualTo(1_000_000);
    assertThat(request.policy().maxTimeMs()).isEqualTo(5_000);
    assertThat(request.idempotencyKey()).isEqualTo("optional-unique-key");
    assertThat(request.async()).isFalse();

    ValidatedRequest glyph = validate("""
        {"cid":"glyph://calculator@quantum","inputs":[5,3],"policy":{"max_gas":1000000,"max_time":5000}}""");
    assertThat(glyph.policy().maxMemory()).isEqualTo(16 << 20);
    assertThat(glyph.idempotencyKey()).isNull();

    ValidatedRequest minimal = validate("{\"cid\":\"" + V0 + "\",\"mode\":\"async\"}");
    assertThat(minimal.inputs().isArray()).isTrue();
    assertThat(minimal.inputs().size()).isZero();
    assertThat(minimal.policy().maxTimeMs()).isEqualTo(5_000);
    assertThat(minimal.async()).isTrue();
    assertThat(validate("{\"cid\":\"" + V0 + "\",\"inputs\":{\"a\":1}}").inputs().isObject()).isTrue();
  }

  @Test
  void policyValuesAreAcceptedAtTheMaximaAndRefusedJustPast() {
    ValidatedRequest edge = validate("""
        {"cid":"%s","policy":{"max_memory":268435456,"max_gas":10000000000,"max_time":30000}}""".formatted(V1));
    assertThat(edge.policy().maxMemory()).isEqualTo(268_435_456L);
    assertThat(edge.policy().maxGas()).isEqualTo(10_000_000_000L);
    assertThat(edge.policy().maxTimeMs()).isEqualTo(30_000);
    rejects("{\"cid\":\"" + V1 + "\",\"policy\":{\"max_memory\":268435457}}", "policy.max_memory", "maximum");
    rejects("{\"cid\":\"" + V1 + "\",\"policy\":{\"max_gas\":10000000001}}", "policy.max_gas", "maximum");
    rejects("{\"cid\":\"" + V1 + "\",\"policy\":{\"max_time\":30001}}", "policy.max_time", "maximum");
    assertThat(validate("{\"cid\":\"" + V1 + "\",\"policy\":{\"max_time\":1}}").policy().maxTimeMs()).isEqualTo(1);
    rejects("{\"cid\":\"" + V1 + "\",\"policy\":{\"max_time\":0}}", "policy.max_time", "positive");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"cid\":\"%s\",\"user\":\"x\"}|user|unknown field",
      "{\"cid\":\"%s\",\"policy\":{\"max_cpu\":1}}|policy.max_cpu|unknown field",
      "{\"cid\":\"%s\",\"policy\":{\"max_gas\":-5}}|policy.max_gas|positive",
      "{\"cid\":\"%s\",\"policy\":{\"max_gas\":1.5}}|policy.max_gas|positive integer",
      "{\"cid\":\"%s\",\"policy\":{\"max_gas\":\"100\"}}|policy.max_gas|positive integer",
      "{\"cid\":\"%s\",\"policy\":{\"max_gas\":99999999999999999999999}}|policy.max_gas|positive integer",
      "{\"cid\":\"%s\",\"policy\":[1]}|policy|JSON object",
      "{\"cid\":\"%s\",\"inputs\":5}|inputs|array or object",
      "{\"cid\":\"%s\",\"inputs\":\"[1,2]\"}|inputs|array or object",
      "{\"cid\":\"%s\",\"idempotency_key\":7}|idempotency_key|string",
      "{\"cid\":\"%s\",\"idempotency_key\":\"\"}|idempotency_key|1 to 256",
      "{\"cid\":\"%s\",\"idempotency_key\":\"a\\nb\"}|idempotency_key|printable",
      "{\"cid\":\"%s\",\"mode\":\"later\"}|mode|sync",
  })
  void fieldErrorsNameTheField(String template, String field, String message) {
    rejects(template.formatted(V1), field, message);
  }

  @Test
  void cidMustBeCidV0CidV1OrGlyph() {
    rejects("{}", "cid", "required");
    rejects("{\"cid\":null}", "cid", "required");
    rejects("{\"cid\":42}", "cid", "string");
    rejects("{\"cid\":\"\"}", "cid", "1 to 256");
    rejects("{\"cid\":\"not-a-cid\"}", "cid", "neither");
    rejects("{\"cid\":\"" + V1.substring(0, V1.length() - 1) + "\"}", "cid", "neither");
    rejects("{\"cid\":\"Qm" + "1".repeat(44) + "\"}", "cid", "neither");
    rejects("{\"cid\":\"glyph://Calculator\"}", "cid", "glyph");
    rejects("{\"cid\":\"" + "b".repeat(257) + "\"}", "cid", "1 to 256");
    assertThat(validate("{\"cid\":\"" + V0 + "\"}").cid()).isEqualTo(V0);
  }

  @Test
  void malformedBodiesAreRefusedAsAWhole() {
    rejects("", "$", "body is empty");
    rejects("{\"cid\":", "$", "not valid JSON");
    rejects("[1,2]", "$", "JSON object");
    rejects("{\"cid\":\"" + V1 + "\"} {}", "$",
        "body is not valid JSON: content follows the JSON value (line 1, column");
    assertThatThrownBy(() -> validate("{\"cid\":\"" + V1 + "\"} {}")).message().doesNotContain("tools.jackson", "`");
    rejects("{\"cid\":\"" + V1 + "\",\"cid\":\"" + V0 + "\"}", "$", "not valid JSON");
  }

  @Test
  void keyLengthIsAcceptedAtTheEdgeAndRefusedJustPast() {
    assertThat(validate("{\"cid\":\"" + V1 + "\",\"idempotency_key\":\"" + "k".repeat(256) + "\"}")
        .idempotencyKey()).hasSize(256);
    rejects("{\"cid\":\"" + V1 + "\",\"idempotency_key\":\"" + "k".repeat(257) + "\"}", "idempotency_key",
        "1 to 256");
  }

  /** Found by RequestValidatorFuzzTest: 1e400 was read as infinity and forwarded as the string "Infinity". */
  @Test
  void refusesNumbersBeyondTheRangeOfADoubleAnywhereInTheInputs() {
    rejects("{\"cid\":\"" + V1 + "\",\"inputs\":[1e400]}", "inputs", "beyond the range of a 64-bit float");
    rejects("{\"cid\":\"" + V1 + "\",\"inputs\":{\"a\":[{\"b\":-1e309}]}}", "inputs", "64-bit float");
    assertThat(validate("{\"cid\":\"" + V1 + "\",\"inputs\":[1.7976931348623157e308,4.9e-324]}"))
        .isNotNull();
  }
}
