package io.wasmhive.executor;

import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A task that names a module the cache does not hold is resolved inside the executor: the module source's bytes
 * are verified against the id and registered, once for all tasks that ask at the same time.
 */
@OnBothEngines
class ModuleSourceTest {

  @Parameter
  EngineChoice engine;

  private static final String ADD = Guests.id("c-add.wasm");
  private static final String WAT_ADD = Guests.id("wat-add.wasm");

  /** A source over the guest corpus that counts how often each module was asked for. */
  private static final class CountingSource implements ModuleSource {
    final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final Function<String, Optional<byte[]>> bytes;

    CountingSource(Function<String, Optional<byte[]>> bytes) {
      this.bytes = bytes;
    }

    static CountingSource of(String... guests) {
      Map<String, byte[]> modules = new ConcurrentHashMap<>();
      for (String guest : guests) {
        modules.put(Guests.id(guest), Guests.bytes(guest));
      }
      return new CountingSource(id -> Optional.ofNullable(modules.get(id)));
    }

    @Override
    public Optional<byte[]> bytes(String sha256) {
      asked.computeIfAbsent(sha256, k -> new AtomicInteger()).incrementAndGet();
      return bytes.apply(sha256);
    }

    int asked(String id) {
      return asked.getOrDefault(id, new AtomicInteger()).get();
    }
  }

  private WasmExecutor executor(ModuleSource source, int cacheSize) {
    return WasmExecutor.create(ExecutorOptions.builder().engine(engine).maxWorkers(4).initialWorkers(1).cacheSize(cacheSize)
        .moduleSource(source).build());
  }

  private static ExecutionTask add(String id, int a, int b) {
    return ExecutionTask.builder(id).entry(Entry.typed("add", i32(a), i32(b))).build();
  }

  @Test
  void aTaskWithoutBytesRunsAModuleOnlyTheSourceHasAndTheNextOneHitsTheCache() {
    CountingSource source = CountingSource.of("c-add.wasm");
    try (WasmExecutor ex = executor(source, 8)) {
      assertThat(ex.execute(add(ADD, 1, 2)).orThrow().value().asInt()).isEqualTo(3);
      assertThat(ex.execute(add(ADD, 20, 22)).orThrow().value().asInt()).isEqualTo(42);
      assertThat(source.asked(ADD)).isEqualTo(1);
      assertThat(ex.stats().cacheMisses()).isEqualTo(1);
    }
  }

  @Test
  void anEvictedModuleIsReadAgainWithoutTheCallerRetrying() {
    CountingSource source = CountingSource.of("c-add.wasm", "wat-add.wasm");
    try (WasmExecutor ex = executor(source, 1)) {
      assertThat(ex.execute(add(ADD, 1, 1)).orThrow().value().asInt()).isEqualTo(2);
      assertThat(ex.execute(add(WAT_ADD, 2, 2)).orThrow().value().asInt()).isEqualTo(4);
      assertThat(ex.stats().cachedModules()).isEqualTo(1);
      assertThat(ex.execute(add(ADD, 3, 3)).orThrow().value().asInt()).isEqualTo(6);
      assertThat(source.asked(ADD)).isEqualTo(2);
    }
  }

  @Test
  void loadDescribesTheModuleFromTheCacheOrTheSource() {
    CountingSource source = CountingSource.of("c-add.wasm");
    try (WasmExecutor ex = executor(source, 8)) {
      ModuleInfo info = ex.load(ADD);
      assertThat(info.id()).isEqualTo(ADD);
      assertThat(info.exports().get("add").params()).containsExactly(ValueType.I32, ValueType.I32);
      assertThat(ex.load(ADD)).isEqualTo(info);
      assertThat(source.asked(ADD)).isEqualTo(1);
      ex.shutdown();
      assertThatThrownBy(() -> ex.load(ADD)).isInstanceOf(ShutDownException.class);
    }
  }

  @Test
  void aModuleNeitherCachedNorInTheSourceIsNotFound() {
    CountingSource source = CountingSource.of();
    try (WasmExecutor ex = executor(source, 8)) {
      ExecutionResult missing = ex.execute(add(ADD, 1, 2));
      assertThat(missing.error()).isInstanceOf(ModuleNotFoundException.class).hasMessageContaining(ADD);
      assertThat(missing.error().retryable()).isFalse();
      assertThatThrownBy(() -> ex.load(ADD)).isInstanceOf(ModuleNotFoundException.class)
          .hasMessage("module " + ADD + " is neither registered nor in the module source");
    }
  }

  @Test
  void anIdThatIsNoSha256IsNotFoundWithoutAskingTheSource() {
    CountingSource source = CountingSource.of("c-add.wasm");
    try (WasmExecutor ex = executor(source, 8)) {
      assertThatThrownBy(() -> ex.load(ADD.toUpperCase())).isInstanceOf(ModuleNotFoundException.class);
      assertThatThrownBy(() -> ex.load("../etc")).isInstanceOf(ModuleNotFoundException.class);
      assertThat(source.asked).isEmpty();
    }
  }

  @Test
  void bytesOfAnotherHashOrAFailingSourceAreAHostFailureAndNothingIsCached() {
    CountingSource wrong = new CountingSource(id -> Optional.of(Guests.bytes("wat-add.wasm")));
    try (WasmExecutor ex = executor(wrong, 8)) {
      ExecutionResult r = ex.execute(add(ADD, 1, 2));
      assertThat(r.error()).isInstanceOf(HostFailureException.class).hasMessage(HostFailureException.MESSAGE);
      assertThat(r.error().retryable()).isTrue();
      assertThat(r.error().getCause()).hasMessageContaining("hash to " + WAT_ADD + " for module " + ADD);
      assertThat(ex.stats().cachedModules()).isZero();
    }
    CountingSource failing = new CountingSource(id -> {
      throw new IllegalStateException("the store is down");
    });
    try (WasmExecutor ex = executor(failing, 8)) {
      assertThatThrownBy(() -> ex.load(ADD)).isInstanceOf(HostFailureException.class)
          .hasRootCauseMessage("the store is down");
    }
  }

  @Test
  void aTaskCarryingItsBytesRegistersThemWithoutAskingTheSource() {
    CountingSource source = CountingSource.of();
    try (WasmExecutor ex = executor(source, 8)) {
      ExecutionTask task = ExecutionTask.builder(ADD).moduleBytes(Guests.bytes("c-add.wasm"))
          .entry(Entry.typed("add", i32(2), i32(3))).build();
      assertThat(ex.execute(task).orThrow().value().asInt()).isEqualTo(5);
      assertThat(source.asked).isEmpty();
    }
  }

  @Test
  void aTaskWithBytesArrivingWhileTheSourceSaysNoStillRegistersThem() throws InterruptedException {
    CountDownLatch asked = new CountDownLatch(1);
    CountingSource slowAndEmpty = new CountingSource(id -> {
      asked.countDown();
      sleep(300);
      return Optional.empty();
    });
    try (WasmExecutor ex = WasmExecutor.create(ExecutorOptions.builder().engine(engine).maxWorkers(2).initialWorkers(2)
        .moduleSource(slowAndEmpty).build())) {
      CompletableFuture<ExecutionResult> withoutBytes = ex.submit(add(ADD, 1, 1));
      assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<ExecutionResult> withBytes = ex.submit(ExecutionTask.builder(ADD)
          .moduleBytes(Guests.bytes("c-add.wasm")).entry(Entry.typed("add", i32(2), i32(2))).build());
      assertThat(withoutBytes.join().error()).isInstanceOf(ModuleNotFoundException.class);
      assertThat(withBytes.join().orThrow().value().asInt()).isEqualTo(4);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void tasksArrivingTogetherForAMissingModuleReadItOnce() {
    // The source takes a while, as a database read does: the other tasks arrive meanwhile and wait for it.
    CountingSource slow = new CountingSource(id -> {
      sleep(200);
      return Optional.of(Guests.bytes("c-add.wasm"));
    });
    try (WasmExecutor ex = WasmExecutor.create(ExecutorOptions.builder().engine(engine).maxWorkers(4).initialWorkers(4)
        .moduleSource(slow).build())) {
      List<CompletableFuture<ExecutionResult>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(ex.submit(add(ADD, i, 1)));
      }
      for (int i = 0; i < 4; i++) {
        assertThat(results.get(i).join().orThrow().value().asInt()).isEqualTo(i + 1);
      }
      assertThat(slow.asked(ADD)).isEqualTo(1);
      assertThat(ex.stats().cacheMisses()).isEqualTo(1);
    }
  }
}
