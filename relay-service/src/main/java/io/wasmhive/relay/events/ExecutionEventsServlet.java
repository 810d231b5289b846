package io.wasmhive.relay.events;

import io.wasmhive.platform.security.Roles;
import io.wasmhive.platform.sse.Admission;
import io.wasmhive.platform.sse.SseChannel;
import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayErrors;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.identity.IdentityResolver;
import io.wasmhive.relay.identity.RequestIdentity;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /intent/execute-wasm/events}: Server-Sent Events of execution lifecycle events. A servlet of its own
 * (not a Spring MVC handler) because platform-infra's {@link SseChannel} drives servlet async and non-blocking output
 * directly: an open connection holds no thread. This servlet checks the request and answers refusals in the relay's
 * error shape. A subscriber sees its own user's events, or every user's when it is in
 * {@code relay.sse.watch-all-users} or (secure mode) holds the role {@code events:watch-all} or admin. The channel
 * sends the {@code retry:} hint, replays missed events and serves the live ones. Thread-safe.
 */
final class ExecutionEventsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

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
    String lastEventId = SseChannel.lastEventId(request);
    if (lastEventId != null && !SseChannel.isValidLastEventId(lastEventId)) {
      errors.write(response, new RelayException(RelayError.INVALID_LAST_EVENT_ID,
          "Last-Event-ID must be an event id this endpoint sent, like 1767323045678-0"));
      return;
    }
    RequestIdentity who = identities.resolve(request);
    String userId = who.userId();
    boolean watchAll = watchAllUsers.contains(userId) || who.may(Roles.EVENTS_WATCH_ALL);
    SubscriberFilter filter = new SubscriberFilter(userId, watchAll, requestId);
    SseChannel<StreamedEvent> channel = stream.channel();
    Admission admission = channel.tryReserve(userId);
    if (admission == Admission.PRINCIPAL_FULL) {
      errors.write(response, new RelayException(RelayError.TOO_MANY_CONNECTIONS, "This user already holds "
          + stream.properties().maxConnectionsPerPrincipal() + " event streams on this relay; close one first")
          .withRetryAfterHeader(channel.settings().retryAfterSeconds()));
      return;
    }
    if (admission == Admission.INSTANCE_FULL) {
      errors.write(response, new RelayException(RelayError.TOO_MANY_SUBSCRIBERS, "This relay already serves "
          + stream.properties().maxConnections() + " event subscribers; try again later or another relay")
          .withRetryAfterHeader(channel.settings().retryAfterSeconds()));
      return;
    }
    channel.open(request, response, userId, filter, lastEventId, null, false);
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
    SseChannel.head(response);
  }

  private static RelayException disabled() {
    return new RelayException(RelayError.SSE_DISABLED, "Execution events are disabled on this relay (relay.sse.enabled)");
  }

}
