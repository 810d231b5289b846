package io.wasmhive.procedure.derive.store;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/** A logged message in {@code derivation_messages}; the id {@code derivation:position} keeps positions unique. */
@Document("derivation_messages")
record MessageDocument(
    @Id String id,
    String derivation,
    long position,
    byte[] payload,
    @Field("prev_hash") String prevHash,
    String hash,
    String status,
    String reason,
    @Field("state_hash") String stateHash) {

  static MessageDocument of(String derivationId, LoggedMessage m) {
    return new MessageDocument(derivationId + ":" + m.position(), derivationId, m.position(), m.payload(),
        m.prevHash(), m.hash(), m.applied() ? "applied" : "rejected", m.reason(), m.stateHash());
  }

  LoggedMessage toMessage() {
    return new LoggedMessage(position, payload, prevHash, hash, "applied".equals(status), reason, stateHash);
  }
}
