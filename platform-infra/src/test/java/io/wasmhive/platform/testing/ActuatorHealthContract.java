package io.wasmhive.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every service's health must answer, asked over real HTTP: {@code /actuator/health} with details on the
 * management port, {@code /livez} and {@code /readyz} without details on the main port, and no actuator there.
 * Extend it in a {@link ServiceIntegrationTest}.
 */
public abstract class ActuatorHealthContract {

  @LocalServerPort
  protected int port;

  @LocalManagementPort
  protected int managementPort;

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theMainPortAnswersProbesWithoutDetailsAndServesNoActuator() throws IOException, InterruptedException {
    assertThat(managementPort).isNotEqualTo(port);
    for (String probe : new String[] {"/livez", "/readyz"}) {
      HttpResponse<String> response = get(port, probe);
      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
    }
    for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/metrics"}) {
      assertThat(get(port, path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void healthIsUpWithMongoAndRedis() throws IOException, InterruptedException {
    HttpResponse<String> response = get(managementPort, "/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("UP");
    assertThat(JsonPath.<String>read(body, "$.components.mongo.status")).isEqualTo("UP");
    assertThat(JsonPath.<String>read(body, "$.components.redis.status")).isEqualTo("UP");
  }
}
