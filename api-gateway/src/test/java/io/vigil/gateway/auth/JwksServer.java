package io.vigil.gateway.auth;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An issuer's JWKS endpoint, as an OIDC provider serves it, with a key made for this run: the gateway
 * fetches it over HTTP like any JWKS. The test signs with the private half (passed as test.jwt.signing-key).
 * Also the settings the security tests need: a bootstrap admin, small login limits, CORS for one origin.
 */
public class JwksServer implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://issuer.vigil.test";
    static final String ADMIN_PASSWORD = "bootstrap-admin-password";
    static final String ALLOWED_ORIGIN = "https://ui.vigil.test";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-key-1");
            byte[] jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return Map.of(
                    "vigil.auth.jwt.jwks-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks",
                    "vigil.auth.jwt.issuer", ISSUER,
                    "test.jwt.signing-key", key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE),
                    "vigil.auth.bootstrap.admin-password", ADMIN_PASSWORD,
                    "vigil.auth.login.max-failures-per-user", "3",
                    "vigil.auth.login.max-failures-per-address", "6",
                    "quarkus.http.cors.enabled", "true",
                    "quarkus.http.cors.origins", ALLOWED_ORIGIN);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot make a test signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the JWKS", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
