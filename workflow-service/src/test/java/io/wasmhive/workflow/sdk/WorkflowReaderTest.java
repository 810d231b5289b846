package io.wasmhive.workflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class WorkflowReaderTest {

  private final WorkflowReader reader = new WorkflowReader(WorkflowLimits.defaults());
  private final WorkflowWriter writer = new WorkflowWriter();

  static final List<String> VALID = List.of(Fixtures.VALID);

  @ParameterizedTest
  @FieldSource("VALID")
  void everyValidFixtureRoundTripsByteForByte(String name) {
    String text = Fixtures.text(name);
    SerializedWorkflow read = reader.read(text.getBytes(StandardCharsets.UTF_8));
    assertThat(writer.write(read)).isEqualTo(text);
  }

  @Test
  void readsTheWrappedFormIntoTheModel() {
    SerializedWorkflow read = reader.read(Fixtures.bytes("workflow-serialized.json"));
    assertThat(read.metadata()).isEqualTo(new Metadata(1767225600123L, "1.0.0"));
    Workflow workflow = read.workflow();
    assertThat(workflow.owner()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assertThat(workflow.count()).isEqualTo(10L);
    assertThat(workflow.validAfter()).isEqualTo(1767225600L);
    assertThat(workflow.interval()).isEqualTo(300L);
    assertThat(workflow.triggers()).singleElement().satisfies(t -> {
      assertThat(t.type()).isEqualTo("cron");
      assertThat(t.params().get("schedule").stringValue()).isEqualTo("*/5 * * * *");
    });
    Job job = workflow.jobs().get(0);
    assertThat(job.chainId()).isEqualTo(31337L);
    assertThat(job.session()).hasSize(9963);
    Step wasm = job.steps().get(0);
    assertThat(wasm.type()).isEqualTo(StepType.WASM);
    assertThat(wasm.wasmId()).isEqualTo("balance");
    assertThat(wasm.wasmTimeoutMs()).isEqualTo(3000L);
    assertThat(wasm.wasmInput().get("action").stringValue()).isEqualTo("balanceOf");
    Step transfer = job.steps().get(1);
    assertThat(transfer.type()).isEqualTo(StepType.CONTRACT);
    assertThat(transfer.args()).containsExactly("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "$wasm:balance");
    assertThat(transfer.wasmInput()).isNull();
  }

  @Test
  void thePlainFormHasNoMetadataAndTheSameWorkflow() {
    SerializedWorkflow plain = reader.read(Fixtures.bytes("workflow-plain.json"));
    SerializedWorkflow wrapped = reader.read(Fixtures.bytes("workflow-serialized.json"));
    assertThat(plain.metadata()).isNull();
    assertThat(writer.write(new SerializedWorkflow(plain.workflow(), wrapped.metadata())))
        .isEqualTo(Fixtures.text("workflow-serialized.json"));
  }

  @Test
  void keepsArgumentStringsAsWritten() {
    assertThat(step("array-arg/uint-array-comma-joined.json").args()).containsExactly("1,2,3");
    assertThat(step("array-arg/uint-array-json-brackets.json").args()).containsExactly("[1,2,3]");
    assertThat(step("array-arg/scalar-args.json").args()).containsExactly("1000000000000000000000000", "true",
        "hello, world", "0xabababababababababababababababababababababababababababababababab", "-42");
  }

  @Test
  void aJsonNullWasmInputIsKeptAndAnAbsentOneIsNot() {
    String withNull = plain(wasmStep("\"wasmInput\":null,"));
    SerializedWorkflow read = reader.read(withNull.getBytes(StandardCharsets.UTF_8));
    Step step = read.workflow().jobs().get(0).steps().get(0);
    assertThat(step.hasWasmInput()).isTrue();
    assertThat(step.wasmInput().isNull()).isTrue();
    assertThat(writer.write(read)).isEqualTo(withNull);
    String absent = plain(wasmStep(""));
    Step without = reader.read(absent.getBytes(StandardCharsets.UTF_8)).workflow().jobs().get(0).steps().get(0);
    assertThat(without.hasWasmInput()).isFalse();
    assertThat(writer.write(reader.read(absent.getBytes(StandardCharsets.UTF_8)))).isEqualTo(absent);
  }

  @Test
  void writesNumbersAndStringsInWasmInputAsJsonStringifyDoes() {
    String input = "{\"a\":1.5,\"b\":1e+21,\"c\":1.5e-7,\"d\":0.000001,\"e\":-0,\"f\":123456789012345680000,"
        + "\"g\":\"\\u001f\\n\\\"\\\\/é😀\",\"h\":\"\\ud800\",\"i\":[true,false,null,{}],\"j\":100}";
    String text = plain(wasmStep("\"wasmInput\":" + input + ","));
    String expected = text.replace("\"e\":-0", "\"e\":0");
    assertThat(writer.write(reader.read(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(expected);
  }

  @Test
  void typeDefaultsToWasmWhenHashAndIdArePresentElseContract() {
    String wasm = "{\"target\":\"0x0000000000000000000000000000000000000000\",\"abi\":\"\",\"args\":[],"
        + "\"value\":\"0\",\"wasmHash\":\"abc\",\"wasmId\":\"w\"}";
    assertThat(reader.read(plain(wasm).getBytes(StandardCharsets.UTF_8)).workflow().jobs().get(0).steps().get(0)
        .type()).isEqualTo(StepType.WASM);
    String onlyHash = "{\"target\":\"0x0000000000000000000000000000000000000000\",\"abi\":\"\",\"args\":[],"
        + "\"value\":\"0\",\"wasmHash\":\"abc\"}";
    assertThat(reader.read(plain(onlyHash).getBytes(StandardCharsets.UTF_8)).workflow().jobs().get(0).steps()
        .get(0).type()).isEqualTo(StepType.CONTRACT);
  }

  @Test
  void aNullOptionalNumberIsInvalidSerializedData() {
    assertThatThrownBy(() -> reader.read(Fixtures.bytes("invalid/invalid-serialized-data-null-optional.json")))
        .isInstanceOfSatisfying(WorkflowException.class, e -> {
          assertThat(e.error()).isEqualTo(WorkflowError.INVALID_SERIALIZED_DATA);
          assertThat(e.getMessage()).isEqualTo("Invalid workflow data");
          assertThat(e.details()).isEqualTo(List.of(Map.of("code", "invalid_type", "expected", "number",
              "received", "null", "path", List.of("workflow", "count"), "message",
              "Expected number, received null")));
        });
  }

  @Test
  void aMissingSessionIsRequired() {
    assertThatThrownBy(() -> reader.read(Fixtures.bytes("invalid/invalid-serialized-data-missing-session.json")))
        .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.details()).isEqualTo(List.of(Map.of(
            "code", "invalid_type", "expected", "string", "received", "undefined", "path",
            List.of("workflow", "jobs", 0, "session"), "message", "Required"))));
  }

  @Test
  void aSecondValueAfterTheBodyIsRefusedWithoutNamingJavaTypes() {
    // Found by the HTTP fuzzer (docs/fuzzing-http.md, finding 15): the message named tools.jackson's JsonNode.
    assertThatThrownBy(() -> reader.read("{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(WorkflowException.class, e -> {
          assertThat(e.error()).isEqualTo(WorkflowError.INVALID_SERIALIZED_DATA);
          assertThat(e.details()).isEqualTo(List.of(Map.of("code", "invalid_json", "message",
              "The body is not valid JSON: content follows the JSON value (line 1, column 8)", "line", 1,
              "column", 8, "path", List.of())));
        });
  }

  @Test
  void saysWhichLimitTheNestingExceeds() {
    String deep = plain(wasmStep("\"wasmInput\":" + "[".repeat(28) + "]".repeat(28) + ","));
    assertThatThrownBy(() -> reader.read(deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.details()).asList().singleElement()
            .satisfies(issue -> assertThat(((Map<?, ?>) issue).get("message")).isEqualTo(
                "The body exceeds a limit: Document nesting depth (33) exceeds the maximum allowed (32)")));
  }

  private Step step(String name) {
    return reader.read(Fixtures.bytes(name)).workflow().jobs().get(0).steps().get(0);
  }

  static String wasmStep(String input) {
    return "{\"target\":\"0x0000000000000000000000000000000000000000\",\"abi\":\"\",\"args\":[],\"value\":\"0\","
        + "\"type\":\"wasm\",\"wasmHash\":\"abc\"," + input + "\"wasmId\":\"w\"}";
  }

  static String plain(String step) {
    return "{\"owner\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\",\"triggers\":[],\"jobs\":[{\"id\":\"j\","
        + "\"chainId\":1,\"steps\":[" + step + "],\"session\":\"s\"}]}";
  }
}
