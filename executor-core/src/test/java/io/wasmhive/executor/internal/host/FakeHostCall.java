package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;
import io.wasmhive.executor.engine.HostCall;
import java.util.function.IntUnaryOperator;

/** The calling instance as a host function sees it: a memory and, optionally, an {@code alloc} export. */
final class FakeHostCall implements HostCall {

  private final GuestMemory memory;
  private IntUnaryOperator alloc;
  private int allocCalls;

  FakeHostCall(GuestMemory memory, IntUnaryOperator alloc) {
    this.memory = memory;
    this.alloc = alloc;
  }

  /** Replaces the {@code alloc} export; {@code null} removes it. */
  void alloc(IntUnaryOperator alloc) {
    this.alloc = alloc;
  }

  int allocCalls() {
    return allocCalls;
  }

  @Override
  public GuestMemory memory() {
    if (memory == null) {
      throw new GuestMemoryAccessException("no exported memory");
    }
    return memory;
  }

  @Override
  public boolean hasExport(String name) {
    return name.equals("alloc") && alloc != null;
  }

  @Override
  public long[] callExport(String name, long... args) {
    if (!hasExport(name)) {
      throw new IllegalStateException("no export " + name);
    }
    allocCalls++;
    return new long[] {alloc.applyAsInt((int) args[0])};
  }
}
