/**
 * procedure-service: serves stored procedures: named WebAssembly modules that callers invoke over HTTP.
 *
 * <p>This package holds the application class only; each feature gets a package of its own
 * beneath it ({@code procedure.<feature>}), never a package per layer.
 */
package io.wasmhive.procedure;
