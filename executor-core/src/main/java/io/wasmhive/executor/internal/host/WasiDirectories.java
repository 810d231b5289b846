package io.wasmhive.executor.internal.host;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** WASI directory calls: create, remove and list. */
final class WasiDirectories {

    private static final int DIRENT_SIZE = 24;

    private final FdTable fds;
    private final VirtualFileSystem fs;

    WasiDirectories(FdTable fds, VirtualFileSystem fs) {
        this.fds = fds;
        this.fs = fs;
    }

    void register(FunctionTable table) {
        table.wasi("path_create_directory", this::pathCreateDirectory);
        table.wasi("path_remove_directory", this::pathRemoveDirectory);
        table.wasi("fd_readdir", this::fdReaddir);
    }

    private int pathCreateDirectory(CallArgs args) {
        VirtualFileSystem.Lookup lookup = fs.resolve(fds.directory(args.i32(0)).directory(), args.path(1, 2));
        if (lookup.node() != null) {
            return Errno.EXIST;
        }
        fs.createDirectory(lookup.parent(), lookup.name());
        return Errno.SUCCESS;
    }

    private int pathRemoveDirectory(CallArgs args) {
        VirtualFileSystem.Lookup lookup = fs.resolve(fds.directory(args.i32(0)).directory(), args.path(1, 2));
        if (lookup.node() == null) {
            return Errno.NOENT;
        }
        if (lookup.parent() == null) {
            return Errno.INVAL;
        }
        if (!(lookup.node() instanceof VirtualDirectory directory)) {
            return Errno.NOTDIR;
        }
        if (!directory.isEmpty()) {
            return Errno.NOTEMPTY;
        }
        fs.remove(lookup.parent(), lookup.name());
        return Errno.SUCCESS;
    }

    /**
     * Lists {@code .}, {@code ..} and the entries in name order, starting at the cookie (an index). Fills
     * the buffer and cuts the last entry short when it does not fit, which tells the guest to call again.
     */
    private int fdReaddir(CallArgs args) {
        VirtualDirectory directory = fds.directory(args.i32(0)).directory();
        long bufferLength = args.u32(2);
        long cookie = args.i64(3);
        List<Map.Entry<String, VfsNode>> entries = new ArrayList<>();
        entries.add(Map.entry(".", directory));
        entries.add(Map.entry("..", directory));
        entries.addAll(directory.entries().entrySet());
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        for (long i = Math.max(0, cookie); i < entries.size() && listing.size() < bufferLength; i++) {
            Map.Entry<String, VfsNode> entry = entries.get((int) i);
            byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
            ByteBuffer dirent = ByteBuffer.allocate(DIRENT_SIZE + name.length).order(ByteOrder.LITTLE_ENDIAN);
            dirent.putLong(i + 1).putLong(entry.getValue().inode()).putInt(name.length)
                    .put(entry.getValue().filetype()).position(DIRENT_SIZE);
            dirent.put(name);
            listing.writeBytes(dirent.array());
        }
        byte[] bytes = listing.toByteArray();
        int used = (int) Math.min(bytes.length, bufferLength);
        args.memory().write(args.i32(1), bytes, 0, used);
        args.memory().writeI32(args.i32(4), used);
        return Errno.SUCCESS;
    }
}
