package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;
import io.wasmhive.executor.engine.HostCall;
import java.nio.charset.StandardCharsets;

/**
 * Reads AssemblyScript strings out of guest memory for {@code env.abort} and {@code env.trace}. A string is
 * UTF-16LE; its pointer points at the first code unit and its byte length is the u32 just before it (the object
 * header's {@code rtSize}); pointer 0 is {@code null}. At most {@link #MAX_UNITS} code units are read, so the
 * host's work is bounded whatever the header says; a string that is not well formed (odd length, outside memory,
 * no memory) reads as {@link #INVALID}, never as a host failure. Control characters become U+FFFD, so a guest
 * cannot forge lines in the logs its messages end up in. Stateless.
 */
final class AssemblyScriptStrings {

  /** The most UTF-16 code units read of one string; longer ones are cut and end with an ellipsis. */
  static final int MAX_UNITS = 1024;

  /** What a string that cannot be read reads as. */
  static final String INVALID = "<invalid string>";

  private static final int HEADER_SIZE_OFFSET = 4;

  private AssemblyScriptStrings() {
  }

  /** The string at {@code pointer} (an unsigned guest address); {@code "null"} for pointer 0, as AssemblyScript's loader prints it. */
  static String read(HostCall call, int pointer) {
    if (pointer == 0) {
      return "null";
    }
    try {
      return read(call.memory(), pointer);
    } catch (GuestMemoryAccessException e) {
      return INVALID;
    }
  }

  private static String read(GuestMemory memory, int pointer) {
    long address = Integer.toUnsignedLong(pointer);
    if (address < HEADER_SIZE_OFFSET || address > memory.size()) {
      return INVALID;
    }
    long bytes = Integer.toUnsignedLong(memory.readI32(pointer - HEADER_SIZE_OFFSET));
    if ((bytes & 1) != 0 || address + bytes > memory.size()) {
      return INVALID;
    }
    int units = (int) Math.min(bytes / 2, MAX_UNITS);
    String text = new String(memory.read(pointer, units * 2), StandardCharsets.UTF_16LE);
    return withoutControls(text) + (units < bytes / 2 ? "…" : "");
  }

  private static String withoutControls(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '\uFFFD' : c);
    }
    return out.toString();
  }
}
