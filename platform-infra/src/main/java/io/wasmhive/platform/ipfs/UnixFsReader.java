package io.wasmhive.platform.ipfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reassembles a UnixFS file from its root CID and a {@link BlockSource}: walks the DAG depth-first in file order,
 * checks that each dag-pb node's filesize and blocksizes agree with what its children hold, and stops with
 * {@link SizeLimitExceededException} before writing past the byte limit (a node whose declared size is over the limit
 * fails before its children are fetched). Each block is fetched, verified against its CID and decoded once per read;
 * a block linked again is walked again from memory, since its bytes repeat in the file, and each such repeat visit
 * spends the {@link ReadBudget} ({@link DagTooComplexException} past it). So a read costs the source's bytes once,
 * the bytes written and at most the budget's repeat visits, whatever the DAG's shape. Thread-safe: each read has its
 * own state.
 */
public final class UnixFsReader {

  /** Deeper DAGs are rejected: 174^8 chunks of 256 KiB is far beyond any file this reads. */
  public static final int MAX_DEPTH = 8;

  private final Cid root;
  private final BlockSource source;
  private final ReadBudget budget;
  private final OutputStream out;
  /** Every block verified so far, decoded, by its CIDv1 (a CIDv0 and its v1 form name one block). */
  private final Map<Cid, FileNode> verified = new HashMap<>();
  private long written;
  private long repeatVisits;

  private UnixFsReader(Cid root, BlockSource source, ReadBudget budget, OutputStream out) {
    this.root = root;
    this.source = source;
    this.budget = budget;
    this.out = out;
  }

  /**
   * Writes the file {@code root} to {@code out}, at most {@code limit} bytes, within {@link ReadBudget#forFile} of
   * that limit, and returns its size. See {@link #read(Cid, BlockSource, ReadBudget, OutputStream)}.
   */
  public static long read(Cid root, BlockSource source, long limit, OutputStream out) throws IOException {
    return read(root, source, ReadBudget.forFile(limit), out);
  }

  /**
   * Writes the file {@code root} to {@code out} within {@code budget} and returns its size. Blocks while the source
   * and the stream do. On failure {@code out} may hold a verified prefix of the file. Checks the thread's interrupt
   * status before each node it enters and leaves it set.
   *
   * @throws InterruptedIOException when the thread is interrupted
   * @throws DagTooComplexException past the budget's repeat visits
   * @throws SizeLimitExceededException before writing past the budget's bytes
   */
  public static long read(Cid root, BlockSource source, ReadBudget budget, OutputStream out) throws IOException {
    try {
      return new UnixFsReader(root, source, budget, out).walk(root, 0);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The file {@code root} in memory, at most {@code limit} bytes, within {@link ReadBudget#forFile} of it. */
  public static byte[] readAll(Cid root, BlockSource source, int limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      read(root, source, limit, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private long walk(Cid cid, int depth) throws IOException {
    FileNode node = enter(cid, depth);
    if (node.size() > budget.maxBytes() - written) {
      throw new SizeLimitExceededException("UnixFS file " + cid + " (at least "
          + (node.size() == Long.MAX_VALUE ? node.size() : written + node.size()) + " bytes)",
          budget.maxBytes());
    }
    write(node.data());
    long total = node.data().length;
    for (int i = 0; i < node.links().length; i++) {
      Cid child = node.links()[i];
      long size = walk(child, depth + 1);
      if (size != node.blocksizes()[i]) {
        throw new MalformedDataException(cid + ": blocksize " + node.blocksizes()[i] + " declared for "
            + child + ", which holds " + size + " bytes");
      }
      total += size;
    }
    return total;
  }

  /** The node {@code cid}: fetched, verified and decoded the first time, from memory (a repeat visit) after. */
  private FileNode enter(Cid cid, int depth) throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("reading the UnixFS file " + root + " was interrupted");
    }
    if (depth > MAX_DEPTH) {
      throw new MalformedDataException("UnixFS DAG deeper than " + MAX_DEPTH + " levels at " + cid);
    }
    Cid key = cid.toV1();
    FileNode node = verified.get(key);
    if (node != null) {
      if (++repeatVisits > budget.maxRepeatVisits()) {
        throw new DagTooComplexException(root, budget);
      }
      return node;
    }
    node = FileNode.decode(cid, fetch(cid));
    verified.put(key, node);
    return node;
  }

  private byte[] fetch(Cid cid) {
    byte[] block = source.get(cid);
    if (block == null) {
      throw new MissingBlockException(cid);
    }
    return Block.verified(cid, block).bytes();
  }

  private void write(byte[] bytes) throws IOException {
    if (bytes.length > budget.maxBytes() - written) {
      throw new SizeLimitExceededException("UnixFS file (at least " + (written + bytes.length) + " bytes)",
          budget.maxBytes());
    }
    out.write(bytes);
    written += bytes.length;
  }
}
