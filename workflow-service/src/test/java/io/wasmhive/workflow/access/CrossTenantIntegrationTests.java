package io.wasmhive.workflow.access;

import static io.wasmhive.workflow.access.TestCallers.Who.NAMESAKE;
import static io.wasmhive.workflow.access.TestCallers.Who.OUTSIDER;
import static io.wasmhive.workflow.access.TestCallers.Who.OWNER;
import static io.wasmhive.workflow.access.TestCallers.Who.OWNER_WITHOUT_ROLE;
import static io.wasmhive.workflow.access.TestCallers.Who.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.ApiKeys;
import io.wasmhive.platform.sse.SseChannel;
import io.wasmhive.platform.sse.SseTestClient;
import io.wasmhive.workflow.access.TestCallers.Who;
import io.wasmhive.workflow.store.WorkflowApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Another tenant reads, runs, pauses or follows the events of my workflow: each attempt is answered exactly as for
 * a workflow or run that does not exist, and nothing changes (no run is made, the schedule stays as it was, no
 * subscriber is added). The same for a member of another tenant whose principal has my name; a member of my tenant
 * who is not the owner may look but not pause, and nobody executes with the signer on the strength of the owner
 * address a body names.
 */
@SecureServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantIntegrationTests {

  private static final List<Who> OTHER_TENANT = List.of(OUTSIDER, NAMESAKE);

  @LocalServerPort
  int port;

  @Autowired
  ApiKeys keys;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  SseChannel<?> channel;

  TestCallers callers;
  String workflow;
  String run;

  @BeforeAll
  void issueKeys() {
    callers = new TestCallers(keys, port);
  }

  @BeforeEach
  void myWorkflowWithARun() {
    workflow = Workflows.create(callers.as(OWNER), Workflows.scheduled());
    run = Workflows.run(callers.as(OWNER), workflow);
  }

  @Test
  void anotherTenantReadsMyWorkflowItsScheduleAndItsRunAndIsToldTheyDoNotExist() {
    String missingWorkflow = UUID.randomUUID().toString();
    String missingRun = UUID.randomUUID().toString();
    for (Who who : OTHER_TENANT) {
      WorkflowApiClient api = callers.as(who);
      assertSameAsMissing(api.get("/workflows/" + workflow), api.get("/workflows/" + missingWorkflow), workflow,
          missingWorkflow);
      assertSameAsMissing(api.get("/workflows/" + workflow + "/schedule"),
          api.get("/workflows/" + missingWorkflow + "/schedule"), workflow, missingWorkflow);
      assertSameAsMissing(api.get("/runs/" + run), api.get("/runs/" + missingRun), run, missingRun);
    }
    assertThat(callers.as(PEER).get("/workflows/" + workflow).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherTenantRunsMyWorkflowAndNoRunIsMade() {
    for (Who who : OTHER_TENANT) {
      for (String body : List.of("", "{\"execute\":true}", "{\"mode\":\"leader\"}")) {
        HttpResponse<String> refused = callers.as(who).post("/workflows/" + workflow + "/jobs/job-1/runs", body);
        assertSameAsMissing(refused, callers.as(who).post("/workflows/missing/jobs/job-1/runs", body), workflow,
            "missing");
      }
    }
    assertThat(runsOf(workflow)).isEqualTo(1);
  }

  @Test
  void anotherTenantPausesResumesOrCancelsMyScheduleAndItStaysAsItWas() {
    JsonNode before = schedule();
    assertThat(before.get("state").stringValue()).isEqualTo("active");
    for (Who who : OTHER_TENANT) {
      for (String action : List.of("pause", "cancel", "resume")) {
        HttpResponse<String> refused = callers.as(who).post("/workflows/" + workflow + "/" + action, "");
        assertSameAsMissing(refused, callers.as(who).post("/workflows/missing/" + action, ""), workflow, "missing");
      }
    }
    // A member of my tenant sees the schedule but may not change it.
    for (String action : List.of("pause", "cancel")) {
      HttpResponse<String> forbidden = callers.as(PEER).post("/workflows/" + workflow + "/" + action, "");
      assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
      assertThat(WorkflowApiClient.json(forbidden).get("error").get("code").stringValue()).isEqualTo("FORBIDDEN");
    }
    assertThat(schedule()).isEqualTo(before);

    // Paused by me: nobody else resumes it.
    assertThat(callers.as(OWNER).post("/workflows/" + workflow + "/pause", "").statusCode()).isEqualTo(200);
    JsonNode paused = schedule();
    for (Who who : List.of(OUTSIDER, NAMESAKE, PEER)) {
      assertThat(callers.as(who).post("/workflows/" + workflow + "/resume", "").statusCode()).isIn(403, 404);
    }
    assertThat(schedule()).isEqualTo(paused);
    assertThat(paused.get("state").stringValue()).isEqualTo("paused");
  }

  @Test
  void anotherTenantFollowsTheEventsOfMyWorkflowAndMyRunAndIsNotSubscribed() throws Exception {
    awaitNoSubscriber();
    for (Who who : OTHER_TENANT) {
      for (String path : List.of("/workflows/" + workflow + "/events", "/runs/" + run + "/events")) {
        try (SseTestClient refused = SseTestClient.open(callers.as(who).uri(path), callers.sseHeaders(who))) {
          assertThat(refused.status()).as(refused.body()).isEqualTo(404);
          assertThat(WorkflowApiClient.json(callers.as(who).get(path)).get("error").get("code").stringValue())
              .isEqualTo("NOT_FOUND");
        }
      }
    }
    assertThat(channel.connections()).isZero();
    try (SseTestClient mine = SseTestClient.subscribe(callers.as(OWNER).uri("/workflows/" + workflow + "/events"),
        callers.sseHeaders(OWNER))) {
      assertThat(channel.connections()).isEqualTo(1);
    }
  }

  @Test
  void nobodyExecutesWithTheSignerBecauseABodyNamesTheSignersAddressAsItsOwner() {
    // The body says its owner is the signer's address; that is the client's word, not an identity.
    WorkflowApiClient withoutRole = callers.as(OWNER_WITHOUT_ROLE);
    String own = Workflows.create(withoutRole, Workflows.scheduled());
    HttpResponse<String> refused = withoutRole.post("/workflows/" + own + "/jobs/job-1/runs", "{\"execute\":true}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(WorkflowApiClient.json(refused).get("error").get("message").stringValue())
        .contains("workflows:execute");
    // A member of the tenant with the role may not execute the owner's workflow either.
    HttpResponse<String> peer = callers.as(PEER).post("/workflows/" + workflow + "/jobs/job-1/runs",
        "{\"execute\":true}");
    assertThat(peer.statusCode()).as(peer.body()).isEqualTo(403);
    assertThat(runsOf(own)).isZero();
    assertThat(runsOf(workflow)).isEqualTo(1);
  }

  /** The refusal is a 404 whose body is the one for an id that does not exist, but for the id. */
  private static void assertSameAsMissing(HttpResponse<String> refused, HttpResponse<String> missing, String id,
      String missingId) {
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
    assertThat(refused.body().replace(id, "<id>")).isEqualTo(missing.body().replace(missingId, "<id>"));
  }

  private JsonNode schedule() {
    HttpResponse<String> answer = callers.as(OWNER).get("/workflows/" + workflow + "/schedule");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return WorkflowApiClient.json(answer);
  }

  private long runsOf(String workflowId) {
    return mongo.getCollection("workflow_runs").countDocuments(new Document("workflowId", workflowId));
  }

  private void awaitNoSubscriber() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (channel.connections() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(channel.connections()).isZero();
  }
}
