package io.wasmhive.executor.engine;

/** The guest trapped or was interrupted, in engine-neutral terms. */
public final class GuestTrap extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the guest stopped. */
  public enum Kind {
    UNREACHABLE, STACK_OVERFLOW, MEMORY_OUT_OF_BOUNDS, TABLE_OUT_OF_BOUNDS, INDIRECT_CALL_TO_NULL,
    BAD_SIGNATURE, INTEGER_OVERFLOW, INTEGER_DIVISION_BY_ZERO, BAD_CONVERSION_TO_INTEGER,
    HEAP_MISALIGNED, INTERRUPTED, OTHER
  }

  private final Kind trapKind;

  public GuestTrap(Kind kind, String message) {
    super(message);
    this.trapKind = kind;
  }

  /** Why the guest stopped. */
  public Kind trapKind() {
    return trapKind;
  }
}
