package io.wasmhive.platform.testing.httpfuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * Fuzzes every endpoint of a running service over real HTTP. The endpoints come from the application context's
 * request mappings; each request is drawn from a {@link java.util.Random} seeded with {@code -Dhttpfuzz.seed}; without
 * it the seed is fixed by the pass (its endpoints, the names of its headers and its number of requests), so that the
 * build replays the same requests on every run and fails only when the code changed; {@code -Dhttpfuzz.seed=random}
 * draws a fresh seed, printed, to explore ({@code scripts/fuzz-http.sh}). {@code -Dhttpfuzz.requests} overrides
 * the number of requests. {@link #run} fails on the first answer that breaks the rules of {@link Verdicts}, with
 * the seed, the request and the answer, and when the service no longer answers a normal request afterwards. Blocks
 * for the whole run; not thread-safe.
 *
 * <pre>{@code
 * HttpFuzzer.of(context, port).header("Authorization", "Bearer " + admin).variable("name", "p")
 *     .sample("POST /procedures", "{\"name\":\"p\",...}").bodyLimit(1 << 20).requests(400)
 *     .afterwards(FuzzRequest.of("GET", "/procedures"), 200).run();
 * }</pre>
 */
public final class HttpFuzzer {

  private final ApplicationContext context;
  private final int port;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<String, String> variables = new LinkedHashMap<>();
  private final Map<String, String> samples = new LinkedHashMap<>();
  private final List<String> excluded = new ArrayList<>();
  private final List<Endpoint> servlets = new ArrayList<>();
  private ErrorBodyCheck errorBody = ErrorBodyCheck.standard();
  private long bodyLimit = 1 << 20;
  private int requests = 400;
  private FuzzRequest afterwards = FuzzRequest.of("GET", "/livez");
  private int afterwardsStatus = 200;

  private HttpFuzzer(ApplicationContext context, int port) {
    this.context = context;
    this.port = port;
  }

  /** A fuzzer for the application of {@code context}, listening on loopback {@code port}. */
  public static HttpFuzzer of(ApplicationContext context, int port) {
    return new HttpFuzzer(context, port);
  }

  /** A header every request carries (unless the mutation abuses that header), e.g. an administrator's key. */
  public HttpFuzzer header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The normal value of a path variable (else {@code fuzz}). */
  public HttpFuzzer variable(String name, String value) {
    variables.put(name, value);
    return this;
  }

  /** A plausible JSON body for an endpoint ({@code "POST /procedures"}), which the body mutations start from. */
  public HttpFuzzer sample(String endpointKey, String json) {
    samples.put(endpointKey, json);
    return this;
  }

  /** The service's request body limit in bytes; the huge bodies are just past it. */
  public HttpFuzzer bodyLimit(long bytes) {
    this.bodyLimit = bytes;
    return this;
  }

  /** How the service's error bodies look (default {@link ErrorBodyCheck#standard()}). */
  public HttpFuzzer errorBody(ErrorBodyCheck check) {
    this.errorBody = check;
    return this;
  }

  /**
   * An endpoint served outside Spring MVC (a plain servlet, such as an event stream), which the request mappings do
   * not list; {@code produces} is its media type ({@code text/event-stream}: the fuzzer does not read the body).
   */
  public HttpFuzzer servlet(String method, String pattern, String produces) {
    servlets.add(new Endpoint(pattern, java.util.Set.of(method), java.util.Set.of(), java.util.Set.of(produces),
        List.of(), List.of(), Map.of()));
    return this;
  }

  /** Leaves out the endpoints whose pattern starts with {@code prefix}. */
  public HttpFuzzer exclude(String prefix) {
    excluded.add(prefix);
    return this;
  }

  /** How many requests a run sends unless {@code -Dhttpfuzz.requests} says otherwise. */
  public HttpFuzzer requests(int n) {
    this.requests = n;
    return this;
  }

  /** The normal request that must still be answered with {@code status} after the run (default GET /livez, 200). */
  public HttpFuzzer afterwards(FuzzRequest request, int status) {
    this.afterwards = request;
    this.afterwardsStatus = status;
    return this;
  }

  /** Runs the fuzz; throws {@link AssertionError} with the seed and the request on the first broken rule. */
  public FuzzReport run() {
    List<Endpoint> endpoints = java.util.stream.Stream.concat(Endpoints.of(context).stream(), servlets.stream())
        .filter(e -> excluded.stream().noneMatch(e.pattern()::startsWith)).toList();
    int count = Integer.getInteger("httpfuzz.requests", requests);
    long seed = seed(System.getProperty("httpfuzz.seed"), endpoints, headers.keySet(), count);
    FuzzOptions options = new FuzzOptions(seed, count, Map.copyOf(headers), Map.copyOf(variables),
        Map.copyOf(samples), bodyLimit, List.copyOf(excluded), errorBody);
    return new FuzzRun(port, options, endpoints, afterwards, afterwardsStatus).run();
  }

  /**
   * The run's seed: {@code property} as a number; a fresh one when it is {@code random}; else one fixed by what the
   * pass fuzzes (endpoint keys in their sorted order, header names, number of requests), the same on every run.
   */
  static long seed(String property, List<Endpoint> endpoints, java.util.Collection<String> headerNames,
      int requests) {
    if (property != null && !property.isBlank()) {
      return property.strip().equals("random") ? java.util.concurrent.ThreadLocalRandom.current().nextLong()
          : Long.parseLong(property.strip());
    }
    long seed = 0x9E3779B97F4A7C15L ^ requests;
    for (String part : java.util.stream.Stream.concat(endpoints.stream().map(Endpoint::key),
        headerNames.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).sorted()).toList()) {
      for (int i = 0; i < part.length(); i++) {
        seed = (seed ^ part.charAt(i)) * 0x100000001B3L;
      }
      seed = (seed ^ '\n') * 0x100000001B3L;
    }
    return seed;
  }
}
