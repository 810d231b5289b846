package io.wasmhive.procedure.derive.api;

import io.wasmhive.procedure.derive.api.DerivationModel.SnapshotJson;
import io.wasmhive.procedure.derive.store.Snapshot;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.util.Base64;
import java.util.regex.Pattern;

/** A snapshot on the wire: the canonical state dump (format {@code whds/1}) as base64 with its position and hash. */
final class SnapshotFormat {

  static final String NAME = "whds/1";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private SnapshotFormat() {
  }

  static Snapshot decode(SnapshotJson r) {
    if (r.format() != null && !NAME.equals(r.format())) {
      throw bad("format must be " + NAME + ", got '" + r.format() + "'");
    }
    if (r.stateHash() == null || !SHA256.matcher(r.stateHash()).matches()) {
      throw bad("state_hash must be 64 lower-case hex digits");
    }
    if (r.dumpBase64() == null || r.dumpBase64().isBlank()) {
      throw bad("dump_base64 is required");
    }
    try {
      return new Snapshot(r.position(), Base64.getDecoder().decode(r.dumpBase64()), r.stateHash());
    } catch (IllegalArgumentException e) {
      throw bad("dump_base64 is not valid base64");
    }
  }

  private static ProcedureException bad(String message) {
    return new ProcedureException(ErrorCode.BAD_REQUEST, message);
  }
}
