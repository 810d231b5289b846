package io.wasmhive.procedure.api;

import io.wasmhive.platform.errors.ClientMessages;
import io.wasmhive.procedure.api.ApiModel.CreateRequest;
import io.wasmhive.procedure.api.ApiModel.LimitsJson;
import io.wasmhive.procedure.api.ApiModel.ParamJson;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the two uploads without base64: a {@code multipart/form-data} body (part {@code wasm}, the module
 * file, and part {@code meta}, the JSON metadata) and a raw {@code application/wasm} body with the metadata
 * in query parameters ({@code params=x:INT,y:FLOAT}). Every malformed piece is {@code BAD_REQUEST}.
 */
final class UploadForms {

  private UploadForms() {
  }

  /** The create request of a multipart upload; {@code meta} must not carry {@code wasm_base64} as well. */
  static CreateRequest multipart(JsonMapper json, MultipartFile wasm, String meta) {
    CreateRequest request = parseMeta(json, meta);
    if (request.wasmBase64() != null) {
      throw badRequest("send the module either as the 'wasm' part or as wasm_base64 in 'meta', not both");
    }
    return request;
  }

  /** The module bytes of the {@code wasm} part. */
  static byte[] bytes(MultipartFile wasm) {
    try {
      return wasm.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The create request of a raw upload, from its query parameters. */
  static CreateRequest query(Map<String, String> q) {
    return new CreateRequest(q.get("name"), q.get("language"), null, params(q.get("params")), q.get("return_type"),
        q.get("description"), q.get("entry"), bool("replace", q.get("replace")),
        limits(q.get("max_memory"), q.get("max_time_ms"), q.get("max_gas")));
  }

  private static CreateRequest parseMeta(JsonMapper json, String meta) {
    if (meta == null || meta.isBlank()) {
      throw badRequest("the 'meta' part is required: the procedure's JSON metadata");
    }
    try {
      CreateRequest request = json.readValue(meta, CreateRequest.class);
      if (request == null) {
        throw badRequest("the 'meta' part must be a JSON object");
      }
      return request;
    } catch (JacksonException e) {
      throw badRequest("the 'meta' part is not valid JSON metadata: " + ClientMessages.jsonProblem(e));
    }
  }

  /** {@code x:INT,y:FLOAT}; the empty string declares no parameters. */
  static List<ParamJson> params(String text) {
    List<ParamJson> params = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return params;
    }
    for (String item : text.split(",", -1)) {
      int colon = item.indexOf(':');
      if (colon <= 0 || colon == item.length() - 1 || item.indexOf(':', colon + 1) >= 0) {
        throw badRequest("params must look like x:INT,y:FLOAT; got '" + item.trim() + "'");
      }
      params.add(new ParamJson(item.substring(0, colon).trim(), item.substring(colon + 1).trim()));
    }
    return params;
  }

  private static LimitsJson limits(String memory, String timeMs, String gas) {
    if (memory == null && timeMs == null && gas == null) {
      return null;
    }
    return new LimitsJson(number("max_memory", memory), number("max_time_ms", timeMs), number("max_gas", gas));
  }

  private static Long number(String what, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw badRequest(what + " must be a whole number, got '" + text + "'");
    }
  }

  private static Boolean bool(String what, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return switch (text.trim().toLowerCase()) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw badRequest(what + " must be true or false, got '" + text + "'");
    };
  }

  private static ProcedureException badRequest(String message) {
    return new ProcedureException(ErrorCode.BAD_REQUEST, message);
  }
}
