package io.wasmhive.platform.testing.httpfuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code multipart/form-data} bodies for an endpoint's parts (its {@code @RequestPart}s as files, its
 * {@code @RequestParam}s as fields) and their edge cases: truncated, no boundary, a boundary the body does not use,
 * wrong part names, a part past the size limit, an empty file, broken part headers, many parts. Stateless.
 */
final class Multipart {

  static final String BOUNDARY = "fuzzBoundary7MA4YWxkTrZu0gW";
  private static final byte[] WASM_HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

  private Multipart() {
  }

  /** One hostile multipart request: body and content type. */
  static FuzzRequest hostile(FuzzRequest request, Endpoint endpoint, String fieldValue, long partLimit,
      Random random) {
    List<String> files = endpoint.parts().isEmpty() ? List.of("file") : endpoint.parts();
    List<String> fields = endpoint.queryParameters();
    String type = "multipart/form-data; boundary=" + BOUNDARY;
    return switch (random.nextInt(10)) {
      case 0 -> {
        byte[] whole = body(files, fields, fieldValue, content(random));
        yield request.body(type, java.util.Arrays.copyOf(whole, random.nextInt(whole.length)));
      }
      case 1 -> request.body("multipart/form-data", body(files, fields, fieldValue, content(random)));
      case 2 -> request.body("multipart/form-data; boundary=other", body(files, fields, fieldValue, content(random)));
      case 3 -> request.body(type, body(renamed(files), renamed(fields), fieldValue, content(random)));
      case 4 -> request.body(type, body(files, fields, fieldValue, new byte[(int) Math.min(partLimit + 1, 64 << 20)]));
      case 5 -> request.body(type, body(files, fields, fieldValue, new byte[0]));
      case 6 -> request.body(type, brokenHeaders(files.get(0), random));
      case 7 -> request.body(type, body(manyNames(files.get(0), 500), fields, fieldValue, WASM_HEADER));
      case 8 -> request.body("multipart/form-data; boundary=\"" + "b".repeat(2_000) + "\"",
          Bytes.random(random, 256));
      default -> request.body(type, body(files, fields, random.nextBoolean() ? "{" : fieldValue, content(random)));
    };
  }

  /** A well-formed body: each file part with {@code content}, each field with {@code fieldValue}. */
  static byte[] body(List<String> files, List<String> fields, String fieldValue, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String file : files) {
      out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + file
          + "\"; filename=\"m.wasm\"\r\nContent-Type: application/wasm\r\n\r\n"));
      out.writeBytes(content);
      out.writeBytes(utf8("\r\n"));
    }
    for (String field : fields) {
      out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n"
          + fieldValue + "\r\n"));
    }
    out.writeBytes(utf8("--" + BOUNDARY + "--\r\n"));
    return out.toByteArray();
  }

  private static byte[] brokenHeaders(String file, Random random) {
    String disposition = HostileValues.pick(new String[] {"", "Content-Disposition: form-data; name=",
        "Content-Disposition: form-data; name=\"" + file + "\"; filename=\"../../../etc/passwd\"",
        "Content-Disposition: form-data; name=\"" + file + "\"; filename=\"a\u0000b\"",
        "Content-Disposition: attachment", "Content-Disposition: form-data; name=\"\u2603\"",
        "Content-Disposition: form-data; name=\"" + file + "\"\r\nContent-Type: ;;;"}, random);
    return utf8("--" + BOUNDARY + "\r\n" + disposition + "\r\n\r\n\u0000asm\r\n--" + BOUNDARY + "--\r\n");
  }

  private static byte[] content(Random random) {
    return random.nextBoolean() ? WASM_HEADER : Bytes.random(random, random.nextInt(2_048));
  }

  private static List<String> renamed(List<String> names) {
    return names.stream().map(n -> n + "x").toList();
  }

  private static List<String> manyNames(String name, int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(i % 2 == 0 ? name : name + i);
    }
    return names;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
