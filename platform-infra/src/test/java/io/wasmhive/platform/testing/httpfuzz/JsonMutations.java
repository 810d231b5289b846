package io.wasmhive.platform.testing.httpfuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile JSON bodies made from an endpoint's plausible body: broken syntax, one field of the wrong type, deep
 * nesting, and documents past the body limit. Stateless apart from the {@link Random} each call is given.
 */
final class JsonMutations {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] BROKEN = {"", "{", "}", "[", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{a:1}",
      "{\"a\":1,}", "[1,]", "nul", "NaN", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":1e99999}",
      "\"\\ud800\"", "{\"a\":\"\\u00zz\"}", "{\"a\":\"unterminated}", "/* comment */ {}", "{\"a\":1}{\"b\":2}",
      "{\"a\":1,\"a\":\"dup\"}", "\ufeff{}", "null", "true", "1", "\"text\"", "[]", "{\"\":null}"};

  private static final String PUNCTUATION = "{}[]\",:\\\u0000'";

  private JsonMutations() {
  }

  /** The body an endpoint would plausibly accept, as JSON text. */
  static String plausible(JsonNode sample) {
    return JSON.writeValueAsString(sample);
  }

  /** A syntactically broken document, often derived from the plausible one. */
  static byte[] malformed(JsonNode sample, Random random) {
    String text = plausible(sample);
    return switch (random.nextInt(6)) {
      case 0 -> utf8(BROKEN[random.nextInt(BROKEN.length)]);
      case 1 -> utf8(text.substring(0, random.nextInt(Math.max(1, text.length()))));
      case 2 -> utf8(insert(text, random, PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))));
      case 3 -> Bytes.random(random, 1 + random.nextInt(512));
      case 4 -> Bytes.concat(utf8(text.substring(0, text.length() / 2)), new byte[] {(byte) 0xC3, 0x28,
          (byte) 0xFF, (byte) 0xFE}, utf8(text.substring(text.length() / 2)));
      default -> utf8(text + (random.nextBoolean() ? "garbage" : "]]]"));
    };
  }

  /** The plausible document with one field (at any depth) replaced by a value of another type. */
  static byte[] wrongType(JsonNode sample, Random random) {
    JsonNode copy = sample.deepCopy();
    List<JsonNode> containers = new ArrayList<>();
    collect(copy, containers);
    JsonNode hostile = HostileValues.json(random);
    if (containers.isEmpty()) {
      return utf8(plausible(hostile));
    }
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode object && !object.isEmpty()) {
      List<String> names = new ArrayList<>(object.propertyNames());
      object.set(names.get(random.nextInt(names.size())), hostile);
    } else if (target instanceof ObjectNode object) {
      object.set("fuzz", hostile);
    } else if (target instanceof ArrayNode array) {
      array.add(hostile);
    }
    return utf8(plausible(copy));
  }

  /** Nesting {@code depth} arrays or objects deep, alone or as the value of one field of the plausible body. */
  static byte[] deep(JsonNode sample, Random random) {
    int depth = new int[] {600, 5_000, 100_000}[random.nextInt(3)];
    boolean arrays = random.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    StringBuilder deep = new StringBuilder(open.repeat(depth)).append(arrays ? "1" : "1");
    deep.append((arrays ? "]" : "}").repeat(random.nextInt(4) == 0 ? depth / 2 : depth));
    if (sample instanceof ObjectNode object && !object.isEmpty() && random.nextBoolean()) {
      String name = object.propertyNames().iterator().next();
      return utf8("{\"" + name + "\":" + deep + "}");
    }
    return utf8(deep.toString());
  }

  /** A well-formed document of {@code size} bytes. */
  static byte[] huge(int size) {
    byte[] body = new byte[size];
    java.util.Arrays.fill(body, (byte) 'a');
    byte[] head = utf8("{\"fuzz\":\"");
    System.arraycopy(head, 0, body, 0, head.length);
    body[size - 2] = '"';
    body[size - 1] = '}';
    return body;
  }

  /** An object node for a map of sample fields. */
  static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  /** The node for a sample the test wrote as JSON text. */
  static JsonNode parse(String json) {
    return JSON.readTree(json);
  }

  /** Parses a response body, or returns null when it is not JSON. */
  static JsonNode parseOrNull(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainer()) {
      containers.add(node);
      node.values().forEach(child -> collect(child, containers));
    }
  }

  private static String insert(String text, Random random, char c) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + c + text.substring(at);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
