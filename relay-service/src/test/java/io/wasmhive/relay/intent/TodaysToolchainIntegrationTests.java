package io.wasmhive.relay.intent;

import static io.wasmhive.relay.testing.Relays.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.relay.testing.RelayApps;
import io.wasmhive.relay.testing.RelayHttp;
import io.wasmhive.relay.testing.RelayHttp.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Modules built the way today's toolchains build them (reference types with the padded {@code call_indirect}
 * table index, bulk memory, sign extension, non-trapping float-to-int) run through {@code POST
 * /intent/execute-wasm} with the right output; a module whose index reaches past its own functions does not.
 */
class TodaysToolchainIntegrationTests {

  private static final String POLICY = "\"policy\":{\"max_memory\":4194304,\"max_gas\":100000000,\"max_time\":5000}";

  @TempDir
  static Path dataDir;

  static ConfigurableApplicationContext app;
  static RelayHttp http;

  @BeforeAll
  static void start() {
    app = RelayApps.start(dataDir, "relay.rate-limit.limit=1000");
    http = new RelayHttp(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Reply execute(StoredModule module, String inputs) {
    return http.execute("toolchain-user", "{\"cid\":\"" + module.cidV1() + "\",\"inputs\":" + inputs + "," + POLICY + "}");
  }

  @Test
  void aWasiCommandFromClangWithTodaysFeaturesAnswersItsJson() {
    Reply reply = execute(store(app, "c-json-cmd-today.wasm"), "{\"a\":2,\"b\":3}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("output").toString()).isEqualTo("{\"sum\":5,\"product\":6}");
  }

  @Test
  void aRunExportReactorCallsItsOperationThroughAPaddedCallIndirect() {
    Reply reply = execute(store(app, "c-json-run-today.wasm"), "{\"op\":\"mul\",\"a\":6,\"b\":7}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("output").toString()).isEqualTo("{\"op\":\"mul\",\"result\":42}");
  }

  @Test
  void aRustCommandWhoseEveryCallIndirectIsPaddedRuns() {
    Reply reply = execute(store(app, "rust-json-cmd-today.wasm"), "{\"values\":[1,2,3,4]}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("output").toString()).isEqualTo("{\"sum\":10,\"count\":4}");
  }

  @Test
  void aModuleCallingPastItsOwnFunctionsIsAnInvalidModule() {
    // The store takes it as is (the indexer would refuse it at upload): the executor must refuse it too.
    StoredModule bypass = store(app, "hostile-call-unknown-func.wasm");
    Reply reply = execute(bypass, "[]");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
    assertThat(reply.json().get("error").get("code").asString()).isEqualTo("INVALID_MODULE");
    assertThat(reply.json().get("error").get("message").asString()).contains("unknown function 1");
  }
}
