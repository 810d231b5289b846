package io.wasmhive.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.ipfs.UnixFsImporter;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Raw blocks and CARs, small and multi-chunk, CIDv0 and CIDv1, from a real HTTP gateway. */
class FetchFormatsTest extends FetchTestSupport {

  private static final int MULTI_CHUNK = 700 * 1024;

  @Test
  void rawSmallGuest() throws Exception {
    TestModules.Dag dag = TestModules.rawBlock(TestModules.guest("c-add.wasm"));
    FakeGateway gateway = gateway(Responders.serving(dag));

    FetchedModule module = fetcher(of(gateway)).fetch(dag.root());

    assertThat(module.bytes()).isEqualTo(TestModules.guest("c-add.wasm"));
    assertThat(module.cid()).isEqualTo(dag.root());
    assertThat(module.gateway()).isEqualTo(gateway.url());
    assertThat(module.failuresBeforeSuccess()).isEmpty();
    assertThat(gateway.seen()).singleElement().satisfies(request -> {
      assertThat(request.format()).isEqualTo("raw");
      assertThat(request.accept()).isEqualTo("application/vnd.ipld.raw");
      assertThat(request.cid()).isEqualTo(dag.root().toString());
    });
    assertThat(requests(gateway, "ok")).isEqualTo(1);
  }

  @Test
  void carSmallGuestCidV0() throws Exception {
    assertFetchedAsCar(TestModules.guest("c-add.wasm"), UnixFsImporter.cidV0(), 1);
  }

  @Test
  void carRustGuestCidV0() throws Exception {
    assertFetchedAsCar(TestModules.guest("rust-proc-json.wasm"), UnixFsImporter.cidV0(), 1);
  }

  @Test
  void carMultiChunkCidV0() throws Exception {
    assertFetchedAsCar(TestModules.synthetic(MULTI_CHUNK), UnixFsImporter.cidV0(), 4);
  }

  @Test
  void carMultiChunkCidV1WithRawLeaves() throws Exception {
    assertFetchedAsCar(TestModules.synthetic(MULTI_CHUNK), UnixFsImporter.cidV1(), 4);
  }

  @Test
  void rawMultiChunkSizedSingleBlock() throws Exception {
    byte[] bytes = TestModules.synthetic(MULTI_CHUNK);
    TestModules.Dag dag = TestModules.rawBlock(bytes);

    FetchedModule module = fetcher(of(gateway(Responders.serving(dag)))).fetch(dag.root());

    assertThat(module.bytes()).isEqualTo(bytes);
  }

  @Test
  void cidV0AskedAsItsCidV1() throws Exception {
    byte[] bytes = TestModules.synthetic(MULTI_CHUNK);
    TestModules.Dag dag = TestModules.dag(bytes, UnixFsImporter.cidV0());
    FakeGateway gateway = gateway(Responders.serving(dag));

    FetchedModule module = fetcher(of(gateway)).fetch(dag.root().toV1());

    assertThat(module.bytes()).isEqualTo(bytes);
    assertThat(gateway.seen()).singleElement().satisfies(r -> assertThat(r.format()).isEqualTo("car"));
  }

  @Test
  void verifiedBytesThatAreNotWasmEndTheFetch() throws Exception {
    byte[] notWasm = TestModules.guest("not-wasm.bin");
    TestModules.Dag dag = TestModules.rawBlock(notWasm);
    FakeGateway first = gateway(Responders.serving(dag));
    FakeGateway second = gateway(Responders.serving(dag));

    assertThatThrownBy(() -> fetcher(of(first, second), "hedge-delay", "5s").fetch(dag.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.failures()).singleElement()
              .satisfies(f -> assertThat(f.reason()).isEqualTo(FailureReason.NOT_WASM));
        });
    assertThat(first.requests()).isEqualTo(1);
    assertThat(second.requests()).isZero();
  }

  @Test
  void notWasmInACar() throws Exception {
    TestModules.Dag dag = TestModules.dag(TestModules.guest("not-wasm.bin"), UnixFsImporter.cidV0());
    FakeGateway gateway = gateway(Responders.serving(dag));

    assertThatThrownBy(() -> fetcher(of(gateway)).fetch(dag.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> assertThat(e.failures())
            .extracting(GatewayFailure::reason).containsExactly(FailureReason.NOT_WASM));
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthAndNeverShown() throws Exception {
    TestModules.Dag dag = TestModules.rawBlock(TestModules.guest("c-add.wasm"));
    FakeGateway gateway = gateway(Responders.status(404));
    String url = gateway.url().replace("http://", "http://alice:s3cret@");
    ModuleFetcher fetcher = Fetchers.fetcher(java.util.Map.of("gateways", url, "retry.max-attempts", "1"),
        registry);

    assertThatThrownBy(() -> fetcher.fetch(dag.root()))
        .isInstanceOfSatisfying(ModuleFetchException.class, e -> {
          assertThat(e.getMessage()).doesNotContain("s3cret").contains("http://***@127.0.0.1");
          assertThat(e.failures().get(0).gateway()).isEqualTo(gateway.url().replace("//", "//***@"));
        });
    fetcher.close();
    assertThat(gateway.seen().get(0).authorization())
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes()));
    assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().toString()).doesNotContain("s3cret"));
  }

  private void assertFetchedAsCar(byte[] bytes, UnixFsImporter importer, int blocks) throws Exception {
    TestModules.Dag dag = TestModules.dag(bytes, importer);
    assertThat(dag.blocks()).hasSize(blocks);
    FakeGateway gateway = gateway(Responders.serving(dag));

    FetchedModule module = fetcher(of(gateway)).fetch(dag.root());

    assertThat(module.bytes()).isEqualTo(bytes);
    assertThat(gateway.seen()).singleElement().satisfies(request -> {
      assertThat(request.format()).isEqualTo("car");
      assertThat(request.accept()).isEqualTo("application/vnd.ipld.car");
    });
  }
}
