package io.wasmhive.workflow.access;

import static io.wasmhive.workflow.access.TestCallers.Who.ADMIN;
import static io.wasmhive.workflow.access.TestCallers.Who.NONE;
import static io.wasmhive.workflow.access.TestCallers.Who.OUTSIDER;
import static io.wasmhive.workflow.access.TestCallers.Who.OWNER;
import static io.wasmhive.workflow.access.TestCallers.Who.PEER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.workflow.store.WorkflowApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What secure mode records and how it refuses: a workflow belongs to the principal and tenant that submitted it
 * (stored, answered on creation, never added to the SDK's form), the runs a schedule starts belong to the
 * workflow's tenant, a workflow stored without an owner is for administrators only, and the security chain's
 * refusals have the shape of the API they were meant for.
 */
@SecureServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowOwnershipIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  MongoTemplate mongo;

  TestCallers callers;

  @BeforeAll
  void issueKeys() {
    callers = new TestCallers(keys, port);
  }

  @Test
  void aWorkflowBelongsToThePrincipalAndTenantThatSubmittedItAndItsSdkFormIsUnchanged() {
    String body = Workflows.scheduled();
    HttpResponse<String> created = callers.as(OWNER).post("/workflows", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode answer = WorkflowApiClient.json(created);
    assertThat(answer.get("owner").stringValue()).isEqualTo(Workflows.SIGNER);
    assertThat(answer.get("principal").stringValue()).isEqualTo(TestCallers.OWNER);
    assertThat(answer.get("tenant").stringValue()).isEqualTo(TestCallers.TENANT);
    String id = answer.get("id").stringValue();
    Document stored = mongo.findById(id, Document.class, "workflows");
    assertThat(stored.getString("principal")).isEqualTo(TestCallers.OWNER);
    assertThat(stored.getString("tenant")).isEqualTo(TestCallers.TENANT);
    assertThat(stored.getString("owner")).isEqualTo(Workflows.SIGNER);
    HttpResponse<String> served = callers.as(PEER).get("/workflows/" + id);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(body);
  }

  @Test
  void aScheduledRunActsForTheWorkflowsOwnerAndBelongsToItsTenant() {
    String id = Workflows.create(callers.as(OWNER), Workflows.runsOnceNow());
    Document run = await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("workflow_runs")
        .find(new Document("workflowId", id)).first(), found -> found != null);
    assertThat(run.getString("tenant")).isEqualTo(TestCallers.TENANT);
    String runId = run.getString("_id");
    HttpResponse<String> seen = callers.as(PEER).get("/runs/" + runId);
    assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
    assertThat(WorkflowApiClient.json(seen).get("workflowId").stringValue()).isEqualTo(id);
    assertThat(callers.as(OUTSIDER).get("/runs/" + runId).statusCode()).isEqualTo(404);
    assertThat(callers.as(ADMIN).get("/runs/" + runId).statusCode()).isEqualTo(200);
  }

  @Test
  void aWorkflowStoredWithoutAnOwnerIsForAdministratorsOnly() {
    String body = Workflows.scheduled();
    String id = UUID.randomUUID().toString();
    mongo.insert(new Document("_id", id).append("owner", Workflows.SIGNER).append("created_at", new Date())
        .append("source", body), "workflows");
    assertThat(callers.as(OWNER).get("/workflows/" + id).statusCode()).isEqualTo(404);
    assertThat(callers.as(OWNER).post("/workflows/" + id + "/jobs/job-1/runs", "").statusCode()).isEqualTo(404);
    HttpResponse<String> admin = callers.as(ADMIN).get("/workflows/" + id);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).isEqualTo(body);
    HttpResponse<String> run = callers.as(ADMIN).post("/workflows/" + id + "/jobs/job-1/runs", "");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
    String runId = WorkflowApiClient.json(run).get("id").stringValue();
    assertThat(callers.as(OWNER).get("/runs/" + runId).statusCode()).isEqualTo(404);
    assertThat(callers.as(ADMIN).get("/runs/" + runId).statusCode()).isEqualTo(200);
  }

  @Test
  void theSecurityChainsRefusalsHaveTheShapeOfTheirApi() {
    HttpResponse<String> workflowApi = callers.as(NONE).post("/workflows", Workflows.scheduled());
    assertThat(workflowApi.statusCode()).isEqualTo(401);
    assertThat(workflowApi.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(workflowApi.body()).isEqualTo("{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication "
        + "required: send Authorization: Bearer <API key or token>\",\"details\":null}}");
    HttpResponse<String> wasmServer = callers.as(NONE).post("/wasm/run", "{}");
    assertThat(wasmServer.statusCode()).isEqualTo(401);
    assertThat(wasmServer.body()).isEqualTo("{\"jobId\":\"unknown\",\"ok\":false,\"error\":\"UNAUTHORIZED: "
        + "authentication required: send Authorization: Bearer <API key or token>\",\"durationMs\":0}");
    HttpResponse<String> health = callers.as(NONE).get("/wasm/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"ok\":true}");
  }
}
