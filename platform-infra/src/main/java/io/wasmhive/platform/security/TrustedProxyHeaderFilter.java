package io.wasmhive.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Secure mode's header identity: a request without {@code Authorization} whose TCP peer is one of
 * {@code wasmhive.security.header-identity.trusted-proxies} is the caller its identity headers name (the seed's
 * {@code user_id}, a tenant and roles). The peer address is the socket's, never a forwarded-for header, so a
 * client that is not the proxy cannot be anyone by sending the headers: it stays unauthenticated.
 */
final class TrustedProxyHeaderFilter extends OncePerRequestFilter {

  private final SecurityProperties.HeaderIdentity settings;
  private final List<IpAddressMatcher> proxies;

  TrustedProxyHeaderFilter(SecurityProperties.HeaderIdentity settings) {
    this.settings = settings;
    this.proxies = settings.trustedProxies().stream().map(IpAddressMatcher::new).toList();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && fromTrustedProxy(request)) {
      String principal = HeaderValues.name(request.getHeader(settings.principalHeader()));
      if (principal != null) {
        String tenant = HeaderValues.name(request.getHeader(settings.tenantHeader()));
        Caller caller = new Caller(principal, tenant == null ? principal : tenant, roles(request),
            Caller.Source.TRUSTED_HEADER);
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
      }
    }
    chain.doFilter(request, response);
  }

  private boolean fromTrustedProxy(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    for (IpAddressMatcher proxy : proxies) {
      if (proxy.matches(peer)) {
        return true;
      }
    }
    return false;
  }

  private Set<String> roles(HttpServletRequest request) {
    Set<String> roles = new LinkedHashSet<>();
    String header = request.getHeader(settings.rolesHeader());
    if (header != null) {
      for (String role : header.split(",")) {
        String name = HeaderValues.name(role);
        if (name != null) {
          roles.add(name);
        }
      }
    }
    return roles;
  }
}
