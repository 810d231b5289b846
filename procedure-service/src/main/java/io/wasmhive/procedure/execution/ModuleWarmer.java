package io.wasmhive.procedure.execution;

import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.ModuleNotFoundException;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.procedure.config.ProcedureProperties;
import io.wasmhive.procedure.metrics.ProcedureMetrics;
import io.wasmhive.procedure.store.ProcedureStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Compiles the modules of the most recently updated procedures into the executor's cache once the service is
 * ready, on a background thread, so that their first call after a restart does not pay for compiling. Calls
 * are served meanwhile; one that arrives before its module is warm compiles it as before.
 */
@Component
class ModuleWarmer implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ModuleWarmer.class);

  private final ProcedureStore procedures;
  private final WasmExecutor executor;
  private final ProcedureMetrics metrics;
  private final int limit;
  private volatile boolean stopping;
  private volatile Thread thread;

  ModuleWarmer(ProcedureStore procedures, WasmExecutor executor, ProcedureMetrics metrics,
      ProcedureProperties properties) {
    this.procedures = procedures;
    this.executor = executor;
    this.metrics = metrics;
    this.limit = Math.min(properties.warmModules(), executor.options().cacheSize());
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmInBackground() {
    if (limit == 0) {
      return;
    }
    Thread warmer = new Thread(this::warm, "procedure-module-warmer");
    warmer.setDaemon(true);
    thread = warmer;
    warmer.start();
  }

  /**
   * Stops warming and waits for the module being compiled, before the executor (a dependency, so destroyed
   * after this bean) frees its engine. Blocks up to 30 s.
   */
  @Override
  public void destroy() throws InterruptedException {
    stopping = true;
    Thread warmer = thread;
    if (warmer != null) {
      warmer.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  /** Compiles up to the limit; least recent first, so that the most recent end up freshest in the LRU cache. */
  void warm() {
    long start = System.nanoTime();
    List<String> hashes = new ArrayList<>(procedures.recentModuleHashes(limit));
    Collections.reverse(hashes);
    int compiled = 0;
    for (String hash : hashes) {
      if (stopping || executor.isShutdown()) {
        return;
      }
      compiled += compile(hash) ? 1 : 0;
    }
    log.info("Compiled {} of {} procedure modules in {} ms", compiled, hashes.size(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  /** Loads the module into the executor's cache; the executor reads it from the module store (its source). */
  private boolean compile(String hash) {
    try {
      metrics.timeCompile(() -> executor.load(hash));
      return true;
    } catch (ModuleNotFoundException e) {
      log.warn("Module {} of a procedure is missing from the module store", hash);
      return false;
    } catch (ExecutorException e) {
      log.warn("Module {} did not compile: {}", hash, e.getMessage());
      return false;
    }
  }
}
