package io.wasmhive.relay.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlyphNameTest {

  @Test
  void parsesTheSeedsExampleAndSemanticVersions() {
    GlyphName seed = GlyphName.parse("glyph://calculator@quantum");
    assertThat(seed.name()).isEqualTo("calculator");
    assertThat(seed.version()).isEqualTo("quantum");
    assertThat(seed.isLatest()).isFalse();
    assertThat(seed).hasToString("glyph://calculator@quantum");
    assertThat(GlyphName.parse("glyph://my-mod_1.x@1.0.0-rc.1+build.5").version()).isEqualTo("1.0.0-rc.1+build.5");
    assertThat(GlyphName.parse("glyph://calc@latest").isLatest()).isTrue();
    assertThat(GlyphName.parse("glyph://calc").isLatest()).isTrue();
  }

  @Test
  void namesAreAtMost64LowerCaseCharacters() {
    String longest = "a".repeat(64);
    assertThat(GlyphName.parse("glyph://" + longest + "@v1").name()).isEqualTo(longest);
    assertThatThrownBy(() -> GlyphName.parse("glyph://" + longest + "a@v1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64 lower-case");
    assertThatThrownBy(() -> GlyphName.parse("glyph://Calculator@v1"))
        .hasMessageContaining("'Calculator'").hasMessageContaining("lower-case");
    assertThatThrownBy(() -> GlyphName.parse("glyph://@v1")).hasMessageContaining("name is empty");
    assertThatThrownBy(() -> GlyphName.parse("glyph://ca lc@v1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionsAreTagsOfAtMost64OrSemanticVersions() {
    String longest = "V".repeat(64);
    assertThat(GlyphName.parse("glyph://calc@" + longest).version()).isEqualTo(longest);
    assertThatThrownBy(() -> GlyphName.parse("glyph://calc@" + longest + "V"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("semantic version");
    assertThatThrownBy(() -> GlyphName.parse("glyph://calc@")).hasMessageContaining("version is empty");
    assertThatThrownBy(() -> GlyphName.parse("glyph://calc@1.0+x!")).hasMessageContaining("'1.0+x!'");
    assertThatThrownBy(() -> GlyphName.parse("glyph://calc@1@2")).hasMessageContaining("one @");
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> GlyphName.parse("ipfs://calc@1")).hasMessageContaining("must start with glyph://");
    assertThatThrownBy(() -> GlyphName.parse(null)).hasMessageContaining("got nothing");
    assertThat(GlyphName.isGlyph("glyph://x")).isTrue();
    assertThat(GlyphName.isGlyph("bafk")).isFalse();
  }
}
