package io.wasmhive.workflow.verify;

/** The seed of a WebAssembly step's deterministic clock and randomness: the run's id and the step's position. */
public final class Seeds {

  private Seeds() {
  }

  /** The seed of step {@code index} of run {@code runId}; a verifier uses the leader's run id. */
  public static String of(String runId, int index) {
    return runId + "/step/" + index;
  }
}
