package io.wasmhive.platform.events.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.ProbeRequested;
import io.wasmhive.platform.events.Subscription;
import io.wasmhive.platform.events.redis.RedisStreamEventBus;

/** A Spring application on the embedded Redis gets a bus, and its Subscription beans run with it. */
class EventBusAutoConfigurationIntegrationTests {

  static final List<ProbeRequested> RECEIVED = new CopyOnWriteArrayList<>();

  @TempDir
  Path dataDir;

  @Test
  void subscriptionBeansConsumeWhileTheContextRunsAndStopWithIt() {
    try (ConfigurableApplicationContext context = start("wasmhive.events.consumer-name=app-1")) {
      EventBus bus = context.getBean(EventBus.class);
      assertThat(bus).isInstanceOf(RedisStreamEventBus.class);
      assertThat(((RedisStreamEventBus) bus).consumerName()).isEqualTo("app-1");
      bus.publish("auto.probes", ProbeRequested.number(42));
      await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVED.contains(ProbeRequested.number(42)));
      assertThat(threads()).isEqualTo(1);
    }
    assertThat(threads()).isZero();
  }

  @Test
  void theBusCanBeSwitchedOff() {
    try (ConfigurableApplicationContext context = start("wasmhive.events.enabled=false")) {
      assertThat(context.getBeansOfType(EventBus.class)).isEmpty();
    }
  }

  private ConfigurableApplicationContext start(String property) {
    return new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.NONE)
        .properties("wasmhive.data-dir=" + dataDir, "wasmhive.embedded.redis.port=0",
            "wasmhive.embedded.mongo.port=0", "management.health.mongo.enabled=false", property)
        .run();
  }

  private static long threads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("events-auto.probes-") && thread.isAlive())
        .count();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {

    @Bean
    Subscription<ProbeRequested> probes() {
      return Subscription.of("auto.probes", "auto", ProbeRequested.class,
          (event, delivery) -> RECEIVED.add(event)).withOptions(o -> o.withBlockTimeout(Duration.ofMillis(200)));
    }
  }
}
