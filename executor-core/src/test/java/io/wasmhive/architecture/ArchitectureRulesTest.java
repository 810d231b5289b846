package io.wasmhive.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} fails on the fixtures that break it (and only on those), the production-code
 * filter tells main from test classes.
 */
class ArchitectureRulesTest {

  private static final String FIXTURES = "io.wasmhive.architecture.fixtures";
  private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURES);

  @Test
  void aServiceUsingExecutorInternalsFails() {
    assertThat(violations(ArchitectureRules.executorInternalsStayInExecutorCore(FIXTURES)))
        .singleElement().asString()
        .contains("fixtures.relay.UsesInternals").contains("fixtures.executor.internal.Hidden");
  }

  @Test
  void aLibraryKnowingAServiceOrExecutorCoreKnowingPlatformFails() {
    assertThat(violations(ArchitectureRules.librariesKnowNoService(FIXTURES)))
        .anySatisfy(v -> assertThat(v).contains("fixtures.platform.KnowsRelay").contains("fixtures.relay"))
        .anySatisfy(v -> assertThat(v).contains("fixtures.executor.KnowsPlatform").contains("fixtures.platform"))
        .noneSatisfy(v -> assertThat(v).contains("fixtures.indexer"));
  }

  @Test
  void aServiceKnowingAnotherServiceFails() {
    assertThat(violations(ArchitectureRules.servicesKnowNoOtherService(FIXTURES)))
        .singleElement().asString()
        .contains("fixtures.indexer.KnowsRelay").contains("fixtures.relay.UsesInternals");
  }

  @Test
  void aPackageCycleFails() {
    assertThat(violations(ArchitectureRules.packageCycles(FIXTURES)))
        .singleElement().asString().contains("procedure.a").contains("procedure.b");
  }

  @Test
  void aModuleTestThatImportedNoClassFails() {
    JavaClasses none = new ClassFileImporter().importPackages(FIXTURES + ".nothing");
    assertThatThrownBy(() -> ArchitectureRules.productionPackagesAreFreeOfCycles(none))
        .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
  }

  @Test
  void productionCodeIsWhatSrcMainCompiles() {
    JavaClasses classes = new ClassFileImporter().importClasses(ArchitectureRulesTest.class,
        io.wasmhive.executor.WasmValue.class);
    assertThat(ArchitectureRules.PRODUCTION_CODE.test(classes.get(io.wasmhive.executor.WasmValue.class))).isTrue();
    assertThat(ArchitectureRules.PRODUCTION_CODE.test(classes.get(ArchitectureRulesTest.class))).isFalse();
  }

  private static List<String> violations(ArchRule rule) {
    return violations(rule, FIXTURE_CLASSES);
  }

  private static List<String> violations(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    return result.getFailureReport().getDetails();
  }
}
