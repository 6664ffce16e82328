package io.vigil.gateway.auth;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

/**
 * The web UI's OIDC login against a real provider (OidcProviderServer): the browser's hops are made here
 * one by one (login → provider → callback), each with what a browser would carry, and what goes wrong is
 * checked to end on the login page with a reason and no session.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcProviderServer.class)
class OidcLoginTest {

    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theLoginPageOffersTheProvider() {
        given().get("/api/auth/methods").then().statusCode(200)
                .body("password", is(true))
                .body("oidc.name", is(OidcProviderServer.DISPLAY_NAME))
                .body("oidc.login", is("/api/auth/oidc/login"));
    }

    @Test
    void aUserOfTheProviderLogsInWithTheRolesAndCamerasItGrants() throws Exception {
        ExtractableResponse<Response> start = given().redirects().follow(false)
                .queryParam("return", "/#/cameras/door").get("/api/auth/oidc/login").then().statusCode(302).extract();
        URI authorize = URI.create(start.header("Location"));
        assertThat(authorize.toString()).startsWith(OidcProviderServer.issuer() + "/authorize");
        Map<String, String> asked = query(authorize);
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", OidcProviderServer.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge");
        assertThat(asked.get("scope").split(" ")).contains("openid");
        assertThat(start.header("Set-Cookie")).contains(OidcPending.COOKIE + "=").contains("HttpOnly")
                .contains("SameSite=Lax").contains("Path=/api/auth/oidc");
        String pending = start.cookie(OidcPending.COOKIE);
        assertThat(pending).doesNotContain(asked.get("code_challenge"));

        URI back = provider(authorize, "dora-subject", """
                {"preferred_username": "dora", "groups": ["operator", "staff"], "vigil_cameras": ["door"]}""");
        ExtractableResponse<Response> callback = callback(back, pending).then().statusCode(303).extract();
        assertThat(callback.header("Location")).endsWith("/#/cameras/door");
        String session = callback.cookie(VigilAuthMechanism.COOKIE);
        assertThat(session).startsWith(SecretTokens.SESSION_PREFIX);
        assertThat(callback.headers().getValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(VigilAuthMechanism.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict"));

        given().cookie(VigilAuthMechanism.COOKIE, session).get("/api/auth/me").then().statusCode(200)
                .body("principal", is("dora")).body("via", is("oidc"))
                .body("roles", containsInAnyOrder("viewer", "operator")).body("cameras", containsInAnyOrder("door"));
        // the grant is the session's own: no local user was made
        assertThat(TestCatalog.single("select count(*) from vigil_user where username = 'dora'")).isEqualTo("0");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestCatalog.single(
                "select string_agg(outcome, ',') from audit_entry where action = 'login' and actor = 'dora'")).isEqualTo("succeeded"));
        // the same code and cookie again: the provider has spent the code, no second session
        assertThat(callback(back, pending).then().statusCode(303).extract().cookie(VigilAuthMechanism.COOKIE)).isNull();

        given().cookie(VigilAuthMechanism.COOKIE, session).post("/api/auth/logout").then().statusCode(204);
        given().cookie(VigilAuthMechanism.COOKIE, session).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void aCallbackThisBrowserDidNotStartMakesNoSession() throws Exception {
        Started login = start("/");
        URI back = provider(login.authorize(), "eve", "{\"groups\": [\"admin\"]}");
        // no cookie: the code was sent to another browser (login CSRF), or the login took too long
        refused(callback(back, null), "no_login");
        // another login's cookie: its state does not match
        Started other = start("/");
        refused(callback(back, other.cookie()), "no_login");
    }

    @Test
    void aChangedVerifierOrNonceIsRefused() throws Exception {
        Started login = start("/");
        URI back = provider(login.authorize(), "mallory", "{\"groups\": [\"admin\"]}");
        OidcPending real = OidcPending.of(login.cookie());
        // PKCE: the provider checks the verifier against the challenge it was given
        OidcPending otherVerifier = new OidcPending(real.state(), real.nonce(), SecretTokens.random(32), real.redirectUri(), "/");
        refused(callback(back, otherVerifier.cookieValue()), "refused");

        Started second = start("/");
        URI secondBack = provider(second.authorize(), "mallory", "{\"groups\": [\"admin\"]}");
        OidcPending pending = OidcPending.of(second.cookie());
        OidcPending otherNonce = new OidcPending(pending.state(), SecretTokens.random(32), pending.verifier(), pending.redirectUri(), "/");
        refused(callback(secondBack, otherNonce.cookieValue()), "invalid_token");
    }

    @Test
    void aUserTheProviderGrantsNoVigilRoleIsNotLoggedIn() throws Exception {
        Started login = start("/");
        refused(callback(provider(login.authorize(), "frank", "{\"groups\": [\"staff\"]}"), login.cookie()), "no_role");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestCatalog.single(
                "select string_agg(outcome, ',') from audit_entry where action = 'login' and actor = 'frank'")).isEqualTo("denied"));
    }

    @Test
    void theProvidersRefusalAndForeignReturnPathsEndOnTheLoginPage() throws Exception {
        Started login = start("https://elsewhere.example/phish");
        OidcPending pending = OidcPending.of(login.cookie());
        assertThat(pending.returnTo()).isEqualTo("/");
        var denied = given().redirects().follow(false).cookie(OidcPending.COOKIE, login.cookie())
                .queryParam("state", pending.state()).queryParam("error", "access_denied")
                .get("/api/auth/oidc/callback");
        refused(denied, "refused");
        assertThat(OidcPending.localPath("//elsewhere.example")).isEqualTo("/");
        assertThat(OidcPending.localPath("/\\elsewhere.example")).isEqualTo("/");
        assertThat(OidcPending.localPath("/no spaces in a Location")).isEqualTo("/");
        assertThat(OidcPending.localPath("/#/cameras/door")).isEqualTo("/#/cameras/door");
    }

    private record Started(URI authorize, String cookie) {
    }

    private static Started start(String returnTo) {
        ExtractableResponse<Response> start = given().redirects().follow(false).queryParam("return", returnTo)
                .get("/api/auth/oidc/login").then().statusCode(302).extract();
        return new Started(URI.create(start.header("Location")), start.cookie(OidcPending.COOKIE));
    }

    /** The browser at the provider: its login page, filled in and sent; the provider sends the browser back with a code. */
    private static URI provider(URI authorize, String username, String claims) throws Exception {
        HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8);
        HttpResponse<String> answer = BROWSER.send(HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the provider's answer: %s", answer.body()).isEqualTo(302);
        URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/api/auth/oidc/callback");
        assertThat(query(back)).containsKeys("code", "state");
        return back;
    }

    private static Response callback(URI back, String pendingCookie) {
        var request = given().redirects().follow(false).urlEncodingEnabled(false);
        if (pendingCookie != null) {
            request.cookie(OidcPending.COOKIE, pendingCookie);
        }
        return request.get(back.getRawPath() + "?" + back.getRawQuery());
    }

    private static void refused(Response response, String code) {
        ExtractableResponse<Response> answer = response.then().statusCode(303).extract();
        URI location = URI.create(answer.header("Location"));
        assertThat(location.getPath()).isEqualTo("/");
        assertThat(query(location).get("login_error")).isEqualTo(code);
        assertThat(answer.cookie(VigilAuthMechanism.COOKIE)).isNull();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
