package io.wasmhive.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamIdsTest {

  @Test
  void acceptsEntryIdsAndTheirShortFormOnly() {
    assertThat(StreamIds.isValid("1767323045678-0")).isTrue();
    assertThat(StreamIds.isValid("1767323045678")).isTrue();
    assertThat(StreamIds.isValid("18446744073709551615-18446744073709551615")).isTrue();
    assertThat(StreamIds.isValid("18446744073709551616-0")).isFalse();
    assertThat(StreamIds.isValid("")).isFalse();
    assertThat(StreamIds.isValid("-1")).isFalse();
    assertThat(StreamIds.isValid("1-2-3")).isFalse();
    assertThat(StreamIds.isValid("$")).isFalse();
    assertThat(StreamIds.isValid(null)).isFalse();
  }

  @Test
  void ordersByMillisecondsThenSequenceAsRedisDoes() {
    assertThat(StreamIds.compare("9-5", "10-0")).isNegative();
    assertThat(StreamIds.compare("10-1", "10-0")).isPositive();
    assertThat(StreamIds.compare("10", "10-0")).isZero();
    assertThat(StreamIds.compare("18446744073709551615-0", "1-0")).isPositive();
    assertThat(StreamIds.max("5-1", "5-0")).isEqualTo("5-1");
    assertThat(StreamIds.max(null, "5-0")).isEqualTo("5-0");
    assertThat(StreamIds.max("5-0", null)).isEqualTo("5-0");
  }
}
