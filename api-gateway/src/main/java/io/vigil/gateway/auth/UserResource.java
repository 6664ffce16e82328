package io.vigil.gateway.auth;

import io.smallrye.common.annotation.Blocking;
import io.vigil.gateway.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users")
@RolesAllowed(Roles.ADMIN)
@Blocking
@APIResponse(responseCode = "400", description = "invalid request; `field` names the culprit",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UserResource {

    private final Users users;

    UserResource(Users users) {
        this.users = users;
    }

    @GET
    @Operation(summary = "Local users (admins only)")
    public List<UserView> list() {
        return users.list();
    }

    @GET
    @Path("{username}")
    @APIResponse(responseCode = "404", description = "no such user")
    public UserView get(@RestPath String username) {
        return users.get(username);
    }

    @POST
    @Operation(summary = "Create a local user with a role, limited to some cameras or not")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "409", description = "a user of that name exists")
    public RestResponse<UserView> create(UserRequest request) {
        UserView user = users.create(request);
        return RestResponse.ResponseBuilder.<UserView>created(URI.create("/api/users/" + user.username())).entity(user).build();
    }

    @PUT
    @Path("{username}")
    @Operation(summary = "Change a user's role and cameras (given together) and/or password; applies to their open sessions at once")
    @APIResponse(responseCode = "404", description = "no such user")
    @APIResponse(responseCode = "409", description = "this would leave no admin")
    public UserView update(@RestPath String username, UserRequest request) {
        return users.update(username, request);
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Delete a user; their sessions end at once")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no such user")
    @APIResponse(responseCode = "409", description = "the last admin")
    public void delete(@RestPath String username) {
        users.delete(username);
    }
}
