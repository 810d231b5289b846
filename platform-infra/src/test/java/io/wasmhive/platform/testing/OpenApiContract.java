package io.wasmhive.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI contract, checked on the running service (ADR 0025): the document it serves at
 * {@code /v3/api-docs} is the one committed in {@code docs/openapi/<service>.json} (rewritten instead when the test
 * runs with {@code -Dopenapi.update=true}); every Spring MVC handler of the service is in it; and real requests,
 * success and error cases of every documented operation, get responses the document describes. Extend it in the
 * service's plain {@link ServiceIntegrationTest} context, so that it costs no context of its own.
 */
public abstract class OpenApiContract {

  /** The system property that rewrites the committed document instead of comparing it. */
  public static final String UPDATE = "openapi.update";

  @LocalServerPort
  protected int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping handlers;

  /** The service's name, which names its document: {@code docs/openapi/<service>.json}. */
  protected abstract String service();

  /** Sends the service's real requests through {@code client}, which checks every response as it comes back. */
  protected abstract void exchanges(ContractClient client) throws Exception;

  /**
   * Operations with no error case to exercise in this context, as {@code GET /health}; by default the admin API's
   * list, which refuses only in secure mode (the security chain's 401/403, documented for every operation).
   */
  protected Set<String> withoutErrorCase() {
    return Set.of("GET /admin/api-keys");
  }

  /** The document the service serves now. Blocks for one request. */
  protected String servedDocument() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
    return response.body();
  }

  @Test
  void theCommittedDocumentIsTheServedOne() throws IOException, InterruptedException {
    String served = servedDocument();
    Path committed = repositoryRoot().resolve("docs/openapi/" + service() + ".json");
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(committed.getParent());
      Files.writeString(committed, served.strip() + "\n", StandardCharsets.UTF_8);
      return;
    }
    String message = committed + " is not the document " + service() + " serves; regenerate it with\n  ./mvnw -B -o "
        + "-pl " + service() + " -am test -Dtest=" + getClass().getSimpleName()
        + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true\nand commit the change";
    if (!Files.exists(committed)) {
      fail(message);
    }
    JsonMapper json = JsonMapper.builder().build();
    assertThat(json.readTree(Files.readString(committed))).as(message).isEqualTo(json.readTree(served));
  }

  @Test
  void everyHandlerIsDocumented() throws IOException, InterruptedException {
    OpenApiDocument document = new OpenApiDocument(servedDocument());
    List<String> missing = new ArrayList<>();
    Set<String> handled = new TreeSet<>();
    handlers.getHandlerMethods().forEach((info, method) -> {
      if (isFrameworks(method)) {
        return;
      }
      for (String path : paths(info)) {
        for (String verb : methods(info)) {
          handled.add(verb + " " + path);
          if (document.operation(path, verb).isMissingNode()) {
            missing.add(verb + " " + path + " (" + method.getShortLogMessage() + ")");
          }
        }
      }
    });
    assertThat(handled).as("the service's handlers").isNotEmpty();
    assertThat(missing).as("handlers missing from the OpenAPI document").isEmpty();
  }

  @Test
  void everyResponseIsDocumentedAndEveryOperationExercised() throws Exception {
    ContractClient client = new ContractClient("http://127.0.0.1:" + port, new OpenApiDocument(servedDocument()));
    adminApi(client);
    exchanges(client);
    client.assertEveryOperationExercised(withoutErrorCase());
  }

  /** platform-infra's admin API, which every service serves: issue, list, revoke, and its errors. */
  private static void adminApi(ContractClient client) throws IOException, InterruptedException {
    HttpResponse<String> issued = client.post("/admin/api-keys",
        "{\"principal\":\"contract\",\"tenant\":\"t1\",\"roles\":[]}");
    assertThat(issued.statusCode()).isEqualTo(201);
    assertThat(client.post("/admin/api-keys", "{\"tenant\":\"t1\"}").statusCode()).isEqualTo(400);
    assertThat(client.get("/admin/api-keys").statusCode()).isEqualTo(200);
    String id = JsonMapper.builder().build().readTree(issued.body()).path("id").asString();
    assertThat(client.delete("/admin/api-keys/" + id).statusCode()).isEqualTo(204);
    assertThat(client.delete("/admin/api-keys/" + id).statusCode()).isEqualTo(404);
  }

  /** Springdoc's and Boot's handlers, and the error page (Boot's or platform-infra's in the service's shape). */
  private static boolean isFrameworks(HandlerMethod method) {
    String type = method.getBeanType().getName();
    return type.startsWith("org.springdoc.") || type.startsWith("org.springframework.boot.")
        || ErrorController.class.isAssignableFrom(method.getBeanType());
  }

  private static Set<String> paths(RequestMappingInfo info) {
    Set<String> paths = new TreeSet<>();
    // {requestId:[0-9A-Za-z]+} is documented as {requestId}.
    info.getPatternValues().forEach(p -> paths.add(p.replaceAll("\\{([^}:]+):[^}]*}", "{$1}")));
    return paths;
  }

  private static Set<String> methods(RequestMappingInfo info) {
    Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
    Set<String> methods = new TreeSet<>();
    if (declared.isEmpty()) {
      methods.add("GET");
    }
    declared.forEach(m -> methods.add(m.name().toUpperCase(Locale.ROOT)));
    return methods;
  }

  /** The repository's root: the nearest directory up from the working directory that holds {@code mvnw}. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
  }
}
