package io.wasmhive.relay.intent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.platform.openapi.ErrorResponses;
import io.wasmhive.relay.IntentProperties;
import io.wasmhive.relay.ServesApi;
import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.identity.IdentityResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /intent/execute-wasm} and {@code GET /intent/execute-wasm/{request_id}}. The body is read here,
 * bounded by {@code relay.intent.max-body-bytes} (413 past it, without reading further), and handed to
 * {@link ExecuteWasmService} as bytes so that validation sees exactly what the client sent.
 */
@ServesApi
@RestController
@Tag(name = "execute", description = "Seed 001: run a stored WebAssembly module under a policy")
class IntentController {

  private final ExecuteWasmService service;
  private final ExecutionStatus status;
  private final IdentityResolver identities;
  private final int maxBodyBytes;

  IntentController(ExecuteWasmService service, ExecutionStatus status, IdentityResolver identities,
      IntentProperties properties) {
    this.service = service;
    this.status = status;
    this.identities = identities;
    this.maxBodyBytes = properties.maxBodyBytes();
  }

  @PostMapping(path = "/intent/execute-wasm", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Execute a module: waits for the result (sync) or answers 202 with a status URL (async)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = "application/json", schema = @Schema(implementation = IntentSchemas.ExecuteRequest.class))))
  @ApiResponse(responseCode = "200", description = "Executed; X-Idempotent-Replay says whether it is a replay",
      content = @Content(schema = @Schema(implementation = IntentSchemas.Result.class)))
  @ApiResponse(responseCode = "202", description = "Queued (mode async)", content = @Content(schema = @Schema(
      implementation = IntentSchemas.Accepted.class)))
  @ApiResponse(responseCode = "422", description = "The execution failed (the guest's doing: a trap, out of gas, a "
      + "timeout...) or the idempotency key was used for another request", content = @Content(schema = @Schema(
          ref = "#/components/schemas/" + IntentDocumentation.FAILURE)))
  @ErrorResponses({400, 403, 404, 413, 415, 429, 503, 504})
  public ResponseEntity<String> execute(HttpServletRequest request) throws IOException {
    String contentType = request.getContentType();
    if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
      throw new RelayException(RelayError.UNSUPPORTED_MEDIA_TYPE, "send the request as Content-Type: application/json");
    }
    byte[] body = readBounded(request);
    IntentResult result = service.execute(body, identities.resolve(request));
    return json(result);
  }

  @GetMapping(path = "/intent/execute-wasm/{requestId:[0-9A-Za-z]+}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The status of an execution of this user: running, or its finished answer")
  @ApiResponse(responseCode = "200", description = "Running or finished", content = @Content(schema = @Schema(
      implementation = IntentSchemas.Status.class)))
  @ErrorResponses(404)
  public ResponseEntity<String> status(@PathVariable String requestId, HttpServletRequest request) {
    return json(status.of(requestId, identities.resolve(request)));
  }

  private static ResponseEntity<String> json(IntentResult result) {
    return ResponseEntity.status(result.status()).contentType(MediaType.APPLICATION_JSON)
        .header("X-Idempotent-Replay", Boolean.toString(result.fromCache()))
        .body(result.bodyJson());
  }

  private byte[] readBounded(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    byte[] buffer = new byte[declared > 0 ? (int) declared : Math.min(8192, maxBodyBytes + 1)];
    int length = 0;
    try (InputStream in = request.getInputStream()) {
      while (true) {
        if (length == buffer.length) {
          if (length > maxBodyBytes) {
            throw tooLarge();
          }
          buffer = Arrays.copyOf(buffer, Math.min(maxBodyBytes + 1, buffer.length * 2));
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          break;
        }
        length += n;
        if (length > maxBodyBytes) {
          throw tooLarge();
        }
      }
    }
    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
  }

  private RelayException tooLarge() {
    return new RelayException(RelayError.PAYLOAD_TOO_LARGE, "request body is larger than " + maxBodyBytes + " bytes");
  }
}
