package io.wasmhive.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which combinations of mode, bind address and authentication may start. */
class BindGuardTest {

  @Test
  void autoIsLocalOnLoopbackAndRefusedOnEveryOtherAddress() {
    assertThat(BindGuard.effectiveMode(SecurityMode.AUTO, "127.0.0.1", false)).isEqualTo(SecurityMode.LOCAL);
    assertThat(BindGuard.effectiveMode(SecurityMode.AUTO, "::1", false)).isEqualTo(SecurityMode.LOCAL);
    assertThat(BindGuard.effectiveMode(SecurityMode.AUTO, "localhost", true)).isEqualTo(SecurityMode.LOCAL);
    assertThatThrownBy(() -> BindGuard.effectiveMode(SecurityMode.AUTO, "0.0.0.0", true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("binds 0.0.0.0")
        .hasMessageContaining("WASMHIVE_SECURITY_MODE=secure");
    assertThatThrownBy(() -> BindGuard.effectiveMode(SecurityMode.AUTO, null, true))
        .hasMessageContaining("binds every interface");
    assertThatThrownBy(() -> BindGuard.effectiveMode(SecurityMode.AUTO, "no-such-host.invalid", true))
        .hasMessageContaining("Refusing to start");
  }

  @Test
  void localModeNeedsLoopbackToo() {
    assertThat(BindGuard.effectiveMode(SecurityMode.LOCAL, "127.0.0.2", false)).isEqualTo(SecurityMode.LOCAL);
    assertThatThrownBy(() -> BindGuard.effectiveMode(SecurityMode.LOCAL, "0.0.0.0", true))
        .hasMessageContaining("wasmhive.security.mode=local");
  }

  @Test
  void secureModeStartsAnywhereButOnlyWithAWayToAuthenticate() {
    assertThat(BindGuard.effectiveMode(SecurityMode.SECURE, "0.0.0.0", true)).isEqualTo(SecurityMode.SECURE);
    assertThat(BindGuard.effectiveMode(SecurityMode.SECURE, "127.0.0.1", true)).isEqualTo(SecurityMode.SECURE);
    assertThatThrownBy(() -> BindGuard.effectiveMode(SecurityMode.SECURE, "0.0.0.0", false))
        .hasMessageContaining("no way to authenticate");
  }
}
