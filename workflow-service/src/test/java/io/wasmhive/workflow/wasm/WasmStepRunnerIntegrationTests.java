package io.wasmhive.workflow.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.modules.ModuleOrigin;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link WasmStepRunner} on the service's executor: both balance guests (host.rpc_call in C, the file bridge in
 * Rust) read an ERC-20 balance through the handler given per call, modules come from the module store by SHA-256,
 * and the timeout is clamped.
 */
@ServiceIntegrationTest
class WasmStepRunnerIntegrationTests {

  static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  static final String HOLDER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

  @Autowired
  WasmStepRunner runner;

  @Autowired
  ModuleStore store;

  @Autowired
  JsonMapper json;

  /** Values at the edges of the decimal conversion: 0, 2^64 - 1, 2^64, 2^255 + 1 and 2^256 - 1. */
  @ParameterizedTest
  @CsvSource({
      "wf-balance-rpc.wasm, 0", "wf-balance-rpc.wasm, 18446744073709551615", "wf-balance-rpc.wasm, 18446744073709551616",
      "wf-balance-rpc.wasm, 57896044618658097711785492504343953926634992332820282019728792003956564819969",
      "wf-balance-rpc.wasm, 115792089237316195423570985008687907853269984665640564039457584007913129639935",
      "wf-balance-bridge.wasm, 0", "wf-balance-bridge.wasm, 18446744073709551616",
      "wf-balance-bridge.wasm, 115792089237316195423570985008687907853269984665640564039457584007913129639935",
      "wf-balance-bridge.wasm, 1000000000000000000000"})
  void bothGuestsReadTheBalanceThroughTheHandler(String guest, String balance) {
    Erc20BalanceRpc rpc = new Erc20BalanceRpc(new BigInteger(balance));
    StepOutcome outcome = runner.run(GuestCorpus.bytes(guest), input(31337), Duration.ofMillis(2000), rpc);

    assertThat(outcome.error()).isNull();
    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.result().toString()).isEqualTo("{\"value\":\"" + balance + "\"}");
    assertThat(outcome.gasUsed()).isPositive();
    assertThat(rpc.requests).hasSize(1);
    JsonNode request = rpc.requests.get(0);
    assertThat(request.get("method").asString()).isEqualTo("eth_call");
    assertThat(request.at("/params/0/to").asString()).isEqualTo(TOKEN);
    assertThat(request.at("/params/0/data").asString())
        .isEqualTo("0x70a08231000000000000000000000000" + HOLDER.substring(2));
    assertThat(request.at("/params/1").asString()).isEqualTo("latest");
    assertThat(request.get("chainId").asLong()).isEqualTo(31337);
  }

  @ParameterizedTest
  @CsvSource({"wf-balance-rpc.wasm", "wf-balance-bridge.wasm"})
  void withoutChainIdTheRequestCarriesNone(String guest) {
    Erc20BalanceRpc rpc = new Erc20BalanceRpc(BigInteger.TEN);
    StepOutcome outcome = runner.run(GuestCorpus.bytes(guest), json.valueToTree(Map.of("token", TOKEN, "holder", HOLDER)),
        (Duration) null, rpc);
    assertThat(outcome.result().toString()).isEqualTo("{\"value\":\"10\"}");
    assertThat(rpc.requests.get(0).has("chainId")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"wf-balance-rpc.wasm", "wf-balance-bridge.wasm"})
  void anRpcErrorIsReportedByTheGuest(String guest) {
    StepOutcome outcome = runner.run(GuestCorpus.bytes(guest), input(1), Duration.ofMillis(2000),
        (request, timeout) -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"boom\"}}".getBytes());
    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.result().get("error").asString()).isEqualTo("eth_call failed");
  }

  @Test
  void aModuleFromTheStoreRunsBySha256() {
    byte[] wasm = GuestCorpus.bytes("wf-balance-rpc.wasm");
    String sha256 = store.put(wasm, ModuleOrigin.of("test")).sha256();
    StepOutcome outcome = runner.run(sha256, input(31337), Duration.ofMillis(1500),
        new Erc20BalanceRpc(new BigInteger("123456789012345678901234567890")));
    assertThat(outcome.result().toString()).isEqualTo("{\"value\":\"123456789012345678901234567890\"}");
  }

  @Test
  void anUnknownSha256IsAFailedStep() {
    StepOutcome outcome = runner.run("ab".repeat(32), input(1), Duration.ofMillis(1000), null);
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.error()).startsWith("module not found: ");
  }

  @Test
  void theTimeoutDefaultsAndIsClampedToTheMaximum() {
    assertThat(runner.clampTimeoutMs(null)).isEqualTo(2000);
    assertThat(runner.clampTimeoutMs(2000L)).isEqualTo(2000);
    assertThat(runner.clampTimeoutMs(2001L)).isEqualTo(2000);
    assertThat(runner.clampTimeoutMs(1L)).isEqualTo(1);
    assertThat(runner.clampTimeoutMs(0L)).isEqualTo(1);
    StepOutcome outcome = runner.run(GuestCorpus.bytes("wf-spin.wasm"), input(1), Duration.ofMillis(50), null);
    assertThat(outcome.error()).isEqualTo("timeout after 50ms");
    assertThat(outcome.durationMs()).isBetween(50L, 1500L);
  }

  @Test
  void stderrIsKeptWithTheStep() {
    StepOutcome outcome = runner.run(GuestCorpus.bytes("wf-exit-3.wasm"), input(1), Duration.ofMillis(1000), null);
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.error()).isEqualTo("exit code 3");
    assertThat(outcome.stderr()).isEqualTo("balance: input has no address\n");
  }

  /** Failures the simulator has no word for get one naming their cause, never an exception. */
  @ParameterizedTest
  @CsvSource({"hostile-recursion.wasm, trap: the guest trapped: stack_overflow",
      "hostile-huge-initial-memory.wasm, memory limit: ", "not-wasm.bin, invalid module: ",
      "hostile-unknown-import.wasm, invalid module: "})
  void guestFailuresAreNamed(String guest, String errorStart) {
    StepOutcome outcome = runner.run(GuestCorpus.bytes(guest), input(1), Duration.ofMillis(1000), null);
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.error()).startsWith(errorStart);
  }

  @Test
  void aModuleAboveTheLimitIsRefusedBeforeTheExecutorSeesIt() {
    StepOutcome outcome = runner.run(new byte[10_485_761], input(1), Duration.ofMillis(1000), null);
    assertThat(outcome.error()).isEqualTo("wasm too large (> 10485760 bytes)");
  }

  private JsonNode input(long chainId) {
    return json.valueToTree(Map.of("token", TOKEN, "holder", HOLDER, "chainId", chainId));
  }
}
