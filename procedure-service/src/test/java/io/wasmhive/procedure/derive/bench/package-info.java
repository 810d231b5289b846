/**
 * Comparison of the embedded SQL engines a derivation could run on (issue 16 item 4, ADR 0023): sqlite4j
 * (SQLite in WebAssembly on Chicory), H2 and xerial sqlite-jdbc (native SQLite). Not tests: surefire does not run
 * them. Run {@code scripts/bench-sql-engines.sh}; figures and the machine go to {@code docs/benchmarks.md}.
 */
package io.wasmhive.procedure.derive.bench;
