package io.wasmhive.relay.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real SSE client over {@link HttpClient}: reads the body line by line on a thread of its own and parses it into
 * frames as the SSE specification does (an {@code id:}, {@code data:}, {@code retry:} and comment lines, ended by
 * a blank line).
 */
final class SseTestClient implements AutoCloseable {


  /**
   * One frame.
   *
   * @param id the id line's value, or null
   * @param data the data lines joined, or null when there was none
   * @param retry the retry line's value, or null
   * @param comments the comment lines, without the colon and one space
   * @param lines every line of the frame as received
   */
  record Frame(String id, String data, String retry, List<String> comments, List<String> lines) {

    boolean isEvent() {
      return data != null;
    }
  }

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  private final Thread reader;
  private final String refusal;
  private volatile boolean ended;

  private SseTestClient(HttpResponse<InputStream> response) throws IOException {
    this.response = response;
    if (response.statusCode() != 200) {
      this.refusal = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
      this.reader = null;
      this.ended = true;
      return;
    }
    this.refusal = null;
    this.reader = new Thread(this::read, "sse-test-client");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /** Opens {@code /intent/execute-wasm/events?query} with the headers (name, value, name, value...). */
  static SseTestClient open(int port, String query, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + ExecutionEventsConfiguration.PATH + (query == null || query.isEmpty() ? "" : "?" + query)))
        .header("Accept", "text/event-stream");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    // A client of its own per connection: a closed stream's connection must never be reused for the next one.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new SseTestClient(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
  }

  /** Opens the stream as a user (the seed's {@code user_id} header) and waits for its first frame (the retry). */
  static SseTestClient subscribe(int port, String user, String query, String... headers)
      throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("user_id", user));
    all.addAll(List.of(headers));
    SseTestClient client = open(port, query, all.toArray(String[]::new));
    if (client.status() != 200) {
      throw new AssertionError("Expected 200, got " + client.status() + ": " + client.body());
    }
    Frame first = client.next(Duration.ofSeconds(10));
    if (first.retry() == null) {
      throw new AssertionError("Expected the retry hint first, got " + first);
    }
    return client;
  }

  int status() {
    return response.statusCode();
  }

  HttpResponse<InputStream> response() {
    return response;
  }

  /** The whole body of a refused (non-SSE) response. */
  String body() {
    return refusal;
  }

  /** The next frame of any kind; fails after the timeout. */
  Frame next(Duration timeout) throws InterruptedException {
    Frame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (frame == null) {
      throw new AssertionError("No frame within " + timeout + (ended ? " (the stream ended)" : ""));
    }
    return frame;
  }

  /** The next frame with data, skipping heartbeats and id-only frames. */
  Frame nextEvent(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Frame frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (frame.isEvent()) {
        return frame;
      }
    }
  }

  /** The next {@code n} frames with data. */
  List<Frame> events(int n, Duration timeout) throws InterruptedException {
    List<Frame> events = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (events.size() < n) {
      events.add(nextEvent(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
    }
    return events;
  }

  /** Frames received and not taken yet. */
  List<Frame> pending() {
    List<Frame> all = new ArrayList<>();
    frames.drainTo(all);
    return all;
  }

  /** Whether the server ended the stream. */
  boolean ended() {
    return ended;
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      List<String> frame = new ArrayList<>();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (!frame.isEmpty()) {
            frames.add(parse(frame));
            frame = new ArrayList<>();
          }
        } else {
          frame.add(line);
        }
      }
    } catch (IOException closed) {
      // Closed by the test or the server.
    } finally {
      ended = true;
    }
  }

  private static Frame parse(List<String> lines) {
    String id = null;
    String retry = null;
    StringBuilder data = null;
    List<String> comments = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(":")) {
        comments.add(line.substring(1).strip());
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      value = value.startsWith(" ") ? value.substring(1) : value;
      switch (field) {
        case "id" -> id = value;
        case "retry" -> retry = value;
        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> comments.add("unknown field " + field);
      }
    }
    return new Frame(id, data == null ? null : data.toString(), retry, comments, List.copyOf(lines));
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    if (reader != null) {
      reader.interrupt();
    }
  }
}
