package io.wasmhive.workflow.store;

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
import io.wasmhive.workflow.modules.StepModules;
import io.wasmhive.workflow.sdk.Job;
import io.wasmhive.workflow.sdk.SerializedWorkflow;
import io.wasmhive.workflow.sdk.WorkflowReader;
import io.wasmhive.workflow.sdk.WorkflowWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /workflows} takes a workflow as the SDK serialized it (wrapped or plain) and answers 201 with its id;
 * {@code GET /workflows/{id}} answers it in the SDK's form. The body is read up to the limit and no further, then
 * checked completely before it is stored; the modules its WASM steps name and the store lacks are requested from
 * the indexer (creation does not wait for them). {@link WorkflowSubmitted} is published once it is stored. The
 * workflow belongs to the caller that submitted it (its principal and tenant); another tenant's workflow is
 * {@code 404} as if it did not exist.
 */
@WorkflowApi
@RestController
@Tag(name = "workflows", description = "Workflows in the Ditto SDK's serialized format")
class WorkflowController {

  private final WorkflowReader reader;
  private final WorkflowWriter writer;
  private final WorkflowStore store;
  private final StepModules modules;
  private final ApplicationEventPublisher events;

  WorkflowController(WorkflowReader reader, WorkflowWriter writer, WorkflowStore store, StepModules modules,
      ApplicationEventPublisher events) {
    this.reader = reader;
    this.writer = writer;
    this.store = store;
    this.modules = modules;
    this.events = events;
  }

  /** The answer to {@code POST /workflows}. */
  @Schema(name = "WorkflowCreated", requiredProperties = {"id", "owner", "principal", "tenant", "createdAt", "jobs",
      "modulesRequested"})
  record Created(String id, String owner, String principal, String tenant,
      @Schema(format = "date-time") String createdAt, List<String> jobs,
      @Schema(description = "wasmHash values not in the module store, asked of the indexer")
      List<String> modulesRequested) {
  }

  @PostMapping(path = "/workflows", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Store a workflow: the Ditto SDK's upload document {workflow, metadata} or the bare "
      + "workflow", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
          @Content(mediaType = "application/json", schema = @Schema(type = "object", description = "The SDK's "
              + "serialize() output"), examples = @io.swagger.v3.oas.annotations.media.ExampleObject(value = """
              {"workflow": {"owner": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "triggers": [{"type": "cron",
               "params": {"schedule": "*/5 * * * *"}}], "jobs": [{"id": "balance-sweep", "chainId": 31337,
               "steps": [{"target": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
               "abi": "transfer(address,uint256)", "args": ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "1"],
               "value": "0", "type": "contract"}], "session": "c2Vzc2lvbg"}], "count": 1}}"""))))
  @ApiResponse(responseCode = "201", description = "Stored; Location names it", content = @Content(schema = @Schema(
      implementation = Created.class)))
  @ErrorResponses(400)
  ResponseEntity<Map<String, Object>> create(HttpServletRequest request) throws IOException {
    byte[] body = boundedBody(request);
    SerializedWorkflow document = reader.read(body);
    Caller caller = Callers.require();
    StoredWorkflow stored = store.save(new String(body, StandardCharsets.UTF_8), document, caller.principal(),
        caller.tenant());
    events.publishEvent(new WorkflowSubmitted(stored));
    List<String> requested = modules.requestMissing(document.workflow());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", stored.id());
    answer.put("owner", stored.owner());
    answer.put("principal", stored.principal());
    answer.put("tenant", stored.tenant());
    answer.put("createdAt", stored.createdAt().toString());
    answer.put("jobs", document.workflow().jobs().stream().map(Job::id).toList());
    answer.put("modulesRequested", requested);
    return ResponseEntity.created(URI.create("/workflows/" + stored.id())).body(answer);
  }

  @GetMapping(path = "/workflows/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A stored workflow, serialized as the SDK writes it")
  @ApiResponse(responseCode = "200", description = "The workflow", content = @Content(schema = @Schema(
      type = "object", requiredProperties = "workflow")))
  @ErrorResponses(404)
  ResponseEntity<String> get(@PathVariable String id) {
    Caller caller = Callers.require();
    StoredWorkflow stored = store.find(id).filter(w -> w.visibleTo(caller)).orElseThrow(() -> new WorkflowException(WorkflowError.NOT_FOUND,
        "Workflow not found: " + (id.length() > 64 ? id.substring(0, 64) + "…" : id)));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(writer.write(stored.document()));
  }

  /** The body, refused as soon as it is known to exceed the limit (declared or read), never read past it. */
  private byte[] boundedBody(HttpServletRequest request) throws IOException {
    int max = reader.limits().maxBodyBytes();
    if (request.getContentLengthLong() > max) {
      throw reader.bodyTooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        throw reader.bodyTooLarge();
      }
      return body;
    }
  }
}
