package io.wasmhive.workflow.wasmserver;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.workflow.wasm.StepOutcome;
import io.wasmhive.workflow.wasm.WasmStepProperties;
import io.wasmhive.workflow.wasm.WasmStepRunner;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Ditto simulator's WASM server: {@code POST /wasm/run} runs one module and answers
 * {@code {"jobId","ok","result"|"error","stderr","durationMs"}}, {@code GET /wasm/health} answers {@code {"ok":true}}.
 * A refused request is answered by {@link WasmServerErrors}. Blocks a request thread for the run.
 */
@RestController
@Tag(name = "wasm-server", description = "The Ditto WASM server API; its errors have its own shape, WasmServerAnswer")
class WasmServerController {

  private final WasmStepRunner runner;
  private final RunRequestReader reader;
  private final WasmServerRpc rpc;
  private final long maxBodyBytes;

  WasmServerController(WasmStepRunner runner, WasmStepProperties properties, JsonMapper mapper,
      ObjectProvider<WasmServerRpc> rpc) {
    this.runner = runner;
    this.reader = new RunRequestReader(mapper, properties);
    this.rpc = rpc.getIfAvailable(() -> new NoChainRpc(mapper));
    this.maxBodyBytes = properties.maxBodyBytes();
  }

  /** {@code /wasm/run}'s request, as the document shows it. */
  @Schema(name = "WasmRunRequest", requiredProperties = {"jobId", "wasmB64", "timeoutMs"})
  record RunBody(@Schema(description = "Echoed in the answer") Object jobId,
      @Schema(description = "The module, base64") String wasmB64,
      @Schema(description = "Its SHA-256, checked when given") String wasmHash, Object input, long timeoutMs,
      Long maxStdoutBytes, Long maxStderrBytes) {
  }

  /** Every answer of {@code /wasm/run}, successes and errors alike. */
  @Schema(name = "WasmServerAnswer", requiredProperties = {"jobId", "ok", "durationMs"})
  record Answer(Object jobId, boolean ok, @Schema(description = "The module's JSON output, when ok") Object result,
      @Schema(description = "Why it failed, when not ok") String error, String stderr, long durationMs) {
  }

  /** {@code /wasm/health}'s answer. */
  @Schema(name = "WasmServerHealth", requiredProperties = "ok")
  record Health(boolean ok) {
  }

  @GetMapping(path = "/wasm/health", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The WASM server's health (public)")
  @ApiResponse(responseCode = "200", description = "Up", content = @Content(schema = @Schema(implementation =
      Health.class)))
  @ApiResponse(responseCode = "403", description = "A refused origin or host", content = @Content(schema =
      @Schema(implementation = Answer.class)))
  ObjectNode health() {
    return JsonNodeFactory.instance.objectNode().put("ok", true);
  }

  @PostMapping(path = "/wasm/run", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Run a module on an input, as the Ditto simulator's WASM server does", requestBody =
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType =
          "application/json", schema = @Schema(implementation = RunBody.class))))
  @ApiResponse(responseCode = "200", description = "Ran: ok with result, or not ok with error", content = @Content(
      schema = @Schema(implementation = Answer.class)))
  @ApiResponse(responseCode = "400", description = "Not a valid run request", content = @Content(schema = @Schema(
      implementation = Answer.class)))
  @ApiResponse(responseCode = "401", description = "No valid credentials (secure mode)", content = @Content(
      schema = @Schema(implementation = Answer.class)))
  @ApiResponse(responseCode = "403", description = "A refused origin or host", content = @Content(schema =
      @Schema(implementation = Answer.class)))
  @ApiResponse(responseCode = "413", description = "The body is larger than the limit", content = @Content(schema =
      @Schema(implementation = Answer.class)))
  @ApiResponse(responseCode = "503", description = "The executor is full or shutting down; retry", content =
      @Content(schema = @Schema(implementation = Answer.class)))
  ResponseEntity<ObjectNode> run(HttpServletRequest request) throws IOException {
    long started = System.nanoTime();
    RunRequest run = reader.read(body(request, started), started);
    StepOutcome outcome;
    try {
      outcome = runner.run(run.wasm(), run.input(), run.limits(), rpc.forRun(run.jobIdText()));
    } catch (ExecutorException e) {
      // Only retryable failures are thrown (pool full or shutting down): the simulator's client retries on 5xx.
      throw new WasmServerException(503, run.jobId(), e.getMessage(), started);
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.set("jobId", run.jobId());
    answer.put("ok", outcome.ok());
    if (outcome.ok()) {
      answer.set("result", outcome.result());
    } else {
      answer.put("error", outcome.error());
    }
    answer.put("stderr", outcome.stderr());
    answer.put("durationMs", WasmServerErrors.elapsedMs(started));
    return ResponseEntity.ok(answer);
  }

  /**
   * The body, read up to one byte past the limit: a longer one is refused without reading the rest. A declared length
   * over the limit is not refused before reading, so that a client still sending gets the answer, not a reset.
   */
  private byte[] body(HttpServletRequest request, long started) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (bytes.length > maxBodyBytes) {
        throw WasmServerErrors.bodyTooLarge(maxBodyBytes, started);
      }
      return bytes;
    }
  }
}
