package io.wasmhive.procedure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.platform.executor.WasmJson;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.DataType;
import io.wasmhive.procedure.store.Limits;
import io.wasmhive.procedure.store.Param;
import io.wasmhive.procedure.store.Procedure;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fuzz target of a procedure call's argument conversion (docs/fuzzing.md). The first byte gives up to four
 * parameters and the next their declared types (a FLOAT as {@code f32} or {@code f64}); the rest is the JSON of the
 * call's {@code args}. Conversion refuses only with {@code BAD_REQUEST} (count) or {@code TYPE_MISMATCH}; an accepted
 * value is the argument exactly (integers never wrapped, numbers never rounded past their type), converts back to
 * JSON and again to itself, and the bytes ABI encodes the same values.
 */
class ArgumentConverterFuzzTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DataType[] TYPES = DataType.values();

  @FuzzTest(maxDuration = "3m")
  void convertsArguments(byte[] input) {
    int count = input.length == 0 ? 0 : (input[0] & 0xff) % 5;
    if (input.length < 1 + count) {
      return;
    }
    List<Param> params = new ArrayList<>();
    List<ValueType> exports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int b = input[1 + i] & 0xff;
      DataType type = TYPES[b % TYPES.length];
      params.add(new Param("p" + i, type));
      exports.add(wasmType(type, (b & 0x80) != 0));
    }
    List<JsonNode> args = args(Arrays.copyOfRange(input, 1 + count, input.length));
    if (args == null) {
      return;
    }
    Procedure procedure = new Procedure("db", "proc", "wasm", params, null, null, "proc", exports, null, "sha", 8,
        new Limits(1, 1, 1), 1, Instant.EPOCH, Instant.EPOCH, "t", "p");
    if (procedure.usesBytesAbi()) {
      encodesBytes(procedure, args);
    } else {
      convertsTyped(procedure, args);
    }
  }

  private static void convertsTyped(Procedure procedure, List<JsonNode> args) {
    List<WasmValue> values;
    try {
      values = ArgumentConverter.convert(procedure, args);
    } catch (ProcedureException e) {
      assertThat(e.code()).isIn(ErrorCode.BAD_REQUEST, ErrorCode.TYPE_MISMATCH);
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      WasmValue value = values.get(i);
      Param param = procedure.params().get(i);
      assertThat(value.type()).isEqualTo(procedure.exportParams().get(i));
      assertExact(param, args.get(i), value);
      if (param.dataType() != DataType.BOOL) {
        WasmValue again = ArgumentConverter.convert(param, value.type(), WasmJson.toJson(value));
        assertThat(again).as("back to JSON and again").isEqualTo(value);
      }
    }
  }

  private static void encodesBytes(Procedure procedure, List<JsonNode> args) {
    List<byte[]> encoded;
    try {
      encoded = BytesArguments.encode(procedure, args);
    } catch (ProcedureException e) {
      assertThat(e.code()).isIn(ErrorCode.BAD_REQUEST, ErrorCode.TYPE_MISMATCH);
      return;
    }
    for (int i = 0; i < encoded.size(); i++) {
      Param param = procedure.params().get(i);
      JsonNode arg = args.get(i);
      byte[] bytes = encoded.get(i);
      ByteBuffer little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      switch (param.dataType()) {
        case TEXT -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(arg.stringValue());
        case BYTES -> assertThat(Base64.getEncoder().encodeToString(bytes))
            .isEqualTo(Base64.getEncoder().encodeToString(Base64.getDecoder().decode(arg.stringValue())));
        case JSON -> assertThat(JSON.readTree(bytes)).isEqualTo(arg);
        case INT -> assertThat(BigInteger.valueOf(little.getInt())).isEqualTo(arg.bigIntegerValue());
        case BIGINT -> assertThat(BigInteger.valueOf(little.getLong())).isEqualTo(arg.bigIntegerValue());
        case BOOL -> assertThat(bytes).containsExactly(isTrue(arg) ? 1 : 0);
        case FLOAT, DOUBLE -> assertThat(little.getDouble()).isEqualTo(arg.doubleValue());
      }
    }
  }

  /** The converted value is the argument itself, not a wrapped or rounded neighbour. */
  private static void assertExact(Param param, JsonNode arg, WasmValue value) {
    switch (param.dataType()) {
      case INT -> assertThat(BigInteger.valueOf(value.asInt())).isEqualTo(arg.bigIntegerValue());
      case BIGINT -> assertThat(BigInteger.valueOf(value.asLong())).isEqualTo(arg.bigIntegerValue());
      case BOOL -> assertThat(value.asInt()).isEqualTo(isTrue(arg) ? 1 : 0);
      case FLOAT, DOUBLE -> {
        double expected = arg.doubleValue();
        assertThat(Double.isFinite(expected)).isTrue();
        if (value.type() == ValueType.F32) {
          assertThat(value.asFloat()).isEqualTo((float) expected).isFinite();
        } else {
          assertThat(value.asDouble()).isEqualTo(expected);
        }
      }
      default -> throw new AssertionError(param.dataType() + " is not a typed parameter");
    }
  }

  private static boolean isTrue(JsonNode arg) {
    return arg.isBoolean() ? arg.booleanValue() : arg.bigIntegerValue().equals(BigInteger.ONE);
  }

  private static ValueType wasmType(DataType type, boolean narrow) {
    return switch (type) {
      case INT, BOOL -> ValueType.I32;
      case BIGINT -> ValueType.I64;
      case FLOAT -> narrow ? ValueType.F32 : ValueType.F64;
      case DOUBLE, TEXT, BYTES, JSON -> ValueType.F64;
    };
  }

  /** The {@code args} array in {@code json}, as the call endpoint reads it, or null when it is not one. */
  private static List<JsonNode> args(byte[] json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JacksonException e) {
      return null;
    }
    if (node == null || !node.isArray()) {
      return null;
    }
    List<JsonNode> args = new ArrayList<>();
    node.forEach(args::add);
    return args;
  }
}
