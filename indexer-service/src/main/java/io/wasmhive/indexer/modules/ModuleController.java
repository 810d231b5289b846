package io.wasmhive.indexer.modules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.indexer.access.Writers;
import io.wasmhive.indexer.api.ErrorCode;
import io.wasmhive.indexer.api.IndexerException;
import io.wasmhive.indexer.index.IndexJob;
import io.wasmhive.indexer.index.IndexJobJson;
import io.wasmhive.indexer.index.IndexService;
import io.wasmhive.indexer.index.ModuleCheck;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.InvalidCidException;
import io.wasmhive.platform.modules.ModuleAddresses;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.openapi.ErrorResponses;
import io.wasmhive.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads and reads modules. An upload is stored once per SHA-256 ({@code 201} the first time, {@code 200}
 * after) and answered with the addresses {@code ipfs add} would print for it. Uploads need {@code modules:write}
 * (checked before the body is read) and count against the uploader's bytes of the day; an upload gives no alias
 * (aliases are given by {@code POST /index}).
 */
@RestController
@Tag(name = "modules", description = "Upload and read stored modules")
@EnableConfigurationProperties(ModulesProperties.class)
class ModuleController {

  private final ModuleStore store;
  private final IndexService index;
  private final ModulesProperties properties;
  private final ModuleCheck check;
  private final UploadQuota quota;

  ModuleController(ModuleStore store, IndexService index, ModulesProperties properties, ModuleCheck check,
      UploadQuota quota) {
    this.quota = quota;
    this.store = store;
    this.index = index;
    this.properties = properties;
    this.check = check;
  }

  /** {@code curl --data-binary @m.wasm} (any content type but multipart): the body is the module. */
  @PostMapping("/modules")
  @Operation(summary = "Upload a module: the raw body (curl --data-binary @m.wasm) or the multipart part wasm "
      + "(curl -F wasm=@m.wasm)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
          @Content(mediaType = "application/wasm", schema = @Schema(type = "string", format = "binary")),
          @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))}))
  @ApiResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation =
      ModuleJson.class)))
  @ApiResponse(responseCode = "200", description = "Stored before (the same SHA-256)")
  @ErrorResponses({400, 413, 422, 429})
  ResponseEntity<ModuleJson> uploadBody(HttpServletRequest request) throws IOException {
    Caller caller = Writers.require();
    if (request.getContentLengthLong() > properties.maxSize().toBytes()) {
      throw tooLarge();
    }
    return store(caller, WasmBytes.readAtMost(request.getInputStream(), properties.maxSize().toBytes()));
  }

  /** {@code curl -F wasm=@m.wasm}: the part {@code wasm} is the module. */
  @PostMapping(value = "/modules", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ApiResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation =
      ModuleJson.class)))
  @ApiResponse(responseCode = "200", description = "Stored before (the same SHA-256)")
  @ErrorResponses({400, 413, 422, 429})
  ResponseEntity<ModuleJson> uploadPart(@RequestPart("wasm") MultipartFile wasm) {
    Caller caller = Writers.require();
    if (wasm.getSize() > properties.maxSize().toBytes()) {
      throw tooLarge();
    }
    try {
      return store(caller, wasm.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the upload failed", e);
    }
  }

  /**
   * The stored module (status {@code pinned}); else, for a CID being indexed, its job ({@code queued},
   * {@code pinning} or {@code failed}, with the error and attempts); else 404.
   */
  @GetMapping("/modules/{reference}")
  @Operation(summary = "A stored module by SHA-256, CID or alias; else the index job of a CID being fetched")
  @ApiResponse(responseCode = "200", description = "The module, or its index job", content = @Content(schema =
      @Schema(anyOf = {ModuleJson.class, IndexJobJson.class})))
  @ErrorResponses(404)
  Object get(@PathVariable String reference) {
    Optional<StoredModule> stored = store.find(reference);
    if (stored.isPresent()) {
      return ModuleJson.full(stored.get());
    }
    Optional<IndexJob> job = isCid(reference) ? index.find(reference) : Optional.empty();
    return job.map(IndexJobJson::of).orElseThrow(() -> new IndexerException(ErrorCode.NOT_FOUND,
        "no module is stored under " + reference + " (tried it as SHA-256, CID and alias) and no index job has it"));
  }

  private static boolean isCid(String reference) {
    try {
      Cid.parse(reference);
      return true;
    } catch (InvalidCidException e) {
      return false;
    }
  }

  /** A page of {@code GET /modules}. */
  record ModulePage(List<ModuleJson> modules, long count, int offset, int limit) {
  }

  @GetMapping("/modules")
  @Operation(summary = "The stored modules, a page at a time")
  @ErrorResponses(400)
  ModulePage list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
    if (offset < 0 || limit < 1 || limit > properties.maxPageSize()) {
      throw new IndexerException(ErrorCode.BAD_REQUEST,
          "offset must be >= 0 and limit between 1 and " + properties.maxPageSize());
    }
    List<ModuleJson> modules = store.list(offset, limit).stream().map(ModuleJson::full).toList();
    return new ModulePage(modules, store.count(), offset, limit);
  }

  private ResponseEntity<ModuleJson> store(Caller caller, byte[] bytes) {
    if (bytes.length == 0) {
      throw new IndexerException(ErrorCode.BAD_REQUEST, "the upload is empty");
    }
    // Counted before the checks: checking costs the service as much for a refused module as for a stored one.
    quota.charge(caller, bytes.length);
    WasmBytes.requireWasm(bytes);
    String problem = check.problem(bytes);
    if (problem != null) {
      throw new IndexerException(ErrorCode.INVALID_MODULE, "not a valid module: " + problem);
    }
    boolean existed = store.find(ModuleAddresses.sha256(bytes)).isPresent();
    StoredModule stored = store.put(bytes, ModuleOrigin.of("upload"));
    return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(ModuleJson.addresses(stored));
  }

  private IndexerException tooLarge() {
    return new IndexerException(ErrorCode.PAYLOAD_TOO_LARGE,
        "the module is larger than the limit of " + properties.maxSize().toBytes() + " bytes");
  }
}
