package io.vigil.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Authentication settings (docs/security.md); Quarkus refuses to start, naming the property, when one is wrong. */
@ConfigMapping(prefix = "vigil.auth")
public interface AuthConfig {

    Jwt jwt();

    Session session();

    Login login();

    Bootstrap bootstrap();

    Oidc oidc();

    /** Bearer JWTs from an OIDC provider or any issuer: verified against its JWKS or one public key. */
    interface Jwt {

        /** The issuer's JWKS, e.g. {@code https://idp.example/realms/vigil/protocol/openid-connect/certs}. */
        Optional<String> jwksUrl();

        /** Instead of a JWKS: one RSA or EC public key, PEM ({@code -----BEGIN PUBLIC KEY-----}). */
        Optional<String> publicKey();

        /** Required {@code iss}; unset: any issuer whose key verifies. */
        Optional<String> issuer();

        /** Required in {@code aud}; unset: the audience is not checked. */
        Optional<String> audience();

        /** The claim listing roles (viewer, operator, admin, metrics); a dotted path reaches nested claims. The UI's OIDC login reads it too. */
        @WithDefault("groups")
        String rolesClaim();

        /** The claim listing the camera ids the roles are limited to; absent from a token: every camera. The UI's OIDC login reads it too. */
        @WithDefault("vigil_cameras")
        String camerasClaim();

        /** The claim naming the caller (audit, logs). */
        @WithDefault("sub")
        String principalClaim();

        @WithDefault("30s")
        @DurationMax(minutes = 5)
        Duration clockSkew();
    }

    interface Session {

        /** How long a login lasts; then the user logs in again. */
        @WithDefault("12h")
        @DurationMin(minutes = 1)
        @DurationMax(days = 30)
        Duration lifetime();

        /** The cookie's Secure flag; browsers accept it on http://localhost too. Off only for plain HTTP on other hosts. */
        @WithDefault("true")
        boolean secureCookie();
    }

    interface Login {

        /** Failed logins of one user name within the window before further attempts are refused (429). */
        @WithDefault("5")
        @Min(1)
        @Max(1000)
        int maxFailuresPerUser();

        /** Failed logins from one client address within the window before it is refused (429). */
        @WithDefault("20")
        @Min(1)
        @Max(100000)
        int maxFailuresPerAddress();

        @WithDefault("15m")
        @DurationMin(seconds = 1)
        @DurationMax(days = 1)
        Duration window();
    }

    /** The first admin, created at start when no user of that name exists ({@code ./vigil up} sets it). */
    interface Bootstrap {

        @WithDefault("admin")
        @Pattern(regexp = Users.USERNAME_PATTERN, message = "a user name is 1 to 64 of a-z A-Z 0-9 . _ @ -")
        String adminUsername();

        /** Never logged; unset: no user is created. */
        Optional<String> adminPassword();
    }

    /**
     * The web UI's login through an OIDC provider: authorization code with PKCE, the ID token verified
     * against the provider's JWKS, then a Vigil session. Off unless issuer and client-id are both set.
     */
    interface Oidc {

        /** The provider's issuer, e.g. {@code https://idp.example/realms/vigil}; its discovery document is read at the first login. */
        Optional<String> issuer();

        /** This gateway's client id at the provider (also the ID token's required audience). */
        Optional<String> clientId();

        /** For a confidential client (sent as HTTP Basic to the token endpoint); unset: a public client, PKCE alone. Never logged. */
        Optional<String> clientSecret();

        /** Where the provider sends the browser back, e.g. {@code https://nvr.example/api/auth/oidc/callback}; unset: this gateway's own URL as the browser reached it. */
        Optional<String> redirectUri();

        /** The scopes asked for; openid is always among them. */
        @WithDefault("openid,profile,email")
        List<String> scopes();

        /** The ID token claim naming the user (audit, UI); the token's {@code sub} when it lacks this one. */
        @WithDefault("preferred_username")
        String principalClaim();

        /** What the login button says: "Log in with …". */
        @WithDefault("single sign-on")
        String displayName();
    }
}
