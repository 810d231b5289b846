package io.wasmhive.guests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The guest corpus that {@code guests/build.sh} builds into executor-core's {@code src/test/resources/guests}, read
 * from the test classpath ({@code /guests/<file>}). Other modules' tests reach it through executor-core's test jar
 * ({@code <type>test-jar</type>}), never through a path into executor-core's sources. Stateless and thread-safe.
 */
public final class GuestCorpus {

  /** Where the corpus lives on the classpath. */
  public static final String RESOURCE_DIRECTORY = "/guests";

  private GuestCorpus() {
  }

  /**
   * The bytes of a committed guest, a fresh array on every call.
   *
   * @throws IllegalStateException when the corpus has no such file: a test that needs a guest fails rather than
   *     skips when the corpus is missing (run {@code bash guests/build.sh}, or depend on executor-core's test jar)
   */
  public static byte[] bytes(String file) {
    try (InputStream in = GuestCorpus.class.getResourceAsStream(RESOURCE_DIRECTORY + "/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no guest " + file + " on the test classpath: the corpus is built by "
            + "guests/build.sh into executor-core/src/test/resources/guests and shared through "
            + "executor-core's test jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
