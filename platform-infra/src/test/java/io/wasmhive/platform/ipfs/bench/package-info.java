/**
 * JMH benchmarks of IPFS content addressing (not tests: surefire does not run them). Run them with
 * {@code scripts/bench-ipfs.sh}; results and the machine go to {@code docs/benchmarks.md}.
 */
package io.wasmhive.platform.ipfs.bench;
