package io.wasmhive.platform.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer token: {@code whk_…} as an API key, anything else as a JWT when an issuer is configured.
 * A refusal says nothing about which part of the token was wrong.
 */
final class BearerAuthentication implements AuthenticationManager {

  private final ApiKeys apiKeys;
  private final AuthenticationProvider jwt;

  /** @param apiKeys the key verifier, or null when keys are disabled; @param jwt the JWT provider, or null */
  BearerAuthentication(ApiKeys apiKeys, AuthenticationProvider jwt) {
    this.apiKeys = apiKeys;
    this.jwt = jwt;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String token = ((BearerTokenAuthenticationToken) authentication).getToken();
    if (ApiKeyTokens.looksLikeKey(token)) {
      if (apiKeys == null) {
        throw new InvalidBearerTokenException("API keys are not accepted");
      }
      return apiKeys.authenticate(token).map(CallerAuthentication::new)
          .orElseThrow(() -> new InvalidBearerTokenException("invalid API key"));
    }
    if (jwt == null) {
      throw new InvalidBearerTokenException("bearer tokens are not accepted");
    }
    return jwt.authenticate(authentication);
  }
}
