package io.wasmhive.workflow.access;

import static io.wasmhive.workflow.access.TestCallers.Who.ADMIN;
import static io.wasmhive.workflow.access.TestCallers.Who.OWNER;
import static io.wasmhive.workflow.access.TestCallers.Who.OWNER_WITHOUT_ROLE;
import static io.wasmhive.workflow.access.TestCallers.Who.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.workflow.access.TestCallers.Who;
import io.wasmhive.workflow.chain.TestChain;
import io.wasmhive.workflow.store.WorkflowApiClient;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code "execute":true} in secure mode against a real anvil whose account 0 is the signer and holds the token: the
 * owner with the execute role sends a transfer that is mined; callers without the role, or who do not own the
 * workflow, send nothing though the body names the signer's address as its owner; and the signer's owner-address
 * check still holds for the runs that pass.
 */
@SecureServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureExecutionIntegrationTests {

  private static final TestChain CHAIN = TestChain.startForTestClass();
  private static final String TOKEN = CHAIN.deployToken(1_000_000);
  private static final String OTHER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  MongoTemplate mongo;

  TestCallers callers;

  @DynamicPropertySource
  static void chainEndpoint(DynamicPropertyRegistry registry) {
    CHAIN.serve(registry, "secure-execution");
  }

  @BeforeAll
  void issueKeys() {
    callers = new TestCallers(keys, port);
  }

  @AfterAll
  static void stopChain() throws InterruptedException {
    CHAIN.close();
  }

  @Test
  void theOwnerWithTheRoleExecutesAndTheTransferIsMined() {
    BigInteger before = balance(OTHER);
    String id = Workflows.create(callers.as(OWNER), transfer(TestChain.OWNER, "25"));
    JsonNode run = run(OWNER, id);
    assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(run.get("steps").get(0).get("call").get("transaction").get("status").stringValue())
        .isEqualTo("mined");
    assertThat(balance(OTHER)).isEqualTo(before.add(BigInteger.valueOf(25)));
  }

  @Test
  void callersWithoutTheRoleOrTheWorkflowSendNothingThoughTheBodyNamesTheSigner() {
    long nonce = nonce();
    BigInteger before = balance(OTHER);
    String withoutRole = Workflows.create(callers.as(OWNER_WITHOUT_ROLE), transfer(TestChain.OWNER, "7"));
    String owners = Workflows.create(callers.as(OWNER), transfer(TestChain.OWNER, "7"));
    for (Object[] attempt : List.of(new Object[] {OWNER_WITHOUT_ROLE, withoutRole}, new Object[] {PEER, owners})) {
      HttpResponse<String> refused = callers.as((Who) attempt[0])
          .post("/workflows/" + attempt[1] + "/jobs/job-1/runs?wait=true", "{\"execute\":true}");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(WorkflowApiClient.json(refused).get("error").get("code").stringValue()).isEqualTo("FORBIDDEN");
    }
    assertThat(runs(withoutRole) + runs(owners)).isZero();
    assertThat(nonce()).isEqualTo(nonce);
    assertThat(balance(OTHER)).isEqualTo(before);
  }

  @Test
  void theSignersOwnerAddressCheckStillHoldsForCallersWhoMayExecute() {
    long nonce = nonce();
    for (Who who : List.of(OWNER, ADMIN)) {
      String id = Workflows.create(callers.as(OWNER), transfer(OTHER, "3"));
      JsonNode run = run(who, id);
      assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("FAILED");
      assertThat(run.get("error").stringValue()).contains("not executed: the workflow's owner")
          .contains("nothing was sent");
    }
    assertThat(nonce()).isEqualTo(nonce);
  }

  private String transfer(String owner, String amount) {
    return Workflows.transfer(owner, CHAIN.chainId(), TOKEN, OTHER, amount);
  }

  private JsonNode run(Who who, String workflowId) {
    HttpResponse<String> run = callers.as(who).post("/workflows/" + workflowId + "/jobs/job-1/runs?wait=true",
        "{\"execute\":true}");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    return WorkflowApiClient.json(run);
  }

  private long runs(String workflowId) {
    return mongo.getCollection("workflow_runs").countDocuments(new Document("workflowId", workflowId));
  }

  private static BigInteger balance(String holder) {
    String data = "0x70a08231" + "0".repeat(24) + holder.substring(2).toLowerCase(Locale.ROOT);
    return new BigInteger(CHAIN.call("eth_call", Map.of("to", TOKEN, "data", data), "latest").stringValue()
        .substring(2), 16);
  }

  private static long nonce() {
    return Long.decode(CHAIN.call("eth_getTransactionCount", TestChain.OWNER, "latest").stringValue());
  }
}
