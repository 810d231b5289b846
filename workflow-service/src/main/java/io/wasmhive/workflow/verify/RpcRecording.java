package io.wasmhive.workflow.verify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leader's RPC recording of one run: which run it is (its id is the seed of every module's deterministic clock
 * and randomness), the block each chain was pinned to, and what each WebAssembly step saw, under {@code hash}: the
 * SHA-256 (lower-case hex) of the recording's JSON without {@code hash}, members in the order written here. An
 * operator compares that hash with the one the leader published; a recording changed after it was hashed no longer
 * matches it.
 *
 * @param version the format, {@value #VERSION}
 * @param runId the leader's run
 * @param workflowId the workflow
 * @param jobId the job
 * @param chainBlocks chain id → pinned block, decimal, as in the SDK's DataRefContext
 * @param steps the WebAssembly steps the leader ran, in order
 * @param hash the SHA-256 of the rest
 */
@JsonPropertyOrder({"version", "runId", "workflowId", "jobId", "chainBlocks", "steps", "hash"})
public record RpcRecording(int version, String runId, String workflowId, String jobId,
    Map<String, String> chainBlocks, List<RecordedStep> steps, String hash) {

  /** The only format there is. */
  public static final int VERSION = 1;

  private static final JsonMapper CANONICAL = JsonMapper.builder().build();

  public RpcRecording {
    chainBlocks = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(chainBlocks));
    steps = List.copyOf(steps);
  }

  /** A recording of these steps, hashed. */
  public static RpcRecording of(String runId, String workflowId, String jobId, Map<String, String> chainBlocks,
      List<RecordedStep> steps) {
    RpcRecording unhashed = new RpcRecording(VERSION, runId, workflowId, jobId, chainBlocks, steps, null);
    return new RpcRecording(VERSION, runId, workflowId, jobId, chainBlocks, steps, unhashed.computeHash());
  }

  /** The SHA-256 of this recording's content as it is now, whatever {@code hash} says. */
  public String computeHash() {
    Body body = new Body(version, runId, workflowId, jobId, new java.util.TreeMap<>(chainBlocks), steps);
    byte[] json = CANONICAL.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** Whether {@code hash} is the hash of the content. */
  public boolean intact() {
    return computeHash().equals(hash);
  }

  /** The recorded step at this position of the job, or {@code null}. */
  public RecordedStep step(int index) {
    return steps.stream().filter(s -> s.step() == index).findFirst().orElse(null);
  }

  /** What is hashed: everything but the hash, chains in ascending order of their decimal text. */
  @JsonPropertyOrder({"version", "runId", "workflowId", "jobId", "chainBlocks", "steps"})
  private record Body(int version, String runId, String workflowId, String jobId,
      java.util.SortedMap<String, String> chainBlocks, List<RecordedStep> steps) {
  }
}
