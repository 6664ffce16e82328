package io.vigil.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vigil.gateway.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

@Path("/api/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "keys")
@RolesAllowed(Roles.ADMIN)
@Blocking
public class ApiKeyResource {

    private final ApiKeys keys;
    private final SecurityIdentity identity;

    ApiKeyResource(ApiKeys keys, SecurityIdentity identity) {
        this.keys = keys;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Make an API key (send it as Authorization: Bearer); the answer's `key` is shown this once")
    @APIResponse(responseCode = "201", description = "created; `key` is not stored and cannot be shown again")
    @APIResponse(responseCode = "400", description = "name, role or cameras not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ApiKeyView> create(ApiKeyRequest request) {
        ApiKeyView key = keys.create(request, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<ApiKeyView>created(URI.create("/api/keys/" + key.id())).entity(key).build();
    }

    @GET
    @Operation(summary = "Every key, revoked ones too, without the keys themselves")
    public List<ApiKeyView> list() {
        return keys.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a key: refused by every gateway replica from the next request on")
    @APIResponse(responseCode = "204", description = "revoked (also when it already was)")
    @APIResponse(responseCode = "404", description = "no such key")
    public void revoke(@RestPath String id) {
        keys.revoke(id);
    }
}
