package io.wasmhive.platform.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI 3.1 document, as a judge of real responses: which operation a request reached (by path
 * template, literal segments before variables), whether the response's status and media type are documented, and
 * whether its JSON body validates against the documented schema (JSON Schema 2020-12, {@code $ref}s resolved in the
 * document). Thread-safe.
 */
public final class OpenApiDocument {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static final java.util.Set<String> METHODS = java.util.Set.of("get", "put", "post", "delete", "options",
      "head", "patch", "trace");

  private final JsonNode document;
  private final List<Template> templates;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  /** A documented path as a pattern over request paths. */
  record Template(String path, Pattern pattern, int variables) {
  }

  /** The document in {@code json}. */
  public OpenApiDocument(String json) {
    this.document = JSON.readTree(json);
    List<Template> all = new ArrayList<>();
    for (String path : document.path("paths").propertyNames()) {
      String regex = Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
      all.add(new Template(path, Pattern.compile(regex), path.split("\\{", -1).length - 1));
    }
    all.sort(Comparator.comparingInt(Template::variables));
    this.templates = List.copyOf(all);
  }

  /** Every documented operation, as {@code GET /names/{name}}. */
  public List<String> operations() {
    List<String> operations = new ArrayList<>();
    for (String path : document.path("paths").propertyNames()) {
      for (String method : document.path("paths").path(path).propertyNames()) {
        if (METHODS.contains(method)) {
          operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
        }
      }
    }
    return operations;
  }

  /** The document's tree. */
  public JsonNode tree() {
    return document;
  }

  /** The documented path a request path reaches (literal matches first), if any. */
  public Optional<String> template(String requestPath) {
    return templates.stream().filter(t -> t.pattern().matcher(requestPath).matches()).map(Template::path)
        .findFirst();
  }

  /** The operation of {@code method} (lower case) on a documented path, or a missing node. */
  public JsonNode operation(String template, String method) {
    return document.path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * What is wrong with a response to {@code method template} by the document: an undocumented status or media
   * type, a body that breaks the schema. Empty when the response is as documented.
   */
  public List<String> problems(String template, String method, int status, String contentType, String body) {
    String where = method + " " + template + " → " + status;
    JsonNode operation = operation(template, method);
    if (operation.isMissingNode()) {
      return List.of(method + " " + template + " is not documented");
    }
    JsonNode response = operation.path("responses").path(Integer.toString(status));
    if (response.isMissingNode()) {
      response = operation.path("responses").path("default");
    }
    if (response.isMissingNode()) {
      return List.of(where + ": the status is not documented (documented: "
          + operation.path("responses").propertyNames() + ")");
    }
    JsonNode content = response.path("content");
    if (body == null || body.isEmpty() || content.isMissingNode() || content.isEmpty()) {
      return body != null && !body.isEmpty() && content.isEmpty()
          ? List.of(where + ": a body came back (" + contentType + ") but none is documented") : List.of();
    }
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
    JsonNode media = content.path(mediaType);
    if (media.isMissingNode()) {
      media = content.path("*/*");
    }
    if (media.isMissingNode()) {
      return List.of(where + ": media type '" + mediaType + "' is not documented (documented: "
          + content.propertyNames() + ")");
    }
    if (!mediaType.endsWith("json") || media.path("schema").isMissingNode()) {
      return List.of();
    }
    return validate(where, media.path("schema"), body);
  }

  private List<String> validate(String where, JsonNode schemaNode, String body) {
    JsonNode instance;
    try {
      instance = JSON.readTree(body);
    } catch (RuntimeException e) {
      return List.of(where + ": the body is not JSON: " + body);
    }
    Schema schema = compiled.computeIfAbsent(schemaNode.toString(), key -> {
      ObjectNode root = ((ObjectNode) schemaNode).deepCopy();
      root.set("components", document.path("components"));
      return SCHEMAS.getSchema(root);
    });
    List<Error> errors = schema.validate(instance);
    return errors.stream().map(e -> where + ": " + e + " in " + abbreviate(body)).toList();
  }

  private static String abbreviate(String body) {
    return body.length() > 600 ? body.substring(0, 600) + "…" : body;
  }
}
