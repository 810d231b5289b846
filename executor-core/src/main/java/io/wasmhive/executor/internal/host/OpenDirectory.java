package io.wasmhive.executor.internal.host;

/** A descriptor on a virtual directory; the pre-opened root carries the name the guest sees. */
record OpenDirectory(VirtualDirectory directory, String preopenName) implements Descriptor {

    @Override
    public byte filetype() {
        return VirtualDirectory.FILETYPE;
    }

    @Override
    public byte[] read(long max) {
        throw new WasiError(Errno.ISDIR);
    }

    @Override
    public void write(byte[] bytes) {
        throw new WasiError(Errno.ISDIR);
    }

    @Override
    public long inode() {
        return directory.inode();
    }

    @Override
    public long size() {
        return directory.size();
    }
}
