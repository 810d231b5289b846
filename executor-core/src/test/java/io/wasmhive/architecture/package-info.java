/**
 * The module boundaries every module's {@code ArchitectureTest} checks with ArchUnit ({@link
 * io.wasmhive.architecture.ArchitectureRules}), published in executor-core's test jar.
 */
package io.wasmhive.architecture;
