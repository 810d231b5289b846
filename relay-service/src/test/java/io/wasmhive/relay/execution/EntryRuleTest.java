package io.wasmhive.relay.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.ModuleInfo.Signature;
import io.wasmhive.executor.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryRuleTest {

  private static final Signature NONE = new Signature(List.of(), List.of());
  private static final Signature ADD = new Signature(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I32));

  @Test
  void aCommandIsEnteredAtStartEvenWhenItExportsMore() {
    assertThat(EntryRule.choose(module(Map.of("_start", NONE, "main", ADD)))).isEqualTo(new EntryRule.Plan.Stdio(null));
  }

  @Test
  void aReactorIsEnteredAtRunWithoutParameters() {
    assertThat(EntryRule.choose(module(Map.of("_initialize", NONE, "alloc", ADD, "run", NONE))))
        .isEqualTo(new EntryRule.Plan.Stdio("run"));
  }

  @Test
  void theOnlyFunctionBesideTheHelpersIsCalledTyped() {
    assertThat(EntryRule.choose(module(Map.of("add", ADD, "alloc", ADD, "_initialize", NONE, "__heap", NONE))))
        .isEqualTo(new EntryRule.Plan.Typed("add", ADD));
  }

  @Test
  void withSeveralFunctionsMainWinsThenRun() {
    assertThat(EntryRule.choose(module(Map.of("add", ADD, "main", ADD, "run", ADD))))
        .isEqualTo(new EntryRule.Plan.Typed("main", ADD));
    assertThat(EntryRule.choose(module(Map.of("add", ADD, "run", ADD)))).isEqualTo(new EntryRule.Plan.Typed("run", ADD));
  }

  @Test
  void ambiguousOrEmptyModulesAreInvalidInput() {
    assertThatThrownBy(() -> EntryRule.choose(module(Map.of("add", ADD, "sub", ADD))))
        .isInstanceOfSatisfying(ExecutionFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
        .hasMessageContaining("several functions [add, sub]");
    assertThatThrownBy(() -> EntryRule.choose(module(Map.of("alloc", ADD))))
        .hasMessageContaining("exports no function to call");
  }

  private static ModuleInfo module(Map<String, Signature> exports) {
    return new ModuleInfo("id", 10, new LinkedHashMap<>(exports), List.of(), 0, 0, false);
  }
}
