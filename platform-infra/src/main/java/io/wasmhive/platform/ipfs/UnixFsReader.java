package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.PbLink;
import io.wasmhive.platform.ipfs.internal.PbNode;
import io.wasmhive.platform.ipfs.internal.UnixFsData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Reassembles a UnixFS file from its root CID and a {@link BlockSource}: verifies every block against its CID, walks
 * the DAG depth-first in file order, checks that each dag-pb node's filesize and blocksizes agree with what its
 * children hold, and stops with {@link SizeLimitExceededException} before writing past the byte limit (a node whose
 * declared size is over the limit fails before its children are fetched). Thread-safe: each read has its own state.
 */
public final class UnixFsReader {

    /** Deeper DAGs are rejected: 174^8 chunks of 256 KiB is far beyond any file this reads. */
    public static final int MAX_DEPTH = 8;

    private final BlockSource source;
    private final long limit;
    private final OutputStream out;
    private long written;

    private UnixFsReader(BlockSource source, long limit, OutputStream out) {
        this.source = source;
        this.limit = limit;
        this.out = out;
    }

    /**
     * Writes the file {@code root} to {@code out}, at most {@code limit} bytes, and returns its size. Blocks while
     * the source and the stream do. On failure {@code out} may hold a verified prefix of the file.
     */
    public static long read(Cid root, BlockSource source, long limit, OutputStream out) throws IOException {
        try {
            return new UnixFsReader(source, limit, out).node(root, 0);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The file {@code root} in memory, at most {@code limit} bytes. */
    public static byte[] readAll(Cid root, BlockSource source, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            read(root, source, limit, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private long node(Cid cid, int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedDataException("UnixFS DAG deeper than " + MAX_DEPTH + " levels at " + cid);
        }
        byte[] block = fetch(cid);
        if (cid.codec() == Codec.RAW) {
            write(block);
            return block.length;
        }
        PbNode node = PbNode.decode(block);
        if (node.data() == null) {
            throw new MalformedDataException(cid + ": dag-pb node without UnixFS data");
        }
        UnixFsData unixFs = UnixFsData.decode(node.data());
        checkFile(cid, node, unixFs);
        write(unixFs.data());
        long total = unixFs.data().length;
        for (int i = 0; i < node.links().size(); i++) {
            total += child(cid, node.links().get(i), unixFs.blocksizes()[i], depth);
        }
        return total;
    }

    private long child(Cid parent, PbLink link, long declared, int depth) {
        long size = node(link.hash(), depth + 1);
        if (size != declared) {
            throw new MalformedDataException(parent + ": blocksize " + declared + " declared for " + link.hash()
                    + ", which holds " + size + " bytes");
        }
        return size;
    }

    private void checkFile(Cid cid, PbNode node, UnixFsData unixFs) {
        if (unixFs.type() != UnixFsData.TYPE_FILE && unixFs.type() != UnixFsData.TYPE_RAW) {
            throw new MalformedDataException(cid + ": UnixFS type " + unixFs.type() + " is not a file");
        }
        if (unixFs.blocksizes().length != node.links().size()) {
            throw new MalformedDataException(cid + ": " + unixFs.blocksizes().length + " blocksizes for "
                    + node.links().size() + " links");
        }
        long sum = unixFs.data().length;
        for (long size : unixFs.blocksizes()) {
            sum += size;
        }
        if (unixFs.filesize() >= 0 && unixFs.filesize() != sum) {
            throw new MalformedDataException(cid + ": filesize " + unixFs.filesize() + " but data and blocksizes add "
                    + "up to " + sum);
        }
        if (written + sum > limit) {
            throw new SizeLimitExceededException("UnixFS file " + cid + " (at least " + (written + sum) + " bytes)",
                    limit);
        }
    }

    private byte[] fetch(Cid cid) {
        byte[] block = source.get(cid);
        if (block == null) {
            throw new MissingBlockException(cid);
        }
        return Block.verified(cid, block).bytes();
    }

    private void write(byte[] bytes) {
        if (written + bytes.length > limit) {
            throw new SizeLimitExceededException("UnixFS file (at least " + (written + bytes.length) + " bytes)",
                    limit);
        }
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written += bytes.length;
    }
}
