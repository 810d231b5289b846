package io.wasmhive.procedure.derive.sql;

import java.sql.SQLException;

/**
 * A stored value that is not of its column's family (SQLite stores what it is given when it cannot convert it, e.g.
 * text in an INTEGER column): the canonical dump cannot represent it, so the message that stored it is rejected.
 * The message names the column and the value's family only, so it is the same on every replay.
 */
public final class ValueTypeException extends SQLException {

  ValueTypeException(String message) {
    super(message);
  }
}
