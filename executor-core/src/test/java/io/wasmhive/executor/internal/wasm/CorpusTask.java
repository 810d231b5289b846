package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.Guests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * One execution of a corpus guest for the engine-differential test: the module, what the task sets (entry, stdin,
 * arguments, environment, policy) and the answer its RPC handler gives. {@link #build} makes a deterministic task
 * (fixed id, virtual clock and random source) whose RPC requests and progress reports are appended to a list.
 *
 * @param gasEngineDefined the execution ends in a stack overflow, where the gas used depends on how deep the engine
 *     lets a guest recurse: everything but the gas is compared
 */
record CorpusTask(String name, String module, Consumer<ExecutionTask.Builder> setup, byte[] rpcResponse,
                  boolean gasEngineDefined) {

  static final byte[] NULL_RESULT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}".getBytes(StandardCharsets.UTF_8);

  CorpusTask(String name, String module, Consumer<ExecutionTask.Builder> setup) {
    this(name, module, setup, NULL_RESULT, false);
  }

  CorpusTask rpc(String response) {
    return new CorpusTask(name, module, setup, response.getBytes(StandardCharsets.UTF_8), gasEngineDefined);
  }

  CorpusTask withGasEngineDefined() {
    return new CorpusTask(name, module, setup, rpcResponse, true);
  }

  /** The task; {@code hostCalls} (thread-safe) receives {@code rpc <request>} and {@code progress <n>} in order. */
  ExecutionTask build(List<String> hostCalls) {
    ExecutionTask.Builder b = ExecutionTask.builder(Guests.id(module)).moduleBytes(Guests.bytes(module))
        .id("engine-differential " + name).deterministic(true)
        .rpcHandler((request, timeout) -> {
          hostCalls.add("rpc " + new String(request, StandardCharsets.ISO_8859_1));
          return rpcResponse.clone();
        })
        .progressListener(percent -> hostCalls.add("progress " + percent));
    setup.accept(b);
    return b.build();
  }

  @Override
  public String toString() {
    return name;
  }
}
