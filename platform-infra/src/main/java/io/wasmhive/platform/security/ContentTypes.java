package io.wasmhive.platform.security;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether a request's {@code Content-Type} is one concrete media type. Spring's view of a request's headers
 * ({@code ServletServerHttpRequest#getHeaders}) throws an {@code IllegalArgumentException} for a wildcard type,
 * which every error advice would take for an internal error; the filters that read those headers ask here first.
 * Stateless.
 */
public final class ContentTypes {

  private ContentTypes() {
  }

  /** True for no {@code Content-Type} or a concrete one; false for {@code *}{@code /*}, {@code text/*}, or no type. */
  public static boolean concrete(String contentType) {
    if (contentType == null) {
      return true;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
