package io.wasmhive.platform.security.app;

import io.wasmhive.platform.security.Caller;
import io.wasmhive.platform.security.Callers;
import io.wasmhive.platform.security.PublicPaths;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service behind the platform's security chain: who am I, a write that counts, a public ping. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecuredApp.Endpoints.class)
public class SecuredApp {

  /** Writes that reached the controller. */
  public static final AtomicInteger WRITES = new AtomicInteger();

  @Bean
  PublicPaths publicPaths() {
    return PublicPaths.of("/ping");
  }

  /** Starts it on a loopback ephemeral port over its own embedded stores, with extra properties. */
  public static ConfigurableApplicationContext start(Path dataDir, String... properties) {
    List<String> all = new java.util.ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
        "wasmhive.data-dir=" + dataDir, "wasmhive.embedded.mongo.port=0", "wasmhive.embedded.redis.port=0"));
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(SecuredApp.class).properties(all.toArray(String[]::new)).run();
  }

  @RestController
  static class Endpoints {

    @GetMapping("/whoami")
    Map<String, Object> whoami() {
      Caller caller = Callers.require();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("principal", caller.principal());
      body.put("tenant", caller.tenant());
      body.put("roles", caller.roles().stream().sorted().toList());
      body.put("source", caller.source().name());
      return body;
    }

    @PostMapping("/write")
    Map<String, Object> write() {
      return Map.of("writes", WRITES.incrementAndGet());
    }

    @GetMapping("/ping")
    String ping() {
      return "pong";
    }
  }
}
