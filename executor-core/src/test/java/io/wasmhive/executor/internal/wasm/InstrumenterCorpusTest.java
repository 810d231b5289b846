package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every valid module in the guest corpus still compiles in Wasmtime once instrumented. */
class InstrumenterCorpusTest {

  @Test
  void everyCorpusModuleCompilesAfterInstrumentation() {
    List<Path> modules = Corpus.modules();
    int compiled = 0;
    for (Path path : modules) {
      byte[] bytes = Corpus.read(path);
      if (!InstrumenterTest.isValid(bytes)) {
        continue;
      }
      byte[] instrumented = InstrumenterTest.instrument(bytes);
      assertThatCode(() -> Wasmtime.compile(instrumented)).as(path.getFileName().toString())
          .doesNotThrowAnyException();
      // Instrumenting is deterministic: the same input gives the same bytes.
      assertThat(InstrumenterTest.instrument(bytes)).isEqualTo(instrumented);
      compiled++;
    }
    assertThat(compiled).as("valid corpus modules").isGreaterThanOrEqualTo(40);
  }
}
