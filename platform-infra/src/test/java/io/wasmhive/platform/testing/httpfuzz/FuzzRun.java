package io.wasmhive.platform.testing.httpfuzz;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** One run of the fuzzer: sends the requests in order, judges every answer, then checks the service still serves. */
final class FuzzRun {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final FuzzOptions options;
  private final List<Endpoint> endpoints;
  private final RawHttp http;
  private final FuzzRequest afterwards;
  private final int afterwardsStatus;

  FuzzRun(int port, FuzzOptions options, List<Endpoint> endpoints, FuzzRequest afterwards, int afterwardsStatus) {
    this.options = options;
    this.endpoints = endpoints;
    this.http = new RawHttp(port, TIMEOUT);
    this.afterwards = afterwards;
    this.afterwardsStatus = afterwardsStatus;
  }

  FuzzReport run() {
    if (endpoints.isEmpty()) {
      throw new AssertionError("httpfuzz: the application context maps no endpoint");
    }
    System.out.println("httpfuzz: seed " + options.seed() + " (-Dhttpfuzz.seed=" + options.seed() + "), "
        + options.requests() + " requests, " + endpoints.size() + " endpoints");
    Random random = new Random(options.seed());
    HostileRequests hostile = new HostileRequests(options);
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> kinds = new TreeMap<>();
    Map<String, Long> kindMillis = new TreeMap<>();
    long started = System.nanoTime();
    for (int i = 0; i < options.requests(); i++) {
      Endpoint endpoint = endpoints.get(i % endpoints.size());
      FuzzRequest request = hostile.next(endpoint, random);
      long sent = System.nanoTime();
      FuzzResponse response = send(i, endpoint, request);
      kindMillis.merge(request.kind(), (System.nanoTime() - sent) / 1_000_000, Long::sum);
      String problem = Verdicts.problem(request, response, options.errorBody());
      if (problem != null) {
        throw failure(i, endpoint, request, problem + "\n  answer: " + response.describe());
      }
      statuses.merge(response.status(), 1, Integer::sum);
      kinds.merge(request.kind(), 1, Integer::sum);
    }
    stillServes();
    FuzzReport report = new FuzzReport(options.seed(), endpoints.stream().map(Endpoint::key).toList(),
        options.requests(), statuses, kinds, kindMillis, (System.nanoTime() - started) / 1_000_000);
    System.out.println(report.summary());
    return report;
  }

  private FuzzResponse send(int i, Endpoint endpoint, FuzzRequest request) {
    try {
      return http.send(request);
    } catch (IOException e) {
      throw failure(i, endpoint, request, "no answer: " + e);
    }
  }

  private void stillServes() {
    FuzzResponse response;
    try {
      response = http.send(credentialed(afterwards));
    } catch (IOException e) {
      throw new AssertionError("httpfuzz seed " + options.seed() + ": the service no longer answers "
          + afterwards.describe() + ": " + e);
    }
    if (response.status() != afterwardsStatus) {
      throw new AssertionError("httpfuzz seed " + options.seed() + ": after the run, " + afterwards.describe()
          + "\n  answered " + response.describe() + " instead of " + afterwardsStatus);
    }
  }

  private FuzzRequest credentialed(FuzzRequest request) {
    FuzzRequest out = request;
    for (Map.Entry<String, String> header : options.headers().entrySet()) {
      out = out.has(header.getKey()) ? out : out.header(header.getKey(), header.getValue());
    }
    return out;
  }

  private AssertionError failure(int i, Endpoint endpoint, FuzzRequest request, String problem) {
    return new AssertionError("httpfuzz: request " + (i + 1) + " of seed " + options.seed()
        + " (reproduce: -Dhttpfuzz.seed=" + options.seed() + " -Dhttpfuzz.requests=" + (i + 1) + ") to "
        + endpoint.key() + ": " + problem + "\n  request: " + request.describe());
  }
}
