package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WasiFilesTest {

  static final int CREAT = 1;
  static final int DIRECTORY = 2;
  static final int EXCL = 4;
  static final int TRUNC = 8;

  private final Guest guest = Guest.settings()
      .files(Map.of("input.json", bytes("{\"n\":1}"), "data/nested/deep.txt", bytes("deep")))
      .guest();

  @Test
  void rootIsPreopenedAsSlash() {
    int prestat = guest.alloc(8);
    assertThat(guest.wasi("fd_prestat_get", 3, prestat)).isZero();
    assertThat(guest.memory.read(prestat, 1)[0]).isZero();
    assertThat(guest.memory.readI32(prestat + 4)).isEqualTo(1);
    int name = guest.alloc(1);
    assertThat(guest.wasi("fd_prestat_dir_name", 3, name, 1)).isZero();
    assertThat(guest.string(name, 1)).isEqualTo("/");
    assertThat(guest.wasi("fd_prestat_dir_name", 3, name, 0)).isEqualTo(Errno.NAMETOOLONG);
    assertThat(guest.wasi("fd_prestat_get", 4, prestat)).isEqualTo(Errno.BADF);
    assertThat(guest.wasi("fd_prestat_get", 1, prestat)).isEqualTo(Errno.BADF);
  }

  @Test
  void initialFilesAreReadableIncludingSubdirectories() {
    int fd = guest.open("input.json", 0);
    assertThat(fd).isEqualTo(4);
    assertThat(guest.read(fd, 100)).isEqualTo("{\"n\":1}");
    assertThat(guest.read(guest.open("data/nested/deep.txt", 0), 100)).isEqualTo("deep");
    assertThat(guest.read(guest.open("./data/../data/nested//deep.txt", 0), 100)).isEqualTo("deep");
    assertThat(guest.open("rpc", DIRECTORY)).isPositive();
  }

  @Test
  void createWriteSeekTellReadTruncateAndUnlink() {
    int fd = guest.open("out.txt", CREAT);
    assertThat(guest.write(fd, "hello world")).isZero();
    int position = guest.alloc(8);
    assertThat(guest.wasi("fd_seek", fd, 6L, 0, position)).isZero();
    assertThat(guest.memory.readI64(position)).isEqualTo(6);
    assertThat(guest.read(fd, 100)).isEqualTo("world");
    assertThat(guest.wasi("fd_tell", fd, position)).isZero();
    assertThat(guest.memory.readI64(position)).isEqualTo(11);
    assertThat(guest.wasi("fd_seek", fd, -5L, 2, position)).isZero();
    assertThat(guest.write(fd, "WORLD!")).isZero();
    assertThat(guest.wasi("fd_seek", fd, -1L, 0, position)).isEqualTo(Errno.INVAL);
    assertThat(guest.wasi("fd_close", fd)).isZero();

    assertThat(guest.read(guest.open("out.txt", 0), 100)).isEqualTo("hello WORLD!");
    int stat = guest.alloc(64);
    assertThat(guest.wasi("path_filestat_get", 3, 0, guest.put("out.txt"), 7, stat)).isZero();
    assertThat(guest.memory.read(stat + 16, 1)[0]).isEqualTo((byte) 4);
    assertThat(guest.memory.readI64(stat + 32)).isEqualTo(12);

    assertThat(guest.read(guest.open("out.txt", TRUNC), 100)).isEmpty();
    assertThat(guest.wasi("path_unlink_file", 3, guest.put("out.txt"), 7)).isZero();
    assertThat(guest.open("out.txt", 0)).isEqualTo(-Errno.NOENT);
    assertThat(guest.wasi("path_unlink_file", 3, guest.put("out.txt"), 7)).isEqualTo(Errno.NOENT);
    assertThat(guest.wasi("path_unlink_file", 3, guest.put("rpc"), 3)).isEqualTo(Errno.ISDIR);
  }

  @Test
  void openFlagsBehaveAsInPosix() {
    assertThat(guest.open("missing.txt", 0)).isEqualTo(-Errno.NOENT);
    assertThat(guest.open("input.json", CREAT | EXCL)).isEqualTo(-Errno.EXIST);
    assertThat(guest.open("input.json", DIRECTORY)).isEqualTo(-Errno.NOTDIR);
    assertThat(guest.open("input.json/x", CREAT)).isEqualTo(-Errno.NOTDIR);
    assertThat(guest.open("nowhere/x", CREAT)).isEqualTo(-Errno.NOENT);
    assertThat(guest.open("rpc", TRUNC)).isEqualTo(-Errno.ISDIR);
    int directory = guest.open("rpc", 0);
    int iovs = guest.iovecs(guest.alloc(4), 4);
    assertThat(guest.wasi("fd_read", directory, iovs, 1, guest.alloc(4))).isEqualTo(Errno.ISDIR);
  }

  @Test
  void pathsCannotEscapeTheirDirectory() {
    assertThat(guest.open("../etc/passwd", 0)).isEqualTo(-Errno.NOTCAPABLE);
    assertThat(guest.open("data/../../etc/passwd", 0)).isEqualTo(-Errno.NOTCAPABLE);
    assertThat(guest.open("/etc/passwd", 0)).isEqualTo(-Errno.NOTCAPABLE);
    assertThat(guest.open("..", DIRECTORY)).isEqualTo(-Errno.NOTCAPABLE);
    int data = guest.open("data", DIRECTORY);
    int result = guest.alloc(4);
    int path = guest.put("../input.json");
    assertThat(guest.wasi("path_open", data, 0, path, 13, 0, -1L, -1L, 0, result)).isEqualTo(Errno.NOTCAPABLE);
    path = guest.put("nested/deep.txt");
    assertThat(guest.wasi("path_open", data, 0, path, 15, 0, -1L, -1L, 0, result)).isZero();
    assertThat(guest.read(guest.memory.readI32(result), 10)).isEqualTo("deep");
    assertThat(guest.wasi("path_open", 1, 0, path, 15, 0, -1L, -1L, 0, result)).isEqualTo(Errno.NOTDIR);
  }

  @Test
  void directoriesCanBeCreatedListedAndRemoved() {
    assertThat(guest.wasi("path_create_directory", 3, guest.put("made"), 4)).isZero();
    assertThat(guest.wasi("path_create_directory", 3, guest.put("made"), 4)).isEqualTo(Errno.EXIST);
    assertThat(guest.open("made/file", CREAT)).isPositive();
    assertThat(guest.wasi("path_remove_directory", 3, guest.put("made"), 4)).isEqualTo(Errno.NOTEMPTY);
    assertThat(listing(3)).containsExactly(".", "..", "data", "input.json", "made", "rpc");
    assertThat(guest.wasi("path_unlink_file", 3, guest.put("made/file"), 9)).isZero();
    assertThat(guest.wasi("path_remove_directory", 3, guest.put("made"), 4)).isZero();
    assertThat(listing(3)).containsExactly(".", "..", "data", "input.json", "rpc");
  }

  @Test
  void readdirCutsTheLastEntryWhenTheBufferIsFull() {
    int buffer = guest.alloc(30);
    int used = guest.alloc(4);
    assertThat(guest.wasi("fd_readdir", 3, buffer, 30, 0L, used)).isZero();
    assertThat(guest.memory.readI32(used)).isEqualTo(30);
    assertThat(guest.wasi("fd_readdir", 3, buffer, 30, 4L, used)).isZero();
    assertThat(guest.memory.readI32(used)).isEqualTo(24 + 3);
    assertThat(guest.string(buffer + 24, 3)).isEqualTo("rpc");
  }

  @Test
  void appendFlagWritesAtTheEnd() {
    int fd = guest.open("log.txt", CREAT);
    guest.write(fd, "one ");
    assertThat(guest.wasi("fd_fdstat_set_flags", fd, 1)).isZero();
    int position = guest.alloc(8);
    guest.wasi("fd_seek", fd, 0L, 0, position);
    guest.write(fd, "two");
    assertThat(guest.read(guest.open("log.txt", 0), 100)).isEqualTo("one two");
  }

  private List<String> listing(int fd) {
    int buffer = guest.alloc(4096);
    int used = guest.alloc(4);
    assertThat(guest.wasi("fd_readdir", fd, buffer, 4096, 0L, used)).isZero();
    ByteBuffer dirents = ByteBuffer.wrap(guest.memory.read(buffer, guest.memory.readI32(used)))
        .order(ByteOrder.LITTLE_ENDIAN);
    List<String> names = new ArrayList<>();
    while (dirents.remaining() >= 24) {
      int length = dirents.getInt(dirents.position() + 16);
      byte[] name = new byte[length];
      dirents.position(dirents.position() + 24).get(name);
      names.add(new String(name, StandardCharsets.UTF_8));
    }
    return names;
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
