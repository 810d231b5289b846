package io.wasmhive.platform.testing.httpfuzz;

import java.util.Random;

/**
 * Header abuse on a request: huge and numerous headers, duplicates, invalid characters, and bogus credentials,
 * identities, content negotiation and event ids. Stateless.
 */
final class Headers {

  private static final String[] AUTHORIZATION = {"Bearer", "Bearer ", "Bearer whk_", "Bearer whk_abc_def",
      "Bearer whk_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Basic YWRtaW46YWRtaW4=",
      "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjoiYWRtaW4ifQ.", "Bearer a.b.c", "Bearer %00",
      "Bearer " + "t".repeat(6_000), "Digest x", "bearer whk_AAAAAAAAAAAA_x", "Bearer \u00e9"};
  private static final String[] NAMES = {"user_id", "tenant_id", "roles", "X-Mindb-Database", "Idempotency-Key",
      "Last-Event-ID", "Accept", "Origin", "Host", "X-Forwarded-For", "X-Forwarded-Host", "Range",
      "If-None-Match", "Content-Encoding", "Accept-Encoding", "Cookie", "X-Request-Id", "Forwarded", "Expect"};
  private static final String[] ACCEPT = {"application/xml", "text/event-stream", "garbage", "*/*;q=abc",
      "application/json;q=0", "image/png", "application/vnd.ipld.car", "text/html"};

  private Headers() {
  }

  /** A copy of {@code request} with one kind of header abuse. */
  static FuzzRequest abuse(FuzzRequest request, Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> request.header("X-Fuzz", "v".repeat(new int[] {7_000, 20_000, 100_000}[random.nextInt(3)]));
      case 1 -> many(request, 50 + random.nextInt(200));
      case 2 -> request.header("Content-Type", "text/plain").header("Content-Type", "application/json");
      case 3 -> request.header(HostileValues.pick(new String[] {"Bad Name", "X-\u0001", "X-Caf\u00e9", "(x)", ""},
          random), "v");
      case 4 -> request.header("X-Fuzz", HostileValues.pick(new String[] {"a\u0001b", "\u00e9\u2603", "a\u007fb",
          "\tx", "x\r\n y"}, random));
      case 5 -> request.header("Authorization", HostileValues.pick(AUTHORIZATION, random));
      case 6 -> request.header("Accept", HostileValues.pick(ACCEPT, random));
      default -> request.header(HostileValues.pick(NAMES, random), HostileValues.pick(HostileValues.HEADER, random));
    };
  }

  private static FuzzRequest many(FuzzRequest request, int n) {
    FuzzRequest out = request;
    for (int i = 0; i < n; i++) {
      out = out.header("X-Fuzz-" + i, "v");
    }
    return out;
  }
}
