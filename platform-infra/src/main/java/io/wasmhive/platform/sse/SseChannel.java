package io.wasmhive.platform.sse;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.FollowHandle;
import io.wasmhive.platform.events.StartPosition;
import io.wasmhive.platform.events.StreamIds;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One Server-Sent Events endpoint of one instance over one stream of the event bus: the bus's follow of the stream
 * (without a group, from the newest entry at start), the subscribers it fans out to, their heartbeats, and the
 * opening of a connection (the {@code retry:} hint, the bounded replay after a {@code Last-Event-ID}, then live
 * events with servlet async and non-blocking output, so an open connection holds no thread). The event ids are the
 * stream's entry ids, so a client resumes on any instance. The service answers refusals in its own error shape;
 * everything else is here. Started and stopped with the application context when it is a bean (or by its owner):
 * it stops before the web server's graceful shutdown, closing every connection, so that shutdown does not wait for
 * them. Thread-safe.
 *
 * @param <E> the endpoint's events
 */
public final class SseChannel<E extends SseEvent> implements SmartLifecycle {

  private static final Log logger = LogFactory.getLog(SseChannel.class);

  /** The request header a reconnecting {@code EventSource} sends. */
  public static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";

  /** The query parameter that stands in for the header (clients that cannot set headers). */
  public static final String LAST_EVENT_ID_PARAM = "last_event_id";

  private final String stream;
  private final SseSettings settings;
  private final EventBus bus;
  private final SseDecoder<E> decoder;
  private final SseHub<E> hub;
  private final SseReplay<E> replay;
  private ScheduledExecutorService heartbeats;
  private volatile FollowHandle follow;
  private volatile boolean running;

  public SseChannel(String stream, SseSettings settings, EventBus bus, SseDecoder<E> decoder) {
    this.stream = stream;
    this.settings = settings;
    this.bus = bus;
    this.decoder = decoder;
    this.hub = new SseHub<>(settings.maxConnections(), settings.maxConnectionsPerPrincipal());
    this.replay = new SseReplay<>(bus, stream, decoder, settings.pageSize(), settings.maxReplay());
  }

  /** The client's {@code Last-Event-ID} (header, else {@code ?last_event_id=}), trimmed, or null when it sent none. */
  public static String lastEventId(HttpServletRequest request) {
    String header = request.getHeader(LAST_EVENT_ID_HEADER);
    String value = header != null && !header.isBlank() ? header : request.getParameter(LAST_EVENT_ID_PARAM);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Whether a {@code Last-Event-ID} the client sent is one this endpoint could have sent (a stream entry id). */
  public static boolean isValidLastEventId(String id) {
    return StreamIds.isValid(id);
  }

  /** Starts following the stream and the heartbeats. Blocks for one round trip to Redis (tolerating an outage). */
  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    follow = bus.follow(stream, StartPosition.LATEST, new SseFollower<>(decoder, hub));
    heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "sse-heartbeats-" + stream);
      thread.setDaemon(true);
      return thread;
    });
    long period = settings.heartbeat().toNanos();
    // A connection that had anything queued within half a period is not idle; so an idle one hears from us
    // every period, and a busy one never waits more than one and a half.
    heartbeats.scheduleAtFixedRate(() -> hub.heartbeat(period / 2), period, period, TimeUnit.NANOSECONDS);
  }

  /** Stops the follow and the heartbeats and closes every connection. */
  @Override
  public synchronized void stop() {
    running = false;
    if (heartbeats != null) {
      heartbeats.shutdownNow();
      heartbeats = null;
    }
    if (follow != null) {
      follow.close();
    }
    hub.closeAll();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** The follow of the stream, null before {@link #start()}: whether it reaches Redis, its failures. */
  public FollowHandle follow() {
    return follow;
  }

  public String stream() {
    return stream;
  }

  public SseSettings settings() {
    return settings;
  }

  /** The subscribers (tests and health read its counts). */
  public SseHub<E> hub() {
    return hub;
  }

  /** Entries this instance's follow has read since start. */
  public long entriesRead() {
    FollowHandle current = follow;
    return current == null ? 0 : current.entriesRead();
  }

  /** Connections open or being opened on this instance. */
  public int connections() {
    return hub.connections();
  }

  /** Connections closed because they did not keep up. */
  public long closedTooSlow() {
    return hub.closedTooSlow();
  }

  /**
   * Takes a place for a connection of a principal; {@link Admission#INSTANCE_FULL} when
   * {@link SseSettings#maxConnections()} are taken (the caller answers 503 with a {@code Retry-After} of
   * {@link SseSettings#retryAfterSeconds()}), {@link Admission#PRINCIPAL_FULL} when the principal holds
   * {@link SseSettings#maxConnectionsPerPrincipal()} already (429). A place taken must be given to {@link #open}
   * with the same principal.
   */
  public Admission tryReserve(String principal) {
    return hub.tryReserve(principal);
  }

  /** Open connections of one principal on this instance. */
  public int connections(String principal) {
    return hub.connections(principal);
  }

  /**
   * Opens the event stream of a request on a place {@link #tryReserve()} took: starts async, writes the
   * {@code retry:} hint, replays (blocking, on this thread), then hands the connection to its subscriber, which
   * gets the live events its filter lets through. Returns without waiting for the stream to end.
   *
   * @param principal the principal {@link #tryReserve} took the place for
   * @param lastEventId the client's {@code Last-Event-ID} (a valid stream id) or null: what it missed is replayed,
   *     and a loss reported
   * @param historyAfter without a {@code Last-Event-ID}: replay the entries after this id (a history), or null to
   *     start with the live events
   * @param endAfterReplay whether the stream ends after the replay even if no event ended it (what it follows is
   *     over)
   */
  public void open(HttpServletRequest request, HttpServletResponse response, String principal, SseFilter<E> filter,
      String lastEventId, String historyAfter, boolean endAfterReplay) throws IOException {
    AsyncContext async;
    ServletOutputStream out;
    try {
      async = request.startAsync();
      async.setTimeout(0);
      response.setStatus(200);
      response.setContentType("text/event-stream;charset=UTF-8");
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Accel-Buffering", "no");
      out = response.getOutputStream();
    } catch (IOException | RuntimeException e) {
      hub.release(principal);
      throw e;
    }
    SseSubscriber<E> subscriber = new SseSubscriber<>(principal, filter, settings.queueCapacity(), async, out, hub);
    async.addListener(subscriber);
    hub.add(subscriber);
    boolean ended = false;
    try {
      out.write(SseFrames.retry(settings.retry()));
      String after = lastEventId != null ? lastEventId : historyAfter;
      if (after != null) {
        ended = replay(after, lastEventId != null, filter, out, subscriber);
      }
      out.flush();
    } catch (IOException | EventBusException | IllegalStateException e) {
      logger.debug("Closing an SSE connection during its replay: " + e, e);
      subscriber.close();
      return;
    }
    if (ended || endAfterReplay) {
      subscriber.close();
      return;
    }
    if (subscriber.isClosed()) {
      // Closed during the replay: live events overflowed its queue meanwhile. The client resumes from its last id.
      return;
    }
    try {
      subscriber.goLive();
    } catch (IllegalStateException completing) {
      subscriber.close();
    }
  }

  /** A {@code HEAD} answer: the headers {@code GET} would begin with, without subscribing. */
  public static void head(HttpServletResponse response) {
    response.setStatus(200);
    response.setContentType("text/event-stream;charset=UTF-8");
    response.setHeader("Cache-Control", "no-cache");
  }

  private boolean replay(String after, boolean reportLoss, SseFilter<E> filter, ServletOutputStream out,
      SseSubscriber<E> subscriber) throws IOException {
    SseReplay.Result result = replay.replay(after, reportLoss, filter, out::write);
    subscriber.skipThrough(StreamIds.max(after, result.lastScanned()));
    if (!result.ended() && !result.lastShown() && !result.lastScanned().equals(after)) {
      out.write(SseFrames.idOnly(result.lastScanned()));
    }
    return result.ended();
  }
}
