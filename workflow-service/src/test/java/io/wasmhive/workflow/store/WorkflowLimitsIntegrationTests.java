package io.wasmhive.workflow.store;

import static io.wasmhive.workflow.store.Bodies.TOKEN;
import static io.wasmhive.workflow.store.Bodies.contract;
import static io.wasmhive.workflow.store.Bodies.job;
import static io.wasmhive.workflow.store.Bodies.nestedInput;
import static io.wasmhive.workflow.store.Bodies.repeat;
import static io.wasmhive.workflow.store.Bodies.transfer;
import static io.wasmhive.workflow.store.Bodies.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.sdk.WorkflowLimits;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every limit of {@code workflow.limits} (the defaults), at its edge and one past it, over real HTTP. */
@ServiceIntegrationTest
class WorkflowLimitsIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  WorkflowLimits limits;

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertThat(limits).isEqualTo(WorkflowLimits.defaults());
    assertThat(limits.maxBodyBytes()).isEqualTo(1_048_576);
  }

  @Test
  void aBodyOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() {
    String empty = workflow("", job("j", transfer("0"), ""));
    String atLimit = workflow("", job("j", transfer("0"), "a".repeat(limits.maxBodyBytes() - empty.length())));
    assertThat(atLimit).hasSize(limits.maxBodyBytes());
    assertThat(api().post("/workflows", atLimit).statusCode()).isEqualTo(201);
    String past = workflow("", job("j", transfer("0"), "a".repeat(limits.maxBodyBytes() + 1 - empty.length())));
    assertTooBig(api().post("/workflows", past), "body");
  }

  @Test
  void aLargerBodyIsRefusedByItsDeclaredLengthAndAChunkedOneWhileItIsRead() {
    byte[] large = ("{\"owner\":\"" + "a".repeat(3 * limits.maxBodyBytes() / 2) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    assertTooBig(api().post("/workflows", large), "body");
    byte[] chunked = new byte[limits.maxBodyBytes() + 1];
    java.util.Arrays.fill(chunked, (byte) ' ');
    HttpResponse<String> response = api().send(HttpRequest.newBuilder(api().uri("/workflows"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked))).build());
    assertTooBig(response, "body");
  }

  @Test
  void nestingIsBoundedByMaxDepth() {
    // The plain form puts a step's wasmInput at depth 6: the root, jobs, a job, steps, the step.
    int levels = limits.maxDepth() - 5;
    assertThat(api().post("/workflows", workflow("", job("j", nestedInput(levels)))).statusCode()).isEqualTo(201);
    HttpResponse<String> deeper = api().post("/workflows", workflow("", job("j", nestedInput(levels + 1))));
    assertThat(deeper.statusCode()).isEqualTo(400);
    JsonNode error = WorkflowApiClient.json(deeper).get("error");
    assertThat(error.get("code").stringValue()).isEqualTo("INVALID_SERIALIZED_DATA");
    assertThat(error.get("details").get(0).get("message").stringValue()).contains("nesting depth")
        .contains(Integer.toString(limits.maxDepth()));
  }

  @Test
  void jobsPerWorkflowAreBounded() {
    String jobs = IntStream.range(0, limits.maxJobs()).mapToObj(i -> job("j" + i, transfer("0")))
        .collect(Collectors.joining(","));
    assertThat(api().post("/workflows", workflow("", jobs)).statusCode()).isEqualTo(201);
    assertTooBig(api().post("/workflows", workflow("", jobs + "," + job("one-more", transfer("0")))), "array");
  }

  @Test
  void stepsPerJobAreBounded() {
    assertThat(api().post("/workflows", workflow("", job("j", repeat(limits.maxSteps(), transfer("0")))))
        .statusCode()).isEqualTo(201);
    assertTooBig(api().post("/workflows", workflow("", job("j", repeat(limits.maxSteps() + 1, transfer("0"))))),
        "array");
  }

  @Test
  void triggersPerWorkflowAreBounded() {
    String cron = "{\"type\":\"cron\",\"params\":{\"schedule\":\"*/5 * * * *\"}}";
    assertThat(api().post("/workflows", workflow(repeat(limits.maxTriggers(), cron), job("j", transfer("0"))))
        .statusCode()).isEqualTo(201);
    assertTooBig(api().post("/workflows", workflow(repeat(limits.maxTriggers() + 1, cron),
        job("j", transfer("0")))), "array");
  }

  @Test
  void argumentsPerStepAreBounded() {
    assertThat(api().post("/workflows", workflow("", job("j", contract(TOKEN, "", Bodies.args(limits.maxArgs()),
        "0")))).statusCode()).isEqualTo(201);
    assertTooBig(api().post("/workflows", workflow("", job("j", contract(TOKEN, "",
        Bodies.args(limits.maxArgs() + 1), "0")))), "array");
  }

  private WorkflowApiClient api() {
    return new WorkflowApiClient(port);
  }

  private static void assertTooBig(HttpResponse<String> response, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = WorkflowApiClient.json(response).get("error");
    assertThat(error.get("code").stringValue()).isEqualTo("INVALID_SERIALIZED_DATA");
    assertThat(error.get("message").stringValue()).isEqualTo("Invalid workflow data");
    assertThat(error.get("details").get(0).get("code").stringValue()).isEqualTo("too_big");
    assertThat(error.get("details").get(0).get("type").stringValue()).isEqualTo(type);
  }
}
