package io.wasmhive.platform.testing.httpfuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request targets for an endpoint: the normal one (its path variables filled with the test's values), one with a
 * hostile path variable or path shape, and one with hostile query parameters. Stateless.
 */
final class Targets {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
  private static final String[] SHAPES = {"/..", "/", "//", "/./", "/%2e%2e/", ";jsessionid=1", "/%00", "%20",
      "/" + "z".repeat(9_000), "?", "#x", "/\u2603"};
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD",
      "FOO", "get", "PROPFIND", "CONNECT"};

  private Targets() {
  }

  /** The path with every variable set to its value for the test (or {@code fuzz}), percent-encoded. */
  static String normal(Endpoint endpoint, Map<String, String> values) {
    return fill(endpoint.pattern(), name -> encode(values.getOrDefault(name, "fuzz")));
  }

  /** The path with one variable replaced by a hostile segment, or the normal path in a hostile shape. */
  static String hostilePath(Endpoint endpoint, Map<String, String> values, Random random) {
    List<String> variables = endpoint.variables();
    if (variables.isEmpty() || random.nextInt(4) == 0) {
      String path = normal(endpoint, values);
      return random.nextBoolean() ? path + HostileValues.pick(SHAPES, random)
          : path.replaceFirst("/", "/" + HostileValues.pick(new String[] {"/", "./", "%2f", "..;/", ".%2e/"}, random));
    }
    String target = variables.get(random.nextInt(variables.size()));
    String hostile = HostileValues.pick(HostileValues.SEGMENTS, random);
    return fill(endpoint.pattern(), name -> name.equals(target) ? hostile : encode(values.getOrDefault(name, "fuzz")));
  }

  /** The normal path with hostile query parameters: known names with bad values, repeats, unknown names. */
  static String hostileQuery(Endpoint endpoint, Map<String, String> values, Random random) {
    StringBuilder query = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      query.append(i == 0 ? "" : "&");
      List<String> names = endpoint.queryParameters();
      String name = names.isEmpty() || random.nextInt(4) == 0
          ? HostileValues.pick(new String[] {"fuzz", "%zz", "", "a%00", "page", "limit", "offset"}, random)
          : names.get(random.nextInt(names.size()));
      query.append(name);
      if (random.nextInt(8) > 0) {
        query.append('=').append(HostileValues.pick(HostileValues.QUERY, random));
      }
    }
    if (random.nextInt(10) == 0) {
      query.append("&").append(query);
    }
    return normal(endpoint, values) + "?" + query;
  }

  /** A method the endpoint does not take (or a made-up one). */
  static String otherMethod(Endpoint endpoint, Random random) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String method = HostileValues.pick(METHODS, random);
      if (!endpoint.methods().contains(method)) {
        return method;
      }
    }
    return "FOO";
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String fill(String pattern, java.util.function.Function<String, String> value) {
    String withoutWildcards = pattern.replace("/**", "/fuzz/x").replace("/*", "/fuzz");
    Matcher m = VARIABLE.matcher(withoutWildcards);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1).replace("*", ""))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
