package io.vigil.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Turns a presented credential into an identity: principal name, roles, and the camera scope attribute. */
@ApplicationScoped
class VigilIdentityProvider implements IdentityProvider<Credential> {

    /** The identity attribute naming how the caller authenticated: session, key or jwt. */
    static final String VIA = "vigil.via";

    private final ApiKeys keys;
    private final Sessions sessions;
    private final JwtVerifier jwts;

    VigilIdentityProvider(ApiKeys keys, Sessions sessions, JwtVerifier jwts) {
        this.keys = keys;
        this.sessions = sessions;
        this.jwts = jwts;
    }

    @Override
    public Class<Credential> getRequestType() {
        return Credential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(Credential credential, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Optional<Grant> grant = switch (credential.kind()) {
                case KEY -> keys.grant(credential.token());
                case SESSION -> sessions.grant(credential.token());
                case JWT -> jwts.grant(credential.token());
            };
            return identity(grant.orElseThrow(() -> new AuthenticationFailedException(
                    "the " + credential.kind().name().toLowerCase() + " is not valid")));
        });
    }

    static SecurityIdentity identity(Grant grant) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(grant.principal()))
                .addAttribute(VIA, grant.via());
        if (grant.role() != null) {
            builder.addRoles(grant.role().granted());
        }
        if (grant.cameras() != null) {
            builder.addAttribute(CameraScope.ATTRIBUTE, grant.cameras());
        }
        return builder.build();
    }
}
