package io.wasmhive.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real HTTP requests to a running service, each response checked against its {@link OpenApiDocument} as it comes
 * back (the status documented, the body valid against the schema), and what each operation answered remembered, so
 * that a test can require a success and an error case of every documented operation. Not thread-safe for
 * concurrent sends of one test; one client per test.
 */
public final class ContractClient {

  private final String base;
  private final OpenApiDocument document;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Set<Integer>> answered = new ConcurrentHashMap<>();

  ContractClient(String base, OpenApiDocument document) {
    this.base = base;
    this.document = document;
  }

  /** A request to {@code path} (and query) of the service. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  /** Sends the request and checks the response. Blocks until the whole body is read. */
  public HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    HttpRequest request = builder.build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    check(request, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
        response.body());
    return response;
  }

  public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    return send(withHeaders(request(path).GET(), headers));
  }

  public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return send(request(path).DELETE());
  }

  public HttpResponse<String> head(String path) throws IOException, InterruptedException {
    return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  /** {@code POST} of a JSON body. */
  public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> post(String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** {@code POST} of one file as {@code multipart/form-data}, under the form field {@code field}. */
  public HttpResponse<String> postFile(String path, String field, String filename, byte[] file)
      throws IOException, InterruptedException {
    String boundary = "contract-" + Long.toHexString(System.nanoTime());
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(file, 0, body, head.length, file.length);
    System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
    return post(path, "multipart/form-data; boundary=" + boundary, body);
  }

  /**
   * Opens a Server-Sent Events stream and checks its status and media type (an error's body against its schema),
   * then closes it without reading the events. Returns the status.
   */
  public int openStream(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest request = withHeaders(request(path).GET(), headers).header("Accept", "text/event-stream").build();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    try (InputStream body = response.body()) {
      String text = response.statusCode() == 200 ? null : new String(body.readAllBytes(), StandardCharsets.UTF_8);
      check(request, response.statusCode(), contentType, text);
    }
    if (response.statusCode() == 200) {
      assertThat(contentType).as("GET " + path).startsWith("text/event-stream");
    }
    return response.statusCode();
  }

  private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private void check(HttpRequest request, int status, String contentType, String body) {
    String path = request.uri().getRawPath();
    String template = document.template(path).orElse(null);
    assertThat(template).as("%s %s reaches no documented path", request.method(), path).isNotNull();
    List<String> problems = document.problems(template, request.method(), status, contentType, body);
    assertThat(problems).as("%s %s", request.method(), path).isEmpty();
    answered.computeIfAbsent(request.method() + " " + template, key -> ConcurrentHashMap.newKeySet()).add(status);
  }

  /** Requires the response to have {@code status}, saying what came back otherwise; returns its body. */
  public String expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as("%s %s answered %s", response.request().method(), response.uri(),
        response.body()).isEqualTo(status);
    return response.body();
  }

  /**
   * Requires every documented operation to have answered a success (2xx or 3xx) and, unless it is listed in
   * {@code withoutErrorCase} (as {@code GET /health}), an error (4xx or 5xx).
   */
  public void assertEveryOperationExercised(Set<String> withoutErrorCase) {
    List<String> missing = new ArrayList<>();
    for (String operation : document.operations()) {
      Set<Integer> statuses = answered.getOrDefault(operation, Set.of());
      if (statuses.stream().noneMatch(s -> s < 400)) {
        missing.add(operation + ": no success case");
      }
      if (!withoutErrorCase.contains(operation) && statuses.stream().noneMatch(s -> s >= 400)) {
        missing.add(operation + ": no error case");
      }
    }
    assertThat(missing).as("operations the contract test did not exercise (answered: %s)",
        new TreeMap<>(answered)).isEmpty();
  }

  /** The operations that answered, with their statuses, for messages. */
  public Map<String, Set<Integer>> answered() {
    Map<String, Set<Integer>> sorted = new TreeMap<>();
    answered.forEach((operation, statuses) -> sorted.put(operation, new TreeSet<>(statuses)));
    return sorted;
  }
}
