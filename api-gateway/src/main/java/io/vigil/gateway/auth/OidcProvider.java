package io.vigil.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The OIDC provider the web UI logs in through (authorization code flow with PKCE, OpenID Connect Core
 * §3.1): its discovery document, read at the first login and again after a failure, so the gateway starts
 * while the provider is down; the code exchanged at its token endpoint; the ID token verified against its
 * JWKS (signature, iss, aud = client id, exp, nonce). Blocking: callers are on worker threads.
 */
@ApplicationScoped
@Startup
public class OidcProvider {

    private static final Logger LOG = Logger.getLogger(OidcProvider.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AuthConfig.Oidc config;
    private final AuthConfig.Jwt claims;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Endpoints endpoints;

    OidcProvider(AuthConfig config, ObjectMapper json) {
        this.config = config.oidc();
        this.claims = config.jwt();
        this.json = json;
        check(this.config);
    }

    /** True when the UI may offer the login (issuer and client id are set). */
    public boolean enabled() {
        return config.issuer().isPresent();
    }

    public String displayName() {
        return config.displayName();
    }

    /** The configured redirect URI, else the callback at the origin the browser reached this gateway by. */
    String redirectUri(Supplier<String> requestOrigin) {
        return config.redirectUri().orElseGet(() -> requestOrigin.get() + OidcLoginResource.CALLBACK_PATH);
    }

    /** Where the browser goes to log in. */
    URI authorization(OidcPending pending) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId().orElseThrow());
        query.put("redirect_uri", pending.redirectUri());
        query.put("scope", scopes());
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", challenge(pending.verifier()));
        query.put("code_challenge_method", "S256");
        String endpoint = endpoints().authorization();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query));
    }

    /** The code exchanged and the ID token verified: the grant it gives (role null when it names no Vigil role). */
    Grant login(String code, OidcPending pending) {
        Endpoints at = endpoints();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", pending.redirectUri());
        form.put("code_verifier", pending.verifier());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(at.token())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (config.clientSecret().isPresent()) {
            // client_secret_basic (RFC 6749 §2.3.1): both parts form-encoded before Base64
            String basic = encode(config.clientId().orElseThrow()) + ":" + encode(config.clientSecret().get());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", config.clientId().orElseThrow());
        }
        JsonNode answer;
        try {
            HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build(),
                    HttpResponse.BodyHandlers.ofString());
            answer = parse(response.body());
            if (response.statusCode() != 200) {
                String error = answer == null ? "HTTP " + response.statusCode() : answer.path("error").asText("HTTP " + response.statusCode());
                throw new OidcLoginException(OidcLoginException.Kind.REFUSED, "the identity provider refused the login code (" + error + ")");
            }
        } catch (IOException e) {
            throw unreachable(at.token(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(at.token(), e);
        }
        String idToken = answer == null ? null : answer.path("id_token").asText(null);
        if (idToken == null) {
            throw new OidcLoginException(OidcLoginException.Kind.REFUSED, "the identity provider answered without an ID token");
        }
        JwtClaims verified;
        try {
            verified = at.idTokens().processToClaims(idToken);
        } catch (InvalidJwtException e) {
            LOG.infof("OIDC ID token refused: %s", e.getMessage());
            throw new OidcLoginException(OidcLoginException.Kind.INVALID_TOKEN, "the identity provider's ID token is not valid");
        }
        Map<String, Object> all = verified.getClaimsMap();
        if (!pending.nonce().equals(all.get("nonce"))) {
            throw new OidcLoginException(OidcLoginException.Kind.INVALID_TOKEN, "the ID token is not for this login (nonce)");
        }
        String principal = TokenClaims.text(all, config.principalClaim());
        return TokenClaims.grant(all, principal != null ? principal : TokenClaims.text(all, "sub"), claims, "oidc");
    }

    private Endpoints endpoints() {
        Endpoints known = endpoints;
        if (known == null) {
            known = discover();
            endpoints = known;
        }
        return known;
    }

    /** The discovery document (OpenID Connect Discovery §4); its issuer must be the configured one exactly. */
    private Endpoints discover() {
        String issuer = config.issuer().orElseThrow();
        String url = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        JsonNode document;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            document = response.statusCode() == 200 ? parse(response.body()) : null;
            if (document == null) {
                throw new OidcLoginException(OidcLoginException.Kind.UNREACHABLE,
                        "the identity provider has no discovery document at " + url + " (HTTP " + response.statusCode() + ")");
            }
        } catch (IOException e) {
            throw unreachable(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(url, e);
        }
        if (!issuer.equals(document.path("issuer").asText())) {
            throw new OidcLoginException(OidcLoginException.Kind.UNREACHABLE, "the discovery document at " + url
                    + " names issuer " + document.path("issuer").asText() + ", not the configured " + issuer);
        }
        String authorization = document.path("authorization_endpoint").asText(null);
        String token = document.path("token_endpoint").asText(null);
        String jwks = document.path("jwks_uri").asText(null);
        if (authorization == null || token == null || jwks == null) {
            throw new OidcLoginException(OidcLoginException.Kind.UNREACHABLE,
                    "the discovery document at " + url + " lacks authorization_endpoint, token_endpoint or jwks_uri");
        }
        JwtConsumer idTokens = TokenClaims.builder(claims)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(config.clientId().orElseThrow())
                .setRequireSubject()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwks)))
                .build();
        LOG.infof("OIDC provider %s: login at %s", issuer, authorization);
        return new Endpoints(authorization, token, idTokens);
    }

    private String scopes() {
        var scopes = new LinkedHashSet<String>();
        scopes.add("openid");
        config.scopes().forEach(scope -> scopes.add(scope.trim()));
        scopes.remove("");
        return String.join(" ", scopes);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static OidcLoginException unreachable(String url, Exception cause) {
        LOG.warnf("OIDC provider unreachable at %s: %s", url, cause.toString());
        return new OidcLoginException(OidcLoginException.Kind.UNREACHABLE, "the identity provider cannot be reached");
    }

    /** PKCE S256 (RFC 7636 §4.2). */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void check(AuthConfig.Oidc config) {
        if (config.issuer().isPresent() != config.clientId().isPresent()) {
            throw new IllegalStateException("vigil.auth.oidc: set issuer and client-id together (or neither, for no OIDC login)");
        }
        requireUrl("issuer", config.issuer());
        requireUrl("redirect-uri", config.redirectUri());
    }

    private static void requireUrl(String property, Optional<String> value) {
        if (value.isPresent() && !value.get().startsWith("https://") && !value.get().startsWith("http://")) {
            throw new IllegalStateException("vigil.auth.oidc." + property + " must be an http(s) URL, not " + value.get());
        }
    }

    private record Endpoints(String authorization, String token, JwtConsumer idTokens) {
    }
}
