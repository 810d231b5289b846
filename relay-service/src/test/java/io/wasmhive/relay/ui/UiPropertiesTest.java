package io.wasmhive.relay.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UiPropertiesTest {

  @Test
  void anEmptyUrlIsTheLocalLayoutBesideTheRelay() {
    UiProperties none = new UiProperties("", "", "");
    assertThat(UiProperties.baseUrl(none.workflowUrl(), 18280, 1)).isEqualTo("http://127.0.0.1:18281");
    assertThat(UiProperties.baseUrl(none.procedureUrl(), 8080, 3)).isEqualTo("http://127.0.0.1:8083");
  }

  @Test
  void aConfiguredUrlIsUsedWithoutItsTrailingSlash() {
    UiProperties set = new UiProperties("https://workflow.example.org/", "http://10.0.0.5:8082", "");
    assertThat(UiProperties.baseUrl(set.workflowUrl(), 8080, 1)).isEqualTo("https://workflow.example.org");
    assertThat(UiProperties.baseUrl(set.indexerUrl(), 8080, 2)).isEqualTo("http://10.0.0.5:8082");
    assertThat(UiProperties.baseUrl("https://gw.example.org/procedures", 8080, 3))
        .isEqualTo("https://gw.example.org/procedures");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://host", "javascript:alert(1)", "//host:8081", "http://", "http://h/?a=1",
      "http://h/#x", "http://user:pw@h/", "not a url"})
  void anythingButAnHttpBaseUrlIsRefusedAtStartUp(String url) {
    assertThatThrownBy(() -> new UiProperties(url, "", "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relay.ui.workflow-url");
  }
}
