package io.wasmhive.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.store.WorkflowApiClient;
import java.net.http.HttpResponse;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Without a signer (the default) {@code "execute":true} is refused before anything is stored. */
@ServiceIntegrationTest
class ExecutionNotConfiguredIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Test
  void executeWithoutASignerIs400ExecutionNotConfiguredAndNothingIsStored() {
    String workflow = "{\"owner\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\",\"triggers\":[{\"type\":\"cron\","
        + "\"params\":{\"schedule\":\"*/5 * * * *\"}}],\"jobs\":[{\"id\":\"job-1\",\"chainId\":1,\"steps\":[{\"target\":"
        + "\"0x0000000000000000000000000000000000000001\",\"abi\":\"f()\",\"args\":[],\"value\":\"0\",\"type\":"
        + "\"contract\"}],\"session\":\"eyJA\"}],\"count\":1}";
    HttpResponse<String> created = post("/workflows", workflow);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").stringValue();
    long runs = mongo.getCollection(RunStore.COLLECTION).countDocuments(new Document("workflowId", id));

    for (String body : new String[] {"{\"execute\":true}", "{\"mode\":\"operator\",\"execute\":true}"}) {
      HttpResponse<String> answer = post("/workflows/" + id + "/jobs/job-1/runs?wait=true", body);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(answer.body()).get("error");
      assertThat(error.get("code").stringValue()).isEqualTo("EXECUTION_NOT_CONFIGURED");
      assertThat(error.get("message").stringValue()).isEqualTo("execute:true needs a signer: set WORKFLOW_SIGNER_KEY"
          + " or workflow.signer.keystore (with workflow.signer.keystore-password)");
    }
    HttpResponse<String> wrongType = post("/workflows/" + id + "/jobs/job-1/runs", "{\"execute\":\"true\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(wrongType.body()).get("error").get("message").stringValue())
        .isEqualTo("execute must be a boolean, got \"true\"");
    assertThat(mongo.getCollection(RunStore.COLLECTION).countDocuments(new Document("workflowId", id)))
        .isEqualTo(runs);
    assertThat(post("/workflows/" + id + "/jobs/job-1/runs", "{\"execute\":false}").statusCode()).isEqualTo(202);
  }

  private HttpResponse<String> post(String path, String body) {
    return new WorkflowApiClient(port).post(path, body);
  }
}
