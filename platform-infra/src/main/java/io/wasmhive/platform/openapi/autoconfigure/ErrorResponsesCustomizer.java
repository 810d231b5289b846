package io.wasmhive.platform.openapi.autoconfigure;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.wasmhive.platform.openapi.ErrorResponses;
import io.wasmhive.platform.openapi.ErrorStatuses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds the responses an endpoint's {@link ErrorResponses} (on the method, else on its controller) lists; a response
 * the endpoint documents itself for the same status is kept. Thread-safe.
 */
final class ErrorResponsesCustomizer implements GlobalOperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    ErrorResponses declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ErrorResponses.class);
    if (declared == null) {
      declared = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ErrorResponses.class);
    }
    if (declared == null) {
      return operation;
    }
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    for (int status : declared.value()) {
      operation.getResponses().putIfAbsent(Integer.toString(status), ErrorStatuses.response(status));
    }
    return operation;
  }
}
