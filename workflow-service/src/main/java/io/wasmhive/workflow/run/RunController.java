package io.wasmhive.workflow.run;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.platform.openapi.ErrorResponses;
import io.wasmhive.platform.security.Caller;
import io.wasmhive.platform.security.Callers;
import io.wasmhive.workflow.api.WorkflowApi;
import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowException;
import io.wasmhive.workflow.store.StoredWorkflow;
import io.wasmhive.workflow.tx.Transactions;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /workflows/{id}/jobs/{jobId}/runs} starts a run of a job as the leader: {@code 202} with the run
 * (its id, status {@code QUEUED} and pending steps) and a {@code Location}; with {@code ?wait=true} it answers
 * {@code 200} with the finished run, or {@code 202} with its state when it is still going after
 * {@code workflow.runs.max-wait}. The body chooses the mode ({@link RunOptionsReader}): none is a leader run.
 * {@code "execute":true} without a configured signer is {@code 400 EXECUTION_NOT_CONFIGURED}, nothing stored.
 * {@code GET /runs/{id}} shows a run. Runs and workflows of another tenant are {@code 404} as if they did not
 * exist; {@code "execute":true} is for the workflow's owner holding {@value Transactions#EXECUTE_ROLE}, or an
 * administrator ({@code 403 FORBIDDEN} otherwise, nothing stored).
 */
@RestController
@WorkflowApi
@Tag(name = "runs", description = "Runs of a workflow's jobs")
public class RunController {

  private final RunService runs;
  private final RunOptionsReader reader = new RunOptionsReader();

  private final Transactions transactions;

  RunController(RunService runs, Transactions transactions) {
    this.runs = runs;
    this.transactions = transactions;
  }

  @PostMapping(path = "/workflows/{id}/jobs/{jobId}/runs", produces = "application/json")
  @Operation(summary = "Start a run of a job (simulate, or execute with the owner's signer); wait=true answers "
      + "when it ends", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
          mediaType = "application/json", schema = @Schema(type = "object", description = "Run options: mode, "
              + "execute, context; empty for the defaults"), examples = @io.swagger.v3.oas.annotations.media
              .ExampleObject(value = "{}"))))
  @ApiResponse(responseCode = "202", description = "Started; Location names the run", content = @Content(schema =
      @Schema(implementation = RunView.class)))
  @ApiResponse(responseCode = "200", description = "Finished (wait=true)", content = @Content(schema = @Schema(
      implementation = RunView.class)))
  @ErrorResponses({400, 403, 404})
  ResponseEntity<RunView> start(@PathVariable("id") String workflowId, @PathVariable("jobId") String jobId,
      @RequestParam(name = "wait", defaultValue = "false") boolean wait, HttpServletRequest request)
      throws InterruptedException, IOException {
    Caller caller = Callers.require();
    RunOptions options = reader.read(boundedBody(request));
    StoredWorkflow workflow = runs.visibleWorkflow(workflowId, caller)
        .orElseThrow(() -> RunService.workflowNotFound(workflowId));
    if (options.execute()) {
      requireExecution(workflow, caller);
    }
    RunView run = runs.start(workflow, jobId, options);
    URI location = URI.create("/runs/" + run.id());
    if (wait) {
      RunView now = runs.await(run.id(), Duration.ofDays(1)).orElse(run);
      HttpStatus status = now.status().isFinal() ? HttpStatus.OK : HttpStatus.ACCEPTED;
      return ResponseEntity.status(status).location(location).body(now);
    }
    return ResponseEntity.accepted().location(location).body(run);
  }

  /**
   * An executed run sends from the deployment's signer, so the workflow's owner address (which the client wrote)
   * is not enough: the caller must be the workflow's owner holding the execute role, or an administrator.
   */
  private void requireExecution(StoredWorkflow workflow, Caller caller) {
    if (!transactions.configured()) {
      throw new WorkflowException(WorkflowError.EXECUTION_NOT_CONFIGURED, Transactions.NOT_CONFIGURED);
    }
    if (!workflow.ownedBy(caller)) {
      throw new WorkflowException(WorkflowError.FORBIDDEN,
          "execute:true is for the workflow's owner or an administrator; nothing was stored");
    }
    if (!caller.may(Transactions.EXECUTE_ROLE)) {
      throw new WorkflowException(WorkflowError.FORBIDDEN,
          "execute:true needs the role " + Transactions.EXECUTE_ROLE + "; nothing was stored");
    }
  }

  /** The body, refused as soon as it is known to exceed the limit (declared or read), never read past it. */
  private static byte[] boundedBody(HttpServletRequest request) throws IOException {
    int max = RunOptionsReader.MAX_BODY_BYTES;
    if (request.getContentLengthLong() > max) {
      throw new WorkflowException(WorkflowError.INVALID_RUN_REQUEST, "the body is larger than " + max + " bytes");
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        throw new WorkflowException(WorkflowError.INVALID_RUN_REQUEST, "the body is larger than " + max + " bytes");
      }
      return body;
    }
  }

  @GetMapping(path = "/runs/{id}", produces = "application/json")
  @Operation(summary = "A run and its steps")
  @ErrorResponses(404)
  RunView get(@PathVariable("id") String runId) {
    return runs.find(runId, Callers.require()).orElseThrow(() -> new WorkflowException(WorkflowError.NOT_FOUND, "run " + runId + " does not exist"));
  }
}
