package io.wasmhive.procedure.derive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.platform.openapi.ErrorResponses;
import io.wasmhive.platform.security.Callers;
import io.wasmhive.procedure.catalog.ModuleEncoding;
import io.wasmhive.procedure.catalog.Names;
import io.wasmhive.procedure.config.ProcedureProperties;
import io.wasmhive.procedure.derive.Derivations;
import io.wasmhive.procedure.derive.Verifier;
import io.wasmhive.procedure.derive.api.DerivationModel.AppendRequest;
import io.wasmhive.procedure.derive.api.DerivationModel.AppendResponse;
import io.wasmhive.procedure.derive.api.DerivationModel.CreateRequest;
import io.wasmhive.procedure.derive.api.DerivationModel.LoggedJson;
import io.wasmhive.procedure.derive.api.DerivationModel.MessageResult;
import io.wasmhive.procedure.derive.api.DerivationModel.MessagesResponse;
import io.wasmhive.procedure.derive.api.DerivationModel.QueryRequest;
import io.wasmhive.procedure.derive.api.DerivationModel.QueryResponse;
import io.wasmhive.procedure.derive.api.DerivationModel.SnapshotJson;
import io.wasmhive.procedure.derive.api.DerivationModel.Status;
import io.wasmhive.procedure.derive.api.DerivationModel.VerifyRequest;
import io.wasmhive.procedure.derive.api.DerivationModel.VerifyResponse;
import io.wasmhive.procedure.derive.store.Derivation;
import io.wasmhive.procedure.derive.store.LoggedMessage;
import io.wasmhive.procedure.derive.store.Snapshot;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

/** The {@code /derivations} endpoints (docs/derivations.md), for the request's caller. */
@RestController
@Tag(name = "derivations", description = "Deterministic state derived by a WebAssembly reducer from an append-only message log")
class DerivationController {

  static final String DATABASE = "X-Mindb-Database";

  private final Derivations derivations;
  private final Verifier verifier;
  private final JsonMapper json;
  private final String defaultDatabase;

  DerivationController(Derivations derivations, Verifier verifier, JsonMapper json, ProcedureProperties properties) {
    this.derivations = derivations;
    this.verifier = verifier;
    this.json = json;
    this.defaultDatabase = properties.defaultDatabase();
  }

  @PostMapping("/derivations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a derivation: JSON with wasm_base64, multipart (part wasm, part meta) or the raw "
      + "reducer (application/wasm, name, schema and limits as query parameters)")
  @ErrorResponses({400, 409, 413})
  Status create(@RequestHeader(name = DATABASE, required = false) String database, @RequestBody CreateRequest r) {
    return created(database, r, ModuleEncoding.fromBase64(r.wasmBase64()));
  }

  /** The reducer as a file part {@code wasm}, the rest as a JSON part {@code meta}. */
  @PostMapping(path = "/derivations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @ErrorResponses({400, 409, 413})
  Status createMultipart(@RequestHeader(name = DATABASE, required = false) String database,
      @RequestPart("wasm") MultipartFile wasm, @RequestParam("meta") String meta) {
    CreateRequest r = Uploads.meta(json, meta);
    return created(database, r, Uploads.bytes(wasm));
  }

  /** The reducer as the raw body, name, schema and limits as query parameters. */
  @PostMapping(path = "/derivations", consumes = "application/wasm")
  @ResponseStatus(HttpStatus.CREATED)
  @ErrorResponses({400, 409, 413})
  Status createRaw(@RequestHeader(name = DATABASE, required = false) String database,
      @RequestParam Map<String, String> query, @RequestBody byte[] wasm) {
    return created(database, Uploads.query(query), wasm);
  }

  private Status created(String database, CreateRequest r, byte[] wasm) {
    Derivation d = derivations.create(Callers.require(), database(database), r.name(), wasm, r.schema(),
        r.limits() == null ? null : r.limits().toSpec());
    return Status.of(d);
  }

  @PostMapping("/derivations/{name}/messages")
  @Operation(summary = "Append one message or several; each is applied or rejected by the reducer, in order")
  @ErrorResponses({400, 404, 409, 413})
  AppendResponse append(@RequestHeader(name = DATABASE, required = false) String database, @PathVariable String name,
      @RequestBody AppendRequest r) {
    List<byte[]> payloads = payloads(r);
    List<LoggedMessage> logged = derivations.append(Callers.require(), database(database), name, payloads);
    List<MessageResult> results = logged.stream().map(m -> new MessageResult(m.position(),
        m.applied() ? "applied" : "rejected", m.reason(), m.stateHash(), m.hash())).toList();
    LoggedMessage last = logged.get(logged.size() - 1);
    return new AppendResponse(last.position(), last.stateHash(), results);
  }

  private List<byte[]> payloads(AppendRequest r) {
    if ((r.message() == null) == (r.messages() == null)) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "send either 'message' (one JSON message) or 'messages' "
          + "(an array of them)");
    }
    List<JsonNode> messages = r.message() != null ? List.of(r.message()) : r.messages();
    return messages.stream().map(this::payload).toList();
  }

  /** The message as the reducer receives it: its compact JSON, UTF-8. */
  private byte[] payload(JsonNode message) {
    if (message == null || message.isNull() || message.isMissingNode()) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "a message may not be null or missing");
    }
    return json.writeValueAsBytes(message);
  }

  @GetMapping("/derivations/{name}")
  @Operation(summary = "A derivation's position, hashes and counts")
  @ErrorResponses({400, 404})
  Status get(@RequestHeader(name = DATABASE, required = false) String database, @PathVariable String name) {
    return Status.of(derivations.get(Callers.require(), database(database), name));
  }

  @PostMapping("/derivations/{name}/query")
  @Operation(summary = "A read-only SQL query over the derived state")
  @ErrorResponses({400, 404})
  QueryResponse query(@RequestHeader(name = DATABASE, required = false) String database, @PathVariable String name,
      @RequestBody QueryRequest r) {
    byte[] params = r.params() == null ? new byte[0] : json.writeValueAsBytes(r.params());
    JsonNode rows = json.readTree(derivations.query(Callers.require(), database(database), name, r.sql(), params));
    return new QueryResponse(rows, rows.size());
  }

  @GetMapping("/derivations/{name}/messages")
  @Operation(summary = "The message log from a position, with its hash chain")
  @ErrorResponses({400, 404})
  MessagesResponse messages(@RequestHeader(name = DATABASE, required = false) String database,
      @PathVariable String name, @RequestParam(defaultValue = "1") long from,
      @RequestParam(required = false) Integer limit) {
    List<LoggedJson> messages = derivations.messages(Callers.require(), database(database), name, from, limit).stream()
        .map(m -> new LoggedJson(m.position(), json.readTree(m.payload()), m.prevHash(), m.hash(),
            m.applied() ? "applied" : "rejected", m.reason(), m.stateHash()))
        .toList();
    long next = messages.isEmpty() ? from : messages.get(messages.size() - 1).position() + 1;
    return new MessagesResponse(messages, messages.size(), next);
  }

  @GetMapping("/derivations/{name}/snapshot")
  @Operation(summary = "A snapshot of the derived state at its position")
  @ErrorResponses({400, 404})
  SnapshotJson snapshot(@RequestHeader(name = DATABASE, required = false) String database, @PathVariable String name) {
    Snapshot s = derivations.snapshot(Callers.require(), database(database), name);
    String engine = derivations.get(Callers.require(), database(database), name).sqlEngine();
    return new SnapshotJson(s.position(), s.stateHash(), SnapshotFormat.NAME, engine,
        Base64.getEncoder().encodeToString(s.dump()));
  }

  @PostMapping("/derivations/{name}/snapshot")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Import a snapshot into a derivation")
  @ErrorResponses({400, 404, 409, 413})
  SnapshotJson importSnapshot(@RequestHeader(name = DATABASE, required = false) String database,
      @PathVariable String name, @RequestBody SnapshotJson r) {
    Snapshot s = SnapshotFormat.decode(r);
    String engine = derivations.importSnapshot(Callers.require(), database(database), name, s, r.sqlEngine());
    return new SnapshotJson(s.position(), s.stateHash(), SnapshotFormat.NAME, engine, null);
  }

  @PostMapping("/derivations/verify")
  @Operation(summary = "Replay a log with a reducer and compare the state hashes, storing nothing")
  @ErrorResponses({400, 413})
  VerifyResponse verify(@RequestBody VerifyRequest r) {
    Callers.require();
    if (r.messages() == null) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "messages is required: the log to replay");
    }
    List<byte[]> messages = r.messages().stream().map(this::payload).toList();
    Verifier.Result v = verifier.verify(ModuleEncoding.fromBase64(r.wasmBase64()), r.schema(),
        r.limits() == null ? null : r.limits().toSpec(), messages, r.expectedStateHash(), r.expectedStateHashes(),
        r.sqlEngine());
    return new VerifyResponse(v.verified(), v.position(), v.stateHash(), v.chainHash(), v.applied(), v.rejected(),
        v.divergedAt(), v.sqlEngine());
  }

  private String database(String header) {
    return header == null || header.isBlank() ? defaultDatabase : Names.requireDatabase(header.trim());
  }
}
