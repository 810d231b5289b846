package io.wasmhive.procedure.derive.api;

import io.wasmhive.platform.errors.ClientMessages;
import io.wasmhive.procedure.derive.api.DerivationModel.CreateRequest;
import io.wasmhive.procedure.derive.api.DerivationModel.LimitsJson;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The two create uploads without base64: multipart ({@code wasm} + {@code meta}) and raw with query parameters. */
final class Uploads {

  private Uploads() {
  }

  static CreateRequest meta(JsonMapper json, String meta) {
    if (meta == null || meta.isBlank()) {
      throw bad("the 'meta' part is required: the derivation's JSON metadata (name, schema, limits)");
    }
    CreateRequest r;
    try {
      r = json.readValue(meta, CreateRequest.class);
    } catch (JacksonException e) {
      throw bad("the 'meta' part is not valid JSON metadata: " + ClientMessages.jsonProblem(e));
    }
    if (r == null) {
      throw bad("the 'meta' part must be a JSON object");
    }
    if (r.wasmBase64() != null) {
      throw bad("send the reducer either as the 'wasm' part or as wasm_base64 in 'meta', not both");
    }
    return r;
  }

  static byte[] bytes(MultipartFile wasm) {
    try {
      return wasm.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CreateRequest query(Map<String, String> q) {
    LimitsJson limits = new LimitsJson(number("max_gas", q.get("max_gas")), number("max_time_ms", q.get("max_time_ms")),
        number("max_memory", q.get("max_memory")), number("max_db_bytes", q.get("max_db_bytes")));
    return new CreateRequest(q.get("name"), null, q.get("schema"), limits);
  }

  private static Long number(String what, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw bad(what + " must be a whole number, got '" + text + "'");
    }
  }

  private static ProcedureException bad(String message) {
    return new ProcedureException(ErrorCode.BAD_REQUEST, message);
  }
}
