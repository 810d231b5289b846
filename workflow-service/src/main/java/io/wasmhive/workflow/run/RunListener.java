package io.wasmhive.workflow.run;

import java.util.List;

/**
 * Told what a run does as it does it, on the runner's thread: the run's events and metrics
 * ({@code io.wasmhive.workflow.events}) listen. A listener must not block for long and must not throw; what it
 * throws is logged and ignored. Every method has a default that does nothing.
 */
public interface RunListener {

  /** A listener that does nothing. */
  RunListener NONE = new RunListener() {
  };

  /** This instance claimed the run and starts it ({@code run.status()} {@code RUNNING}, its attempt counted). */
  default void runStarted(RunView run) {
  }

  /** A step of the run starts ({@code step} as it is before: pending). */
  default void stepStarted(RunView run, StepView step) {
  }

  /** A step that started is done: succeeded or failed, with its output or error. */
  default void stepFinished(RunView run, StepView step) {
  }

  /** The run's final state was written by this instance. */
  default void runFinished(RunView run) {
  }

  /**
   * A request for a run that is already final was delivered again: the instance that wrote the final state may have
   * died before it told its listeners (the run's events publish {@code run_finished} now if it is missing).
   */
  default void finishedRunRedelivered(RunView run) {
  }

  /**
   * This instance stopped running it without writing a final state (its claim was lost, or the executor was
   * overloaded and another delivery runs it again).
   */
  default void runAbandoned(RunView run) {
  }

  /** The listeners, told in order; one that throws does not keep the next from hearing. */
  static RunListener all(List<RunListener> listeners) {
    List<RunListener> each = List.copyOf(listeners);
    if (each.isEmpty()) {
      return NONE;
    }
    return new RunListener() {
      @Override
      public void runStarted(RunView run) {
        each.forEach(l -> Guarded.call(() -> l.runStarted(run)));
      }

      @Override
      public void stepStarted(RunView run, StepView step) {
        each.forEach(l -> Guarded.call(() -> l.stepStarted(run, step)));
      }

      @Override
      public void stepFinished(RunView run, StepView step) {
        each.forEach(l -> Guarded.call(() -> l.stepFinished(run, step)));
      }

      @Override
      public void runFinished(RunView run) {
        each.forEach(l -> Guarded.call(() -> l.runFinished(run)));
      }

      @Override
      public void finishedRunRedelivered(RunView run) {
        each.forEach(l -> Guarded.call(() -> l.finishedRunRedelivered(run)));
      }

      @Override
      public void runAbandoned(RunView run) {
        each.forEach(l -> Guarded.call(() -> l.runAbandoned(run)));
      }
    };
  }

  /** Runs a listener's call, logging what it throws. */
  final class Guarded {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunListener.class);

    private Guarded() {
    }

    static void call(Runnable call) {
      try {
        call.run();
      } catch (RuntimeException e) {
        log.warn("A run listener failed: {}", e.toString());
      }
    }
  }
}
