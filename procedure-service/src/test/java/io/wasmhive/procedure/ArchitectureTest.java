package io.wasmhive.procedure;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.wasmhive.architecture.ArchitectureRules;

/** The module boundaries (executor-core's test jar), checked on this module's main and test classes. */
@AnalyzeClasses(packages = "io.wasmhive.procedure")
class ArchitectureTest {

  @ArchTest
  static final ArchTests BOUNDARIES = ArchTests.in(ArchitectureRules.class);
}
