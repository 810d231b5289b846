package io.wasmhive.procedure.api;

import io.swagger.v3.oas.annotations.Hidden;
import io.wasmhive.procedure.api.ApiModel.CallRequest;
import io.wasmhive.procedure.api.ApiModel.CallResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot path of {@code POST /procedures/{name}/call}: a JSON body from a client that accepts JSON. It reads and
 * writes the bodies itself with readers and writers made once, where Spring MVC's message converters would look up
 * a converter, negotiate and build a reader and a writer on every call. The answers are byte for byte those of
 * {@link ProcedureController#call}, which still serves every other request to the path (another or no
 * {@code Content-Type}, an {@code Accept} without JSON): the same mapper, the same empty-body and charset rules and
 * the same error answers through {@link ApiErrors}. Blocks for the call; thread-safe.
 */
@RestController
@Hidden // The same operation as ProcedureController#call, which documents it.
class JsonCallEndpoint {

  private final ProcedureController calls;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  JsonCallEndpoint(ProcedureController calls, JsonMapper json) {
    this.calls = calls;
    this.reader = json.readerFor(CallRequest.class);
    this.writer = json.writerFor(CallResponse.class);
  }

  @PostMapping(path = "/procedures/{name}/call", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  void call(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long start = System.nanoTime();
    @SuppressWarnings("unchecked")
    String name = ((Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE))
        .get("name");
    CallResponse answer = calls.call(header(request), name, body(request), start);
    byte[] bytes = writer.writeValueAsBytes(answer);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** The database header as {@code @RequestHeader String} binds it: repeated values joined with commas. */
  private static String header(HttpServletRequest request) {
    Enumeration<String> values = request.getHeaders(ProcedureController.DATABASE);
    if (!values.hasMoreElements()) {
      return null;
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return first;
    }
    StringBuilder joined = new StringBuilder(first);
    while (values.hasMoreElements()) {
      joined.append(',').append(values.nextElement());
    }
    return joined.toString();
  }

  /** The request, or {@code null} for an empty body (as {@code @RequestBody(required = false)}). */
  private CallRequest body(HttpServletRequest request) throws IOException {
    PushbackInputStream in = new PushbackInputStream(request.getInputStream(), 1);
    int first = in.read();
    if (first < 0) {
      return null;
    }
    in.unread(first);
    try {
      return read(in, request.getCharacterEncoding());
    } catch (JacksonException e) {
      throw ApiErrors.unreadableBody(e);
    }
  }

  /** Unicode bodies go to the parser as bytes, others through a reader of their charset (as Spring's converter). */
  private CallRequest read(InputStream in, String encoding) throws IOException {
    Charset charset = encoding == null ? null : Charset.forName(encoding);
    if (charset == null || charset.name().startsWith("UTF-")) {
      return reader.readValue(in);
    }
    return reader.readValue(new InputStreamReader(in, charset));
  }
}
