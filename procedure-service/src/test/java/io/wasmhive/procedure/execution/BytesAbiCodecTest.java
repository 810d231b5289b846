package io.wasmhive.procedure.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.ValueType;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.DataType;
import io.wasmhive.procedure.store.Limits;
import io.wasmhive.procedure.store.Param;
import io.wasmhive.procedure.store.Procedure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The byte encodings of the bytes ABI, both ways, as docs/procedures.md states them. */
class BytesAbiCodecTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void encodesEveryTypeAsDocumented() {
    Procedure p = procedure(List.of(DataType.TEXT, DataType.BYTES, DataType.JSON, DataType.INT, DataType.BIGINT,
        DataType.FLOAT, DataType.DOUBLE, DataType.BOOL), DataType.TEXT);
    List<byte[]> bytes = BytesArguments.encode(p,
        args("[\"é\", \"AQL/\", {\"b\": [1, null], \"a\": \"x\"}, -2, 4294967296, 1.5, -0.25, true]"));
    assertThat(HEX.formatHex(bytes.get(0))).isEqualTo("c3a9");
    assertThat(HEX.formatHex(bytes.get(1))).isEqualTo("0102ff");
    assertThat(new String(bytes.get(2), StandardCharsets.UTF_8)).isEqualTo("{\"b\":[1,null],\"a\":\"x\"}");
    assertThat(HEX.formatHex(bytes.get(3))).isEqualTo("feffffff");
    assertThat(HEX.formatHex(bytes.get(4))).isEqualTo("0000000001000000");
    assertThat(HEX.formatHex(bytes.get(5))).isEqualTo("000000000000f83f");
    assertThat(HEX.formatHex(bytes.get(6))).isEqualTo("000000000000d0bf");
    assertThat(HEX.formatHex(bytes.get(7))).isEqualTo("01");
  }

  @Test
  void jsonParametersAcceptNullButTextParametersDoNot() {
    assertThat(BytesArguments.encode(procedure(List.of(DataType.JSON), DataType.JSON), args("[null]")).get(0))
        .asString(StandardCharsets.UTF_8).isEqualTo("null");
    assertCode(() -> BytesArguments.encode(procedure(List.of(DataType.TEXT), DataType.TEXT), args("[null]")),
        ErrorCode.TYPE_MISMATCH);
    assertCode(() -> BytesArguments.encode(procedure(List.of(DataType.INT, DataType.TEXT), DataType.TEXT),
        args("[2147483648, \"x\"]")), ErrorCode.TYPE_MISMATCH);
  }

  @Test
  void decodesResultsOfEachTypeAndRefusesBytesThatDoNotFit() {
    assertThat(decode(DataType.TEXT, "c3a9")).isEqualTo("é");
    assertThat(decode(DataType.BYTES, "0102ff")).isEqualTo("AQL/");
    assertThat(decode(DataType.JSON, HEX.formatHex("{\"a\":[1]}".getBytes(StandardCharsets.UTF_8))).toString())
        .isEqualTo("{\"a\":[1]}");
    assertThat(decode(DataType.INT, "feffffff")).isEqualTo(-2);
    assertThat(decode(DataType.BIGINT, "0000000001000000")).isEqualTo(4294967296L);
    assertThat(decode(DataType.DOUBLE, "000000000000d0bf")).isEqualTo(-0.25);
    assertThat(decode(DataType.BOOL, "00")).isEqualTo(false);
    assertThat(BytesResult.decode(procedure(List.of(DataType.TEXT), null), new byte[] {1}, JSON)).isNull();
    for (String[] bad : new String[][] {{"TEXT", "a9c3"}, {"JSON", ""}, {"JSON", "7b"}, {"INT", "010203"},
        {"BIGINT", "01"}, {"BOOL", "0000"}}) {
      assertCode(() -> decode(DataType.valueOf(bad[0]), bad[1]), ErrorCode.INVALID_RESULT);
    }
  }

  private static Object decode(DataType type, String hex) {
    return BytesResult.decode(procedure(List.of(DataType.TEXT), type), HEX.parseHex(hex), JSON);
  }

  private static void assertCode(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(ProcedureException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static List<JsonNode> args(String json) {
    List<JsonNode> args = new ArrayList<>();
    JSON.readTree(json).forEach(args::add);
    return args;
  }

  private static Procedure procedure(List<DataType> types, DataType returnType) {
    List<Param> params = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      params.add(new Param("p" + i, types.get(i)));
    }
    return new Procedure("db", "proc", "wasm", params, returnType, null, "proc",
        Collections.nCopies(2 * types.size(), ValueType.I32), ValueType.I64, "sha", 8, new Limits(1, 1, 1), 1,
        Instant.EPOCH, Instant.EPOCH, "t", "p");
  }
}
