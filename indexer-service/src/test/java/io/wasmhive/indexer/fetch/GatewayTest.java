package io.wasmhive.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.ipfs.Cid;
import org.junit.jupiter.api.Test;

/** Gateway base URLs: the trustless gateway paths, credentials kept out of sight. */
class GatewayTest {

  private static final Cid V0 = Cid.parse("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n");

  @Test
  void trustlessGatewayPathsUnderABasePath() {
    Gateway gateway = Gateway.parse("https://gw.example:8443/prefix/");

    assertThat(gateway.blockUri(V0.toV1())).hasToString("https://gw.example:8443/prefix/ipfs/" + V0.toV1()
        + "?format=raw");
    assertThat(gateway.carUri(V0)).hasToString("https://gw.example:8443/prefix/ipfs/" + V0
        + "?format=car&dag-scope=all");
    assertThat(gateway.masked()).isEqualTo("https://gw.example:8443/prefix");
    assertThat(gateway.authorization()).isEmpty();
  }

  @Test
  void credentialsBecomeBasicAuthAndAreMasked() {
    Gateway gateway = Gateway.parse("https://bob:hunter2@gw.example");

    assertThat(gateway.masked()).isEqualTo("https://***@gw.example");
    assertThat(gateway.blockUri(V0.toV1()).toString()).doesNotContain("bob", "hunter2");
    assertThat(gateway.authorization()).contains("Basic Ym9iOmh1bnRlcjI=");
    assertThat(gateway.redact("failed at https://bob:hunter2@gw.example/ipfs with bob:hunter2"))
        .isEqualTo("failed at https://***@gw.example/ipfs with ***");
  }

  @Test
  void refusesWhatIsNotABaseUrl() {
    assertThatThrownBy(() -> Gateway.parse("gw.example")).hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> Gateway.parse("http://gw.example/#top")).hasMessageContaining("fragment");
    assertThatThrownBy(() -> Gateway.parse("http://gw example")).hasMessageContaining("not a URL");
  }
}
