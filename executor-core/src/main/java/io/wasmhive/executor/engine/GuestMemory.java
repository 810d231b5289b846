package io.wasmhive.executor.engine;

/**
 * A guest instance's linear memory as the host sees it. Addresses are unsigned 32-bit offsets passed
 * as {@code int}; every access is bounds-checked and fails with {@link GuestMemoryAccessException}.
 * Not thread-safe: used only on the thread that runs the guest.
 */
public interface GuestMemory {

  /** The current size in bytes. */
  long size();

  /** Copies {@code length} bytes starting at {@code address} into a new array. */
  byte[] read(int address, int length);

  /**
   * Copies {@code length} bytes starting at {@code address} into {@code into} from {@code offset}, allocating
   * nothing: what host functions use when the length comes from the guest.
   */
  void read(int address, byte[] into, int offset, int length);

  /** Copies {@code data} to {@code address}. */
  void write(int address, byte[] data);

  /** Copies {@code length} bytes of {@code data} from {@code offset} to {@code address}. */
  void write(int address, byte[] data, int offset, int length);

  /** Reads a little-endian i32. */
  int readI32(int address);

  /** Writes a little-endian i32. */
  void writeI32(int address, int value);

  /** Reads a little-endian i64. */
  long readI64(int address);

  /** Writes a little-endian i64. */
  void writeI64(int address, long value);
}
