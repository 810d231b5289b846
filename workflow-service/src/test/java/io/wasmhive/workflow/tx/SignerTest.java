package io.wasmhive.workflow.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/** The signer's configuration: a key or a keystore, refused clearly when wrong, never shown. */
class SignerTest {

  private static final String KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final String ADDRESS = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

  private static SignerProperties key(String key) {
    return new SignerProperties(key, null, null, Duration.ofSeconds(30), 20, 2, List.of());
  }

  @Test
  void aKeyWithOrWithout0xGivesItsAddressAndIsNeverShown() {
    assertThat(Signer.load(key("0x" + KEY)).address()).isEqualTo(ADDRESS);
    assertThat(Signer.load(key(KEY)).toString()).isEqualTo("Signer[" + ADDRESS + "]");
    assertThat(key(KEY).toString()).doesNotContain(KEY).contains("key=(set)");
    SignerProperties keystore = new SignerProperties(null, "/x.json", "secret-pass", Duration.ofSeconds(1), 0, 1,
        List.of());
    assertThat(keystore.toString()).doesNotContain("secret-pass").contains("keystorePassword=(set)");
  }

  @Test
  void noKeyAndNoKeystoreIsNoSigner() {
    assertThat(Signer.load(key(null))).isNull();
    assertThat(Signer.load(key("  "))).isNull();
  }

  @Test
  void aMalformedKeyFailsWithAMessageThatDoesNotContainIt() {
    for (String bad : List.of(KEY.substring(1), KEY + "0", "0x" + KEY.replace('a', 'g'))) {
      assertThatThrownBy(() -> Signer.load(key(bad))).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("workflow.signer.key (WORKFLOW_SIGNER_KEY) is not a private key")
          .message().doesNotContain(bad.substring(4, 60));
    }
    assertThatThrownBy(() -> Signer.load(key("0".repeat(64)))).hasMessageContaining("is zero");
    assertThatThrownBy(() -> Signer.load(new SignerProperties(KEY, "/k.json", null, Duration.ofSeconds(1), 0, 1,
        List.of()))).hasMessageContaining("either key (WORKFLOW_SIGNER_KEY) or keystore, not both");
  }

  @Test
  void aKeystoreFileIsDecryptedWithItsPasswordAndAWrongOneIsRefused(@TempDir Path dir) throws Exception {
    String name = WalletUtils.generateWalletFile("pass-word", Credentials.create(KEY).getEcKeyPair(),
        dir.toFile(), false);
    String file = new File(dir.toFile(), name).getPath();
    assertThat(Signer.load(new SignerProperties(null, file, "pass-word", Duration.ofSeconds(1), 0, 1, List.of()))
        .address()).isEqualTo(ADDRESS);
    assertThatThrownBy(() -> Signer.load(new SignerProperties(null, file, "wrong", Duration.ofSeconds(1), 0, 1,
        List.of()))).hasMessage("workflow.signer.keystore: " + file + " could not be decrypted with"
        + " workflow.signer.keystore-password (CipherException)");
    assertThatThrownBy(() -> Signer.load(new SignerProperties(null, dir.resolve("none.json").toString(), "x",
        Duration.ofSeconds(1), 0, 1, List.of()))).hasMessageStartingWith("workflow.signer.keystore: no file ");
    assertThat(Files.readString(dir.resolve(name))).doesNotContain(KEY);
  }

  @Test
  void theSettingsAreBounded() {
    assertThatThrownBy(() -> new SignerProperties(null, null, null, Duration.ZERO, 20, 2, List.of()))
        .hasMessage("workflow.signer.receipt-timeout must be positive");
    assertThatThrownBy(() -> new SignerProperties(null, null, null, Duration.ofSeconds(1), -1, 2, List.of()))
        .hasMessage("workflow.signer.gas-margin-percent must be within 0..1000");
    assertThatThrownBy(() -> new SignerProperties(null, null, null, Duration.ofSeconds(1), 0, 0, List.of()))
        .hasMessage("workflow.signer.base-fee-multiplier must be within 1..100");
  }
}
