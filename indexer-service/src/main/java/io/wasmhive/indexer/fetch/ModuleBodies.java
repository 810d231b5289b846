package io.wasmhive.indexer.fetch;

import io.wasmhive.platform.ipfs.CarFiles;
import io.wasmhive.platform.ipfs.Cid;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Turns a gateway's answer into verified module bytes, reading no further than the limits. Stateless. */
final class ModuleBodies {

  /** The WebAssembly binary magic {@code \0asm} and version 1. */
  private static final byte[] WASM_HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  private static final int FIRST_BUFFER = 64 * 1024;
  private static final int CAR_BUFFER = 16 * 1024;

  private ModuleBodies() {
  }

  /**
   * Reads the single block {@code cid} from {@code in}: at most {@code limit} bytes (one more is read to detect a
   * longer answer), then verified against the CID. Blocks while reading.
   *
   * @throws AttemptFailure TOO_LARGE past the limit, HASH_MISMATCH when the bytes do not hash to {@code cid}
   */
  static byte[] readBlock(InputStream in, Cid cid, int limit) throws IOException {
    byte[] buffer = new byte[Math.min(limit + 1, FIRST_BUFFER)];
    int count = 0;
    for (int n; count <= limit; count += n) {
      if (count == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) limit + 1, 2L * buffer.length));
      }
      n = in.read(buffer, count, buffer.length - count);
      if (n < 0) {
        break;
      }
    }
    if (count > limit) {
      throw new AttemptFailure(FailureReason.TOO_LARGE, "the block is larger than the " + limit + "-byte limit");
    }
    byte[] block = Arrays.copyOf(buffer, count);
    if (!cid.verifies(block)) {
      throw new AttemptFailure(FailureReason.HASH_MISMATCH, "the " + count + " bytes sent do not hash to " + cid);
    }
    return block;
  }

  /**
   * Reads the CAR {@code in} (at most {@code maxCarBytes}), verifying every block, and reassembles the file
   * {@code root} (at most {@code maxFileBytes}). Blocks while reading. Exceptions of the IPFS library pass through.
   */
  static byte[] readCar(InputStream in, Cid root, long maxCarBytes, int maxFileBytes) throws IOException {
    return CarFiles.readFile(new BufferedInputStream(in, CAR_BUFFER), root, maxCarBytes, maxFileBytes);
  }

  /**
   * Checks that {@code module} starts with the WebAssembly magic and version 1.
   *
   * @throws AttemptFailure NOT_WASM otherwise
   */
  static void requireWasm(byte[] module) {
    if (module.length < WASM_HEADER.length
        || !Arrays.equals(module, 0, WASM_HEADER.length, WASM_HEADER, 0, WASM_HEADER.length)) {
      throw new AttemptFailure(FailureReason.NOT_WASM, "the " + module.length + " verified bytes do not start with"
          + " the WebAssembly magic \\0asm and version 1");
    }
  }
}
