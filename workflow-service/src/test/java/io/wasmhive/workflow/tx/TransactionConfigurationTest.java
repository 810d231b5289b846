package io.wasmhive.workflow.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.workflow.chain.ChainEndpoints;
import io.wasmhive.workflow.chain.ChainProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The signer is read when the application starts: no signer by default, a bad one stops the start-up. */
class TransactionConfigurationTest {

  private static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(TransactionConfiguration.class)
      .withBean(ChainEndpoints.class, () -> new ChainEndpoints(Map.of()))
      .withBean(ChainProperties.class, () -> new ChainProperties(Map.of(), Duration.ofSeconds(5), 50, 1 << 20,
          4 << 20))
      .withBean(MongoTemplate.class, () -> Mockito.mock(MongoTemplate.class));

  @Test
  void withoutASignerNothingExecutes() {
    context.run(started -> assertThat(started.getBean(Transactions.class).configured()).isFalse());
  }

  @Test
  void aKeyGivesASenderFromItsAddress() {
    context.withPropertyValues("workflow.signer.key=" + KEY, "workflow.signer.receipt-timeout=5s")
        .run(started -> {
          Transactions transactions = started.getBean(Transactions.class);
          assertThat(transactions.configured()).isTrue();
          assertThat(transactions.sender().orElseThrow().address())
              .isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
          assertThat(started.getBean(SignerProperties.class).toString()).doesNotContain(KEY.substring(2));
        });
  }

  @Test
  void aMalformedKeyStopsTheStartUpWithAClearMessageWithoutTheKey() {
    String bad = KEY.substring(0, 60);
    context.withPropertyValues("workflow.signer.key=" + bad).run(started -> {
      assertThat(started).hasFailed();
      Throwable failure = started.getStartupFailure();
      while (failure.getCause() != null) {
        failure = failure.getCause();
      }
      assertThat(failure).hasMessage("workflow.signer.key (WORKFLOW_SIGNER_KEY) is not a private key: it must be"
          + " 64 hex digits, with or without 0x (60 characters given)");
      assertThat(started.getStartupFailure().toString()).doesNotContain(bad.substring(2));
    });
  }
}
