package io.wasmhive.indexer.fuzz;

import io.wasmhive.platform.testing.httpfuzz.HttpFuzzer;
import org.springframework.context.ApplicationContext;

/** The indexer's fuzzer: values for its path variables and its module size limit (10 MiB by default). */
final class IndexerFuzz {

  static final String CID = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";

  private IndexerFuzz() {
  }

  static HttpFuzzer fuzzer(ApplicationContext context, int port) {
    return HttpFuzzer.of(context, port).variable("cid", CID).variable("reference", CID).bodyLimit(10L << 20)
        .sample("POST /index", "{\"cid\":\"" + CID + "\"}");
  }
}
