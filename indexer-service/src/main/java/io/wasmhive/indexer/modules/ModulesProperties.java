package io.wasmhive.indexer.modules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of module uploads ({@code indexer.modules.*}).
 *
 * @param maxSize the largest module accepted (seed 000: 10 MiB); larger uploads are refused with 413
 * @param maxPageSize the most modules one listing page returns
 * @param maxUploadBytesPerDay the bytes one principal may upload per UTC day, counted in Redis (so every instance
 *     shares the count and it survives restarts); the upload that would pass it is refused with 429
 */
@ConfigurationProperties("indexer.modules")
public record ModulesProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("1000") int maxPageSize,
    @DefaultValue("1GB") DataSize maxUploadBytesPerDay) {

  public ModulesProperties {
    if (maxSize.toBytes() < 8) {
      throw new IllegalArgumentException("indexer.modules.max-size must be at least 8 bytes");
    }
    if (maxUploadBytesPerDay.toBytes() < 1) {
      throw new IllegalArgumentException("indexer.modules.max-upload-bytes-per-day must be positive");
    }
    if (maxPageSize < 1) {
      throw new IllegalArgumentException("indexer.modules.max-page-size must be positive");
    }
  }
}
