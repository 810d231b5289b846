package io.wasmhive.relay.names;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.InvalidCidException;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import io.wasmhive.platform.openapi.ErrorResponses;
import io.wasmhive.platform.security.Caller;
import io.wasmhive.platform.security.Callers;
import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.identity.IdentityResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The names API under {@code /names}: register {@code name@version} for a module already in the module store,
 * list names, a name's versions, one version or {@code latest}. The first registrant of a name owns it; only the
 * owner or an administrator registers further versions (tags included), so nobody else can move what
 * {@code glyph://name} ({@code latest}) runs. Reading is open to every caller.
 */
@RestController
@Tag(name = "names", description = "glyph://name@version for stored modules")
class NamesController {

  /** The largest page {@code GET /names} returns. */
  static final int MAX_PAGE = 1000;

  private final NameRegistry registry;
  private final ModuleStore modules;
  private final IdentityResolver identity;

  NamesController(NameRegistry registry, ModuleStore modules, IdentityResolver identity) {
    this.registry = registry;
    this.modules = modules;
    this.identity = identity;
  }

  /** The body of {@code POST /names}. */
  @Schema(requiredProperties = {"name", "version", "cid"}, example = "{\"name\": \"calculator\", \"version\": "
      + "\"quantum\", \"cid\": \"bafkreibhmtmv24yn2zu7udv53bwwvgrylzhbep2e52p72tly7wjiufzpom\"}")
  record Registration(@JsonProperty("name") String name, @JsonProperty("version") String version,
      @JsonProperty("cid") String cid) {
  }

  /** A registered version, as every names endpoint shows it. */
  @Schema(name = "NameVersion", requiredProperties = {"success", "name", "version", "glyph", "cid", "sha256", "owner",
      "created_at"})
  record VersionJson(boolean success, String name, String version, String glyph, String cid, String sha256,
      String owner, @JsonProperty("created_at") @Schema(format = "date-time") String createdAt) {
  }

  /** The body of {@code GET /names}. */
  @Schema(requiredProperties = {"success", "names", "count", "offset", "limit"})
  record NamePage(boolean success, List<VersionJson> names, long count, int offset, int limit) {
  }

  /** The body of {@code GET /names/{name}}. */
  @Schema(requiredProperties = {"success", "name", "owner", "latest", "versions"})
  record NameVersions(boolean success, String name, @Schema(types = {"string", "null"}) String owner, String latest,
      List<VersionJson> versions) {
  }

  @PostMapping("/names")
  @Operation(summary = "Register name@version for a stored module; the first registrant owns the name")
  @ApiResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(
      implementation = VersionJson.class)))
  @ApiResponse(responseCode = "200", description = "Already registered for this module", content = @Content(
      schema = @Schema(implementation = VersionJson.class)))
  @ErrorResponses({400, 403, 404, 409})
  ResponseEntity<Map<String, Object>> register(@RequestBody Registration body, HttpServletRequest request) {
    if (body == null) {
      throw new RelayException(RelayError.INVALID_REQUEST, "the body must be {\"name\", \"version\", \"cid\"}");
    }
    GlyphName name = glyph(body.name(), body.version());
    if (name.isLatest()) {
      throw new RelayException(RelayError.INVALID_NAME, "'latest' is not a version to register: it names the newest");
    }
    Cid cid = cid(body.cid());
    StoredModule module = modules.find(cid.toString()).orElseThrow(() -> new RelayException(
        RelayError.MODULE_NOT_FOUND, "no module with CID " + body.cid() + " is in the module store; upload or index"
            + " it first"));
    String user = identity.resolve(request).userId();
    requireOwner(name, registry.claimOwner(name.name(), user));
    NameRegistry.Registration done;
    try {
      done = registry.register(name.name(), name.version(), cid.toV1().toString(), module.sha256(), user);
    } catch (NameRegistry.NameTakenException e) {
      throw new RelayException(RelayError.NAME_TAKEN, e.getMessage());
    }
    return ResponseEntity.status(done.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(json(done.record()));
  }

  @GetMapping("/names")
  @Operation(summary = "The registered versions, a page at a time")
  @ApiResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(
      implementation = NamePage.class)))
  @ErrorResponses(400)
  Map<String, Object> list(@RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "100") int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
      throw new RelayException(RelayError.INVALID_REQUEST, "offset must be >= 0 and limit between 1 and " + MAX_PAGE
          + ", got offset " + offset + " and limit " + limit);
    }
    List<Map<String, Object>> names = registry.list(offset, limit).stream().map(NamesController::json).toList();
    return Map.of("success", true, "names", names, "count", registry.count(), "offset", offset, "limit", limit);
  }

  @GetMapping("/names/{name}")
  @Operation(summary = "A name's owner, latest version and versions")
  @ApiResponse(responseCode = "200", description = "The name", content = @Content(schema = @Schema(
      implementation = NameVersions.class)))
  @ErrorResponses({400, 404})
  Map<String, Object> versions(@PathVariable String name) {
    requireName(name);
    List<NameRecord> versions = registry.versions(name);
    if (versions.isEmpty()) {
      throw new RelayException(RelayError.NAME_NOT_FOUND, "no glyph named " + name);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("name", name);
    body.put("owner", registry.owner(name).filter(NamesController::isOwner).orElse(null));
    body.put("latest", versions.get(0).version());
    body.put("versions", versions.stream().map(NamesController::json).toList());
    return body;
  }

  @GetMapping("/names/{name}/{version}")
  @Operation(summary = "One version, or latest")
  @ApiResponse(responseCode = "200", description = "The version", content = @Content(schema = @Schema(
      implementation = VersionJson.class)))
  @ErrorResponses({400, 404})
  Map<String, Object> version(@PathVariable String name, @PathVariable String version) {
    GlyphName glyph = glyph(name, version);
    return registry.find(glyph).map(NamesController::json).orElseThrow(() -> new RelayException(
        RelayError.NAME_NOT_FOUND, "no glyph " + name + "@" + version));
  }

  /**
   * Refuses a caller who does not own the name: only its owner or an administrator registers versions (local mode's
   * callers are all administrators). An unowned name (registered before owners, without identity) is an
   * administrator's.
   */
  private static void requireOwner(GlyphName name, String owner) {
    Caller caller = Callers.require();
    if (!caller.isAdmin() && !(isOwner(owner) && caller.principal().equals(owner))) {
      throw new RelayException(RelayError.NAME_OWNED, "glyph://" + name.name() + " belongs to another principal;"
          + " only its owner or an administrator registers its versions");
    }
  }

  /** Whether a recorded owner is a principal (not nobody: a name only administrators write). */
  private static boolean isOwner(String owner) {
    return owner != null && !owner.isEmpty() && !NameRegistry.UNOWNED.equals(owner);
  }

  private static Cid cid(String text) {
    if (text == null || text.isBlank()) {
      throw new RelayException(RelayError.INVALID_CID, "cid is missing");
    }
    try {
      return Cid.parse(text.trim());
    } catch (InvalidCidException e) {
      throw new RelayException(RelayError.INVALID_CID, "cid '" + text + "' is not a CID: " + e.getMessage());
    }
  }

  /** The name and version, checked against the naming rules: {@code INVALID_NAME} when they break one. */
  private static GlyphName glyph(String name, String version) {
    return checked(() -> new GlyphName(name, version));
  }

  private static void requireName(String name) {
    checked(() -> GlyphName.requireName(name));
  }

  private static <T> T checked(Supplier<T> naming) {
    try {
      return naming.get();
    } catch (IllegalArgumentException e) {
      throw new RelayException(RelayError.INVALID_NAME, e.getMessage());
    }
  }

  private static Map<String, Object> json(NameRecord r) {
    return Map.of("success", true, "name", r.name(), "version", r.version(),
        "glyph", GlyphName.SCHEME + r.name() + "@" + r.version(), "cid", r.cid(), "sha256", r.sha256(),
        "owner", r.owner(), "created_at", r.createdAt().toString());
  }
}
