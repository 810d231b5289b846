package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.TrapException;
import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;
import io.wasmhive.executor.engine.HostCall;
import java.util.function.IntConsumer;

/**
 * The {@code host} module. {@code rpc_call(req_ptr, req_len, resp_ptr_ptr) -> len} answers a JSON-RPC
 * request in a buffer the guest allocates through its {@code alloc(len)} export; every RPC failure comes
 * back as a JSON-RPC error object. Only when no answer can be delivered at all (no {@code alloc}, or a
 * pointer outside memory) does the execution end, with a {@code bad_pointer} trap.
 * {@code progress(pct)} reports a percentage to the executor.
 */
final class HostRpc {

  static final String ALLOC_EXPORT = "alloc";
  static final String BAD_POINTER = "bad_pointer";

  private final RpcDispatcher dispatcher;
  private final IntConsumer progressListener;

  HostRpc(RpcDispatcher dispatcher, IntConsumer progressListener) {
    this.dispatcher = dispatcher;
    this.progressListener = progressListener;
  }

  void register(FunctionTable table) {
    table.plain(HostCatalog.HOST, "rpc_call", this::rpcCall);
    table.plain(HostCatalog.HOST, "progress", this::progress);
  }

  private long[] rpcCall(HostCall call, long[] args) {
    GuestMemory memory = memoryOf(call);
    int responsePointerPointer = (int) args[2];
    if (!inBounds(memory, responsePointerPointer, 4)) {
      // Checked before the handler runs, so no RPC is spent on an answer that cannot be delivered.
      throw badPointer("resp_ptr_ptr " + Integer.toUnsignedString(responsePointerPointer) + " is outside guest memory");
    }
    byte[] response = respond(memory, (int) args[0], (int) args[1]);
    int address = allocate(call, response.length);
    // alloc may have grown the memory; ask for it again rather than trust the earlier view.
    memory = memoryOf(call);
    if (!inBounds(memory, address, response.length)) {
      throw badPointer("alloc(" + response.length + ") returned " + Integer.toUnsignedString(address)
          + ", outside guest memory");
    }
    memory.write(address, response);
    memory.writeI32(responsePointerPointer, address);
    return new long[] {response.length};
  }

  /** Reads and answers the request; a request too large or outside memory is answered with an error. */
  private byte[] respond(GuestMemory memory, int pointer, int length) {
    long size = Integer.toUnsignedLong(length);
    if (size > RpcDispatcher.MAX_REQUEST_BYTES) {
      return RpcDispatcher.tooLargeRequest();
    }
    if (!inBounds(memory, pointer, size)) {
      return JsonRpcError.of("null", JsonRpcError.INVALID_REQUEST,
          "invalid request: req_ptr and req_len lie outside guest memory");
    }
    return dispatcher.dispatch(memory.read(pointer, (int) size));
  }

  private static int allocate(HostCall call, int length) {
    if (!call.hasExport(ALLOC_EXPORT)) {
      throw badPointer("the guest calls host.rpc_call but does not export alloc(len)");
    }
    long[] result = call.callExport(ALLOC_EXPORT, length);
    if (result.length != 1 || (int) result[0] == 0) {
      throw badPointer("alloc(" + length + ") returned no buffer");
    }
    return (int) result[0];
  }

  private long[] progress(HostCall call, long[] args) {
    if (progressListener != null) {
      progressListener.accept(Math.max(0, Math.min(100, (int) args[0])));
    }
    return new long[0];
  }

  private static GuestMemory memoryOf(HostCall call) {
    try {
      return call.memory();
    } catch (GuestMemoryAccessException e) {
      throw badPointer("the guest has no exported memory");
    }
  }

  private static boolean inBounds(GuestMemory memory, int address, long length) {
    return Integer.toUnsignedLong(address) + length <= memory.size();
  }

  private static TrapException badPointer(String message) {
    return new TrapException(BAD_POINTER, "host.rpc_call cannot deliver its response: " + message);
  }
}
