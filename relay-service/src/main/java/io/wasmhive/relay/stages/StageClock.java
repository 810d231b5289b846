package io.wasmhive.relay.stages;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time-stamps one request in {@code sampleEvery} at each {@link Stage}, on whichever thread of this process the
 * request passes (HTTP thread, executor consumer), and logs one line per sampled request when it is answered:
 * {@code stages request=<id> received=0 rate_limit=<µs> … total=<µs>}. Requests executed by another instance
 * miss the consumer's stages. Costs one counter increment per request when sampling, nothing when off.
 * Thread-safe; never blocks.
 */
public final class StageClock {

  /** A clock that samples nothing. */
  public static final StageClock OFF = new StageClock(0);

  private static final Logger log = LoggerFactory.getLogger(StageClock.class);

  private static final Stage[] STAGES = Stage.values();

  /** How many sampled requests may be in flight at once; further ones are not sampled. */
  private static final int MAX_IN_FLIGHT = 10_000;

  private final int sampleEvery;
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, Trace> inFlight = new ConcurrentHashMap<>();

  public StageClock(int sampleEvery) {
    this.sampleEvery = sampleEvery;
  }

  /** A trace of the request starting now: a real one for a sampled request, a no-op one otherwise. */
  public Trace start() {
    if (sampleEvery == 0 || requests.incrementAndGet() % sampleEvery != 0 || inFlight.size() >= MAX_IN_FLIGHT) {
      return Trace.NONE;
    }
    Trace trace = new Trace(this);
    trace.mark(Stage.RECEIVED);
    return trace;
  }

  /** Marks the stage of the request if it is sampled and in flight in this process. */
  public void mark(String requestId, Stage stage) {
    if (!inFlight.isEmpty()) {
      Trace trace = inFlight.get(requestId);
      if (trace != null) {
        trace.mark(stage);
      }
    }
  }

  /** One sampled request's time stamps; {@link #NONE} records nothing. Thread-safe. */
  public static class Trace {

    /** The trace of a request that is not sampled. */
    public static final Trace NONE = new Trace(null);

    private final StageClock clock;
    private final long[] nanos = new long[STAGES.length];
    private volatile String requestId;

    private Trace(StageClock clock) {
      this.clock = clock;
    }

    /** Time-stamps the stage now. */
    public void mark(Stage stage) {
      if (clock != null) {
        nanos[stage.ordinal()] = System.nanoTime();
      }
    }

    /** Names the request, so that other threads can mark its stages by id. */
    public void bind(String id) {
      if (clock != null) {
        requestId = id;
        clock.inFlight.put(id, this);
      }
    }

    /** The request was answered (or refused): logs its line if every stage up to the last one was reached. */
    public void end() {
      if (clock == null) {
        return;
      }
      if (requestId != null) {
        clock.inFlight.remove(requestId);
      }
      if (nanos[STAGES.length - 1] != 0) {
        log.info(line());
      }
    }

    /** The log line: the request id, each stage's microseconds since the previous stage reached, the total. */
    String line() {
      StringBuilder out = new StringBuilder("stages request=").append(requestId);
      long previous = nanos[0];
      for (Stage stage : STAGES) {
        long at = nanos[stage.ordinal()];
        out.append(' ').append(stage.label()).append('=');
        if (at == 0) {
          out.append('-');
        } else {
          out.append((at - previous) / 1_000);
          previous = at;
        }
      }
      return out.append(" total=").append((previous - nanos[0]) / 1_000).toString();
    }
  }
}
