package io.wasmhive.platform.testing.httpfuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the fuzzer's own tests fuzz: a typed JSON endpoint, a path variable, and one endpoint with a bug a fuzzer
 * finds (a 500 for any order but the plausible one), on the platform's security chain and error handling, in local
 * mode.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FuzzTargetApp.Endpoints.class)
class FuzzTargetApp {

  static ConfigurableApplicationContext start(Path dataDir) {
    return new SpringApplicationBuilder(FuzzTargetApp.class).properties("server.port=0", "server.address=127.0.0.1",
        "wasmhive.data-dir=" + dataDir, "wasmhive.embedded.mongo.port=0", "wasmhive.embedded.redis.port=0").run();
  }

  /** The body of {@code POST /orders}. */
  record Order(String item, int count, List<String> tags) {
  }

  @RestController
  static class Endpoints {

    @PostMapping("/orders")
    Map<String, Object> order(@RequestBody Order order) {
      return Map.of("item", String.valueOf(order.item()), "count", order.count());
    }

    @GetMapping("/orders/{id}")
    Map<String, Object> get(@PathVariable String id) {
      return Map.of("id", id.length());
    }

    @PostMapping("/buggy")
    Map<String, Object> buggy(@RequestBody Order order) {
      if (!"fuzz".equals(order.item()) || order.count() != 1) {
        throw new IllegalStateException("only the plausible order is handled");
      }
      return Map.of("ok", true);
    }
  }
}
