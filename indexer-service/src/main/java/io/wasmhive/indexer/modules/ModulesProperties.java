package io.wasmhive.indexer.modules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of module uploads ({@code indexer.modules.*}).
 *
 * @param maxSize the largest module accepted (seed 000: 10 MiB); larger uploads are refused with 413
 * @param maxPageSize the most modules one listing page returns
 */
@ConfigurationProperties("indexer.modules")
public record ModulesProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("1000") int maxPageSize) {

  public ModulesProperties {
    if (maxSize.toBytes() < 8) {
      throw new IllegalArgumentException("indexer.modules.max-size must be at least 8 bytes");
    }
    if (maxPageSize < 1) {
      throw new IllegalArgumentException("indexer.modules.max-page-size must be positive");
    }
  }
}
