package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.InvalidTaskException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VirtualFileSystemTest {

  private static final int MIB = 1024 * 1024;

  @Test
  void totalBytesAreCappedAt16MiB() {
    Guest guest = new Guest();
    int chunk = guest.put(new byte[MIB]);
    int iovs = guest.iovecs(chunk, MIB);
    int written = guest.alloc(4);
    int fd = guest.open("big.bin", WasiFilesTest.CREAT);
    for (int i = 0; i < 15; i++) {
      assertThat(guest.wasi("fd_write", fd, iovs, 1, written)).isZero();
    }
    assertThat(guest.wasi("fd_write", fd, iovs, 1, written)).isEqualTo(Errno.NOSPC);
    // Seeking far past the end must not allocate anything either.
    assertThat(guest.wasi("fd_seek", fd, Long.MAX_VALUE - 2, 0, guest.alloc(8))).isZero();
    assertThat(guest.wasi("fd_write", fd, iovs, 1, written)).isEqualTo(Errno.NOSPC);
  }

  @Test
  void unlinkedFilesGiveTheirBytesBackOnceClosed() {
    VirtualFileSystem fs = VirtualFileSystem.of(Map.of());
    long empty = fs.usedBytes();
    VirtualFile file = fs.createFile(fs.root(), "a");
    file.write(0, new byte[1000], false);
    OpenFile open = new OpenFile(file, false);
    fs.remove(fs.root(), "a");
    assertThat(fs.usedBytes()).isEqualTo(empty + 1000);
    file.closed();
    assertThat(fs.usedBytes()).isEqualTo(empty);
    assertThat(open.size()).isZero();
  }

  @Test
  void emptyFilesStillCountSoTheTreeCannotGrowUnbounded() {
    VirtualFileSystem fs = VirtualFileSystem.of(Map.of());
    int created = 0;
    try {
      while (created < 1_000_000) {
        fs.createFile(fs.root(), "f" + created);
        created++;
      }
    } catch (WasiError e) {
      assertThat(e.errno()).isEqualTo(Errno.NOSPC);
    }
    assertThat(created).isBetween(100_000, 300_000);
    assertThat(fs.usedBytes()).isLessThanOrEqualTo(VirtualFileSystem.MAX_BYTES);
  }

  @Test
  void atMost256DescriptorsAreOpen() {
    Guest guest = new Guest();
    int opened = 4;
    while (guest.open("rpc", 0) > 0) {
      opened++;
    }
    assertThat(opened).isEqualTo(FdTable.MAX_OPEN);
    assertThat(guest.open("rpc", 0)).isEqualTo(-Errno.MFILE);
    assertThat(guest.open("new-file", WasiFilesTest.CREAT)).isEqualTo(-Errno.MFILE);
    assertThat(guest.wasi("fd_close", 100)).isZero();
    assertThat(guest.open("new-file", WasiFilesTest.CREAT)).isEqualTo(100);
  }

  @Test
  void initialFilesThatDoNotFitOrEscapeAreTheTasksFault() {
    assertThatThrownBy(() -> Guest.settings().files(Map.of("big", new byte[17 * MIB])).guest())
        .isInstanceOf(InvalidTaskException.class);
    assertThatThrownBy(() -> Guest.settings().files(Map.of("../escape", new byte[1])).guest())
        .isInstanceOf(InvalidTaskException.class);
    assertThat(Guest.settings().files(Map.of("/abs/ok.txt", new byte[1])).guest().open("abs/ok.txt", 0)).isPositive();
  }

  @Test
  void pathNormalisationNeverClimbsAboveItsStart() {
    assertThat(VfsPath.segments("a/./b//c/../d")).containsExactly("a", "b", "d");
    assertThat(VfsPath.segments(".")).isEmpty();
    assertThatThrownBy(() -> VfsPath.segments("a/../..")).isInstanceOf(WasiError.class);
    assertThatThrownBy(() -> VfsPath.segments("/a")).isInstanceOf(WasiError.class);
  }
}
