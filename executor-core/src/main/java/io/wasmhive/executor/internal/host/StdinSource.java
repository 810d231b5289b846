package io.wasmhive.executor.internal.host;

import java.util.Arrays;

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
    public byte[] read(long max) {
        int count = (int) Math.min(max, data.length - position);
        byte[] chunk = Arrays.copyOfRange(data, position, position + count);
        position += count;
        return chunk;
    }

    @Override
    public long readable() {
        return data.length - position;
    }
}
