package io.wasmhive.platform.sse;

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
public final class SseTestClient implements AutoCloseable {


  /**
   * One frame.
   *
   * @param id the id line's value, or null
   * @param data the data lines joined, or null when there was none
   * @param retry the retry line's value, or null
   * @param comments the comment lines, without the colon and one space
   * @param lines every line of the frame as received
   */
  public record Frame(String id, String data, String retry, List<String> comments, List<String> lines) {

    public boolean isEvent() {
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

  /** Opens an SSE endpoint with the headers (name, value, name, value...). */
  public static SseTestClient open(URI uri, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    // A client of its own per connection: a closed stream's connection must never be reused for the next one.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new SseTestClient(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
  }

  /** Opens an SSE endpoint, expects 200 and waits for its first frame (the retry hint). */
  public static SseTestClient subscribe(URI uri, String... headers) throws IOException, InterruptedException {
    SseTestClient client = open(uri, headers);
    if (client.status() != 200) {
      throw new AssertionError("Expected 200, got " + client.status() + ": " + client.body());
    }
    Frame first = client.next(Duration.ofSeconds(10));
    if (first.retry() == null) {
      throw new AssertionError("Expected the retry hint first, got " + first);
    }
    return client;
  }

  public int status() {
    return response.statusCode();
  }

  public HttpResponse<InputStream> response() {
    return response;
  }

  /** The whole body of a refused (non-SSE) response. */
  public String body() {
    return refusal;
  }

  /** The next frame of any kind; fails after the timeout. */
  public Frame next(Duration timeout) throws InterruptedException {
    Frame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (frame == null) {
      throw new AssertionError("No frame within " + timeout + (ended ? " (the stream ended)" : ""));
    }
    return frame;
  }

  /** The next frame with data, skipping heartbeats and id-only frames. */
  public Frame nextEvent(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Frame frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (frame.isEvent()) {
        return frame;
      }
    }
  }

  /** The next {@code n} frames with data. */
  public List<Frame> events(int n, Duration timeout) throws InterruptedException {
    List<Frame> events = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (events.size() < n) {
      events.add(nextEvent(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
    }
    return events;
  }

  /** Frames received and not taken yet. */
  public List<Frame> pending() {
    List<Frame> all = new ArrayList<>();
    frames.drainTo(all);
    return all;
  }

  /** Whether the server ended the stream. */
  public boolean ended() {
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
