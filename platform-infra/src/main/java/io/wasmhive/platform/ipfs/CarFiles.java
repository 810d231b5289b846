package io.wasmhive.platform.ipfs;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** Reads a whole UnixFS file out of a CAR stream, as a trustless gateway's {@code ?format=car} sends it. Stateless. */
public final class CarFiles {

  private CarFiles() {
  }

  /**
   * Reads the CAR {@code in} (at most {@code maxCarBytes}), verifying every block, and reassembles the file
   * {@code root} (at most {@code maxFileBytes}, within {@link ReadBudget#forFile} of it). The header must name
   * {@code root} (in either CID version). Blocks may come in any order; they are held in memory, which the CAR limit
   * bounds. Blocks while reading.
   *
   * @throws MalformedDataException when the header names another root or the CAR or DAG is malformed
   * @throws MissingBlockException when the CAR lacks a block of the file
   * @throws DagTooComplexException when walking the DAG needs more repeat visits of shared blocks than the budget
   * @throws java.io.InterruptedIOException when the thread is interrupted while the DAG is walked
   */
  public static byte[] readFile(InputStream in, Cid root, long maxCarBytes, int maxFileBytes) throws IOException {
    CarReader car = CarReader.open(in, maxCarBytes);
    if (car.roots().stream().noneMatch(r -> sameBlock(r, root))) {
      throw new MalformedDataException("CAR roots " + car.roots() + " do not include " + root);
    }
    Map<Cid, byte[]> blocks = new HashMap<>();
    for (Block block = car.next(); block != null; block = car.next()) {
      blocks.put(block.cid().toV1(), block.bytes());
    }
    return UnixFsReader.readAll(root, cid -> blocks.get(cid.toV1()), maxFileBytes);
  }

  private static boolean sameBlock(Cid a, Cid b) {
    return a.toV1().equals(b.toV1());
  }
}
