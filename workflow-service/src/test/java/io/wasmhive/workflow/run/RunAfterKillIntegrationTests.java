package io.wasmhive.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.testing.ServiceApps;
import io.wasmhive.platform.testing.ServiceProcess;
import io.wasmhive.workflow.WorkflowApplication;
import io.wasmhive.workflow.chain.TestChain;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run accepted before the instance running it was killed with SIGKILL completes once after another instance
 * starts: the run's claim runs out with its lease, the stream entry is reclaimed, and the one final state is written
 * by the second claim. The chain is reached through a slow JSON-RPC proxy (a fake of a slow upstream, 0.6 s per request, in this
 * JVM), so the killed instance is certainly inside the WebAssembly step when it dies.
 */
class RunAfterKillIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final List<String> DEFAULTS = List.of("WASM_INITIAL_WORKERS=1", "WASM_MAX_WORKERS=2",
      "wasmhive.events.consumer.block-timeout=200ms", "wasmhive.events.consumer.claim-interval=200ms",
      "workflow.runs.lease=4s");

  @TempDir
  Path dir;

  private TestChain chain;
  private HttpServer slowProxy;
  private final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeEach
  void startChainAndProxy() throws Exception {
    chain = TestChain.start();
    slowProxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slowProxy.setExecutor(Executors.newCachedThreadPool());
    slowProxy.createContext("/", exchange -> {
      byte[] request = exchange.getRequestBody().readAllBytes();
      try {
        Thread.sleep(600);
        HttpResponse<byte[]> upstream = HTTP.send(HttpRequest.newBuilder(chain.url())
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, upstream.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(upstream.body());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(500, -1);
      }
    });
    slowProxy.start();
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    if (slowProxy != null) {
      slowProxy.stop(0);
    }
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void aRunWhoseRunnerWasKilledCompletesOnceAfterAnotherInstanceStarts() throws Exception {
    String token = chain.deployToken(5_000);
    String endpoint = "workflow.chain.endpoints." + chain.chainId() + "=http://127.0.0.1:"
        + slowProxy.getAddress().getPort();
    ConfigurableApplicationContext api = ServiceApps.start(WorkflowApplication.class, dir.resolve("api"), DEFAULTS,
        List.of("workflow.runs.consume=false", "wasmhive.events.consumer-name=api", endpoint).toArray(String[]::new));
    closing.add(api);
    String sha256 = api.getBean(ModuleStore.class).put(GuestCorpus.bytes("wf-balance-rpc.wasm"),
        ModuleOrigin.of("test")).sha256();
    String url = ServiceApps.url(api);
    List<String> worker = new ArrayList<>(DEFAULTS);
    worker.addAll(List.of(ServiceApps.sharingStoresOf(api)));
    worker.add(endpoint);

    String runId;
    try (ServiceProcess doomed = ServiceProcess.start(WorkflowApplication.class, dir.resolve("doomed.log"),
        with(worker, "wasmhive.events.consumer-name=doomed", "wasmhive.data-dir=" + dir.resolve("doomed"))
            .toArray(String[]::new))) {
      String workflowId = JSON.readTree(post(url + "/workflows", workflow(token, sha256)).body()).get("id")
          .stringValue();
      HttpResponse<String> accepted = post(url + "/workflows/" + workflowId + "/jobs/job-1/runs", "");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      runId = JSON.readTree(accepted.body()).get("id").stringValue();
      // The doomed instance claims the run and sits in the module's eth_call, which the proxy holds for 0.6 s (and the pinning eth_blockNumber before it as long).
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!status(url, runId).equals("RUNNING") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(status(url, runId)).as(doomed.lastOutput()).isEqualTo("RUNNING");
      doomed.kill9();
      assertThat(doomed.alive()).isFalse();
    }
    assertThat(status(url, runId)).as("nothing finished the run before the rescue").isEqualTo("RUNNING");

    ConfigurableApplicationContext rescuer = ServiceApps.start(WorkflowApplication.class, dir.resolve("rescuer"),
        DEFAULTS, with(worker, "wasmhive.events.consumer-name=rescuer").toArray(String[]::new));
    closing.add(rescuer);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!List.of("SUCCEEDED", "FAILED").contains(status(url, runId)) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    JsonNode run = JSON.readTree(get(url + "/runs/" + runId).body());
    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.get("attempts").intValue()).as("claimed by the killed instance, then by the rescuer").isEqualTo(2);
    assertThat(run.get("steps").get(0).get("output").get("value").stringValue()).isEqualTo("5000");
    assertThat(run.get("steps").get(1).get("call").get("success").booleanValue()).isTrue();
    assertThat(run.get("wasmRefContext").get("resolvedRefs")).hasSize(1);
  }

  private static List<String> with(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }

  private String workflow(String token, String sha256) {
    return "{\"owner\":\"" + TestChain.OWNER + "\",\"triggers\":[],\"jobs\":[{\"id\":\"job-1\",\"chainId\":"
        + chain.chainId() + ",\"steps\":[{\"target\":\"0x0000000000000000000000000000000000000000\",\"abi\":\"\","
        + "\"args\":[],\"value\":\"0\",\"type\":\"wasm\",\"wasmHash\":\"" + sha256 + "\",\"wasmInput\":"
        + JSON.writeValueAsString(Map.of("token", token, "holder", TestChain.OWNER)) + ",\"wasmId\":\"balance\"},"
        + "{\"target\":\"" + token + "\",\"abi\":\"transfer(address,uint256)\",\"args\":[\"" + TestChain.RECIPIENT
        + "\",\"$wasm:balance\"],\"value\":\"0\",\"type\":\"contract\"}],\"session\":\"c2Vzc2lvbg\"}]}";
  }

  private static String status(String url, String runId) throws IOException, InterruptedException {
    return JSON.readTree(get(url + "/runs/" + runId).body()).get("status").stringValue();
  }

  private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
