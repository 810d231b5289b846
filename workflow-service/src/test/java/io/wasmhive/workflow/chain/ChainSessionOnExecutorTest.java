package io.wasmhive.workflow.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.guests.GuestCorpus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A session as the executor's RPC handler: guests of the corpus reach anvil through {@code host.rpc_call}
 * ({@code c-rpc-run}) and through the file bridge ({@code c-file-bridge}), and get the session's answers unchanged.
 */
class ChainSessionOnExecutorTest {

  private static TestChain chain;
  private static ReadOnlyRpc rpc;
  private static WasmExecutor executor;

  @BeforeAll
  static void start() throws Exception {
    chain = TestChain.start();
    rpc = chain.readOnlyRpc(TestChain.limits(Duration.ofSeconds(5), 50));
    executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(2).initialWorkers(1).build());
  }

  @AfterAll
  static void stop() throws Exception {
    executor.close();
    chain.close();
  }

  private static String run(String guest, ChainSession session, String request) {
    byte[] module = GuestCorpus.bytes(guest);
    String moduleId = executor.register(module).id();
    ExecutionResult result = executor.execute(ExecutionTask.builder(moduleId).moduleBytes(module)
        .entry(Entry.stdio("run")).stdin((request + "\n").getBytes(StandardCharsets.UTF_8)).rpcHandler(session)
        .build()).orThrow();
    return new String(result.stdout(), StandardCharsets.UTF_8).stripTrailing();
  }

  @ParameterizedTest
  @ValueSource(strings = {"c-rpc-run.wasm", "c-file-bridge.wasm"})
  void guestsReadTheChainAtThePinnedBlockAndCannotWrite(String guest) {
    ChainSession session = rpc.openSession(chain.chainId());
    String blockNumber = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}";
    String first = run(guest, session, blockNumber);
    assertThat(first).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + Long.toHexString(chain.blockNumber())
        + "\"}");
    chain.mine();
    assertThat(run(guest, session, blockNumber)).isEqualTo(first);

    String balance = "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"eth_getBalance\",\"params\":[\""
        + TestChain.OWNER + "\",\"latest\"],\"chainId\":" + chain.chainId() + "}";
    assertThat(run(guest, session, balance)).startsWith("{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"result\":\"0x");

    assertThat(run(guest, session, TestChain.fixture("write-method-refused.request.json")))
        .isEqualTo(TestChain.fixture("write-method-refused.response.json"));
    assertThat(session.exchanges()).extracting(RpcExchange::method)
        .isEqualTo(List.of("eth_blockNumber", "eth_blockNumber", "eth_getBalance", "eth_sendRawTransaction"));
  }
}
