package io.wasmhive.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExecutionTaskTest {

  @Test
  void tasksWithoutAnIdGetDistinctVersion4Uuids() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = ExecutionTask.builder("m").entry(Entry.command()).build().id();
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void aGivenIdIsKept() {
    assertThat(ExecutionTask.builder("m").id("run-7").entry(Entry.command()).build().id()).isEqualTo("run-7");
  }
}
