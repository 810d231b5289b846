package io.wasmhive.platform.errors;

import io.wasmhive.platform.security.ErrorShape;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error page of every service, in the service's {@link ErrorShape}: what the servlet container and the filters
 * before Spring MVC refuse ({@code sendError}: the security firewall's rejection of an encoded slash or an unknown
 * method, a body past a limit) would otherwise be answered by Spring Boot's own error body, which no client of
 * these APIs parses. A failure that is the client's ({@link FrameworkErrors}) keeps its status and message even when
 * it reached the container as a 500; otherwise the message is a plain sentence for the status, never the
 * exception's, and a 5xx is logged with a reference. Thread-safe.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ShapedErrorController implements ErrorController {

  private final ErrorShape shape;
  private final JsonMapper json = JsonMapper.builder().build();

  ShapedErrorController(ErrorShape shape) {
    this.shape = shape;
  }

  /**
   * Writes the error itself rather than through Spring MVC's converters: content negotiation would fail on an
   * {@code Accept} it cannot satisfy or parse, and a failure inside the error dispatch leaves the response empty.
   */
  @RequestMapping
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int status = status(request);
    String message = StatusMessages.of(status);
    Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
    Throwable clients = FrameworkErrors.clientFailure(failure);
    if (clients != null) {
      // The framework's refusal of the request that no error advice answered (one raised before a handler was
      // chosen, such as a multipart body that does not parse): the client's error, not the service's.
      status = FrameworkErrors.clientStatus(clients);
      message = FrameworkErrors.clientMessage(clients);
    } else if (status >= 500 && failure != null) {
      message = InternalErrors.logged("Unexpected failure before the API", failure);
    }
    byte[] body = json.writeValueAsBytes(shape.body(shape.codeFor(status), message));
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static int status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer status && status >= 400 ? status : 404;
  }
}
