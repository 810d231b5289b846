package io.wasmhive.workflow.tx;

import java.io.File;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

/**
 * The deployment's signing key, loaded once at start-up. Only its address is ever shown ({@link #toString});
 * problems with the configuration are reported without the key. Immutable and thread-safe.
 */
public final class Signer {

  private static final Pattern KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

  private final Credentials credentials;

  private Signer(Credentials credentials) {
    this.credentials = credentials;
  }

  /**
   * The signer of {@code properties}, or null when none is configured.
   *
   * @throws IllegalStateException when the key is malformed, both a key and a keystore are set, or the keystore
   *     cannot be read or decrypted; the message never contains the key or the password
   */
  public static Signer load(SignerProperties properties) {
    if (!properties.configured()) {
      return null;
    }
    if (properties.key() != null && properties.keystore() != null) {
      throw new IllegalStateException("workflow.signer: set either key (WORKFLOW_SIGNER_KEY) or keystore, not both");
    }
    if (properties.key() != null) {
      if (!KEY.matcher(properties.key()).matches()) {
        throw new IllegalStateException("workflow.signer.key (WORKFLOW_SIGNER_KEY) is not a private key: it must be"
            + " 64 hex digits, with or without 0x (" + properties.key().length() + " characters given)");
      }
      Credentials credentials = Credentials.create(Numeric.cleanHexPrefix(properties.key()));
      if (credentials.getEcKeyPair().getPrivateKey().signum() == 0) {
        throw new IllegalStateException("workflow.signer.key (WORKFLOW_SIGNER_KEY) is zero, not a private key");
      }
      return new Signer(credentials);
    }
    File file = new File(properties.keystore());
    if (!file.isFile()) {
      throw new IllegalStateException("workflow.signer.keystore: no file " + file);
    }
    try {
      return new Signer(WalletUtils.loadCredentials(
          properties.keystorePassword() == null ? "" : properties.keystorePassword(), file));
    } catch (Exception e) {
      throw new IllegalStateException("workflow.signer.keystore: " + file + " could not be decrypted with"
          + " workflow.signer.keystore-password (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The signer's address, {@code 0x} and 40 lower-case hex digits. */
  public String address() {
    return credentials.getAddress();
  }

  /** {@code transaction} signed for {@code chainId} (EIP-155 / EIP-1559), {@code 0x} hex. */
  String sign(RawTransaction transaction, long chainId) {
    return Numeric.toHexString(TransactionEncoder.signMessage(transaction, chainId, credentials));
  }

  @Override
  public String toString() {
    return "Signer[" + address() + "]";
  }
}
