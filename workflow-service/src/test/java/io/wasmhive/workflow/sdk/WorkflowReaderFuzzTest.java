package io.wasmhive.workflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowException;
import java.nio.charset.StandardCharsets;

/**
 * The fuzz target of the SDK workflow format (docs/fuzzing.md), seeded with the SDK's own documents: any body is
 * refused with {@code INVALID_SERIALIZED_DATA} or {@code INVALID_BIGINT}, or read into a workflow within the limits
 * that the writer writes in the SDK's form, which reads back to a workflow that writes the same bytes and reads back
 * to itself.
 */
class WorkflowReaderFuzzTest {

  private static final WorkflowLimits LIMITS = WorkflowLimits.defaults();
  private static final WorkflowReader READER = new WorkflowReader(LIMITS);
  private static final WorkflowWriter WRITER = new WorkflowWriter();

  @FuzzTest(maxDuration = "3m")
  void readsWorkflows(byte[] body) {
    SerializedWorkflow document;
    try {
      document = READER.read(body);
    } catch (WorkflowException e) {
      assertThat(e.error()).isIn(WorkflowError.INVALID_SERIALIZED_DATA, WorkflowError.INVALID_BIGINT);
      return;
    }
    Workflow workflow = document.workflow();
    assertThat(workflow.triggers()).hasSizeLessThanOrEqualTo(LIMITS.maxTriggers());
    assertThat(workflow.jobs()).hasSizeLessThanOrEqualTo(LIMITS.maxJobs())
        .allSatisfy(job -> assertThat(job.steps()).hasSizeLessThanOrEqualTo(LIMITS.maxSteps()));
    // Numbers are written as JavaScript writes them (1.0 as 1), so the first write may change their JSON type;
    // from there on, reading and writing are each other's inverse.
    String written = WRITER.write(document);
    SerializedWorkflow again = READER.read(written.getBytes(StandardCharsets.UTF_8));
    assertThat(WRITER.write(again)).isEqualTo(written);
    assertThat(READER.read(WRITER.writeBytes(again))).isEqualTo(again);
  }
}
