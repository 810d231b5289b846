package io.wasmhive.platform.testing.httpfuzz;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The endpoints of a running application, read from every {@link RequestMappingHandlerMapping} of its context at
 * run time: one {@link Endpoint} per path pattern of each handler method (Spring's own error controller left
 * out). Stateless.
 */
final class Endpoints {

  private Endpoints() {
  }

  /** Every endpoint, sorted by pattern then method, so that a seed picks the same ones on every run. */
  static List<Endpoint> of(ApplicationContext context) {
    Map<String, Endpoint> endpoints = new TreeMap<>();
    Collection<RequestMappingHandlerMapping> mappings =
        context.getBeansOfType(RequestMappingHandlerMapping.class).values();
    for (RequestMappingHandlerMapping mapping : mappings) {
      mapping.getHandlerMethods().forEach((info, method) -> {
        for (String pattern : info.getPatternValues()) {
          if (!pattern.equals("/error")) {
            Endpoint endpoint = endpoint(pattern, info, method);
            endpoints.put(endpoint.pattern() + " " + endpoint.methods() + " " + endpoint.consumes(), endpoint);
          }
        }
      });
    }
    return List.copyOf(endpoints.values());
  }

  private static Endpoint endpoint(String pattern, RequestMappingInfo info, HandlerMethod method) {
    Set<String> methods = new LinkedHashSet<>();
    info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
    Set<String> consumes = new LinkedHashSet<>();
    info.getConsumesCondition().getConsumableMediaTypes().forEach(m -> consumes.add(m.toString()));
    Set<String> produces = new LinkedHashSet<>();
    info.getProducesCondition().getProducibleMediaTypes().forEach(m -> produces.add(types(m)));
    List<String> query = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Parameter parameter : method.getMethod().getParameters()) {
      RequestParam param = parameter.getAnnotation(RequestParam.class);
      RequestPart part = parameter.getAnnotation(RequestPart.class);
      if (param != null && !Map.class.isAssignableFrom(parameter.getType())) {
        query.add(name(param.name(), param.value(), parameter));
      } else if (part != null) {
        parts.add(name(part.name(), part.value(), parameter));
      } else if (parameter.isAnnotationPresent(RequestBody.class)) {
        fields.putAll(SampleValues.fields(parameter.getType()));
      }
    }
    return new Endpoint(pattern, methods, consumes, produces, query, parts, fields);
  }

  private static String types(MediaType type) {
    return type.getType() + "/" + type.getSubtype();
  }

  private static String name(String name, String value, Parameter parameter) {
    return !name.isEmpty() ? name : !value.isEmpty() ? value : parameter.getName();
  }
}
