package io.wasmhive.workflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.workflow.chain.ChainSession;
import io.wasmhive.workflow.chain.ReadOnlyRpc;
import io.wasmhive.workflow.chain.RpcExchange;
import io.wasmhive.workflow.chain.TestChain;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;
import tools.jackson.databind.json.JsonMapper;

/** Simulated calls to TestToken (compiled from src/test/solidity) deployed on a real anvil. */
class ContractSimulatorTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final long SUPPLY = 1_000_000;
  private static final String TRANSFER_SELECTOR = "0xa9059cbb";

  private static TestChain chain;
  private static ReadOnlyRpc rpc;
  private static String token;
  private final ContractSimulator simulator = new ContractSimulator(true);

  @BeforeAll
  static void deploy() throws Exception {
    chain = TestChain.start();
    rpc = chain.readOnlyRpc(TestChain.limits(WAIT, 50));
    token = chain.deployToken(SUPPLY);
  }

  @AfterAll
  static void stop() throws Exception {
    chain.close();
  }

  private ContractCall call(String name, List<String> types, List<?> arguments) {
    return new ContractCall(chain.chainId(), TestChain.OWNER, token, name, types, arguments, BigInteger.ZERO);
  }

  /** The token balance of {@code holder}, read by the test itself. */
  private static long balanceOf(String holder) {
    return Long.decode(chain.call("eth_call", Map.of("to", token, "data", "0x70a08231" + "0".repeat(24)
        + holder.substring(2))).stringValue().replaceFirst("^0x0*(?=.)", "0x"));
  }

  private static String word(long value) {
    return String.format("%064x", value);
  }

  @Test
  void simulatesATransferWithTheExactCalldata() {
    long recipientBefore = balanceOf(TestChain.RECIPIENT);
    ChainSession session = rpc.openSession(chain.chainId());
    SimulationResult result = simulator.simulate(session,
        call("transfer", List.of("address", "uint256"), List.of(TestChain.RECIPIENT, "250000")), WAIT);

    assertThat(result.calldata()).isEqualTo(TRANSFER_SELECTOR
        + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
        + "000000000000000000000000000000000000000000000000000000000003d090");
    assertThat(result.success()).isTrue();
    assertThat(result.returnData()).isEqualTo("0x" + word(1));
    assertThat(result.revertReason()).isNull();
    assertThat(result.gasEstimate()).isBetween(BigInteger.valueOf(30_000), BigInteger.valueOf(100_000));
    assertThat(result.blockNumber()).isEqualTo(session.pinnedBlocks().get(chain.chainId()));

    List<RpcExchange> exchanges = session.exchanges();
    assertThat(exchanges).extracting(RpcExchange::method).containsExactly("eth_call", "eth_estimateGas");
    assertThat(exchanges.get(0).request()).contains("\"from\":\"" + TestChain.OWNER + "\"",
        "\"data\":\"" + result.calldata() + "\"", "\"value\":\"0x0\"");
    assertThat(exchanges.get(0).response()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + word(1) + "\"}");
    assertThat(balanceOf(TestChain.RECIPIENT)).as("a simulation changes nothing").isEqualTo(recipientBefore);
  }

  @Test
  void takesAnAmountFromAWasmResultAsJson() {
    ChainSession session = rpc.openSession(chain.chainId());
    JsonMapper json = JsonMapper.builder().build();
    SimulationResult fromJson = simulator.simulate(session, call("transfer", List.of("address", "uint256"),
        List.of(json.readTree("\"" + TestChain.RECIPIENT + "\""), json.readTree("250000"))), WAIT);
    assertThat(fromJson.calldata()).endsWith("000000000000000000000000000000000000000000000000000000000003d090");
    assertThat(fromJson.success()).isTrue();
  }

  @Test
  void decodesTheRevertReasonOfATransferAboveTheBalance() {
    ChainSession session = rpc.openSession(chain.chainId());
    SimulationResult result = simulator.simulate(session,
        call("transfer", List.of("address", "uint256"), List.of(TestChain.RECIPIENT, Long.toString(balanceOf(TestChain.OWNER) + 1))), WAIT);
    assertThat(result.success()).isFalse();
    assertThat(result.revertReason()).isEqualTo("ERC20: transfer amount exceeds balance");
    assertThat(result.returnData()).startsWith("0x08c379a0");
    assertThat(result.gasEstimate()).isNull();
    assertThat(session.exchanges()).extracting(RpcExchange::method).containsExactly("eth_call");

    SimulationResult atBalance = simulator.simulate(session,
        call("transfer", List.of("address", "uint256"), List.of(TestChain.RECIPIENT,
            Long.toString(balanceOf(TestChain.OWNER)))), WAIT);
    assertThat(atBalance.success()).isTrue();
  }

  @Test
  void decodesAPanic() {
    SimulationResult result = simulator.simulate(rpc.openSession(chain.chainId()),
        call("overflow", List.of("uint256"), List.of("1")), WAIT);
    assertThat(result.success()).isFalse();
    assertThat(result.revertReason()).isEqualTo("Panic(0x11): arithmetic overflow");
    assertThat(result.returnData()).isEqualTo("0x4e487b71" + word(0x11));
    assertThat(simulator.simulate(rpc.openSession(chain.chainId()), call("overflow", List.of("uint256"), List.of("0")),
        WAIT).success()).isTrue();
  }

  @Test
  void keepsACustomErrorsDataRaw() {
    SimulationResult result = simulator.simulate(rpc.openSession(chain.chainId()),
        call("restricted", List.of("uint256"), List.of("7")), WAIT);
    String selector = Hash.sha3String("NotPermitted(address,uint256)").substring(0, 10);
    String expected = selector + "000000000000000000000000" + TestChain.OWNER.substring(2).toLowerCase() + word(7);
    assertThat(result.success()).isFalse();
    assertThat(result.returnData()).isEqualTo(expected);
    assertThat(result.revertReason()).isEqualTo(expected);
  }

  @Test
  void reportsAValueSentToANonPayableFunctionAsARevertWithoutData() {
    ContractCall paying = new ContractCall(chain.chainId(), TestChain.OWNER, token, "transfer",
        List.of("address", "uint256"), List.of(TestChain.RECIPIENT, "1"), BigInteger.valueOf(1_000));
    SimulationResult result = simulator.simulate(rpc.openSession(chain.chainId()), paying, WAIT);
    assertThat(result.success()).isFalse();
    assertThat(result.returnData()).isEqualTo("0x");
    assertThat(result.revertReason()).isEqualTo("execution reverted without data");
  }

  @Test
  void sumsAnArrayGivenInEveryForm() {
    for (Object values : List.of("1,2,3", "[1,2,3]", List.of("1", "2", "3"))) {
      SimulationResult result = simulator.simulate(rpc.openSession(chain.chainId()),
          call("sum", List.of("uint256[]"), List.of(values)), WAIT);
      assertThat(result.returnData()).as("%s", values).isEqualTo("0x" + word(6));
    }
  }

  @Test
  void encodesLikeSolidityItself() {
    String calldata = simulator.encode(call("reencode", List.of("uint256[3]", "address[]", "(address,uint256)",
        "bytes", "string", "bytes32", "int8", "bool"), List.of("7,8,9", TestChain.RECIPIENT + "," + TestChain.OWNER,
        "[\"" + TestChain.RECIPIENT + "\",\"42\"]", "0xdeadbeef", "hello, world", "0x" + "ab".repeat(32), "-5",
        "true")));
    SimulationResult result = simulator.simulate(rpc.openSession(chain.chainId()), call("reencode",
        List.of("uint256[3]", "address[]", "(address,uint256)", "bytes", "string", "bytes32", "int8", "bool"),
        List.of("[7,8,9]", "[\"" + TestChain.RECIPIENT + "\",\"" + TestChain.OWNER + "\"]",
            List.of(TestChain.RECIPIENT, 42), "0xdeadbeef", "hello, world", "0x" + "ab".repeat(32), "-5", "true")),
        WAIT);
    assertThat(result.calldata()).isEqualTo(calldata);
    assertThat(result.success()).as("Solidity decoded every argument: %s", result.revertReason()).isTrue();
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<Type> decoded = FunctionReturnDecoder.decode(result.returnData(),
        (List) List.of(TypeReference.create(DynamicBytes.class)));
    assertThat(Numeric.toHexString((byte[]) decoded.get(0).getValue())).isEqualTo("0x" + calldata.substring(10));
  }

  @Test
  void refusesABadArgumentBeforeCallingTheChain() {
    ChainSession session = rpc.openSession(chain.chainId());
    assertThatThrownBy(() -> simulator.simulate(session,
        call("transfer", List.of("address", "uint256"), List.of(TestChain.RECIPIENT, "12abc")), WAIT))
        .isInstanceOf(ArgumentEncodingException.class).hasMessage("argument 1 (uint256): \"12abc\" is not an integer");
    assertThat(session.exchanges()).isEmpty();
  }

  @Test
  void failsWhenTheChainCannotBeAsked() {
    ChainSession session = rpc.openSession(chain.chainId(), Map.of(), TestChain.limits(WAIT, 0));
    assertThatThrownBy(() -> simulator.simulate(session,
        call("transfer", List.of("address", "uint256"), List.of(TestChain.RECIPIENT, "1")), WAIT))
        .isInstanceOf(ContractCallException.class)
        .hasMessageContaining("RPC call budget exhausted: a run may make at most 0 calls")
        .satisfies(e -> assertThat(((ContractCallException) e).retryable()).isTrue());
    ContractCall elsewhere = new ContractCall(424242, TestChain.OWNER, token, "transfer",
        List.of("address", "uint256"), List.of(TestChain.RECIPIENT, "1"), BigInteger.ZERO);
    assertThatThrownBy(() -> simulator.simulate(rpc.openSession(chain.chainId()), elsewhere, WAIT))
        .isInstanceOf(ContractCallException.class)
        .hasMessageContaining("No RPC client configured for chain 424242. Set RPC_URL_424242 env var.");
  }

  @Test
  void simulatesAtThePinnedBlock() {
    ChainSession session = rpc.openSession(chain.chainId());
    ContractCall balance = call("balanceOf", List.of("address"), List.of(TestChain.RECIPIENT));
    SimulationResult before = simulator.simulate(session, balance, WAIT);
    String transfer = "0xa9059cbb" + "0".repeat(24) + TestChain.RECIPIENT.substring(2).toLowerCase() + word(5);
    chain.send(Map.of("from", TestChain.OWNER, "to", token, "data", transfer));
    chain.mine();
    assertThat(simulator.simulate(session, balance, WAIT).returnData()).isEqualTo(before.returnData());
    assertThat(simulator.simulate(rpc.openSession(chain.chainId()), balance, WAIT).returnData())
        .isEqualTo("0x" + word(new BigInteger(before.returnData().substring(2), 16).longValue() + 5));
  }
}
