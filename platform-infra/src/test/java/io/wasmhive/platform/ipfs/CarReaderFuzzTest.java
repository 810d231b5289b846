package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A fuzz target of the CAR reader (docs/fuzzing.md): any stream ends in blocks verified against their CIDs or one of
 * the package's exceptions, never reads past its byte limit, and holds at most one section at a time.
 */
class CarReaderFuzzTest {

  private static final long LIMIT = 64 * 1024;

  /** A CAR stream: its blocks, each verified, or {@link IpfsException}; never more than the limit consumed. */
  @FuzzTest(maxDuration = "2m")
  void readsCars(byte[] stream) throws IOException {
    List<Block> blocks = new ArrayList<>();
    CarReader car;
    try {
      car = CarReader.open(new ByteArrayInputStream(stream), LIMIT);
      assertThat(car.roots()).isNotEmpty().doesNotContainNull();
      for (Block block = car.next(); block != null; block = car.next()) {
        blocks.add(block);
        assertThat(car.bytesRead()).isLessThanOrEqualTo(Math.min(LIMIT, stream.length));
      }
    } catch (IpfsException e) {
      assertThat(e).isInstanceOfAny(MalformedDataException.class, BlockMismatchException.class,
          SizeLimitExceededException.class);
      return;
    }
    assertThat(car.bytesRead()).isEqualTo(stream.length);
    for (Block block : blocks) {
      assertThat(block.cid().verifies(block.bytes())).isTrue();
    }
    // What was read writes back to the same blocks and roots.
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    CarWriter writer = CarWriter.open(written, car.roots());
    for (Block block : blocks) {
      writer.write(block);
    }
    CarReader again = CarReader.open(new ByteArrayInputStream(written.toByteArray()), Long.MAX_VALUE);
    assertThat(again.roots()).isEqualTo(car.roots());
    for (Block block : blocks) {
      Block next = again.next();
      assertThat(next.cid()).isEqualTo(block.cid());
      assertThat(next.bytes()).isEqualTo(block.bytes());
    }
    assertThat(again.next()).isNull();
  }
}
