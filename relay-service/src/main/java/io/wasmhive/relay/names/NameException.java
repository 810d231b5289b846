package io.wasmhive.relay.names;

import org.springframework.http.HttpStatus;

/** A names API error: its code and HTTP status, in the relay's error shape. */
final class NameException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final HttpStatus status;

  NameException(HttpStatus status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static NameException badRequest(String code, String message) {
    return new NameException(HttpStatus.BAD_REQUEST, code, message);
  }

  static NameException notFound(String code, String message) {
    return new NameException(HttpStatus.NOT_FOUND, code, message);
  }

  String code() {
    return code;
  }

  HttpStatus status() {
    return status;
  }
}
