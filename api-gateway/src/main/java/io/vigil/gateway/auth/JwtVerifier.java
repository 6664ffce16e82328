package io.vigil.gateway.auth;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer JWTs from any standard issuer (an OIDC provider's access or ID tokens, or tokens another system
 * signs): signature (RS*, PS*, ES*; never none or HMAC) against the issuer's JWKS, fetched and refreshed on
 * unknown key ids, or against one configured public key; exp required, iss and aud when configured.
 * Claims: roles from {@code roles-claim}, camera scope from {@code cameras-claim}, name from {@code principal-claim}.
 */
@ApplicationScoped
@Startup
public class JwtVerifier {

    private static final Logger LOG = Logger.getLogger(JwtVerifier.class);

    private final AuthConfig.Jwt config;
    private final JwtConsumer consumer;

    JwtVerifier(AuthConfig config) {
        this.config = config.jwt();
        this.consumer = consumer(this.config);
    }

    /** True when JWTs can be verified at all (a JWKS or a public key is configured). */
    public boolean enabled() {
        return consumer != null;
    }

    /** The grant of a valid token; empty for an invalid, expired or wrongly signed one. Blocking (a JWKS fetch). */
    public Optional<Grant> grant(String token) {
        if (consumer == null) {
            return Optional.empty();
        }
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            LOG.debugf("JWT refused: %s", e.getMessage());
            return Optional.empty();
        }
        Map<String, Object> all = claims.getClaimsMap();
        String principal = TokenClaims.text(all, config.principalClaim());
        return principal == null ? Optional.empty() : Optional.of(TokenClaims.grant(all, principal, config, "jwt"));
    }

    private static JwtConsumer consumer(AuthConfig.Jwt config) {
        if (config.jwksUrl().isPresent() && config.publicKey().isPresent()) {
            throw new IllegalStateException("vigil.auth.jwt: set jwks-url or public-key, not both");
        }
        if (config.jwksUrl().isEmpty() && config.publicKey().isEmpty()) {
            return null;
        }
        JwtConsumerBuilder builder = TokenClaims.builder(config);
        config.issuer().ifPresent(builder::setExpectedIssuer);
        if (config.audience().isPresent()) {
            builder.setExpectedAudience(config.audience().get());
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        if (config.jwksUrl().isPresent()) {
            String url = config.jwksUrl().get();
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw new IllegalStateException("vigil.auth.jwt.jwks-url must be an http(s) URL");
            }
            builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(url)));
        } else {
            builder.setVerificationKey(publicKey(config.publicKey().get()));
        }
        return builder.build();
    }

    static PublicKey publicKey(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("vigil.auth.jwt.public-key is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        for (String algorithm : Set.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next kind
            }
        }
        throw new IllegalStateException("vigil.auth.jwt.public-key is neither an RSA nor an EC public key");
    }
}
