package io.wasmhive.workflow.run;

import io.wasmhive.workflow.chain.ChainSession;
import io.wasmhive.workflow.verify.RpcRecording;
import io.wasmhive.workflow.verify.Verification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A run as it goes: its steps, handed to the sink after each change, and the run's final view. Not thread-safe (one
 * run on one thread).
 */
final class RunProgress {

  private final RunView start;
  private final List<StepView> steps;
  private final Consumer<RunView> sink;
  private final Clock clock;
  private final RunListener listener;
  private final java.util.Set<Integer> started = new java.util.HashSet<>();
  private RpcRecording recording;
  private Verification verification;

  RunProgress(RunView start, List<StepView> steps, Consumer<RunView> sink, Clock clock, RunListener listener) {
    this.start = start;
    this.steps = new ArrayList<>(steps);
    this.sink = sink;
    this.clock = clock;
    this.listener = listener;
    this.recording = start.rpcRecording();
  }

  /** Step {@code index} starts: the listener hears of it. */
  void started(int index) {
    started.add(index);
    listener.stepStarted(start, steps.get(index));
  }

  StepView step(int index) {
    return steps.get(index);
  }

  void set(int index, StepView step) {
    steps.set(index, step);
    if (started.remove(index)) {
      listener.stepFinished(start, step);
    }
    // After the last step the final state is written at once; a progress write then would only cost time.
    if (steps.stream().anyMatch(s -> "pending".equals(s.status()))) {
      sink.accept(view(RunStatus.RUNNING, null, null, Map.of(), start.wasmRefContext(), start.dataRefContext(),
          null));
    }
  }

  /** The leader's recording, shown with the finished run. */
  void recording(RpcRecording recording) {
    this.recording = recording;
  }

  /** A verifying run's conclusion, shown with the finished run. */
  void verification(Verification verification) {
    this.verification = verification;
  }

  RunView failed(String error, ChainSession session, WasmRefContext context, DataRefContext data) {
    for (int i = 0; i < steps.size(); i++) {
      if ("pending".equals(steps.get(i).status())) {
        steps.set(i, steps.get(i).skipped());
      }
    }
    return finished(RunStatus.FAILED, error, null, session, context, data);
  }

  RunView finished(RunStatus status, String error, Boolean skipped, ChainSession session, WasmRefContext context,
      DataRefContext data) {
    return view(status, error, skipped, blocks(session), context, data, clock.instant());
  }

  /** Every chain's pinned block, decimal, by decimal chain id. */
  static Map<String, String> blocks(ChainSession session) {
    Map<String, String> blocks = new LinkedHashMap<>();
    session.pinnedBlocks().forEach((chain, block) -> blocks.put(String.valueOf(chain), String.valueOf(block)));
    return blocks;
  }

  private RunView view(RunStatus status, String error, Boolean skipped, Map<String, String> blocks,
      WasmRefContext context, DataRefContext data, java.time.Instant finishedAt) {
    return new RunView(start.id(), start.workflowId(), start.jobId(), start.chainId(), start.mode(), status, error,
        skipped, start.attempts(), start.createdAt(), start.startedAt(), finishedAt, blocks, List.copyOf(steps),
        context, data, recording, verification, start.execute());
  }
}
