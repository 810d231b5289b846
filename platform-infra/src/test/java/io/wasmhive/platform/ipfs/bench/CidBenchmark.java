package io.wasmhive.platform.ipfs.bench;

import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.UnixFsImporter;
import io.wasmhive.platform.ipfs.UnixFsReader;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * CIDs of a 10 MiB input as {@code ipfs add} computes them (goal: ≤ 100 ms each), the same import keeping every
 * block, and the verifying reassembly of the file from those blocks.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CidBenchmark {

  private static final int SIZE = 10 * 1024 * 1024;

  @Param({"0", "1"})
  public int version;

  private byte[] input;
  private UnixFsImporter importer;
  private Cid root;
  private Map<Cid, byte[]> blocks;

  @Setup(Level.Trial)
  public void setUp() {
    input = new byte[SIZE];
    new SplittableRandom(42).nextBytes(input);
    importer = version == 0 ? UnixFsImporter.cidV0() : UnixFsImporter.cidV1();
    blocks = new HashMap<>();
    root = importer.add(input, block -> blocks.put(block.cid(), block.bytes()));
    if (!importer.cidOf(input).equals(root) || blocks.size() != 41) {
      throw new IllegalStateException("unexpected import of " + SIZE + " bytes: " + blocks.size() + " blocks");
    }
  }

  /** The root CID only, no blocks kept: what an upload computes. */
  @Benchmark
  public Cid cidOf10MiB() {
    return importer.cidOf(input);
  }

  /** The root CID with every block built and handed to a sink. */
  @Benchmark
  public int importWithBlocks10MiB() {
    int[] count = new int[1];
    importer.add(input, block -> count[0] += block.bytes().length);
    return count[0];
  }

  /** Reassembly from the blocks, each verified: what a fetch does after download. */
  @Benchmark
  public int read10MiB() {
    return UnixFsReader.readAll(root, blocks::get, SIZE).length;
  }
}
