package io.wasmhive.indexer.api;

import io.wasmhive.platform.errors.ClientMessages;
import io.wasmhive.platform.errors.FrameworkErrors;
import io.wasmhive.platform.errors.InternalErrors;
import io.wasmhive.platform.ipfs.InvalidCidException;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** The one place errors become {@code {"error":{"code","message"}}} with the code's HTTP status. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(IndexerException.class)
  ResponseEntity<Map<String, Object>> indexer(IndexerException e) {
    return respond(e.code(), e.getMessage());
  }

  @ExceptionHandler(InvalidCidException.class)
  ResponseEntity<Map<String, Object>> invalidCid(InvalidCidException e) {
    return respond(ErrorCode.INVALID_CID, e.getMessage());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return respond(ErrorCode.PAYLOAD_TOO_LARGE, "the upload is larger than the limit of " + e.getMaxUploadSize() + " bytes");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    // The parser's message names Java types; ClientMessages says what is wrong in the document's terms.
    return respond(ErrorCode.BAD_REQUEST, "the request body is not valid: " + ClientMessages.jsonProblem(e));
  }

  @ExceptionHandler(TypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(TypeMismatchException e) {
    String name = e.getPropertyName() == null ? "a parameter" : "parameter '" + e.getPropertyName() + "'";
    return respond(ErrorCode.BAD_REQUEST, name + " is not valid");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> other(Exception e) {
    int status = FrameworkErrors.clientStatus(e);
    if (status > 0) {
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
          .body(body(codeFor(status), FrameworkErrors.clientMessage(e)));
    }
    return respond(ErrorCode.INTERNAL_ERROR, InternalErrors.logged("Unexpected failure of the indexer API", e));
  }

  private static ErrorCode codeFor(int status) {
    return switch (status) {
      case 404 -> ErrorCode.NOT_FOUND;
      case 406 -> ErrorCode.NOT_ACCEPTABLE;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
    };
  }

  private static ResponseEntity<Map<String, Object>> respond(ErrorCode code, String message) {
    // JSON whatever the client accepts: a trustless-gateway client asks for application/vnd.ipld.raw or .car, and
    // content negotiation would otherwise turn a 404 into a 500 (HttpMediaTypeNotAcceptableException).
    return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_JSON).body(body(code, message));
  }

  private static Map<String, Object> body(ErrorCode code, String message) {
    return Map.of("error", Map.of("code", code.name(), "message", message));
  }
}
