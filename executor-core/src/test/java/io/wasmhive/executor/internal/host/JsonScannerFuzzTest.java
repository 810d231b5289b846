package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wasmhive.executor.RpcHandler;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fuzz target of the host bridge's JSON-RPC request handling (docs/fuzzing.md): {@link JsonScanner} against
 * Jackson, a strict RFC 8259 parser, as the oracle, and {@link RpcDispatcher} over what the scanner decides. The
 * scanner never accepts what Jackson (or the JDK's strict UTF-8 decoder) refuses; it refuses what Jackson accepts
 * only past its nesting bound or for a byte order mark; the id it picks is the top-level {@code id} Jackson reads.
 * Every answer of the dispatcher is one JSON-RPC 2.0 object with that id, and only a well-formed object with a valid
 * id reaches the handler, byte for byte.
 */
class JsonScannerFuzzTest {

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  /** One pool for every input; the dispatcher's calls run on it. */
  private static final RpcCalls CALLS = new RpcCalls();

  @FuzzTest(maxDuration = "3m")
  void scansLikeJackson(byte[] request) {
    JsonRequestScan scan = JsonScanner.scan(request);
    Oracle oracle = Oracle.of(request);
    if (oracle.root == null) {
      assertThat(scan.wellFormed()).as("the scanner accepted what Jackson refuses: %s", oracle.refusal).isFalse();
    } else if (!scan.wellFormed()) {
      assertThat(oracle.depth > JsonScanner.MAX_DEPTH || startsWithByteOrderMark(request))
          .as("the scanner refused what Jackson accepts (not past its depth, no byte order mark)").isTrue();
    } else {
      assertThat(scan.object()).isEqualTo(oracle.root.isObject());
      JsonNode id = oracle.root.isObject() ? oracle.root.get("id") : null;
      boolean idValid = id == null || id.isString() || id.isNumber() || id.isNull();
      assertThat(scan.idValid()).isEqualTo(idValid);
      if (id != null && idValid) {
        assertThat(JSON.readTree(scan.id())).isEqualTo(id);
      }
    }
    dispatches(request, scan);
  }

  private static boolean startsWithByteOrderMark(byte[] bytes) {
    return bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
  }

  /** The dispatcher's answer to {@code request}, with a handler that echoes a fixed result. */
  private static void dispatches(byte[] request, JsonRequestScan scan) {
    AtomicReference<byte[]> seen = new AtomicReference<>();
    RpcHandler handler = (bytes, timeout) -> {
      seen.set(bytes);
      return "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}".getBytes(StandardCharsets.UTF_8);
    };
    byte[] answer = new RpcDispatcher(handler, System.nanoTime() + 5_000_000_000L, CALLS).dispatch(request);
    JsonNode response = JSON.readTree(answer);
    assertThat(response.isObject()).isTrue();
    assertThat(response.get("jsonrpc").asString()).isEqualTo("2.0");
    boolean forwarded = scan.wellFormed() && scan.object() && scan.idValid();
    if (forwarded) {
      assertThat(seen.get()).isEqualTo(request);
    } else {
      assertThat(seen.get()).isNull();
      assertThat(response.get("error").get("code").asInt()).isIn(JsonRpcError.PARSE_ERROR,
          JsonRpcError.INVALID_REQUEST);
      assertThat(response.get("id")).isEqualTo(JSON.readTree(scan.id()));
    }
  }

  /** What Jackson makes of the bytes: one complete value and nothing after it, and how deeply it nests. */
  private record Oracle(JsonNode root, int depth, String refusal) {

    static Oracle of(byte[] bytes) {
      String text;
      try {
        // RFC 8259 text is UTF-8: decoded strictly first (Jackson checks only what it decodes, and reading bytes it
        // would guess UTF-16 or UTF-32 from leading zero bytes), then parsed as characters.
        text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        return new Oracle(null, 0, "not UTF-8");
      }
      if (!unicodeEscapesAreHex(text)) {
        // Found by scripts/fuzz.sh (crash-710cb84a…): Jackson 3 reading characters takes a non-ASCII character in a
        // \\uXXXX escape as a hex digit (by its low byte), which RFC 8259 does not allow and the scanner refuses.
        return new Oracle(null, 0, "a \\u escape without four hex digits");
      }
      try {
        JsonNode root = JSON.readTree(text);
        if (root == null || root.isMissingNode()) {
          return new Oracle(null, 0, "no value");
        }
        return new Oracle(root, depth(root), null);
      } catch (JacksonException e) {
        return new Oracle(null, 0, e.getOriginalMessage());
      }
    }

    /** Whether every backslash-u escape in a string is followed by four ASCII hex digits (outside strings: no escapes). */
    private static boolean unicodeEscapesAreHex(String text) {
      boolean inString = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          inString = !inString;
        } else if (inString && c == '\\' && i + 1 < text.length()) {
          if (text.charAt(i + 1) == 'u') {
            for (int k = i + 2; k < i + 6; k++) {
              if (k >= text.length() || Character.digit(text.charAt(k), 16) < 0 || text.charAt(k) > 'f') {
                return false;
              }
            }
          }
          i++;
        }
      }
      return true;
    }

    /** Arrays and objects nested in one another: 0 for a scalar, as the scanner counts them. */
    private static int depth(JsonNode node) {
      int deepest = 0;
      for (JsonNode child : node) {
        deepest = Math.max(deepest, 1 + depth(child));
      }
      return deepest;
    }
  }
}
