package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.DatabaseHandler;
import io.wasmhive.executor.RpcHandler;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Plays the guest in tests: owns a memory (4 MiB unless asked otherwise) with a bump allocator (also its {@code alloc} export) and
 * calls the environment's host functions with raw arguments, as an engine would.
 */
final class Guest {

  static final int MEMORY_SIZE = 4 * 1024 * 1024;

  /** The RPC threads of every test guest, as an executor has one pool for all its executions. */
  private static final RpcCalls RPC_CALLS = new RpcCalls();

  final ArrayGuestMemory memory;
  final FakeHostCall call;
  final HostEnvironment env;
  private int next = 1024;

  Guest(HostSettings settings) {
    this(settings, MEMORY_SIZE);
  }

  Guest(HostSettings settings, int memorySize) {
    memory = new ArrayGuestMemory(memorySize);
    call = new FakeHostCall(memory, this::alloc);
    env = new HostEnvironment(settings, RPC_CALLS);
  }

  Guest() {
    this(settings().build());
  }

  /** Settings builder with test defaults: id "exec-1", 1 KiB output, no handler, a 10 s deadline. */
  static SettingsBuilder settings() {
    return new SettingsBuilder();
  }

  /** Calls a WASI function and returns its errno. */
  int wasi(String name, long... args) {
    return (int) env.function(HostCatalog.WASI, name).call(call, args)[0];
  }

  /** Calls a {@code host} module function and returns its raw results. */
  long[] host(String name, long... args) {
    return env.function(HostCatalog.HOST, name).call(call, args);
  }

  /** Reserves {@code size} bytes of guest memory, 8-aligned. */
  int alloc(int size) {
    int address = next;
    next += (size + 7) & ~7;
    return address;
  }

  /** Copies bytes into fresh guest memory and returns their address. */
  int put(byte[] bytes) {
    int address = alloc(bytes.length);
    memory.write(address, bytes);
    return address;
  }

  int put(String text) {
    return put(text.getBytes(StandardCharsets.UTF_8));
  }

  String string(int address, int length) {
    return new String(memory.read(address, length), StandardCharsets.UTF_8);
  }

  /** Builds an iovec array over the given buffers. */
  int iovecs(int... addressAndLength) {
    ByteBuffer iovs = ByteBuffer.allocate(addressAndLength.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int value : addressAndLength) {
      iovs.putInt(value);
    }
    return put(iovs.array());
  }

  /** Writes {@code text} to {@code fd} through one iovec; returns the errno. */
  int write(int fd, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int iovs = iovecs(put(bytes), bytes.length);
    return wasi("fd_write", fd, iovs, 1, alloc(4));
  }

  /** Opens {@code path} under the root with {@code oflags}; returns the fd, or minus the errno. */
  int open(String path, int oflags) {
    int pathAddress = put(path);
    int result = alloc(4);
    int errno = wasi("path_open", FdTable.ROOT_FD, 0, pathAddress, path.getBytes(StandardCharsets.UTF_8).length,
        oflags, -1L, -1L, 0, result);
    return errno == 0 ? memory.readI32(result) : -errno;
  }

  /** Reads up to {@code max} bytes from {@code fd}. */
  String read(int fd, int max) {
    int buffer = alloc(max);
    int nread = alloc(4);
    int errno = wasi("fd_read", fd, iovecs(buffer, max), 1, nread);
    if (errno != 0) {
      throw new AssertionError("fd_read errno " + errno);
    }
    return string(buffer, memory.readI32(nread));
  }

  /** A fluent way to vary the defaults. */
  static final class SettingsBuilder {
    String id = "exec-1";
    byte[] stdin = new byte[0];
    List<String> args = List.of();
    Map<String, String> env = Map.of();
    Map<String, byte[]> files = Map.of();
    boolean deterministic;
    long maxOutput = 1024;
    RpcHandler handler;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    IntConsumer progress;
    DatabaseHandler database;

    SettingsBuilder id(String value) { id = value; return this; }
    SettingsBuilder stdin(String value) { stdin = value.getBytes(StandardCharsets.UTF_8); return this; }
    SettingsBuilder args(List<String> value) { args = value; return this; }
    SettingsBuilder env(Map<String, String> value) { env = value; return this; }
    SettingsBuilder files(Map<String, byte[]> value) { files = value; return this; }
    SettingsBuilder deterministic() { deterministic = true; return this; }
    SettingsBuilder maxOutput(long value) { maxOutput = value; return this; }
    SettingsBuilder handler(RpcHandler value) { handler = value; return this; }
    SettingsBuilder deadlineIn(long millis) { deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis); return this; }
    SettingsBuilder progress(IntConsumer value) { progress = value; return this; }
    SettingsBuilder database(DatabaseHandler value) { database = value; return this; }

    HostSettings build() {
      return new HostSettings(id, stdin, args, env, files, deterministic, maxOutput, handler, deadline, progress, database);
    }

    Guest guest() {
      return new Guest(build());
    }

    /** A guest with a memory of {@code memorySize} bytes instead of 4 MiB. */
    Guest guest(int memorySize) {
      return new Guest(build(), memorySize);
    }
  }
}
