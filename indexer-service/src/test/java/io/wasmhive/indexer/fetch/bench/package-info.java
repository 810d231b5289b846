/**
 * JMH benchmarks of fetching modules from a loopback gateway (not tests: surefire does not run them). Run them with
 * {@code scripts/bench-indexer-fetch.sh}; results and the machine go to {@code docs/benchmarks.md}.
 */
package io.wasmhive.indexer.fetch.bench;
