package io.wasmhive.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Maps a validated JWT's claims to a {@link Caller} with the claim names of {@code wasmhive.security.jwt}. */
final class JwtCallers implements Converter<Jwt, CallerAuthentication> {

  private final SecurityProperties.Jwt claims;

  JwtCallers(SecurityProperties.Jwt claims) {
    this.claims = claims;
  }

  @Override
  public CallerAuthentication convert(Jwt jwt) {
    String principal = jwt.getClaimAsString(claims.principalClaim());
    if (principal == null || principal.isBlank()) {
      throw new InvalidBearerTokenException("the token has no " + claims.principalClaim() + " claim");
    }
    String tenant = jwt.getClaimAsString(claims.tenantClaim());
    return new CallerAuthentication(new Caller(principal, tenant == null || tenant.isBlank() ? principal : tenant,
        roles(jwt.getClaims().get(claims.rolesClaim())), Caller.Source.JWT));
  }

  private static Set<String> roles(Object claim) {
    Set<String> roles = new LinkedHashSet<>();
    if (claim instanceof Collection<?> list) {
      list.forEach(role -> roles.add(String.valueOf(role)));
    } else if (claim instanceof String text) {
      for (String role : text.trim().split("\\s+")) {
        if (!role.isEmpty()) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}
