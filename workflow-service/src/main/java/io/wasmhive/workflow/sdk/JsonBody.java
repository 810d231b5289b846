package io.wasmhive.workflow.sdk;

import io.wasmhive.platform.errors.ClientMessages;
import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body parsed into a JSON tree within the limits: size first, then nesting depth, string and number lengths
 * while parsing (the parser stops at the first level too deep); duplicate member names are refused, and floats
 * kept as exact decimals so that they are written back as sent. Thread-safe.
 */
final class JsonBody {

  private final WorkflowLimits limits;
  private final JsonMapper mapper;

  JsonBody(WorkflowLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxDepth())
        .maxDocumentLength(limits.maxBodyBytes())
        .maxStringLength(limits.maxBodyBytes())
        .maxNameLength(1024)
        .maxNumberLength(100)
        .build();
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    this.mapper = JsonMapper.builder(factory)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /** The tree of the body. @throws WorkflowException {@code INVALID_SERIALIZED_DATA} when it is not that */
  JsonNode parse(byte[] body) {
    if (body.length > limits.maxBodyBytes()) {
      throw tooLarge(limits.maxBodyBytes());
    }
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw invalid(Map.of("code", "invalid_json", "message", "The body is empty", "path", List.of()));
      }
      return tree;
    } catch (StreamConstraintsException e) {
      throw invalid(problem(e, "The body exceeds a limit: " + e.getOriginalMessage().replaceAll(
          ", from `StreamReadConstraints\\.[A-Za-z]+\\(\\)`", "")));
    } catch (JacksonException e) {
      throw invalid(problem(e, "The body is not valid JSON: " + ClientMessages.parserMessage(e)));
    }
  }

  /** The error for a body larger than {@code maxBodyBytes}. */
  static WorkflowException tooLarge(int maxBodyBytes) {
    Map<String, Object> issue = new LinkedHashMap<>();
    issue.put("code", "too_big");
    issue.put("maximum", maxBodyBytes);
    issue.put("type", "body");
    issue.put("inclusive", true);
    issue.put("exact", false);
    issue.put("message", "Body must be at most " + maxBodyBytes + " bytes");
    issue.put("path", List.of());
    return invalid(issue);
  }

  private static Map<String, Object> problem(JacksonException e, String message) {
    Map<String, Object> issue = new LinkedHashMap<>();
    issue.put("code", "invalid_json");
    issue.put("message", message);
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      issue.put("line", e.getLocation().getLineNr());
      issue.put("column", e.getLocation().getColumnNr());
    }
    issue.put("path", List.of());
    return issue;
  }

  private static WorkflowException invalid(Map<String, Object> issue) {
    return new WorkflowException(WorkflowError.INVALID_SERIALIZED_DATA, WorkflowReader.INVALID_DATA,
        List.of(issue));
  }
}
