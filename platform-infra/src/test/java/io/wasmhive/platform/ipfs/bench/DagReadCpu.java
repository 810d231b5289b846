package io.wasmhive.platform.ipfs.bench;

import io.wasmhive.platform.ipfs.CarFiles;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.UnixFsImporter;
import io.wasmhive.platform.ipfs.internal.ProtoWriter;
import io.wasmhive.platform.testing.UnixFsDags;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * CPU time of one read of a CAR of a hostile shape, as the indexer reads a gateway's answer: {@link CarFiles#readFile}
 * from memory with the indexer's default limits (10 MiB file; CAR 10 MiB + 1/8 + 64 KiB). Each shape is at most 1 MiB
 * of CAR, except the honest 10 MiB baseline. Not JMH, because the figure wanted is CPU time per read (the reading
 * thread's, from {@link ThreadMXBean}, and the whole process's, GC and JIT included), and because the reader before
 * the read budget took seconds per read of the smallest shape. Not a test.
 *
 * <p>Usage: {@code DagReadCpu [seconds per shape] [shape...]} (default 5 s, every shape); run by
 * {@code scripts/bench-ipfs.sh --dag}.
 */
public final class DagReadCpu {

  private static final int MAX_FILE = 10 * 1024 * 1024;
  private static final long MAX_CAR = MAX_FILE + MAX_FILE / 8 + 64 * 1024;
  private static final int ONE_MIB = 1024 * 1024;

  private DagReadCpu() {
  }

  /** The shapes, by name: each builds its DAG once. */
  static Map<String, Supplier<UnixFsDags.Dag>> shapes() {
    Map<String, Supplier<UnixFsDags.Dag>> shapes = new LinkedHashMap<>();
    shapes.put("issue-184KB-2x2000", () -> UnixFsDags.sharedFanOut(2000, 2, new byte[0]));
    shapes.put("fanout-2-levels-1MiB", () -> widest(w -> UnixFsDags.sharedFanOut(w, 2, new byte[0])));
    shapes.put("fanout-3-levels-1MiB", () -> widest(w -> UnixFsDags.sharedFanOut(w, 3, new byte[0])));
    shapes.put("chain-8-levels-1MiB", () -> widest(w -> UnixFsDags.sharedFanOut(w, 8, new byte[0])));
    shapes.put("fanout-1-level-1MiB", () -> widest(w -> UnixFsDags.sharedFanOut(w, 1, new byte[] {1})));
    shapes.put("distinct-leaves-1MiB", () -> widest(DagReadCpu::distinctLeaves));
    shapes.put("blocksizes-1MiB", DagReadCpu::packedBlocksizes);
    shapes.put("honest-v0-10MiB", DagReadCpu::honest);
    return shapes;
  }

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : List.copyOf(shapes().keySet());
    System.out.printf("%s %s, %d MiB file limit, %d-byte CAR limit, %.1f s per shape%n",
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), MAX_FILE >> 20,
        MAX_CAR, seconds);
    System.out.printf("%-26s %10s %-24s %6s %12s %12s %12s %12s %14s%n", "shape", "CAR bytes", "outcome", "reads",
        "cpu p50 ms", "cpu p90 ms", "cpu max ms", "wall p50 ms", "process cpu ms");
    for (String name : names) {
      UnixFsDags.Dag dag = shapes().get(name).get();
      measure(name, dag.root(), dag.car(), seconds);
    }
  }

  private static void measure(String name, Cid root, byte[] car, double seconds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    String outcome = read(root, car);
    long warmUntil = System.nanoTime() + (long) (seconds * 0.4e9);
    while (System.nanoTime() < warmUntil) {
      read(root, car);
    }
    List<long[]> samples = new ArrayList<>();
    long processStart = os.getProcessCpuTime();
    long until = System.nanoTime() + (long) (seconds * 1e9);
    while (samples.size() < 3 || System.nanoTime() < until) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      read(root, car);
      samples.add(new long[] {threads.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall});
    }
    double process = (os.getProcessCpuTime() - processStart) / 1e6 / samples.size();
    long[] cpu = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
    long[] wall = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
    System.out.printf("%-26s %10d %-24s %6d %12.3f %12.3f %12.3f %12.3f %14.3f%n", name, car.length, outcome,
        cpu.length, ms(cpu, 0.5), ms(cpu, 0.9), ms(cpu, 1.0), ms(wall, 0.5), process);
  }

  /** One read; the outcome as the file's size or the failure's class. */
  private static String read(Cid root, byte[] car) {
    try {
      return "ok " + CarFiles.readFile(new ByteArrayInputStream(car), root, MAX_CAR, MAX_FILE).length + " B";
    } catch (Exception e) {
      return e.getClass().getSimpleName();
    }
  }

  private static double ms(long[] sorted, double quantile) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  /** The shape of the largest width whose CAR still fits in 1 MiB. */
  private static UnixFsDags.Dag widest(IntFunction<UnixFsDags.Dag> shape) {
    int low = 1;
    int high = ONE_MIB / 32;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (shape.apply(mid).car().length <= ONE_MIB) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return shape.apply(low);
  }

  /** A root over {@code count} distinct 3-byte leaves: no block shared, every visit a first one. */
  private static UnixFsDags.Dag distinctLeaves(int count) {
    UnixFsDags dags = new UnixFsDags();
    List<Cid> leaves = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      leaves.add(dags.leaf(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)}));
    }
    return dags.dag(dags.node(new byte[0], leaves));
  }

  /** One dag-pb node of no link whose UnixFS data holds a packed field of about a million 1-byte blocksizes. */
  private static UnixFsDags.Dag packedBlocksizes() {
    byte[] ones = new byte[ONE_MIB - 64];
    Arrays.fill(ones, (byte) 1);
    byte[] data = new ProtoWriter(ONE_MIB).varint(1, 2).bytes(4, ones).toByteArray();
    UnixFsDags dags = new UnixFsDags();
    // A PBNode of no link is just its Data field (1).
    return dags.dag(dags.put(new ProtoWriter(ONE_MIB + 16).bytes(1, data).toByteArray()));
  }

  /** An honest 10 MiB file as {@code ipfs add} makes it (41 blocks): the baseline. */
  private static UnixFsDags.Dag honest() {
    byte[] file = new byte[MAX_FILE];
    new SplittableRandom(42).nextBytes(file);
    Map<Cid, byte[]> blocks = new LinkedHashMap<>();
    Cid root = UnixFsImporter.cidV0().add(file, block -> blocks.put(block.cid().toV1(), block.bytes()));
    return new UnixFsDags.Dag(root, blocks);
  }
}
