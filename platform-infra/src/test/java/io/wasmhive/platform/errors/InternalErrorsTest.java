package io.wasmhive.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternalErrorsTest {

  @Test
  void theClientMessageNamesAReferenceAndNothingOfTheFailure() {
    String message = InternalErrors.logged("Test failure",
        new IllegalStateException("secret detail", new java.io.IOException("redis://user:pw@host")));
    assertThat(message).matches("internal error \\(reference [0-9a-f]{12}\\)");
    assertThat(message).doesNotContain("Exception", "secret", "redis", "java.");
  }

  @Test
  void everyFailureGetsItsOwnReference() {
    assertThat(InternalErrors.newReference()).isNotEqualTo(InternalErrors.newReference());
  }
}
