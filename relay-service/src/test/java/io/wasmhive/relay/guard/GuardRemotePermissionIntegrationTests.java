package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.relay.guard.FakePolicyService.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The relay with a remote policy service configured: local denials first, then the service, failing closed. */
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "wasmhive.data-dir=target/it-data/GuardRemotePermissionIntegrationTests",
    "relay.permission.rules[0].users=mallory",
    "relay.permission.rules[0].modules=*",
    "relay.permission.rules[0].effect=deny",
    "relay.permission.remote.timeout=500ms",
    "relay.permission.remote.minimum-calls=2",
    "relay.permission.remote.open-duration=1m"})
class GuardRemotePermissionIntegrationTests {

  static final FakePolicyService service = new FakePolicyService();

  @DynamicPropertySource
  static void remote(DynamicPropertyRegistry registry) {
    registry.add("relay.permission.remote.url", () -> service.url().toString());
  }

  @AfterAll
  static void stopService() {
    service.close();
  }

  @Autowired
  PermissionChecker permission;

  @Test
  void theConfiguredServiceDecidesWhatTheLocalRulesAllowAndAFailingOneDenies() {
    PermissionRequest ana = new PermissionRequest("ana", "s", "glyph://calculator@quantum", null);
    service.answer(Mode.DENY);
    PermissionDecision denied = permission.check(ana);
    PermissionDecision mallory = permission.check(new PermissionRequest("mallory", "s", "x", null));
    service.answer(Mode.ALLOW);
    PermissionDecision allowed = permission.check(ana);
    assertThat(permission.state().healthy()).isTrue();

    service.answer(Mode.ERROR);
    permission.check(ana);
    permission.check(ana);
    service.answer(Mode.ALLOW);
    PermissionDecision whileOpen = permission.check(ana);

    assertThat(denied).isEqualTo(PermissionDecision.deny("quota exhausted"));
    assertThat(mallory.allowed()).isFalse();
    assertThat(service.bodies()).hasSize(4);
    assertThat(allowed.allowed()).isTrue();
    assertThat(whileOpen.allowed()).isFalse();
    assertThat(whileOpen.reason()).contains(RemotePermissionChecker.UNAVAILABLE);
    assertThat(permission.state().degraded()).isTrue();
  }
}
