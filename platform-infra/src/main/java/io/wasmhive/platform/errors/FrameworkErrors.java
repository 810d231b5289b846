package io.wasmhive.platform.errors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MultipartException;

/**
 * Which failures the web framework raises are the client's, with their status and a sentence for the client that
 * names no Java type: an {@link ErrorResponse} (an unsupported method or media type, a missing parameter, an upload
 * past the limit) keeps its own status; a multipart body that does not parse (truncated, no boundary, a broken
 * part) is 400, since the framework raises it as a plain {@link MultipartException} that would otherwise read as
 * an internal error, and so is a part whose file name holds a NUL when a filter reads the parameters of a
 * multipart body before any handler does (Tomcat's unchecked {@link InvalidFileNameException}, not wrapped); so is
 * a query or form parameter Tomcat cannot decode ({@code %zz}; its {@link InvalidParameterException}, thrown when a
 * parameter is first read), and a parameter name the security firewall refuses when a handler first reads the
 * parameters ({@link RequestRejectedException}: a NUL or control character in a name). Every service's error
 * advice asks here before it calls a failure internal. Stateless.
 */
public final class FrameworkErrors {

  private FrameworkErrors() {
  }

  /** The HTTP status the client's failure deserves, or 0 when {@code failure} is not the client's. */
  public static int clientStatus(Throwable failure) {
    if (failure instanceof ErrorResponse framework) {
      return framework.getStatusCode().value();
    }
    if (failure instanceof InvalidParameterException invalid) {
      int status = invalid.getErrorCode();
      return status >= 400 && status < 500 ? status : 400;
    }
    return failure instanceof MultipartException || failure instanceof InvalidFileNameException
        || failure instanceof RequestRejectedException ? 400 : 0;
  }

  /**
   * The client's failure in {@code failure}'s chain of causes (a servlet exception wrapping the framework's), or
   * null when there is none.
   */
  public static Throwable clientFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (clientStatus(t) > 0) {
        return t;
      }
    }
    return null;
  }

  /** The client's sentence for a failure {@link #clientStatus} counts as the client's. */
  public static String clientMessage(Throwable failure) {
    if (failure instanceof ErrorResponse framework && framework.getBody().getDetail() != null) {
      return framework.getBody().getDetail();
    }
    if (failure instanceof MultipartException || failure instanceof InvalidFileNameException) {
      // Tomcat's message for the file name repeats it as sent; the client knows what it sent.
      return "the multipart body is not valid: it is truncated, has no boundary or a malformed part";
    }
    if (failure instanceof InvalidParameterException) {
      // Tomcat's message repeats the parameter as it decoded it; the client knows what it sent.
      return "a query or form parameter is not valid: not percent-encoded UTF-8, or too many parameters";
    }
    if (failure instanceof RequestRejectedException) {
      // The firewall's message repeats the rejected name; the client knows what it sent.
      return "the request was rejected: a parameter name, header or path holds a character this service refuses";
    }
    return StatusMessages.of(clientStatus(failure));
  }
}
