package io.wasmhive.platform.testing.httpfuzz;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Byte-array helpers of the mutations. Stateless. */
final class Bytes {

  private Bytes() {
  }

  /** {@code n} random bytes. */
  static byte[] random(Random random, int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  /** The arrays one after the other. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** {@code body} in the chunked transfer coding, in chunks of at most 64 KiB. */
  static byte[] chunked(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 65_536) {
      int n = Math.min(65_536, body.length - at);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes());
      out.write(body, at, n);
      out.writeBytes("\r\n".getBytes());
    }
    out.writeBytes("0\r\n\r\n".getBytes());
    return out.toByteArray();
  }
}
