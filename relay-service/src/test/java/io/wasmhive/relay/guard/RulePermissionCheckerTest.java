package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.wasmhive.relay.guard.PermissionRule.Effect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The local rules: order, default effect, reasons, and an unreachable MongoDB. */
class RulePermissionCheckerTest {

  private static final PermissionRequest ANA_CALCULATOR =
      new PermissionRequest("ana", "", "glyph://calculator@quantum", null);

  private static RulePermissionChecker checker(Effect defaultEffect, PermissionRule... rules) {
    return new RulePermissionChecker(List.of(rules), defaultEffect, null, Duration.ofSeconds(5));
  }

  @Test
  void theFirstMatchingRuleWins() {
    RulePermissionChecker checker = checker(Effect.ALLOW,
        new PermissionRule(List.of("ana"), List.of("glyph://calculator@*"), Effect.DENY),
        new PermissionRule(List.of("*"), List.of("*"), Effect.ALLOW));

    PermissionDecision ana = checker.check(ANA_CALCULATOR);
    PermissionDecision ben = checker.check(new PermissionRequest("ben", "", "glyph://calculator@quantum", null));

    assertThat(ana.allowed()).isFalse();
    assertThat(ana.reason()).contains("ana", "glyph://calculator@quantum", "rule 1 of configuration");
    assertThat(ben).isEqualTo(PermissionDecision.allow("allowed by rule 2 of configuration"));
  }

  @Test
  void withoutAMatchingRuleTheDefaultEffectDecides() {
    PermissionRule other = new PermissionRule(List.of("ben"), List.of("*"), Effect.ALLOW);

    assertThat(checker(Effect.ALLOW, other).check(ANA_CALCULATOR).allowed()).isTrue();
    PermissionDecision denied = checker(Effect.DENY, other).check(ANA_CALCULATOR);
    assertThat(denied.allowed()).isFalse();
    assertThat(denied.reason()).isEqualTo("no rule allows user ana to run glyph://calculator@quantum");
    assertThat(checker(Effect.DENY, other).state().healthy()).isTrue();
  }

  @Test
  void anUnreachableMongoLeavesTheConfiguredRulesInForceAndReadsAsDegraded() {
    try (MongoClient unreachable = MongoClients.create(
        "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200&connectTimeoutMS=200");
        RulePermissionChecker checker = new RulePermissionChecker(
            List.of(new PermissionRule(List.of("ana"), List.of("*"), Effect.DENY)), Effect.ALLOW,
            new MongoPermissionRules(new MongoTemplate(unreachable, "wasmhive")), Duration.ofMinutes(1))) {

      assertThat(checker.state().degraded()).isTrue();
      assertThat(checker.state().detail()).contains("MongoDB");
      assertThat(checker.check(ANA_CALCULATOR).allowed()).isFalse();
      assertThat(checker.check(new PermissionRequest("ben", "", "x", null)).allowed()).isTrue();
    }
  }
}
