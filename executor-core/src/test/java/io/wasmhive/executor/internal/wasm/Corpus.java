package io.wasmhive.executor.internal.wasm;

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

    /** Every {@code .wasm} file in the corpus, sorted; empty if the corpus has not been built. */
    static List<Path> modules() {
        URL url = Corpus.class.getResource("/guests");
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(String name) {
        return read(modules().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("corpus module " + name + " not built")));
    }

    static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
