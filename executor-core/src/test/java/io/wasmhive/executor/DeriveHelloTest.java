package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.Guests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The hello-world reducer templates on each engine: C ({@code guests/c/derive-hello.c}) and Rust
 * ({@code guests/rust/derive-template}), each in both builds, with the same behaviour.
 */
@OnBothEngines
class DeriveHelloTest {

  private static WasmExecutor executor;

  @Parameter
  EngineChoice engine;

  @BeforeParameterizedClassInvocation
  static void start(EngineChoice engine) {
    executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).engine(engine).build());
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    executor.close();
  }

  private static int reduce(String build, RecordingDatabase db, String message) {
    return executor.execute(task(build).entry(Entry.message("reduce", utf8(message))).database(db)
        .deterministic(true).build()).orThrow().value().asInt();
  }

  @Test
  void insertsTheTextAsItsOnlyParameter() {
    for (String build : new String[] {"derive-hello.wasm", "derive-hello-today.wasm", "rust-derive-template.wasm",
        "rust-derive-template-today.wasm"}) {
      RecordingDatabase db = new RecordingDatabase();
      assertThat(reduce(build, db, "{\"text\":\"hi\"}")).isZero();
      assertThat(reduce(build, db, "{\"text\":\"say \\\"h\\\\i\\\" é\"}")).isZero();
      assertThat(db.calls).extracting(RecordingDatabase.Call::sql)
          .containsOnly("INSERT INTO greetings(text) VALUES (?)");
      assertThat(db.calls).extracting(RecordingDatabase.Call::paramsText)
          .containsExactly("[\"hi\"]", "[\"say \\\"h\\\\i\\\" é\"]");
      assertThat(reduce(build, db, "{\"text\":3}")).as("not a string").isEqualTo(2);
      assertThat(reduce(build, db, "{}")).as("no text").isEqualTo(2);
      assertThat(reduce(build, db, "[\"hi\"]")).as("not an object").isEqualTo(2);
      assertThat(db.calls).hasSize(2);
      assertThat(reduce(build, null, "{\"text\":\"hi\"}")).isEqualTo(DatabaseException.NO_DATABASE);
    }
  }
}
