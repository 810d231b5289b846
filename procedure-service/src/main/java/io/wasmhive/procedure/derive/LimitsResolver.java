package io.wasmhive.procedure.derive;

import io.wasmhive.procedure.derive.engine.MessageLimits;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;

/** Resolves requested per-message limits against {@code derivation.defaults} and {@code derivation.maxima}. */
final class LimitsResolver {

  private final MessageLimits defaults;
  private final MessageLimits maxima;

  LimitsResolver(DerivationProperties p) {
    this.defaults = new MessageLimits(p.defaults().maxGas(), p.defaults().maxTime().toMillis(),
        p.defaults().maxMemory().toBytes(), p.defaults().maxDbBytes().toBytes());
    this.maxima = new MessageLimits(p.maxima().maxGas(), p.maxima().maxTime().toMillis(),
        p.maxima().maxMemory().toBytes(), p.maxima().maxDbBytes().toBytes());
  }

  MessageLimits resolve(LimitsSpec spec) {
    if (spec == null) {
      return defaults;
    }
    return new MessageLimits(
        pick("max_gas", spec.maxGas(), defaults.maxGas(), maxima.maxGas()),
        pick("max_time_ms", spec.maxTimeMs(), defaults.maxTimeMs(), maxima.maxTimeMs()),
        pick("max_memory", spec.maxMemory(), defaults.maxMemory(), maxima.maxMemory()),
        pick("max_db_bytes", spec.maxDbBytes(), defaults.maxDbBytes(), maxima.maxDbBytes()));
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
