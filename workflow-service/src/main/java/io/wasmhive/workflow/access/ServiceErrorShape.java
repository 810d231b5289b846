package io.wasmhive.workflow.access;

import io.wasmhive.platform.security.ErrorShape;
import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowErrors;
import io.wasmhive.workflow.wasmserver.WasmServerErrors;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security chain's refusals in the shape of the API the request was for: the Ditto WASM server's
 * {@code {"jobId","ok":false,"error","durationMs"}} under {@code /wasm/}, the workflow API's
 * {@code {"error":{"code","message","details"}}} everywhere else. The path is the current request's (Spring's
 * request context filter runs before the security chain); without one, the workflow API's shape. Thread-safe.
 */
final class ServiceErrorShape implements ErrorShape {

  @Override
  public Map<String, Object> body(String code, String message) {
    if (underWasmServer()) {
      return WasmServerErrors.refusal(code + ": " + message);
    }
    return WorkflowErrors.body(code, message, null);
  }

  @Override
  public String codeFor(int status) {
    return WorkflowError.ofFrameworkStatus(status).code();
  }

  private static boolean underWasmServer() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (!(attributes instanceof ServletRequestAttributes servlet)) {
      return false;
    }
    // On the error page, the path of the request that failed.
    Object failed = servlet.getRequest().getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = failed instanceof String path ? path : servlet.getRequest().getRequestURI();
    String path = uri.substring(Math.min(uri.length(), servlet.getRequest().getContextPath().length()));
    return path.startsWith(WasmServerErrors.PATH_PREFIX);
  }
}
