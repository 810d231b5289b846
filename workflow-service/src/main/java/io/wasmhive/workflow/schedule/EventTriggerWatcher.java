package io.wasmhive.workflow.schedule;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.wasmhive.platform.chainwatch.ChainCursor;
import io.wasmhive.platform.chainwatch.CursorKey;
import io.wasmhive.platform.chainwatch.LogWatcher;
import io.wasmhive.platform.chainwatch.MongoChainCursorStore;
import io.wasmhive.platform.chainwatch.Web3jChain;
import io.wasmhive.workflow.chain.ChainEndpoints;
import io.wasmhive.workflow.sdk.Trigger;
import io.wasmhive.workflow.sdk.Workflow;
import io.wasmhive.workflow.store.WorkflowStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Watches workflows' {@code event} triggers (logs, with the shared {@link LogWatcher}) and {@code onchain} triggers
 * (a read at each new confirmed head), on the instance that holds the schedule lease: each poll looks at (a batch
 * of) the active watched schedules, and for each event trigger reads its contract's logs with the trigger's topics
 * from its cursor ({@value #CURSORS}, one per workflow and trigger, the first one set at the chain's confirmed head
 * when the watcher first sees the trigger) up to the confirmed head, at most {@code maxRangesPerPoll} ranges, each
 * matching log firing the workflow once
 * ({@link ScheduleService#fireEvent}). A chain without an endpoint, a trigger that cannot be read and a chain that
 * fails are noted on the schedule ({@code watches}) and do not stop the others; a failed chain is asked again after
 * a pause that doubles up to {@code maxBackoff}. One poll at a time (on its {@code BackoffPoller}'s thread).
 */
class EventTriggerWatcher {

  private static final Logger log = LoggerFactory.getLogger(EventTriggerWatcher.class);

  /** The collection of the triggers' cursors. */
  static final String CURSORS = "workflow_trigger_cursors";

  private final ScheduleStore schedules;
  private final ScheduleService service;
  private final WorkflowStore workflows;
  private final ChainEndpoints endpoints;
  private final LeaderLease lease;
  private final TriggerProperties properties;
  private final MongoChainCursorStore cursors;
  private final LogWatcher watcher;
  private final Clock clock;
  private final IntervalFunction backoff;
  private final Map<Long, Web3jChain> chains = new ConcurrentHashMap<>();
  private final Map<Long, Web3j> clients = new ConcurrentHashMap<>();
  private final Map<Long, Failing> failing = new HashMap<>();
  private final Map<String, Document> noted = new HashMap<>();
  private String lastPolled;

  /** A chain that failed: how often in a row, and when to ask it again. */
  private record Failing(int times, Instant retryAt, String reason) {
  }

  /** Whose cursor: one workflow's trigger. */
  private record TriggerKey(String workflowId, int trigger, long chainId, String contract) implements CursorKey {

    @Override
    public String id() {
      return workflowId + ":" + trigger;
    }

    @Override
    public Map<String, Object> labels() {
      return Map.of("workflowId", workflowId, "trigger", trigger, "chainId", chainId, "contract", contract);
    }
  }

  EventTriggerWatcher(ScheduleStore schedules, ScheduleService service, WorkflowStore workflows,
      ChainEndpoints endpoints, LeaderLease lease, TriggerProperties properties, MongoChainCursorStore cursors,
      Clock clock) {
    this.schedules = schedules;
    this.service = service;
    this.workflows = workflows;
    this.endpoints = endpoints;
    this.lease = lease;
    this.properties = properties;
    this.cursors = cursors;
    this.watcher = new LogWatcher(cursors, properties.confirmations(), properties.maxBlockRange());
    this.clock = clock;
    this.backoff = IntervalFunction.ofExponentialBackoff(properties.pollInterval(), 2.0, properties.maxBackoff());
  }

  /** One poll, when this instance holds the lease; answers how many logs fired a workflow. */
  int pollOnce() {
    if (!lease.acquireOrRenew()) {
      return 0;
    }
    Map<Long, Long> safeHeads = new HashMap<>();
    int fired = 0;
    List<Schedule> page = schedules.watched(lastPolled, properties.batch());
    for (Schedule schedule : page) {
      Optional<Workflow> workflow = workflows.find(schedule.workflowId()).map(w -> w.document().workflow());
      if (workflow.isPresent()) {
        fired += poll(schedule.workflowId(), workflow.get(), safeHeads);
      }
    }
    // More than a batch: the next poll takes the next page, and after the last page starts from the first again.
    lastPolled = page.size() < properties.batch() ? null : page.get(page.size() - 1).workflowId();
    return fired;
  }

  private int poll(String workflowId, Workflow workflow, Map<Long, Long> safeHeads) {
    List<Trigger> triggers = workflow.triggers();
    int fired = 0;
    for (int index = 0; index < triggers.size(); index++) {
      String type = triggers.get(index).type();
      if (!type.equals("event") && !type.equals("onchain")) {
        continue;
      }
      EventTrigger trigger = null;
      OnchainTrigger read = null;
      try {
        if (type.equals("event")) {
          trigger = EventTrigger.of(triggers.get(index), index);
        } else {
          read = OnchainTrigger.of(triggers.get(index), index);
        }
      } catch (IllegalArgumentException e) {
        note(workflowId, index, "invalid", null, e.getMessage());
        continue;
      }
      long chainId = trigger != null ? trigger.chainId() : read.chainId();
      Optional<Web3jChain> chain = chain(chainId);
      if (chain.isEmpty()) {
        note(workflowId, index, "unavailable", null, "no endpoint is configured for chain " + chainId
            + " (RPC_URL_" + chainId + " or workflow.chain.endpoints." + chainId + ")");
        continue;
      }
      Failing failed = failing.get(chainId);
      if (failed != null && clock.instant().isBefore(failed.retryAt())) {
        note(workflowId, index, "unavailable", null, failed.reason());
        continue;
      }
      try {
        Long safeHead = safeHeads.get(chainId);
        if (safeHead == null) {
          safeHead = watcher.safeHead(chain.get().headBlock());
          safeHeads.put(chainId, safeHead);
        }
        fired += trigger != null ? poll(workflowId, workflow, trigger, chain.get(), safeHead)
            : poll(workflowId, workflow, read, chain.get(), safeHead);
        failing.remove(chainId);
      } catch (ScheduleService.StopWatching e) {
        log.debug("workflow {}: stopped watching for now: {}", workflowId, e.getMessage());
        return fired;
      } catch (RuntimeException e) {
        int times = failed == null ? 1 : failed.times() + 1;
        Instant retryAt = clock.instant().plusMillis(backoff.apply(times));
        String reason = "chain " + chainId + " failed " + times + " time(s) in a row, asked again after "
            + retryAt + ": " + e.getMessage();
        failing.put(chainId, new Failing(times, retryAt, reason));
        log.warn("workflow {}: watching {} trigger {} failed: {}", workflowId, type, index, reason);
        note(workflowId, index, "unavailable", null, reason);
      }
    }
    return fired;
  }

  private int poll(String workflowId, Workflow workflow, EventTrigger trigger, Web3jChain chain, long safeHead) {
    TriggerKey key = new TriggerKey(workflowId, trigger.index(), trigger.chainId(), trigger.filter().address());
    if (cursors.load(key).isEmpty()) {
      // Watching starts at the confirmed head the first time the watcher sees the trigger.
      cursors.save(key, ChainCursor.afterBlock(Math.max(-1, safeHead)));
    }
    int[] fired = {0};
    try {
      watcher.pollOnce(key, (from, to) -> chain.logs(trigger.filter(), from, to), safeHead, ChainCursor.afterBlock(
          Math.max(-1, safeHead)), properties.maxRangesPerPoll(), entry -> {
            if (service.fireEvent(workflowId, workflow, trigger, entry)) {
              fired[0]++;
            }
          });
    } finally {
      cursors.load(key).ifPresent(c -> note(workflowId, trigger.index(), "watching", c.block(), null));
    }
    return fired[0];
  }

  /**
   * One look at an onchain trigger: when the confirmed head moved past its cursor, the read is made at the confirmed
   * head (not at every block in between) and fires the workflow when the condition holds; the cursor is then past
   * that block.
   */
  private int poll(String workflowId, Workflow workflow, OnchainTrigger trigger, Web3jChain chain, long safeHead) {
    TriggerKey key = new TriggerKey(workflowId, trigger.index(), trigger.chainId(), trigger.target());
    ChainCursor cursor = cursors.load(key).orElse(ChainCursor.afterBlock(Math.max(-1, safeHead - 1)));
    if (safeHead < 0 || cursor.nextBlock() > safeHead) {
      note(workflowId, trigger.index(), "watching", cursor.block(), null);
      return 0;
    }
    boolean fired = trigger.holds(chain.call(trigger.target(), trigger.data(), safeHead))
        && service.fireOnchain(workflowId, workflow, trigger, safeHead);
    cursors.save(key, ChainCursor.afterBlock(safeHead));
    note(workflowId, trigger.index(), "watching", safeHead, null);
    return fired ? 1 : 0;
  }

  /** The chain's client, made on first use from the configured endpoint, or empty without one. */
  private Optional<Web3jChain> chain(long chainId) {
    Optional<URI> url = endpoints.url(chainId);
    if (url.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(chains.computeIfAbsent(chainId, id -> {
      Web3j web3j = Web3j.build(new HttpService(url.get().toString()));
      clients.put(id, web3j);
      return new Web3jChain(web3j, Retry.of("workflow-trigger-chain-" + id, Web3jChain.DEFAULT_RETRY));
    }));
  }

  /** Notes the trigger's state on its schedule when it changed since the last note. */
  private void note(String workflowId, int index, String state, Long block, String reason) {
    Document watch = new Document("state", state).append("block", block).append("reason", reason);
    String id = workflowId + ":" + index;
    if (watch.equals(noted.get(id))) {
      return;
    }
    noted.put(id, watch);
    schedules.noteWatch(workflowId, index, new Document(watch).append("at", Date.from(clock.instant())));
  }

  /** Closes the chains' clients. */
  void close() {
    clients.values().forEach(Web3j::shutdown);
    clients.clear();
    chains.clear();
  }
}
