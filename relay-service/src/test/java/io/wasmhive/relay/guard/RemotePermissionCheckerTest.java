package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.relay.guard.FakePolicyService.Mode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The remote policy service over real HTTP: its answers, its failures (all denials) and the circuit. */
class RemotePermissionCheckerTest {

  private static final PermissionRequest REQUEST =
      new PermissionRequest("ana", "s-1", "glyph://calculator@quantum", "bafkreiabc");

  private final FakePolicyService service = new FakePolicyService();

  private final RemotePermissionChecker checker = new RemotePermissionChecker(
      new PermissionProperties.Remote(service.url(), Duration.ofMillis(400), 2, 50, Duration.ofMillis(500)));

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void theServiceAllowsAndDeniesWithItsReasonAndGetsTheSeedsFields() {
    service.answer(Mode.ALLOW);
    PermissionDecision allowed = checker.check(REQUEST);
    service.answer(Mode.DENY);
    PermissionDecision denied = checker.check(REQUEST);

    assertThat(allowed).isEqualTo(PermissionDecision.allow("on the allow list"));
    assertThat(denied).isEqualTo(PermissionDecision.deny("quota exhausted"));
    JsonNode body = JsonMapper.builder().build().readTree(service.bodies().get(0));
    assertThat(body.get("user_id").asString()).isEqualTo("ana");
    assertThat(body.get("session_id").asString()).isEqualTo("s-1");
    assertThat(body.get("module").asString()).isEqualTo("glyph://calculator@quantum");
    assertThat(body.get("cid").asString()).isEqualTo("bafkreiabc");
    assertThat(checker.state().healthy()).isTrue();
  }

  @Test
  void anErrorStatusAMalformedAnswerAndATimeoutAreDenials() {
    service.answer(Mode.ERROR);
    PermissionDecision error = checker.check(REQUEST);
    service.answer(Mode.MALFORMED);
    PermissionDecision malformed = checker.check(REQUEST);

    assertThat(error).isEqualTo(PermissionDecision.deny(RemotePermissionChecker.UNAVAILABLE));
    assertThat(malformed).isEqualTo(PermissionDecision.deny(RemotePermissionChecker.UNAVAILABLE));
  }

  @Test
  void aSlowServiceIsCutOffAtTheTimeoutAndDenied() {
    service.answer(Mode.SLOW);

    long started = System.nanoTime();
    PermissionDecision slow = checker.check(REQUEST);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(slow).isEqualTo(PermissionDecision.deny(RemotePermissionChecker.UNAVAILABLE));
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(350)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void anOpenCircuitDeniesWithoutCallingThenOneCallClosesItAgain() {
    service.answer(Mode.ERROR);
    checker.check(REQUEST);
    checker.check(REQUEST);
    int callsBeforeOpen = service.bodies().size();
    service.answer(Mode.ALLOW);

    PermissionDecision whileOpen = checker.check(REQUEST);

    assertThat(whileOpen.allowed()).isFalse();
    assertThat(whileOpen.reason()).startsWith(RemotePermissionChecker.UNAVAILABLE);
    assertThat(service.bodies()).hasSize(callsBeforeOpen);
    assertThat(checker.state().degraded()).isTrue();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> checker.check(REQUEST).allowed());
    assertThat(checker.state().healthy()).isTrue();
  }

  @Test
  void localDenialsNeverReachTheServiceAndLocalAllowancesAskIt() {
    RulePermissionChecker local = new RulePermissionChecker(
        List.of(new PermissionRule(List.of("mallory"), List.of("*"), PermissionRule.Effect.DENY)),
        PermissionRule.Effect.ALLOW, null, Duration.ofSeconds(5));
    CombinedPermissionChecker combined = new CombinedPermissionChecker(local, checker);
    service.answer(Mode.DENY);

    PermissionDecision mallory = combined.check(new PermissionRequest("mallory", "", "x", null));
    assertThat(service.bodies()).isEmpty();
    PermissionDecision ana = combined.check(REQUEST);

    assertThat(mallory.reason()).contains("rule 1 of configuration");
    assertThat(ana).isEqualTo(PermissionDecision.deny("quota exhausted"));
    assertThat(service.bodies()).hasSize(1);
    assertThat(new CombinedPermissionChecker(local, null).check(REQUEST).allowed()).isTrue();
  }

  @Test
  void theCombinedStateIsDegradedWhileTheRemoteCircuitIsOpen() {
    CombinedPermissionChecker combined = new CombinedPermissionChecker(
        new RulePermissionChecker(List.of(), PermissionRule.Effect.ALLOW, null, Duration.ofSeconds(5)), checker);
    service.answer(Mode.ERROR);
    combined.check(REQUEST);
    combined.check(REQUEST);

    assertThat(combined.state().degraded()).isTrue();
    assertThat(combined.state().detail()).contains(RemotePermissionChecker.UNAVAILABLE);
  }
}
