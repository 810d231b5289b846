package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.DatabaseException;
import io.wasmhive.executor.DatabaseHandler;
import io.wasmhive.executor.TrapException;
import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;
import io.wasmhive.executor.engine.GuestTrap;
import io.wasmhive.executor.engine.HostCall;
import java.time.Duration;

/**
 * The {@code db} module, a derivation reducer's only I/O: {@code exec} and {@code query} hand SQL and JSON
 * parameters to the task's {@link DatabaseHandler} on the worker thread, with the execution's remaining time
 * as timeout; {@code error} copies out the last failure's message. Sizes are checked before the handler runs;
 * every refusal is a negative {@link DatabaseException} code the guest reads. Only when the guest's pointers
 * lie outside its memory, or {@code query}'s rows cannot be delivered through its {@code alloc}, does the
 * execution end, with a {@code bad_pointer} trap as for {@code host.rpc_call}; and when the deadline passes
 * while the database works, it ends as a timeout. Blocks in the handler; one per execution; not thread-safe.
 */
final class HostDb {

  /** The longest SQL text, in bytes. */
  static final int MAX_SQL_BYTES = 64 * 1024;
  /** The longest parameter array, in bytes. */
  static final int MAX_PARAMS_BYTES = 1024 * 1024;
  /** The longest message {@code db.error} keeps; longer ones are cut at a character boundary. */
  static final int MAX_ERROR_BYTES = 4096;

  private final DatabaseHandler handler;
  private final long deadlineNanos;
  private final long maxResultBytes;
  private byte[] lastError = new byte[0];

  /** @param maxResultBytes the largest query result delivered (the policy's {@code max_output}) */
  HostDb(DatabaseHandler handler, long deadlineNanos, long maxResultBytes) {
    this.handler = handler;
    this.deadlineNanos = deadlineNanos;
    this.maxResultBytes = maxResultBytes;
  }

  void register(FunctionTable table) {
    table.plain(HostCatalog.DB, "exec", this::exec);
    table.plain(HostCatalog.DB, "query", this::query);
    table.plain(HostCatalog.DB, "error", this::error);
  }

  private long[] exec(HostCall call, long[] args) {
    try {
      DbRequest request = DbRequest.read(memoryOf(call, "exec"), "exec", args, handler);
      long changed = answer(() -> handler.exec(request.sql(), request.params(), remaining()));
      if (changed < 0) {
        throw new DatabaseException(DatabaseException.FAILED, "the database reported a negative row count");
      }
      return new long[] {changed};
    } catch (DatabaseException e) {
      return new long[] {fail(e)};
    }
  }

  private long[] query(HostCall call, long[] args) {
    GuestMemory memory = memoryOf(call, "query");
    int outPointerPointer = (int) args[4];
    if (!inBounds(memory, outPointerPointer, 4)) {
      // Checked before the handler runs, so no query is spent on rows that cannot be delivered.
      throw badPointer("query", "out_ptr_ptr " + Integer.toUnsignedString(outPointerPointer)
          + " is outside guest memory");
    }
    byte[] rows;
    try {
      DbRequest request = DbRequest.read(memory, "query", args, handler);
      if (!call.hasExport(HostRpc.ALLOC_EXPORT)) {
        throw badPointer("query", "the guest does not export alloc(len)");
      }
      rows = answer(() -> handler.query(request.sql(), request.params(), remaining()));
      if (rows == null || rows.length == 0) {
        throw new DatabaseException(DatabaseException.FAILED, "the database returned no rows document");
      }
      if (rows.length > maxResultBytes) {
        throw new DatabaseException(DatabaseException.LIMIT, "the query result has " + rows.length
            + " bytes; the limit is " + maxResultBytes);
      }
    } catch (DatabaseException e) {
      return new long[] {fail(e)};
    }
    int address = allocate(call, rows.length);
    // alloc may have grown the memory; ask for it again rather than trust the earlier view.
    memory = memoryOf(call, "query");
    if (!inBounds(memory, address, rows.length)) {
      throw badPointer("query", "alloc(" + rows.length + ") returned " + Integer.toUnsignedString(address)
          + ", outside guest memory");
    }
    memory.write(address, rows);
    memory.writeI32(outPointerPointer, address);
    return new long[] {rows.length};
  }

  /**
   * One handler call whose defects become {@link DatabaseException#FAILED}, with no detail for the guest. When
   * the deadline passes before or during the call, the execution ends as a timeout instead, as it would in the
   * guest's own code: an answer that depends on how fast the database was never reaches the guest.
   */
  private <T> T answer(HandlerCall<T> body) throws DatabaseException {
    requireTimeLeft();
    T answer;
    try {
      answer = body.call();
    } catch (RuntimeException e) {
      requireTimeLeft();
      throw new DatabaseException(DatabaseException.FAILED, "the database failed");
    } catch (DatabaseException e) {
      requireTimeLeft();
      throw e;
    }
    requireTimeLeft();
    return answer;
  }

  private void requireTimeLeft() {
    if (deadlineNanos - System.nanoTime() <= 0) {
      throw new GuestTrap(GuestTrap.Kind.INTERRUPTED, "wasm trap: interrupt");
    }
  }

  @FunctionalInterface
  private interface HandlerCall<T> {
    T call() throws DatabaseException;
  }

  private long[] error(HostCall call, long[] args) {
    int pointer = (int) args[0];
    long capacity = Integer.toUnsignedLong((int) args[1]);
    int copied = (int) Math.min(capacity, lastError.length);
    if (copied > 0) {
      GuestMemory memory = memoryOf(call, "error");
      if (!inBounds(memory, pointer, copied)) {
        throw badPointer("error", "buf_ptr and buf_len lie outside guest memory");
      }
      memory.write(pointer, lastError, 0, copied);
    }
    return new long[] {lastError.length};
  }

  /** The execution's remaining time, at least 1 ns (checked just before by {@link #requireTimeLeft}). */
  private Duration remaining() {
    return Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime()));
  }

  private int allocate(HostCall call, int length) {
    long[] result = call.callExport(HostRpc.ALLOC_EXPORT, length);
    if (result.length != 1 || (int) result[0] == 0) {
      throw badPointer("query", "alloc(" + length + ") returned no buffer");
    }
    return (int) result[0];
  }

  /** Remembers the message for {@code db.error} and returns the code. */
  private int fail(DatabaseException e) {
    lastError = DbText.truncate(e.getMessage() == null ? "" : e.getMessage(), MAX_ERROR_BYTES);
    return e.code();
  }

  static GuestMemory memoryOf(HostCall call, String function) {
    try {
      return call.memory();
    } catch (GuestMemoryAccessException e) {
      throw badPointer(function, "the guest has no exported memory");
    }
  }

  static boolean inBounds(GuestMemory memory, int address, long length) {
    return Integer.toUnsignedLong(address) + length <= memory.size();
  }

  static TrapException badPointer(String function, String message) {
    return new TrapException(HostRpc.BAD_POINTER, "db." + function + ": " + message);
  }
}
