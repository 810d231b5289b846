package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.Varint;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads unsigned LEB128 varints as multiformats allows them: at most {@link Varint#MAX_BYTES} bytes and minimally
 * encoded, else {@link MalformedDataException}. Stateless and thread-safe.
 */
final class VarintReader {

  private VarintReader() {
  }

  /**
   * Reads one varint from {@code in}, blocking until its bytes arrive; -1 when the stream ends before its first
   * byte. Throws {@link MalformedDataException} when it ends inside the varint or the varint is not minimal.
   */
  static long read(InputStream in) throws IOException {
    long value = 0;
    for (int i = 0; i < Varint.MAX_BYTES; i++) {
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
    throw new MalformedDataException("varint longer than " + Varint.MAX_BYTES + " bytes");
  }

  static long checkMinimal(int lastByte, int index, long value) {
    if (lastByte == 0 && index > 0) {
      throw new MalformedDataException("varint is not minimally encoded");
    }
    return value;
  }
}
