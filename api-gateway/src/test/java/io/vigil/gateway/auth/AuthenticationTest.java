package io.vigil.gateway.auth;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Keys, JWTs, logins, sessions, throttling, headers and CORS, each with real credentials (the same app as AccessMatrixTest). */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwksServer.class)
class AuthenticationTest {

    @Test
    void aKeyIsShownOnceStoredHashedAndRevokedAtOnce() {
        String admin = AccessMatrixTest.login("admin", JwksServer.ADMIN_PASSWORD);
        var created = given().cookie(VigilAuthMechanism.COOKIE, admin).contentType("application/json")
                .body(Map.of("name", "revoke-me", "role", "viewer")).post("/api/keys").then().statusCode(201)
                .body("role", is("viewer")).body("cameras", nullValue()).extract();
        String key = created.path("key");
        String id = created.path("id");
        assertThat(key).startsWith("vgk_").hasSizeGreaterThan(40);
        assertThat(TestCatalog.single("select key_hash from api_key where id = ?::uuid", id))
                .isEqualTo(SecretTokens.sha256(key)).doesNotContain(key);
        String listed = given().cookie(VigilAuthMechanism.COOKIE, admin).get("/api/keys").then().statusCode(200)
                .extract().body().asString();
        assertThat(listed).contains(id).doesNotContain(key);

        given().header("Authorization", "Bearer " + key).get("/api/cameras").then().statusCode(200);
        given().cookie(VigilAuthMechanism.COOKIE, admin).delete("/api/keys/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + key).get("/api/cameras").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"vigil\"");
        given().cookie(VigilAuthMechanism.COOKIE, admin).get("/api/keys").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.revokedAt", org.hamcrest.Matchers.notNullValue());
        // a key with a camera list limits what it sees; an admin key cannot be limited
        given().cookie(VigilAuthMechanism.COOKIE, admin).contentType("application/json")
                .body(Map.of("name", "x", "role", "admin", "cameras", List.of("door"))).post("/api/keys")
                .then().statusCode(400).body("field", is("cameras"));
    }

    @Test
    void withoutAProviderTheLoginPageOffersThePasswordOnly() {
        given().get("/api/auth/methods").then().statusCode(200).body("password", is(true)).body("oidc", nullValue());
        given().redirects().follow(false).get("/api/auth/oidc/login").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void jwtsAreVerifiedAgainstTheIssuersJwks() {
        String valid = TestJwts.valid("alice@idp", List.of("operator", "unrelated-group"), null);
        given().header("Authorization", "Bearer " + valid).get("/api/auth/me").then().statusCode(200)
                .body("principal", is("alice@idp")).body("via", is("jwt"))
                .body("roles", org.hamcrest.Matchers.containsInAnyOrder("viewer", "operator"));
        given().header("Authorization", "Bearer " + TestJwts.expired("alice@idp", List.of("admin")))
                .get("/api/cameras").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestJwts.wronglySigned("alice@idp", List.of("admin")))
                .get("/api/cameras").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestJwts.otherIssuer("alice@idp", List.of("admin")))
                .get("/api/cameras").then().statusCode(401);
        given().header("Authorization", "Bearer not.a.jwt").get("/api/cameras").then().statusCode(401);
        // unsigned (alg none) with the same claims
        String[] parts = valid.split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        given().header("Authorization", "Bearer " + none).get("/api/cameras").then().statusCode(401);
        // a valid token naming no Vigil role is known but may do nothing
        given().header("Authorization", "Bearer " + TestJwts.valid("bob@idp", List.of("staff"), null))
                .get("/api/cameras").then().statusCode(403);
    }

    @Test
    void usersLogInAndOutAndChangesApplyToOpenSessions() {
        String admin = AccessMatrixTest.login("admin", JwksServer.ADMIN_PASSWORD);
        given().cookie(VigilAuthMechanism.COOKIE, admin).contentType("application/json")
                .body(Map.of("username", "carol", "password", "carol-password-1", "role", "operator"))
                .post("/api/users").then().statusCode(201).body("role", is("operator"))
                .body("password", nullValue()).body("passwordHash", nullValue());
        assertThat(TestCatalog.single("select password_hash from vigil_user where username = 'carol'")).startsWith("$argon2id$");

        var login = given().contentType("application/json").body(Map.of("username", "carol", "password", "carol-password-1"))
                .post("/api/auth/login").then().statusCode(200).body("principal", is("carol")).extract();
        String cookie = login.cookie(VigilAuthMechanism.COOKIE);
        String setCookie = login.header("Set-Cookie");
        // every checked login is audited, the failed ones too (docs/audit.md)
        given().contentType("application/json").body(Map.of("username", "carol", "password", "not-carols-password"))
                .post("/api/auth/login").then().statusCode(401);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestCatalog.single(
                "select string_agg(outcome, ',' order by at) from audit_entry where action = 'login' and actor = 'carol'"))
                .isEqualTo("succeeded,denied"));
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        assertThat(TestCatalog.single("select count(*) from user_session where token_hash = ?", SecretTokens.sha256(cookie))).isEqualTo("1");
        // the token works as a bearer too (hls.js could send it), and is found by hash only
        given().header("Authorization", "Bearer " + cookie).get("/api/auth/me").then().statusCode(200);

        // a narrower scope applies to the open session at once
        given().cookie(VigilAuthMechanism.COOKIE, admin).contentType("application/json")
                .body(Map.of("role", "viewer", "cameras", List.of("door"))).put("/api/users/carol").then().statusCode(200);
        given().cookie(VigilAuthMechanism.COOKIE, cookie).get("/api/auth/me").then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.contains("viewer")).body("cameras", org.hamcrest.Matchers.contains("door"));
        given().cookie(VigilAuthMechanism.COOKIE, cookie).put("/api/recordings/1/lock").then().statusCode(403);

        given().cookie(VigilAuthMechanism.COOKIE, cookie).post("/api/auth/logout").then().statusCode(204)
                .header("Set-Cookie", org.hamcrest.Matchers.containsString("Max-Age=0"));
        given().cookie(VigilAuthMechanism.COOKIE, cookie).get("/api/auth/me").then().statusCode(401);

        String again = AccessMatrixTest.login("carol", "carol-password-1");
        given().cookie(VigilAuthMechanism.COOKIE, admin).delete("/api/users/carol").then().statusCode(204);
        given().cookie(VigilAuthMechanism.COOKIE, again).get("/api/auth/me").then().statusCode(401);
        // the last admin stays
        given().cookie(VigilAuthMechanism.COOKIE, admin).delete("/api/users/admin").then().statusCode(409);
    }

    @Test
    void guessingPasswordsIsThrottledPerUserAndPerAddress() {
        try {
            String admin = AccessMatrixTest.login("admin", JwksServer.ADMIN_PASSWORD);
            given().cookie(VigilAuthMechanism.COOKIE, admin).contentType("application/json")
                    .body(Map.of("username", "victim", "password", "victim-password-1", "role", "viewer"))
                    .post("/api/users").then().statusCode(201);
            for (int i = 0; i < 3; i++) {
                attempt("victim", "guess-" + i).then().statusCode(401).contentType("application/problem+json");
            }
            // even the right password is not checked now
            var refused = attempt("victim", "victim-password-1").then().statusCode(429)
                    .contentType("application/problem+json").extract();
            int retryAfter = Integer.parseInt(refused.header("Retry-After"));
            assertThat(retryAfter).isBetween(1, 15 * 60);

            // another user from the same address still logs in, until the address has failed 6 times
            for (int i = 0; i < 3; i++) {
                attempt("nobody-" + i, "guess").then().statusCode(401);
            }
            attempt("admin", JwksServer.ADMIN_PASSWORD).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
            assertThat(TestCatalog.single("select count(*) from login_attempt where not succeeded")).isEqualTo("6");
        } finally {
            // the other tests log in from this address too
            TestCatalog.execute("delete from login_attempt");
        }
    }

    @Test
    void unauthenticatedIsAProblemWithAChallenge() {
        given().get("/api/cameras").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"vigil\"").body("status", is(401));
        given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"vigil\"");
        given().contentType("application/json").body(Map.of("username", "admin", "password", "wrong-password"))
                .post("/api/auth/login").then().statusCode(401).contentType("application/problem+json");
        TestCatalog.execute("delete from login_attempt");
    }

    @Test
    void securityHeadersOnTheUiAndTheApi() {
        for (String path : List.of("/", "/api/cameras", "/q/health")) {
            var response = given().get(path).then().extract();
            assertThat(response.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("http");
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }

    @Test
    void corsOnlyForTheConfiguredOrigin() {
        given().header("Origin", "https://evil.example").get("/api/cameras").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "DELETE")
                .options("/api/cameras/door").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", JwksServer.ALLOWED_ORIGIN).header("Access-Control-Request-Method", "GET")
                .options("/api/cameras").then().header("Access-Control-Allow-Origin", JwksServer.ALLOWED_ORIGIN);
    }

    private static io.restassured.response.Response attempt(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }
}
