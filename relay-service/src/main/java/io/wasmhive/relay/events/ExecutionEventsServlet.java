package io.wasmhive.relay.events;

import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.StreamIds;
import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayErrors;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.identity.IdentityResolver;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@code GET /intent/execute-wasm/events}: Server-Sent Events of execution lifecycle events. A servlet of its own
 * (not a Spring MVC handler) because it drives servlet async and non-blocking output directly: an open connection
 * holds no thread. The request thread sends the {@code retry:} hint and replays missed events (blocking writes),
 * then hands the connection to its {@link Subscriber}. Thread-safe.
 */
final class ExecutionEventsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Log logger = LogFactory.getLog(ExecutionEventsServlet.class);

  static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";
  static final String LAST_EVENT_ID_PARAM = "last_event_id";
  static final String REQUEST_ID_PARAM = "request_id";
  private static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");


  private final transient ExecutionEventStream stream;
  private final transient IdentityResolver identities;
  private final transient RelayErrors errors;
  private final Set<String> watchAllUsers;

  ExecutionEventsServlet(ExecutionEventStream stream, IdentityResolver identities, RelayErrors errors) {
    this.stream = stream;
    this.identities = identities;
    this.errors = errors;
    this.watchAllUsers = Set.copyOf(stream.properties().watchAllUsers());
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!stream.enabled()) {
      errors.write(response, disabled());
      return;
    }
    String requestId = request.getParameter(REQUEST_ID_PARAM);
    if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
      errors.write(response, new RelayException(RelayError.INVALID_REQUEST_ID,
          "request_id must be 1 to 128 printable ASCII characters"));
      return;
    }
    String lastEventId = lastEventId(request);
    if (lastEventId != null && !StreamIds.isValid(lastEventId)) {
      errors.write(response, new RelayException(RelayError.INVALID_LAST_EVENT_ID,
          "Last-Event-ID must be an event id this endpoint sent, like 1767323045678-0"));
      return;
    }
    String userId = identities.resolve(request).userId();
    SubscriberFilter filter = new SubscriberFilter(userId, watchAllUsers.contains(userId), requestId);
    SubscriberHub hub = stream.hub();
    if (!hub.tryReserve()) {
      long retrySeconds = Math.max(1, (stream.properties().retry().toMillis() + 999) / 1000);
      errors.write(response, new RelayException(RelayError.TOO_MANY_SUBSCRIBERS, "This relay already serves "
          + stream.properties().maxConnections() + " event subscribers; try again later or another relay")
          .withRetryAfterHeader(retrySeconds));
      return;
    }
    subscribe(request, response, filter, lastEventId, hub);
  }

  /**
   * Answers like {@code GET} would begin, without subscribing: a {@code HEAD} request has no body to stream to, and
   * a subscriber whose writes all succeed unseen would hold its place forever.
   */
  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!stream.enabled()) {
      errors.write(response, disabled());
      return;
    }
    response.setStatus(200);
    response.setContentType("text/event-stream;charset=UTF-8");
    response.setHeader("Cache-Control", "no-cache");
  }

  private void subscribe(HttpServletRequest request, HttpServletResponse response, SubscriberFilter filter,
      String lastEventId, SubscriberHub hub) throws IOException {
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
      hub.release();
      throw e;
    }
    Subscriber subscriber = new Subscriber(filter, stream.properties().queueCapacity(), async, out, hub);
    async.addListener(subscriber);
    hub.add(subscriber);
    try {
      out.write(SseFrames.retry(stream.properties().retry()));
      if (lastEventId != null) {
        replay(lastEventId, filter, out, subscriber);
      }
      out.flush();
    } catch (IOException | EventBusException | IllegalStateException e) {
      logger.debug("Closing an SSE connection during its replay: " + e, e);
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

  private void replay(String lastEventId, SubscriberFilter filter, ServletOutputStream out, Subscriber subscriber)
      throws IOException {
    EventReplay.Result result = stream.replay().replay(lastEventId, filter, out::write);
    subscriber.skipThrough(StreamIds.max(lastEventId, result.lastScanned()));
    if (!result.lastShown() && !result.lastScanned().equals(lastEventId)) {
      out.write(SseFrames.idOnly(result.lastScanned()));
    }
  }

  private static RelayException disabled() {
    return new RelayException(RelayError.SSE_DISABLED, "Execution events are disabled on this relay (relay.sse.enabled)");
  }

  private static String lastEventId(HttpServletRequest request) {
    String header = request.getHeader(LAST_EVENT_ID_HEADER);
    String value = header != null && !header.isBlank() ? header : request.getParameter(LAST_EVENT_ID_PARAM);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
