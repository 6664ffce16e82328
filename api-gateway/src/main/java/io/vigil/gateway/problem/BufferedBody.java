package io.vigil.gateway.problem;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;

/**
 * Hands a chunked body that {@link BodyLimit} read (and found within the limit) to the REST layer: the
 * request has ended by then, so the REST layer would read nothing from it.
 */
public class BufferedBody {

    private static final String KEY = BufferedBody.class.getName();

    static void keep(RoutingContext context, byte[] body) {
        context.put(KEY, body);
    }

    @ServerRequestFilter(preMatching = true)
    public void restore(ContainerRequestContext request, RoutingContext context) {
        byte[] body = context.get(KEY);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }
}
