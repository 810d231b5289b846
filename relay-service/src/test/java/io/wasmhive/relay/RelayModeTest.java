package io.wasmhive.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RelayModeTest {

  @Test
  void aModeIsNamedInAnyCaseAndAnythingElseIsRefusedNamingTheAllowedOnes() {
    assertThat(RelayMode.parse("worker")).isEqualTo(RelayMode.WORKER);
    assertThat(RelayMode.parse(" WORKER ")).isEqualTo(RelayMode.WORKER);
    assertThat(RelayMode.parse("Api")).isEqualTo(RelayMode.API);
    assertThatIllegalStateException().isThrownBy(() -> RelayMode.parse("wrker"))
        .withMessage("relay.mode (RELAY_MODE) must be one of all, api, worker in any case, was \"wrker\"");
    assertThatIllegalStateException().isThrownBy(() -> RelayMode.parse(""));
  }

  @Test
  void theDefaultIsAllAndEachModeSaysWhatItRuns() {
    assertThat(RelayMode.of(new MockEnvironment())).isEqualTo(RelayMode.ALL);
    assertThat(RelayMode.of(new MockEnvironment().withProperty("relay.mode", "API"))).isEqualTo(RelayMode.API);
    assertThat(RelayMode.ALL.servesApi() && RelayMode.ALL.runsExecutors()).isTrue();
    assertThat(RelayMode.API.servesApi() && !RelayMode.API.runsExecutors()).isTrue();
    assertThat(!RelayMode.WORKER.servesApi() && RelayMode.WORKER.runsExecutors()).isTrue();
  }
}
