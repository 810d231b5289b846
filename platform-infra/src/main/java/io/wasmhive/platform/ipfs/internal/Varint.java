package io.wasmhive.platform.ipfs.internal;

import io.wasmhive.platform.ipfs.MalformedDataException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Unsigned LEB128 varints as multiformats and protobuf use them. Multiformats allows at most 9 bytes (63 bits) and
 * only the minimal encoding; the readers here enforce both. Stateless and thread-safe.
 */
public final class Varint {

    /** The longest varint multiformats allows. */
    public static final int MAX_BYTES = 9;

    private Varint() {
    }

    /** The number of bytes {@code value} (non-negative) takes. */
    public static int size(long value) {
        int size = 1;
        while ((value >>>= 7) != 0) {
            size++;
        }
        return size;
    }

    /** Writes {@code value} (non-negative) at {@code pos} and returns the position after it. */
    public static int write(long value, byte[] out, int pos) {
        if (value < 0) {
            throw new IllegalArgumentException("negative varint " + value);
        }
        while ((value & ~0x7FL) != 0) {
            out[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[pos++] = (byte) value;
        return pos;
    }

    /** {@code value} as a varint in a new array. */
    public static byte[] encode(long value) {
        byte[] out = new byte[size(value)];
        write(value, out, 0);
        return out;
    }

    /**
     * Reads one varint from {@code in}, blocking until its bytes arrive; -1 when the stream ends before its first
     * byte. Throws {@link MalformedDataException} when it ends inside the varint or the varint is not minimal.
     */
    public static long read(InputStream in) throws IOException {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            int b = in.read();
            if (b < 0) {
                if (i == 0) {
                    return -1;
                }
                throw new MalformedDataException("stream ends inside a varint");
            }
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return checkMinimal(b, i, value);
            }
        }
        throw new MalformedDataException("varint longer than " + MAX_BYTES + " bytes");
    }

    static long checkMinimal(int lastByte, int index, long value) {
        if (lastByte == 0 && index > 0) {
            throw new MalformedDataException("varint is not minimally encoded");
        }
        return value;
    }
}
