package io.wasmhive.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.wasmhive.platform.security.app.SecuredApp;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security chain over real HTTP in secure mode: API keys and the admin API, JWTs from an identity provider's
 * JWK set (a real HTTP server), identity headers refused from an untrusted peer.
 */
class WebSecurityIntegrationTests {

  @TempDir
  static Path dataDir;

  static final JsonMapper JSON = JsonMapper.builder().build();
  static ConfigurableApplicationContext app;
  static HttpServer idp;
  static RSAKey signingKey;
  static Http http;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    signingKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    idp.createContext("/jwks", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      exchange.getResponseBody().write(jwks);
      exchange.close();
    });
    idp.start();
    app = SecuredApp.start(dataDir, "wasmhive.security.mode=secure",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + idp.getAddress().getPort()
            + "/jwks",
        "wasmhive.security.header-identity.enabled=true",
        "wasmhive.security.header-identity.trusted-proxies=10.0.0.0/8");
    http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    admin = app.getBean(ApiKeys.class).issue("root", "ops", List.of(Roles.ADMIN)).token();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (idp != null) {
      idp.stop(0);
    }
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  @Test
  void aRequestWithoutCredentialsIsRefusedInTheErrorShapeAndPublicPathsStayOpen() {
    HttpResponse<String> refused = http.send("POST", "/write", "{}");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(json(refused).at("/error/code").asString()).isEqualTo("UNAUTHORIZED");
    assertThat(json(refused).at("/error/message").asString()).contains("Authorization: Bearer");
    assertThat(http.get("/ping").body()).isEqualTo("pong");
    assertThat(http.get("/livez").statusCode()).isIn(200, 404);
  }

  /** ADR 0025: the OpenAPI document and Swagger UI describe the API and hold no data, so they are public. */
  @Test
  void theOpenApiDocumentAndSwaggerUiArePublicInSecureModeAndTheDataStaysClosed() {
    HttpResponse<String> document = http.get("/v3/api-docs");
    assertThat(document.statusCode()).isEqualTo(200);
    JsonNode api = json(document);
    assertThat(api.path("openapi").asString()).startsWith("3.1");
    assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    assertThat(api.at("/paths/~1whoami/get/security/0/bearer").isArray()).isTrue();
    assertThat(api.at("/paths/~1whoami/get/responses/401/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/Error");
    assertThat(api.at("/paths/~1ping/get/security").size()).isZero();
    assertThat(api.at("/paths/~1admin~1api-keys/post/responses/400")).isNotNull();
    assertThat(api.at("/components/schemas/Error/required").toString()).isEqualTo("[\"error\"]");
    assertThat(http.get("/v3/api-docs.yaml").statusCode()).isEqualTo(200);
    HttpResponse<String> ui = http.get("/swagger-ui.html");
    assertThat(ui.statusCode()).isEqualTo(302);
    assertThat(ui.headers().firstValue("Location").orElseThrow()).endsWith("/swagger-ui/index.html");
    // Found by the HTTP fuzzer (docs/fuzzing-http.md, finding 18): springdoc's redirect reads the forwarded headers
    // with Spring's parser, which threw on this host — a 500.
    for (String[] header : List.of(new String[] {"X-Forwarded-Host", "${jndi:ldap://127.0.0.1/x}"},
        new String[] {"X-Forwarded-Port", "http"}, new String[] {"Forwarded", "host=\"[::1\""})) {
      HttpResponse<String> refused = http.get("/swagger-ui.html", header);
      assertThat(refused.statusCode()).as(String.join(": ", header)).isEqualTo(400);
      assertThat(json(refused).at("/error/message").asString()).startsWith("a Forwarded or X-Forwarded-* header");
    }
    assertThat(http.get("/swagger-ui.html", "X-Forwarded-Host", "docs.example:8443", "X-Forwarded-Proto", "https")
        .statusCode()).isEqualTo(302);
    assertThat(http.get("/whoami", "X-Forwarded-Host", "${jndi:ldap://127.0.0.1/x}").statusCode()).isEqualTo(401);
    HttpResponse<String> page = http.get("/swagger-ui/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    assertThat(http.get("/v3/api-docs/swagger-config").statusCode()).isEqualTo(200);
    assertThat(http.get("/whoami").statusCode()).isEqualTo(401);
    assertThat(http.get("/admin/api-keys").statusCode()).isEqualTo(401);
  }

  @Test
  void anAdministratorIssuesListsAndRevokesKeysAndTheTokenIsShownOnce() {
    int writes = SecuredApp.WRITES.get();
    HttpResponse<String> issued = http.send("POST", "/admin/api-keys",
        "{\"principal\":\"alice\",\"tenant\":\"acme\",\"roles\":[\"modules:write\"]}", "Authorization", bearer(admin));
    assertThat(issued.statusCode()).isEqualTo(201);
    String token = json(issued).get("token").asString();
    String id = json(issued).get("id").asString();
    assertThat(token).startsWith("whk_" + id + "_");

    JsonNode me = json(http.get("/whoami", "Authorization", bearer(token)));
    assertThat(me.get("principal").asString()).isEqualTo("alice");
    assertThat(me.get("tenant").asString()).isEqualTo("acme");
    assertThat(me.get("source").asString()).isEqualTo("API_KEY");
    assertThat(http.send("POST", "/write", "{}", "Authorization", bearer(token)).statusCode()).isEqualTo(200);

    HttpResponse<String> forbidden = http.get("/admin/api-keys", "Authorization", bearer(token));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(json(forbidden).at("/error/code").asString()).isEqualTo("FORBIDDEN");
    HttpResponse<String> list = http.get("/admin/api-keys", "Authorization", bearer(admin));
    assertThat(list.body()).contains(id).doesNotContain(token).doesNotContain("secretHash")
        .doesNotContain("\"token\"");

    assertThat(http.send("DELETE", "/admin/api-keys/" + id, null, "Authorization", bearer(admin)).statusCode())
        .isEqualTo(204);
    HttpResponse<String> revoked = http.get("/whoami", "Authorization", bearer(token));
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    assertThat(http.send("DELETE", "/admin/api-keys/" + id, null, "Authorization", bearer(admin)).statusCode())
        .isEqualTo(404);
    // Found by the HTTP fuzzer: with an Accept the error body cannot satisfy, the 404 had an empty body.
    HttpResponse<String> unacceptable = http.send("DELETE", "/admin/api-keys/" + id, null, "Authorization",
        bearer(admin), "Accept", "../../etc");
    assertThat(unacceptable.statusCode()).isEqualTo(404);
    assertThat(json(unacceptable).at("/error/code").asString()).isEqualTo("NOT_FOUND");
    assertThat(SecuredApp.WRITES.get()).isEqualTo(writes + 1);
  }

  @Test
  void theAdminApiRefusesInvalidKeysWithA400AndStoresNothing() {
    int before = app.getBean(ApiKeys.class).list().size();
    HttpResponse<String> bad = http.send("POST", "/admin/api-keys", "{\"principal\":\"a b\",\"tenant\":\"acme\"}",
        "Authorization", bearer(admin), "Accept", "text/html");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).at("/error/code").asString()).isEqualTo("INVALID_REQUEST");
    assertThat(json(bad).at("/error/message").asString()).startsWith("principal:");
    assertThat(app.getBean(ApiKeys.class).list()).hasSize(before);
  }

  @Test
  void aJwtOfTheConfiguredIssuerNamesPrincipalTenantAndRoles() throws Exception {
    String token = jwt(signingKey, "jane", "beta", List.of("modules:write", "admin"), Instant.now().plusSeconds(300));
    JsonNode me = json(http.get("/whoami", "Authorization", bearer(token)));
    assertThat(me.get("principal").asString()).isEqualTo("jane");
    assertThat(me.get("tenant").asString()).isEqualTo("beta");
    assertThat(me.get("source").asString()).isEqualTo("JWT");
    assertThat(me.get("roles").toString()).isEqualTo("[\"admin\",\"modules:write\"]");
    assertThat(http.get("/admin/api-keys", "Authorization", bearer(token)).statusCode()).isEqualTo(200);
    String noTenant = jwt(signingKey, "joe", null, List.of(), Instant.now().plusSeconds(300));
    assertThat(json(http.get("/whoami", "Authorization", bearer(noTenant))).get("tenant").asString())
        .isEqualTo("joe");
  }

  @Test
  void expiredForeignAndSubjectlessJwtsAreRefused() throws Exception {
    RSAKey foreign = new RSAKeyGenerator(2048).keyID("k1").generate();
    List<String> refused = List.of(
        jwt(signingKey, "jane", "beta", List.of(), Instant.now().minusSeconds(600)),
        jwt(foreign, "jane", "beta", List.of(Roles.ADMIN), Instant.now().plusSeconds(300)),
        jwt(signingKey, null, "beta", List.of(), Instant.now().plusSeconds(300)),
        "not.a.jwt");
    for (String token : refused) {
      HttpResponse<String> response = http.get("/whoami", "Authorization", bearer(token));
      assertThat(response.statusCode()).as(token).isEqualTo(401);
      assertThat(json(response).at("/error/code").asString()).isEqualTo("UNAUTHORIZED");
    }
  }

  @Test
  void identityHeadersFromAPeerThatIsNotATrustedProxyAuthenticateNobody() {
    HttpResponse<String> spoofed = http.get("/whoami", "user_id", "root", "tenant_id", "ops", "roles", "admin");
    assertThat(spoofed.statusCode()).isEqualTo(401);
    assertThat(http.send("POST", "/write", "{}", "user_id", "victim").statusCode()).isEqualTo(401);
  }

  @Test
  void secretsAppearInNoResponseButTheOneThatIssuesThem() {
    HttpResponse<String> wrong = http.get("/whoami", "Authorization", bearer(admin + "x"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(admin);
  }

  static String jwt(RSAKey key, String subject, String tenant, List<String> roles, Instant expires)
      throws Exception {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issueTime(new Date())
        .expirationTime(Date.from(expires)).claim("roles", roles);
    if (subject != null) {
      claims.subject(subject);
    }
    if (tenant != null) {
      claims.claim("tenant", tenant);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void aServiceBoundToEveryInterfaceWithoutAuthenticationRefusesToStart(@TempDir Path other) {
    assertThatThrownBy(() -> SecuredApp.start(other, "server.address=0.0.0.0").close())
        .rootCause().hasMessageContaining("Refusing to start: the HTTP listener binds 0.0.0.0")
        .hasMessageContaining("WASMHIVE_SECURITY_MODE=secure");
  }
}
