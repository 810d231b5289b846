package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.HttpProbe.base64;
import static io.wasmhive.procedure.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Procedures built the way today's toolchains build them (clang with reference types, bulk memory, sign
 * extension, non-trapping float-to-int; AssemblyScript 0.28) are created and called over real HTTP, and a module
 * whose index reaches past its own functions is refused at creation.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "wasmhive.data-dir=target/it-data/todays-toolchain")
class TodaysToolchainProcedureIntegrationTests {

  @LocalServerPort
  int port;

  HttpProbe http;

  @BeforeEach
  void database() {
    http = new HttpProbe(port, "it-" + UUID.randomUUID());
  }

  @Test
  void aTypedProcedureDispatchingThroughAPaddedCallIndirectIsCreatedAndCalled() {
    assertThat(create("c-add-today.wasm", "apply", List.of(param("op", "INT"), param("a", "INT"), param("b", "INT")),
        "INT").status()).isEqualTo(201);
    assertThat(call("apply", 2, 7, 5).body().get("result").asInt()).isEqualTo(35);
    assertThat(call("apply", 3, -7, 5).body().get("result").asInt()).isEqualTo(-7);
    assertThat(create("c-add-today.wasm", "calculate_discount", List.of(param("price", "FLOAT"),
        param("tier", "INT")), "FLOAT").status()).isEqualTo(201);
    assertThat(call("calculate_discount", 100.0, 2).body().get("result").asDouble()).isEqualTo(90.0);
  }

  @Test
  void aTextProcedureThroughTheBytesAbiTransformsItsInput() {
    Reply created = create("c-proc-text-today.wasm", "transform", List.of(param("text", "TEXT"), param("mode", "INT")),
        "TEXT");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(call("transform", "Hello, World! 123", 2).body().get("result").asString()).isEqualTo("Uryyb, Jbeyq! 123");
    Reply trap = call("transform", "x", 3);
    assertThat(trap.status()).isEqualTo(422);
    assertThat(trap.body().get("error").get("code").asString()).isEqualTo("TRAP");
  }

  @Test
  void anAssemblyScriptProcedureRuns() {
    assertThat(create("as-math.wasm", "hypot", List.of(param("x", "FLOAT"), param("y", "FLOAT")), "FLOAT").status())
        .isEqualTo(201);
    assertThat(call("hypot", 3.0, 4.0).body().get("result").asDouble()).isEqualTo(5.0);
  }

  @Test
  void aModuleCallingPastItsOwnFunctionsIsRefusedAtCreation() {
    Reply reply = create("hostile-call-unknown-func.wasm", "run", List.of(), "INT");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("error").get("code").asString()).isEqualTo("INVALID_WASM");
    assertThat(reply.body().get("error").get("message").asString()).contains("unknown function 1");
    assertThat(http.get("/procedures").body().get("count").asInt()).isZero();
  }

  private Reply create(String guest, String name, List<Map<String, String>> params, String returnType) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "language", "wasm",
        "wasm_base64", base64(guest), "params", params, "return_type", returnType));
    return http.post("/procedures", json(body));
  }

  private Reply call(String name, Object... args) {
    return http.post("/procedures/" + name + "/call", json(Map.of("args", List.of(args))));
  }

  private static Map<String, String> param(String name, String type) {
    return Map.of("name", name, "data_type", type);
  }
}
