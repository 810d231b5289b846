package io.wasmhive.workflow.wasm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of WebAssembly steps and of the Ditto WASM server API ({@code workflow.wasm.*}). Defaults live here and
 * only here; they are the simulator's ({@code MAX_TIMEOUT_MS}, {@code MAX_STDOUT_BYTES}, {@code MAX_STDERR_BYTES},
 * {@code MAX_WASM_BYTES}, {@code MAX_BODY_BYTES}). Clients may ask for less, never for more. Validated when bound.
 *
 * @param defaultTimeout the wall-clock time a step gets when it names none (a workflow's absent
 *     {@code wasmTimeoutMs})
 * @param maxTimeout the ceiling every requested timeout is clamped to
 * @param maxStdoutBytes the most bytes a guest may write to stdout; one more ends it
 * @param maxStderrBytes the most bytes a guest may write to stderr; one more ends it
 * @param maxModuleBytes the largest module accepted, in bytes
 * @param maxBodyBytes the largest {@code POST /wasm/run} body accepted, in bytes
 */
@ConfigurationProperties("workflow.wasm")
public record WasmStepProperties(
    @DefaultValue("2000ms") Duration defaultTimeout,
    @DefaultValue("2000ms") Duration maxTimeout,
    @DefaultValue("262144") long maxStdoutBytes,
    @DefaultValue("262144") long maxStderrBytes,
    @DefaultValue("10485760") long maxModuleBytes,
    @DefaultValue("12582912") long maxBodyBytes) {

  public WasmStepProperties {
    require(maxTimeout.toMillis() >= 1, "workflow.wasm.max-timeout must be at least 1 ms");
    require(defaultTimeout.toMillis() >= 1, "workflow.wasm.default-timeout must be at least 1 ms");
    require(maxStdoutBytes >= 0 && maxStderrBytes >= 0, "workflow.wasm.max-stdout-bytes and max-stderr-bytes must not be negative");
    require(maxModuleBytes >= 8, "workflow.wasm.max-module-bytes must be at least 8");
    require(maxBodyBytes >= 1, "workflow.wasm.max-body-bytes must be positive");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
