package io.wasmhive.workflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.workflow.store.WorkflowApiClient;
import java.net.http.HttpResponse;

/** Workflow bodies of the secure-mode tests and the calls that make them, as the SDK serializes them. */
final class Workflows {

  /** The signer's address (anvil's first account): a client may write it as any workflow's owner. */
  static final String SIGNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  private static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final String RECIPIENT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  /** 2100-01-01: a time trigger that keeps the schedule active and never fires during a test. */
  static final long FAR_FUTURE = 4_102_444_800L;

  private Workflows() {
  }

  /** A workflow whose schedule is active and fires at {@link #FAR_FUTURE}: one job {@code job-1}, one transfer. */
  static String scheduled() {
    return workflow("[{\"type\":\"time\",\"params\":{\"timestamp\":" + FAR_FUTURE + "}}]", "");
  }

  /** A workflow without triggers that runs once at once ({@code interval} and {@code count} 1). */
  static String runsOnceNow() {
    return workflow("[]", ",\"count\":1,\"interval\":60");
  }

  private static String workflow(String triggers, String members) {
    return workflow(SIGNER, triggers, 31337, TOKEN, RECIPIENT, "1", members);
  }

  /** A workflow of {@code owner} without triggers: one job {@code job-1} on the chain, one transfer of the token. */
  static String transfer(String owner, long chainId, String token, String to, String amount) {
    return workflow(owner, "[]", chainId, token, to, amount, "");
  }

  private static String workflow(String owner, String triggers, long chainId, String token, String to, String amount,
      String members) {
    return "{\"owner\":\"" + owner + "\",\"triggers\":" + triggers + ",\"jobs\":[{\"id\":\"job-1\",\"chainId\":"
        + chainId + ",\"steps\":[{\"target\":\"" + token + "\",\"abi\":\"transfer(address,uint256)\",\"args\":[\""
        + to + "\",\"" + amount + "\"],\"value\":\"0\",\"type\":\"contract\"}],\"session\":\"s\"}]" + members + "}";
  }

  /** Submits the workflow as the client's caller; answers its id. */
  static String create(WorkflowApiClient api, String body) {
    HttpResponse<String> created = api.post("/workflows", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return WorkflowApiClient.json(created).get("id").stringValue();
  }

  /** Starts a (simulated) run of {@code job-1} as the client's caller; answers its id. */
  static String run(WorkflowApiClient api, String workflowId) {
    HttpResponse<String> run = api.post("/workflows/" + workflowId + "/jobs/job-1/runs", "");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
    return WorkflowApiClient.json(run).get("id").stringValue();
  }
}
