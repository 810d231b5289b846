package io.wasmhive.platform.errors;

/** A plain sentence for a failure known only by its HTTP status, for the client. Stateless. */
final class StatusMessages {

  private StatusMessages() {
  }

  static String of(int status) {
    return switch (status) {
      case 400 -> "the request is not valid";
      case 401 -> "authentication required";
      case 403 -> "the caller may not do this";
      case 404 -> "no such resource";
      case 405 -> "the endpoint does not take this method";
      case 406 -> "the endpoint cannot answer in an accepted media type";
      case 408 -> "the request took too long to arrive";
      case 413 -> "the request is larger than the limit";
      case 414 -> "the request target is too long";
      case 415 -> "the body's media type is not supported here";
      case 431 -> "the request headers are too large";
      default -> status >= 500 ? "the service failed to answer" : "the request is not valid";
    };
  }
}
