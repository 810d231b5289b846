package io.wasmhive.workflow.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a verifying run concluded: {@code verified} (every WebAssembly step re-executed against the recording gave
 * the leader's result with exactly the leader's requests), {@code diverged} (the first {@link Divergence}), or
 * {@code refused} (the contexts cannot be verified at all: a module that no longer matches its {@code wasmHash}, an
 * incomplete recording, a recording of another job; {@code reason} says which).
 *
 * @param status {@code verified}, {@code diverged} or {@code refused}
 * @param recordingHash the recording's hash as computed by the verifier
 * @param steps how many WebAssembly steps were re-executed and matched
 * @param divergence the first divergence ({@code diverged} only)
 * @param reason why verification was refused ({@code refused} only)
 */
@JsonPropertyOrder({"status", "recordingHash", "steps", "divergence", "reason"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(String status, String recordingHash, Integer steps, Divergence divergence,
    String reason) {

  public static Verification verified(String recordingHash, int steps) {
    return new Verification("verified", recordingHash, steps, null, null);
  }

  public static Verification diverged(String recordingHash, int steps, Divergence divergence) {
    return new Verification("diverged", recordingHash, steps, divergence, null);
  }

  public static Verification refused(String recordingHash, String reason) {
    return new Verification("refused", recordingHash, null, null, reason);
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isVerified() {
    return "verified".equals(status);
  }

  /** The run's error for a verification that did not succeed. */
  public String error() {
    if (divergence != null) {
      return "verification failed: " + (divergence.step() == null ? "" : "step " + divergence.step() + " ("
          + divergence.wasmId() + ") ") + divergence.field() + ": expected " + divergence.expected() + ", got "
          + divergence.got();
    }
    return "verification refused: " + reason;
  }
}
