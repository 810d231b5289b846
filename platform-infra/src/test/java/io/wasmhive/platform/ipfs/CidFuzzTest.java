package io.wasmhive.platform.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets of the CID readers (docs/fuzzing.md): text in base32, base58btc and CIDv0 form, and binary CIDs. The
 * only failure is {@link InvalidCidException}; whatever is accepted prints and encodes to a form that reads back as
 * the same CID, and a binary CID is accepted only in its one canonical encoding.
 */
class CidFuzzTest {

  /** CID text: refused with {@link InvalidCidException} or a CID whose text and bytes read back the same. */
  @FuzzTest(maxDuration = "2m")
  void parsesText(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Cid cid;
    try {
      cid = Cid.parse(text);
    } catch (InvalidCidException e) {
      assertThat(e).hasMessageNotContaining("null");
      return;
    }
    assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
    assertThat(Cid.fromBytes(cid.bytes())).isEqualTo(cid);
    assertThat(cid.toV1().version()).isEqualTo(1);
    assertThat(cid.toV1().digest()).isEqualTo(cid.digest());
    if (cid.version() == 0) {
      assertThat(cid.toString()).isEqualTo(text);
      assertThat(cid.toV1().toV0()).isEqualTo(cid);
    }
  }

  /** A binary CID: refused with {@link InvalidCidException} or accepted only as its own canonical bytes. */
  @FuzzTest(maxDuration = "2m")
  void readsBytes(byte[] bytes) {
    Cid cid;
    try {
      cid = Cid.fromBytes(bytes);
    } catch (InvalidCidException e) {
      return;
    }
    assertThat(cid.bytes()).as("the canonical encoding of an accepted CID").isEqualTo(bytes);
    assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
  }
}
