package io.wasmhive.procedure.catalog;

import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.procedure.config.ProcedureProperties;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.Limits;

/** Resolves a procedure's requested limits against the server's defaults and maxima. */
final class LimitsPolicy {

  private static final long WASM_PAGE = 65_536;

  private final Limits defaults;
  private final Limits maxima;

  LimitsPolicy(ProcedureProperties properties) {
    ProcedureProperties.Defaults d = properties.defaults();
    ProcedureProperties.Maxima m = properties.maxima();
    this.defaults = new Limits(d.maxMemory().toBytes(), d.maxTime().toMillis(), d.maxGas());
    this.maxima = new Limits(m.maxMemory().toBytes(), m.maxTime().toMillis(), m.maxGas());
  }

  /** The limits to store: each requested value checked, each missing one the default. */
  Limits resolve(CreateCommand.LimitsSpec requested) {
    if (requested == null) {
      return defaults;
    }
    return new Limits(
        pick("max_memory", requested.maxMemory(), defaults.maxMemory(), maxima.maxMemory()),
        pick("max_time_ms", requested.maxTimeMs(), defaults.maxTimeMs(), maxima.maxTimeMs()),
        pick("max_gas", requested.maxGas(), defaults.maxGas(), maxima.maxGas()));
  }

  /** Fails with {@code BAD_REQUEST} when the module's initial memory alone exceeds {@code max_memory}. */
  void requireRoomFor(ModuleInfo module, Limits resolved) {
    long initialBytes = module.initialMemoryPages() * WASM_PAGE;
    if (initialBytes > resolved.maxMemory()) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "limits.max_memory " + resolved.maxMemory()
          + " is below the module's initial memory of " + initialBytes + " bytes");
    }
  }

  private static long pick(String field, Long requested, long fallback, long max) {
    if (requested == null) {
      return fallback;
    }
    if (requested <= 0 || requested > max) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST,
          "limits." + field + " must be between 1 and the server maximum " + max + ", got " + requested);
    }
    return requested;
  }
}
