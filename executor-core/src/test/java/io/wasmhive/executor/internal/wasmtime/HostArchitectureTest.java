package io.wasmhive.executor.internal.wasmtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The engine starts on x86-64 only, unless the override says the modules are trusted. */
class HostArchitectureTest {

  @Test
  void x86HostsRunGuests() {
    assertThatCode(() -> HostArchitecture.requireSafe("amd64", false)).doesNotThrowAnyException();
    assertThatCode(() -> HostArchitecture.requireSafe("x86_64", false)).doesNotThrowAnyException();
  }

  @Test
  void aarch64AndUnknownHostsAreRefusedWithTheReasonUnlessOverridden() {
    assertThatThrownBy(() -> HostArchitecture.requireSafe("aarch64", false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CVE-2026-34971").hasMessageContaining(HostArchitecture.OVERRIDE);
    assertThatThrownBy(() -> HostArchitecture.requireSafe(null, false)).isInstanceOf(IllegalStateException.class);
    assertThatCode(() -> HostArchitecture.requireSafe("aarch64", true)).doesNotThrowAnyException();
  }
}
