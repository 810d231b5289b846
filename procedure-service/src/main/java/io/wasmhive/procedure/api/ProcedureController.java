package io.wasmhive.procedure.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.platform.openapi.ErrorResponses;
import io.wasmhive.platform.security.Callers;
import io.wasmhive.procedure.api.ApiModel.CallRequest;
import io.wasmhive.procedure.api.ApiModel.CallResponse;
import io.wasmhive.procedure.api.ApiModel.CreateRequest;
import io.wasmhive.procedure.api.ApiModel.Details;
import io.wasmhive.procedure.api.ApiModel.ListResponse;
import io.wasmhive.procedure.api.ApiModel.MessageResponse;
import io.wasmhive.procedure.api.ApiModel.Summary;
import io.wasmhive.procedure.catalog.CreateCommand;
import io.wasmhive.procedure.catalog.ModuleEncoding;
import io.wasmhive.procedure.catalog.Names;
import io.wasmhive.procedure.catalog.ProcedureCatalog;
import io.wasmhive.procedure.config.ProcedureProperties;
import io.wasmhive.procedure.execution.ProcedureInvoker;
import io.wasmhive.procedure.metrics.ProcedureMetrics;
import io.wasmhive.procedure.store.Procedure;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 003's {@code /procedures} endpoints, namespaced by the optional {@code X-Mindb-Database} header, for the
 * request's caller (the catalog checks its tenant and ownership).
 */
@RestController
@Tag(name = "procedures", description = "Seed 003's stored procedures: WebAssembly functions called by name")
class ProcedureController {

  static final String DATABASE = "X-Mindb-Database";

  private static final String WASM = "application/wasm";

  private final ProcedureCatalog catalog;
  private final ProcedureInvoker invoker;
  private final ProcedureMetrics metrics;
  private final JsonMapper json;
  private final String defaultDatabase;

  ProcedureController(ProcedureCatalog catalog, ProcedureInvoker invoker, ProcedureMetrics metrics, JsonMapper json,
      ProcedureProperties properties) {
    this.catalog = catalog;
    this.invoker = invoker;
    this.metrics = metrics;
    this.json = json;
    this.defaultDatabase = properties.defaultDatabase();
  }

  @PostMapping("/procedures")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a procedure: JSON with wasm_base64 (seed 003), multipart (part wasm, part meta) or "
      + "the raw module (application/wasm, the rest as query parameters)")
  @ErrorResponses({400, 409, 413})
  MessageResponse create(@RequestHeader(name = DATABASE, required = false) String database,
      @RequestBody CreateRequest request) {
    long start = System.nanoTime();
    String db = database(database);
    return created(db, request, ModuleEncoding.fromBase64(request.wasmBase64()), start);
  }

  private MessageResponse created(String database, CreateRequest request, byte[] wasm, long start) {
    Procedure created;
    try {
      created = catalog.create(Callers.require(), command(database, request, wasm));
    } finally {
      metrics.create(System.nanoTime() - start);
    }
    return new MessageResponse(created.name(), "Procedure created successfully", Latency.since(start));
  }

  /** The module as a file part {@code wasm} and the metadata as a JSON part {@code meta}: no base64. */
  @PostMapping(path = "/procedures", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @ErrorResponses({400, 409, 413})
  MessageResponse createMultipart(@RequestHeader(name = DATABASE, required = false) String database,
      @RequestPart("wasm") MultipartFile wasm, @RequestParam("meta") String meta) {
    long start = System.nanoTime();
    CreateRequest request = UploadForms.multipart(json, wasm, meta);
    return created(database(database), request, UploadForms.bytes(wasm), start);
  }

  /** The module as the raw body ({@code application/wasm}), the metadata in query parameters. */
  @PostMapping(path = "/procedures", consumes = WASM)
  @ResponseStatus(HttpStatus.CREATED)
  @ErrorResponses({400, 409, 413})
  MessageResponse createRaw(@RequestHeader(name = DATABASE, required = false) String database,
      @RequestParam Map<String, String> query, @RequestBody byte[] wasm) {
    long start = System.nanoTime();
    return created(database(database), UploadForms.query(query), wasm, start);
  }

  @GetMapping("/procedures")
  @Operation(summary = "The procedures of the database (X-Mindb-Database, else the default)")
  @ErrorResponses(400)
  ListResponse list(@RequestHeader(name = DATABASE, required = false) String database) {
    long start = System.nanoTime();
    List<Summary> procedures = catalog.list(Callers.require(), database(database)).stream().map(Summary::of).toList();
    return new ListResponse(procedures, procedures.size(), Latency.since(start));
  }

  @GetMapping("/procedures/{name}")
  @Operation(summary = "One procedure, with its module's SHA-256, version, entry and limits")
  @ErrorResponses({400, 404})
  Details get(@RequestHeader(name = DATABASE, required = false) String database, @PathVariable String name) {
    long start = System.nanoTime();
    Procedure procedure = catalog.get(Callers.require(), database(database), name);
    return Details.of(procedure, Latency.since(start));
  }

  @DeleteMapping("/procedures/{name}")
  @Operation(summary = "Drop a procedure")
  @ErrorResponses({400, 404, 409})
  MessageResponse drop(@RequestHeader(name = DATABASE, required = false) String database, @PathVariable String name) {
    long start = System.nanoTime();
    catalog.drop(Callers.require(), database(database), name);
    return new MessageResponse(name, "Procedure dropped successfully", Latency.since(start));
  }

  /** Calls with another or no {@code Content-Type}, or without JSON in {@code Accept}; see {@link JsonCallEndpoint}. */
  @PostMapping("/procedures/{name}/call")
  @Operation(summary = "Call a procedure with its arguments; the answer carries the result")
  @ErrorResponses({400, 404, 413, 422, 429, 503})
  CallResponse call(@RequestHeader(name = DATABASE, required = false) String database, @PathVariable String name,
      @RequestBody(required = false) CallRequest request) {
    return call(database, name, request, System.nanoTime());
  }

  /** One call, for both endpoints: {@code start} is when the handler started ({@code latency_ms}). */
  CallResponse call(String database, String name, CallRequest request, long start) {
    List<JsonNode> args = request == null || request.args() == null ? List.of() : request.args();
    Object result = invoker.call(Callers.require(), database(database), name, args);
    return new CallResponse(result, Latency.since(start));
  }

  private String database(String header) {
    return header == null || header.isBlank() ? defaultDatabase : Names.requireDatabase(header.trim());
  }

  private static CreateCommand command(String database, CreateRequest r, byte[] wasm) {
    List<CreateCommand.ParamSpec> params = r.params() == null ? List.of()
        : r.params().stream().map(p -> p == null ? new CreateCommand.ParamSpec(null, null) : new CreateCommand.ParamSpec(p.name(), p.dataType())).toList();
    CreateCommand.LimitsSpec limits = r.limits() == null ? null
        : new CreateCommand.LimitsSpec(r.limits().maxMemory(), r.limits().maxTimeMs(), r.limits().maxGas());
    return new CreateCommand(database, r.name(), r.language(), wasm, params,
        r.returnType(), r.description(), r.entry(), Boolean.TRUE.equals(r.replace()), limits);
  }
}
