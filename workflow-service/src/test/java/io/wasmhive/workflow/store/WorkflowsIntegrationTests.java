package io.wasmhive.workflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.sdk.Fixtures;
import java.net.http.HttpResponse;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** {@code POST /workflows} and {@code GET /workflows/{id}} over real HTTP, on the embedded MongoDB and Redis. */
@ServiceIntegrationTest
class WorkflowsIntegrationTests {

  static final List<String> VALID = List.of(Fixtures.VALID);

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  WorkflowStore store;

  WorkflowApiClient api() {
    return new WorkflowApiClient(port);
  }

  @ParameterizedTest
  @FieldSource("VALID")
  void everyValidFixtureIsAcceptedAndServedBackByteForByte(String name) {
    byte[] body = Fixtures.text(name).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> created = api().post("/workflows", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode answer = WorkflowApiClient.json(created);
    String id = answer.get("id").stringValue();
    assertThat(created.headers().firstValue("Location")).hasValue("/workflows/" + id);
    assertThat(answer.get("owner").stringValue()).startsWith("0x");

    HttpResponse<String> fetched = api().get("/workflows/" + id);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(fetched.body()).isEqualTo(Fixtures.text(name));
  }

  @Test
  void theSdkDocumentKeepsItsSessionAndStringifiedArguments() {
    String text = Fixtures.text("workflow-serialized.json");
    String id = WorkflowApiClient.json(api().post("/workflows", text)).get("id").stringValue();
    JsonNode served = WorkflowApiClient.json(api().get("/workflows/" + id));
    JsonNode job = served.get("workflow").get("jobs").get(0);
    assertThat(job.get("session").stringValue()).hasSize(9963)
        .isEqualTo(WorkflowApiClient.json(api().get("/workflows/" + id)).get("workflow").get("jobs").get(0)
            .get("session").stringValue());
    assertThat(job.get("steps").get(1).get("args").get(1).stringValue()).isEqualTo("$wasm:balance");
    assertThat(WorkflowApiClient.json(api().post("/workflows", text)).get("jobs").get(0).stringValue())
        .isEqualTo("balance-sweep");
  }

  @Test
  void theBodyIsStoredExactlyAsSentAndServedInTheSdksCompactForm() {
    String compact = Fixtures.text("array-arg/scalar-args.json");
    String spaced = " \n" + compact.replace(",\"", ",\n  \"").replace(":", ": ") + "\n";
    HttpResponse<String> created = api().post("/workflows", spaced);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = WorkflowApiClient.json(created).get("id").stringValue();
    Document stored = mongo.findById(id, Document.class, MongoWorkflowStore.COLLECTION);
    assertThat(stored).isNotNull();
    assertThat(stored.getString("source")).isEqualTo(spaced);
    assertThat(stored.getString("owner")).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assertThat(stored.getDate("created_at")).isNotNull();
    assertThat(api().get("/workflows/" + id).body()).isEqualTo(compact);
    assertThat(store.find(id)).hasValueSatisfying(workflow -> {
      assertThat(workflow.source()).isEqualTo(spaced);
      assertThat(workflow.document().workflow().jobs().get(0).steps().get(0).value()).isEqualTo("1000000000000000");
    });
  }

  @Test
  void anUnknownWorkflowIsNotFoundInTheErrorEnvelope() {
    HttpResponse<String> response = api().get("/workflows/no-such-workflow");
    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = WorkflowApiClient.json(response).get("error");
    assertThat(error.get("code").stringValue()).isEqualTo("NOT_FOUND");
    assertThat(error.get("message").stringValue()).isEqualTo("Workflow not found: no-such-workflow");
    assertThat(error.has("details")).isTrue();
  }
}
