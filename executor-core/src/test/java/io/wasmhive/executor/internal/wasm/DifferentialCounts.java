package io.wasmhive.executor.internal.wasm;

/** What the engine-differential test over generated modules saw. Not thread-safe. */
final class DifferentialCounts {

  int generated;
  int rejected;
  int refusedByCandidate;
  int compared;
  int timedOut;
  int mismatches;
  long calls;
  long traps;
  long outOfGas;
  long stackOverflows;
  long nans;
  long logs;

  /** Adds what a run both engines agreed on did. */
  void add(EngineRun run) {
    calls += run.calls;
    traps += run.traps;
    outOfGas += run.outOfGas;
    nans += run.nans;
    logs += run.transcript.stream().filter(line -> line.startsWith("log-")).count();
    if ("stack overflow".equals(run.stopped)) {
      stackOverflows++;
    }
  }

  @Override
  public String toString() {
    return "modules generated " + generated + ", rejected by the parser " + rejected + ", refused by the candidate as too"
        + " large " + refusedByCandidate + ", compared " + compared
        + ", both timed out " + timedOut + ", mismatches " + mismatches + "; exports called " + calls + ", traps " + traps
        + " (out of gas " + outOfGas + ", stack overflow " + stackOverflows + "), NaN results " + nans
        + ", logging calls " + logs;
  }
}
