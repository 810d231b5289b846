package io.wasmhive.procedure.derive.engine;

/**
 * What one message may cost its reducer. Gas is the deterministic bound; time and memory are safety nets whose
 * rejections (rare by design) name only the limit, never a measured duration.
 *
 * @param maxGas gas one reduce call may consume
 * @param maxTimeMs wall-clock milliseconds one reduce call may take, its SQL included
 * @param maxMemory bytes of linear memory the reducer may have
 * @param maxDbBytes the largest canonical dump the database may have after the message
 */
public record MessageLimits(long maxGas, long maxTimeMs, long maxMemory, long maxDbBytes) {

  public MessageLimits {
    if (maxGas <= 0 || maxTimeMs <= 0 || maxMemory <= 0 || maxDbBytes <= 0) {
      throw new IllegalArgumentException("message limits must be positive");
    }
  }
}
