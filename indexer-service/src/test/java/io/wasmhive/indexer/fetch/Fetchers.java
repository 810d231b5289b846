package io.wasmhive.indexer.fetch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Fetchers and properties as configuration binds them, so that tests use the one set of defaults. */
final class Fetchers {

  private Fetchers() {
  }

  /** {@code indexer.fetch.*} bound from {@code settings} (keys without the prefix), defaults for the rest. */
  static FetchProperties properties(Map<String, String> settings) {
    Map<String, String> map = new HashMap<>();
    settings.forEach((key, value) -> map.put("indexer.fetch." + key, value));
    return new Binder(new MapConfigurationPropertySource(map))
        .bindOrCreate("indexer.fetch", FetchProperties.class);
  }

  /** A fetcher for {@code settings}, counting into {@code registry}. */
  static ModuleFetcher fetcher(Map<String, String> settings, SimpleMeterRegistry registry) {
    return new ModuleFetcher(properties(settings), registry);
  }
}
