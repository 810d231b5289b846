package io.wasmhive.workflow.sdk;

import io.wasmhive.workflow.abi.FunctionSignature;
import io.wasmhive.workflow.abi.InvalidSignatureException;
import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowException;
import io.wasmhive.workflow.sdk.Issues.Path;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/**
 * The rules the SDK's {@code Step} constructor and deserializer apply, with their messages, plus the issue's own
 * (a WASM step's fixed members, unique {@code wasmId} per job, {@code value} a decimal or a reference). Steps are
 * checked in order and the first broken rule is thrown, as the SDK throws. Stateless.
 */
final class StepRules {

  static final String WASM_HASH_REQUIRED =
      "WASM step requires wasmHash (WASM bytes are retrieved from MongoDB by hash)";
  static final String WASM_ID_REQUIRED = "WASM step requires wasmId for result referencing";
  static final String ARGUMENT_COUNT = "Argments length does not match ABI parameter count";
  static final String WASM_SHAPE = "WASM step must have target " + Step.ZERO_ADDRESS
      + ", abi \"\", args [] and value \"0\"";
  static final String INVALID_BIGINT = "Invalid BigInt value in workflow data";

  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,78}");
  private static final Pattern NEGATIVE = Pattern.compile("-[0-9]{1,78}");
  private static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private StepRules() {
  }

  static void check(Workflow workflow, Path workflowPath) {
    for (int j = 0; j < workflow.jobs().size(); j++) {
      Job job = workflow.jobs().get(j);
      Path jobPath = workflowPath.with("jobs").with(j);
      Set<String> wasmIds = new HashSet<>();
      for (int s = 0; s < job.steps().size(); s++) {
        Step step = job.steps().get(s);
        Path path = jobPath.with("steps").with(s);
        value(step.value(), job.id(), path.with("value"));
        if (step.type() == StepType.WASM) {
          wasm(step, path, job.id(), wasmIds);
        } else {
          contract(step, path);
        }
      }
    }
  }

  private static void value(String value, String jobId, Path path) {
    if (isReference(value)) {
      return;
    }
    if (NEGATIVE.matcher(value).matches()) {
      throw invalid(path, "negative value in step of job " + jobId);
    }
    if (!DECIMAL.matcher(value).matches() || new BigInteger(value).compareTo(UINT256_MAX) > 0) {
      throw new WorkflowException(WorkflowError.INVALID_BIGINT, INVALID_BIGINT,
          "Cannot convert " + value + " to a BigInt");
    }
  }

  /** Whether a value is a {@code $wasm:} or {@code $ref:} reference, resolved when the job runs. */
  static boolean isReference(String value) {
    return value.startsWith("$wasm:") || value.startsWith("$ref:");
  }

  private static void wasm(Step step, Path path, String jobId, Set<String> wasmIds) {
    if (ModelBuilder.isEmpty(step.wasmHash())) {
      throw invalid(path.with("wasmHash"), WASM_HASH_REQUIRED);
    }
    if (ModelBuilder.isEmpty(step.wasmId())) {
      throw invalid(path.with("wasmId"), WASM_ID_REQUIRED);
    }
    if (!step.target().equals(Step.ZERO_ADDRESS) || !step.abi().isEmpty() || !step.args().isEmpty()
        || !step.value().equals("0")) {
      throw invalid(path, WASM_SHAPE);
    }
    if (!wasmIds.add(step.wasmId())) {
      throw invalid(path.with("wasmId"), "Duplicate wasmId in job " + jobId + ": " + step.wasmId());
    }
  }

  private static void contract(Step step, Path path) {
    if (!isAddress(step.target())) {
      throw invalid(path.with("target"), "Invalid target address: " + step.target());
    }
    if (step.abi().isEmpty()) {
      return;
    }
    FunctionSignature signature;
    try {
      signature = FunctionSignature.parse(step.abi());
    } catch (InvalidSignatureException e) {
      throw invalid(path.with("abi"), "Invalid function signature: " + step.abi());
    }
    if (step.args().size() != signature.inputTypes().size()) {
      throw invalid(path.with("args"), ARGUMENT_COUNT);
    }
  }

  /**
   * viem's strict {@code isAddress}: {@code 0x} and 40 hex digits, and, unless all lower case, the exact EIP-55
   * checksum form.
   */
  static boolean isAddress(String address) {
    if (!SchemaCheck.ADDRESS.matcher(address).matches()) {
      return false;
    }
    return address.equals(address.toLowerCase(Locale.ROOT)) || Keys.toChecksumAddress(address).equals(address);
  }

  private static WorkflowException invalid(Path path, String message) {
    return new WorkflowException(WorkflowError.INVALID_SERIALIZED_DATA, message,
        List.of(Issues.custom(path, message)));
  }
}
