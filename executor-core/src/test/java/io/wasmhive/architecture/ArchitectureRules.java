package io.wasmhive.architecture;

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
 *       cycle, with no exception. Test code is left out (a test helper package and the packages it tests may know
 *       each other). executor-core's public package reaches its implementation only through
 *       {@code java.util.ServiceLoader} ({@code ExecutorProvider}), so it has no arrow into {@code internal} or
 *       {@code engine}.
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
