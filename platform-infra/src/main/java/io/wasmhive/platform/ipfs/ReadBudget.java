package io.wasmhive.platform.ipfs;

/**
 * What one read of a UnixFS file ({@link UnixFsReader}) may cost: the bytes it may write, and how often it may enter
 * a block it has already verified. A child linked twice is walked twice, since its bytes are in the file twice, but it
 * is fetched, verified and decoded once; each further entry is a <em>repeat visit</em> and spends one unit of the
 * budget. First visits are not counted: each costs the block's own bytes once, and the source bounds those (a CAR is
 * read within its byte limit before it is walked). Immutable and thread-safe.
 *
 * @param maxBytes the most file bytes written; more is {@link SizeLimitExceededException}
 * @param maxRepeatVisits the most repeat visits; one more is {@link DagTooComplexException}
 */
public record ReadBudget(long maxBytes, long maxRepeatVisits) {

  /**
   * The smallest chunk size at which any repetition of content is admitted for a file at the size limit: the floor
   * the indexer's CAR allowance is sized for too (its 1/8 of framing covers chunks down to about 1 KiB).
   */
  public static final int SHARED_CHUNK_FLOOR = 1024;

  /**
   * @throws IllegalArgumentException when a limit is negative
   */
  public ReadBudget {
    if (maxBytes < 0 || maxRepeatVisits < 0) {
      throw new IllegalArgumentException("read budget limits must not be negative: " + maxBytes + " bytes, "
          + maxRepeatVisits + " repeat visits");
    }
  }

  /**
   * The budget for a file of at most {@code maxBytes}: {@code 2 × ⌈maxBytes / 1 KiB⌉ + MAX_DEPTH} repeat visits
   * (20,488 for 10 MiB).
   *
   * <p>Why that many: an honest DAG (kubo's and ipfs-unixfs-importer's balanced and trickle layouts) shares a block
   * only when the content repeats at a chunk boundary. With chunks of at least 1 KiB a file of at most
   * {@code maxBytes} has at most {@code ⌈maxBytes / 1 KiB⌉} leaves, and fewer interior nodes than leaves plus one
   * per level (every interior node has two children or more, but for the last one of a level), so walking it visits
   * at most {@code 2 × ⌈maxBytes / 1 KiB⌉ + MAX_DEPTH} nodes, repeats included: every such layout is read, however
   * much of it repeats. A DAG without shared blocks makes no repeat visit, so any chunk size down to one byte is
   * read when its blocks fit the source. What is refused is repetition at chunks under 1 KiB beyond that count (10
   * MiB of zeros cut in 1-byte chunks would need about 10.5 million repeat visits) and every hostile fan-out to a
   * shared child: admitting repetition at 1-byte chunks up to 10 MiB would let a CAR of a few tens of KB make every
   * read walk some 21 million nodes, and ten times more with a 100 MiB limit.
   */
  public static ReadBudget forFile(long maxBytes) {
    long chunks = maxBytes / SHARED_CHUNK_FLOOR + (maxBytes % SHARED_CHUNK_FLOOR == 0 ? 0 : 1);
    return new ReadBudget(maxBytes, 2 * chunks + UnixFsReader.MAX_DEPTH);
  }
}
