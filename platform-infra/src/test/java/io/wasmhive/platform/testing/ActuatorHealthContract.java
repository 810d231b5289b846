package io.wasmhive.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every service's {@code /actuator/health} must answer, asked over real HTTP. Extend it in a {@link ServiceIntegrationTest}. */
public abstract class ActuatorHealthContract {

  @LocalServerPort
  protected int port;

  @Test
  void healthIsUpWithMongoAndRedis() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("UP");
    assertThat(JsonPath.<String>read(body, "$.components.mongo.status")).isEqualTo("UP");
    assertThat(JsonPath.<String>read(body, "$.components.redis.status")).isEqualTo("UP");
  }
}
