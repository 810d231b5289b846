package io.wasmhive.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** procedure-service on a random port, on the embedded MongoDB and Redis, asked over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "wasmhive.embedded.mongo.port=0",
    "wasmhive.embedded.redis.port=0",
    "wasmhive.data-dir=target/it-data"})
class ProcedureApplicationIntegrationTests {

  @LocalServerPort
  int port;

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
