package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.ProtoWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A dag-pb node (PBNode): links and an optional data field. Encoded canonically as the dag-pb spec and the JavaScript
 * reference do: links first (field 2; each Hash, Name, Tsize), then Data (field 1). Immutable and thread-safe.
 */
record PbNode(byte[] data, List<PbLink> links) {

  /** Copies the link list. */
  public PbNode {
    links = List.copyOf(links);
  }

  /** The canonical dag-pb encoding. */
  public byte[] encode() {
    ProtoWriter out = new ProtoWriter(64 + links.size() * 48 + (data == null ? 0 : data.length));
    for (PbLink link : links) {
      out.bytes(2, encodeLink(link));
    }
    if (data != null) {
      out.bytes(1, data);
    }
    return out.toByteArray();
  }

  private static byte[] encodeLink(PbLink link) {
    ProtoWriter out = new ProtoWriter(48);
    out.bytes(1, link.hash().bytes());
    if (link.name() != null) {
      out.bytes(2, link.name().getBytes(StandardCharsets.UTF_8));
    }
    if (link.tsize() >= 0) {
      out.varint(3, link.tsize());
    }
    return out.toByteArray();
  }

  /** Decodes a dag-pb block; fields in any order, unknown fields rejected as dag-pb does. */
  public static PbNode decode(byte[] block) {
    ProtoReader in = new ProtoReader(block, "dag-pb node");
    byte[] data = null;
    List<PbLink> links = new ArrayList<>();
    for (int field = in.nextField(); field >= 0; field = in.nextField()) {
      if (field == 1 && data == null) {
        data = in.bytes("Data");
      } else if (field == 2) {
        links.add(decodeLink(in.bytes("Links")));
      } else {
        throw new MalformedDataException("dag-pb node: unexpected or repeated field " + field);
      }
    }
    return new PbNode(data, links);
  }

  private static PbLink decodeLink(byte[] bytes) {
    ProtoReader in = new ProtoReader(bytes, "dag-pb link");
    Cid hash = null;
    String name = null;
    long tsize = -1;
    for (int field = in.nextField(); field >= 0; field = in.nextField()) {
      switch (field) {
        case 1 -> hash = linkCid(in.bytes("Hash"));
        case 2 -> name = new String(in.bytes("Name"), StandardCharsets.UTF_8);
        case 3 -> tsize = in.varint("Tsize");
        default -> throw new MalformedDataException("dag-pb link: unexpected field " + field);
      }
    }
    if (hash == null) {
      throw new MalformedDataException("dag-pb link without Hash");
    }
    return new PbLink(hash, name, tsize);
  }

  private static Cid linkCid(byte[] bytes) {
    try {
      return Cid.fromBytes(bytes);
    } catch (InvalidCidException e) {
      throw new MalformedDataException("dag-pb link: " + e.getMessage());
    }
  }
}
