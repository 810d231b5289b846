package io.wasmhive.procedure.catalog;

import static io.wasmhive.executor.ValueType.F32;
import static io.wasmhive.executor.ValueType.F64;
import static io.wasmhive.executor.ValueType.I32;
import static io.wasmhive.executor.ValueType.I64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.ModuleInfo.Signature;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.DataType;
import io.wasmhive.procedure.store.Param;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportResolverTest {

  private static final Signature ADD = new Signature(List.of(I32, I32), List.of(I32));
  private static final Signature DISCOUNT = new Signature(List.of(F64, I32), List.of(F64));

  @Test
  void theExportNamedLikeTheProcedureWinsThenTheEntryThenTheOnlyFunction() {
    ModuleInfo two = module(Map.of("add", ADD, "calculate_discount", DISCOUNT));
    assertThat(ExportResolver.choose(two, "add", "calculate_discount")).isEqualTo("add");
    assertThat(ExportResolver.choose(two, "sum", "add")).isEqualTo("add");
    ModuleInfo one = module(Map.of("add", ADD, "_initialize", new Signature(List.of(), List.of())));
    assertThat(ExportResolver.choose(one, "sum", null)).isEqualTo("add");
  }

  @Test
  void aMissingOrAmbiguousExportIsInvalidWasm() {
    ModuleInfo two = module(Map.of("add", ADD, "calculate_discount", DISCOUNT));
    assertCode(() -> ExportResolver.choose(two, "sum", null), ErrorCode.INVALID_WASM);
    assertCode(() -> ExportResolver.choose(two, "sum", "nope"), ErrorCode.INVALID_WASM);
  }

  @Test
  void theSignatureMustFitTheDeclarationAndTheMismatchNamesTheParameter() {
    ExportResolver.check("calculate_discount", DISCOUNT,
        List.of(new Param("price", DataType.DOUBLE), new Param("tier", DataType.INT)), DataType.DOUBLE);
    assertThatThrownBy(() -> ExportResolver.check("calculate_discount", DISCOUNT,
        List.of(new Param("price", DataType.DOUBLE), new Param("tier", DataType.BIGINT)), DataType.DOUBLE))
        .isInstanceOf(ProcedureException.class).hasMessageContaining("'tier'");
    assertCode(() -> ExportResolver.check("add", ADD, List.of(new Param("a", DataType.INT)), DataType.INT),
        ErrorCode.TYPE_MISMATCH);
    assertCode(() -> ExportResolver.check("add", ADD,
        List.of(new Param("a", DataType.INT), new Param("b", DataType.INT)), null), ErrorCode.TYPE_MISMATCH);
  }

  @Test
  void eachDeclaredTypeStandsForItsWebAssemblyTypes() {
    assertThat(ExportResolver.accepts(DataType.INT, I32)).isTrue();
    assertThat(ExportResolver.accepts(DataType.INT, I64)).isFalse();
    assertThat(ExportResolver.accepts(DataType.BIGINT, I64)).isTrue();
    assertThat(ExportResolver.accepts(DataType.BOOL, I32)).isTrue();
    assertThat(ExportResolver.accepts(DataType.DOUBLE, F64)).isTrue();
    assertThat(ExportResolver.accepts(DataType.DOUBLE, F32)).isFalse();
    // Seed 003 declares FLOAT for an f64 parameter; FLOAT takes either width.
    assertThat(ExportResolver.accepts(DataType.FLOAT, F32)).isTrue();
    assertThat(ExportResolver.accepts(DataType.FLOAT, F64)).isTrue();
  }

  private static ModuleInfo module(Map<String, Signature> exports) {
    return new ModuleInfo("id", 8, exports, List.of(), 0, 0, false);
  }

  private static void assertCode(Runnable action, ErrorCode code) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(ProcedureException.class,
        e -> assertThat(e.code()).isEqualTo(code));
  }
}
