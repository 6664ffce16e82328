package io.vigil.gateway.auth;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What bearer JWTs and the UI's OIDC ID tokens share: the signatures accepted and how claims become a {@link Grant}. */
final class TokenClaims {

    private TokenClaims() {
    }

    /** Asymmetric signatures only: never none, never HMAC (whose key a verifier would have to share). */
    static JwtConsumerBuilder builder(AuthConfig.Jwt config) {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                        AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512);
    }

    /**
     * The grant of verified claims: roles from {@code roles-claim}, camera scope from {@code cameras-claim}.
     * A token naming no Vigil role gives a grant without role (authenticated, may do nothing).
     */
    static Grant grant(Map<String, Object> claims, String principal, AuthConfig.Jwt config, String via) {
        Role role = Role.highest(strings(claim(claims, config.rolesClaim()))).orElse(null);
        Object cameras = claim(claims, config.camerasClaim());
        return new Grant(principal, via, role, cameras == null ? null : Grant.cameras(strings(cameras)));
    }

    /** A non-blank string claim, or null. */
    static String text(Map<String, Object> claims, String path) {
        return claim(claims, path) instanceof String text && !text.isBlank() ? text : null;
    }

    /** A claim by name, or by a dotted path into nested objects (Keycloak's {@code realm_access.roles}). */
    static Object claim(Map<String, Object> claims, String path) {
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
    static List<String> strings(Object value) {
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
}
