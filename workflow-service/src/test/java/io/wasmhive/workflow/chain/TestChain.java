package io.wasmhive.workflow.chain;

import io.wasmhive.platform.testing.AnvilProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real anvil chain for the chain and contract tests, with the test's own JSON-RPC client: the test may write
 * (deploy, send, mine) while the read-only layer under test may not.
 */
public final class TestChain implements AutoCloseable {

  /** Anvil's unlocked account 0, which deploys the token and owns its supply. */
  public static final String OWNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  /** Anvil's account 1. */
  public static final String RECIPIENT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final AnvilProcess anvil;
  private final HttpClient client = HttpClient.newHttpClient();

  private TestChain(AnvilProcess anvil) {
    this.anvil = anvil;
  }

  /**
   * A chain for a test class's static field: started like {@link #start()}, failures rethrown unchecked. Pair it
   * with {@link #serve} in the class's {@code @DynamicPropertySource} and {@link #close} in its {@code @AfterAll}.
   */
  public static TestChain startForTestClass() {
    try {
      return start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Points the service under test at this chain ({@code workflow.chain.endpoints.<id>}) and gives its context
   * embedded stores of its own under {@code target/it-data/<dataDir>}: the context differs from the other test
   * classes' (cached) ones, which hold theirs.
   */
  public void serve(org.springframework.test.context.DynamicPropertyRegistry registry, String dataDir) {
    registry.add("workflow.chain.endpoints." + chainId(), () -> url().toString());
    registry.add("wasmhive.data-dir", () -> "target/it-data/" + dataDir);
  }

  public static TestChain start() throws IOException, InterruptedException {
    return new TestChain(AnvilProcess.start());
  }

  public long chainId() {
    return anvil.chainId();
  }

  public URI url() {
    return URI.create(anvil.url());
  }

  /** Read-only access to this chain alone, with the given limits. */
  public ReadOnlyRpc readOnlyRpc(SessionLimits limits) {
    return new ReadOnlyRpc(new ChainEndpoints(Map.of(chainId(), url())), limits, HttpClient.newHttpClient());
  }

  public static SessionLimits limits(Duration callTimeout, int callBudget) {
    return new SessionLimits(callTimeout, callBudget, 1024 * 1024, 4 * 1024 * 1024);
  }

  /** Calls the chain directly and answers the {@code result}, failing on an error. */
  public JsonNode call(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(url())
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString()))
          .build(), HttpResponse.BodyHandlers.ofString());
      JsonNode reply = JSON.readTree(response.body());
      if (reply.has("error")) {
        throw new IllegalStateException(method + " failed: " + reply.get("error"));
      }
      return reply.get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public void mine() {
    call("evm_mine");
  }

  public long blockNumber() {
    return Long.decode(call("eth_blockNumber").stringValue());
  }

  /**
   * Sends a transaction from an unlocked account and answers its receipt. anvil mines it at once, but on a loaded
   * machine the receipt can lag the answer to the send by a moment, so it is polled for (10 s at most).
   */
  public JsonNode send(Map<String, String> tx) {
    String hash = call("eth_sendTransaction", tx).stringValue();
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonNode receipt = call("eth_getTransactionReceipt", hash);
    while ((receipt == null || receipt.isNull()) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      receipt = call("eth_getTransactionReceipt", hash);
    }
    if (receipt == null || receipt.isNull()) {
      throw new IllegalStateException("no receipt for " + hash + " within 10 s");
    }
    return receipt;
  }

  /** Deploys TestToken from {@link #OWNER} with {@code supply} tokens; answers its address. */
  public String deployToken(long supply) {
    String bytecode = resource("/contracts/TestToken.bin").trim();
    String argument = String.format("%064x", supply);
    JsonNode receipt = send(Map.of("from", OWNER, "data", "0x" + bytecode + argument, "gas", "0x1c9c380"));
    if (!"0x1".equals(receipt.get("status").stringValue())) {
      throw new IllegalStateException("deployment failed: " + receipt);
    }
    return receipt.get("contractAddress").stringValue();
  }

  public static String resource(String path) {
    try (InputStream in = TestChain.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture of the RPC bridge, without its final newline. */
  public static String fixture(String name) {
    return resource("/workflow/rpc-bridge/" + name).stripTrailing();
  }

  @Override
  public void close() throws InterruptedException {
    anvil.close();
  }
}
