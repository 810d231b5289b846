package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fuzz target of the UnixFS DAG walk (docs/fuzzing.md, ADR 0011) over DAGs the fuzzer shapes ({@link FuzzedDag}):
 * shared children, fan-out, lying sizes, CIDv0 and v1, small and large byte limits. The reader fetches each block at
 * most once, visits at most the budget's repeat visits more nodes than it meets blocks, refuses as too complex only
 * a DAG whose complete walk would need more, and what it returns is the file's bytes.
 */
class UnixFsReaderFuzzTest {

  private static final long[] LIMITS = {64, 1024, 64 * 1024, 1024 * 1024};

  @FuzzTest(maxDuration = "2m")
  void readsDags(byte[] input) throws IOException {
    FuzzedDag.Input in = new FuzzedDag.Input(input);
    long limit = LIMITS[in.next() % LIMITS.length];
    FuzzedDag dag = FuzzedDag.of(in);
    ReadBudget budget = ReadBudget.forFile(limit);
    AtomicInteger fetches = new AtomicInteger();
    CountingSink out = new CountingSink();
    long size;
    try {
      size = UnixFsReader.read(dag.root(), cid -> {
        fetches.incrementAndGet();
        return dag.blocks.get(cid.toV1());
      }, budget, out);
    } catch (DagTooComplexException e) {
      assertThat(dag.visits() - dag.distinct()).as("repeat visits of a DAG refused as too complex")
          .isGreaterThan(budget.maxRepeatVisits());
      assertWorkBounded(dag, budget, fetches, out);
      return;
    } catch (MalformedDataException | SizeLimitExceededException e) {
      assertWorkBounded(dag, budget, fetches, out);
      return;
    }
    assertWorkBounded(dag, budget, fetches, out);
    assertThat(dag.honest()).as("a DAG with a lying size was accepted").isTrue();
    assertThat(size).isEqualTo(dag.size()).isLessThanOrEqualTo(limit);
    assertThat(dag.visits() - dag.distinct()).isLessThanOrEqualTo(budget.maxRepeatVisits());
    assertThat(out.bytes()).isEqualTo(dag.content());
  }

  /** Each block fetched at most once; nodes entered (one write each) at most the distinct blocks plus the budget. */
  private static void assertWorkBounded(FuzzedDag dag, ReadBudget budget, AtomicInteger fetches, CountingSink out) {
    assertThat(fetches.get()).isLessThanOrEqualTo(dag.distinct());
    assertThat(out.writes).isLessThanOrEqualTo(dag.distinct() + budget.maxRepeatVisits());
    assertThat(out.size()).isLessThanOrEqualTo(budget.maxBytes());
  }

  /** Keeps what is written and counts the writes: the reader writes once per node it enters. */
  private static final class CountingSink extends OutputStream {

    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private long writes;

    @Override
    public void write(int b) {
      throw new UnsupportedOperationException("the reader writes whole arrays");
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes++;
      bytes.write(b, off, len);
    }

    long size() {
      return bytes.size();
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }
}
