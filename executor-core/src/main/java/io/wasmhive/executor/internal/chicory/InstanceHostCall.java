package io.wasmhive.executor.internal.chicory;

import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;
import io.wasmhive.executor.engine.HostCall;

/** A host function's view of the Chicory instance that called it. */
final class InstanceHostCall implements HostCall {

  private final ChicoryInstance instance;

  InstanceHostCall(ChicoryInstance instance) {
    this.instance = instance;
  }

  @Override
  public GuestMemory memory() {
    GuestMemory memory = instance.memoryOrNull();
    if (memory == null) {
      throw new GuestMemoryAccessException("the module exports no memory named 'memory'");
    }
    return memory;
  }

  @Override
  public boolean hasExport(String name) {
    return instance.hasExport(name);
  }

  @Override
  public long[] callExport(String name, long... args) {
    if (!instance.hasExport(name)) {
      throw new IllegalArgumentException("the module exports no function named '" + name + "'");
    }
    DeadlineWatch watch = instance.watch();
    watch.toGuest();
    long[] results;
    try {
      results = instance.callRaw(name, args);
    } catch (RuntimeException e) {
      watch.toHost();
      throw e;
    }
    if (!watch.toHost()) {
      // Interrupted just after the export returned: the execution is over, and the host must not run on with the flag.
      throw HostAdapter.interrupted();
    }
    return results;
  }
}
