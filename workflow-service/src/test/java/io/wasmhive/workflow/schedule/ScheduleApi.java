package io.wasmhive.workflow.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to a workflow service's schedule API, and the runs it made, read from its MongoDB. */
final class ScheduleApi {

  static final String OWNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  private static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final String RECIPIENT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final MongoTemplate mongo;

  ScheduleApi(String base, MongoTemplate mongo) {
    this.base = base;
    this.mongo = mongo;
  }

  /**
   * A plain workflow with {@code triggers} (JSON array items), the given top-level members (e.g.
   * {@code ,"count":3}) and {@code jobs} jobs of one simulated transfer each (they fail without a chain endpoint,
   * which does not matter here: runs are counted, not successes).
   */
  static String workflow(String triggers, String members, int jobs) {
    StringBuilder list = new StringBuilder();
    for (int i = 1; i <= jobs; i++) {
      list.append(i > 1 ? "," : "").append("{\"id\":\"job-").append(i).append("\",\"chainId\":31337,\"steps\":[")
          .append("{\"target\":\"").append(TOKEN).append("\",\"abi\":\"transfer(address,uint256)\",\"args\":[\"")
          .append(RECIPIENT).append("\",\"1\"],\"value\":\"0\",\"type\":\"contract\"}],\"session\":\"s\"}");
    }
    return "{\"owner\":\"" + OWNER + "\",\"triggers\":[" + triggers + "],\"jobs\":[" + list + "]" + members + "}";
  }

  /** Submits a workflow and answers its id. */
  String submit(String body) {
    HttpResponse<String> created = post("/workflows", body);
    if (created.statusCode() != 201) {
      throw new AssertionError("POST /workflows answered " + created.statusCode() + ": " + created.body());
    }
    return json(created).get("id").stringValue();
  }

  HttpResponse<String> post(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  /** The schedule as {@code GET /workflows/{id}/schedule} answers it (which must be 200). */
  JsonNode schedule(String workflowId) {
    HttpResponse<String> answer = get("/workflows/" + workflowId + "/schedule");
    if (answer.statusCode() != 200) {
      throw new AssertionError("GET schedule answered " + answer.statusCode() + ": " + answer.body());
    }
    return json(answer);
  }

  /** How many runs of the workflow exist (started by the schedule; none are started otherwise in these tests). */
  long runs(String workflowId) {
    return mongo.getCollection("workflow_runs").countDocuments(new Document("workflowId", workflowId));
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
