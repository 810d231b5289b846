package io.wasmhive.procedure.execution;

import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.Param;
import io.wasmhive.procedure.store.Procedure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Encodes JSON arguments for the bytes ABI: TEXT as UTF-8, BYTES from base64, JSON as compact JSON text,
 * INT and BIGINT as 4 and 8 bytes little-endian, FLOAT and DOUBLE as an 8-byte little-endian double, BOOL
 * as one byte. Numbers are range-checked exactly as for typed calls.
 */
final class BytesArguments {

  private BytesArguments() {
  }

  /** One byte array per parameter, or {@code BAD_REQUEST} (count) / {@code TYPE_MISMATCH} (type, range). */
  static List<byte[]> encode(Procedure procedure, List<JsonNode> args) {
    ArgumentConverter.checkCount(procedure, args);
    List<byte[]> encoded = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      encoded.add(encode(procedure.params().get(i), args.get(i)));
    }
    return encoded;
  }

  private static byte[] encode(Param param, JsonNode arg) {
    return switch (param.dataType()) {
      case TEXT -> text(param, arg).getBytes(StandardCharsets.UTF_8);
      case BYTES -> base64(param, text(param, arg));
      case JSON -> (arg == null || arg.isMissingNode() ? "null" : arg.toString()).getBytes(StandardCharsets.UTF_8);
      case INT -> little(4).putInt(numeric(param, ValueType.I32, arg).asInt()).array();
      case BOOL -> new byte[] {(byte) numeric(param, ValueType.I32, arg).asInt()};
      case BIGINT -> little(8).putLong(numeric(param, ValueType.I64, arg).asLong()).array();
      case FLOAT, DOUBLE -> little(8).putDouble(numeric(param, ValueType.F64, arg).asDouble()).array();
    };
  }

  private static WasmValue numeric(Param param, ValueType type, JsonNode arg) {
    return ArgumentConverter.convert(param, type, arg);
  }

  private static String text(Param param, JsonNode arg) {
    if (arg == null || !arg.isString()) {
      throw ArgumentConverter.mismatch(param, arg == null ? "null" : arg.getNodeType().toString().toLowerCase());
    }
    return arg.asString();
  }

  private static byte[] base64(Param param, String value) {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new ProcedureException(ErrorCode.TYPE_MISMATCH,
          "argument '" + param.name() + "' must be base64 (RFC 4648): " + e.getMessage());
    }
  }

  private static ByteBuffer little(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
