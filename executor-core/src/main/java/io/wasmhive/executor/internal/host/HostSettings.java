package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.DatabaseHandler;
import io.wasmhive.executor.RpcHandler;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * What one execution's host interface is built from. Immutable once built, except that the byte arrays
 * of {@code files} are shared, not copied, until the virtual filesystem copies them.
 *
 * @param executionId identifies the execution; in deterministic mode it seeds the clocks and randomness
 * @param stdin what the guest reads on fd 0
 * @param args program arguments after {@code argv[0]} ({@code main.wasm})
 * @param env environment variables; the RPC bridge variables are always added on top
 * @param files initial files of the virtual filesystem, by path relative to {@code /}
 * @param deterministic whether clocks and randomness derive from {@code executionId} instead of the host
 * @param maxOutputBytes the most bytes the guest may write to stdout, and separately to stderr
 * @param rpcHandler answers {@code host.rpc_call} and the file bridge; {@code null} answers with an error
 * @param deadlineNanos the {@link System#nanoTime()} after which the execution may no longer wait
 * @param progressListener receives {@code host.progress} percentages; may be {@code null}
 * @param database answers the {@code db} imports; {@code null} answers them with {@code NO_DATABASE}
 */
public record HostSettings(String executionId, byte[] stdin, List<String> args, Map<String, String> env,
    Map<String, byte[]> files, boolean deterministic, long maxOutputBytes, RpcHandler rpcHandler,
    long deadlineNanos, IntConsumer progressListener, DatabaseHandler database) {

  public HostSettings {
    Objects.requireNonNull(executionId, "executionId");
    if (maxOutputBytes < 0) {
      throw new IllegalArgumentException("maxOutputBytes must not be negative: " + maxOutputBytes);
    }
    stdin = stdin == null ? new byte[0] : stdin.clone();
    args = args == null ? List.of() : List.copyOf(args);
    // Sorted so that the guest sees the same environ order on every run (deterministic replay).
    env = env == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(env));
    files = files == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(files));
    args.forEach(HostSettings::requireNoNul);
    env.forEach((key, value) -> {
      requireNoNul(key);
      requireNoNul(value);
      if (key.isEmpty() || key.indexOf('=') >= 0) {
        throw new IllegalArgumentException("invalid environment variable name: " + key);
      }
    });
  }

  private static void requireNoNul(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("arguments and environment must not contain NUL");
    }
  }
}
