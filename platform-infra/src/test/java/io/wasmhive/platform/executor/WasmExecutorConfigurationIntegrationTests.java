package io.wasmhive.platform.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.executor.WasmValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.metrics.WasmExecutorMeters;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.modules.MongoModuleStore;
import io.wasmhive.platform.modules.StoredModule;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A Spring application importing {@link WasmExecutorConfiguration}, on the module store over the embedded MongoDB
 * stand-in: seed 004's variable names given as arguments configure the pool, and a module that is only in the
 * store runs by its SHA-256 alone.
 */
class WasmExecutorConfigurationIntegrationTests {

  @TempDir
  static Path dataDir;

  static MongoServer server;
  static MongoClient client;

  @BeforeAll
  static void startMongo() {
    server = new MongoServer(new H2Backend(dataDir.resolve("executor.mv").toString()));
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
  }

  @AfterAll
  static void stopMongo() {
    client.close();
    server.shutdownNow();
  }

  @Configuration(proxyBeanMethods = false)
  @Import(WasmExecutorConfiguration.class)
  static class App {

    @Bean
    ModuleStore moduleStore() {
      return new MongoModuleStore(new MongoTemplate(client, "wasmhive"));
    }

    @Bean
    WasmExecutorCustomizer policies() {
      return builder -> builder.defaultPolicy(new Policy(0, 0, 1_234, 0));
    }
  }

  @Test
  void theOldVariableNamesConfigureThePoolAndModulesComeFromTheStore() throws Exception {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
        .web(WebApplicationType.NONE).run("--WASM_MAX_WORKERS=3", "--WASM_INITIAL_WORKERS=1",
            "--WASM_CACHE_SIZE=5")) {
      WasmExecutor executor = context.getBean(WasmExecutor.class);
      assertThat(executor.options().maxWorkers()).isEqualTo(3);
      assertThat(executor.options().initialWorkers()).isEqualTo(1);
      assertThat(executor.options().cacheSize()).isEqualTo(5);
      assertThat(executor.options().defaultPolicy().maxTime()).isEqualTo(1_234);

      byte[] add = GuestCorpus.bytes("wat-add.wasm");
      StoredModule stored = context.getBean(ModuleStore.class).put(add, ModuleOrigin.of("test"));
      ExecutionTask task = ExecutionTask.builder(stored.sha256())
          .entry(Entry.typed("add", WasmValue.i32(20), WasmValue.i32(22))).build();

      assertThat(executor.execute(task).orThrow().value().asInt()).isEqualTo(42);
      assertThat(executor.load(stored.sha256()).exports()).containsKey("add");
      assertThat(executor.stats().cacheMisses()).isEqualTo(1);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(WasmExecutorMeters.class).bindTo(registry);
      assertThat(registry.get("wasm.executor.tasks").tag("outcome", "completed").functionCounter().count())
          .isEqualTo(1);
      assertThat(registry.get("wasm.executor.workers.max").gauge().value()).isEqualTo(3);
    }
  }

  @Test
  void theExecutorClosesWithTheContext() {
    WasmExecutor executor;
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
        .web(WebApplicationType.NONE).run("--WASM_INITIAL_WORKERS=0")) {
      executor = context.getBean(WasmExecutor.class);
      assertThat(executor.isShutdown()).isFalse();
    }
    assertThat(executor.isShutdown()).isTrue();
  }
}
