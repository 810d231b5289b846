/**
 * JMH benchmarks of the executor (not tests: surefire does not run them). Run them with
 * {@code bench/run-benchmarks.sh}; results and the machine go to {@code docs/benchmarks.md}.
 */
package io.wasmhive.executor.bench;
