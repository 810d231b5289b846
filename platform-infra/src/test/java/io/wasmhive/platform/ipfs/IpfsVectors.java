package io.wasmhive.platform.ipfs;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The vectors {@code src/test/vectors/make-vectors.mjs} made with the JavaScript reference, and the same inputs
 * regenerated here.
 */
final class IpfsVectors {

  record Dag(String root, String rootAsV1, List<String> blocks) {
  }

  record Vector(String name, int size, String sha256, Dag v0, Dag v1) {

    byte[] input() {
      return IpfsVectors.input(size);
    }

    Dag dag(int version) {
      return version == 0 ? v0 : v1;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  record Car(String file, String vector, int version, String root) {

    byte[] bytes() {
      return resource("/ipfs-car/" + file);
    }

    @Override
    public String toString() {
      return file;
    }
  }

  private static final String JSON = new String(resource("/ipfs-vectors.json"), java.nio.charset.StandardCharsets.UTF_8);

  private IpfsVectors() {
  }

  static List<Vector> vectors() {
    List<Map<String, Object>> raw = JsonPath.read(JSON, "$.vectors");
    return raw.stream().map(IpfsVectors::vector).toList();
  }

  static Vector vector(String name) {
    return vectors().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  static List<Car> cars() {
    List<Map<String, Object>> raw = JsonPath.read(JSON, "$.cars");
    return raw.stream().map(m -> new Car((String) m.get("file"), (String) m.get("vector"),
        ((Number) m.get("version")).intValue(), (String) m.get("root"))).toList();
  }

  /** The generator of make-vectors.mjs: xorshift32 (13, 17, 5) from the seed in the JSON. */
  static byte[] input(int size) {
    int x = ((Number) JsonPath.read(JSON, "$.generator.seed")).intValue();
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = (byte) x;
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Vector vector(Map<String, Object> m) {
    return new Vector((String) m.get("name"), ((Number) m.get("size")).intValue(), (String) m.get("sha256"),
        dag((Map<String, Object>) m.get("v0")), dag((Map<String, Object>) m.get("v1")));
  }

  @SuppressWarnings("unchecked")
  private static Dag dag(Map<String, Object> m) {
    return new Dag((String) m.get("root"), (String) m.get("rootAsV1"), (List<String>) m.get("blocks"));
  }

  static byte[] resource(String path) {
    try (InputStream in = IpfsVectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
