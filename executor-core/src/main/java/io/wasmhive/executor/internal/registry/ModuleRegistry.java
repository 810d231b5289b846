package io.wasmhive.executor.internal.registry;

import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.HostFailureException;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.InvalidTaskException;
import io.wasmhive.executor.MemoryLimitException;
import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.ModuleNotFoundException;
import io.wasmhive.executor.ModuleSource;
import io.wasmhive.executor.ModuleTooLargeException;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.internal.wasm.GasCosts;
import io.wasmhive.executor.internal.wasm.Instrumenter;
import io.wasmhive.executor.internal.wasm.ParsedModule;
import io.wasmhive.executor.internal.wasm.WasmParser;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Registers modules: checks size, identifies by SHA-256, parses and checks features and imports,
 * instruments, compiles once per id (concurrent registrations of one id share a compilation) and keeps
 * the result in a bounded LRU cache. A module asked for by id that the cache does not hold is read from the
 * {@link ModuleSource} (once for all who ask at the same time) and verified against the id. Thread-safe.
 */
public final class ModuleRegistry implements AutoCloseable {

  private final WasmEngine engine;
  private final ModuleSource source;
  private final Set<WasmFeature> features;
  private final long maxModuleBytes;
  private final long maxMemoryBytes;
  private final int maxTableElements;
  private final GasCosts costs;
  private final ModuleCache cache;
  private final ConcurrentHashMap<String, CompletableFuture<CompiledModule>> compiling = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /**
   * @param maxMemoryBytes the server's largest {@code max_memory}: modules whose initial memory is larger are refused
   * @param maxTableElements the most elements a table may hold: larger initial tables are refused
   */
  public ModuleRegistry(WasmEngine engine, ModuleSource source, Set<WasmFeature> features, long maxModuleBytes,
             long maxMemoryBytes, int maxTableElements, int cacheSize, GasCosts costs) {
    this.engine = engine;
    this.source = source;
    this.features = Set.copyOf(features);
    this.maxModuleBytes = maxModuleBytes;
    this.maxMemoryBytes = maxMemoryBytes;
    this.maxTableElements = maxTableElements;
    this.costs = costs;
    this.cache = new ModuleCache(cacheSize);
  }

  /** Registers a module and returns what was learned of it. Blocks while compiling. */
  public ModuleInfo register(byte[] bytes) {
    CompiledModule module = acquire(Sha256.hex(checkSize(bytes)), bytes);
    try {
      return module.info();
    } finally {
      module.release();
    }
  }

  /** What registration learned of the module with this id, registering it from the source on a cache miss. */
  public ModuleInfo load(String id) {
    CompiledModule module = acquire(id, null);
    try {
      return module.info();
    } finally {
      module.release();
    }
  }

  /**
   * The compiled module with a reference held for the caller, who must {@link CompiledModule#release()} it.
   * Compiles on a cache miss from {@code bytes}, or without them from what the source has.
   *
   * @throws ModuleNotFoundException when the cache and the source lack the module and {@code bytes} is null
   * @throws InvalidTaskException when {@code bytes} do not hash to {@code id}
   */
  public CompiledModule acquire(String id, byte[] bytes) {
    CompiledModule cached = cache.acquire(id);
    if (cached != null) {
      hits.increment();
      return cached;
    }
    if (bytes != null) {
      checkSize(bytes);
      String actual = Sha256.hex(bytes);
      if (!actual.equals(id)) {
        throw new InvalidTaskException("module bytes hash to " + actual + ", not to the requested id " + id);
      }
    } else if (!Sha256.isHex(id)) {
      throw new ModuleNotFoundException("module " + id + " is not registered: a module id is a SHA-256 in hex");
    }
    while (true) {
      CompletableFuture<CompiledModule> mine = new CompletableFuture<>();
      CompletableFuture<CompiledModule> running = compiling.putIfAbsent(id, mine);
      if (running == null) {
        return compileInto(id, bytes, mine);
      }
      CompiledModule shared;
      try {
        shared = join(running);
      } catch (ModuleNotFoundException e) {
        if (bytes == null) {
          throw e;
        }
        // That registration had no bytes and the source none; these bytes may still register the module.
        compiling.remove(id, running);
        continue;
      }
      if (shared.retain()) {
        hits.increment();
        return shared;
      }
    }
  }

  private CompiledModule compileInto(String id, byte[] bytes, CompletableFuture<CompiledModule> future) {
    try {
      CompiledModule again = cache.acquire(id);
      CompiledModule module = again != null ? again : compile(id, bytes != null ? bytes : fetch(id));
      if (again == null) {
        misses.increment();
        module.retain();
        cache.put(id, module);
      } else {
        hits.increment();
      }
      future.complete(module);
      return module;
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      throw e;
    } finally {
      compiling.remove(id, future);
    }
  }

  /** The source's bytes of module {@code id}, checked for size and against the id. Blocks on the source. */
  private byte[] fetch(String id) {
    Optional<byte[]> found;
    try {
      found = source.bytes(id);
    } catch (RuntimeException e) {
      throw new HostFailureException(HostFailureException.MESSAGE, e);
    }
    if (found == null || found.isEmpty()) {
      throw new ModuleNotFoundException(source == ModuleSource.NONE ? "module " + id + " is not registered"
          : "module " + id + " is neither registered nor in the module source");
    }
    byte[] bytes = checkSize(found.get());
    String actual = Sha256.hex(bytes);
    if (!actual.equals(id)) {
      // The store behind the source is corrupt: the service's log needs this, the client does not.
      throw new HostFailureException(HostFailureException.MESSAGE, new IllegalStateException(
          "the module source returned bytes that hash to " + actual + " for module " + id));
    }
    return bytes;
  }

  private CompiledModule compile(String id, byte[] bytes) {
    long start = System.nanoTime();
    ParsedModule parsed = WasmParser.parse(bytes, features);
    ImportCheck.check(parsed);
    long initial = parsed.memory().map(m -> m.minPages()).orElse(0L) * 65536;
    if (initial > maxMemoryBytes) {
      throw new MemoryLimitException("the module's initial memory of " + initial
          + " bytes exceeds the server's max_memory of " + maxMemoryBytes);
    }
    for (int i = 0; i < parsed.tables().size(); i++) {
      if (parsed.tables().get(i).min() > maxTableElements) {
        throw new InvalidModuleException("table " + i + " has " + parsed.tables().get(i).min()
            + " initial elements; the server allows at most " + maxTableElements + " (WASM_MAX_TABLE_ELEMENTS)");
      }
    }
    byte[] instrumented = Instrumenter.instrument(bytes, parsed, costs,
        new Instrumenter.Caps(maxMemoryBytes / 65536, maxTableElements));
    EngineModule engineModule = engine.compile(instrumented);
    ModuleInfo info = Describer.describe(id, bytes.length, parsed, System.nanoTime() - start);
    return new CompiledModule(info, parsed, engineModule);
  }

  private byte[] checkSize(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidModuleException("the module is empty");
    }
    if (bytes.length > maxModuleBytes) {
      throw new ModuleTooLargeException("the module has " + bytes.length + " bytes; the limit is " + maxModuleBytes);
    }
    return bytes;
  }

  private static CompiledModule join(CompletableFuture<CompiledModule> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ExecutorException ee) {
        throw ee;
      }
      throw new HostFailureException("compilation failed", e.getCause());
    }
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  public int size() {
    return cache.size();
  }

  /** Releases every cached module. */
  @Override
  public void close() {
    cache.clear();
  }
}
