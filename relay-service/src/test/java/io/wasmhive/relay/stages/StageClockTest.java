package io.wasmhive.relay.stages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageClockTest {

  @Test
  void samplesOneRequestInSampleEvery() {
    StageClock clock = new StageClock(3);

    assertThat(clock.start()).isSameAs(StageClock.Trace.NONE);
    assertThat(clock.start()).isSameAs(StageClock.Trace.NONE);
    assertThat(clock.start()).isNotSameAs(StageClock.Trace.NONE);
    assertThat(clock.start()).isSameAs(StageClock.Trace.NONE);
    assertThat(StageClock.OFF.start()).isSameAs(StageClock.Trace.NONE);
  }

  @Test
  void otherThreadsMarkABoundRequestByIdUntilItEnds() throws Exception {
    StageClock clock = new StageClock(1);
    StageClock.Trace trace = clock.start();
    trace.mark(Stage.RATE_LIMITED);
    trace.bind("r1");
    Thread consumer = new Thread(() -> {
      clock.mark("r1", Stage.PICKED_UP);
      clock.mark("other", Stage.BEGUN);
    });
    consumer.start();
    consumer.join();
    trace.mark(Stage.RECORDED);

    String line = trace.line();
    assertThat(line).startsWith("stages request=r1 received=0 rate_limit=").contains(" validation=- ")
        .contains(" queue_wait=").doesNotContain("queue_wait=-").contains(" begin=- ").contains(" record=")
        .containsPattern(" total=\\d+$");
    trace.end();
    clock.mark("r1", Stage.BEGUN);
    assertThat(trace.line()).contains(" begin=- ");
  }

  @Test
  void theNoOpTraceRecordsNothing() {
    StageClock.Trace none = StageClock.Trace.NONE;
    none.mark(Stage.RECORDED);
    none.bind("r2");
    none.end();
    StageClock.OFF.mark("r2", Stage.BEGUN);

    assertThat(none.line()).contains("request=null").contains(" record=- ");
  }
}
