package io.wasmhive.relay.intent;

import io.wasmhive.relay.IntentProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  private static final String V1 = RequestValidatorTest.V1;

  private final RequestValidator validator = new RequestValidator(
      new IntentProperties.Limits(16 << 20, 1_000_000_000L, 5_000),
      new IntentProperties.Limits(256 << 20, 10_000_000_000L, 30_000));

  private String id(String json, String user) {
    return RequestIds.of(validator.validate(json.getBytes(StandardCharsets.UTF_8)), user);
  }

  @Test
  void theSameRequestHasTheSameIdWhateverTheKeyOrderAndSpacing() {
    String a = id("{\"cid\":\"" + V1 + "\",\"inputs\":{\"x\":1,\"y\":[1.50,2]},\"policy\":{\"max_gas\":7}}", "u");
    String b = id("{ \"policy\" : {\"max_gas\":7}, \"inputs\":{\"y\":[1.5,2],\"x\":1}, \"cid\":\"" + V1 + "\" }", "u");
    assertThat(a).matches("[0-9a-f]{64}").isEqualTo(b);
  }

  @Test
  void theIdCoversInputsEffectivePolicyModuleAndUser() {
    String base = id("{\"cid\":\"" + V1 + "\",\"inputs\":[1,2]}", "u");
    assertThat(id("{\"cid\":\"" + V1 + "\",\"inputs\":[2,1]}", "u")).isNotEqualTo(base);
    assertThat(id("{\"cid\":\"" + V1 + "\",\"inputs\":[1,2]}", "v")).isNotEqualTo(base);
    assertThat(id("{\"cid\":\"glyph://calc@1\",\"inputs\":[1,2]}", "u")).isNotEqualTo(base);
    assertThat(id("{\"cid\":\"" + V1 + "\",\"inputs\":[1,2],\"policy\":{\"max_time\":6000}}", "u"))
        .isNotEqualTo(base);
    // The defaults are the effective policy: spelling them out is the same request.
    assertThat(id("{\"cid\":\"" + V1 + "\",\"inputs\":[1,2],\"policy\":{\"max_time\":5000}}", "u"))
        .isEqualTo(base);
    assertThat(id("{\"cid\":\"" + V1 + "\",\"inputs\":[1,2],\"mode\":\"async\"}", "u")).isEqualTo(base);
  }

  @Test
  void anExplicitKeyDecidesTheIdPerUser() {
    String a = id("{\"cid\":\"" + V1 + "\",\"inputs\":[1],\"idempotency_key\":\"k-1\"}", "u");
    String b = id("{\"cid\":\"" + V1 + "\",\"inputs\":[9],\"idempotency_key\":\"k-1\"}", "u");
    assertThat(a).isEqualTo(b);
    assertThat(id("{\"cid\":\"" + V1 + "\",\"inputs\":[1],\"idempotency_key\":\"k-1\"}", "v")).isNotEqualTo(a);
    assertThat(id("{\"cid\":\"" + V1 + "\",\"inputs\":[1],\"idempotency_key\":\"k-2\"}", "u")).isNotEqualTo(a);
    assertThat(id("{\"cid\":\"" + V1 + "\",\"inputs\":[1]}", "u")).isNotEqualTo(a);
  }
}
