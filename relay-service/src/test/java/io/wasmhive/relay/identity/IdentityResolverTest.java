package io.wasmhive.relay.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.security.Caller;
import io.wasmhive.platform.security.CallerAuthentication;
import io.wasmhive.platform.security.Roles;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;

class IdentityResolverTest {

  private static MockHttpServletRequest request(String user, String session) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    if (user != null) {
      request.addHeader("user_id", user);
    }
    if (session != null) {
      request.addHeader("session_id", session);
    }
    return request;
  }

  @Test
  void withHeaderIdentityTheSeedsHeadersNameUserAndSession() {
    RequestIdentity who = new IdentityResolver(true).resolve(request("test-user", "test-session"));
    assertThat(who).isEqualTo(new RequestIdentity("test-user", "test-session", RequestIdentity.Source.HEADER));
    assertThat(new IdentityResolver(true).resolve(request(null, null))).isEqualTo(RequestIdentity.anonymous());
  }

  @Test
  void withoutHeaderIdentityHeadersAreIgnored() {
    IdentityResolver resolver = new IdentityResolver(false);
    assertThat(resolver.headerEnabled()).isFalse();
    assertThat(resolver.resolve(request("admin", "s"))).isEqualTo(RequestIdentity.anonymous());
  }

  @Test
  void anAuthenticatedPrincipalWinsOverHeaders() {
    MockHttpServletRequest request = request("mallory", "s-1");
    request.setUserPrincipal(() -> "alice");
    assertThat(new IdentityResolver(true).resolve(request))
        .isEqualTo(new RequestIdentity("alice", "s-1", RequestIdentity.Source.PRINCIPAL));
    RequestIdentity strict = new IdentityResolver(false).resolve(request);
    assertThat(strict.userId()).isEqualTo("alice");
    assertThat(strict.sessionId()).isEmpty();
  }

  @Test
  void localModesOwnCallerStandsForNoAuthentication() {
    MockHttpServletRequest request = request("bob", "s-2");
    request.setUserPrincipal(new CallerAuthentication(Caller.local("bob")));
    assertThat(new IdentityResolver(true).resolve(request))
        .isEqualTo(new RequestIdentity("bob", "s-2", RequestIdentity.Source.HEADER));
    MockHttpServletRequest bare = request(null, null);
    bare.setUserPrincipal(new CallerAuthentication(Caller.local(null)));
    assertThat(new IdentityResolver(false).resolve(bare)).isEqualTo(RequestIdentity.anonymous());
  }

  @Test
  void inSecureModeTheUserIsTheAuthenticatedCallerAndHeadersAreNeverRead() {
    IdentityResolver secure = new IdentityResolver(true, true);
    assertThat(secure.headerEnabled()).isFalse();
    MockHttpServletRequest request = request("victim", "victims-session");
    Caller caller = new Caller("alice", "team", Set.of(Roles.EVENTS_WATCH_ALL), Caller.Source.API_KEY);
    SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
    try {
      RequestIdentity who = secure.resolve(request);
      assertThat(who).isEqualTo(new RequestIdentity("alice", "", RequestIdentity.Source.PRINCIPAL,
          Set.of(Roles.EVENTS_WATCH_ALL)));
      assertThat(who.may(Roles.EVENTS_WATCH_ALL)).isTrue();
      assertThat(who.may(Roles.ADMIN)).isFalse();
    } finally {
      SecurityContextHolder.clearContext();
    }
    assertThat(secure.resolve(request)).isEqualTo(RequestIdentity.anonymous());
  }

  @Test
  void headerValuesAreTrimmedAndLimitedTo128PrintableCharacters() {
    IdentityResolver resolver = new IdentityResolver(true);
    assertThat(resolver.resolve(request("  bob  ", null)).userId()).isEqualTo("bob");
    assertThat(resolver.resolve(request("u".repeat(128), null)).userId()).hasSize(128);
    assertThat(resolver.resolve(request("u".repeat(129), null))).isEqualTo(RequestIdentity.anonymous());
    assertThat(resolver.resolve(request("a b", null))).isEqualTo(RequestIdentity.anonymous());
    assertThat(resolver.resolve(request("é", null))).isEqualTo(RequestIdentity.anonymous());
    assertThat(resolver.resolve(request("   ", null))).isEqualTo(RequestIdentity.anonymous());
  }
}
