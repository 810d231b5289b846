package io.wasmhive.indexer.modules;

import io.wasmhive.indexer.api.ErrorCode;
import io.wasmhive.indexer.api.IndexerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reading module bytes within a limit, and the WebAssembly header check. */
public final class WasmBytes {

  private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

  private WasmBytes() {
  }

  /** Whether the bytes start with the WebAssembly magic {@code \0asm} and version 1. */
  public static boolean looksLikeWasm(byte[] bytes) {
    if (bytes.length < HEADER.length) {
      return false;
    }
    for (int i = 0; i < HEADER.length; i++) {
      if (bytes[i] != HEADER[i]) {
        return false;
      }
    }
    return true;
  }

  /** Fails with {@code NOT_WASM} unless the bytes carry the WebAssembly header. */
  static void requireWasm(byte[] bytes) {
    if (!looksLikeWasm(bytes)) {
      throw new IndexerException(ErrorCode.NOT_WASM,
          "not a WebAssembly module: it does not start with \\0asm and version 1 (" + bytes.length + " bytes)");
    }
  }

  /**
   * Reads the whole stream, or fails with {@code PAYLOAD_TOO_LARGE} as soon as it passes {@code limit} bytes,
   * without reading further. Blocks.
   */
  static byte[] readAtMost(InputStream in, long limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try {
      int n;
      while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - out.size()))) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > limit) {
          throw new IndexerException(ErrorCode.PAYLOAD_TOO_LARGE,
              "the module is larger than the limit of " + limit + " bytes");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the upload failed", e);
    }
    return out.toByteArray();
  }
}
