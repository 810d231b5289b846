package io.wasmhive.platform.testing.httpfuzz;

import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Makes the next hostile request for an endpoint: a kind drawn from the {@link Random}, then that kind's mutation of
 * the endpoint's normal request. Not thread-safe (one per fuzz run).
 */
final class HostileRequests {

  /** The kinds of request, in the order the draw picks from them. */
  enum Kind {
    PLAIN, MALFORMED_JSON, WRONG_TYPE, DEEP_JSON, HUGE_BODY, CONTENT_TYPE, MULTIPART, HEADERS, PATH, QUERY, METHOD
  }

  private static final Kind[] COMMON = java.util.Arrays.stream(Kind.values()).filter(k -> k != Kind.HUGE_BODY)
      .toArray(Kind[]::new);
  private static final String[] CONTENT_TYPES = {null, "text/plain", "application/xml",
      "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=ebcdic-bogus",
      "application/json; charset=UTF-16", ";;", "application/", "*/*", "application/wasm",
      "application/octet-stream", "text/event-stream", "application/json; " + "p=v; ".repeat(1_000)};

  private final FuzzOptions options;

  HostileRequests(FuzzOptions options) {
    this.options = options;
  }

  /** The next request for {@code endpoint}, with the run's credentials unless the mutation abuses them. */
  FuzzRequest next(Endpoint endpoint, Random random) {
    Kind kind = draw(endpoint, random);
    FuzzRequest request = mutate(kind, endpoint, random);
    if (random.nextInt(20) == 0) {
      request = Headers.abuse(request, random);
    }
    return credentials(request, random);
  }

  private Kind draw(Endpoint endpoint, Random random) {
    // A body past the limit costs the most (megabytes per request), so it is drawn rarely.
    int roll = random.nextInt(100);
    if (roll < 2) {
      return Kind.HUGE_BODY;
    }
    if (endpoint.multipart() && roll < 30) {
      return Kind.MULTIPART;
    }
    return COMMON[random.nextInt(COMMON.length)];
  }

  private FuzzRequest mutate(Kind kind, Endpoint endpoint, Random random) {
    Map<String, String> values = options.variables();
    JsonNode sample = sample(endpoint);
    FuzzRequest base = new FuzzRequest(kind.name(), endpoint.method(), Targets.normal(endpoint, values),
        new java.util.ArrayList<>(), new byte[0]);
    return switch (kind) {
      case PLAIN -> withBody(base, endpoint, JsonMutations.utf8(JsonMutations.plausible(sample)));
      case MALFORMED_JSON -> base.body("application/json", JsonMutations.malformed(sample, random));
      case WRONG_TYPE -> base.body("application/json", JsonMutations.wrongType(sample, random));
      case DEEP_JSON -> base.body("application/json", JsonMutations.deep(sample, random));
      case HUGE_BODY -> huge(base, endpoint, random);
      case CONTENT_TYPE -> base.body(HostileValues.pick(CONTENT_TYPES, random),
          JsonMutations.utf8(JsonMutations.plausible(sample)));
      case MULTIPART -> Multipart.hostile(base, endpoint, JsonMutations.plausible(sample), options.bodyLimit(),
          random);
      case HEADERS -> Headers.abuse(withBody(base, endpoint, JsonMutations.utf8(JsonMutations.plausible(sample))),
          random);
      case PATH -> retarget(base, Targets.hostilePath(endpoint, values, random));
      case QUERY -> retarget(base, Targets.hostileQuery(endpoint, values, random));
      case METHOD -> new FuzzRequest(kind.name(), Targets.otherMethod(endpoint, random), base.target(),
          base.headers(), JsonMutations.utf8(JsonMutations.plausible(sample)));
    };
  }

  private JsonNode sample(Endpoint endpoint) {
    String given = options.samples().get(endpoint.key());
    return given != null ? JsonMutations.parse(given) : JsonMutations.tree(endpoint.jsonFields());
  }

  private static FuzzRequest withBody(FuzzRequest base, Endpoint endpoint, byte[] json) {
    if ("GET".equals(base.method()) || "DELETE".equals(base.method())) {
      return base;
    }
    return endpoint.multipart() ? base.body("multipart/form-data; boundary=" + Multipart.BOUNDARY,
        Multipart.body(endpoint.parts(), endpoint.queryParameters(), new String(json), new byte[] {0, 'a'}))
        : base.body("application/json", json);
  }

  private FuzzRequest huge(FuzzRequest base, Endpoint endpoint, Random random) {
    int size = (int) Math.min(Integer.MAX_VALUE - 16, options.bodyLimit() + 1 + random.nextInt(2) * 65_536);
    byte[] body = JsonMutations.huge(size);
    if (random.nextBoolean()) {
      return base.header("Transfer-Encoding", "chunked").body("application/json", Bytes.chunked(body));
    }
    return base.body(endpoint.multipart() ? "application/octet-stream" : "application/json", body);
  }

  private static FuzzRequest retarget(FuzzRequest base, String target) {
    return new FuzzRequest(base.kind(), base.method(), target, base.headers(), base.body());
  }

  private FuzzRequest credentials(FuzzRequest request, Random random) {
    FuzzRequest out = request;
    for (Map.Entry<String, String> header : options.headers().entrySet()) {
      if (!out.has(header.getKey()) || random.nextInt(4) == 0) {
        out = out.header(header.getKey(), header.getValue());
      }
    }
    return out;
  }
}
