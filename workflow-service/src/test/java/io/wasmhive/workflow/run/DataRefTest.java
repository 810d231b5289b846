package io.wasmhive.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.workflow.chain.TestChain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code $ref:} parsing with the SDK's messages, and the DataRefContext in the SDK's serialized shape. */
class DataRefTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theSdksReferenceStringsParseAndAreWrittenBackInItsShape() {
    JsonNode strings = JSON.readTree(TestChain.resource("/contexts/data-ref-string.json"));
    DataRef plain = DataRef.parse(strings.get(0).stringValue());
    DataRef indexed = DataRef.parse(strings.get(1).stringValue());

    assertThat(plain.chainId()).isEqualTo(31337);
    assertThat(plain.resultIndex()).isNull();
    assertThat(indexed.resultIndex()).isEqualTo(1);
    assertThat("$ref:" + JSON.writeValueAsString(plain)).isEqualTo(strings.get(0).stringValue());
    assertThat("$ref:" + JSON.writeValueAsString(indexed)).isEqualTo(strings.get(1).stringValue());
    assertThat(DataRef.parse("$ref:{\"target\":\"0x1\",\"abi\":\"f()\",\"chainId\":1}").args()).isEmpty();
  }

  @Test
  void aReferenceWithoutTargetAbiOrChainIdOrNotJsonFailsWithTheSdksMessage() {
    for (String text : new String[] {"{\"abi\":\"f()\",\"chainId\":1}", "{\"target\":\"0x1\",\"chainId\":1}",
        "{\"target\":\"0x1\",\"abi\":\"f()\"}", "{\"target\":\"0x1\",\"abi\":\"\",\"chainId\":1}",
        "{\"target\":\"0x1\",\"abi\":\"f()\",\"chainId\":0}", "[]"}) {
      assertThatThrownBy(() -> DataRef.parse("$ref:" + text)).as(text)
          .hasMessage("Failed to parse DataRef: DataRef must have target, abi, and chainId");
    }
    assertThatThrownBy(() -> DataRef.parse("$ref:{")).hasMessageStartingWith("Failed to parse DataRef: ");
    assertThatThrownBy(() -> DataRef.parse("$ref:{\"target\":\"0x1\",\"abi\":\"f()\",\"chainId\":1,\"args\":5}"))
        .hasMessage("Failed to parse DataRef: args must be an array");
    assertThatThrownBy(() -> DataRef.parse("$ref:{\"target\":\"0x1\",\"abi\":\"f()\",\"chainId\":1,"
        + "\"resultIndex\":-1}")).hasMessage("Failed to parse DataRef: resultIndex must be a non-negative integer");
  }

  @Test
  void theSdksSerializedContextIsReadAndWrittenBackByteForByte() {
    String fixture = TestChain.resource("/contexts/data-ref-context.json").strip();
    RunOptions options = new RunOptionsReader().read(("{\"mode\":\"operator\",\"dataRefContext\":" + fixture + "}")
        .getBytes(StandardCharsets.UTF_8));

    assertThat(JSON.writeValueAsString(options.dataRefContext())).isEqualTo(fixture);
    assertThat(options.dataRefContext().pins()).containsEntry(31337L, 436L);
    assertThat(DataRefResolver.toPlain(options.dataRefContext().resolvedRefs().get(0).value()))
        .isEqualTo(JSON.getNodeFactory().numberNode(new BigInteger("1000000000000000000")));
  }

  @Test
  void integersBecomeBigintObjectsAlsoInArraysAndComeBackExactly() {
    BigInteger big = BigInteger.ONE.shiftLeft(255);
    JsonNode plain = JSON.readTree("[" + big + ",\"0xab\",true,[-3]]");
    JsonNode context = DataRefResolver.toContext(plain);

    assertThat(context).isEqualTo(JSON.readTree("[{\"__bigint\":\"" + big + "\"},\"0xab\",true,"
        + "[{\"__bigint\":\"-3\"}]]"));
    assertThat(DataRefResolver.toPlain(context).toString()).isEqualTo(plain.toString());
  }

  @Test
  void anOperatorFindsTheLeadersValueByItsReferenceAndNamesWhatIsAvailableOtherwise() {
    String fixture = TestChain.resource("/contexts/data-ref-context.json").strip();
    DataRefContext leader = new RunOptionsReader().read(("{\"mode\":\"operator\",\"dataRefContext\":"
        + JSON.writeValueAsString(fixture) + "}").getBytes(StandardCharsets.UTF_8)).dataRefContext();
    DataRefResolver replay = DataRefResolver.replaying(leader);
    String symbol = "$ref:{\"target\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\",\"abi\":\"symbol() view "
        + "returns (string)\",\"args\":[],\"chainId\":31337}";

    assertThat(replay.resolve(JSON.getNodeFactory().stringNode(symbol))).isEqualTo(JSON.readTree("\"TKN\""));
    assertThat(replay.resolved()).hasSize(1);
    assertThatThrownBy(() -> replay.resolve(JSON.getNodeFactory().stringNode(symbol.replace("symbol", "name"))))
        .hasMessage("DataRef 0x5FbDB2315678afecb367f032d93F642f64180aa3.name() view returns (string) not found in "
            + "provided context from leader. Available: [0x5FbDB2315678afecb367f032d93F642f64180aa3.balanceOf("
            + "address) view returns (uint256), 0x5FbDB2315678afecb367f032d93F642f64180aa3.symbol() view returns "
            + "(string)]");
  }

  @Test
  void argumentsAreWalkedAtMost32LevelsDeep() {
    DataRefResolver resolver = DataRefResolver.replaying(new DataRefContext(null, null));
    JsonNode deepest = JSON.readTree("[".repeat(32) + "\"x\"" + "]".repeat(32));
    JsonNode tooDeep = JSON.readTree("[".repeat(33) + "\"x\"" + "]".repeat(33));

    assertThat(resolver.resolve(deepest)).isEqualTo(deepest);
    assertThatThrownBy(() -> resolver.resolve(tooDeep)).isInstanceOf(DataRefException.class)
        .hasMessage("argument nested deeper than 32 levels");
  }
}
