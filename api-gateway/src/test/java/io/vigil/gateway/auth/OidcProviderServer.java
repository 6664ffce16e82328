package io.vigil.gateway.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

import java.util.Map;

/**
 * A real OIDC provider for the login tests: NAV's mock-oauth2-server (discovery, authorization endpoint,
 * token endpoint with PKCE, JWKS, signed ID tokens) on a free port in the test JVM. Its login page is
 * interactive: the test fills in the user name (the subject) and the ID token's claims, as a user would.
 */
public class OidcProviderServer implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER_ID = "vigil-test";
    static final String CLIENT_ID = "vigil-ui";
    static final String DISPLAY_NAME = "Test IdP";

    private static MockOAuth2Server server;

    @Override
    public Map<String, String> start() {
        server = new MockOAuth2Server(new OAuth2Config(true));
        server.start();
        return Map.of(
                "vigil.auth.oidc.issuer", issuer(),
                "vigil.auth.oidc.client-id", CLIENT_ID,
                "vigil.auth.oidc.client-secret", "test-client-secret",
                "vigil.auth.oidc.display-name", DISPLAY_NAME);
    }

    static String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }
}
