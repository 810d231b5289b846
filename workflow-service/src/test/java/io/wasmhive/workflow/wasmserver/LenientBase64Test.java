package io.wasmhive.workflow.wasmserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Node's lenient base64: both alphabets, optional padding, foreign characters skipped. */
class LenientBase64Test {

  @Test
  void decodesStandardAndUrlSafeWithOrWithoutPadding() {
    assertThat(text("aGVsbG8=")).isEqualTo("hello");
    assertThat(text("aGVsbG8")).isEqualTo("hello");
    assertThat(LenientBase64.decode("-_8")).containsExactly(0xfb, 0xff);
    assertThat(LenientBase64.decode("+/8=")).containsExactly(0xfb, 0xff);
  }

  @Test
  void skipsForeignCharactersAndStopsAtPadding() {
    assertThat(text("aGVs\nbG8 =")).isEqualTo("hello");
    assertThat(text("aGk=aGk=")).isEqualTo("hi");
    assertThat(LenientBase64.decode("!!!!")).isEmpty();
    assertThat(LenientBase64.decode("")).isEmpty();
    assertThat(LenientBase64.decode("a")).isEmpty();
  }

  private static String text(String base64) {
    return new String(LenientBase64.decode(base64), StandardCharsets.UTF_8);
  }
}
