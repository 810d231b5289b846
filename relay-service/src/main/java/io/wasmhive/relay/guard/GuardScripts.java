package io.wasmhive.relay.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The guards' Lua scripts, read once from this package's resources into their text. A script made from the
 * resource itself would check the resource for changes on every command (its SHA-1 is recomputed when the file
 * is newer), which inside the packaged jar means a failed file look-up and an exception per command: 8 % of the
 * relay's CPU under load (docs/benchmarks.md). Stateless.
 */
final class GuardScripts {

  private GuardScripts() {
  }

  /** The script in {@code resource} next to this class, with its result type. */
  static <T> RedisScript<T> of(String resource, Class<T> resultType) {
    ClassPathResource source = new ClassPathResource(resource, GuardScripts.class);
    try {
      return RedisScript.of(source.getContentAsString(StandardCharsets.UTF_8), resultType);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Lua script " + resource, e);
    }
  }
}
