package io.wasmhive.procedure.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.DataType;
import io.wasmhive.procedure.store.Limits;
import io.wasmhive.procedure.store.Param;
import io.wasmhive.procedure.store.Procedure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArgumentConverterTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void convertsEachDeclaredTypeToItsWebAssemblyValue() {
    Procedure p = procedure(List.of(DataType.INT, DataType.BIGINT, DataType.FLOAT, DataType.FLOAT, DataType.DOUBLE,
        DataType.BOOL), List.of(ValueType.I32, ValueType.I64, ValueType.F32, ValueType.F64, ValueType.F64,
        ValueType.I32));
    List<WasmValue> values = ArgumentConverter.convert(p, args("[-7, 9223372036854775807, 1.5, 100, 19.99, true]"));
    assertThat(values).containsExactly(WasmValue.i32(-7), WasmValue.i64(Long.MAX_VALUE), WasmValue.f32(1.5f),
        WasmValue.f64(100.0), WasmValue.f64(19.99), WasmValue.i32(1));
  }

  @Test
  void refusesWrongCountWrongTypeAndOutOfRangeValuesInsteadOfWrapping() {
    Procedure p = procedure(List.of(DataType.INT), List.of(ValueType.I32));
    assertCode(p, "[]", ErrorCode.BAD_REQUEST);
    assertCode(p, "[1, 2]", ErrorCode.BAD_REQUEST);
    assertCode(p, "[\"1\"]", ErrorCode.TYPE_MISMATCH);
    assertCode(p, "[true]", ErrorCode.TYPE_MISMATCH);
    assertCode(p, "[2147483648]", ErrorCode.TYPE_MISMATCH);
    assertCode(p, "[1e3]", ErrorCode.TYPE_MISMATCH);
    Procedure f32 = procedure(List.of(DataType.FLOAT), List.of(ValueType.F32));
    assertCode(f32, "[1e39]", ErrorCode.TYPE_MISMATCH);
    Procedure bool = procedure(List.of(DataType.BOOL), List.of(ValueType.I32));
    assertCode(bool, "[2]", ErrorCode.TYPE_MISMATCH);
    assertThat(ArgumentConverter.convert(bool, args("[0]"))).containsExactly(WasmValue.i32(0));
  }

  @Test
  void messagesNameTheArgumentAndWhatItMustBe() {
    Procedure p = procedure(List.of(DataType.INT, DataType.BOOL), List.of(ValueType.I32, ValueType.I32));
    assertMessage(p, "[2147483648, true]", "argument 'p0' (i32) is out of range: it must be between -2147483648 and "
        + "2147483647, got 2147483648");
    assertMessage(p, "[1.5, true]", "argument 'p0' (i32) must be an integer, got 1.5");
    assertMessage(p, "[null, true]", "argument 'p0' (i32) must be a number, got null");
    assertMessage(p, "[1, null]", "argument 'p1' must be a BOOL (true, false, 0 or 1), got null");
    assertMessage(p, "[1, \"yes\"]", "argument 'p1' must be a BOOL (true, false, 0 or 1), got \"yes\"");
    assertMessage(p, "[1]", "procedure proc takes 2 arguments, got 1");
  }

  private static void assertMessage(Procedure p, String json, String message) {
    assertThatThrownBy(() -> ArgumentConverter.convert(p, args(json))).as(json)
        .isInstanceOf(ProcedureException.class).hasMessage(message);
  }

  private static void assertCode(Procedure p, String json, ErrorCode code) {
    assertThatThrownBy(() -> ArgumentConverter.convert(p, args(json))).as(json)
        .isInstanceOfSatisfying(ProcedureException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static List<JsonNode> args(String json) {
    List<JsonNode> args = new ArrayList<>();
    JSON.readTree(json).forEach(args::add);
    return args;
  }

  private static Procedure procedure(List<DataType> types, List<ValueType> wasm) {
    List<Param> params = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      params.add(new Param("p" + i, types.get(i)));
    }
    return new Procedure("db", "proc", "wasm", params, null, null, "proc", wasm, null, "sha", 8,
        new Limits(1, 1, 1), 1, Instant.EPOCH, Instant.EPOCH, "t", "p");
  }
}
