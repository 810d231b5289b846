package io.wasmhive.workflow.wasmserver;

import java.io.ByteArrayOutputStream;

/** A valid module grown to an exact size by appending a custom section, which engines ignore. */
final class PaddedModule {

  private PaddedModule() {
  }

  static byte[] of(byte[] module, int size) {
    for (int payload = 0; ; payload++) {
      byte[] padded = withCustomSection(module, payload);
      if (padded.length == size) {
        return padded;
      }
      if (padded.length > size) {
        throw new IllegalArgumentException("cannot pad " + module.length + " bytes to exactly " + size);
      }
    }
  }

  private static byte[] withCustomSection(byte[] module, int payload) {
    byte[] name = "pad".getBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(module);
    out.write(0);
    writeLeb(out, 1 + name.length + payload);
    out.write(name.length);
    out.writeBytes(name);
    out.writeBytes(new byte[payload]);
    return out.toByteArray();
  }

  private static void writeLeb(ByteArrayOutputStream out, int value) {
    do {
      int b = value & 0x7f;
      value >>>= 7;
      out.write(value == 0 ? b : b | 0x80);
    } while (value != 0);
  }
}
