package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule matching: users, module references, resolved CIDs and the {@code *} wildcard. */
class PermissionRuleTest {

  private static final String CID = "bafkreibhmtmv24yn2zu7udv53bwwvgrylzhbep2e52p72tly7wjiufzpom";

  private static PermissionRequest request(String user, String module, String cid) {
    return new PermissionRequest(user, "s1", module, cid);
  }

  private static PermissionRule rule(List<String> users, List<String> modules) {
    return new PermissionRule(users, modules, PermissionRule.Effect.DENY);
  }

  @Test
  void starAloneMatchesEveryUserAndEveryModule() {
    PermissionRule everything = rule(List.of("*"), List.of("*"));

    assertThat(everything.matches(request("ana", "glyph://calculator@quantum", null))).isTrue();
    assertThat(everything.matches(request("ben", CID, CID))).isTrue();
  }

  @Test
  void aNameWithAVersionWildcardMatchesEveryVersionOfThatNameOnly() {
    PermissionRule calculator = rule(List.of("ana"), List.of("glyph://calculator@*"));

    assertThat(calculator.matches(request("ana", "glyph://calculator@quantum", null))).isTrue();
    assertThat(calculator.matches(request("ana", "glyph://calculator@", null))).isTrue();
    assertThat(calculator.matches(request("ana", "glyph://calculators@1", null))).isFalse();
    assertThat(calculator.matches(request("ana", "glyph://calculator", null))).isFalse();
    assertThat(calculator.matches(request("ben", "glyph://calculator@quantum", null))).isFalse();
  }

  @Test
  void aCidRuleAlsoMatchesANameThatResolvedToThatCid() {
    PermissionRule byCid = rule(List.of("*"), List.of(CID));

    assertThat(byCid.matches(request("ana", CID, CID))).isTrue();
    assertThat(byCid.matches(request("ana", "glyph://calculator@quantum", CID))).isTrue();
    assertThat(byCid.matches(request("ana", "glyph://calculator@quantum", null))).isFalse();
    assertThat(byCid.matches(request("ana", CID.toUpperCase(), null))).isFalse();
  }

  @Test
  void starsMayStandAnywhereAndForNothing() {
    assertThat(PermissionRule.Glob.matches("bafk*", CID)).isTrue();
    assertThat(PermissionRule.Glob.matches("*pom", CID)).isTrue();
    assertThat(PermissionRule.Glob.matches("bafk*zu7*pom", CID)).isTrue();
    assertThat(PermissionRule.Glob.matches("a*b*c", "abc")).isTrue();
    assertThat(PermissionRule.Glob.matches("a*b*c", "acb")).isFalse();
    assertThat(PermissionRule.Glob.matches("ana", "anab")).isFalse();
    assertThat(PermissionRule.Glob.matches("**", "")).isTrue();
    assertThat(PermissionRule.Glob.matches("a", null)).isFalse();
  }

  @Test
  void aRuleNeedsUsersModulesAndAnEffect() {
    assertThatThrownBy(() -> rule(List.of(), List.of("*"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PermissionRule(List.of("*"), List.of("*"), null))
        .isInstanceOf(NullPointerException.class);
  }
}
