package io.wasmhive.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which host names local mode answers. */
class LocalModeFilterTest {

  @Test
  void loopbackNamesAndAddressesOnly() {
    for (String host : new String[] {"localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.1.22.255", "::1",
        "[::1]", "0:0:0:0:0:0:0:1"}) {
      assertThat(LocalModeFilter.isLoopbackName(host)).as(host).isTrue();
    }
    for (String host : new String[] {"attacker.example", "localhost.example", "127.0.0", "127.0.0.1.evil.example",
        "127.0.0.1234", "127..0.1", "127.0.0.", "128.0.0.1", "10.0.0.1", "", "127.a.0.1"}) {
      assertThat(LocalModeFilter.isLoopbackName(host)).as(host).isFalse();
    }
    assertThat(LocalModeFilter.isLoopbackName(null)).isFalse();
  }
}
