package io.wasmhive.workflow.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code WORKFLOW_SIGNER_KEY} and the keystore variables bind to {@code workflow.signer.*}; no signer by default. */
class SignerVariablesTest {

  private static SignerProperties bind(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
    new SignerVariables().postProcessEnvironment(environment, new SpringApplication());
    return Binder.get(environment).bindOrCreate("workflow.signer", SignerProperties.class);
  }

  @Test
  void theVariablesSetTheKeyOrTheKeystore() {
    SignerProperties key = bind(Map.of("WORKFLOW_SIGNER_KEY", " 0xabc "));
    assertThat(key.key()).isEqualTo("0xabc");
    assertThat(key.configured()).isTrue();
    SignerProperties keystore = bind(Map.of("WORKFLOW_SIGNER_KEYSTORE", "/run/secrets/signer.json",
        "WORKFLOW_SIGNER_KEYSTORE_PASSWORD", "pw"));
    assertThat(keystore.keystore()).isEqualTo("/run/secrets/signer.json");
    assertThat(keystore.keystorePassword()).isEqualTo("pw");
  }

  @Test
  void withoutThemThereIsNoSignerAndTheDefaultsHold() {
    SignerProperties none = bind(Map.of());
    assertThat(none.configured()).isFalse();
    assertThat(none.receiptTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(none.gasMarginPercent()).isEqualTo(20);
    assertThat(none.baseFeeMultiplier()).isEqualTo(2);
    assertThat(none.allowedOwners()).isEmpty();
  }
}
