package io.wasmhive.procedure.derive.sql;

import io.wasmhive.executor.DatabaseException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A guest's positional parameters: a JSON array of numbers, strings, booleans and nulls, read exactly (integers as
 * {@code long} or {@link java.math.BigInteger}, fractions as {@link BigDecimal}, never through {@code double}).
 * Stateless; thread-safe.
 */
final class JsonParams {

  static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();

  private JsonParams() {
  }

  static List<Object> parse(byte[] json, int maxParams) throws DatabaseException {
    if (json == null || json.length == 0) {
      return List.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw bad("the parameters are not valid JSON");
    }
    if (root == null || !root.isArray()) {
      throw bad("the parameters must be a JSON array");
    }
    if (root.size() > maxParams) {
      throw new DatabaseException(DatabaseException.BAD_PARAMS,
          "a statement may have at most " + maxParams + " parameters, got " + root.size());
    }
    List<Object> values = new ArrayList<>(root.size());
    for (JsonNode node : root) {
      values.add(value(node));
    }
    return values;
  }

  private static Object value(JsonNode node) throws DatabaseException {
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isString()) {
      return node.stringValue();
    }
    throw bad("a parameter must be a number, a string, a boolean or null, not " + node.getNodeType());
  }

  private static DatabaseException bad(String message) {
    return new DatabaseException(DatabaseException.BAD_PARAMS, message);
  }
}
