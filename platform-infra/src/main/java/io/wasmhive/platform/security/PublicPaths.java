package io.wasmhive.platform.security;

import java.util.List;

/**
 * Paths a service serves without credentials in secure mode (its health check, a content-addressed gateway), as
 * Spring path patterns. Each service declares one bean; the health probes {@code /livez} and {@code /readyz} are
 * always public.
 *
 * @param patterns the patterns, like {@code /health} or {@code /ipfs/**}
 */
public record PublicPaths(List<String> patterns) {

  public PublicPaths {
    patterns = List.copyOf(patterns);
  }

  public static PublicPaths of(String... patterns) {
    return new PublicPaths(List.of(patterns));
  }
}
