package io.wasmhive.executor;

import java.util.List;

/** How an execution enters the module. */
public sealed interface Entry {

  /** A WASI command: {@code _start}; stdin in, stdout, stderr and exit code out. */
  record Command() implements Entry {
  }

  /** An exported function without parameters that uses WASI stdio, such as the workflow modules' {@code run}. */
  record StdioFunction(String export) implements Entry {
  }

  /** An exported function with i32/i64/f32/f64 parameters and results (stored procedures). */
  record Typed(String export, List<WasmValue> args) implements Entry {
    public Typed {
      args = List.copyOf(args);
    }
  }

  /**
   * The bytes ABI: for each parameter the host calls the guest's {@code alloc(len) -> ptr} and writes
   * the bytes, then calls {@code export(ptr1, len1, ptr2, len2, ...) -> i64} whose result packs the
   * output as {@code (out_ptr << 32) | out_len}.
   */
  record Bytes(String export, List<byte[]> params) implements Entry {
    public Bytes {
      params = List.copyOf(params);
    }
  }

  /**
   * One message in, a status out (a derivation's reducer): the host calls the guest's {@code alloc(len) -> ptr},
   * writes {@code message}, then calls {@code export(ptr, len) -> i32}; the i32 is the execution's result value.
   * A module without {@code alloc} of type {@code (i32) -> i32} or {@code export} of type {@code (i32, i32) -> i32}
   * fails the task with {@link InvalidTaskException} before anything runs.
   */
  record Message(String export, byte[] message) implements Entry {
    public Message {
      message = message.clone();
    }
  }

  static Entry command() {
    return new Command();
  }

  static Entry stdio(String export) {
    return new StdioFunction(export);
  }

  static Entry typed(String export, WasmValue... args) {
    return new Typed(export, List.of(args));
  }

  static Entry bytes(String export, byte[]... params) {
    return new Bytes(export, List.of(params));
  }

  static Entry message(String export, byte[] message) {
    return new Message(export, message);
  }
}
