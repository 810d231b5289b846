package io.wasmhive.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The module boundaries, defined once. Every module checks them on its own classes with a test of a few lines,
 * {@code @AnalyzeClasses(packages = "io.wasmhive.<module>")} and {@code ArchTests.in(ArchitectureRules.class)}, so that
 * {@code ./mvnw verify} fails on the first arrow that crosses them; the rules come with the guest corpus in
 * executor-core's test jar. Each rule is also a function of the root package, so that {@code ArchitectureRulesTest}
 * can show it failing on fixtures.
 *
 * <ul>
 *   <li>executor-core's {@code internal} packages are its own: no class outside {@code executor} uses them;
 *   <li>the libraries know no service: executor-core and platform-infra depend on no service package, and
 *       executor-core on neither platform-infra nor Spring;
 *   <li>services are independent: no service depends on another service's packages;
 *   <li>no package cycles in production code: every package is a slice, and no slices depend on each other in a
 *       cycle. Test code is left out (a test helper package and the packages it tests may know each other), and so
 *       are the two exceptions below, each named and narrow.
 * </ul>
 */
public final class ArchitectureRules {

  /** The root package of the platform. */
  public static final String ROOT = "io.wasmhive";

  /** The services, by their package under the root. */
  public static final List<String> SERVICES = List.of("relay", "workflow", "indexer", "procedure");

  /** Classes compiled from {@code src/main}: neither under {@code target/test-classes} nor in a test jar. */
  public static final DescribedPredicate<JavaClass> PRODUCTION_CODE = DescribedPredicate.describe(
      "production code",
      c -> c.getSource().map(s -> new ImportOption.DoNotIncludeTests().includes(Location.of(s.getUri())))
          .orElse(true));

  /**
   * By design: executor-core's two public entry points assemble the engine. {@code WasmExecutor.create} builds the
   * registry, pool, runner and Wasmtime engine of {@code internal} (or takes a {@code WasmEngine} of the
   * {@code engine} SPI), and {@code ModuleValidator} runs {@code internal.wasm}'s parser; those classes in turn use
   * public types (options, tasks, values, exceptions). Their arrows into {@code internal} and {@code engine} are not
   * counted; any other public class that uses either package closes a cycle and fails the rule.
   */
  static final DescribedPredicate<? super JavaClass> EXECUTOR_ENTRY_POINTS =
      nameMatching("io\\.wasmhive\\.executor\\.(WasmExecutor|ModuleValidator)(\\$.*)?")
          .as("executor-core's entry points (WasmExecutor, ModuleValidator)");

  static final DescribedPredicate<JavaClass> EXECUTOR_ASSEMBLED_PACKAGES =
      resideInAnyPackage(ROOT + ".executor.internal..", ROOT + ".executor.engine..");

  /**
   * Frozen, issue 11: the public package uses {@code engine.ValueType} ({@code ModuleInfo.Signature},
   * {@code WasmValue}) while the engine SPI uses {@code WasmValue}, so {@code executor} and {@code executor.engine}
   * form a cycle. The module-loading work of issue 11 moves {@code ValueType} to the public package, which removes
   * these arrows; delete this exception (and its use below) with that merge. Nothing else is ignored: a new arrow
   * between the two packages fails the rule.
   */
  static final DescribedPredicate<JavaClass> ISSUE_11_VALUE_TYPE_USERS = resideInAPackage(ROOT + ".executor");

  static final DescribedPredicate<? super JavaClass> ISSUE_11_ENGINE_VALUE_TYPE = name(ROOT + ".executor.engine.ValueType")
      .as(ROOT + ".executor.engine.ValueType");

  @ArchTest
  static final ArchRule EXECUTOR_INTERNALS_STAY_IN_EXECUTOR_CORE = executorInternalsStayInExecutorCore(ROOT);

  @ArchTest
  static final ArchRule LIBRARIES_KNOW_NO_SERVICE = librariesKnowNoService(ROOT);

  @ArchTest
  static final ArchRule SERVICES_KNOW_NO_OTHER_SERVICE = servicesKnowNoOtherService(ROOT);

  private ArchitectureRules() {
  }

  /** No package cycles in this module's production code; fails as well when no production class was imported. */
  @ArchTest
  static void productionPackagesAreFreeOfCycles(JavaClasses classes) {
    packageCycles(ROOT)
        .ignoreDependency(EXECUTOR_ENTRY_POINTS, EXECUTOR_ASSEMBLED_PACKAGES)
        .ignoreDependency(ISSUE_11_VALUE_TYPE_USERS, ISSUE_11_ENGINE_VALUE_TYPE)
        .check(classes.that(PRODUCTION_CODE));
  }

  /** No class outside {@code <root>.executor..} depends on {@code <root>.executor.internal..}. */
  public static ArchRule executorInternalsStayInExecutorCore(String root) {
    return noClasses().that().resideOutsideOfPackage(root + ".executor..")
        .should().dependOnClassesThat().resideInAPackage(root + ".executor.internal..")
        .because("executor-core's internal packages are not an API (CONVENTIONS.md 3)")
        .allowEmptyShould(true);
  }

  /** executor-core and platform-infra depend on no service; executor-core on neither platform-infra nor Spring. */
  public static ArchRule librariesKnowNoService(String root) {
    ArchRule noService = noClasses().that().resideInAnyPackage(root + ".executor..", root + ".platform..")
        .should().dependOnClassesThat().resideInAnyPackage(packagesOf(root, SERVICES))
        .because("the libraries sit below every service")
        .allowEmptyShould(true);
    ArchRule engineAlone = noClasses().that().resideInAPackage(root + ".executor..")
        .should().dependOnClassesThat().resideInAnyPackage(root + ".platform..", "org.springframework..")
        .because("executor-core is plain Java and knows nothing of Spring (CONVENTIONS.md 2)")
        .allowEmptyShould(true);
    return CompositeArchRule.of(noService).and(engineAlone);
  }

  /** No service depends on another service's packages. */
  public static ArchRule servicesKnowNoOtherService(String root) {
    List<ArchRule> rules = new ArrayList<>();
    for (String service : SERVICES) {
      List<String> others = new ArrayList<>(SERVICES);
      others.remove(service);
      rules.add(noClasses().that().resideInAPackage(root + "." + service + "..")
          .should().dependOnClassesThat().resideInAnyPackage(packagesOf(root, others))
          .because("services share code only through executor-core and platform-infra")
          .allowEmptyShould(true));
    }
    return CompositeArchRule.of(rules);
  }

  /** Every package under {@code root} is a slice; the slices are free of cycles. */
  public static SliceRule packageCycles(String root) {
    return slices().matching(root + ".(**)").namingSlices("$1").should().beFreeOfCycles();
  }

  private static String[] packagesOf(String root, List<String> services) {
    return services.stream().map(s -> root + "." + s + "..").toArray(String[]::new);
  }
}
