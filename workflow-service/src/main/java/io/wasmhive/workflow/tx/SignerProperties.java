package io.wasmhive.workflow.tx;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployment's signer and how it sends ({@code workflow.signer.*}; the variables {@code WORKFLOW_SIGNER_KEY},
 * {@code WORKFLOW_SIGNER_KEYSTORE} and {@code WORKFLOW_SIGNER_KEYSTORE_PASSWORD} map to it, see
 * {@link SignerVariables}). Absent by default: without a key or a keystore no run executes. {@link #toString}
 * never shows the key or the password.
 *
 * @param key a private key, 64 hex digits with or without {@code 0x}; or
 * @param keystore a web3 secret storage (keystore V3) JSON file, decrypted at start-up with
 * @param keystorePassword the keystore's password
 * @param receiptTimeout how long a step waits for its transaction's receipt
 * @param gasMarginPercent how much is added to the node's gas estimate for the gas limit, in percent
 * @param baseFeeMultiplier {@code maxFeePerGas} is the next block's base fee times this, plus the priority fee
 * @param allowedOwners workflow owners besides the signer's own address whose runs may execute (any case)
 */
@ConfigurationProperties("workflow.signer")
public record SignerProperties(
    String key,
    String keystore,
    String keystorePassword,
    @DefaultValue("30s") Duration receiptTimeout,
    @DefaultValue("20") int gasMarginPercent,
    @DefaultValue("2") int baseFeeMultiplier,
    @DefaultValue List<String> allowedOwners) {

  public SignerProperties {
    key = blankToNull(key);
    keystore = blankToNull(keystore);
    allowedOwners = allowedOwners == null ? List.of()
        : allowedOwners.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
    if (receiptTimeout == null || receiptTimeout.isNegative() || receiptTimeout.isZero()) {
      throw new IllegalArgumentException("workflow.signer.receipt-timeout must be positive");
    }
    if (gasMarginPercent < 0 || gasMarginPercent > 1000) {
      throw new IllegalArgumentException("workflow.signer.gas-margin-percent must be within 0..1000");
    }
    if (baseFeeMultiplier < 1 || baseFeeMultiplier > 100) {
      throw new IllegalArgumentException("workflow.signer.base-fee-multiplier must be within 1..100");
    }
  }

  /** Whether a signer is configured. */
  public boolean configured() {
    return key != null || keystore != null;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** The settings without the key and the password. */
  @Override
  public String toString() {
    return "SignerProperties[key=" + (key == null ? "none" : "(set)") + ", keystore=" + keystore
        + ", keystorePassword=" + (keystorePassword == null ? "none" : "(set)") + ", receiptTimeout=" + receiptTimeout
        + ", gasMarginPercent=" + gasMarginPercent + ", baseFeeMultiplier=" + baseFeeMultiplier + ", allowedOwners="
        + allowedOwners + "]";
  }
}
