package io.wasmhive.platform.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a local run keeps its data on disk: the embedded MongoDB's H2 file under
 * {@code mongodb/} and the embedded Redis's snapshot under {@code redis/}.
 *
 * @param dataDir the data directory, relative to the working directory unless absolute
 */
@ConfigurationProperties("wasmhive")
public record DataDirProperties(@DefaultValue("./data") Path dataDir) {

  /** The data directory as an absolute, normalized path. */
  public Path absoluteDataDir() {
    return dataDir.toAbsolutePath().normalize();
  }
}
