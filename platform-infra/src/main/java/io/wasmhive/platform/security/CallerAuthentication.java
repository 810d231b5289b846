package io.wasmhive.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated as a {@link Caller}; its authorities are the caller's roles, as they are spelled. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

  private final Caller caller;

  public CallerAuthentication(Caller caller) {
    super(caller.roles().stream().map(SimpleGrantedAuthority::new).toList());
    this.caller = caller;
    setAuthenticated(true);
  }

  /** The caller. */
  public Caller caller() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return caller;
  }

  @Override
  public String getName() {
    return caller.principal();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CallerAuthentication that && caller.equals(that.caller);
  }

  @Override
  public int hashCode() {
    return caller.hashCode();
  }

}
