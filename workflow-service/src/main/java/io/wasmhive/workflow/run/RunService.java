package io.wasmhive.workflow.run;

import io.wasmhive.platform.events.Delivery;
import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventHandlingException;
import io.wasmhive.platform.security.Caller;
import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowException;
import io.wasmhive.workflow.sdk.Job;
import io.wasmhive.workflow.sdk.Workflow;
import io.wasmhive.workflow.store.StoredWorkflow;
import io.wasmhive.workflow.store.WorkflowStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs: accepted ({@link #start}: stored as queued, then announced on {@code workflow_run_requested}), driven by
 * the consumer group of every instance ({@link #handle}: claimed under a lease, run, the final state written once),
 * and read ({@link #find}). A run accepted before its instance was killed is claimed again by a consumer after
 * the lease, and its final state is written by exactly one claim. A run belongs to its workflow's tenant: callers
 * of other tenants find neither (see {@link #find(String, Caller)}). Thread-safe.
 */
public final class RunService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RunService.class);

  /** How often a waiter reads the store for a run another instance may finish. */
  static final long POLL_MILLIS = 50;

  /** How many progress writes may wait. */
  static final int PROGRESS_BACKLOG = 10_000;

  /** How many workflows an instance keeps in memory. */
  static final int WORKFLOW_CACHE_SIZE = 1_000;

  private final WorkflowStore workflows;
  private final RunStore runs;
  private final EventBus bus;
  private final JobRunner runner;
  private final RunProperties properties;
  private final JsonMapper json;
  private final Clock clock;
  private final RunListener listener;
  private final ConcurrentHashMap<String, CompletableFuture<RunView>> finishedHere = new ConcurrentHashMap<>();
  /**
   * Progress (and lease renewal) is written off the runner's thread, in order, by one thread: a runner never waits
   * for it. A progress write that arrives after the final one changes nothing (it needs the run still running). Past
   * {@value #PROGRESS_BACKLOG} waiting writes the oldest is dropped: progress is a view, the final write is not.
   */
  private final java.util.concurrent.ThreadPoolExecutor progressWriter = new java.util.concurrent.ThreadPoolExecutor(
      1, 1, 0, TimeUnit.MILLISECONDS, new java.util.concurrent.LinkedBlockingQueue<>(PROGRESS_BACKLOG), runnable -> {
        Thread thread = new Thread(runnable, "workflow-run-progress");
        thread.setDaemon(true);
        return thread;
      }, new java.util.concurrent.ThreadPoolExecutor.DiscardOldestPolicy());
  /** Stored workflows never change, so the ones this instance has read are kept (a bounded number). */
  private final Map<String, StoredWorkflow> workflowCache = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredWorkflow> eldest) {
          return size() > WORKFLOW_CACHE_SIZE;
        }
      });

  RunService(WorkflowStore workflows, RunStore runs, EventBus bus, JobRunner runner, RunProperties properties,
      JsonMapper json, Clock clock) {
    this(workflows, runs, bus, runner, properties, json, clock, RunListener.NONE);
  }

  /** A service that tells {@code listener} what its runs do (their events and metrics). */
  RunService(WorkflowStore workflows, RunStore runs, EventBus bus, JobRunner runner, RunProperties properties,
      JsonMapper json, Clock clock, RunListener listener) {
    this.listener = listener;
    this.workflows = workflows;
    this.runs = runs;
    this.bus = bus;
    this.runner = runner;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Accepts a run of the job for the service itself (a schedule's or a trigger's firing): the run acts as the
   * workflow's owner and belongs to its tenant. The run exists once this returns; if the publication fails the run
   * stays queued and the caller gets the bus's (retryable) error.
   *
   * @throws WorkflowException {@code NOT_FOUND} when the workflow or the job does not exist
   */
  public RunView start(String workflowId, String jobId) {
    StoredWorkflow workflow = stored(workflowId).orElseThrow(() -> workflowNotFound(workflowId));
    return start(workflow, jobId, RunOptions.LEADER);
  }

  /**
   * The workflow, if the caller may see it (its tenant's member or an administrator); otherwise empty, as for a
   * workflow that does not exist.
   */
  public Optional<StoredWorkflow> visibleWorkflow(String workflowId, Caller caller) {
    return stored(workflowId).filter(w -> w.visibleTo(caller));
  }

  /**
   * Accepts a run of the job of {@code workflow} in the mode of {@code options}, in the workflow's tenant; an
   * operator run carries the leader's contexts from now on. Whether the requesting caller may is checked before.
   *
   * @throws WorkflowException {@code NOT_FOUND} when the job does not exist
   */
  RunView start(StoredWorkflow stored, String jobId, RunOptions options) {
    Workflow workflow = stored.document().workflow();
    String workflowId = stored.id();
    Job job = job(workflow, jobId).orElseThrow(() -> new WorkflowException(WorkflowError.NOT_FOUND,
        "workflow " + workflowId + " has no job " + jobId + "; its jobs are " + jobIds(workflow)));
    Instant now = clock.instant();
    RunView view = new RunView(UUID.randomUUID().toString(), workflowId, jobId, job.chainId(), options.mode(),
        RunStatus.QUEUED, null, null, 0, now, null, null, Map.of(), JobRunner.pendingSteps(job),
        options.wasmRefContext(), options.dataRefContext(), options.rpcRecording(), null,
        options.execute() ? Boolean.TRUE : null);
    runs.create(new RunRecord(view.id(), workflowId, jobId, stored.tenant(), RunStatus.QUEUED, 0, null, now,
        write(view)));
    bus.publish(new WorkflowRunRequested(view.id(), now));
    return view;
  }

  /** The run as stored, its status and attempts those of the store. */
  Optional<RunView> find(String runId) {
    return runs.find(runId).map(this::view);
  }

  /**
   * The run, if the caller may see it (a member of its workflow's tenant or an administrator); otherwise empty, as
   * for a run that does not exist.
   */
  public Optional<RunView> find(String runId, Caller caller) {
    return runs.find(runId).filter(r -> r.visibleTo(caller)).map(this::view);
  }

  /** {@code NOT_FOUND} for a workflow that does not exist or that the caller may not see, in the same words. */
  public static WorkflowException workflowNotFound(String workflowId) {
    return new WorkflowException(WorkflowError.NOT_FOUND, "workflow " + workflowId + " does not exist");
  }

  /**
   * Waits until the run is final or {@code wait} (at most the configured maximum) has passed; answers its state. A
   * run finished by this instance wakes the waiter at once; one finished by another instance is seen by reading the
   * store every {@value #POLL_MILLIS} ms.
   */
  public Optional<RunView> await(String runId, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + Math.min(wait.toNanos(), properties.maxWait().toNanos());
    CompletableFuture<RunView> finished = finishedHere.computeIfAbsent(runId, id -> new CompletableFuture<>());
    try {
      while (true) {
        Optional<RunView> run = find(runId);
        long left = deadline - System.nanoTime();
        if (run.isEmpty() || run.get().status().isFinal() || left <= 0) {
          return run;
        }
        try {
          // Finished here: the view this instance wrote, without reading it back.
          return Optional.of(finished.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)),
              TimeUnit.NANOSECONDS));
        } catch (TimeoutException | ExecutionException e) {
          // Not finished here (yet): read the store again.
        }
      }
    } finally {
      finishedHere.remove(runId, finished);
    }
  }

  /** Handles one request from the stream: claims the run, runs it, writes its final state. */
  void handle(WorkflowRunRequested request, Delivery delivery) {
    Optional<RunRecord> claimed = runs.claim(request.runId(), properties.lease());
    if (claimed.isEmpty()) {
      Optional<RunRecord> existing = runs.find(request.runId());
      if (existing.isEmpty()) {
        throw EventHandlingException.notRetryable("no run " + request.runId(), null);
      }
      if (existing.get().status().isFinal()) {
        // Done already: a redelivery after the outcome was written, perhaps by a runner that died before announcing it.
        listener.finishedRunRedelivered(view(existing.get()));
        return;
      }
      throw EventHandlingException.retryable("run " + request.runId() + " is held by another runner until "
          + existing.get().leaseUntil(), null);
    }
    RunRecord run = claimed.get();
    RunView start = view(run);
    start = new RunView(start.id(), start.workflowId(), start.jobId(), start.chainId(), start.mode(),
        RunStatus.RUNNING, null, null, run.attempts(), start.createdAt(), clock.instant(), null, Map.of(),
        start.steps(), start.wasmRefContext(), start.dataRefContext(), start.rpcRecording(), null, start.execute());
    RunView finished;
    listener.runStarted(start);
    try {
      Workflow workflow = stored(run.workflowId()).map(w -> w.document().workflow()).orElseThrow(
          () -> new IllegalStateException("workflow " + run.workflowId() + " is gone"));
      Job job = job(workflow, run.jobId()).orElseThrow(
          () -> new IllegalStateException("job " + run.jobId() + " is gone"));
      int attempt = run.attempts();
      finished = runner.run(start, workflow, job, progress -> {
        String body = write(progress);
        progressWriter.execute(() -> {
          try {
            runs.progress(run.id(), attempt, body, properties.lease());
          } catch (RuntimeException e) {
            log.warn("run {}: progress not written ({}); the final state will be", run.id(), e.toString());
          }
        });
      }, listener);
    } catch (RuntimeException e) {
      if (e instanceof io.wasmhive.executor.ExecutorException ex && ex.retryable()) {
        listener.runAbandoned(start);
        throw e; // The pool is overloaded or shutting down: another delivery runs it, after the lease.
      }
      log.warn("run {} failed outside its steps", run.id(), e);
      finished = new RunView(start.id(), start.workflowId(), start.jobId(), start.chainId(), start.mode(),
          RunStatus.FAILED, "the run could not be carried out: " + e.getMessage(), null, run.attempts(),
          start.createdAt(), start.startedAt(), clock.instant(), Map.of(), start.steps(), start.wasmRefContext(),
          start.dataRefContext(), start.rpcRecording(), null, start.execute());
    }
    boolean written;
    try {
      written = runs.finish(run.id(), run.attempts(), finished.status(), write(finished));
    } catch (RuntimeException e) {
      listener.runAbandoned(start);
      throw e;
    }
    if (!written) {
      log.warn("run {} attempt {}: the claim was lost before the result was written; another attempt owns it",
          run.id(), run.attempts());
      listener.runAbandoned(start);
      return;
    }
    listener.runFinished(finished);
    CompletableFuture<RunView> waiter = finishedHere.get(run.id());
    if (waiter != null) {
      waiter.complete(finished);
    }
  }

  /** Ends the progress writer after the writes waiting for it (a few seconds at most). */
  @Override
  public void close() throws InterruptedException {
    progressWriter.shutdown();
    progressWriter.awaitTermination(5, TimeUnit.SECONDS);
  }

  private Optional<StoredWorkflow> stored(String id) {
    StoredWorkflow cached = workflowCache.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<StoredWorkflow> stored = workflows.find(id);
    stored.ifPresent(w -> workflowCache.put(id, w));
    return stored;
  }

  private RunView view(RunRecord record) {
    return json.readValue(record.body(), RunView.class).withState(record.status(), record.attempts());
  }

  private String write(RunView view) {
    return json.writeValueAsString(view);
  }

  private static Optional<Job> job(Workflow workflow, String jobId) {
    return workflow.jobs().stream().filter(j -> j.id().equals(jobId)).findFirst();
  }

  private static List<String> jobIds(Workflow workflow) {
    return workflow.jobs().stream().map(Job::id).toList();
  }
}
