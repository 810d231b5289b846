package io.wasmhive.procedure.derive.sql;

import io.wasmhive.executor.DatabaseException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/**
 * A query's rows as a JSON array of objects keyed by column label, in the query's order: integers and decimals
 * as JSON numbers (decimals in plain notation, trailing zeros stripped), doubles as numbers ({@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"} as strings), text as strings, binary as base64, dates and times as
 * ISO-8601 strings, SQL NULL as null. Bounded in rows and bytes. Not thread-safe.
 */
final class RowsJson {

  private RowsJson() {
  }

  static byte[] write(ResultSet rs, SqlBounds bounds, SqlEngine engine) throws SQLException, DatabaseException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    String[] labels = labels(meta);
    ColumnKind[] kinds = new ColumnKind[n];
    for (int i = 0; i < n; i++) {
      kinds[i] = ColumnKind.of(meta.getColumnType(i + 1)).orElse(null);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rows = 0;
    try (JsonGenerator json = JsonParams.JSON.createGenerator(out)) {
      json.writeStartArray();
      while (rs.next()) {
        if (++rows > bounds.maxResultRows()) {
          throw limit("the query returns more than " + bounds.maxResultRows() + " rows");
        }
        json.writeStartObject();
        for (int i = 0; i < n; i++) {
          json.writeName(labels[i]);
          value(json, engine.resultValue(rs, i + 1, kinds[i]));
        }
        json.writeEndObject();
        json.flush();
        if (out.size() > bounds.maxResultBytes()) {
          throw limit("the query's result exceeds " + bounds.maxResultBytes() + " bytes");
        }
      }
      json.writeEndArray();
    }
    if (out.size() > bounds.maxResultBytes()) {
      throw limit("the query's result exceeds " + bounds.maxResultBytes() + " bytes");
    }
    return out.toByteArray();
  }

  private static String[] labels(ResultSetMetaData meta) throws SQLException, DatabaseException {
    String[] labels = new String[meta.getColumnCount()];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < labels.length; i++) {
      labels[i] = meta.getColumnLabel(i + 1);
      if (!seen.add(labels[i])) {
        throw new DatabaseException(DatabaseException.SQL_ERROR,
            "two columns are labelled " + labels[i] + "; give them distinct names with AS");
      }
    }
    return labels;
  }

  private static void value(JsonGenerator json, Object value) {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Long l) {
      json.writeNumber(l);
    } else if (value instanceof BigDecimal d) {
      json.writeNumber(d.toPlainString());
    } else if (value instanceof Double d) {
      floating(json, d, Double.toString(d));
    } else if (value instanceof Float f) {
      floating(json, f, Float.toString(f));
    } else if (value instanceof byte[] b) {
      json.writeString(Base64.getEncoder().encodeToString(b));
    } else {
      json.writeString(value.toString());
    }
  }

  private static void floating(JsonGenerator json, double d, String text) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      json.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    } else {
      json.writeNumber(text);
    }
  }

  private static DatabaseException limit(String message) {
    return new DatabaseException(DatabaseException.LIMIT, message);
  }
}
