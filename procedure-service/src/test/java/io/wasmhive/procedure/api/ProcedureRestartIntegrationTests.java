package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.HttpProbe.json;
import static io.wasmhive.procedure.api.ProcedureApiIntegrationTests.param;
import static io.wasmhive.procedure.api.ProcedureApiIntegrationTests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.procedure.ProcedureApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Procedures outlive the application: a second application on the same data directory lists and calls what
 * the first created. Its executor cache starts empty; the modules are compiled again from the stored bytes in the
 * background at start ({@code procedure.warm-modules}), or at the first call when warming is off.
 */
class ProcedureRestartIntegrationTests {

  @TempDir
  Path dataDir;

  @Test
  void proceduresSurviveARestartAndStayCallable() {
    try (ConfigurableApplicationContext first = start()) {
      HttpProbe http = new HttpProbe(port(first), null);
      assertThat(http.post("/procedures", json(request("calculate_discount", "c-add.wasm",
          List.of(param("price", "FLOAT"), param("tier", "INT")), "FLOAT"))).status()).isEqualTo(201);
      assertThat(http.post("/procedures", json(request("is_even", "rust-typed.wasm",
          List.of(param("n", "BIGINT")), "BOOL"))).status()).isEqualTo(201);
    }

    try (ConfigurableApplicationContext second = start()) {
      // Both modules are compiled in the background at start, before any call.
      WasmExecutor executor = second.getBean(WasmExecutor.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> executor.stats().cachedModules() == 2);
      HttpProbe http = new HttpProbe(port(second), null);
      assertThat(http.get("/procedures").body().get("count").asInt()).isEqualTo(2);
      assertThat(http.get("/procedures/calculate_discount").body().get("version").asLong()).isEqualTo(1);
      assertThat(http.post("/procedures/calculate_discount/call", "{\"args\": [100.0, 2]}").body().get("result")
          .asDouble()).isEqualTo(90.0);
      assertThat(http.post("/procedures/is_even/call", "{\"args\": [4]}").body().get("result").asBoolean()).isTrue();
    }
  }

  @Test
  void warmingCanBeTurnedOffAndThenTheFirstCallCompiles() {
    try (ConfigurableApplicationContext first = start()) {
      assertThat(new HttpProbe(port(first), null).post("/procedures", json(request("calculate_discount",
          "c-add.wasm", List.of(param("price", "FLOAT"), param("tier", "INT")), "FLOAT"))).status()).isEqualTo(201);
    }
    try (ConfigurableApplicationContext second = start("procedure.warm-modules=0")) {
      WasmExecutor executor = second.getBean(WasmExecutor.class);
      assertThat(executor.stats().cachedModules()).isZero();
      HttpProbe http = new HttpProbe(port(second), null);
      assertThat(http.post("/procedures/calculate_discount/call", "{\"args\": [100.0, 2]}").body().get("result")
          .asDouble()).isEqualTo(90.0);
      assertThat(executor.stats().cachedModules()).isEqualTo(1);
    }
  }

  private ConfigurableApplicationContext start(String... extra) {
    // Command-line arguments: they outrank application.yml (server.port 8083), as default properties do not.
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
        "--server.port=0", "--management.server.port=0",
        "--server.address=127.0.0.1",
        "--wasmhive.embedded.mongo.port=0",
        "--wasmhive.embedded.redis.port=0",
        "--wasmhive.data-dir=" + dataDir));
    for (String property : extra) {
      args.add("--" + property);
    }
    return new SpringApplicationBuilder(ProcedureApplication.class).run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
