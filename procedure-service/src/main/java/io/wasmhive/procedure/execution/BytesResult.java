package io.wasmhive.procedure.execution;

import io.wasmhive.platform.errors.ClientMessages;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.DataType;
import io.wasmhive.procedure.store.Procedure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Decodes a bytes-ABI result into the JSON value of the declared return type, the inverse of
 * {@link BytesArguments}. Bytes that do not fit the declaration are the guest's fault: {@code INVALID_RESULT}.
 */
final class BytesResult {

  private BytesResult() {
  }

  /** A string, a JSON value, a number or a boolean; {@code null} for a procedure without a result. */
  static Object decode(Procedure procedure, byte[] output, ObjectMapper json) {
    DataType type = procedure.returnType();
    if (type == null) {
      return null;
    }
    return switch (type) {
      case TEXT -> utf8(procedure, output);
      case BYTES -> Base64.getEncoder().encodeToString(output);
      case JSON -> json(procedure, output, json);
      case INT -> fixed(procedure, output, 4).getInt();
      case BIGINT -> fixed(procedure, output, 8).getLong();
      case FLOAT, DOUBLE -> fixed(procedure, output, 8).getDouble();
      case BOOL -> fixed(procedure, output, 1).get() != 0;
    };
  }

  private static String utf8(Procedure procedure, byte[] output) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(output)).toString();
    } catch (CharacterCodingException e) {
      throw invalid(procedure, "its TEXT result is not valid UTF-8");
    }
  }

  private static Object json(Procedure procedure, byte[] output, ObjectMapper json) {
    try {
      JsonNode node = json.readTree(output);
      if (node == null || node.isMissingNode()) {
        throw invalid(procedure, "its JSON result is empty");
      }
      return node;
    } catch (JacksonException e) {
      throw invalid(procedure, "its JSON result is not valid JSON: " + ClientMessages.parserMessage(e));
    }
  }

  private static ByteBuffer fixed(Procedure procedure, byte[] output, int size) {
    if (output.length != size) {
      throw invalid(procedure, "its " + procedure.returnType() + " result must be " + size + " bytes, got "
          + output.length);
    }
    return ByteBuffer.wrap(output).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ProcedureException invalid(Procedure procedure, String why) {
    return new ProcedureException(ErrorCode.INVALID_RESULT, "procedure " + procedure.name() + " returned bad bytes: " + why);
  }
}
