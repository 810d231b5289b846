package io.wasmhive.workflow.events;

import io.wasmhive.platform.events.contract.WorkflowRunEvent;
import io.wasmhive.platform.security.Caller;
import io.wasmhive.platform.security.Callers;
import io.wasmhive.platform.sse.Admission;
import io.wasmhive.platform.sse.SseChannel;
import io.wasmhive.platform.sse.SseFilter;
import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowErrors;
import io.wasmhive.workflow.api.WorkflowException;
import io.wasmhive.workflow.run.RunService;
import io.wasmhive.workflow.run.RunView;
import io.wasmhive.workflow.store.WorkflowStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /runs/{id}/events} and {@code GET /workflows/{id}/events}: the run events as Server-Sent Events,
 * served by platform-infra's {@link SseChannel} (servlet async and non-blocking output: an open connection holds no
 * thread). A filter, not a controller, because the channel drives servlet async itself and the paths live among the
 * API's own; every other request passes on. Refusals have the API's error shape.
 *
 * <p>A run's stream replays the run's history (from {@link #HISTORY_LEAD} before it was created, within the replay
 * bound) unless the client sends a {@code Last-Event-ID}, and ends after {@code run_finished}; for a run that is over
 * it ends after the replay. A workflow's stream shows the events of all its runs from now on (or from its
 * {@code Last-Event-ID}) and stays open. Both are for the workflow's tenant (another tenant's run or workflow is
 * {@code 404} as if it did not exist), and one caller holds at most {@code max-connections-per-principal} of them
 * on an instance. Thread-safe.
 */
final class RunEventsEndpoint extends OncePerRequestFilter {

  /** How far before a run's creation its history is read: room for the clocks of Redis and this service to differ. */
  static final Duration HISTORY_LEAD = Duration.ofMinutes(1);

  private static final Pattern RUN = Pattern.compile("/runs/([^/]+)/events");
  private static final Pattern WORKFLOW = Pattern.compile("/workflows/([^/]+)/events");

  private final SseChannel<RunEvent> channel;
  private final RunService runs;
  private final WorkflowStore workflows;
  private final JsonMapper json;

  RunEventsEndpoint(SseChannel<RunEvent> channel, RunService runs, WorkflowStore workflows, JsonMapper json) {
    this.channel = channel;
    this.runs = runs;
    this.workflows = workflows;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher run = RUN.matcher(path);
    Matcher workflow = WORKFLOW.matcher(path);
    boolean isRun = run.matches();
    if (!isRun && !workflow.matches()) {
      chain.doFilter(request, response);
      return;
    }
    try {
      serve(request, response, isRun ? run.group(1) : null, isRun ? null : workflow.group(1));
    } catch (WorkflowException e) {
      refuse(response, e);
    } catch (DataAccessResourceFailureException e) {
      refuse(response, new WorkflowException(WorkflowError.UNAVAILABLE, "The workflow store is unreachable"));
    }
  }

  private void serve(HttpServletRequest request, HttpServletResponse response, String runId, String workflowId)
      throws IOException {
    boolean head = "HEAD".equals(request.getMethod());
    if (!head && !"GET".equals(request.getMethod())) {
      response.setHeader("Allow", "GET, HEAD");
      throw new WorkflowException(WorkflowError.METHOD_NOT_ALLOWED, "Request method '" + request.getMethod()
          + "' is not supported");
    }
    String lastEventId = SseChannel.lastEventId(request);
    if (lastEventId != null && !SseChannel.isValidLastEventId(lastEventId)) {
      throw new WorkflowException(WorkflowError.INVALID_LAST_EVENT_ID,
          "Last-Event-ID must be an event id this endpoint sent, like 1767323045678-0");
    }
    Caller caller = Callers.require();
    RunView found = null;
    if (runId != null) {
      found = runs.find(runId, caller).orElseThrow(
          () -> new WorkflowException(WorkflowError.NOT_FOUND, "run " + runId + " does not exist"));
    } else if (workflows.find(workflowId).filter(w -> w.visibleTo(caller)).isEmpty()) {
      throw RunService.workflowNotFound(workflowId);
    }
    if (head) {
      SseChannel.head(response);
      return;
    }
    String principal = connectionKey(caller);
    Admission admission = channel.tryReserve(principal);
    if (admission == Admission.PRINCIPAL_FULL) {
      response.setHeader("Retry-After", String.valueOf(channel.settings().retryAfterSeconds()));
      throw new WorkflowException(WorkflowError.TOO_MANY_CONNECTIONS, "This caller already holds "
          + channel.settings().maxConnectionsPerPrincipal() + " event streams on this instance; close one first");
    }
    if (admission == Admission.INSTANCE_FULL) {
      response.setHeader("Retry-After", String.valueOf(channel.settings().retryAfterSeconds()));
      throw new WorkflowException(WorkflowError.TOO_MANY_SUBSCRIBERS, "This instance already serves "
          + channel.settings().maxConnections() + " run event subscribers; try again later or another instance");
    }
    if (found != null) {
      long from = Math.max(0, found.createdAt().toEpochMilli() - HISTORY_LEAD.toMillis());
      channel.open(request, response, principal, new RunFilter(found.id()), lastEventId, from + "-0", found.status().isFinal());
    } else {
      channel.open(request, response, principal, new WorkflowFilter(workflowId), lastEventId, null, false);
    }
  }

  /**
   * Whose place a connection takes: the principal within its tenant (two tenants' principals of one name are two
   * callers). The tenant's length comes first, so no pair of names makes another pair's key.
   */
  static String connectionKey(Caller caller) {
    return caller.tenant().length() + ":" + caller.tenant() + "/" + caller.principal();
  }

  private void refuse(HttpServletResponse response, WorkflowException e) throws IOException {
    response.setStatus(e.error().status().value());
    response.setContentType("application/json");
    response.getOutputStream().write(json.writeValueAsBytes(WorkflowErrors.body(e)));
  }

  /** One run's events; its stream ends with {@code run_finished}. */
  record RunFilter(String runId) implements SseFilter<RunEvent> {

    @Override
    public String route() {
      return RunEvent.runRoute(runId);
    }

    @Override
    public boolean matches(RunEvent event) {
      return runId.equals(event.runId());
    }

    @Override
    public boolean endsWith(RunEvent event) {
      return WorkflowRunEvent.RUN_FINISHED.equals(event.type());
    }
  }

  /** The events of every run of one workflow. */
  record WorkflowFilter(String workflowId) implements SseFilter<RunEvent> {

    @Override
    public String route() {
      return RunEvent.workflowRoute(workflowId);
    }

    @Override
    public boolean matches(RunEvent event) {
      return workflowId.equals(event.workflowId());
    }
  }
}
