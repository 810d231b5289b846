package io.wasmhive.procedure.catalog;

import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Decodes modules sent as base64 text. */
public final class ModuleEncoding {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private ModuleEncoding() {
  }

  /**
   * The bytes of standard base64 text. Whitespace is ignored, because GNU {@code base64} wraps its output
   * at 76 columns; any other character outside the alphabet is {@code BAD_REQUEST}.
   */
  public static byte[] fromBase64(String text) {
    if (text == null || text.isBlank()) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "wasm_base64 is required");
    }
    try {
      return Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
    } catch (IllegalArgumentException e) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "wasm_base64 is not valid base64: " + e.getMessage());
    }
  }
}
