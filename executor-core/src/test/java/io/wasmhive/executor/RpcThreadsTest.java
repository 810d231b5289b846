package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.Guests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The threads that run RPC handlers belong to their executor: closing it ends them. */
class RpcThreadsTest {

  private static final String REQUEST = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]}\n";
  private static final String RESPONSE = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1\"}";

  @Test
  void afterCloseNoThreadThatRanAHandlerIsAlive() throws Exception {
    Set<Thread> handlerThreads = ConcurrentHashMap.newKeySet();
    // Two handlers wait for each other, so the pool needs two threads at once.
    CountDownLatch together = new CountDownLatch(2);
    RpcHandler handler = (request, timeout) -> {
      handlerThreads.add(Thread.currentThread());
      together.countDown();
      together.await(10, TimeUnit.SECONDS);
      return utf8(RESPONSE);
    };
    WasmExecutor executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(2).initialWorkers(2).build());
    List<ExecutionTask> tasks = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      tasks.add(task("c-rpc-run.wasm").entry(Entry.stdio("run")).stdin(utf8(REQUEST)).rpcHandler(handler)
          .policy(new Policy(0, 0, 20_000, 0)).build());
    }
    for (ExecutionResult r : executor.executeBatch(tasks)) {
      assertThat(utf8(r.orThrow().stdout())).isEqualTo(RESPONSE + "\n");
    }
    assertThat(handlerThreads).hasSizeGreaterThanOrEqualTo(2).allMatch(Thread::isDaemon);

    executor.close();

    assertThat(handlerThreads).noneMatch(Thread::isAlive);
  }
}
