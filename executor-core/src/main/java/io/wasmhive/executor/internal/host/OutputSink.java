package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.OutputLimitException;
import io.wasmhive.executor.engine.GuestMemory;
import java.util.Arrays;

/**
 * fd 1 or fd 2: captures what the guest writes, up to a limit that ends the execution when crossed. The room
 * left is checked before anything is copied, and guest bytes go straight from guest memory into the capture
 * buffer, which never grows past the limit: a guest asking to write gigabytes costs the host at most the limit.
 */
final class OutputSink implements Descriptor {

  private final String name;
  private final long max;
  private byte[] captured = new byte[0];
  private int size;

  OutputSink(String name, long max) {
    this.name = name;
    this.max = max;
  }

  @Override
  public byte filetype() {
    return StdioRights.CHARACTER_DEVICE;
  }

  @Override
  public long rights() {
    return StdioRights.RIGHTS;
  }

  /** Appends guest bytes; past the limit keeps the first {@code max} bytes and throws {@link OutputLimitException}. */
  @Override
  public void writeFrom(GuestMemory memory, int address, long length) {
    int accepted = accept(length);
    memory.read(address, captured, size, accepted);
    size += accepted;
    requireWithinLimit(accepted, length);
  }

  /** Appends what the host writes for the guest (for example a trace line), under the same limit. */
  void write(byte[] bytes) {
    int accepted = accept(bytes.length);
    System.arraycopy(bytes, 0, captured, size, accepted);
    size += accepted;
    requireWithinLimit(accepted, bytes.length);
  }

  /** How many of {@code length} bytes fit under the limit, with the buffer grown to hold them. */
  private int accept(long length) {
    int accepted = (int) Math.min(length, max - size);
    int needed = size + accepted;
    if (needed > captured.length) {
      // Doubling keeps small writes cheap; the limit caps the buffer.
      captured = Arrays.copyOf(captured, (int) Math.min(max, Math.max(needed, 2L * captured.length)));
    }
    return accepted;
  }

  private void requireWithinLimit(long accepted, long length) {
    if (accepted < length) {
      throw new OutputLimitException("the guest wrote more than " + max + " bytes to " + name);
    }
  }

  /** A copy of what was captured. */
  byte[] bytes() {
    return Arrays.copyOf(captured, size);
  }
}
