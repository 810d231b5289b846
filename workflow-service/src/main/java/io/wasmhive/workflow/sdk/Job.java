package io.wasmhive.workflow.sdk;

import java.util.List;
import java.util.Objects;

/**
 * A job: the steps run on one chain, in order, under one session.
 *
 * @param id the job's id, unique in the workflow by convention
 * @param chainId the EVM chain id, greater than 0
 * @param steps the steps, in order
 * @param session the session key the SDK created for the job (base64 JSON, 9–11 KB), opaque and kept as is
 */
public record Job(String id, long chainId, List<Step> steps, String session) {

  public Job {
    Objects.requireNonNull(id, "id");
    steps = List.copyOf(steps);
    Objects.requireNonNull(session, "session");
  }
}
