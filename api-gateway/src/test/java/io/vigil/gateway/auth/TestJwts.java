package io.vigil.gateway.auth;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.security.PrivateKey;
import java.util.List;

/** JWTs as an issuer would sign them, with the key JwksServer publishes (or, for forgeries, another). */
final class TestJwts {

    private TestJwts() {
    }

    static String valid(String subject, List<String> groups, List<String> cameras) {
        return sign(claims(subject, groups, cameras, 300), signingKey().getRsaPrivateKey(), "test-key-1");
    }

    static String expired(String subject, List<String> groups) {
        return sign(claims(subject, groups, null, -3600), signingKey().getRsaPrivateKey(), "test-key-1");
    }

    /** Right key id and claims, signed by a key the issuer never published. */
    static String wronglySigned(String subject, List<String> groups) {
        try {
            RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
            return sign(claims(subject, groups, null, 300), other.getRsaPrivateKey(), "test-key-1");
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String otherIssuer(String subject, List<String> groups) {
        JwtClaims claims = claims(subject, groups, null, 300);
        claims.setIssuer("https://elsewhere.test");
        return sign(claims, signingKey().getRsaPrivateKey(), "test-key-1");
    }

    private static JwtClaims claims(String subject, List<String> groups, List<String> cameras, int expiresInSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(JwksServer.ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + expiresInSeconds));
        claims.setStringListClaim("groups", groups);
        if (cameras != null) {
            claims.setStringListClaim("vigil_cameras", cameras);
        }
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey signingKey() {
        String json = ConfigProvider.getConfig().getValue("test.jwt.signing-key", String.class);
        try {
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(json);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
