package io.wasmhive.platform.testing.httpfuzz;

import java.math.BigInteger;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The values the mutations put where a normal one goes: JSON values of every type and edge, and strings for path
 * variables, query parameters and headers (already percent-encoded where they go into a URL). Stateless.
 */
final class HostileValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Path segments, as written into the request target: traversal, NUL, bad escapes, Unicode, odd numbers. */
  static final String[] SEGMENTS = {"..%2f..%2fetc%2fpasswd", "..", "%2e%2e", "%2e%2e%2f", "%00", "a%00b", "%zz",
      "%", "%E2%98%83", "\u2603", "\u00e9t\u00e9", "%F0%9F%92%A9", "%2F", "a;b=c", "%3B", "%5C", "\\", "%20", "+",
      "-1", "0", "99999999999999999999999", "1e9", "null", "%0d%0aSet-Cookie:%20x=1", "%3Cscript%3E", "%27%22",
      "%ff%fe", "%c0%af", "CON", "*", "%7Bname%7D", "", ".", "~", "x".repeat(300), "y".repeat(5_000),
      "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", "Qm" + "1".repeat(44), "f".repeat(64),
      "0x" + "0".repeat(40), "latest", "admin"};

  /** Query values, percent-encoded. */
  static final String[] QUERY = {"", "%00", "%zz", "-1", "99999999999999999999999", "1.5", "NaN", "true", "%5B%5D",
      "%7B%7D", "..%2F..%2Fetc%2Fpasswd", "%E2%98%83", "a%26b%3Dc", "z".repeat(10_000), "%0d%0a", "INT,FLOAT",
      "a:INT,b", ":::", "%2C%2C"};

  /** Header values (printable; invalid characters are the header mutations' job). */
  static final String[] HEADER = {"", " ", "admin", "../../etc", "\u00e9", "x".repeat(4_000), "-1", "null",
      "a,b,c", "*", "${jndi:ldap://127.0.0.1/x}", "0", "99999999999999999999"};

  private HostileValues() {
  }

  /** A JSON value: null, booleans, number edges, strings, empty and nested containers. */
  static JsonNode json(Random random) {
    return switch (random.nextInt(18)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(-1);
      case 3 -> NODES.numberNode(1.5);
      case 4 -> NODES.numberNode(Double.MAX_VALUE);
      case 5 -> NODES.numberNode(new BigInteger("123456789012345678901234567890123456789"));
      case 6 -> NODES.numberNode(Long.MIN_VALUE);
      case 7 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
      case 8 -> NODES.stringNode("");
      case 9 -> NODES.stringNode("x".repeat(100_000));
      case 10 -> NODES.stringNode("\u0000\u2603\ud83d\udca9../../etc/passwd");
      case 11 -> NODES.stringNode("NaN");
      case 12 -> NODES.arrayNode();
      case 13 -> NODES.arrayNode().add(NODES.arrayNode().add(NODES.objectNode()));
      case 14 -> NODES.objectNode();
      case 15 -> NODES.objectNode().set("a", NODES.objectNode().put("b", 1));
      case 16 -> NODES.numberNode(0);
      default -> NODES.stringNode(SEGMENTS[random.nextInt(SEGMENTS.length)]);
    };
  }

  static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
