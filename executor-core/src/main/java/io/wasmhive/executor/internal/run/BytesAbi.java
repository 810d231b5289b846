package io.wasmhive.executor.internal.run;

import io.wasmhive.executor.OutputLimitException;
import io.wasmhive.executor.TrapException;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;
import java.util.List;

/**
 * The bytes call ABI: the host calls the guest's {@code alloc(len) -> ptr} for each parameter and copies
 * it in, calls {@code f(ptr1, len1, ...) -> i64}, and reads {@code len} bytes at {@code ptr} where the
 * result is {@code (ptr << 32) | len}, both unsigned 32-bit. The first of these calls goes through the
 * call wrapper, which sets the limits; with parameters the gas left is read after the last one.
 */
final class BytesAbi {

  static final String ALLOC = "alloc";

  private BytesAbi() {
  }

  /**
   * The message ABI: {@code alloc(len) -> ptr}, the message copied in, then {@code f(ptr, len) -> i32}, whose
   * i32 is returned. Blocks; traps and exits propagate.
   */
  static WasmValue message(EngineInstance instance, MeteredCall first, String export, byte[] message,
      ExecutionRunner.Outcome outcome) {
    GuestMemory memory = instance.memory();
    if (memory == null) {
      throw new TrapException("bad_pointer", "a message call needs the module to export its memory as 'memory'");
    }
    try {
      int ptr = first.call(instance, ALLOC, outcome, WasmValue.i32(message.length))[0].asInt();
      memory.write(ptr, message);
      WasmValue status = instance.call(export, WasmValue.i32(ptr), WasmValue.i32(message.length))[0];
      outcome.gasUnknown();
      return status;
    } catch (GuestMemoryAccessException e) {
      throw new TrapException("bad_pointer", "message call: alloc(" + message.length + ") returned a buffer outside "
          + "guest memory: " + e.getMessage());
    }
  }

  static void call(EngineInstance instance, MeteredCall first, String export, List<byte[]> params, long maxOutput,
           ExecutionRunner.Outcome outcome) {
    GuestMemory memory = instance.memory();
    if (memory == null) {
      throw new TrapException("bad_pointer", "a bytes call needs the module to export its memory as 'memory'");
    }
    WasmValue[] args = new WasmValue[params.size() * 2];
    try {
      for (int i = 0; i < params.size(); i++) {
        byte[] param = params.get(i);
        WasmValue len = WasmValue.i32(param.length);
        int ptr = (i == 0 ? first.call(instance, ALLOC, outcome, len) : instance.call(ALLOC, len))[0].asInt();
        memory.write(ptr, param);
        args[2 * i] = WasmValue.i32(ptr);
        args[2 * i + 1] = WasmValue.i32(param.length);
      }
      long packed;
      if (params.isEmpty()) {
        packed = first.call(instance, export, outcome, args)[0].asLong();
      } else {
        packed = instance.call(export, args)[0].asLong();
        outcome.gasUnknown();
      }
      int ptr = (int) (packed >>> 32);
      long len = packed & 0xFFFF_FFFFL;
      if (len > maxOutput) {
        throw new OutputLimitException("the result of '" + export + "' has " + len + " bytes; max_output is " + maxOutput);
      }
      outcome.output = memory.read(ptr, (int) len);
    } catch (GuestMemoryAccessException e) {
      throw new TrapException("bad_pointer", "bytes call: " + e.getMessage());
    }
  }
}
