package io.wasmhive.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.testing.ServiceApps;
import io.wasmhive.relay.events.ExecutionEventStream;
import io.wasmhive.relay.execution.ExecutorConsumers;
import io.wasmhive.relay.intent.ExecuteWasmService;
import io.wasmhive.relay.testing.RelayApps;
import io.wasmhive.relay.testing.RelayHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code relay.mode} is read the same way everywhere: {@code WORKER} runs executors and serves neither the intent
 * API nor SSE, {@code Api} serves both and runs no executor, and a value that names no mode stops the start.
 */
class RelayModeIntegrationTests {

  @TempDir
  Path dir;

  @Test
  void everyFeatureReadsTheModeInAnyCaseAndAnUnknownOneStopsTheStart() throws Exception {
    try (ConfigurableApplicationContext worker = RelayApps.start(dir.resolve("worker"), "relay.mode=WORKER")) {
      assertThat(worker.getBeanNamesForType(ExecutorConsumers.class)).hasSize(1);
      assertThat(worker.getBeanNamesForType(ExecuteWasmService.class)).isEmpty();
      assertThat(worker.getBean(ExecutionEventStream.class).state().enabled()).isFalse();
      assertThat(worker.getBean(RelayProperties.class).mode()).isEqualTo(RelayMode.WORKER);
      RelayHttp http = new RelayHttp(ServiceApps.port(worker));
      assertThat(http.get("/intent/execute-wasm/events", "u").status()).isEqualTo(404);
      assertThat(http.execute("u", "{\"cid\":\"x\"}").status()).isEqualTo(404);

      String[] shared = RelayApps.sharingStoresOf(worker);
      try (ConfigurableApplicationContext api = RelayApps.start(dir.resolve("api"), with(shared, "relay.mode=Api"))) {
        assertThat(api.getBeanNamesForType(ExecutorConsumers.class)).isEmpty();
        assertThat(api.getBeanNamesForType(ExecuteWasmService.class)).hasSize(1);
        assertThat(api.getBean(ExecutionEventStream.class).state().enabled()).isTrue();
      }
      assertThatThrownBy(() -> RelayApps.start(dir.resolve("typo"), with(shared, "relay.mode=wrker")).close())
          .rootCause().hasMessage("relay.mode (RELAY_MODE) must be one of all, api, worker in any case, was \"wrker\"");
    }
  }

  private static String[] with(String[] shared, String extra) {
    String[] all = java.util.Arrays.copyOf(shared, shared.length + 1);
    all[shared.length] = extra;
    return all;
  }
}
