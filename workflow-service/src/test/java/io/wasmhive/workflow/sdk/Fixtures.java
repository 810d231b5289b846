package io.wasmhive.workflow.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The workflow fixtures under {@code src/test/resources/workflows}, written by hand from the SDK's formats. */
public final class Fixtures {

  /** Every fixture this service accepts: the SDK's output and what only the SDK's validator would refuse. */
  public static final String[] VALID = {
      "workflow-serialized.json", "workflow-plain.json",
      "array-arg/uint-array-comma-joined.json", "array-arg/uint-array-json-brackets.json",
      "array-arg/address-array-comma-joined.json", "array-arg/address-array-json-brackets.json",
      "array-arg/scalar-args.json",
      "invalid/owner-is-zero-address.json", "invalid/validafter-must-be-before-validuntil.json",
      "invalid/validuntil-must-be-in-the-future.json", "invalid/duplicate-chainid.json",
      "invalid/unsupported-chain.json", "invalid/invalid-abi-or-args-in-step.json",
      "invalid/job-has-no-session.json", "invalid/cannot-deserialize-session.json",
      "invalid/invalid-event-trigger-signature.json", "invalid/invalid-contract-address-in-trigger.json",
      "invalid/invalid-abi-args-or-onchaincondition-in-onchain-trigger.json",
      "invalid/negative-value-in-onchain-trigger.json", "invalid/workflow-must-have-at-least-one-job.json",
      "invalid/job-has-no-steps.json", "invalid/wasm-reference-not-found.json"};

  private Fixtures() {
  }

  /** The fixture's bytes, exactly as stored. */
  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/workflows/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as text, without the final newline the files end with (the SDK uploads none). */
  public static String text(String name) {
    return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8).stripTrailing();
  }
}
