package io.wasmhive.workflow.tx;

import java.util.Optional;

/**
 * Whether this deployment executes runs: its {@link TransactionSender} when a signer is configured, none otherwise.
 * Immutable and thread-safe.
 */
public final class Transactions {

  /** Why {@code execute:true} is refused without a signer. */
  public static final String NOT_CONFIGURED = "execute:true needs a signer: set WORKFLOW_SIGNER_KEY or "
      + "workflow.signer.keystore (with workflow.signer.keystore-password)";

  /**
   * The role a caller needs (besides owning the workflow) to ask for {@code "execute":true} in secure mode: an
   * executed run spends the deployment's signer, and the workflow's owner address is the client's word.
   */
  public static final String EXECUTE_ROLE = io.wasmhive.platform.security.Roles.WORKFLOWS_EXECUTE;

  private final TransactionSender sender;

  public Transactions(TransactionSender sender) {
    this.sender = sender;
  }

  /** Whether a signer is configured. */
  public boolean configured() {
    return sender != null;
  }

  /** The sender, when a signer is configured. */
  public Optional<TransactionSender> sender() {
    return Optional.ofNullable(sender);
  }
}
