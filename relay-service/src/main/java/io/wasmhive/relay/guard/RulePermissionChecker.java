package io.wasmhive.relay.guard;

import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The local permission rules: those of the configuration first, then those of MongoDB, first match wins, else
 * the default effect. MongoDB's rules are read at construction and then every {@code refresh} on a daemon
 * thread; when a read fails the last rules read stay in force and the state is degraded until a read
 * succeeds. Thread-safe; {@link #check} never blocks. {@link #close()} stops the refresh thread.
 */
final class RulePermissionChecker implements PermissionChecker, AutoCloseable {

  private static final Log logger = LogFactory.getLog(RulePermissionChecker.class);

  private final List<PermissionRule> configured;

  private final PermissionRule.Effect defaultEffect;

  private final MongoPermissionRules mongo;

  private final ScheduledExecutorService refresher;

  private volatile List<PermissionRule> stored = List.of();

  private volatile boolean refreshFailing;

  /** Rules from configuration and, when {@code mongo} is not null, from MongoDB every {@code refresh}. */
  RulePermissionChecker(List<PermissionRule> configured, PermissionRule.Effect defaultEffect,
      MongoPermissionRules mongo, Duration refresh) {
    this.configured = List.copyOf(configured);
    this.defaultEffect = defaultEffect;
    this.mongo = mongo;
    if (mongo == null) {
      this.refresher = null;
      return;
    }
    refresh();
    this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "relay-permission-rules");
      thread.setDaemon(true);
      return thread;
    });
    refresher.scheduleWithFixedDelay(this::refresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public PermissionDecision check(PermissionRequest request) {
    PermissionDecision decision = firstMatch(configured, request, "configuration");
    if (decision == null) {
      decision = firstMatch(stored, request, MongoPermissionRules.COLLECTION);
    }
    if (decision != null) {
      return decision;
    }
    return defaultEffect == PermissionRule.Effect.ALLOW
        ? PermissionDecision.allow("no rule matched; allowed by default")
        : PermissionDecision.deny("no rule allows user " + request.userId() + " to run " + request.moduleRef());
  }

  private static PermissionDecision firstMatch(List<PermissionRule> rules, PermissionRequest request,
      String source) {
    for (int i = 0; i < rules.size(); i++) {
      PermissionRule rule = rules.get(i);
      if (rule.matches(request)) {
        String reason = "rule " + (i + 1) + " of " + source;
        return rule.effect() == PermissionRule.Effect.ALLOW
            ? PermissionDecision.allow("allowed by " + reason)
            : PermissionDecision.deny("user " + request.userId() + " may not run " + request.moduleRef()
                + " (denied by " + reason + ")");
      }
    }
    return null;
  }

  /** Reads MongoDB's rules now; keeps the previous ones when that fails. */
  void refresh() {
    try {
      stored = mongo.load();
      if (refreshFailing) {
        logger.info("Permission rules are read from MongoDB again");
      }
      refreshFailing = false;
    } catch (RuntimeException failure) {
      if (!refreshFailing) {
        logger.warn("Cannot read the permission rules from MongoDB (" + failure.getMessage()
            + "); the last rules read stay in force");
      }
      refreshFailing = true;
    }
  }

  @Override
  public FeatureState state() {
    // The failure's class is for the log above; the health report is public and says what it means.
    return !refreshFailing ? FeatureState.up()
        : FeatureState.degraded("permission rules from MongoDB could not be refreshed; the last rules read apply");
  }

  @Override
  public void close() {
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }

  /** Whether the refresh thread has stopped; for tests of {@link #close()}. */
  boolean refresherStopped() {
    return refresher == null || refresher.isTerminated();
  }
}
