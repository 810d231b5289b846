package io.wasmhive.executor.internal.wasm;

import io.wasmhive.guests.GuestCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared guest corpus under {@code src/test/resources/guests}, built by the corpus script. */
final class Corpus {

  private Corpus() {
  }

  /**
   * Every {@code .wasm} file in the corpus, sorted. A corpus that is missing or holds no module fails the test
   * that asks (never skips it): the corpus is committed, and {@code guests/build.sh} rebuilds it.
   */
  static List<Path> modules() {
    URL url = Corpus.class.getResource(GuestCorpus.RESOURCE_DIRECTORY);
    if (url == null) {
      throw new IllegalStateException("the guest corpus is not on the test classpath: run guests/build.sh");
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      List<Path> modules = files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
      if (modules.isEmpty()) {
        throw new IllegalStateException("the guest corpus at " + url + " holds no module: run guests/build.sh");
      }
      return modules;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] read(String name) {
    return GuestCorpus.bytes(name);
  }

  static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
