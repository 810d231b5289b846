package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;

/** fd 0: the task's input, read once from start to end. */
final class StdinSource implements Descriptor {

  private final byte[] data;
  private int position;

  StdinSource(byte[] data) {
    this.data = data;
  }

  @Override
  public byte filetype() {
    return StdioRights.CHARACTER_DEVICE;
  }

  @Override
  public long rights() {
    return StdioRights.RIGHTS;
  }

  @Override
  public long readInto(GuestMemory memory, int address, long max) {
    int count = (int) Math.min(max, data.length - position);
    memory.write(address, data, position, count);
    position += count;
    return count;
  }

  @Override
  public long readable() {
    return data.length - position;
  }
}
