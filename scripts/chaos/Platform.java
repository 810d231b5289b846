import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the four services listen (BASE..BASE+3, as scripts/run-local.sh places them) and the two modules the load
 * uses, uploaded to the indexer once: wat-add (add(i32, i32), for executions and procedures) and wf-echo-stdin (the
 * workflows' WebAssembly step).
 */
record Platform(int base, byte[] addModule, String addCid, String echoSha256) {

  String relay() {
    return "http://127.0.0.1:" + base;
  }

  String workflows() {
    return "http://127.0.0.1:" + (base + 1);
  }

  String indexer() {
    return "http://127.0.0.1:" + (base + 2);
  }

  String procedures() {
    return "http://127.0.0.1:" + (base + 3);
  }

  /** Uploads the two modules through POST /modules on the indexer; blocks. */
  static Platform prepare(int base, Path guests) throws IOException {
    byte[] add = Files.readAllBytes(guests.resolve("wat-add.wasm"));
    byte[] echo = Files.readAllBytes(guests.resolve("wf-echo-stdin.wasm"));
    String indexer = "http://127.0.0.1:" + (base + 2) + "/modules";
    Http.Answer addAnswer = Http.postBytes(indexer, add);
    Http.Answer echoAnswer = Http.postBytes(indexer, echo);
    if (!addAnswer.ok() || !echoAnswer.ok()) {
      throw new IllegalStateException("module upload refused: " + addAnswer + " " + echoAnswer);
    }
    return new Platform(base, add, addAnswer.field("cid_v1"), echoAnswer.field("sha256"));
  }
}
