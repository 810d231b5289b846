package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.platform.ipfs.IpfsVectors.Car;
import io.wasmhive.platform.ipfs.internal.Varint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CarTest {

  static Stream<Car> cars() {
    return IpfsVectors.cars().stream();
  }

  /** The 3 MiB CIDv0 CAR: 13 blocks. */
  private static Car big() {
    return IpfsVectors.cars().stream().filter(c -> c.file().equals("3MiB-v0.car")).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("cars")
  void referenceCarsParseVerifyAndReassemble(Car car) throws IOException {
    byte[] input = IpfsVectors.vector(car.vector()).input();
    Cid root = Cid.parse(car.root());
    CarReader reader = CarReader.open(new ByteArrayInputStream(car.bytes()), car.bytes().length);
    assertThat(reader.roots()).containsExactly(root);
    List<String> cids = new ArrayList<>();
    for (Block block = reader.next(); block != null; block = reader.next()) {
      cids.add(block.cid().toString());
    }
    assertThat(reader.bytesRead()).isEqualTo(car.bytes().length);
    assertThat(cids).containsExactlyInAnyOrderElementsOf(IpfsVectors.vector(car.vector()).dag(car.version()).blocks());
    assertThat(CarFiles.readFile(new ByteArrayInputStream(car.bytes()), root, car.bytes().length, input.length))
        .isEqualTo(input);
  }

  @ParameterizedTest
  @MethodSource("cars")
  void theJavaWriterIsByteIdenticalToTheReference(Car car) throws IOException {
    byte[] input = IpfsVectors.vector(car.vector()).input();
    Map<Cid, byte[]> blocks = new HashMap<>();
    UnixFsImporter importer = car.version() == 0 ? UnixFsImporter.cidV0() : UnixFsImporter.cidV1();
    Cid root = importer.add(input, block -> blocks.put(block.cid(), block.bytes()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = CarWriter.writeDag(root, blocks::get, out);
    assertThat(out.toByteArray()).isEqualTo(car.bytes());
    assertThat(written).isEqualTo(car.bytes().length);
  }

  @Test
  void theCarLimitIsInclusive() throws IOException {
    byte[] car = big().bytes();
    Cid root = Cid.parse(big().root());
    assertThat(CarFiles.readFile(new ByteArrayInputStream(car), root, car.length, Integer.MAX_VALUE)).isNotEmpty();
    assertThatThrownBy(() -> CarFiles.readFile(new ByteArrayInputStream(car), root, car.length - 1, Integer.MAX_VALUE))
        .isInstanceOf(SizeLimitExceededException.class).hasMessageContaining("CAR stream");
  }

  @Test
  void readingStopsAtTheLimitWithoutConsumingTheSectionPastIt() throws IOException {
    byte[] car = big().bytes();
    CountingStream in = new CountingStream(car);
    CarReader reader = CarReader.open(in, 1000);
    assertThat(reader.next().cid()).isEqualTo(Cid.parse(big().root()));
    assertThatThrownBy(reader::next).isInstanceOf(SizeLimitExceededException.class);
    assertThat(in.consumed()).isLessThanOrEqualTo(1000);
    assertThat(reader.bytesRead()).isLessThanOrEqualTo(1000);
  }

  @Test
  void aLyingBlockIsRejected() throws IOException {
    byte[] car = big().bytes().clone();
    car[car.length - 1] ^= 1;
    Cid root = Cid.parse(big().root());
    assertThatThrownBy(() -> CarFiles.readFile(new ByteArrayInputStream(car), root, car.length, Integer.MAX_VALUE))
        .isInstanceOf(BlockMismatchException.class);
  }

  @Test
  void aTruncatedCarIsMalformed() {
    byte[] car = big().bytes();
    byte[] truncated = Arrays.copyOf(car, car.length - 7);
    Cid root = Cid.parse(big().root());
    assertThatThrownBy(() -> CarFiles.readFile(new ByteArrayInputStream(truncated), root, car.length, 1 << 24))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("ends 7 bytes into");
    assertThatThrownBy(() -> CarReader.open(new ByteArrayInputStream(new byte[0]), 10))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("empty CAR");
  }

  @Test
  void aCarOfAnotherRootOrVersionIsRejected() throws IOException {
    Car car = big();
    Cid other = Cid.rawOf(new byte[1]);
    assertThatThrownBy(() -> CarFiles.readFile(new ByteArrayInputStream(car.bytes()), other, 1 << 24, 1 << 24))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("do not include " + other);
    Cid rootV1 = Cid.parse(car.root()).toV1();
    assertThat(CarFiles.readFile(new ByteArrayInputStream(car.bytes()), rootV1, 1 << 24, 1 << 24)).isNotEmpty();
    byte[] v2 = {0x0A, (byte) 0xA1, 0x67, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0x02};
    assertThatThrownBy(() -> CarReader.open(new ByteArrayInputStream(v2), 100))
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("CAR version 2 is not supported");
  }

  @Test
  void writtenCarsReadBackWithBlocksInAnyOrder() throws IOException {
    byte[] input = IpfsVectors.input(2 * UnixFsImporter.CHUNK_SIZE + 3);
    List<Block> blocks = new ArrayList<>();
    Cid root = UnixFsImporter.cidV0().add(input, blocks::add);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CarWriter writer = CarWriter.open(out, List.of(root));
    for (Block block : blocks) {
      writer.write(block);
    }
    assertThat(CarFiles.readFile(new ByteArrayInputStream(out.toByteArray()), root, out.size(), input.length))
        .isEqualTo(input);
    assertThat(CarHeader.decode(CarHeader.encode(List.of(root)))).containsExactly(root);
  }

  @Test
  void aMissingBlockStopsTheWriter() {
    Cid absent = Cid.rawOf(new byte[] {1});
    assertThatThrownBy(() -> CarWriter.writeDag(absent, cid -> null, new ByteArrayOutputStream()))
        .isInstanceOf(MissingBlockException.class);
  }

  @Test
  void anOversizedSectionIsRefusedBeforeItIsRead() {
    ByteArrayOutputStream car = new ByteArrayOutputStream();
    byte[] header = CarHeader.encode(List.of(Cid.rawOf(new byte[0])));
    car.writeBytes(Varint.encode(header.length));
    car.writeBytes(header);
    car.writeBytes(Varint.encode(CarReader.MAX_SECTION + 1L));
    assertThatThrownBy(() -> CarReader.open(new ByteArrayInputStream(car.toByteArray()), Long.MAX_VALUE).next())
        .isInstanceOf(MalformedDataException.class).hasMessageContaining("at most " + CarReader.MAX_SECTION);
  }

  /** Counts the bytes a reader takes. */
  private static final class CountingStream extends ByteArrayInputStream {
    CountingStream(byte[] bytes) {
      super(bytes);
    }

    int consumed() {
      return pos;
    }
  }
}
