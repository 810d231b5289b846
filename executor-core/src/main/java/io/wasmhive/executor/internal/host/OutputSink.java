package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.OutputLimitException;
import java.io.ByteArrayOutputStream;

/** fd 1 or fd 2: captures what the guest writes, up to a limit that ends the execution when crossed. */
final class OutputSink implements Descriptor {

    private final String name;
    private final long max;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

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

    /** Appends {@code bytes}; past the limit keeps the first {@code max} bytes and throws {@link OutputLimitException}. */
    @Override
    public void write(byte[] bytes) {
        long room = max - captured.size();
        if (bytes.length > room) {
            captured.write(bytes, 0, (int) Math.max(0, room));
            throw new OutputLimitException("the guest wrote more than " + max + " bytes to " + name);
        }
        captured.write(bytes, 0, bytes.length);
    }

    /** A copy of what was captured. */
    byte[] bytes() {
        return captured.toByteArray();
    }
}
