import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A blocking JSON client over loopback HTTP/1.1; thread-safe. An I/O failure is status -1, never an exception. */
final class Http {

  /** One answer: the status (-1 when the connection failed or timed out) and the body. */
  record Answer(int status, String body, long nanos) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The first string value of a JSON member, or null. */
    String field(String name) {
      Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
      return m.find() ? m.group(1) : null;
    }
  }

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3)).build();

  private Http() {
  }

  static Answer post(String url, String json) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("user_id", "chaos").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  static Answer postBytes(String url, byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/wasm")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static Answer get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("user_id", "chaos").GET());
  }

  static Answer delete(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("user_id", "chaos").DELETE());
  }

  private static Answer send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(15)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
    } catch (IOException e) {
      return new Answer(-1, String.valueOf(e), System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, "interrupted", System.nanoTime() - start);
    }
  }
}
