package io.wasmhive.platform.testing.httpfuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpFuzzerSeedTest {

  private static final List<Endpoint> ENDPOINTS = List.of(endpoint("/a"), endpoint("/b/{id}"));

  @Test
  void withoutAPropertyTheSeedIsFixedByWhatThePassFuzzes() {
    long seed = HttpFuzzer.seed(null, ENDPOINTS, List.of("Authorization"), 250);
    assertThat(HttpFuzzer.seed(null, ENDPOINTS, List.of("authorization"), 250)).isEqualTo(seed);
    assertThat(HttpFuzzer.seed("  ", ENDPOINTS, List.of("Authorization"), 250)).isEqualTo(seed);
    // Another pass of the same service draws other requests: other headers, another count, other endpoints.
    assertThat(HttpFuzzer.seed(null, ENDPOINTS, List.of(), 250)).isNotEqualTo(seed);
    assertThat(HttpFuzzer.seed(null, ENDPOINTS, List.of("Authorization"), 80)).isNotEqualTo(seed);
    assertThat(HttpFuzzer.seed(null, ENDPOINTS.subList(0, 1), List.of("Authorization"), 250)).isNotEqualTo(seed);
  }

  @Test
  void aPropertyNamesTheSeedOrAsksForAFreshOne() {
    assertThat(HttpFuzzer.seed("-42", ENDPOINTS, List.of(), 10)).isEqualTo(-42L);
    assertThat(HttpFuzzer.seed(" 3496819667265328836 ", ENDPOINTS, List.of(), 10)).isEqualTo(3496819667265328836L);
    long fixed = HttpFuzzer.seed(null, ENDPOINTS, List.of(), 10);
    // Three fresh draws that all equal the fixed seed or each other would be a 2^-64 event each.
    assertThat(List.of(HttpFuzzer.seed("random", ENDPOINTS, List.of(), 10),
        HttpFuzzer.seed("random", ENDPOINTS, List.of(), 10), HttpFuzzer.seed("random", ENDPOINTS, List.of(), 10)))
        .doesNotHaveDuplicates().doesNotContain(fixed);
    assertThatThrownBy(() -> HttpFuzzer.seed("yesterday", ENDPOINTS, List.of(), 10))
        .isInstanceOf(NumberFormatException.class);
  }

  private static Endpoint endpoint(String pattern) {
    return new Endpoint(pattern, Set.of("GET"), Set.of(), Set.of(), List.of(), List.of(), Map.of());
  }
}
