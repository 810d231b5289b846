package io.wasmhive.indexer.fetch.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wasmhive.indexer.fetch.FetchProperties;
import io.wasmhive.indexer.fetch.ModuleFetcher;
import io.wasmhive.platform.ipfs.CarWriter;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.UnixFsImporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Fetch and verify of a 1 MiB module (4 chunks) from a loopback trustless gateway through {@link ModuleFetcher}
 * (goal: p50 ≤ 30 ms): as a CIDv0 CAR, a CIDv1 CAR with raw leaves, and a CIDv1 raw single block.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FetchBenchmark {

  private static final int SIZE = 1024 * 1024;

  @Param({"v0-car", "v1-car", "v1-raw"})
  public String form;

  private LoopbackGateway gateway;
  private ModuleFetcher fetcher;
  private Cid cid;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    byte[] module = module();
    Map<Cid, byte[]> blocks = new HashMap<>();
    byte[] answer;
    if ("v1-raw".equals(form)) {
      cid = Cid.rawOf(module);
      answer = module;
    } else {
      UnixFsImporter importer = "v0-car".equals(form) ? UnixFsImporter.cidV0() : UnixFsImporter.cidV1();
      cid = importer.add(module, block -> blocks.put(block.cid().toV1(), block.bytes()));
      ByteArrayOutputStream car = new ByteArrayOutputStream();
      CarWriter.writeDag(cid, c -> blocks.get(c.toV1()), car);
      answer = car.toByteArray();
    }
    gateway = new LoopbackGateway(Map.of(cid.toString(), answer));
    Map<String, String> settings = Map.of("indexer.fetch.gateways", gateway.url());
    FetchProperties properties = new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("indexer.fetch", FetchProperties.class);
    fetcher = new ModuleFetcher(properties, new SimpleMeterRegistry());
    if (fetcher.fetch(cid).size() != SIZE) {
      throw new IllegalStateException("unexpected fetch of " + cid);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    fetcher.close();
    gateway.close();
  }

  /** One whole fetch: request, read, verify every block, reassemble, check the WebAssembly header. */
  @Benchmark
  public int fetch1MiB() {
    return fetcher.fetch(cid).size();
  }

  /** A valid module of exactly 1 MiB: the header and one custom section of seeded random bytes. */
  private static byte[] module() {
    byte[] module = new byte[SIZE];
    new SplittableRandom(42).nextBytes(module);
    int content = SIZE - 9 - 3;
    byte[] head = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0,
        (byte) (content & 0x7f | 0x80), (byte) (content >>> 7 & 0x7f | 0x80), (byte) (content >>> 14), 1, 'x'};
    System.arraycopy(head, 0, module, 0, head.length);
    return module;
  }
}
