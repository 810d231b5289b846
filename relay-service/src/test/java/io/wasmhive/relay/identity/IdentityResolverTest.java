package io.wasmhive.relay.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
