package io.vigil.gateway.auth;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
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
        Object name = claim(all, config.principalClaim());
        if (!(name instanceof String principal) || principal.isBlank()) {
            return Optional.empty();
        }
        List<String> roles = strings(claim(all, config.rolesClaim()));
        Object cameras = claim(all, config.camerasClaim());
        // a token naming no Vigil role is authenticated but may do nothing (403), rather than refused
        Role role = Role.highest(roles).orElse(null);
        return Optional.of(new Grant(principal, "jwt", role, cameras == null ? null : Grant.cameras(strings(cameras))));
    }

    /** A claim by name, or by a dotted path into nested objects (Keycloak's {@code realm_access.roles}). */
    private static Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object at = claims;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(part);
        }
        return at;
    }

    /** A list claim, or a space-separated string (as {@code scope} is). */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(one -> {
                if (one instanceof String text) {
                    out.add(text);
                }
            });
        } else if (value instanceof String text) {
            for (String one : text.trim().split("\\s+")) {
                if (!one.isEmpty()) {
                    out.add(one);
                }
            }
        }
        return out;
    }

    private static JwtConsumer consumer(AuthConfig.Jwt config) {
        if (config.jwksUrl().isPresent() && config.publicKey().isPresent()) {
            throw new IllegalStateException("vigil.auth.jwt: set jwks-url or public-key, not both");
        }
        if (config.jwksUrl().isEmpty() && config.publicKey().isEmpty()) {
            return null;
        }
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                        AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512);
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
